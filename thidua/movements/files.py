"""Uploaded files: plan documents (PDF/DOCX) and evidence (PDF/DOCX/XLSX/JPEG/PNG).

The type is decided by the file's first bytes (and, for the Office formats, by the parts the
ZIP package must hold), never by the name or the browser's content type; the name's extension
must agree with what the bytes say.
"""
from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_PLAN_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

PLAN_TYPES = ("pdf", "docx")
EVIDENCE_TYPES = ("pdf", "docx", "xlsx", "jpg", "png")

_EXTENSIONS = {"pdf": {".pdf"}, "docx": {".docx"}, "xlsx": {".xlsx"}, "jpg": {".jpg", ".jpeg"}, "png": {".png"}}
_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_LABEL = {"pdf": "PDF", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)", "jpg": "ảnh JPEG", "png": "ảnh PNG"}


def sniff(upload) -> str | None:
    """The file's real type from its content, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for kind, part in _OFFICE_PART.items():
                if part in names:
                    return kind
    return None


def validate_upload(upload, *, allowed: tuple[str, ...], max_bytes: int) -> str:
    """Raise a Vietnamese ValidationError unless the upload is one of ``allowed`` types
    within ``max_bytes``; return its type."""
    kinds = ", ".join(_LABEL[k] for k in allowed)
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {"name": upload.name, "size": f"{upload.size / 1048576:.1f}".replace(".", ","),
               "max": max_bytes // 1048576}, code="file_too_large")
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name}, code="file_empty")
    kind = sniff(upload)
    if kind not in allowed:
        raise ValidationError(
            _("Tệp “%(name)s” không phải %(kinds)s (đã kiểm tra nội dung tệp).") % {"name": upload.name, "kinds": kinds},
            code="file_type")
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in _EXTENSIONS[kind]:
        raise ValidationError(
            _("Tên tệp “%(name)s” có đuôi không khớp với nội dung (%(kind)s).") % {"name": upload.name, "kind": _LABEL[kind]},
            code="file_extension")
    return kind


def validate_plan_document(upload) -> None:
    validate_upload(upload, allowed=PLAN_TYPES, max_bytes=MAX_PLAN_BYTES)


def validate_evidence(upload) -> None:
    validate_upload(upload, allowed=EVIDENCE_TYPES, max_bytes=MAX_EVIDENCE_BYTES)
