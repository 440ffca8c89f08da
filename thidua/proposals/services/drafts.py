"""The draft (dự thảo) of a decision: the office writes the parts a person writes — trích yếu,
căn cứ, the articles, nơi nhận, and the number the UBND's register gave — from the council's
result; the chairman sees exactly that draft rendered and signs it (``sign_decision`` compares
the draft's fingerprint with the one she saw).

The outgoing-documents register (sổ đăng ký văn bản đi): one ``NumberCounter`` row per issuer,
year and symbol. The office sets where the sequence continues (the register's next number)
or the draft carries the number the register gave; numbers below 10 take a leading zero
(ND 30/2020: "Số: 01/QĐ-UBND")."""
from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.scoping import can_see_organisation
from thidua.awards.catalogue import title_name
from thidua.core.audit import log_create, log_update, snapshot
from thidua.core.text import collation_key, nfc, nfc_lines
from thidua.rules.bases import decision_bases

from .. import workflow
from ..access import can_process, is_office, require
from ..models import Decision, DecisionDraft, Dossier, Nomination, NumberCounter, format_number
from ..workflow import OFFICE_ONLY
from .transitions import lock_dossier

S = Dossier.State


# -- the register ----------------------------------------------------------------------------

@transaction.atomic
def set_register_next(*, actor, issuer, year: int, series: str, next_number: int) -> NumberCounter:
    """The register continues at ``next_number`` (e.g. 743 when the register's last entry is
    742). A number already given to a decision of the system cannot be given again."""
    require(is_office(actor) and can_see_organisation(actor, issuer), OFFICE_ONLY)
    if next_number < 1:
        raise ValidationError("Số tiếp theo phải từ 1 trở lên.")
    used = (Decision.objects.filter(issuer=issuer, year=year, number__endswith=f"/{series}", sequence__isnull=False)
            .order_by("-sequence").values_list("sequence", flat=True).first())
    if used is not None and next_number <= used:
        raise ValidationError("Số %s đã cấp cho một quyết định; số tiếp theo phải lớn hơn %d."
                              % (format_number(used, series), used))
    counter, created = NumberCounter.objects.select_for_update().get_or_create(issuer=issuer, year=year, series=series)
    before = snapshot(counter)
    counter.last = next_number - 1
    counter.save(update_fields=["last"])
    if created:
        log_create(actor=actor, instance=counter, note=f"Sổ đăng ký văn bản đi {series} năm {year}: tiếp theo số {next_number}")
    else:
        log_update(actor=actor, instance=counter, before=before,
                   note=f"Sổ đăng ký văn bản đi {series} năm {year}: tiếp theo số {next_number}")
    return counter


def take_number(*, issuer, year: int, series: str, given: int | None = None) -> int:
    """The number of a document being signed, inside the signing transaction (the register's
    row stays locked until it commits, so two signatures never share a number): the number the
    register gave (``given``), or the register's next one."""
    counter, _ = NumberCounter.objects.select_for_update().get_or_create(issuer=issuer, year=year, series=series)
    if given is None:
        counter.last += 1
        counter.save(update_fields=["last"])
        return counter.last
    if Decision.objects.filter(issuer=issuer, year=year, sequence=given).exists():
        raise ValidationError("Số %s năm %d đã được cấp cho một quyết định khác; hãy kiểm tra sổ đăng ký văn bản đi."
                              % (format_number(given, series), year))
    if given > counter.last:
        counter.last = given
        counter.save(update_fields=["last"])
    return given


# -- the draft -------------------------------------------------------------------------------

def _when(award_round) -> str:
    return f"năm học {award_round.period_label}" if award_round.period_label else f"năm {award_round.year}"


def count_subjects(nominations) -> str:
    """"01 tập thể, 06 cá nhân": distinct collectives, people and households (one person with
    a title and a Giấy khen counts once)."""
    people = {n.person_id for n in nominations if n.person_id}
    units = {n.organisation_id for n in nominations if n.organisation_id}
    households = {n.household_id for n in nominations if n.household_id}
    parts = [f"{len(units):02d} tập thể" if units else "", f"{len(people):02d} cá nhân" if people else "",
             f"{len(households):02d} hộ gia đình" if households else ""]
    return ", ".join(p for p in parts if p)


def vote_day(dossier: Dossier):
    """The day the council's vote closed (its own date, not the meeting's scheduled one)."""
    meeting = dossier.meeting
    if meeting is None:
        return None
    if meeting.closed_at:
        return timezone.localtime(meeting.closed_at).date()
    return meeting.held_on


def passed_nominations(dossier: Dossier) -> list[Nomination]:
    return list(dossier.nominations.filter(outcome__in=(Nomination.Outcome.PASSED, Nomination.Outcome.AWARDED))
                .select_related("award_type", "person", "organisation", "household__village").order_by("pk"))


