"""Checking and writing a ledger workbook reads each unit's people and each subject's awards
once: the query count depends on the subjects, not on the rows (50 000 rows in ~17 s on a
100-commune PostgreSQL, docs/benchmarks.md)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.bench.hooks import exchange as bench_hooks
from thidua.exchange import services
from thidua.exchange.models import ImportBatch
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


def _import(user, rows) -> tuple[int, int]:
    data = bench_hooks.workbook(rows)
    with CaptureQueriesContext(connection) as dry:
        batch = services.preview_workbook(actor=user, kind=ImportBatch.Kind.AWARDS, data=data)
    assert batch.summary["errors"] == 0 and batch.summary["to_import"] == len(rows)
    with CaptureQueriesContext(connection) as commit:
        services.commit_batch(actor=user, batch=batch)
    return len(dry.captured_queries), len(commit.captured_queries)


def test_three_years_of_rows_cost_about_the_queries_of_one(demo_user):
    officer = demo_user("canbotdkt")
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    per_year = sum(1 for r in bench_hooks.ledger_rows(commune, 5000) if r[0] == 2020)
    rows = bench_hooks.ledger_rows(commune, 11 * per_year)  # 2020 back to 2010, before the demo's ledger
    one_year = [r for r in rows if r[0] == 2010]
    three_years = [r for r in rows if r[0] in (2011, 2012, 2013)]
    assert len(three_years) == 3 * len(one_year) > 1000
    (dry_one, commit_one), (dry_three, commit_three) = _import(officer, one_year), _import(officer, three_years)
    extra_rows = len(three_years) - len(one_year)
    assert abs(dry_three - dry_one) <= 10  # the same subjects: the same lookups
    # Only the bulk inserts come in more batches (SQLite caps a batch at 999 parameters: ~60 awards).
    assert commit_three - commit_one < extra_rows / 20  # one query per 20 rows at most, was 2.5 per row
