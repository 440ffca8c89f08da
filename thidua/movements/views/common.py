"""What the movements pages share: refusals to 4xx pages, the form page, the year filter.

Refusals never become a 500: a service's ValidationError answers 400, a locked scorecard 409,
PermissionDenied 403 — each with the Vietnamese message on the page (or in the row, for htmx).
"""
from __future__ import annotations

import dataclasses
import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import can_see_organisation
from thidua.core.pages import add_refusal
from thidua.org.models import Organisation

from .. import selectors
from ..models import LockedError

REFUSALS = (LockedError, ValidationError, PermissionDenied)


def refusal(exc) -> tuple[str, int]:
    """The Vietnamese message and the status of a service's refusal."""
    if isinstance(exc, PermissionDenied):
        return str(exc) or _("Bạn không có quyền làm việc này."), 403
    return " ".join(exc.messages), 409 if isinstance(exc, LockedError) else 400


def refused(request, message: str, status: int):
    return render(request, "movements/refused.html", {"message": message, "back": request.META.get("HTTP_REFERER")},
                  status=status)


def refusals(view):
    """Turn a service's refusal into a 4xx page with its Vietnamese message."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except REFUSALS as exc:
            return refused(request, *refusal(exc))
    return wrapper


def form_view(view):
    """A page with a form: for a signed-in user; a service's refusal answers a 4xx page."""
    return login_required(refusals(view))


def action(view):
    """A button's POST (no page of its own): for a signed-in user, POST only; a service's
    refusal answers a 4xx page."""
    return login_required(require_POST(refusals(view)))


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền làm việc này."))


def form_invalid(form) -> ValidationError:
    """A small POST form's errors as one refusal (the page answers 400 with them)."""
    return ValidationError([e for errors in form.errors.values() for e in errors])


def year_filter(request, user) -> tuple[int, list[int]]:
    """The year named by ``?nam=`` (else the user's default year) and the years to choose from."""
    available = selectors.years(user)
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        year = selectors.default_year(user, available)
    if not 2000 <= year <= 2100:
        year = selectors.default_year(user, available)
    return year, available


def visible_unit(user, pk: int) -> Organisation:
    unit = Organisation.objects.filter(pk=pk).first()
    if unit is None or not can_see_organisation(user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def form_page(request, form, *, title, submit, cancel=None, intro="", status=None, multipart=False):
    """The shared form page; it answers 400 when the form carries errors (unless told)."""
    if status is None:
        status = 400 if form.errors else 200
    return render(request, "movements/form.html", {
        "form": form, "title": title, "submit": submit, "cancel": cancel, "intro": intro, "multipart": multipart,
    }, status=status)


def submit_form(request, form, save):
    """A valid POST calls ``save()`` (one service call, which returns what it wrote); its
    refusal goes onto the form. Returns what was written, or None (a GET, or refused)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save()
    except ValidationError as exc:
        add_refusal(form, exc)
        return None


def page_context(page) -> dict:
    """A page's typed data (a dataclass) as the template's context: its fields, not copied."""
    return {field.name: getattr(page, field.name) for field in dataclasses.fields(page)}


def file_response(field_file, name: str):
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    return FileResponse(handle, as_attachment=True, filename=name)
