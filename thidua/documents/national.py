"""The documents of a dossier sent up for an award the Prime Minister or the President decides
(issue #20, item 6b): the submission (tờ trình), each individual nominee's achievement report
(báo cáo thành tích) and the council's minutes with the ballot results — each built once as a
structure (``thidua.documents.data``) and rendered to DOCX and to PDF from it."""
from __future__ import annotations

import datetime
import re

from django.utils import timezone

from thidua.accounts import people
from thidua.accounts.models import Role, User
from thidua.core.text import search_key
from thidua.proposals.services import drafts

from . import render
from .data import IssuerBlock, SignerBlock, SubmissionData
from .fmt import place_of
from .ledger import achievement_data
from .official import _line, minutes_data


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", search_key(text)).strip("-")[:60] or "tai-lieu"


def _chairman_name(commune) -> str:
    chairmen = list(User.objects.filter(role=Role.CHAIRMAN, unit=commune, is_active=True).order_by("pk"))
    chairman = next((u for u in chairmen if (u.title or "").lower().startswith("chủ tịch")), None) or \
        (chairmen[0] if chairmen else None)
    return people.full_name(chairman) if chairman else ""


def proposed_awards(award_types) -> str:
    """"tặng Bằng khen của Thủ tướng Chính phủ", "công nhận danh hiệu “Chiến sĩ thi đua cơ sở”,
    “Lao động tiên tiến”": a form of reward is given (tặng), a title recognised (công nhận),
    each name as the catalogue writes it."""
    titles = sorted({t.name for t in award_types if t.kind == t.Kind.TITLE})
    forms = sorted({t.name for t in award_types if t.kind != t.Kind.TITLE})
    parts = ([f"tặng {', '.join(forms)}"] if forms else []) + (
        [f"công nhận danh hiệu {', '.join(f'“{name}”' for name in titles)}"] if titles else [])
    return " và ".join(parts)


def submission_data(dossier, nominations, day: datetime.date) -> SubmissionData:
    """The commune's tờ trình asking for the awards of ``nominations`` (its list attached),
    counting the people and collectives proposed (one person proposed twice counts once)."""
    commune = dossier.round.commune
    deciders = sorted({n.get_authority_display() for n in nominations})
    what = proposed_awards([n.award_type for n in nominations])
    issuer = IssuerBlock.commune_committee(commune.name)
    committee = render.proper_name(issuer)  # "Ủy ban nhân dân xã Nam Thanh Miện", "… phường …"
    return SubmissionData(
        issuer=issuer, number=dossier.submission_number or "/TTr-UBND",
        date=dossier.submission_date or day, place=place_of(commune.name),
        title=f"Về việc đề nghị {what}", addressee=" và ".join(deciders),
        body=["Căn cứ Luật Thi đua, khen thưởng năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 01/7/2025 của Chính phủ;",
              "Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng "
              f"{commune.name[:1].lower()}{commune.name[1:]}, "
              f"{committee} kính đề nghị xem xét, {what} cho {drafts.count_subjects(nominations)} "
              "có thành tích xuất sắc (có danh sách và hồ sơ kèm theo).",
              f"{committee} kính trình xem xét, quyết định./."],
        signer=SignerBlock.committee_chairman(_chairman_name(commune)),
        recipients=["- Như trên;", "- Lưu: VT."],
        lines=[line for _key, line in sorted((_line(n, None, day) for n in nominations), key=lambda kv: kv[0])])


def dossier_documents(dossier, *, authorities: list[str]) -> list[tuple[str, str, bytes, bytes]]:
    """(kind, base file name, DOCX, PDF) of each document of the dossier for ``authorities``."""
    day = timezone.localdate()
    nominations = [n for n in dossier.nominations.select_related(
        "award_type", "person__household__village", "organisation", "household__village")
        if n.authority in authorities]
    documents = []
    data = submission_data(dossier, nominations, day)
    documents.append(("to_trinh", "01-to-trinh", render.render_submission_docx(data),
                      render.render_submission_pdf(data)))
    for index, n in enumerate((n for n in nominations if n.person_id), start=1):
        report = achievement_data(person=n.person, proposed=n.award_type.name, year_from=dossier.round.year - 4,
                                  year_to=dossier.round.year, day=day)
        documents.append(("bao_cao_thanh_tich", f"02-bao-cao-thanh-tich-{index:02d}-{_slug(n.person.full_name)}",
                          render.render_achievement_docx(report), render.render_achievement_pdf(report)))
    meeting = dossier.meeting
    if meeting is not None and meeting.state == meeting.State.CLOSED:
        minutes = minutes_data(meeting)
        documents.append(("bien_ban_hop_hoi_dong", "03-bien-ban-hop-hoi-dong", render.render_minutes_docx(minutes),
                          render.render_minutes_pdf(minutes)))
    return documents
