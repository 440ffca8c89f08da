"""Demo data of the documents app: the narrative sections of the demo commune's five-year
report (2021-2025), taken verbatim from the seed report. Idempotent: a section already
written (by the loader or by a person) is left as it is."""
from __future__ import annotations

from thidua.org.models import Organisation

from . import services
from .demo_text import FIVE_YEAR_2021_2025
from .models import ReportKind, ReportSection

COMMUNE = "xa-nam-thanh-mien"
PERIOD = "2021-2025"


def load(log=print) -> None:
    commune = Organisation.objects.filter(code=COMMUNE).first()
    if commune is None:
        return
    existing = set(ReportSection.objects.filter(commune=commune, report_kind=ReportKind.FIVE_YEAR, period=PERIOD)
                   .values_list("key", flat=True))
    missing = {k: v for k, v in FIVE_YEAR_2021_2025.items() if k not in existing}
    if missing:
        n = services.save_sections(actor=None, commune=commune, report_kind=ReportKind.FIVE_YEAR, period=PERIOD,
                                   texts=missing)
        log(f"  + {n} mục báo cáo tổng kết 5 năm {PERIOD}")
