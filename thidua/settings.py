"""Django settings for ThiĐua.

SQLite is the embedded default; set DATABASE_URL (postgres://…) for PostgreSQL.
Production hardening lives in ``thidua.settings_production``.
"""
import os
from pathlib import Path

import dj_database_url

from thidua.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)  # strict (thidua.env): "yes please" is an error, not "off"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    # Our apps, lowest layer first (README, "Architecture"; checked by `lint-imports`, the
    # [tool.importlinter] contracts in pyproject.toml). Demo data loads in this order too.
    "thidua.core",
    "thidua.org",
    "thidua.ops",  # before django_tasks (below): its db_worker wins
    "thidua.accounts",
    "thidua.awards",
    "thidua.movements",
    "thidua.inspections",
    "thidua.proposals",
    "thidua.targets",
    "thidua.documents",
    "thidua.funds",
    "thidua.province",
    "thidua.clusters",
    "thidua.public",
    "thidua.exchange",
    "thidua.administration",
    "thidua.provinceoffice",
    "thidua.bench",
]

MIDDLEWARE = [
    "thidua.core.middleware.RequestBodyLimitMiddleware",  # first: refuses an oversized body unread
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # early: every answer carries the policy, redirects and 503s too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "thidua.core.maintenance.MaintenanceMiddleware",  # "đang bảo trì" (503) during a restore
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "thidua.administration.middleware.FirstRunAndPasswordMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thidua.core.context_processors.navigation",
                "thidua.accounts.context_processors.notifications",
            ],
            "builtins": [
                "django.templatetags.i18n",
                "django.templatetags.static",
                "thidua.core.templatetags.thidua",
                "thidua.accounts.templatetags.permissions",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

# Request bodies (see thidua.core.middleware): an ordinary form may send this much; upload views
# declare their own limit (thidua.core.files.upload_limit). Django's own bounds back it up.
THIDUA_MAX_FORM_BODY = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # a form's fields (not its files), in memory
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # a larger uploaded file goes to the temporary folder
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000  # the largest forms: attendance, scoring, import previews
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# Content-Security-Policy (django-csp): scripts, styles, images and fonts only from this server
# (htmx and Chart.js are served locally); no inline script, no plugin, no framing. Inline style
# attributes are allowed (style-src-attr); <style> elements and inline scripts are not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Refuses the published demo password; its password_changed hook revokes API tokens.
    {"NAME": "thidua.accounts.passwords.NotAPublishedPasswordValidator"},
]

# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated),
# e.g. "127.0.0.1" behind the shipped nginx site. Empty: the peer address is the client's.
# Used by every throttle (thidua.core.net.client_address).
THIDUA_TRUSTED_PROXIES = env_list("THIDUA_TRUSTED_PROXIES")

# Login throttling (django-axes, thidua.accounts.throttle): failures are counted per (address,
# username) and per address — never per account alone, so nobody elsewhere can lock a user out.
# 5 failures for one username from one address, or 20 from one address whatever the usernames,
# lock that address (for that username, or for all) for 15 minutes.
AXES_FAILURE_LIMIT = 5
THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_HANDLER = "thidua.accounts.throttle.LoginThrottleHandler"
AXES_CLIENT_IP_CALLABLE = "thidua.core.net.client_address"
AXES_USERNAME_CALLABLE = "thidua.accounts.throttle.username_key"
AXES_LOCKOUT_CALLABLE = "thidua.accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True  # only the (address, username) pair: see throttle.LoginThrottleHandler
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
AXES_HTTP_RESPONSE_CODE = 429
# rules: user.has_perm("thidua.<capability>") asks thidua.accounts.permissions (django-rules).
AUTHENTICATION_BACKENDS = ["thidua.accounts.throttle.LoginThrottleBackend", "rules.permissions.ObjectPermissionBackend",
                           "django.contrib.auth.backends.ModelBackend"]

SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Vietnamese for everyone, whatever the browser asks for (an English Windows asks for English):
# no LocaleMiddleware, one language — dates typed and shown dd/mm/yyyy, Django's messages in
# Vietnamese (thidua/formats/vi, thidua/locale/vi).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "thidua" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["thidua.formats"]
SERIALIZATION_MODULES = {"jsonx": "thidua.core.serializers"}  # microsecond-exact JSON for backups

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from here after collectstatic
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("THIDUA_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# The commune this instance serves by default (the demo loader creates it).
THIDUA_HOME_COMMUNE_CODE = os.environ.get("THIDUA_HOME_COMMUNE_CODE", "xa-nam-thanh-mien")
# The demo loader carries a round of the current year to signed decisions and certificates
# (thidua.documents.demo). The test suite turns it off: each test builds the votes, notices and
# decisions it counts (the demo's own test turns it back on).
THIDUA_DEMO_SIGNED_ROUND = True

# Mail: SMTP when EMAIL_HOST is set, otherwise printed to the console (offline intranet).
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if os.environ.get("EMAIL_HOST")
                 else "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thidua@localhost")
