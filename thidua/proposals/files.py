"""Attachments of a dossier: PDF, JPEG/PNG images or DOCX, at most ``MAX_BYTES``.

The type is read from the file's first bytes (and, for DOCX, from the parts its ZIP package
must hold) — never from its name or from what the browser claims. The stored file gets the
extension of the detected type.
"""
from __future__ import annotations

import hashlib
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LABELS = {"application/pdf": "PDF", "image/jpeg": "ảnh JPEG", "image/png": "ảnh PNG", DOCX: "Word (DOCX)"}


def max_bytes() -> int:
    return getattr(settings, "PROPOSALS_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)


def sniff(upload) -> str | None:
    """The content type the bytes prove, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return DOCX
    return None


def check_upload(upload) -> tuple[str, str]:
    """(content type, sha256) of an acceptable upload; a Vietnamese ValidationError otherwise."""
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            "Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(max)s MB."
            % {"name": upload.name, "size": f"{upload.size / 1048576:.1f}".replace(".", ","),
               "max": f"{limit / 1048576:g}".replace(".", ",")})
    if upload.size == 0:
        raise ValidationError("Tệp “%(name)s” rỗng." % {"name": upload.name})
    content_type = sniff(upload)
    if content_type is None:
        raise ValidationError(
            "Tệp “%(name)s” không phải PDF, ảnh (JPEG, PNG) hoặc Word (DOCX) — nội dung tệp được "
            "kiểm tra, không dựa vào tên tệp." % {"name": upload.name})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return content_type, digest.hexdigest()
