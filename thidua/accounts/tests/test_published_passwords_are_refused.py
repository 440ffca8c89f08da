"""The demo password is published in the README: nobody may choose it (or a close variant, or a
common password) as her real password."""
import pytest

from thidua.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("new", ["thidua-demo", "ThiDua-Demo", "thidua demo 2026", "Thiđua2026!", "password123"])
def test_the_published_demo_password_and_its_variants_are_refused(client_as, new):
    client = client_as("canbotdkt")
    response = client.post("/tai-khoan/doi-mat-khau/", {
        "old_password": DEMO_PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    client.logout()
    assert client.login(username="canbotdkt", password=DEMO_PASSWORD)  # unchanged


def test_a_good_password_is_accepted_and_the_rule_is_explained(client_as):
    client = client_as("canbotdkt")
    page = client.get("/tai-khoan/doi-mat-khau/").content.decode()
    assert "thidua-demo" in page  # the help text names what is refused
    response = client.post("/tai-khoan/doi-mat-khau/", {
        "old_password": DEMO_PASSWORD, "new_password1": "Vuon-cau-ao-ca-2026", "new_password2": "Vuon-cau-ao-ca-2026"})
    assert response.status_code == 302


def test_the_demo_password_message_is_vietnamese(client_as):
    response = client_as("canbotdkt").post("/tai-khoan/doi-mat-khau/", {
        "old_password": DEMO_PASSWORD, "new_password1": "thidua-demo", "new_password2": "thidua-demo"})
    assert "mật khẩu mẫu" in response.content.decode()
