"""The key of the audit chain's HMAC, kept outside the database (docs/security.md).

``THIDUA_AUDIT_KEY`` from the environment, else the file ``THIDUA_AUDIT_KEY_FILE`` (by
default ``var/audit.key`` of the instance), created on first use, readable by its owner only.
Production settings refuse to start without one of them set explicitly. Whoever can read the
database but not this key cannot rewrite the chain so that ``verify_chain`` still passes."""
from __future__ import annotations

import functools
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def audit_key() -> bytes:
    configured = getattr(settings, "THIDUA_AUDIT_KEY", "")
    if configured:
        return configured.encode("utf-8")
    return _key_file(str(settings.THIDUA_AUDIT_KEY_FILE))


@functools.lru_cache(maxsize=8)
def _key_file(path: str) -> bytes:
    file = Path(path)
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: read theirs
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32) + "\n")
    key = file.read_text(encoding="utf-8").strip()
    if len(key) < 32:
        raise ImproperlyConfigured(f"Khóa chuỗi nhật ký {file} rỗng hoặc quá ngắn (cần ít nhất 32 ký tự).")
    return key.encode("utf-8")
