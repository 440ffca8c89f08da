"""The candidate page counts and pages in the database (issue #17, item 7): a group of a
target's list is read a page at a time from the stored verdicts ordered by their stored
Vietnamese sort key, with the units, households and people waiting for a refresh judged live
and merged in. Walking every page gives exactly the rows of the lists built in Python
(``candidates.build``): same people, same order, same verdicts."""
import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.awards import candidates, services
from thidua.awards.models import AwardType
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Membership, Organisation, Person

from .test_award_summaries import YEAR, world  # noqa: F401 — the same small world

pytestmark = pytest.mark.django_db
URL = "/khen-thuong/du-dieu-kien/"


def _row(c):
    v = c.verdict
    return (c.kind, c.subject.pk, c.unit, v.id, v.eligible, v.amount_vnd, v.authority,
            tuple((ch.rule, ch.passed, ch.article, ch.detail) for ch in v.checks))


def _paged_equals_built(user, targets=None, per_page=2):
    built = candidates.build(user=user, year=YEAR, targets=targets)
    listing = candidates.listing(user=user, year=YEAR, targets=targets)
    assert [(t.code, t.eligible, t.one_short, t.others, t.already) for t in listing.counts] == [
        (t.code, len(t.eligible), len(t.one_short), len(t.others), t.already) for t in built]
    for tl in built:
        for group in candidates.GROUPS:
            paginator = Paginator(listing.rows(tl.code, group), per_page)
            paged = [_row(c) for n in paginator.page_range for c in paginator.page(n)]
            assert paged == [_row(c) for c in getattr(tl, group)], (tl.code, group)
    assert listing.pending_refresh == built.pending_refresh
    return listing


@pytest.fixture
def mixed(world):  # noqa: F811 — the fixture of the shared small world
    """The small world with what the merge must get right: two teachers of the same name (tie
    broken by id), a second unit, a citizen, someone who already holds LĐTT this year."""
    officer, commune, school = world["officer"], world["commune"], world["school"]
    office = Organisation.objects.create(code="vp-tom-tat", name="Văn phòng Tóm Tắt", kind=Organisation.Kind.SPECIALISED_OFFICE,
                                         parent=commune)
    ldtt = AwardType.objects.get(code="LDTT")
    extra = []
    for name, category, unit in (("Lê Thị Ánh", Person.Category.VIEN_CHUC, office),
                                 ("Đỗ Văn An", Person.Category.CONG_CHUC, office),
                                 ("Hoàng Văn Dũng", Person.Category.NHAN_DAN, school),
                                 ("Ánh", Person.Category.CONG_CHUC, office)):
        person = Person.objects.create(full_name=name, gender="M", category=category)
        Membership.objects.create(person=person, organisation=unit, start=datetime.date(2019, 1, 1))
        for year in range(YEAR - 3, YEAR + 1):
            services.set_rating(actor=officer, subject=person, year=year, rating="HTXSNV")
        extra.append(person)
    services.set_rating(actor=officer, subject=office, year=YEAR, rating="HTXSNV")
    services.record_award(actor=officer, subject=extra[1], award_type=ldtt, year=YEAR, issuer=commune,
                          decision_number="9/QĐ-UBND", decision_date=datetime.date(YEAR, 12, 20))
    run_queued_tasks()
    return {**world, "office": office, "extra": extra}


def test_every_page_of_every_group_gives_the_rows_of_the_lists_built_in_python(mixed):
    listing = _paged_equals_built(mixed["officer"])
    assert listing.pending_refresh == 0
    assert {t.code for t in listing.counts} >= {"LDTT", "BANG_KHEN_TINH", "TTLDTT", "GIAY_KHEN_XA"}
    assert listing.count_of("LDTT").already == 1
    _paged_equals_built(mixed["officer"], targets=["BANG_KHEN_TINH"], per_page=3)


def test_people_waiting_for_a_refresh_or_renamed_are_judged_live_and_merged_in_order(mixed):
    officer, person = mixed["officer"], mixed["people"][2]
    for year in range(YEAR - 3, YEAR):  # her summary goes stale: the task has not run
        services.record_award(actor=officer, subject=person, award_type=AwardType.objects.get(code="LDTT"),
                              year=year, issuer=mixed["commune"], decision_number=f"{year}/QĐ-UBND-b",
                              decision_date=datetime.date(year, 12, 20))
    renamed = mixed["extra"][0]
    Person.objects.filter(pk=renamed.pk).update(full_name="Bùi Thị Ánh")  # her stored sort key is old
    listing = _paged_equals_built(officer)
    assert listing.pending_refresh == 1


def test_the_page_shows_a_group_a_page_at_a_time(mixed, client, monkeypatch):
    from thidua.awards import views

    monkeypatch.setattr(views, "CANDIDATES_PER_PAGE", 2)
    client.force_login(mixed["officer"])
    built = next(t for t in candidates.build(user=mixed["officer"], year=YEAR) if t.code == "GIAY_KHEN_XA")
    names = [str(c.subject) for c in built.eligible]
    assert len(names) > 2
    first = client.get(URL, {"nam": YEAR, "doi_tuong": "GIAY_KHEN_XA"}).content.decode()
    second = client.get(URL, {"nam": YEAR, "doi_tuong": "GIAY_KHEN_XA", "nhom": "du", "page": 2}).content.decode()
    assert f"Trang 1/{(len(names) + 1) // 2}" in first and f"Đủ điều kiện ({len(names)})" in first
    assert names[0] in first and names[2] not in first
    assert names[2] in second and "Trang 2/" in second
    summary = client.get(URL, {"nam": YEAR}).content.decode()
    assert "doi_tuong=GIAY_KHEN_XA&amp;nhom=thieu-mot" in summary  # each count opens its group


