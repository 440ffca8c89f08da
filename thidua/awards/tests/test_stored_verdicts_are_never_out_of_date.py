"""A stored verdict (``StoredVerdicts``, ``StoredUnitVerdicts``) is used only while it says what
judging the case now would say: not after a pending matter it judged pending has closed, not
for a unit whose members changed, not with a member's old name. Each test builds its own small
world: a commune, a school of three teachers rated excellent four years running, the school
rated excellent this year, an officer."""
import datetime

import pytest

from thidua.accounts.models import Role
from thidua.awards import candidates, engine, services
from thidua.awards.models import AwardType, StoredUnitVerdicts, StoredVerdicts
from thidua.awards.tasks import refresh_expired_verdicts
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Membership, Organisation, Person
from thidua.testing.builder import Builder

from .test_candidate_listing import _paged_equals_built

pytestmark = pytest.mark.django_db
YEAR = 2025
DAY = datetime.date(YEAR + 1, 3, 2)  # "today" while the tests run (``engine.today``)


@pytest.fixture
def school(monkeypatch):
    monkeypatch.setattr(engine, "today", lambda: DAY)
    b = Builder("hieu-luc")
    commune = b.commune()
    school = b.unit(commune, name="Trường Tiểu học Hiệu Lực")
    officer = b.user(Role.OFFICER, unit=commune)
    teachers = [b.person(unit=school, full_name=name, category=Person.Category.VIEN_CHUC)
                for name in ("Lê Thị Ánh", "Trần Văn Bình", "Phạm Thị Cúc")]
    for teacher in teachers:
        for year in range(YEAR - 3, YEAR + 1):
            services.set_rating(actor=officer, subject=teacher, year=year, rating="HTXSNV")
    services.set_rating(actor=officer, subject=school, year=YEAR, rating="HTXSNV")
    run_queued_tasks()
    assert StoredUnitVerdicts.objects.filter(organisation_id=school.pk, stale=False).exists()
    return {"officer": officer, "commune": commune, "school": school, "teachers": teachers, "builder": b}


def _group(listing, code, subject) -> str | None:
    """The group of ``code``'s list where the listing shows ``subject``."""
    for group in candidates.GROUPS:
        if any(c.subject.pk == subject.pk and type(c.subject) is type(subject)
               for c in listing.rows(code, group)[0:len(listing.rows(code, group))]):
            return group
    return None


def _pending_until(officer, subject, closed_on):
    matter = services.open_pending_matter(actor=officer, subject=subject, kind="investigation",
                                          opened_on=DAY - datetime.timedelta(days=30))
    services.close_pending_matter(actor=officer, matter=matter, closed_on=closed_on)
    run_queued_tasks()


def test_unit_verdict_changes_the_day_its_pending_investigation_closes(school, monkeypatch):
    officer, unit = school["officer"], school["school"]
    closes = DAY + datetime.timedelta(days=5)
    _pending_until(officer, unit, closes)  # closed in five days' time: pending until then
    assert _group(candidates.listing(user=officer, year=YEAR), "GIAY_KHEN_XA", unit) != "eligible"

    monkeypatch.setattr(engine, "today", lambda: closes)  # the day it closes
    listing = _paged_equals_built(officer)  # the same as judged live that day
    assert _group(listing, "GIAY_KHEN_XA", unit) == "eligible"

    refresh_expired_verdicts.call()  # the daily task judges the row again
    row = StoredUnitVerdicts.objects.get(organisation_id=unit.pk)
    assert row.valid_until is None and not row.stale
    assert _group(_paged_equals_built(officer), "GIAY_KHEN_XA", unit) == "eligible"


def test_persons_verdict_changes_the_day_her_pending_investigation_closes(school, monkeypatch):
    officer, teacher = school["officer"], school["teachers"][0]
    closes = DAY + datetime.timedelta(days=5)
    _pending_until(officer, teacher, closes)
    assert StoredVerdicts.objects.get(person_id=teacher.pk).valid_until == closes
    assert _group(candidates.listing(user=officer, year=YEAR), "LDTT", teacher) != "eligible"

    monkeypatch.setattr(engine, "today", lambda: closes)
    listing = _paged_equals_built(officer)  # the list of a dossier's checks (``build``) as well
    assert _group(listing, "LDTT", teacher) == "eligible"
    built = next(t for t in candidates.build(user=officer, year=YEAR) if t.code == "LDTT")
    assert teacher.pk in {c.subject.pk for c in built.eligible}

    refresh_expired_verdicts.call()
    assert StoredVerdicts.objects.get(person_id=teacher.pk).valid_until is None
    assert _group(_paged_equals_built(officer), "LDTT", teacher) == "eligible"


def test_a_matter_still_open_or_closing_later_keeps_the_stored_verdict_until_its_day(school, monkeypatch):
    officer, teacher = school["officer"], school["teachers"][1]
    later = DAY + datetime.timedelta(days=40)
    _pending_until(officer, teacher, later)
    monkeypatch.setattr(engine, "today", lambda: later - datetime.timedelta(days=1))  # the day before
    refresh_expired_verdicts.call()  # nothing due yet
    assert StoredVerdicts.objects.get(person_id=teacher.pk).valid_until == later
    assert _group(_paged_equals_built(officer), "LDTT", teacher) != "eligible"


