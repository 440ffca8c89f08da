"""A password change ends what the old password vouched for: the user's API tokens and her
other sessions stop working; the session she changed it from goes on."""
import pytest
from django.test import Client

from thidua.conftest import DEMO_PASSWORD
from thidua.exchange.models import ApiToken

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"
NEW = "Vuon-cau-ao-ca-2026"


def test_a_password_change_revokes_api_tokens_and_ends_other_sessions(client_as, token_for, demo_user):
    header = token_for("canbotdkt")
    assert Client().get(f"{API}/me", HTTP_AUTHORIZATION=header).status_code == 200
    elsewhere = Client()
    elsewhere.force_login(demo_user("canbotdkt"))  # e.g. her computer at the office
    assert elsewhere.get("/").status_code == 200

    here = client_as("canbotdkt")
    response = here.post("/tai-khoan/doi-mat-khau/", {
        "old_password": DEMO_PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302

    assert Client().get(f"{API}/me", HTTP_AUTHORIZATION=header).status_code == 401
    assert not ApiToken.objects.filter(user__username="canbotdkt", revoked_at__isnull=True).exists()
    assert elsewhere.get("/").status_code == 302  # sent to the login page
    assert here.get("/").status_code == 200  # the session that changed it goes on


def test_a_password_set_by_the_administrator_revokes_the_tokens_too(token_for, demo_user):
    header = token_for("vanthu_mnhp")
    user = demo_user("vanthu_mnhp")
    user.set_password(NEW)
    user.save()
    assert Client().get(f"{API}/me", HTTP_AUTHORIZATION=header).status_code == 401


def test_saving_a_user_without_changing_the_password_keeps_the_tokens(token_for, demo_user):
    header = token_for("vanthu_mnhp")
    user = demo_user("vanthu_mnhp")
    user.title = "Văn thư"
    user.save()
    assert Client().get(f"{API}/me", HTTP_AUTHORIZATION=header).status_code == 200
