"""WSGI entry point (runserver, gunicorn)."""
import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_wsgi_application()


def _settle() -> None:
    """Import every view now and move the objects that live as long as the process out of the
    garbage collector's sight (``gc.freeze``): otherwise each full collection walks Django's
    and the app's whole import graph again, which costs a page building thousands of objects
    (the candidate list) tens of milliseconds at random. Freezing after the imports also lets
    forked workers share those pages of memory."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — imports every app's views
    gc.collect()
    gc.freeze()


_settle()
