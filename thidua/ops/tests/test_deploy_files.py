"""The shipped deployment files are valid as shipped: nginx accepts the site (`nginx -t`, with a
self-made certificate in place of the real one) and systemd accepts the units
(`systemd-analyze verify`, with the install directory pointed at this checkout); production
settings refuse to start half-configured."""
from __future__ import annotations

import datetime
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "thidua.test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "fullchain.pem", directory / "privkey.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (scripts/system-deps.sh test installs it)")
def test_nginx_accepts_the_shipped_site(tmp_path):
    site = (DEPLOY / "nginx" / "thidua.conf").read_text()
    cert, key = _self_signed(tmp_path)
    assert "/etc/ssl/thidua/fullchain.pem" in site and "/etc/ssl/thidua/privkey.pem" in site
    (tmp_path / "site.conf").write_text(site.replace("/etc/ssl/thidua/fullchain.pem", str(cert))
                                        .replace("/etc/ssl/thidua/privkey.pem", str(key)))
    temp = " ".join(f"{kind}_temp_path {tmp_path}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"error_log {tmp_path}/error.log;\npid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{\n access_log {tmp_path}/access.log;\n {temp}\n include {tmp_path}/site.conf;\n}}\n")
    result = subprocess.run([NGINX, "-t", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "[warn]" not in result.stderr, result.stderr


def test_the_site_hands_downloads_to_nginx_where_the_app_says():
    site = (DEPLOY / "nginx" / "thidua.conf").read_text()
    env = (DEPLOY / "thidua.env.example").read_text()
    prefix = re.search(r"^THIDUA_X_ACCEL_REDIRECT_PREFIX=(\S+)$", env, re.M).group(1)
    block = re.search(r"location %s \{(.*?)\}" % re.escape(prefix), site, re.S).group(1)
    assert "internal;" in block and "alias /srv/thidua/var/media/;" in block
    assert re.search(r"client_max_body_size \d+m;", site) and "location /static/" in site


SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed (Debian package systemd)")
def test_systemd_accepts_the_units(tmp_path):
    env_file = tmp_path / "thidua.env"
    env_file.write_text((DEPLOY / "thidua.env.example").read_text())
    units = []
    for unit in sorted((DEPLOY / "systemd").glob("*.service")):
        text = unit.read_text()
        assert "/srv/thidua/.venv/bin/" in text and "EnvironmentFile=/etc/thidua/thidua.env" in text
        text = (text.replace("/srv/thidua/.venv", sys.prefix).replace("/srv/thidua", str(ROOT))
                .replace("/etc/thidua/thidua.env", str(env_file)))
        (tmp_path / unit.name).write_text(text)
        units.append(str(tmp_path / unit.name))
    assert [Path(u).name for u in units] == ["thidua-scheduler.service", "thidua-web.service",
                                             "thidua-worker.service"]
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", "--man=no", *units], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout + result.stderr


GOOD_ENV = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "thidua.namthanhmien.gov.vn",
            "THIDUA_PUBLIC_BASE_URL": "https://thidua.namthanhmien.gov.vn",
            "THIDUA_AUDIT_KEY": secrets.token_urlsafe(40),
            "DJANGO_SETTINGS_MODULE": "thidua.settings_production"}


def _check(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "THIDUA_", "EMAIL_"))}
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env={**clean, **GOOD_ENV, **env}, capture_output=True, text=True, timeout=120)


def test_production_settings_start_when_fully_configured():
    result = _check()
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("env, complaint", [
    ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY"),
    ({"DJANGO_SECRET_KEY": "k" * 60}, "DJANGO_SECRET_KEY"),
    ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS"),
    ({"THIDUA_PUBLIC_BASE_URL": ""}, "THIDUA_PUBLIC_BASE_URL"),
    ({"THIDUA_PUBLIC_BASE_URL": "http://127.0.0.1:8000"}, "không phải máy cục bộ"),
    ({"THIDUA_PUBLIC_BASE_URL": "https://localhost"}, "không phải máy cục bộ"),
    ({"DJANGO_SSL_REDIRECT": "maybe"}, "DJANGO_SSL_REDIRECT='maybe'"),
    ({"EMAIL_USE_TLS": "ye"}, "EMAIL_USE_TLS='ye'"),
    ({"EMAIL_TIMEOUT": "ba mươi"}, "EMAIL_TIMEOUT"),
])
def test_production_settings_refuse_to_start_half_configured(env, complaint):
    result = _check(**env)
    assert result.returncode != 0 and "ImproperlyConfigured" in result.stderr and complaint in result.stderr
