"""Writes of the targets app. Keyword-only, atomic, permission-checked, audited."""
from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_see_organisation
from thidua.awards import services as award_services
from thidua.awards.engine import current_parameters
from thidua.awards.models import AwardType
from thidua.core.audit import log_batch
from thidua.core.excel import Limits, bounded_rows, open_workbook
from thidua.core.services import create_record, update_record
from thidua.core.text import nfc, search_key
from thidua.org.models import Household, Organisation
from thidua.rules.money import NoBaseSalaryError, reward_amount

from . import culture
from .models import RECOGNISED, CultureParameter, HouseholdReview, Target, TargetValue, VillageReview


def _require_officer(actor) -> None:
    if actor is not None and not can(actor, "manage_targets"):
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng được ghi số liệu này.")


def _require_village(actor, village: Organisation) -> None:
    _require_officer(actor)
    if actor is not None and not can_see_organisation(actor, village):
        raise PermissionDenied("Thôn ngoài phạm vi của bạn.")


def _today() -> datetime.date:
    return timezone.localdate()


# --- Targets -----------------------------------------------------------------------------------

def _check_value(target: Target, value: Decimal, what: str) -> Decimal:
    if not value.is_finite() or abs(value) >= Decimal("1e12"):
        raise ValidationError(f"{what} không hợp lệ.")
    value = value.quantize(Decimal("0.01"))
    if abs(value) >= Decimal("1e12"):  # 999.999.999.999,995 rounds up to 13 digits: the column holds 12
        raise ValidationError(f"{what} không hợp lệ.")
    if value < 0:
        raise ValidationError(f"{what} không được âm.")
    if target.direction == Target.Direction.REACH:
        if value != value.to_integral_value() or value >= len(target.levels):
            raise ValidationError(f"{what} phải là một trong các mức: "
                                  + "; ".join(f"{i} = {name}" for i, name in enumerate(target.levels)) + ".")
    elif target.unit.strip() == "%" and value > 100:
        raise ValidationError(f"{what} là tỷ lệ phần trăm, không quá 100.")
    return value


@transaction.atomic
def set_planned(*, actor, target: Target, year: int, planned: Decimal | None, strict: bool | None = None) -> TargetValue:
    _require_officer(actor)
    if not 2000 <= year <= 2100:
        raise ValidationError("Năm không hợp lệ.")
    if planned is not None:
        planned = _check_value(target, planned, "Giá trị kế hoạch")
    value = TargetValue.objects.select_for_update().filter(target=target, year=year).first()
    if value is None:
        return create_record(actor=actor, model=TargetValue, target=target, year=year, planned=planned, strict=strict,
                             audit_note=f"Kế hoạch năm {year}")
    return update_record(actor=actor, instance=value, planned=planned, strict=strict, audit_note=f"Kế hoạch năm {year}")


@transaction.atomic
def enter_actual(*, actor, target: Target, year: int, actual: Decimal | None, note: str = "",
                 origin: str = TargetValue.Origin.ENTERED) -> TargetValue:
    """Record (or clear) the actual value of an entered target for a year: who and when are
    kept on the row, the change in the audit log."""
    _require_officer(actor)
    if target.is_computed:
        raise ValidationError(f"Chỉ tiêu “{target.name}” được tính tự động từ dữ liệu của hệ thống, không nhập tay.")
    if not 2000 <= year <= _today().year:
        raise ValidationError(f"Năm {year} không hợp lệ: chỉ nhập số liệu thực hiện của năm đã qua hoặc năm nay.")
    if actual is not None:
        actual = _check_value(target, actual, "Giá trị thực hiện")
    fields = {"actual": actual, "actual_note": nfc(note)[:300], "actual_origin": origin if actual is not None else "",
              "entered_by": actor if (actor is not None and actor.is_authenticated) else None,
              "entered_at": timezone.now()}
    value = TargetValue.objects.select_for_update().filter(target=target, year=year).first()
    note_text = f"Số liệu thực hiện năm {year}" + (" (nhập từ tệp)" if origin == TargetValue.Origin.IMPORTED else "")
    if value is None:
        return create_record(actor=actor, model=TargetValue, target=target, year=year, audit_note=note_text, **fields)
    return update_record(actor=actor, instance=value, audit_note=note_text, **fields)


MAX_NUMBER = Decimal(10) ** 12  # above any figure a target holds (people, households, đồng)


def parse_number(text) -> Decimal:
    """'96,5' / '96.5' / '1.234,5' / '96,5 %' -> Decimal; anything else (words, "NaN",
    "Infinity", "1e308") is a Vietnamese ValidationError."""
    if isinstance(text, (int, float, Decimal)):
        raw = str(text)
    else:
        raw = str(text or "").replace("%", "").replace(" ", "").replace("\u00a0", "").strip()
        if "," in raw and "." in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif "," in raw:
            raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(f"“{text}” không phải là số.") from None
    if not value.is_finite() or abs(value) >= MAX_NUMBER:
        raise ValidationError(f"“{text}” không phải là số hợp lệ (quá lớn hoặc không xác định).")
    return value


IMPORT_HEADERS = ("mã chỉ tiêu", "năm", "giá trị", "ghi chú")
# An uploaded workbook of actual values: sizes checked before parsing (issue #22).
TARGET_LIMITS = Limits(file_bytes=2 * 1024 * 1024, rows=5_000, columns=16, cells=80_000,
                       shared_strings_bytes=4 * 1024 * 1024, member_bytes=16 * 1024 * 1024)


def read_import_file(uploaded) -> list[list]:
    """Rows of an uploaded .xlsx or .csv (UTF-8), header row first."""
    name = (uploaded.name or "").lower()
    if uploaded.size > 2 * 1024 * 1024:
        raise ValidationError("Tệp quá lớn (tối đa 2 MB).")
    data = uploaded.read()
    if name.endswith(".xlsx"):
        book = open_workbook(data, TARGET_LIMITS)
        try:
            return [list(row) for _number, row in bounded_rows(book.worksheets[0], TARGET_LIMITS)]
        finally:
            book.close()
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("Tệp CSV phải dùng bảng mã UTF-8.") from None
        try:
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
        except csv.Error:  # one column, or nothing the sniffer recognises: the header check will say so
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    raise ValidationError("Chỉ nhận tệp .xlsx hoặc .csv.")


@transaction.atomic
def import_actuals(*, actor, commune: Organisation, rows: list[list]) -> int:
    """Import actual values: columns “Mã chỉ tiêu”, “Năm”, “Giá trị”, “Ghi chú”. All rows are
    checked first; any error rejects the whole file with every line's reason."""
    _require_officer(actor)
    if not rows:
        raise ValidationError("Tệp không có dữ liệu.")
    header = [search_key(str(c or "")) for c in rows[0]]
    if header[:3] != [search_key(h) for h in IMPORT_HEADERS[:3]]:
        raise ValidationError("Dòng tiêu đề phải là: Mã chỉ tiêu, Năm, Giá trị, Ghi chú.")
    targets = {t.code: t for t in Target.objects.filter(commune=commune)}
    parsed, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * 4
        if all(c in (None, "") for c in cells[:4]):
            continue
        code = str(cells[0] or "").strip()
        target = targets.get(code)
        try:
            if target is None:
                raise ValidationError(f"không có chỉ tiêu mã “{code}”")
            if target.is_computed:
                raise ValidationError(f"chỉ tiêu “{target.name}” được tính tự động, không nhập")
            try:
                year = int(str(cells[1]).strip())
            except ValueError:
                raise ValidationError(f"năm “{cells[1]}” không hợp lệ") from None
            value = _level_or_number(target, cells[2])
            parsed.append((target, year, value, str(cells[3] or "")))
        except ValidationError as exc:
            errors.append(f"Dòng {number}: {'; '.join(exc.messages)}")
    if not parsed and not errors:
        raise ValidationError("Tệp không có dòng số liệu nào.")
    for target, year, value, note in parsed:
        try:
            with transaction.atomic():
                enter_actual(actor=actor, target=target, year=year, actual=value, note=note,
                             origin=TargetValue.Origin.IMPORTED)
        except ValidationError as exc:
            errors.append(f"{target.code} năm {year}: {'; '.join(exc.messages)}")
    if errors:
        raise ValidationError(errors)
    return len(parsed)


