"""Attachments of a dossier: PDF, JPEG/PNG images or DOCX, at most ``max_bytes()``.

The type is read from the file's content (``thidua.core.files``) — never from its name or
from what the browser claims; a scan named ``.JPG`` that is really a PNG is accepted as the
PNG it is. The stored file gets the extension of the detected type.
"""
from __future__ import annotations

import hashlib

from django.conf import settings

from thidua.core.files import MIME_TYPES, validate_upload

ATTACHMENT_TYPES = ("pdf", "jpg", "png", "docx")


def max_bytes() -> int:
    return getattr(settings, "PROPOSALS_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)


def check_upload(upload) -> tuple[str, str]:
    """(content type, sha256) of an acceptable upload; a Vietnamese ValidationError otherwise."""
    kind = validate_upload(upload, allowed=ATTACHMENT_TYPES, max_bytes=max_bytes(), check_extension=False)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return MIME_TYPES[kind], digest.hexdigest()
