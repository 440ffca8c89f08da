"""Demo data of the documents app: the narrative sections of the demo commune's five-year
report (2021-2025), taken verbatim from the seed report; and one round of the current year
carried through to signed decisions with their certificates (``simulation``: the same services
the pages use), so that a new user sees the whole record. Idempotent: a section already
written (by the loader or by a person) is left as it is; a year that already has a signed
round gets no other. ``THIDUA_DEMO_SIGNED_ROUND = False`` leaves the round out (the test suite)."""
from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from thidua.org.models import Organisation

from . import services, simulation
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
    year = timezone.localdate().year
    if settings.THIDUA_DEMO_SIGNED_ROUND and simulation.refusal(commune=commune, year=year) is None:
        simulation.simulate_round(commune=commune, year=year, log=log)
