"""Shared test fixtures. The test database is built once per session with the demo
commune loaded, so tests read the same world a user sees after `make run`."""
from __future__ import annotations

import os

import pytest
from django.core.management import call_command

from thidua.testing.browser import sign_in

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
# fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "thidua-demo"


@pytest.fixture(scope="session", autouse=True)
def _session_media_root(tmp_path_factory):
    """Files written by tests (and by the demo's signed round, where a test loads it) go to the
    session's own folder, never to var/media of the checkout. The demo is loaded without its
    signed round of the current year: each test builds the votes, notices and decisions it
    counts (thidua/core/tests/test_demo_shows_a_signed_round_of_this_year.py loads it)."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"), THIDUA_DEMO_SIGNED_ROUND=False):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
        # After `make run` the worker refreshes what the demo queued (award summaries, stored
        # verdicts); the tests start from that settled world, with an empty queue.
        from thidua.ops.testing import run_queued_tasks

        run_queued_tasks()


def pytest_collection_modifyitems(config, items):
    """Tests on a live server flush the database when they end; run them last — the longest of
    them (marked ``long``) first among them, so that with several workers (``-n``) the others run
    beside it instead of after it."""
    items.sort(key=lambda item: ("live_server" in getattr(item, "fixturenames", ()),
                                 item.get_closest_marker("long") is None))


@pytest.fixture
def demo_user(django_db_blocker):
    from thidua.accounts.models import User

    def get(username: str) -> User:
        return User.objects.get(username=username)

    return get


@pytest.fixture
def client_as(client, demo_user):
    """client_as("canbotdkt") -> a test client logged in as that demo account."""

    def login(username: str):
        client.force_login(demo_user(username))
        return client

    return login


@pytest.fixture
def live_demo(live_server, django_db_blocker):
    """A live server whose database holds the demo commune (reloaded after any flush)."""
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    return live_server


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def shot():
    """shot(page, name): a full-page screenshot in $THIDUA_SCREENSHOTS when it is set, so that a
    developer can look at what a browser walk saw (nothing is written otherwise)."""
    folder = os.environ.get("THIDUA_SCREENSHOTS", "")

    def take(page, name: str) -> None:
        if folder:
            page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)

    return take


@pytest.fixture
def login_page(page, live_demo):
    """login_page("canbotdkt") -> a Playwright page signed in through the real login form."""

    def login(username: str):
        return sign_in(page, live_demo.url, username, DEMO_PASSWORD)

    return login


@pytest.fixture
def signing_certificate(tmp_path, settings):
    """The administrator's signing configuration, with a test CA and signer certificate from
    ``make_test_certificate`` (passphrase "bi-mat"); returns the .p12 path."""
    path = tmp_path / "ky-so" / "thu-nghiem.p12"
    with open(os.devnull, "w") as quiet:
        call_command("make_test_certificate", str(path), "--passphrase", "bi-mat", stdout=quiet)
    settings.THIDUA_SIGNING_P12 = str(path)
    settings.THIDUA_SIGNING_PASSPHRASE = "bi-mat"
    return path
