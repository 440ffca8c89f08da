"""Login throttling counts per client address (and per address + username), never per account
alone: a spray of usernames from one address is stopped, parallel tries do not slip past the
limit, and a stranger who locks himself out does not lock the real user out of her work."""
import threading

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.backends import ModelBackend
from django.db import connection, connections
from django.test import Client

from thidua.accounts.models import User
from thidua.conftest import DEMO_PASSWORD

LOGIN = "/tai-khoan/dang-nhap/"


@pytest.fixture
def password_checks(monkeypatch):
    """Counts how many tries reached the password check."""
    seen = {"n": 0}
    lock = threading.Lock()
    real = ModelBackend.authenticate

    def counting(self, request, username=None, password=None, **kwargs):
        with lock:
            seen["n"] += 1
        return real(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counting)
    return seen


def attempt(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_spray_of_many_usernames_from_one_address_is_stopped(client, password_checks, settings):
    limit = settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT
    for i in range(limit + 30):
        response = attempt(client, f"nguoi-dung-{i}", "sai-mat-khau", "198.51.100.7")
    assert password_checks["n"] == limit  # the rest were refused without a password check
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần từ máy này" in response.content.decode()
    # Even the right password of a real account is refused from that address now.
    locked = attempt(client, "canbotdkt", DEMO_PASSWORD, "198.51.100.7")
    assert locked.status_code == 429 and "_auth_user_id" not in client.session
    assert password_checks["n"] == limit


@pytest.mark.django_db
def test_a_stranger_locked_out_at_his_address_does_not_lock_the_chairman_out(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        response = attempt(client, "chutich", "doan-mo", "203.0.113.66")
    assert response.status_code == 429
    assert attempt(Client(), "chutich", DEMO_PASSWORD, "203.0.113.66").status_code == 429  # that address: locked
    real = Client()
    response = attempt(real, "chutich", DEMO_PASSWORD, "192.0.2.15")  # her own computer
    assert response.status_code == 302 and response["Location"] == "/"
    assert real.get("/").status_code == 200


@pytest.mark.django_db
def test_the_pair_is_locked_after_the_limit_even_with_the_right_password(client, settings, password_checks):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "canbotdkt", "sai", "192.0.2.20")
    response = attempt(client, "canbotdkt", DEMO_PASSWORD, "192.0.2.20")
    assert response.status_code == 429 and "tạm bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert password_checks["n"] == settings.AXES_FAILURE_LIMIT


@pytest.mark.django_db
def test_a_success_clears_the_users_own_failures_but_not_a_spray_from_her_address(client, settings):
    for i in range(settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        attempt(client, f"khong-co-{i}", "sai", "192.0.2.30")
    assert attempt(client, "canbotdkt", DEMO_PASSWORD, "192.0.2.30").status_code == 302
    client.post("/tai-khoan/dang-xuat/")
    attempt(client, "khong-co-x", "sai", "192.0.2.30")  # the address reaches its limit
    assert attempt(Client(), "canbotdkt", DEMO_PASSWORD, "192.0.2.30").status_code == 429


@pytest.mark.django_db
def test_behind_the_trusted_proxy_the_throttle_counts_the_forwarded_client(client, settings):
    settings.THIDUA_TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(LOGIN, {"username": "chutich", "password": "sai"}, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR="203.0.113.66")
    response = Client().post(LOGIN, {"username": "chutich", "password": DEMO_PASSWORD}, REMOTE_ADDR="127.0.0.1",
                             HTTP_X_FORWARDED_FOR="192.0.2.15")
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel connections need PostgreSQL")
def test_twenty_parallel_tries_for_one_user_get_at_most_the_allowed_count_checked(password_checks):
    User.objects.create_user(username="song-song", password="Dung-mat-khau-2026", role="officer")
    barrier = threading.Barrier(20)
    statuses = []

    def one_try():
        try:
            barrier.wait(timeout=10)
            statuses.append(attempt(Client(), "song-song", "sai-mat-khau", "198.51.100.77").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one_try) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(statuses) == 20
    assert password_checks["n"] <= django_settings.AXES_FAILURE_LIMIT
    assert statuses.count(429) >= 20 - django_settings.AXES_FAILURE_LIMIT
