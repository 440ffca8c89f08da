"""The dashboards' stored figures: computed per commune and kept (``CommuneFigures``). Called by
the background task and the benchmark; apart from ``services`` so that services may enqueue the
task without the task importing the services back."""
from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from thidua.org.models import Organisation

from . import figures
from .models import CommuneFigures


def refresh_figures(*, province: Organisation, years: list[int], today: datetime.date | None = None) -> int:
    """Compute every commune's figures for ``years`` (up to this year) and keep them; one
    transaction per commune, so a long run never holds the whole province. Returns the rows."""
    from thidua.awards.engine import current_parameters
    from thidua.core import workdays

    today = today or timezone.localdate()
    years = sorted({y for y in years if 2000 <= y <= today.year})
    if not years:
        return 0
    overrides = workdays.calendar(datetime.date(years[0], 1, 1), today + datetime.timedelta(days=90))
    days = current_parameters(cite_province=False).cstd_co_so_processing_working_days
    communes: dict[int, tuple[Organisation, list[int]]] = {}
    for year in years:
        for commune in figures.communes_of(province, year):
            communes.setdefault(commune.pk, (commune, []))[1].append(year)
    written = 0
    now = timezone.now()
    for commune, commune_years in communes.values():
        values = figures.compute(commune, commune_years, today=today, overrides=overrides, processing_days=days)
        with transaction.atomic():
            for year, row in values.items():
                CommuneFigures.objects.update_or_create(commune=commune, year=year, defaults={
                    "province": province, "values": row, "computed_at": now})
                written += 1
    return written