THIDUA_PUBLIC_BASE_URL = os.environ.get("THIDUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Digital signatures of decisions (thidua.documents.signing): the administrator's PKCS#12 file and
# its passphrase; empty = decisions are not signed digitally.
THIDUA_SIGNING_P12 = os.environ.get("THIDUA_SIGNING_P12", "")
THIDUA_SIGNING_PASSPHRASE = os.environ.get("THIDUA_SIGNING_PASSPHRASE", "")

# --- Background work, schedules and health (issue #17; thidua.ops) ------------------------------
# django-tasks (Django 6's task API, backported) with the database backend: the queue lives in
# the same database (SQLite or PostgreSQL), run by `manage.py db_worker`; schedules by
# `manage.py scheduler`. Keep this block together (merges).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]  # after thidua.ops: its db_worker wins
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
THIDUA_WORKER_HEARTBEAT_SECONDS = 5     # a worker refreshes its heartbeat this often
THIDUA_WORKER_STALE_SECONDS = 30        # …and counts as dead (its tasks are requeued) after this
THIDUA_TASK_MAX_ATTEMPTS = 3            # a task whose worker died is tried this many times in all
THIDUA_EMAIL_RETRY_SECONDS = [60, 300, 1800, 7200, 21600]  # backoff between SMTP attempts
THIDUA_BACKUP_DIR = Path(os.environ.get("THIDUA_BACKUP_DIR", BASE_DIR / "var" / "backups"))
THIDUA_BACKUP_KEEP_DAILY = 30
THIDUA_BACKUP_KEEP_MONTHLY = 12
THIDUA_SCHEDULES = [
    # the stored candidate verdicts judged while a matter was pending that closed today (thidua.awards)
    {"name": "expired_verdicts", "task": "thidua.awards.tasks.refresh_expired_verdicts", "at": "00:05",
     "days": "daily"},
    {"name": "deadline_notices", "task": "thidua.proposals.tasks.send_deadline_notices",
     "at": "07:30", "days": "working"},
    {"name": "backup", "task": "thidua.ops.tasks.nightly_backup", "at": "22:00", "days": "daily"},
    {"name": "verify_chain", "task": "thidua.ops.tasks.verify_chain", "at": "22:30", "days": "daily"},
    {"name": "prune_task_results", "task": "thidua.ops.tasks.prune_task_results", "at": "23:00", "days": "daily"},
    # the province dashboards' figures of every commune, this year and last (thidua.provinceoffice)
    {"name": "province_figures", "task": "thidua.provinceoffice.tasks.refresh_all_provinces", "at": "23:30",
     "days": "daily"},
]
# /healthz answers 503 when any of these is exceeded.
THIDUA_HEALTH = {
    "worker_heartbeat_seconds": 60,
    "queue_wait_seconds": 15 * 60,
    "backup_hours": 30,
    "chain_hours": 30,
}

# Security of the record (docs/security.md). The instance's own folder outside the database:
# the maintenance flag and, when THIDUA_AUDIT_KEY is not set, the audit-chain key file.
THIDUA_VAR_DIR = Path(os.environ.get("THIDUA_VAR_DIR", BASE_DIR / "var"))
THIDUA_MAINTENANCE_FILE = Path(os.environ.get("THIDUA_MAINTENANCE_FILE", THIDUA_VAR_DIR / "maintenance.json"))
# HMAC key of the audit chain: from the environment, else a file created on first use (0600).
THIDUA_AUDIT_KEY = os.environ.get("THIDUA_AUDIT_KEY", "")
THIDUA_AUDIT_KEY_FILE = Path(os.environ.get("THIDUA_AUDIT_KEY_FILE", THIDUA_VAR_DIR / "audit.key"))

# The commune's key for Open Badges 3.0 credentials (thidua.exchange.badges, VC-JWT ES256): a PEM
# file outside the database, made on first use (mode 0600). Back it up: a new key makes earlier
# signed credentials unverifiable.
THIDUA_BADGE_KEY = os.environ.get("THIDUA_BADGE_KEY", str(BASE_DIR / "var" / "khoa" / "open-badges-es256.pem"))
