"""Documents rebuilt from the award ledger: the certificate of any award, the decision an
award was conferred by (all the awards sharing its issuer, number and date), the achievement
report of a person. Until the proposals app issues decisions itself, this is where a
commune's decisions and certificates come from."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q

from thidua.awards.catalogue import title_name
from thidua.awards.models import Award, Initiative, Rating
from thidua.core.text import collation_key, format_vnd, given_name_key
from thidua.org.models import Membership, Organisation, Person

from .data import AchievementReportData, AwardRow, CertificateData, DecisionData, DecisionLine, IssuerBlock, SignerBlock
from .fmt import dmy, place_of
from thidua.core.words import amount_in_words
from thidua.rules.bases import decision_bases


def verification_url(code: str) -> str:
    """Absolute URL of the public verification page of a certificate."""
    base = getattr(settings, "THIDUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/xac-minh/{code}"


def _is_committee(award: Award) -> bool:
    return (award.issuer_id is not None and award.issuer.kind in Organisation.ADMINISTRATIVE_KINDS) or \
        award.issuer_name.startswith(("UBND ", "Ủy ban nhân dân "))


def _body_name(award: Award) -> str:
    """'UBND xã Nam Thanh Miện' -> 'XÃ NAM THANH MIỆN'."""
    name = award.issuer_name
    for prefix in ("UBND ", "Ủy ban nhân dân "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.upper()


def authority_lines(award: Award) -> list[str]:
    if _is_committee(award):
        return ["CHỦ TỊCH ỦY BAN NHÂN DÂN", _body_name(award)]
    return [award.issuer_name.upper()]


def issuer_block(award: Award) -> IssuerBlock:
    if _is_committee(award):
        return IssuerBlock(name_lines=["ỦY BAN NHÂN DÂN", _body_name(award)])
    return IssuerBlock(name_lines=[award.issuer_name.upper()], symbol="")


FORM_NAMES = [("Giấy khen", "GIẤY KHEN"), ("Bằng khen", "BẰNG KHEN"), ("Kỷ niệm chương", "KỶ NIỆM CHƯƠNG"),
              ("Cờ thi đua", "CỜ THI ĐUA")]


def award_heading(award: Award) -> tuple[str, str]:
    """(verb, name) printed on the certificate: ('TẶNG', 'GIẤY KHEN'), ('CÔNG NHẬN DANH HIỆU',
    'CHIẾN SĨ THI ĐUA CƠ SỞ'), ('CÔNG NHẬN DANH HIỆU', 'THÔN VĂN HÓA')."""
    name = title_name(award.award_type, award.organisation if award.organisation_id else None)
    for prefix, printed in FORM_NAMES:
        if name.startswith(prefix):
            return "TẶNG", printed
    if award.award_type.code == "DANH_HIEU_KHAC" and award.achievement:
        return "CÔNG NHẬN", award.achievement.split(";")[0].strip().rstrip(".").upper()
    if award.award_type.kind == "title":
        return "CÔNG NHẬN DANH HIỆU", name.upper()
    return "TẶNG", name.upper()


def membership_on(person: Person, day: datetime.date | None) -> Membership | None:
    """The person's membership on ``day`` (the latest current one, else the latest); reads the
    memberships prefetched with their organisations (``memberships__organisation``) when given."""
    if "memberships" in getattr(person, "_prefetched_objects_cache", {}):
        memberships = list(person.memberships.all())
    else:
        memberships = list(person.memberships.select_related("organisation"))
    if not memberships:
        return None
    day = day or datetime.date.today()
    current = [m for m in memberships if m.is_current_on(day)]
    pool = current or memberships
    return sorted(pool, key=lambda m: m.start or datetime.date.min, reverse=True)[0]


def subject_lines(award: Award) -> tuple[str, str]:
    """(recipient, detail) as printed: ('Bà Nguyễn Thị Mai', 'Phó Hiệu trưởng, Trường Mầm non Hồng Phong')."""
    if award.person_id:
        person = award.person
        title = "Bà" if person.gender == Person.Gender.FEMALE else "Ông"
        m = membership_on(person, award.decision_date)
        detail = ", ".join(x for x in [m.position if m else "", m.organisation.name if m else ""] if x)
        if not detail and person.household_id:
            detail = person.household.village.name
        return f"{title} {person.full_name}", detail
    if award.organisation_id:
        return award.organisation.name, ""
    household = award.household
    return f"Hộ gia đình {household.head_name}", household.village.name


AFTER_PEOPLE = b"\xff"  # above every ICU sort key's first byte: collectives and households after the people


def list_key(name: str, *, person: bool) -> tuple[bytes, bytes]:
    """The place of a name in a decision's list: people by given name, then the collectives
    and households by name, in Vietnamese alphabetical order (ICU, ``core.text``)."""
    return given_name_key(name) if person else (AFTER_PEOPLE, collation_key(name))


def in_list_order(keyed: list[tuple[tuple, DecisionLine]]) -> list[DecisionLine]:
    """The lines of ``(list_key, line)`` pairs by title or form, then by name (both collated)."""
    return [line for _key, line in sorted(keyed, key=lambda kv: (collation_key(kv[1].title_or_form), kv[0]))]


def _when(award: Award) -> str:
    return f"năm học {award.period_label}" if award.period_label else f"năm {award.year}"


def certificate_data(award: Award) -> CertificateData:
    verb, name = award_heading(award)
    recipient, detail = subject_lines(award)
    achievement = f"Đã có thành tích xuất sắc trong {_when(award)}"
    if award.round_kind in ("thematic", "sudden_feat") and award.achievement:
        achievement = f"Đã có thành tích: {award.achievement.rstrip('.')}"
    return CertificateData(
        authority_lines=authority_lines(award), verb=verb, award_name=name, recipient=recipient,
        recipient_detail=detail, achievement=achievement + ".", number=award.decision_number,
        date=award.decision_date, place=place_of(award.issuer_name) if _is_committee(award) else "",
        signer=_signer(award), verification_code=award.verification_code,
        verification_url=verification_url(award.verification_code), revoked=award.revoked)


def signed_decision(award: Award):
    """The proposals app's signed Decision behind this award (None: entered by hand)."""
    from django.apps import apps

    if not award.decision_number:
        return None
    try:
        model = apps.get_model("proposals", "Decision")
        return model.objects.filter(issuer_name=award.issuer_name, number=award.decision_number,
                                    date=award.decision_date).first()
    except Exception:  # a sibling app mid-migration must not break a certificate
        return None


