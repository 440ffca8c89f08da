"""Yearly ratings are entered in the pages (issue #16, item 2): the unit's clerk fills a grid of
her members with the keyboard and sends it, the commune's officer confirms it; the person page
changes a single rating. No Excel is needed for the eligibility check to read them."""
import datetime

import pytest

from thidua.accounts.models import Notification, Role, User
from thidua.awards.models import Rating, RatingSheet
from thidua.org import services as org_services
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db
YEAR = 2026
NAMES = ["Trần Văn Bình", "Đặng Thị An", "Lê Thị Ánh", "Nguyễn Văn Đức"]


@pytest.fixture
def school(db):
    commune = Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, valid_until__isnull=True).first()
    unit = org_services.create_organisation(actor=None, code="th-thu-xep-loai", name="Trường Tiểu học Thử",
                                            kind=Organisation.Kind.PRIMARY_SCHOOL, parent=commune)
    people = [org_services.create_person(actor=None, organisation=unit, position="Giáo viên", full_name=name,
                                         gender="F" if "Thị" in name else "M", category="vien_chuc",
                                         start=datetime.date(2020, 9, 1))
              for name in NAMES]
    clerk = User.objects.create_user(username="vanthu-thu", password="Mật-khẩu-dài-42", role=Role.CLERK,
                                     unit=unit, first_name="Thư", last_name="Văn")
    officer = User.objects.create_user(username="canbo-thu", password="Mật-khẩu-dài-42", role=Role.OFFICER,
                                       unit=commune, first_name="Cán", last_name="Bộ")
    return unit, {p.full_name: p for p in people}, clerk, officer


def _grid(unit):
    return f"/khen-thuong/xep-loai/{unit.pk}/{YEAR}/"


def _all(people, code="HTTNV"):
    return {f"r-{p.pk}": code for p in people.values()}


def test_the_grid_lists_the_members_in_vietnamese_order_of_given_names(client, school):
    unit, people, clerk, _officer = school
    client.force_login(clerk)
    html = client.get(_grid(unit)).content.decode()
    positions = [html.index(name) for name in ("Đặng Thị An", "Lê Thị Ánh", "Trần Văn Bình", "Nguyễn Văn Đức")]
    assert positions == sorted(positions), "An, Ánh, Bình, Đức: given names in Vietnamese order"


def test_a_clerk_enters_her_members_ratings_in_one_save(client, school):
    unit, people, clerk, _officer = school
    client.force_login(clerk)
    data = {"action": "luu", **_all(people), f"r-{people['Lê Thị Ánh'].pk}": "HTXSNV",
            f"n-{people['Lê Thị Ánh'].pk}": "Giáo viên dạy giỏi cấp thành phố"}
    response = client.post(_grid(unit), data)
    assert response.status_code == 302
    ratings = {r.person.full_name: r.rating for r in Rating.objects.filter(year=YEAR, person__in=people.values())}
    assert ratings == {**{n: "HTTNV" for n in NAMES}, "Lê Thị Ánh": "HTXSNV"}
    assert Rating.objects.get(year=YEAR, person=people["Lê Thị Ánh"]).note == "Giáo viên dạy giỏi cấp thành phố"


def test_a_wrong_code_saves_nothing_and_says_whose_rating_is_wrong(client, school):
    unit, people, clerk, _officer = school
    client.force_login(clerk)
    response = client.post(_grid(unit), {"action": "luu", **_all(people), f"r-{people['Đặng Thị An'].pk}": "GIOI"})
    assert response.status_code == 400
    assert "Xếp loại không hợp lệ của: Đặng Thị An" in response.content.decode()
    assert not Rating.objects.filter(year=YEAR, person__in=people.values()).exists()


