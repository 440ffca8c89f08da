"""Undoing an award import asks the database one statement per model and relation, whatever
the number of rows (50 000 rows: docs/benchmarks.md), removes exactly what the batch wrote, and
the ledger summaries behind the candidate lists follow both the commit and the undo."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.awards.models import Award, AwardSummary
from thidua.bench.hooks import exchange as bench_hooks
from thidua.exchange import services
from thidua.exchange.models import ImportBatch
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


def _committed(user, rows) -> ImportBatch:
    batch = services.preview_workbook(actor=user, kind=ImportBatch.Kind.AWARDS, data=bench_hooks.workbook(rows))
    assert batch.summary["errors"] == 0 and batch.summary["to_import"] == len(rows)
    return services.commit_batch(actor=user, batch=batch)


def _undo_queries(user, batch) -> int:
    with CaptureQueriesContext(connection) as undo:
        services.undo_batch(actor=user, batch=batch)
    return len(undo.captured_queries)


def test_undo_costs_the_same_statements_for_one_year_of_rows_or_three_and_the_summaries_follow(demo_user):
    officer = demo_user("canbotdkt")
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    per_year = sum(1 for r in bench_hooks.ledger_rows(commune, 5000) if r[0] == 2020)
    rows = bench_hooks.ledger_rows(commune, 11 * per_year)
    one_year = [r for r in rows if r[0] == 2010]
    three_years = [r for r in rows if r[0] in (2011, 2012, 2013)]
    awards = Award.objects.count()

    small = _committed(officer, one_year)
    people = set(Award.objects.filter(year=2010, person__isnull=False).values_list("person_id", flat=True))
    assert people and AwardSummary.objects.filter(person_id__in=people, stale=True).count() == len(people)
    run_queued_tasks()
    assert all("2010|" in s for s in AwardSummary.objects.filter(person_id__in=people).values_list("years", flat=True))

    small_queries = _undo_queries(officer, small)
    assert Award.objects.count() == awards
    run_queued_tasks()
    assert not any("2010|" in s for s in AwardSummary.objects.filter(person_id__in=people).values_list("years", flat=True))

    large = _committed(officer, three_years)
    assert Award.objects.count() == awards + len(three_years)
    large_queries = _undo_queries(officer, large)
    assert Award.objects.count() == awards
    assert large.refresh_from_db() is None and large.state == ImportBatch.State.UNDONE
    assert large_queries <= small_queries + 2, (small_queries, large_queries)
