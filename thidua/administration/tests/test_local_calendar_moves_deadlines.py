"""Local days off and swapped working days are entered in the pages and every deadline follows
them (issue #16, item 1)."""
import datetime

import pytest

from thidua.accounts.models import Role, User
from thidua.core.models import CalendarDay
from thidua.core.workdays import add_working_days
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    commune = Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, valid_until__isnull=True).first()
    return User.objects.create_user(username="qt-lich", password="Mật-khẩu-quản-trị-42", role=Role.ADMIN,
                                    unit=commune)


def test_a_local_day_off_pushes_a_deadline_by_one_working_day(client, admin):
    monday = datetime.date(2031, 3, 3)
    before = add_working_days(monday, 5)
    client.force_login(admin)
    response = client.post("/quan-tri/lich-lam-viec/", {"day": "05/03/2031", "is_working_day": "0",
                                                       "name": "Lễ hội truyền thống của xã"})
    assert response.status_code == 302
    assert add_working_days(monday, 5) == before + datetime.timedelta(days=1)
    page = client.get("/quan-tri/lich-lam-viec/?nam=2031").content.decode()
    assert "05/03/2031" in page and "Lễ hội truyền thống của xã" in page


def test_a_swapped_working_day_must_fall_on_a_weekend(client, admin):
    client.force_login(admin)
    response = client.post("/quan-tri/lich-lam-viec/", {"day": "04/03/2031", "is_working_day": "1",
                                                       "name": "Làm bù"})
    assert response.status_code == 400
    assert "thứ Bảy hoặc Chủ nhật" in response.content.decode()
    assert not CalendarDay.objects.filter(day=datetime.date(2031, 3, 4)).exists()
    assert client.post("/quan-tri/lich-lam-viec/", {"day": "08/03/2031", "is_working_day": "1",
                                                    "name": "Làm bù cho ngày 05/03"}).status_code == 302
    friday = datetime.date(2031, 3, 7)
    assert add_working_days(friday, 1) == datetime.date(2031, 3, 8)


def test_a_day_is_removed_from_the_calendar(client, admin):
    day = CalendarDay.objects.create(day=datetime.date(2031, 4, 1), name="Nghỉ thử")
    client.force_login(admin)
    assert client.post(f"/quan-tri/lich-lam-viec/{day.pk}/xoa/").status_code == 302
    assert not CalendarDay.objects.filter(pk=day.pk).exists()