def test_sending_an_incomplete_sheet_names_who_is_missing(client, school):
    unit, people, clerk, _officer = school
    client.force_login(clerk)
    client.post(_grid(unit), {"action": "luu", f"r-{people['Trần Văn Bình'].pk}": "HTTNV"})
    response = client.post(_grid(unit), {"action": "gui"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Còn 3 người chưa xếp loại" in text and "Đặng Thị An" in text
    assert RatingSheet.objects.get(organisation=unit, year=YEAR).state == RatingSheet.State.DRAFT


def test_sent_confirmed_then_returned_with_a_reason(client, school):
    unit, people, clerk, officer = school
    client.force_login(clerk)
    client.post(_grid(unit), {"action": "luu", **_all(people)})
    assert client.post(_grid(unit), {"action": "gui"}).status_code == 302
    assert Notification.objects.filter(user=officer, url=_grid(unit)).exists(), "the officer is told"
    # once sent, the clerk can no longer change it
    refused = client.post(_grid(unit), {"action": "luu", **_all(people, "HTXSNV")})
    assert refused.status_code == 400 and "đã gửi" in refused.content.decode()
    assert not Rating.objects.filter(year=YEAR, rating="HTXSNV", person__in=people.values()).exists()

    client.force_login(officer)
    assert client.post(_grid(unit), {"action": "xac-nhan"}).status_code == 302
    sheet = RatingSheet.objects.get(organisation=unit, year=YEAR)
    assert (sheet.state, sheet.confirmed_by) == (RatingSheet.State.CONFIRMED, officer)
    assert client.post(_grid(unit), {"action": "tra-lai", "reason": ""}).status_code == 400
    assert client.post(_grid(unit), {"action": "tra-lai", "reason": "Thiếu xếp loại của cô Ánh theo kết quả mới"}
                       ).status_code == 302
    assert Notification.objects.filter(user=clerk, body__contains="cô Ánh").exists()

    client.force_login(clerk)
    assert client.post(_grid(unit), {"action": "luu", **_all(people, "HTXSNV")}).status_code == 302
    assert Rating.objects.filter(year=YEAR, rating="HTXSNV", person__in=people.values()).count() == 4


def test_a_clerk_cannot_rate_another_units_people(client, school, demo_user):
    unit, people, _clerk, _officer = school
    client.force_login(demo_user("vanthu_mnhp"))
    assert client.post(_grid(unit), {"action": "luu", **_all(people)}).status_code == 404
    response = client.post(f"/khen-thuong/ca-nhan/{people['Đặng Thị An'].pk}/xep-loai/",
                           {"year": YEAR, "rating": "HTXSNV"})
    assert response.status_code == 404
    assert not Rating.objects.filter(year=YEAR, person__in=people.values()).exists()


def test_the_person_page_changes_one_rating_by_the_same_rules(client, school):
    unit, people, clerk, officer = school
    an = people["Đặng Thị An"]
    client.force_login(clerk)
    url = f"/khen-thuong/ca-nhan/{an.pk}/xep-loai/"
    assert client.post(url, {"year": YEAR, "rating": "HTXSNV", "note": "Sáng kiến cấp cơ sở"}).status_code == 302
    assert Rating.objects.get(year=YEAR, person=an).rating == "HTXSNV"
    assert client.post(url, {"year": 2019, "rating": "HTTNV"}).status_code == 400, "not a member in 2019"

    client.post(_grid(unit), {"action": "luu", **_all(people)})
    client.post(_grid(unit), {"action": "gui"})
    client.force_login(officer)
    client.post(_grid(unit), {"action": "xac-nhan"})
    client.force_login(clerk)
    response = client.post(url, {"year": YEAR, "rating": "HTNV"})
    assert response.status_code == 400, "a confirmed sheet is not changed from the person page either"
    assert Rating.objects.get(year=YEAR, person=an).rating == "HTTNV"


def test_the_home_queue_shows_the_sheet_to_each_of_them(client, school, monkeypatch):
    from thidua.awards import work

    monkeypatch.setattr(work, "rating_year", lambda today: YEAR)
    unit, people, clerk, officer = school
    client.force_login(clerk)
    assert f'href="{_grid(unit)}"' in client.get("/").content.decode(), "the clerk's sheet to fill"
    client.post(_grid(unit), {"action": "luu", **_all(people)})
    client.post(_grid(unit), {"action": "gui"})
    assert f'href="{_grid(unit)}"' not in client.get("/").content.decode(), "sent: no longer hers"
    client.force_login(officer)
    html = client.get("/").content.decode()
    assert f'href="{_grid(unit)}"' in html and "xem và xác nhận" in html
