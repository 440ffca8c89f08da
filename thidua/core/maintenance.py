"""Maintenance mode: while the administrator restores a backup, every request gets a
Vietnamese "đang bảo trì" page (503), and afterwards every server process drops what it
cached from the old data (content types, caches) on its next request.

The state is one small JSON file (``settings.THIDUA_MAINTENANCE_FILE``, under the instance's
``var`` folder), not a database row: it must be readable while the database is being replaced,
and reading it costs one ``stat`` per request. All server processes of an instance run on the
same machine (gunicorn workers), so they all see it.

    python manage.py maintenance on|off|status
"""
from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.http import HttpResponse


def _path() -> Path:
    return Path(settings.THIDUA_MAINTENANCE_FILE)


def read() -> dict:
    try:
        return json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write(state: dict) -> None:
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # atomic: a reader sees the old state or the new one


def is_on() -> bool:
    return bool(read().get("active"))


def turn_on(reason: str = "") -> None:
    _write({**read(), "active": True, "since": timezone.now().isoformat(), "reason": reason})


def turn_off() -> None:
    _write({**read(), "active": False, "since": "", "reason": ""})


def data_replaced() -> None:
    """Tell every server process that the data changed under it: each clears its caches on
    its next request (and this process now)."""
    _write({**read(), "generation": secrets.token_hex(8)})
    clear_process_caches()


def clear_process_caches() -> None:
    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=True):
        cache.clear()


class MaintenanceMiddleware:
    """503 with a Vietnamese page while maintenance is on; a cache reset once per data
    replacement. Put it right after WhiteNoise (static files still load)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._lock = threading.Lock()
        self._seen_file = None
        self._state = read()
        self._generation = self._state.get("generation")

    def _current(self) -> dict:
        try:
            st = os.stat(settings.THIDUA_MAINTENANCE_FILE)
        except OSError:
            return {}
        key = (str(settings.THIDUA_MAINTENANCE_FILE), st.st_ino, st.st_mtime_ns, st.st_size)
        if key != self._seen_file:
            with self._lock:
                self._state, self._seen_file = read(), key
        return self._state

    def __call__(self, request):
        state = self._current()
        if state.get("active"):
            html = render_to_string("core/maintenance.html", {"reason": state.get("reason", "")})
            response = HttpResponse(html, status=503)
            response["Retry-After"] = "60"
            response["Cache-Control"] = "no-store"
            return response
        generation = state.get("generation")
        if generation != self._generation:
            with self._lock:
                if generation != self._generation:
                    clear_process_caches()
                    self._generation = generation
        return self.get_response(request)
