"""The public address printed on certificates and in their QR codes is a required production
setting: ``manage.py check --deploy`` fails when it is missing or points at the server itself."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000", "http://localhost:8000/", "https://[::1]/",
                                 "thiduakhenthuong.vn"])
def test_check_deploy_fails_without_a_reachable_public_address(settings, url):
    settings.THIDUA_PUBLIC_BASE_URL = url
    with pytest.raises(SystemCheckError, match="THIDUA_PUBLIC_BASE_URL"):
        call_command("check", "--deploy", "--tag", "security")


def test_a_real_address_passes_the_check(settings):
    from thidua.core.checks import check_public_base_url

    settings.THIDUA_PUBLIC_BASE_URL = "https://thiduakhenthuong.namthanhmien.haiphong.gov.vn"
    assert check_public_base_url(None) == []
