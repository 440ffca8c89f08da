"""The stored ledger summaries behind the candidate lists (issue #17, item 7): a ledger write
marks the people's summaries stale and queues their refresh in the same transaction; a list
never reads a stale summary (it reads the ledger for those people and says a refresh is
pending); after the queued tasks ran, the summary holds the change; the lists are the same
with and without the summaries."""
import datetime

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from thidua.accounts.models import Role, User
from thidua.awards import candidates, services, summaries
from thidua.awards.models import AwardSummary, AwardType, Rating
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Membership, Organisation, Person

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def world():
    """A commune with a school of three teachers: four years rated excellent, LĐTT and CSTĐ cơ
    sở recorded for two of them; an officer of the commune."""
    province = Organisation.objects.create(code="tinh-tom-tat", name="Tỉnh Tóm Tắt", kind=Organisation.Kind.CITY)
    commune = Organisation.objects.create(code="xa-tom-tat", name="Xã Tóm Tắt", kind=Organisation.Kind.COMMUNE,
                                          parent=province)
    school = Organisation.objects.create(code="th-tom-tat", name="Trường Tiểu học Tóm Tắt",
                                         kind=Organisation.Kind.PRIMARY_SCHOOL, parent=commune)
    officer = User.objects.create(username="can_bo_tom_tat", role=Role.OFFICER, unit=commune)
    people = []
    for name in ("Lê Thị Ánh", "Trần Văn Bình", "Phạm Thị Cúc"):
        person = Person.objects.create(full_name=name, gender="F", category=Person.Category.VIEN_CHUC)
        Membership.objects.create(person=person, organisation=school, start=datetime.date(2018, 1, 1))
        people.append(person)
    ldtt, cstd = AwardType.objects.get(code="LDTT"), AwardType.objects.get(code="CSTD_CO_SO")
    for person in people:
        for year in range(YEAR - 3, YEAR + 1):
            services.set_rating(actor=officer, subject=person, year=year, rating="HTXSNV")
    for person in people[:2]:
        for year in range(YEAR - 3, YEAR):
            services.record_award(actor=officer, subject=person, award_type=ldtt, year=year, issuer=commune,
                                  decision_number=f"{year}/QĐ-UBND", decision_date=datetime.date(year, 12, 20))
            services.record_award(actor=officer, subject=person, award_type=cstd, year=year, issuer=commune,
                                  decision_number=f"{year}/QĐ-UBND", decision_date=datetime.date(year, 12, 20))
    run_queued_tasks()
    return {"officer": officer, "commune": commune, "school": school, "people": people, "cstd": cstd}


def _table(lists):
    """Every candidate of every list: (target, group, subject, verdict rows)."""
    rows = []
    for tl in lists:
        for group in ("eligible", "one_short", "others"):
            for c in getattr(tl, group):
                rows.append((tl.code, group, c.kind, c.subject.pk, c.verdict.id, c.verdict.eligible,
                             tuple((ch.rule, ch.passed, ch.detail) for ch in c.verdict.checks)))
        rows.append((tl.code, "already", tl.already))
    return rows


def _group_of(lists, code, person):
    tl = next(t for t in lists if t.code == code)
    for group in ("eligible", "one_short", "others"):
        if any(c.subject.pk == person.pk for c in getattr(tl, group)):
            return group
    return None


def test_the_lists_are_the_same_read_from_the_summaries_or_from_the_ledger(world):
    officer = world["officer"]
    assert AwardSummary.objects.filter(person_id__in=[p.pk for p in world["people"]], stale=False).count() == 3
    with_summaries = candidates.build(user=officer, year=YEAR)
    from_ledger = candidates.build(user=officer, year=YEAR, use_summaries=False)
    assert _table(with_summaries) == _table(from_ledger)
    assert with_summaries.pending_refresh == 0
    # CSTĐ cơ sở three years running: the two teachers are on the Bằng khen list.
    assert _group_of(with_summaries, "BANG_KHEN_TINH", world["people"][0]) == "eligible"


