"""Uploaded files, checked by what they are, not by what they are called.

The type is decided by the file's first bytes (and, for the Office formats, by the parts the
ZIP package must hold), never by the name or the browser's content type; where asked, the
name's extension must agree with what the bytes say. Every app that takes uploads (movement
plans and evidence, dossier attachments, photos of exemplars) checks them here.
"""
from __future__ import annotations

import os
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# How large an upload may be (one file). Upload views declare their limit with ``upload_limit``;
# core.middleware.RequestBodyLimitMiddleware refuses a larger request body from its declared
# length, before a byte of it is read (nothing reaches memory or the temporary folder).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # attachments, evidence, plans, imports
MAX_PUBLIC_UPLOAD_BYTES = 5 * 1024 * 1024  # an anonymous upload: the signed-PDF check page
FORM_OVERHEAD_BYTES = 256 * 1024  # multipart boundaries and the form's other fields


def upload_limit(max_bytes: int = MAX_UPLOAD_BYTES, *, files: int = 1):
    """Decorate a view that takes ``files`` uploads of at most ``max_bytes`` each: its request
    body may be that large (other views take only ordinary forms; see settings)."""
    def decorate(view):
        view.max_request_body = max_bytes * files + FORM_OVERHEAD_BYTES
        return view
    return decorate


_EXTENSIONS = {"pdf": {".pdf"}, "docx": {".docx"}, "xlsx": {".xlsx"}, "jpg": {".jpg", ".jpeg"}, "png": {".png"},
               "gif": {".gif"}, "webp": {".webp"}}
_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_LABEL = {"pdf": "PDF", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)", "jpg": "ảnh JPEG", "png": "ảnh PNG",
          "gif": "ảnh GIF", "webp": "ảnh WEBP"}
MIME_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "gif": "image/gif",
              "webp": "image/webp",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def sniff_head(head: bytes) -> str | None:
    """The type the first bytes prove (``"pdf"``, ``"jpg"``, …; ``"zip"`` for a ZIP package
    whose parts decide), or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def sniff(upload) -> str | None:
    """The file's real type from its content, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_head(head)
    if kind == "zip":
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
    return kind


def validate_upload(upload, *, allowed: tuple[str, ...], max_bytes: int, check_extension: bool = True) -> str:
    """Raise a Vietnamese ValidationError unless the upload is one of ``allowed`` types
    within ``max_bytes`` (and, with ``check_extension``, named with a matching extension);
    return its type."""
    kinds = ", ".join(_LABEL[k] for k in allowed)
    if upload.size > max_bytes:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(max)s MB.")
            % {"name": upload.name, "size": f"{upload.size / 1048576:.1f}".replace(".", ","),
               "max": f"{max_bytes / 1048576:g}".replace(".", ",")}, code="file_too_large")
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name}, code="file_empty")
    kind = sniff(upload)
    if kind not in allowed:
        raise ValidationError(
            _("Tệp “%(name)s” không phải %(kinds)s (đã kiểm tra nội dung tệp).") % {"name": upload.name, "kinds": kinds},
            code="file_type")
    extension = os.path.splitext(upload.name)[1].lower()
    if check_extension and extension not in _EXTENSIONS[kind]:
        raise ValidationError(
            _("Tên tệp “%(name)s” có đuôi không khớp với nội dung (%(kind)s).") % {"name": upload.name, "kind": _LABEL[kind]},
            code="file_extension")
    return kind

