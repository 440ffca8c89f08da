"""Yearly registration: the deadline and its reopening, the coverage figure, reminders, scope."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from thidua.accounts.models import Notification
from thidua.core.models import AuditEntry
from thidua.movements import selectors, services
from thidua.movements.models import Registration, RegistrationPeriod, Reminder
from thidua.org.models import Membership, Person

from .conftest import unit

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _close_2026(demo_user) -> RegistrationPeriod:
    period = RegistrationPeriod.objects.get(year=2026)
    return services.set_registration_period(actor=demo_user("canbotdkt"), commune=period.commune, year=2026,
                                            deadline=TODAY() - datetime.timedelta(days=1))


def test_a_clerk_registers_her_unit_and_her_colleagues_and_each_registration_is_audited(
        demo_user, registration_open_2026):
    clerk, school = demo_user("vanthu_mnhp"), unit("mn-hong-phong")
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    before = AuditEntry.objects.count()
    registration = services.register_unit(actor=clerk, organisation=school, year=2026, title="TTLDTT",
                                          members={mai: "CSTD_CO_SO"})
    assert registration.title == "TTLDTT" and registration.registered_by == clerk
    assert Registration.objects.get(period__year=2026, person=mai).title == "CSTD_CO_SO"
    assert AuditEntry.objects.count() == before + 2
    entry = AuditEntry.objects.filter(content_type__model="registration").first()
    assert entry.action == "create" and entry.actor == clerk


def test_registration_after_the_deadline_is_refused_with_a_clear_message(client_as, demo_user):
    _close_2026(demo_user)
    school = unit("mn-hong-phong")
    response = client_as("vanthu_mnhp").post(f"/phong-trao/dang-ky/2026/don-vi/{school.pk}/", {"title": "TTLDTT"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Đã hết hạn đăng ký thi đua năm 2026" in html and "mở lại" in html
    assert not Registration.objects.filter(period__year=2026, organisation=school).exists()


def test_the_officer_reopens_registration_for_that_unit_only(client_as, demo_user):
    _close_2026(demo_user)
    school, other = unit("mn-hong-phong"), unit("tram-y-te-2")
    until = (TODAY() + datetime.timedelta(days=7)).strftime("%d/%m/%Y")
    response = client_as("canbotdkt").post(f"/phong-trao/dang-ky/2026/don-vi/{school.pk}/mo-lai/",
                                           {"until": until, "reason": "Đơn vị nộp chậm do thay đổi hiệu trưởng"})
    assert response.status_code == 302
    registration = services.register_unit(actor=demo_user("vanthu_mnhp"), organisation=school, year=2026,
                                          title="TTLDTT")
    assert registration.pk
    with pytest.raises(ValidationError, match="Đã hết hạn đăng ký"):
        services.register_unit(actor=demo_user("canbotdkt"), organisation=other, year=2026, title="TTLDTT")


def test_the_coverage_figure_equals_registered_units_over_expected_units(client_as, demo_user):
    period = RegistrationPeriod.objects.get(year=2026)
    expected = set(selectors.expected_units(commune=period.commune, year=2026).values_list("pk", flat=True))
    registered = set(Registration.objects.filter(period=period, person__isnull=True, organisation__in=expected)
                     .values_list("organisation_id", flat=True))
    coverage = selectors.registration_coverage(user=demo_user("canbotdkt"), year=2026)
    assert (coverage["registered"], coverage["expected"]) == (len(registered), len(expected)) == (37, 42)
    assert str(coverage["percent"]) == "88.1"
    html = client_as("canbotdkt").get("/phong-trao/dang-ky/2026/").content.decode()
    assert "37/42" in html and "88,1 %" in html


def test_expected_units_are_the_current_members_of_the_communes_blocks_that_year():
    commune = unit("xa-nam-thanh-mien")
    codes = set(selectors.expected_units(commune=commune, year=2026).values_list("code", flat=True))
    assert {"mn-hong-phong", "thon-hoi-yen", "cong-an-xa"} <= codes
    assert not codes & {"xa-nam-thanh-mien", "cong-an-chi-lang-nam", "dang-uy"}


def test_a_clerk_cannot_register_another_unit(client_as, demo_user, registration_open_2026):
    other = unit("tram-y-te-2")
    assert client_as("vanthu_mnhp").get(f"/phong-trao/dang-ky/2026/don-vi/{other.pk}/").status_code == 404
    assert client_as("vanthu_mnhp").post(f"/phong-trao/dang-ky/2026/don-vi/{other.pk}/",
                                         {"title": "TTLDTT"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.register_unit(actor=demo_user("vanthu_mnhp"), organisation=other, year=2026, title="TTLDTT")
    assert not Registration.objects.filter(period__year=2026, organisation=other).exists()


def test_a_clerk_cannot_register_someone_who_is_not_a_member_of_her_unit(demo_user, registration_open_2026):
    outsider = Membership.objects.filter(organisation__code="thcs-thanh-giang").first().person
    with pytest.raises(ValidationError, match="không phải thành viên hiện tại"):
        services.register_unit(actor=demo_user("vanthu_mnhp"), organisation=unit("mn-hong-phong"), year=2026,
                               title="TTLDTT", members={outsider: "LDTT"})
    assert not Registration.objects.filter(period__year=2026, organisation__code="mn-hong-phong").exists()


def test_a_village_registers_only_for_village_titles(demo_user, registration_open_2026):
    with pytest.raises(ValidationError, match="không dành cho"):
        services.register_unit(actor=demo_user("canbotdkt"), organisation=unit("thon-tan-hung"), year=2026,
                               title="TTLDTT")
    assert services.register_unit(actor=demo_user("canbotdkt"), organisation=unit("thon-tan-hung"), year=2026,
                                  title="THON_VAN_HOA").pk


def test_a_reminder_is_recorded_shown_on_the_clerks_to_do_page_and_sent_as_an_in_app_notice(client_as):
    school = unit("mn-hong-phong")
    response = client_as("canbotdkt").post(f"/phong-trao/dang-ky/2026/don-vi/{school.pk}/nhac/",
                                           {"message": "Đề nghị nhà trường đăng ký trước ngày 05/12/2026."})
    assert response.status_code == 302
    reminder = Reminder.objects.get(period__year=2026, organisation=school)
    assert reminder.sent_by.username == "canbotdkt"
    assert AuditEntry.objects.filter(content_type__model="reminder", object_id=str(reminder.pk)).exists()
    html = client_as("vanthu_mnhp").get("/phong-trao/viec-can-lam/?nam=2026").content.decode()
    assert "Đề nghị nhà trường đăng ký trước ngày 05/12/2026." in html
    notice = Notification.objects.get(user__username="vanthu_mnhp", kind="registration_reminder")
    assert notice.title == "Nhắc đăng ký thi đua năm 2026" and notice.url == "/phong-trao/viec-can-lam/?nam=2026"


def test_a_unit_that_has_registered_is_not_reminded(demo_user):
    period = RegistrationPeriod.objects.get(year=2026)
    with pytest.raises(ValidationError, match="đã đăng ký"):
        services.send_reminder(actor=demo_user("canbotdkt"), period=period, organisation=unit("thcs-thanh-giang"))


def test_is_registered_counts_a_higher_title_of_the_same_ladder():
    nhan = Person.objects.get(full_name="Vũ Thị Nhạn")  # registered CSTĐ cơ sở for 2025 in the demo
    assert selectors.is_registered(nhan, 2025, "CSTD_CO_SO")
    assert selectors.is_registered(nhan, 2025, "LDTT")
    assert not selectors.is_registered(nhan, 2025, "CSTD_TINH")
    assert not selectors.is_registered(nhan, 2024, "LDTT")
    thcs = unit("thcs-thanh-giang")  # registered TTLĐXS
    assert selectors.is_registered(thcs, 2026, "TTLDTT") and selectors.is_registered(thcs, 2026, "TTLDXS")
    assert not selectors.is_registered(unit("mn-hong-phong"), 2026, "TTLDTT")


def test_registrations_for_lists_the_communes_units_and_people_of_the_year():
    rows = list(selectors.registrations_for(2025, unit("xa-nam-thanh-mien")))
    assert {r.organisation.code for r in rows if r.person_id is None} >= {"mn-hong-phong", "thon-hoi-yen"}
    assert any(r.person and r.person.full_name == "Nguyễn Thị Mai" for r in rows)
