"""Operations this app adds to the benchmark (``thidua.bench.benchmark``): the largest award
decision of the commune as DOCX (500 names at the synthetic province's default size) and the
commune's five-year report as DOCX, each from the ledger to the file's bytes."""
from __future__ import annotations

from django.db.models import Count

from thidua.awards.models import Award

from thidua.documents import ledger, render
from thidua.documents.models import ReportKind
from thidua.documents.reports import builder, output


def largest_decision(commune) -> tuple[Award | None, int]:
    """An award of the commune's decision with the most names, and how many names it has."""
    top = (Award.objects.filter(issuer=commune, revoked=False).exclude(decision_number="")
           .values("issuer_name", "decision_number", "decision_date").annotate(names=Count("id"))
           .order_by("-names", "decision_number").first())
    if top is None:
        return None, 0
    names = top.pop("names")
    return Award.objects.filter(issuer=commune, **top).order_by("pk").first(), names


def operations(*, commune, user, year, quick=False):
    ops = []
    award, names = largest_decision(commune)
    if award is not None:
        ops.append((f"Quyết định khen thưởng {names} tên (DOCX)",
                    lambda: render.render_decision_docx(ledger.decision_data(award))))

    def five_year_report() -> bytes:
        report = builder.build_report(kind=ReportKind.FIVE_YEAR, commune=commune, year_from=year - 4, year_to=year)
        return output.render_report_docx(report)

    ops.append((f"Báo cáo tổng kết 5 năm {year - 4}-{year} của một xã (DOCX)", five_year_report))
    return ops
