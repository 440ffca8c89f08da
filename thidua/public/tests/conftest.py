import pytest
from django.urls import Resolver404, resolve


@pytest.fixture(autouse=True)
def root_verification_url(settings):
    """/xac-minh/<code> lives at the site's root (thidua.public.root_urls). Until the shared
    thidua/urls.py mounts it, tests run against the project's URLs plus that mount."""
    try:
        resolve("/xac-minh/ma-thu")
    except Resolver404:
        settings.ROOT_URLCONF = "thidua.public.tests.urls_with_root"
    yield
