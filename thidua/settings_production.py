"""Production settings: `DJANGO_SETTINGS_MODULE=thidua.settings_production`.
The secret key must come from the environment; cookies are HTTPS-only; security headers on.
`python manage.py check --deploy --settings=thidua.settings_production` is clean."""
import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Đặt DJANGO_SECRET_KEY (ít nhất 50 ký tự ngẫu nhiên) cho môi trường vận hành.")

# The audit chain's HMAC key (thidua.core.auditkey) must be set explicitly, outside the database.
if len(THIDUA_AUDIT_KEY) < 32 and not (os.environ.get("THIDUA_AUDIT_KEY_FILE") and THIDUA_AUDIT_KEY_FILE.is_file()):  # noqa: F405
    raise ImproperlyConfigured(
        "Đặt THIDUA_AUDIT_KEY (ít nhất 32 ký tự ngẫu nhiên) hoặc THIDUA_AUDIT_KEY_FILE (tệp khóa, quyền 600) "
        "cho chuỗi nhật ký; giữ khóa ngoài cơ sở dữ liệu và ngoài bản sao lưu.")

SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "1") == "1"
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
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