def test_rows_stored_before_the_upgrade_expire_on_the_day_their_matter_closes(school):
    import importlib

    from django.apps import apps
    from django.utils import timezone

    officer, teacher, unit = school["officer"], school["teachers"][2], school["school"]
    closes = DAY + datetime.timedelta(days=5)
    _pending_until(officer, teacher, closes)
    _pending_until(officer, unit, closes)
    judged = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(9)))
    StoredVerdicts.objects.update(valid_until=None, refreshed_at=judged)  # as the rows were before the upgrade
    StoredUnitVerdicts.objects.update(valid_until=None, refreshed_at=judged)
    migration = importlib.import_module("thidua.awards.migrations.0013_stored_verdicts_valid_until")
    migration.expire_rows_judged_while_a_matter_was_pending(apps, None)
    assert StoredVerdicts.objects.get(person_id=teacher.pk).valid_until == closes
    assert StoredUnitVerdicts.objects.get(organisation_id=unit.pk).valid_until == closes
    assert StoredVerdicts.objects.get(person_id=school["teachers"][0].pk).valid_until is None


def test_a_unit_whose_two_members_were_swapped_for_two_others_shows_the_new_members(school):
    """Members 1 and 4 swapped for 2 and 3 (same number, same sum of ids), by a path that sends
    no signal: the office's shares name the new members, not the ones it was judged with."""
    officer, b = school["officer"], school["builder"]
    office = b.unit(school["commune"], kind=Organisation.Kind.SPECIALISED_OFFICE, name="Văn phòng Hiệu Lực")
    staff = [b.person(full_name=name) for name in ("Đỗ Văn An", "Ngô Văn Bảo", "Vũ Thị Chi", "Hà Văn Đức")]
    assert [p.pk - staff[0].pk for p in staff] == [0, 1, 2, 3]  # 1 + 4 == 2 + 3
    for person in staff:
        services.set_rating(actor=officer, subject=person, year=YEAR, rating="HTXSNV")
    for person in (staff[0], staff[3]):
        Membership.objects.create(person=person, organisation=office, start=datetime.date(2019, 1, 1))
        services.record_award(actor=officer, subject=person, award_type=AwardType.objects.get(code="LDTT"),
                              year=YEAR, issuer=school["commune"], decision_number="5/QĐ-UBND",
                              decision_date=datetime.date(YEAR, 12, 20))
    services.set_rating(actor=officer, subject=office, year=YEAR, rating="HTXSNV")
    run_queued_tasks()
    assert StoredUnitVerdicts.objects.filter(organisation_id=office.pk, stale=False).exists()
    Membership.objects.filter(organisation=office, person=staff[0]).update(person=staff[1])
    Membership.objects.filter(organisation=office, person=staff[3]).update(person=staff[2])

    listing = _paged_equals_built(officer)  # the office judged with its members of now
    detail = " ".join(ch.detail for group in candidates.GROUPS for c in listing.rows("TTLDTT", group)[0:100]
                      if c.subject.pk == office.pk for ch in c.verdict.checks)
    assert "0/2" in detail and "Đỗ Văn An" not in detail


def test_unit_rows_stored_before_the_member_fingerprint_are_judged_again_not_used(school):
    import importlib

    from django.apps import apps

    from thidua.awards import verdict_rows

    unit, params = school["school"], engine.current_parameters(None)
    assert verdict_rows.usable_units([unit], year=YEAR, params=params)
    StoredUnitVerdicts.objects.update(members_key="")  # as the rows were before the upgrade
    importlib.import_module("thidua.awards.migrations.0014_stored_unit_verdicts_members_key").judge_every_unit_again(
        apps, None)
    assert not verdict_rows.usable_units([unit], year=YEAR, params=params)
    _paged_equals_built(school["officer"])
    refresh_expired_verdicts.call()  # the next daily run
    assert verdict_rows.usable_units([unit], year=YEAR, params=params)


def test_renaming_a_newcomer_nominated_for_ldtt_shows_her_new_name_in_her_units_shares(school, monkeypatch):
    """A newcomer with nothing in the ledger (so no stored verdicts of her own), nominated for
    LĐTT this year: her school's stored shares name her; renamed, the school's list names her
    by her new name."""
    officer, unit = school["officer"], school["school"]
    newcomer = school["builder"].person(unit=unit, full_name="Vương Thị Én", category=Person.Category.VIEN_CHUC)
    nominated = {newcomer.pk: {"LDTT"}}
    monkeypatch.setattr(engine.same_round_nominations, "_providers", [
        (100, lambda *, year, person_ids, round_id=None: nominated if year == YEAR else {})])
    services.set_rating(actor=officer, subject=unit, year=YEAR, rating="HTXSNV")  # the school judged again
    run_queued_tasks()
    assert not StoredVerdicts.objects.filter(person_id=newcomer.pk).exists()
    assert "Vương Thị Én" in StoredUnitVerdicts.objects.get(organisation_id=unit.pk).payload

    newcomer.full_name = "Vương Thị Én Hoa"
    newcomer.save()
    _paged_equals_built(officer)  # judged live meanwhile: her new name
    run_queued_tasks()
    listing = _paged_equals_built(officer)
    detail = " ".join(ch.detail for group in candidates.GROUPS for c in listing.rows("TTLDTT", group)[0:100]
                      if c.subject.pk == unit.pk for ch in c.verdict.checks)
    assert "Vương Thị Én Hoa" in detail
