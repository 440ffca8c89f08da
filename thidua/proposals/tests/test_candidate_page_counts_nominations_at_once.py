"""The candidate page reads collectives' stored verdicts (issue #17, item 7), and a unit's
share of members attaining LĐTT counts those nominated in the year's rounds (Luật Điều 27–28):
a nomination added or withdrawn shows on the page at once — the stored row of the unit was
judged with other nominations, so the unit is judged live until its members' next refresh."""
import pytest
from django.core.paginator import Paginator

from thidua.awards import candidates
from thidua.awards.models import StoredUnitVerdicts
from thidua.ops.testing import run_queued_tasks
from thidua.proposals import services

pytestmark = pytest.mark.django_db
YEAR = 2025


def _rows(user, code):
    built = {tl.code: tl for tl in candidates.build(user=user, year=YEAR)}[code]
    listing = candidates.listing(user=user, year=YEAR)
    paged = {}
    for group in candidates.GROUPS:
        rows = listing.rows(code, group)
        paged[group] = [(c.kind, c.subject.pk, tuple((ch.rule, ch.passed, ch.detail) for ch in c.verdict.checks))
                        for c in Paginator(rows, 7).get_page(1).object_list] if len(rows) else []
        assert paged[group] == [(c.kind, c.subject.pk, tuple((ch.rule, ch.passed, ch.detail) for ch in c.verdict.checks))
                                for c in getattr(built, group)[:7]]
    return listing


def _share_detail(listing, unit, code="TTLDTT"):
    for group in candidates.GROUPS:
        rows = listing.rows(code, group)
        for c in rows[0:len(rows)]:
            if c.kind == "collective" and c.subject.pk == unit.pk:
                return next(ch.detail for ch in c.verdict.checks if "cá nhân trong tập thể" in ch.rule)
    return None


def test_a_nomination_for_ldtt_counts_in_the_units_share_on_the_page_at_once(flow):
    run_queued_tasks()
    unit = flow.clerk.unit
    assert StoredUnitVerdicts.objects.filter(organisation_id=unit.pk).exists()
    before = _share_detail(_rows(flow.officer, "TTLDTT"), unit)
    dossier = services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=unit)
    member = unit.memberships.select_related("person").order_by("person__full_name").first().person
    nomination = services.add_nomination(actor=flow.clerk, dossier=dossier, subject=member,
                                         award_type=flow.award_type("LDTT"))
    during = _share_detail(_rows(flow.officer, "TTLDTT"), unit)
    assert during != before and member.full_name in during
    services.remove_nomination(actor=flow.clerk, nomination=nomination)
    assert _share_detail(_rows(flow.officer, "TTLDTT"), unit) == before
