"""Stored candidate verdicts (issue #17, item 7): the refresh task that refreshes a person's
ledger summary also keeps the person's judged chain for the year under review; the lists read
those rows and are the same as the lists judged live — with a stale person judged live and
counted as pending, and after a change of the rule parameters (old rows unused until the
queued rebuild has run)."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from thidua.awards import candidates, services, verdict_rows
from thidua.awards.models import AwardType, RuleParameter, StoredVerdicts, VerdictChain
from thidua.ops.testing import run_queued_tasks

from .test_award_summaries import YEAR, _group_of, _table, world  # noqa: F401 — the same small world

pytestmark = pytest.mark.django_db


def _full_table(lists):
    rows = _table(lists)
    return rows + [(tl.code, c.subject.pk, c.unit, c.verdict.target, c.verdict.authority, c.verdict.amount_vnd,
                    tuple(ch.article for ch in c.verdict.checks))
                   for tl in lists for g in ("eligible", "one_short", "others") for c in getattr(tl, g)]


def test_the_refresh_task_stores_each_persons_verdicts_for_the_year_under_review(world):
    ids = [p.pk for p in world["people"]]
    rows = StoredVerdicts.objects.filter(person_id__in=ids)
    assert rows.count() == 3 and set(rows.values_list("year", flat=True)) == {YEAR}
    chain = verdict_rows.decode(VerdictChain.objects.get(key=rows.get(person_id=ids[0]).chain_key).payload)
    # the two teachers with the same ledger point at one stored chain
    assert rows.get(person_id=ids[0]).chain_key == rows.get(person_id=ids[1]).chain_key
    assert [code for code, _v, _f in chain] == ["LDTT", "CSTD_CO_SO", "CSTD_TINH", "BANG_KHEN_TINH", "GIAY_KHEN_XA"]


def test_the_lists_from_stored_verdicts_equal_the_lists_judged_live(world):
    officer = world["officer"]
    for targets in (None, ["BANG_KHEN_TINH"], ["LDTT", "CSTD_TINH"]):
        stored = candidates.build(user=officer, year=YEAR, targets=targets)
        live = candidates.build(user=officer, year=YEAR, targets=targets, use_stored=False)
        assert _full_table(stored) == _full_table(live)
        assert stored.pending_refresh == 0
    # a case id per person, not the shared chain's
    tl = next(t for t in candidates.build(user=officer, year=YEAR) if t.code == "BANG_KHEN_TINH")
    assert {c.verdict.id for c in tl.eligible} == {f"person-{p.pk}" for p in world["people"][:2]}


def test_the_lists_read_no_history_of_a_person_with_stored_verdicts(world):
    officer = world["officer"]
    candidates.build(user=officer, year=YEAR)  # warm the caches of the catalogue
    with CaptureQueriesContext(connection) as stored:
        candidates.build(user=officer, year=YEAR)
    with CaptureQueriesContext(connection) as live:
        candidates.build(user=officer, year=YEAR, use_stored=False)
    summaries_read = [q["sql"] for q in stored.captured_queries if "awards_awardsummary" in q["sql"]]
    initiatives_read = [q["sql"] for q in stored.captured_queries if "awards_initiative" in q["sql"]]
    assert len(stored.captured_queries) <= 18
    assert not initiatives_read  # no person's history is loaded
    assert len(summaries_read) == 1  # only the filter on fresh summaries of the stored rows
    assert len(live.captured_queries) > len(stored.captured_queries)


def test_a_stale_person_is_judged_live_and_the_list_says_a_refresh_is_pending(world):
    officer, person = world["officer"], world["people"][2]
    before = candidates.build(user=officer, year=YEAR)
    assert _group_of(before, "BANG_KHEN_TINH", person) != "eligible"
    ldtt = AwardType.objects.get(code="LDTT")
    for year in range(YEAR - 3, YEAR):
        for award_type in (ldtt, world["cstd"]):
            services.record_award(actor=officer, subject=person, award_type=award_type, year=year,
                                  issuer=world["commune"], decision_number=f"{year}/QĐ-UBND-b",
                                  decision_date=datetime.date(year, 12, 20))
    # The task has not run: the stored row is the old one, the list judges her live.
    assert StoredVerdicts.objects.filter(person_id=person.pk).exists()
    during = candidates.build(user=officer, year=YEAR)
    assert during.pending_refresh == 1
    assert _group_of(during, "BANG_KHEN_TINH", person) == "eligible"
    assert _full_table(during) == _full_table(candidates.build(user=officer, year=YEAR, use_stored=False))
    run_queued_tasks()
    after = candidates.build(user=officer, year=YEAR)
    assert after.pending_refresh == 0
    assert _full_table(after) == _full_table(during)


def test_a_change_of_the_rules_queues_a_rebuild_and_the_old_verdicts_are_not_used(world):
    officer = world["officer"]
    from thidua.accounts.models import Role, User

    admin = User.objects.create(username="qt_phan_quyet", role=Role.ADMIN)
    before = candidates.build(user=officer, year=YEAR)
    assert _group_of(before, "BANG_KHEN_TINH", world["people"][0]) == "eligible"
    # Bằng khen tỉnh now asks longer chains than the teachers have.
    queued = DBTaskResult.objects.count()
    for key in ("bang_khen_tinh_cstd_chain_years", "bang_khen_tinh_htxsnv_years"):
        services.update_parameter(actor=admin, parameter=RuleParameter.objects.get(key=key), value_text="6",
                                  source_note="Thử: quy định mới")
    assert DBTaskResult.objects.count() == queued + 2  # a rebuild queued by each change
    during = candidates.build(user=officer, year=YEAR)
    assert during.pending_refresh == during.pending_rules == 3  # every stored row is of the old rules
    from django.test import Client

    client = Client()
    client.force_login(officer)
    page = client.get("/khen-thuong/du-dieu-kien/?nam=%d" % YEAR).content.decode()
    assert "Quy định vừa được sửa, kết quả xét đã lưu của 3 người đang chờ cập nhật" in page
    assert _group_of(during, "BANG_KHEN_TINH", world["people"][0]) != "eligible"
    assert _full_table(during) == _full_table(candidates.build(user=officer, year=YEAR, use_stored=False))
    run_queued_tasks()
    after = candidates.build(user=officer, year=YEAR)
    assert after.pending_refresh == 0
    assert _full_table(after) == _full_table(during)


def test_a_discipline_recorded_makes_the_persons_stored_verdicts_wait_for_their_refresh(world):
    officer, person = world["officer"], world["people"][0]
    assert _group_of(candidates.build(user=officer, year=YEAR), "LDTT", person) == "eligible"
    services.record_discipline(actor=officer, person=person, form="KHIEN_TRACH", start=datetime.date(YEAR, 3, 1),
                               end=datetime.date(YEAR, 12, 31), decision_number="12/QĐ-KL")
    during = candidates.build(user=officer, year=YEAR)
    assert during.pending_refresh == 1
    assert _group_of(during, "LDTT", person) != "eligible"  # judged live: the discipline counts at once
    run_queued_tasks()
    after = candidates.build(user=officer, year=YEAR)
    assert after.pending_refresh == 0
    assert _full_table(after) == _full_table(during)