def test_a_recorded_award_marks_the_summary_stale_queues_its_refresh_and_the_list_is_right_meanwhile(world):
    officer, anh = world["officer"], world["people"][2]
    before = DBTaskResult.objects.count()
    for year in range(YEAR - 3, YEAR):
        services.record_award(actor=officer, subject=anh, award_type=world["cstd"], year=year,
                              issuer=world["commune"], decision_number=f"{year}/QĐ-UBND",
                              decision_date=datetime.date(year, 12, 20))
    summary = AwardSummary.objects.get(person_id=anh.pk)
    assert summary.stale and "CSTD_CO_SO" not in summary.years
    assert DBTaskResult.objects.count() == before + 3  # one refresh per write, queued with it

    meanwhile = candidates.build(user=officer, year=YEAR)
    assert meanwhile.pending_refresh == 1
    assert _group_of(meanwhile, "BANG_KHEN_TINH", anh) == "eligible"  # read from the ledger, not stale

    run_queued_tasks()
    summary.refresh_from_db()
    assert not summary.stale and summary.years.count("CSTD_CO_SO") == 3
    after = candidates.build(user=officer, year=YEAR)
    assert after.pending_refresh == 0
    assert _table(after) == _table(candidates.build(user=officer, year=YEAR, use_summaries=False))


def test_a_revoked_award_and_a_changed_rating_are_reflected_after_the_queued_tasks_run(world):
    officer, binh = world["officer"], world["people"][1]
    award = world["cstd"].awards.get(person=binh, year=YEAR - 1)
    services.revoke_award(actor=officer, award=award, reason="Quyết định thu hồi số 1/QĐ-UBND")
    services.set_rating(actor=officer, subject=binh, year=YEAR, rating="HTTNV")
    run_queued_tasks()
    summary = AwardSummary.objects.get(person_id=binh.pk)
    assert not summary.stale
    assert f"{YEAR - 1}|HTXSNV|LDTT|" in summary.years and f"{YEAR}|HTTNV||" in summary.years
    lists = candidates.build(user=officer, year=YEAR)
    assert _group_of(lists, "BANG_KHEN_TINH", binh) != "eligible"  # the chain of CSTĐ cơ sở is broken
    assert _table(lists) == _table(candidates.build(user=officer, year=YEAR, use_summaries=False))


def test_the_page_says_when_a_refresh_is_pending(world, client):
    officer, anh = world["officer"], world["people"][2]
    client.force_login(officer)
    url = f"/khen-thuong/du-dieu-kien/?nam={YEAR}"
    assert "đang chờ cập nhật" not in client.get(url).content.decode()
    services.set_rating(actor=officer, subject=anh, year=YEAR, rating="HTTNV")
    page = client.get(url).content.decode()
    assert "Sổ khen thưởng của 1 người vừa thay đổi, bản tóm tắt đang chờ cập nhật" in page
    run_queued_tasks()
    assert "đang chờ cập nhật" not in client.get(url).content.decode()


def test_a_failed_write_leaves_no_stale_mark_and_no_task(world):
    from django.db import transaction

    anh = world["people"][2]
    before = DBTaskResult.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            services.set_rating(actor=world["officer"], subject=anh, year=YEAR, rating="HTTNV")
            raise RuntimeError("the write fails")
    assert not AwardSummary.objects.get(person_id=anh.pk).stale
    assert DBTaskResult.objects.count() == before
    assert Rating.objects.get(person=anh, year=YEAR).rating == "HTXSNV"


def test_the_administrator_rebuilds_every_summary_with_a_command(world):
    ids = [p.pk for p in world["people"]]
    AwardSummary.objects.filter(person_id__in=ids).delete()
    call_command("rebuild_award_summaries", stdout=open("/dev/null", "w"))
    assert AwardSummary.objects.filter(person_id__in=ids, stale=False).count() == 3
    assert "CSTD_CO_SO" in AwardSummary.objects.get(person_id=ids[0]).years
    # …or queues it for the worker.
    AwardSummary.objects.filter(person_id__in=ids).delete()
    call_command("rebuild_award_summaries", "--queue", stdout=open("/dev/null", "w"))
    assert not AwardSummary.objects.filter(person_id__in=ids).exists()
    run_queued_tasks()
    assert AwardSummary.objects.filter(person_id__in=ids, stale=False).count() == 3