def _queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


SUMMARY_QUERIES = 23  # session, user, badge, the unit filter (communes or units), catalogue, citations, scope, people judged live (none), units' stored verdicts and their checks (members, nominations, waiting summaries), households, counts per chain, held titles, chains
GROUP_PAGE_QUERIES = 27  # the summary's (fewer units and households: one target) and one page: its stored rows, people, units


def test_the_summary_and_a_page_of_a_group_have_a_pinned_number_of_queries_whatever_the_size(mixed, client):
    officer = mixed["officer"]
    client.force_login(officer)
    page = {"nam": YEAR, "doi_tuong": "BANG_KHEN_TINH", "nhom": "thieu-mot"}
    client.get(URL, {"nam": YEAR})
    assert _queries(client, {"nam": YEAR}) == SUMMARY_QUERIES
    assert _queries(client, page) == GROUP_PAGE_QUERIES
    for i in range(30):  # thirty more staff, their verdicts stored by the refresh
        person = Person.objects.create(full_name=f"Nguyễn Văn Thêm {i}", gender="M", category=Person.Category.CONG_CHUC)
        Membership.objects.create(person=person, organisation=mixed["office"], start=datetime.date(2019, 1, 1))
        for year in range(YEAR - 2, YEAR + 1):
            services.set_rating(actor=officer, subject=person, year=year, rating="HTXSNV")
    run_queued_tasks()
    assert _queries(client, {"nam": YEAR}) == SUMMARY_QUERIES
    assert _queries(client, page) == GROUP_PAGE_QUERIES


def test_the_refresh_task_stores_the_verdicts_of_the_units_whose_shares_count_the_people(mixed):
    from thidua.awards.models import StoredUnitVerdicts

    rows = StoredUnitVerdicts.objects.filter(organisation_id__in=[mixed["school"].pk, mixed["office"].pk])
    assert rows.count() == 2 and not rows.filter(stale=True).exists()
    assert rows.get(organisation_id=mixed["school"].pk).members == 4
    listing = candidates.listing(user=mixed["officer"], year=YEAR)
    assert listing.count_of("TTLDTT").total == 2


def test_a_units_own_rating_marks_its_stored_verdicts_stale_until_the_task_judges_it_again(mixed):
    from thidua.awards.models import StoredUnitVerdicts

    office = mixed["office"]
    services.set_rating(actor=mixed["officer"], subject=office, year=YEAR, rating="KHTNV")
    assert StoredUnitVerdicts.objects.get(organisation_id=office.pk).stale
    _paged_equals_built(mixed["officer"])  # judged live meanwhile
    run_queued_tasks()
    assert not StoredUnitVerdicts.objects.get(organisation_id=office.pk).stale
    _paged_equals_built(mixed["officer"])


def test_a_member_added_by_any_path_or_renamed_makes_the_unit_judged_live_until_refreshed(mixed):
    newcomer = Person.objects.create(full_name="Vương Thị Én", gender="F", category=Person.Category.VIEN_CHUC)
    Membership.objects.create(person=newcomer, organisation=mixed["school"], start=datetime.date(2020, 1, 1))
    _paged_equals_built(mixed["officer"])  # the school's stored members differ: judged live
    renamed = mixed["people"][0]
    renamed.full_name = "Lê Thị Ánh Hồng"
    renamed.save()  # her stored verdicts and her units' name her: refreshed through the queue
    listing = _paged_equals_built(mixed["officer"])
    assert listing.pending_refresh == 1  # her summary waits (the newcomer has none yet: read from the ledger)
    run_queued_tasks()
    assert _paged_equals_built(mixed["officer"]).pending_refresh == 0


def test_a_province_officer_picks_a_commune_and_may_still_open_one_unit_by_its_link(mixed, client):
    from thidua.accounts.models import Role, User

    province = mixed["commune"].parent
    Organisation.objects.create(code="xa-hai", name="Xã Ánh Dương", kind=Organisation.Kind.COMMUNE, parent=province)
    client.force_login(User.objects.create(username="can_bo_tinh", role=Role.OFFICER, unit=province))
    html = client.get(URL, {"nam": YEAR}).content.decode()
    assert html.index(">Xã Ánh Dương</option>") < html.index(">Xã Tóm Tắt</option>")  # Vietnamese order
    assert ">Trường Tiểu học Tóm Tắt</option>" not in html  # ~3.000 units of a province are not offered
    school = mixed["school"]
    html = client.get(URL, {"nam": YEAR, "don_vi": school.pk, "doi_tuong": "LDTT"}).content.decode()
    assert f'value="{school.pk}" selected>Trường Tiểu học Tóm Tắt</option>' in html
    assert "Văn phòng Tóm Tắt" not in html  # the school's list only
