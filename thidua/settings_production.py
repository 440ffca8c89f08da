"""Production settings: `DJANGO_SETTINGS_MODULE=thidua.settings_production` (deploy/thidua.env.example).
They refuse to start without a secret key, the allowed host names and the public base URL, and
read every environment value strictly: a boolean that is not 1/0/true/false/yes/no, a number
that is not a number, is an error, never a silent default.
`python manage.py check --deploy --settings=thidua.settings_production` is clean."""
import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int
from .settings import *  # noqa: F401,F403

# --- strict environment parsing (issue #17; thidua.env) -------------------------------------------


def env_required(name: str, hint: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Đặt {name} ({hint}) cho môi trường vận hành.")
    return value


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


DEBUG = env_bool("DJANGO_DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG phải tắt (0) ở môi trường vận hành.")
SECRET_KEY = env_required("DJANGO_SECRET_KEY", "ít nhất 50 ký tự ngẫu nhiên")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("Đặt DJANGO_SECRET_KEY (ít nhất 50 ký tự ngẫu nhiên) cho môi trường vận hành.")
ALLOWED_HOSTS = [h.strip() for h in env_required("DJANGO_ALLOWED_HOSTS", "tên miền của máy chủ, cách nhau bởi dấu phẩy")
                 .split(",") if h.strip()]
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS không được là '*'; ghi đúng tên miền.")
THIDUA_PUBLIC_BASE_URL = env_required("THIDUA_PUBLIC_BASE_URL", "địa chỉ công khai, ví dụ https://thidua.namthanhmien.gov.vn")
_base = urlsplit(THIDUA_PUBLIC_BASE_URL)
if _base.scheme not in ("http", "https") or not _base.hostname or _is_loopback(_base.hostname):
    raise ImproperlyConfigured(f"THIDUA_PUBLIC_BASE_URL={THIDUA_PUBLIC_BASE_URL!r}: phải là địa chỉ http(s) mà "
                               "người dùng và mã QR trên giấy khen mở được, không phải máy cục bộ.")
CSRF_TRUSTED_ORIGINS = [f"{_base.scheme}://{_base.netloc}"]

EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Behind nginx (deploy/nginx-thidua.conf): downloads are handed to nginx by X-Accel-Redirect.
THIDUA_X_ACCEL_REDIRECT_PREFIX = os.environ.get("THIDUA_X_ACCEL_REDIRECT_PREFIX", "/_protected/").strip()
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
# --- end of strict environment parsing ------------------------------------------------------------

# The audit chain's HMAC key (thidua.core.auditkey) must be set explicitly, outside the database.
if len(THIDUA_AUDIT_KEY) < 32 and not (os.environ.get("THIDUA_AUDIT_KEY_FILE") and THIDUA_AUDIT_KEY_FILE.is_file()):  # noqa: F405
    raise ImproperlyConfigured(
        "Đặt THIDUA_AUDIT_KEY (ít nhất 32 ký tự ngẫu nhiên) hoặc THIDUA_AUDIT_KEY_FILE (tệp khóa, quyền 600) "
        "cho chuỗi nhật ký; giữ khóa ngoài cơ sở dữ liệu và ngoài bản sao lưu.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# The address printed on certificates and in their QR codes: required, never a loopback address
# (``manage.py check --deploy`` fails otherwise: thidua.core.checks).
THIDUA_PUBLIC_BASE_URL = os.environ.get("THIDUA_PUBLIC_BASE_URL", "")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