def _level_or_number(target: Target, cell) -> Decimal:
    if target.direction == Target.Direction.REACH and isinstance(cell, str):
        wanted = search_key(cell)
        for index, name in enumerate(target.levels):
            if search_key(name) == wanted:
                return Decimal(index)
    return parse_number(cell)


# --- Cultural titles ---------------------------------------------------------------------------

@transaction.atomic
def open_village_review(*, actor, village: Organisation, year: int) -> VillageReview:
    """Start a village's yearly review: every household of the village is listed."""
    _require_village(actor, village)
    if village.kind != Organisation.Kind.VILLAGE:
        raise ValidationError("Chỉ bình xét danh hiệu văn hóa theo thôn.")
    if not 2000 <= year <= _today().year:
        raise ValidationError(f"Năm {year} không hợp lệ.")
    if VillageReview.objects.filter(village=village, year=year).exists():
        raise ValidationError(f"{village.name} đã có đợt bình xét năm {year}.")
    households = list(Household.objects.filter(village=village).order_by("pk"))
    if not households:
        raise ValidationError(f"{village.name} chưa có hộ gia đình nào trong hệ thống.")
    review = create_record(actor=actor, model=VillageReview, village=village, year=year,
                           audit_note=f"Mở bình xét văn hóa năm {year}")
    entries = HouseholdReview.objects.bulk_create([HouseholdReview(review=review, household=h) for h in households])
    log_batch(actor=actor, model=HouseholdReview, objects=entries,
              note=f"Danh sách {len(entries)} hộ bình xét Gia đình văn hóa năm {year} — {village.name}")
    return review


@transaction.atomic
def refresh_households(*, actor, review: VillageReview) -> int:
    """Add households registered in the village after the list was drawn up."""
    _require_village(actor, review.village)
    if review.status == VillageReview.Status.DECIDED:
        raise ValidationError("Đợt bình xét đã có quyết định; không thay đổi danh sách.")
    listed = review.entries.values("household_id")
    entries = HouseholdReview.objects.bulk_create([HouseholdReview(review=review, household=h) for h in
                                                   Household.objects.filter(village=review.village).exclude(pk__in=listed)])
    log_batch(actor=actor, model=HouseholdReview, objects=entries, note=f"Bổ sung {len(entries)} hộ vào danh sách")
    return len(entries)


def _open_for_changes(review: VillageReview) -> None:
    if review.status == VillageReview.Status.DECIDED:
        raise ValidationError("Đợt bình xét đã có quyết định công nhận; không sửa kết quả được.")


@transaction.atomic
def record_household_result(*, actor, entry: HouseholdReview, proposed: bool, movement_ok: bool = True,
                            prosperous_ok: bool = True, exclusions: list[str] = (),
                            exclusion_note: str = "") -> HouseholdReview:
    """The village meeting's result for one household and the exclusions found for it."""
    review = entry.review
    _require_village(actor, review.village)
    _open_for_changes(review)
    return update_record(actor=actor, instance=entry, proposed=proposed, movement_ok=movement_ok,
                         prosperous_ok=prosperous_ok, exclusions=sorted(set(exclusions)),
                         exclusion_note=nfc(exclusion_note)[:300], audit_note="Kết quả bình xét của hộ")


