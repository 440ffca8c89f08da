"""What the documents pages share: sending a produced document (never a 500), its file name,
the default years of a report."""
from __future__ import annotations

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from thidua.core.text import search_key

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def slug(text: str) -> str:
    return "-".join(search_key(text).replace("/", "-").split())[:80] or "van-ban"


def send(request, produce, filename: str, content_type: str, *, inline: bool = False):
    try:
        content = produce()
    except (Http404, PermissionDenied):
        raise
    except Exception:
        log.exception("Document %s could not be produced", filename)
        return render(request, "documents/error.html",
                      {"message": _("Không tạo được văn bản lúc này. Vui lòng thử lại sau hoặc báo quản trị hệ thống.")},
                      status=503)
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def default_years() -> tuple[int, int]:
    last = datetime.date.today().year - 1
    return last - 4, last


OFFICIAL_FORMATS = {"pdf": PDF, "docx": DOCX}


def official_format(fmt: str) -> str:
    """The content type of an official document's format (PDF or DOCX); another is a 404."""
    if fmt not in OFFICIAL_FORMATS:
        raise Http404
    return OFFICIAL_FORMATS[fmt]


def send_official(request, produce, stem: str, fmt: str):
    """An official document as ``stem.fmt``: the PDF shown in the page, the DOCX downloaded."""
    return send(request, produce, f"{stem}.{fmt}", official_format(fmt), inline=fmt == "pdf")