def _signer(award: Award) -> SignerBlock:
    """Who signed: the signed decision's signer when the proposals app recorded it; else, for
    a committee in the tree, its chairman's or vice-chairman's membership (a vice-chairman
    signs "KT. CHỦ TỊCH")."""
    decision = signed_decision(award)
    if decision is not None and getattr(decision, "signer_name", ""):
        lines = [line.strip().upper() for line in (decision.signer_capacity or "CHỦ TỊCH").splitlines() if line.strip()]
        return SignerBlock(lines=lines or ["CHỦ TỊCH"], name=decision.signer_name)
    if not _is_committee(award):
        return SignerBlock(lines=["THỦ TRƯỞNG CƠ QUAN"])
    if award.issuer_id:
        day = award.decision_date or datetime.date.today()
        members = [m for m in Membership.objects.filter(organisation=award.issuer).select_related("person")
                   if m.is_current_on(day) or m.start is None]
        chairman = next((m for m in members if m.position.lower().startswith("chủ tịch")), None)
        if chairman:
            return SignerBlock.chairman(chairman.person.full_name)
        deputy = next((m for m in members if m.position.lower().startswith("phó chủ tịch")), None)
        if deputy:
            return SignerBlock.chairman_deputy(deputy.person.full_name)
    return SignerBlock.chairman()


