import pytest

from thidua.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_officer_logs_in_with_the_documented_password(client):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbotdkt", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Cán bộ TĐKT xã" in client.get("/").content.decode()


def test_wrong_password_says_so_in_vietnamese(client):
    response = client.post("/tai-khoan/dang-nhap/", {"username": "canbotdkt", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_logout_ends_the_session(client_as):
    client = client_as("canbotdkt")
    client.post("/tai-khoan/dang-xuat/")
    assert client.get("/").status_code == 302


def test_password_change_requires_the_old_password(client_as):
    client = client_as("canbotdkt")
    response = client.post("/tai-khoan/doi-mat-khau/", {
        "old_password": "sai", "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert response.status_code == 200
    response = client.post("/tai-khoan/doi-mat-khau/", {
        "old_password": DEMO_PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"})
    assert response.status_code == 302