def default_texts(dossier: Dossier) -> dict:
    """The draft as the data writes it, before anyone edits it."""
    nominations = passed_nominations(dossier)
    award_round = dossier.round
    types = {n.award_type_id: n.award_type for n in nominations}
    when = _when(award_round)
    if len(types) == 1:
        only = next(iter(types.values()))
        if only.kind == only.Kind.TITLE:
            # "Thôn văn hóa", "Tổ dân phố văn hóa"… each village by its own kind, never the catalogue's
            # "Thôn, tổ dân phố văn hóa"
            names = sorted({title_name(only, n.organisation if n.organisation_id else None) for n in nominations},
                           key=collation_key)
            action, what = "Công nhận", "danh hiệu " + ", ".join(f"“{name}”" for name in names or [only.name])
        else:
            action, what = "Tặng", only.name
    else:
        action, what = "Khen thưởng", "danh hiệu thi đua, hình thức khen thưởng"
    voted = vote_day(dossier)
    body = award_round.commune
    level = level_word(body)
    provincial = body.kind == body.Kind.CITY
    office = (f"Trưởng Ban Thi đua - Khen thưởng {level}" if provincial
              else f"công chức phụ trách thi đua - khen thưởng {level}")
    bases = decision_bases(timezone.localdate())
    bases.append(f"Căn cứ kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng {level}"
                 + (f" ngày {voted:%d/%m/%Y};" if voted else ";"))
    bases.append(f"Theo đề nghị của {dossier.unit.issuer_name if provincial else dossier.unit.name}"
                 f" và của {office}.")
    articles = [
        f"Điều 1. {action} {what} cho {count_subjects(nominations)} (có danh sách kèm theo) "
        f"đã có thành tích xuất sắc trong {when}.",
        f"Điều 2. Tiền thưởng kèm theo thực hiện theo quy định hiện hành, chi từ Quỹ thi đua, khen thưởng của {level}; "
        "mức tiền của từng tập thể, cá nhân ghi tại danh sách kèm theo.",
        f"Điều 3. Quyết định có hiệu lực kể từ ngày ký. Văn phòng Ủy ban nhân dân {body.name_in_text}, "
        f"{dossier.unit.name} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    ]
    return {"title": f"Về việc {action.lower()} {what} {when}", "legal_bases": bases, "articles": articles,
            "recipients": ["Như Điều 3;", f"Hội đồng Thi đua - Khen thưởng {level};", "Lưu: VT."],
            "register_number": None}


def level_word(body) -> str:
    """"xã" (or "phường" for a ward) for a commune's documents, "thành phố" (or "tỉnh") for the
    province's own."""
    return body.level_word


def texts_of(dossier: Dossier) -> dict:
    """The draft as it stands: the office's saved draft, or the data's default."""
    draft = DecisionDraft.objects.filter(dossier=dossier).first()
    if draft is None:
        return default_texts(dossier)
    return {"title": draft.title, "legal_bases": _lines(draft.legal_bases), "articles": _lines(draft.articles),
            "recipients": _lines(draft.recipients), "register_number": draft.register_number}


def fingerprint(texts: dict) -> str:
    """What the chairman saw: a change of the draft after her preview refuses the signature."""
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _lines(text: str) -> list[str]:
    """One item a line (a legal basis, an article, a recipient), each normalised on its own."""
    return nfc_lines(text).splitlines()


@transaction.atomic
def save_decision_draft(*, actor, dossier: Dossier, title: str, legal_bases: str, articles: str, recipients: str,
                        register_number: int | None = None) -> DecisionDraft:
    """The office writes the draft of the decision on a dossier the council voted on."""
    dossier = lock_dossier(dossier)
    require(can_process(actor, dossier), OFFICE_ONLY)
    if not workflow.in_state_for("draft_decision", dossier) or dossier.upward:
        raise ValidationError("Chỉ soạn dự thảo quyết định cho hồ sơ Hội đồng đã bỏ phiếu, thuộc thẩm quyền của xã.")
    title, article_lines = nfc(title).strip(), _lines(articles)
    if not title:
        raise ValidationError("Phải có trích yếu của quyết định.")
    if not article_lines or not article_lines[0].startswith("Điều 1."):
        raise ValidationError("Nội dung quyết định phải bắt đầu bằng “Điều 1.”.")
    if not _lines(legal_bases):
        raise ValidationError("Phải có ít nhất một căn cứ ban hành.")
    if register_number is not None and register_number < 1:
        raise ValidationError("Số theo sổ đăng ký phải từ 1 trở lên.")
    values = {"title": title, "legal_bases": "\n".join(_lines(legal_bases)), "articles": "\n".join(article_lines),
              "recipients": "\n".join(_lines(recipients)), "register_number": register_number, "updated_by": actor}
    draft = DecisionDraft.objects.select_for_update().filter(dossier=dossier).first()
    if draft is None:
        draft = DecisionDraft(dossier=dossier, **values)
        draft.full_clean()
        draft.save()
        log_create(actor=actor, instance=draft, note="Soạn dự thảo quyết định")
        return draft
    before = snapshot(draft)
    for key, value in values.items():
        setattr(draft, key, value)
    draft.full_clean()
    draft.save()
    log_update(actor=actor, instance=draft, before=before, note="Sửa dự thảo quyết định")
    return draft