@transaction.atomic
def record_meeting(*, actor, review: VillageReview, meeting_date: datetime.date, attendance: int | None = None,
                   chair: str = "", note: str = "") -> VillageReview:
    """The village meeting was held: households without a recorded result are proposed."""
    _require_village(actor, review.village)
    _open_for_changes(review)
    if meeting_date > _today():
        raise ValidationError("Ngày họp không được ở tương lai.")
    if meeting_date.year < review.year:
        raise ValidationError(f"Ngày họp phải trong năm {review.year} hoặc sau đó.")
    pending = list(review.entries.filter(proposed__isnull=True))
    for entry in pending:
        entry.proposed = True
    HouseholdReview.objects.bulk_update(pending, ["proposed"])
    log_batch(actor=actor, model=HouseholdReview, objects=pending,
              note=f"Họp thôn ngày {meeting_date:%d/%m/%Y}: {len(pending)} hộ được đề nghị công nhận")
    return update_record(actor=actor, instance=review, status=VillageReview.Status.MEETING_HELD,
                         meeting_date=meeting_date, meeting_attendance=attendance, meeting_chair=nfc(chair),
                         meeting_note=note.strip(), audit_note="Ghi kết quả họp bình xét ở thôn")


def _check_decision(review: VillageReview, decision_number: str, decision_date: datetime.date) -> None:
    if not decision_number.strip():
        raise ValidationError("Phải ghi số quyết định.")
    if decision_date > _today():
        raise ValidationError("Ngày quyết định không được ở tương lai.")
    if review.meeting_date and decision_date < review.meeting_date:
        raise ValidationError("Ngày quyết định phải sau ngày họp thôn.")


@transaction.atomic
def decide_households(*, actor, review: VillageReview, decision_number: str, decision_date: datetime.date,
                      signer_name: str, signer_title: str = "Chủ tịch UBND xã") -> dict:
    """Record the commune chairman's decision: each household the meeting proposed is judged by
    the eligibility engine (a household with an exclusion cannot get the title) and, when
    eligible, its “Gia đình văn hóa” is written in the award ledger."""
    review = VillageReview.objects.select_for_update().select_related("village").get(pk=review.pk)
    _require_village(actor, review.village)
    if review.status == VillageReview.Status.DECIDED:
        raise ValidationError("Đợt bình xét này đã có quyết định.")
    if review.status != VillageReview.Status.MEETING_HELD:
        raise ValidationError("Phải ghi kết quả họp bình xét ở thôn trước khi ghi quyết định.")
    _check_decision(review, decision_number, decision_date)
    commune = review.village.commune()
    issuer_name = commune.issuer_name if commune else ""
    award_type = AwardType.objects.get(code="GIA_DINH_VAN_HOA")
    params = current_parameters()
    entries = list(review.entries.select_related("household"))
    recognised = 0
    for entry in entries:
        if not entry.proposed:
            entry.verdict_note = "Họp thôn không đề nghị công nhận."
            continue
        verdict = culture.judge_household(entry, review.year, params)
        if not verdict.eligible:
            entry.verdict_note = culture.refusal_text(verdict)
            continue
        entry.award = award_services.record_award(
            actor=actor, subject=entry.household, award_type=award_type, year=review.year, issuer=commune,
            issuer_name=issuer_name, decision_number=decision_number.strip(), decision_date=decision_date,
            source=f"Bình xét Gia đình văn hóa năm {review.year} — {review.village.name}",
            achievement="Đạt tiêu chuẩn Gia đình văn hóa (Nghị định 86/2023/NĐ-CP, Điều 6, Phụ lục I)")
        entry.verdict_note = ""
        recognised += 1
    HouseholdReview.objects.bulk_update(entries, ["award", "verdict_note"])
    log_batch(actor=actor, model=HouseholdReview, objects=entries,
              note=f"Quyết định số {decision_number.strip()}: {recognised}/{len(entries)} hộ được công nhận")
    update_record(actor=actor, instance=review, status=VillageReview.Status.DECIDED,
                  decision_number=decision_number.strip(), decision_date=decision_date, issuer_name=issuer_name,
                  signer_name=nfc(signer_name), signer_title=nfc(signer_title),
                  audit_note="Ghi quyết định công nhận Gia đình văn hóa")
    return {"recognised": recognised, "refused": len(entries) - recognised}


