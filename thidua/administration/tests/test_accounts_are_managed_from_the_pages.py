"""The administrator runs the accounts from the pages (issue #16, item 1): create with a role, a
unit and a person, a one-time password changed at first login, deactivate, reset; a commune's
administrator sees her commune only; no password hash reaches the audit log."""
import re

import pytest

from thidua.accounts.models import Role, User
from thidua.core.models import AuditEntry
from thidua.org import services as org_services
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune(db):
    return Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, valid_until__isnull=True).first()


@pytest.fixture
def admin(commune):
    return User.objects.create_user(username="qt-thu", password="Mật-khẩu-quản-trị-42", role=Role.ADMIN,
                                    unit=commune, first_name="Quản trị")


def _password(html: str) -> str:
    return re.search(r'<code id="mat-khau"[^>]*>([^<]+)</code>', html).group(1)


def test_a_new_account_gets_a_one_time_password_that_must_be_changed(client, admin, commune):
    person = org_services.create_person(actor=None, organisation=commune, position="Phó Chủ tịch UBND xã",
                                        full_name="Trần Thị Hòa", gender="F", category="can_bo")
    client.force_login(admin)
    response = client.post("/quan-tri/tai-khoan/them/", {
        "username": "pct-hoa", "last_name": "Trần Thị", "first_name": "Hòa", "role": Role.CHAIRMAN,
        "unit": commune.pk, "person": person.pk, "title": "Phó Chủ tịch UBND xã"})
    assert response.status_code == 200
    password = _password(response.content.decode())
    account = User.objects.get(username="pct-hoa")
    assert (account.role, account.unit, account.person, account.must_change_password) == \
        (Role.CHAIRMAN, commune, person, True)

    client.logout()
    assert client.post("/tai-khoan/dang-nhap/", {"username": "pct-hoa", "password": password}).status_code == 302
    assert client.get("/").url == "/tai-khoan/doi-mat-khau/", "she changes it before anything else"
    new = "Hoa-sen-nở-rộ-2026"
    response = client.post("/tai-khoan/doi-mat-khau/", {"old_password": password, "new_password1": new,
                                                        "new_password2": new})
    assert response.status_code == 302
    account.refresh_from_db()
    assert not account.must_change_password
    assert client.get("/").status_code == 200

    for entry in AuditEntry.objects.filter(content_type__model="user", object_id=str(account.pk)):
        assert "password" not in (entry.after or {}) and "password" not in (entry.before or {})
        assert password not in str(entry.after) + entry.note


def test_a_deactivated_account_cannot_sign_in_and_the_last_administrator_stays(client, admin, commune):
    client.force_login(admin)
    response = client.post("/quan-tri/tai-khoan/them/", {"username": "kt-moi", "first_name": "Mới",
                                                        "role": Role.AUDITOR, "unit": commune.pk})
    password = _password(response.content.decode())
    account = User.objects.get(username="kt-moi")
    client.post(f"/quan-tri/tai-khoan/{account.pk}/trang-thai/", {"active": "0"})
    account.refresh_from_db()
    assert not account.is_active
    client.logout()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "kt-moi", "password": password})
    assert response.status_code == 200, "a locked account is refused at the login form"

    client.force_login(admin)
    client.post(f"/quan-tri/tai-khoan/{admin.pk}/trang-thai/", {"active": "0"})
    admin.refresh_from_db()
    assert admin.is_active, "nobody locks herself out"


def test_a_reset_password_replaces_the_old_one(client, admin, commune):
    officer = User.objects.create_user(username="cb-quen", password="Mật-khẩu-cũ-2025", role=Role.OFFICER,
                                       unit=commune)
    client.force_login(admin)
    password = _password(client.post(f"/quan-tri/tai-khoan/{officer.pk}/dat-lai-mat-khau/").content.decode())
    officer.refresh_from_db()
    assert officer.check_password(password) and not officer.check_password("Mật-khẩu-cũ-2025")
    assert officer.must_change_password
    assert AuditEntry.objects.filter(object_id=str(officer.pk), action="security",
                                     note__contains="Đặt lại mật khẩu").exists()


def test_a_communes_administrator_sees_and_manages_her_commune_only(client, admin, commune):
    city = commune.parent
    other = org_services.create_organisation(actor=None, code="xa-thu-khac", name="Xã Thử Khác",
                                             kind=Organisation.Kind.COMMUNE, parent=city)
    stranger = User.objects.create_user(username="cb-xa-khac", password="x-Không-đoán-42", role=Role.OFFICER,
                                        unit=other, first_name="Người xã khác")
    client.force_login(admin)
    assert "cb-xa-khac" not in client.get("/quan-tri/tai-khoan/").content.decode()
    assert client.get(f"/quan-tri/tai-khoan/{stranger.pk}/").status_code == 404
    assert client.post(f"/quan-tri/tai-khoan/{stranger.pk}/dat-lai-mat-khau/").status_code == 404
    response = client.post("/quan-tri/tai-khoan/them/", {"username": "lan-sang", "first_name": "Sang",
                                                        "role": Role.OFFICER, "unit": other.pk})
    assert response.status_code == 400 and not User.objects.filter(username="lan-sang").exists()


def test_the_unit_and_person_selects_are_in_vietnamese_order(client, admin):
    client.force_login(admin)
    html = client.get("/quan-tri/tai-khoan/them/").content.decode()
    from thidua.core.text import collation_key, given_name_key

    for name, key in (("unit", collation_key), ("person", given_name_key)):
        select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
        labels = [label for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)]
        assert len(labels) > 3
        assert labels == sorted(labels, key=key), f"{name} options are not in Vietnamese order"


def test_an_other_role_cannot_reach_the_administration(client, demo_user):
    client.force_login(demo_user("canbotdkt"))
    assert client.get("/quan-tri/tai-khoan/").status_code == 403
    assert client.post("/quan-tri/tai-khoan/them/", {"username": "x", "first_name": "x", "role": "admin"}
                       ).status_code == 403
    assert not User.objects.filter(username="x").exists()
