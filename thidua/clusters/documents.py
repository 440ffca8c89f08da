"""The cluster's tờ trình: the leader commune proposes to the city chairman the Cờ thi đua for
the cluster's leading commune and Bằng khen for the next ones — one structure
(``thidua.documents.data.SubmissionData``) rendered by the documents app's one-source renderer."""
from __future__ import annotations

from django.utils import timezone

from thidua.accounts import people
from thidua.accounts.models import Role, User
from thidua.documents import render
from thidua.documents.data import DecisionLine, IssuerBlock, SignerBlock, SubmissionData
from thidua.documents.fmt import place_of
from thidua.movements.models import format_number

from .models import ClusterYear


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _chairman_name(commune) -> str:
    """The leader commune's chairman by name (blank: the signer writes it by hand)."""
    chairmen = [u for u in User.objects.filter(role=Role.CHAIRMAN, unit=commune, is_active=True)
                if not people.is_deputy(u)]
    return people.full_name(chairmen[0]) if chairmen else ""


def submission_data(cluster_year: ClusterYear) -> SubmissionData:
    leader, city = cluster_year.leader, cluster_year.cluster.city
    proposals = list(cluster_year.proposals.select_related("commune").order_by("rank"))
    lines = [DecisionLine(p.commune.name, f"Hạng {p.rank} {cluster_year.cluster.name}, {format_number(p.total)} điểm",
                          p.get_award_display()) for p in proposals]
    flag = [p for p in proposals if p.award == p.Award.FLAG]
    merit = [p for p in proposals if p.award == p.Award.MERIT]
    body = [
        "Căn cứ Luật Thi đua, khen thưởng năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 01/7/2025 của Chính phủ;",
        f"Căn cứ giao ước thi đua và kết quả chấm điểm, xếp hạng năm {cluster_year.year} của "
        f"{cluster_year.cluster.name} ({cluster_year.block.members.count()} xã, phường);",
        f"Ủy ban nhân dân {_lower_first(leader.name)}, cụm trưởng {cluster_year.cluster.name} năm {cluster_year.year}, "
        f"kính đề nghị Chủ tịch Ủy ban nhân dân {_lower_first(city.name)} xem xét, tặng Cờ thi đua cho "
        f"{len(flag):02d} đơn vị dẫn đầu cụm và Bằng khen cho {len(merit):02d} đơn vị (có danh sách kèm theo).",
        f"Ủy ban nhân dân {_lower_first(leader.name)} kính trình./.",
    ]
    return SubmissionData(
        # the number and date the leader commune's register gave when its chairman signed it
        issuer=IssuerBlock.commune_committee(leader.name), number=cluster_year.submission_number or "/TTr-UBND",
        date=cluster_year.submission_date or timezone.localdate(),
        place=place_of(leader.name),
        title=f"Về việc đề nghị khen thưởng các xã, phường dẫn đầu {cluster_year.cluster.name} năm {cluster_year.year}",
        addressee=f"Chủ tịch Ủy ban nhân dân {_lower_first(city.name)} (qua Sở Nội vụ)",
        # the leader commune's committee proposes: its chairman signs on its behalf (TM. ỦY BAN NHÂN DÂN)
        body=body, signer=SignerBlock.committee_chairman(_chairman_name(leader)),
        recipients=["- Như trên;", "- Các xã, phường trong cụm;", "- Lưu: VT."], lines=lines)


def submission_docx(cluster_year: ClusterYear) -> bytes:
    """The tờ trình as DOCX; its list names the communes as collectives."""
    return render.render_submission_docx(submission_data(cluster_year), collectives=True)


def submission_pdf(cluster_year: ClusterYear) -> bytes:
    return render.render_submission_pdf(submission_data(cluster_year), collectives=True)
