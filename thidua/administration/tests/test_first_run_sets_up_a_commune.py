"""On an empty instance the first page sets up a real commune without the shell or the demo
(issue #16, item 1); once set up, the page is closed."""
import pytest

from thidua.accounts.models import Role, User
from thidua.administration import services
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db

FORM = {"province_name": "Thành phố Hải Phòng", "commune_name": "Xã Thử Mới", "admin_name": "Nguyễn Văn Quản",
        "admin_username": "quantri-moi", "admin_password": "Quản-trị-xã-mới-2027",
        "chairman_name": "Phạm Thị Hằng", "chairman_gender": "F", "chairman_username": "chutich-moi",
        "officer_name": "Lê Văn Thành", "officer_gender": "M", "officer_username": "canbo-moi"}


def test_an_empty_instance_opens_on_its_first_run_page(client, monkeypatch):
    monkeypatch.setattr(services, "needs_first_run", lambda: True)
    assert client.get("/").url == "/bat-dau/"
    assert client.get("/tai-khoan/dang-nhap/").url == "/bat-dau/"


def test_the_first_run_creates_the_commune_and_its_three_accounts(client, monkeypatch):
    monkeypatch.setattr(services, "needs_first_run", lambda: True)
    response = client.post("/bat-dau/", FORM)
    assert response.status_code == 200
    commune = Organisation.objects.get(name="Xã Thử Mới")
    assert commune.kind == Organisation.Kind.COMMUNE and commune.parent.name == "Thành phố Hải Phòng"
    chairman = User.objects.get(username="chutich-moi")
    assert (chairman.role, chairman.unit, chairman.person.full_name) == (Role.CHAIRMAN, commune, "Phạm Thị Hằng")
    assert chairman.title == "Chủ tịch UBND xã Thử Mới" and chairman.must_change_password
    assert User.objects.get(username="canbo-moi").person.full_name == "Lê Văn Thành"
    admin = User.objects.get(username="quantri-moi")
    assert admin.check_password(FORM["admin_password"]) and not admin.must_change_password
    assert int(client.session["_auth_user_id"]) == admin.pk, "the administrator is signed in"
    html = response.content.decode()
    assert "chutich-moi" in html and "canbo-moi" in html


def test_the_first_run_page_is_closed_once_accounts_exist(client):
    assert client.get("/bat-dau/").status_code == 302
    response = client.post("/bat-dau/", FORM)
    assert response.status_code == 302 and not User.objects.filter(username="quantri-moi").exists()
