"""Reads of the documents app, scoped by the user (out of scope answers 404)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, QuerySet, Sum
from django.http import Http404

from thidua.accounts.permissions import can
from thidua.accounts.scoping import commune_of
from thidua.awards import selectors as award_selectors
from thidua.awards.models import Award
from thidua.org.models import Organisation

from .models import GenerationJob
from .reports import scope


def report_communes(user) -> list[Organisation]:
    """Communes whose reports the user may read."""
    return [c for c in scope.communes(user) if can(user, "read_reports", c)]


def get_commune(*, user, pk: int | None = None, code: str | None = None) -> Organisation:
    """The commune asked for (default: the user's commune, ``accounts.scoping.commune_of``, else
    her first — a province-level user's)."""
    communes = report_communes(user)
    if not communes:
        raise PermissionDenied("Bạn không có quyền lập báo cáo của xã.")
    if pk is not None or code:
        found = next((c for c in communes if (pk is not None and c.pk == pk) or (code and c.code == code)), None)
        if found is None:
            raise Http404("Không tìm thấy xã.")
        return found
    own = commune_of(user)
    return next((c for c in communes if own is not None and c.pk == own.pk), communes[0])


def get_award(*, user, pk: int) -> Award:
    award = award_selectors.ledger(user=user).filter(pk=pk).select_related(
        "issuer", "person", "organisation", "household__village").first()
    if award is None:
        raise Http404("Không tìm thấy khen thưởng.")
    return award


def person_awards(*, user, person) -> list[Award]:
    return list(award_selectors.ledger(user=user).filter(person=person))


def unit_awards(*, user, unit: Organisation) -> list[Award]:
    return list(award_selectors.ledger(user=user).filter(organisation=unit))


def decisions(*, user, year: int | None = None, issuer: str = "") -> QuerySet:
    """Decisions recorded in the visible ledger: one row per issuer, number and date."""
    qs = award_selectors.ledger(user=user, year=year).exclude(decision_number="")
    if issuer:
        qs = qs.filter(issuer_name__icontains=issuer)
    return (qs.order_by().values("issuer_name", "decision_number", "decision_date")
            .annotate(n=Count("pk"), total=Sum("amount"), award_id=Min("pk"), year=Max("year"))
            .order_by("-decision_date", "issuer_name", "decision_number"))


def _job_visible(user, job: GenerationJob) -> bool:
    if user.is_superuser or job.requested_by_id == user.pk:
        return True
    commune = Organisation.objects.filter(pk=job.params.get("commune")).first()
    return commune is not None and can(user, "edit_reports", commune)


def get_job(*, user, pk: int) -> GenerationJob:
    """A job the user asked for, or one of a commune whose reports the user edits."""
    job = GenerationJob.objects.filter(pk=pk).select_related("requested_by").first()
    if job is None or not _job_visible(user, job):
        raise Http404("Không tìm thấy tác vụ.")
    return job


def recent_jobs(*, user, limit: int = 10) -> list[GenerationJob]:
    jobs = GenerationJob.objects.order_by("-created_at").select_related("requested_by")[:200]
    return [job for job in jobs if _job_visible(user, job)][:limit]