def household_share(review: VillageReview) -> tuple[int, int]:
    """(households recognised, households listed) of a review."""
    total = review.entries.count()
    return review.entries.filter(RECOGNISED).count(), total


@transaction.atomic
def decide_village_title(*, actor, review: VillageReview, criteria_met: bool, decision_number: str = "",
                         decision_date: datetime.date | None = None, note: str = "") -> VillageReview:
    """The commune's decision on the village's own title “Thôn văn hóa” for the year."""
    review = VillageReview.objects.select_for_update().select_related("village").get(pk=review.pk)
    _require_village(actor, review.village)
    if review.status != VillageReview.Status.DECIDED:
        raise ValidationError("Phải có quyết định công nhận Gia đình văn hóa của thôn trước khi xét Thôn văn hóa.")
    if review.village_award_id:
        raise ValidationError("Thôn đã được ghi danh hiệu Thôn văn hóa năm này.")
    if not criteria_met:
        return update_record(actor=actor, instance=review, village_criteria_met=False,
                             village_note=nfc(note)[:300] or "Chưa đạt các tiêu chí Thôn văn hóa.",
                             audit_note="Không công nhận Thôn văn hóa")
    ok, total = household_share(review)
    minimum = culture.parameter("thon_van_hoa.min_household_share")
    share = Decimal(ok * 100) / Decimal(total) if total else Decimal(0)
    if share < minimum:
        raise ValidationError(f"Tỷ lệ hộ đạt Gia đình văn hóa của thôn là {_vn(share.quantize(Decimal('0.1')))} %, "
                              f"thấp hơn mức tối thiểu {_vn(minimum)} % để xét Thôn văn hóa.")
    if decision_date is None:
        raise ValidationError("Phải ghi ngày quyết định.")
    _check_decision(review, decision_number, decision_date)
    commune = review.village.commune()
    try:
        amount = reward_amount("THON_VAN_HOA", "collective", decision_date)
    except (NoBaseSalaryError, KeyError, ValueError):
        amount = None
    award = award_services.record_award(
        actor=actor, subject=review.village, award_type=AwardType.objects.get(code="THON_VAN_HOA"),
        year=review.year, issuer=commune, issuer_name=commune.issuer_name if commune else "",
        decision_number=decision_number.strip(), decision_date=decision_date, amount=amount,
        source=f"Bình xét Thôn văn hóa năm {review.year}",
        achievement=f"{ok}/{total} hộ đạt Gia đình văn hóa; đạt các tiêu chí Thôn văn hóa")
    return update_record(actor=actor, instance=review, village_criteria_met=True, village_award=award,
                         village_note=nfc(note)[:300], audit_note="Công nhận Thôn văn hóa")


def _vn(number: Decimal) -> str:
    """97.40 -> '97,4'; 70.00 -> '70'."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@transaction.atomic
def update_culture_parameter(*, actor, key: str, value: Decimal, source_note: str) -> CultureParameter:
    if actor is not None and not can(actor, "administer"):
        raise PermissionDenied("Chỉ quản trị hệ thống được sửa tham số quy định.")
    if key not in culture.DEFAULT_PARAMETERS:
        raise ValidationError("Tham số không tồn tại.")
    if not source_note.strip():
        raise ValidationError("Phải ghi nguồn (văn bản, điều khoản) của giá trị mới.")
    if not Decimal(0) <= value <= Decimal(100):
        raise ValidationError("Giá trị phải từ 0 đến 100.")
    row = CultureParameter.objects.select_for_update().filter(key=key).first()
    if row is None:
        return create_record(actor=actor, model=CultureParameter, key=key, value=value, source_note=source_note.strip())
    return update_record(actor=actor, instance=row, value=value, source_note=source_note.strip())