def test_a_decision_of_many_names_queues_one_refresh(world):
    officer = world["officer"]
    before = DBTaskResult.objects.count()
    with summaries.batched():
        for person in world["people"]:
            services.set_rating(actor=officer, subject=person, year=YEAR, rating="HTTNV")
    assert DBTaskResult.objects.count() == before + 1
    assert AwardSummary.objects.filter(person_id__in=[p.pk for p in world["people"]], stale=True).count() == 3


def _many(world, people, year):
    form = AwardType.objects.get(code="GIAY_KHEN_XA")
    return [dict(subject=p, award_type=form, year=year,
                 issuer=world["commune"], decision_number=f"9{year}/QĐ-UBND", decision_date=datetime.date(year, 12, 20),
                 source="Quyết định số 9/QĐ-UBND") for p in people]


def test_a_decisions_awards_are_written_in_a_fixed_number_of_statements_each_audited_and_the_chain_holds(world):
    """The awards of a signed decision (issue #17: 500 names ≤ 0,5 s): one audit row per award,
    the chain whole, the summaries marked — and the statements do not grow with the names."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from thidua.core.audit import verify_chain
    from thidua.core.models import AuditEntry

    officer = world["officer"]
    extra = [Person.objects.create(full_name=f"Đỗ Văn Thêm {i}", gender="M", category=Person.Category.CONG_CHUC)
             for i in range(12)]
    few_entries, many_entries = _many(world, world["people"][:2], 2020), _many(world, world["people"] + extra, 2021)
    with CaptureQueriesContext(connection) as few:
        services.record_awards(actor=officer, entries=few_entries)
    with CaptureQueriesContext(connection) as many:
        awards = services.record_awards(actor=officer, entries=many_entries)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert [a.person_id for a in awards] == [p.pk for p in world["people"] + extra] and all(a.pk for a in awards)
    rows = AuditEntry.objects.filter(object_id__in=[str(a.pk) for a in awards], content_type__model="award")
    assert rows.count() == 15 and all(r.after["decision_number"] == "92021/QĐ-UBND" for r in rows)
    assert verify_chain()[1] is None
    assert AwardSummary.objects.filter(person_id__in=[a.person_id for a in awards], stale=True).count() == 15


def test_a_units_rating_sheet_queues_one_refresh_for_its_members(world):
    before = DBTaskResult.objects.count()
    services.save_rating_grid(actor=world["officer"], unit=world["school"], year=YEAR,
                              ratings={p.pk: "HTTNV" for p in world["people"]})
    assert DBTaskResult.objects.count() == before + 1
    run_queued_tasks()
    assert all(f"{YEAR}|HTTNV|" in s for s in AwardSummary.objects.filter(
        person_id__in=[p.pk for p in world["people"]]).values_list("years", flat=True))


def test_refreshes_queued_under_the_tasks_former_paths_still_run(world):
    """The queue names a task by its dotted path: refreshes queued while the tasks lived in
    ``awards.tasks`` still run after they moved beside the writes that queue them."""
    person = world["people"][2]
    services.set_rating(actor=world["officer"], subject=person, year=YEAR, rating="HTTNV")
    moved = 0
    for row in DBTaskResult.objects.filter(status="READY"):
        module, name = row.task_path.rsplit(".", 1)
        if module in ("thidua.awards.summaries", "thidua.awards.verdicts"):
            moved += DBTaskResult.objects.filter(pk=row.pk).update(task_path=f"thidua.awards.tasks.{name}")
    assert moved >= 1 and AwardSummary.objects.get(person_id=person.pk).stale

    run_queued_tasks()
    summary = AwardSummary.objects.get(person_id=person.pk)
    assert not summary.stale and f"{YEAR}|HTTNV|" in summary.years
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