def legal_bases(day: datetime.date | None) -> list[str]:
    return decision_bases(day or datetime.date.today())


def decision_awards(award: Award):
    """The awards of the decision that conferred this one (same issuer, number and date)."""
    if not award.decision_number:
        return Award.objects.filter(pk=award.pk)
    return Award.objects.filter(issuer_name=award.issuer_name, decision_number=award.decision_number,
                                decision_date=award.decision_date)


RECONSTRUCTED = "BẢN TÁI TẠO TỪ SỔ KHEN THƯỞNG"


def decision_data(award: Award) -> DecisionData:
    """The decision rebuilt from the ledger's rows (a decision of an earlier year, or of the
    province): marked "bản tái tạo từ sổ khen thưởng", never passing for the original."""
    awards = list(decision_awards(award).select_related("award_type", "issuer", "person", "organisation",
                                                        "household__village"))
    lines = []
    for a in awards:
        recipient, detail = subject_lines(a)
        name = a.person.full_name if a.person_id else recipient
        verb, heading = award_heading(a)
        lines.append((list_key(name, person=bool(a.person_id)),
                      DecisionLine(name, detail, heading.capitalize() if verb == "TẶNG" else
                                   title_name(a.award_type, a.organisation if a.organisation_id else None), a.amount)))
    lines = in_list_order(lines)
    # Distinct subjects: a person with a title and a Giấy khen in one decision counts once.
    people = len({a.person_id for a in awards if a.person_id})
    collectives = len({a.organisation_id for a in awards if a.organisation_id})
    households = len({a.household_id for a in awards if a.household_id})
    counted = ", ".join(x for x in [f"{collectives:02d} tập thể" if collectives else "",
                                    f"{people:02d} cá nhân" if people else "",
                                    f"{households:02d} hộ gia đình" if households else ""] if x)
    verb, heading = award_heading(award)
    kinds = {a.award_type_id for a in awards}
    titles = sorted({line.title_or_form for line in lines}, key=collation_key)  # "Thôn văn hóa", "Tổ dân phố văn hóa"
    what = (heading.capitalize() if verb == "TẶNG" else "danh hiệu " + ", ".join(f"“{t}”" for t in titles)) \
        if len(kinds) == 1 else "danh hiệu thi đua, hình thức khen thưởng"
    action = "Tặng" if verb == "TẶNG" and len(kinds) == 1 else "Công nhận" if len(kinds) == 1 else "Khen thưởng"
    total = sum(a.amount or 0 for a in awards)
    body = [f"Điều 1. {action} {what} cho {counted} (có danh sách kèm theo) đã có thành tích xuất sắc trong "
            f"{_when(award)}."]
    if total:
        body.append(f"Điều 2. Tiền thưởng kèm theo theo quy định; tổng số tiền {format_vnd(total)} "
                    f"({amount_in_words(total)}).")
    body.append(f"Điều {len(body) + 1}. Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên "
                "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    committee = _is_committee(award)
    decided_by = (f"Chủ tịch {award.issuer_name}" if committee else award.issuer_name)
    return DecisionData(
        issuer=issuer_block(award), number=award.decision_number or "/QĐ", date=award.decision_date,
        place=place_of(award.issuer_name) if committee else "",
        title=f"Về việc {action.lower()} {what} {_when(award)}",
        authority=" ".join(authority_lines(award)), legal_bases=legal_bases(award.decision_date), body=body,
        signer=_signer(award), recipients=["- Như Điều " + str(len(body)) + ";", "- Lưu: VT."], lines=lines,
        list_subtitle=f"ĐƯỢC {action.upper()} {what.upper()}", decided_by=decided_by, marking=RECONSTRUCTED)


RATING_LABEL = {"HTXSNV": "Hoàn thành xuất sắc nhiệm vụ", "HTTNV": "Hoàn thành tốt nhiệm vụ",
                "HTNV": "Hoàn thành nhiệm vụ", "KHTNV": "Không hoàn thành nhiệm vụ"}


def _decision_text(a: Award) -> str:
    parts = [f"QĐ số {a.decision_number}" if a.decision_number else "",
             f"ngày {dmy(a.decision_date)}" if a.decision_date else "", f"của {a.issuer_name}"]
    return " ".join(x for x in parts if x)


def achievement_data(*, person: Person, proposed: str, year_from: int, year_to: int,
                     day: datetime.date | None = None) -> AchievementReportData:
    """Báo cáo thành tích of a person, filled from the ledger: ratings and initiatives of the
    period, every title and form received."""
    m = membership_on(person, day)
    unit = m.organisation if m else None
    superior = unit.commune() if unit and unit.kind != Organisation.Kind.COMMUNE else None
    issuer = IssuerBlock.unit(unit.name, f"UBND {superior.name[:1].lower()}{superior.name[1:]}" if superior else "") \
        if unit else IssuerBlock(name_lines=[person.full_name.upper()])
    awards = list(Award.objects.filter(person=person, revoked=False, year__lte=year_to)
                  .select_related("award_type").order_by("year", "decision_date"))
    titles = [AwardRow(a.period_label or str(a.year), a.award_type.name, _decision_text(a))
              for a in awards if a.award_type.kind == "title"]
    forms = [AwardRow(a.period_label or str(a.year), a.award_type.name, _decision_text(a))
             for a in awards if a.award_type.kind != "title"]
    ratings = [(str(r.year), RATING_LABEL.get(r.rating, r.rating)) for r in
               Rating.objects.filter(person=person, year__gte=year_from, year__lte=year_to).order_by("year")]
    initiatives = []
    for i in Initiative.objects.filter(authors=person, year__gte=year_from, year__lte=year_to).order_by("year"):
        recognition = ", ".join(x for x in [i.get_scope_display(), i.recognised_by,
                                            f"QĐ {i.recognition_decision}" if i.recognition_decision else ""] if x)
        initiatives.append((str(i.year), f"{i.get_kind_display()}: {i.title}", recognition))
    excellent = [y for y, r in ratings if r == RATING_LABEL["HTXSNV"]]
    achievements = []
    if ratings:
        achievements.append(f"Trong giai đoạn {year_from}-{year_to}, được đánh giá, xếp loại: "
                            + "; ".join(f"năm {y}: {r.lower()}" for y, r in ratings) + ".")
    if excellent:
        achievements.append(f"Có {len(excellent)} năm hoàn thành xuất sắc nhiệm vụ ({', '.join(excellent)}).")
    if initiatives:
        achievements.append(f"Có {len(initiatives)} sáng kiến, đề tài được công nhận (chi tiết tại bảng dưới).")
    if person.note:
        achievements.append(person.note)
    head = _unit_head(unit)
    return AchievementReportData(
        issuer=issuer, date=day, place=place_of(superior.name if superior else (unit.name if unit else "")),
        proposed=proposed, period=f"{year_from}-{year_to}", full_name=person.full_name,
        gender=person.get_gender_display(), date_of_birth=dmy(person.date_of_birth),
        unit=unit.name if unit else "", position=m.position if m else "", category=person.get_category_display(),
        duties=[f"{m.position} — {unit.name}." if m and m.position and unit else "…"],
        achievements=achievements, ratings=ratings, initiatives=initiatives, titles=titles, forms=forms,
        head_title="THỦ TRƯỞNG ĐƠN VỊ", head_name=head)


def _unit_head(unit: Organisation | None) -> str:
    if unit is None:
        return ""
    heads = Membership.objects.filter(Membership.current_q(), organisation=unit).filter(
        Q(position__istartswith="Hiệu trưởng") | Q(position__istartswith="Trưởng") | Q(position__istartswith="Trạm trưởng")
        | Q(position__istartswith="Chủ tịch") | Q(position__istartswith="Bí thư") | Q(position__istartswith="Giám đốc")
        | Q(position__istartswith="Chánh")).select_related("person").first()
    return heads.person.full_name if heads else ""
