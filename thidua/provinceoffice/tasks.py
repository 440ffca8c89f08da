"""Background work of the province office (thin wrappers around its services)."""
from django.utils import timezone
from django_tasks import task

from thidua.org.models import Organisation

from .refresh import refresh_figures


@task()
def refresh_province_figures(province_id: int, years: list[int]) -> int:
    """Recompute the dashboards' figures of every commune of the province for ``years``."""
    province = Organisation.objects.get(pk=province_id)
    return refresh_figures(province=province, years=years)


@task()
def refresh_all_provinces() -> int:
    """The nightly run: this year and last year of every province that has figures or users."""
    year = timezone.localdate().year
    written = 0
    for province in Organisation.objects.filter(kind=Organisation.Kind.CITY, parent__isnull=True,
                                                valid_until__isnull=True):
        written += refresh_figures(province=province, years=[year - 1, year])
    return written
