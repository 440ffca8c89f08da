"""Sending a stored file to the browser. Behind nginx (``THIDUA_X_ACCEL_REDIRECT_PREFIX`` set,
see deploy/nginx-thidua.conf) the app only checks the permission and answers with an
``X-Accel-Redirect`` header; nginx then sends the bytes from the media directory, which it
never serves to anyone directly. Without the setting (make run, tests) Django streams the file."""
from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header


def file_response(field_file, *, filename: str, content_type: str, inline: bool = False):
    prefix = getattr(settings, "THIDUA_X_ACCEL_REDIRECT_PREFIX", "")
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(field_file.name)}"
        response["Content-Disposition"] = content_disposition_header(not inline, filename)
        return response
    return FileResponse(field_file.open("rb"), as_attachment=not inline, filename=filename,
                        content_type=content_type)
