import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


KEY = "k" * 20 + "Zx8#q2!vB7@pL0$wN5^tR9&yU3*eI6(oA1)sD4-fG"


def _check(env_extra):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings_production",
           # issue #17: production also requires the hosts and the public base URL
           "DJANGO_ALLOWED_HOSTS": "thidua.example.gov.vn", "THIDUA_PUBLIC_BASE_URL": "https://thidua.example.gov.vn",
           "THIDUA_AUDIT_KEY": "a" * 16 + "Q7m2Vx9Lp4Rt8Wz1Ks6Nd3Hb5Jc0Fg", **env_extra}
    env.pop("DATABASE_URL", None)
    env.pop("THIDUA_PUBLIC_BASE_URL", None)
    env.update(env_extra)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser-test conftest, never in production
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deployment_checklist():
    result = _check({"DJANGO_SECRET_KEY": KEY, "THIDUA_PUBLIC_BASE_URL": "https://thiduakhenthuong.namthanhmien.vn"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_needs_the_public_address_printed_on_certificates():
    missing = _check({"DJANGO_SECRET_KEY": KEY})
    loopback = _check({"DJANGO_SECRET_KEY": KEY, "THIDUA_PUBLIC_BASE_URL": "http://127.0.0.1:8000"})
    for result in (missing, loopback):
        assert result.returncode != 0 and "THIDUA_PUBLIC_BASE_URL" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _check({"DJANGO_SECRET_KEY": ""})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr
