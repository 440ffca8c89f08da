"""Request bodies are bounded before they are read.

``RequestBodyLimitMiddleware`` runs first: it finds the view the path resolves to and refuses,
from the declared ``Content-Length`` alone, a body larger than the view allows — 413 with a
Vietnamese message and the connection closed, before Django (or the CSRF check, which reads the
form) touches a byte, so nothing is buffered in memory or written to the temporary folder. The
view's limit is ``view.max_request_body`` (set by ``core.files.upload_limit``), otherwise
``THIDUA_MAX_FORM_BODY`` (ordinary forms). A body sent chunked, without a length, is refused
(411): no view here needs one, and its size could not be checked first.
"""
from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.html import escape

PAGE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>'
        '<body><h1>{title}</h1><p>{text}</p></body></html>')


def _refusal(status: int, title: str, text: str) -> HttpResponse:
    response = HttpResponse(PAGE.format(title=escape(title), text=escape(text)), status=status,
                            content_type="text/html; charset=utf-8")
    response["Connection"] = "close"  # the unread body must not be taken for the next request
    return response


def body_limit(path: str) -> int:
    try:
        match = resolve(path)
    except Resolver404:
        return settings.THIDUA_MAX_FORM_BODY
    return getattr(match.func, "max_request_body", settings.THIDUA_MAX_FORM_BODY)


def _megabytes(n: int) -> str:
    return f"{n / 1048576:.1f}".replace(".", ",")


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _refusal(411, "Thiếu độ dài dữ liệu gửi lên",
                            "Yêu cầu phải ghi rõ độ dài dữ liệu (Content-Length); máy chủ không nhận dữ liệu gửi "
                            "từng đoạn không rõ độ dài.")
        declared = meta.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            length = -1
        if length < 0:
            return _refusal(400, "Yêu cầu không hợp lệ", "Độ dài dữ liệu gửi lên (Content-Length) không hợp lệ.")
        limit = body_limit(request.path_info)
        if length > limit:
            return _refusal(413, "Dữ liệu gửi lên quá lớn",
                            f"Dữ liệu gửi lên ({_megabytes(length)} MB) vượt quá mức trang này nhận "
                            f"({_megabytes(limit)} MB). Hãy gửi tệp nhỏ hơn.")
        return self.get_response(request)
