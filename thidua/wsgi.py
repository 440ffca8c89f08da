"""WSGI entry point (runserver, gunicorn)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_wsgi_application()

from thidua.core.perf import settle  # noqa: E402 — needs the app registry loaded above

settle()
