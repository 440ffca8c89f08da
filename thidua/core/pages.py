"""One way from a service call to a page.

A view validates a form, makes one service call, and turns the service's refusal into what the
user sees — never a 500:

- ``form_page``: a page of one form. GET shows it; a valid POST calls the service; a refusal
  (``ValidationError``, or any exception in ``refusals``) goes onto the form — on its field when
  the service named one — and the page answers as for an invalid form (200, the form with its
  errors, as Django's forms do) unless the exception carries its own ``status`` (429 for a rate
  limit, 409 for a locked record); nothing is saved.
- ``action``: a POST-only endpoint of a page (a button, a small form on a detail page). A
  refusal or an invalid form becomes an error message on the page it redirects back to.
- A ``PermissionDenied`` is never caught: Django answers 403 with its page (the access matrix
  counts on it).

    return pages.form_page(request, RoundForm(request.POST or None, commune=commune),
                           template="proposals/form.html", context={"title": _("Đợt khen thưởng mới")},
                           call=lambda data: services.create_round(actor=request.user, commune=commune, **data),
                           success=_("Đã tạo đợt khen thưởng."), done=lambda _round: redirect("proposals:queue"))

    return pages.action(request, lambda data: services.remove_nomination(actor=request.user, nomination=n),
                        success=_("Đã bỏ đề nghị."), back=reverse("proposals:dossier", args=[n.dossier_id]))
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

Text = Any  # a str, or a lazy translation
REFUSALS: tuple[type[Exception], ...] = (ValidationError,)  # what a service refuses with (PermissionDenied: 403)


@dataclass(frozen=True)
class Refusal:
    """A service's refusal as the user sees it: its Vietnamese message and the page's status."""
    message: str
    status: int


def refusal(exc: Exception) -> Refusal:
    """For a page that shows only the refusal: ``ValidationError`` → 400 with its messages; an
    exception carrying ``status`` (a rate limit: 429; a locked record: 409) → that status."""
    found = getattr(exc, "messages", None) or [str(exc)]
    return Refusal(" ".join(str(m) for m in found), getattr(exc, "status", 400))


def add_refusal(form, exc: Exception) -> None:
    """Put a refusal onto ``form``: on the fields the service named (``ValidationError({field: …})``),
    else above the form."""
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    elif isinstance(exc, ValidationError):
        form.add_error(None, exc)
    else:
        form.add_error(None, refusal(exc).message)


def attempt(form, write: Callable[[], Any]) -> bool:
    """For a view that renders its own page: run the service call ``write()``; a refusal goes
    onto ``form`` (``add_refusal``). True when it went through."""
    try:
        write()
    except REFUSALS as exc:
        add_refusal(form, exc)
        return False
    return True


def form_errors(form) -> str:
    """Every error of an invalid form, in one line (for a message)."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def form_page(request, form, *, call: Callable[[dict], Any], done: Callable[[Any], HttpResponse], template: str,
              context: dict | None = None, success: Text | Callable[[Any], Text] | None = None,
              refusals: tuple[type[Exception], ...] = REFUSALS) -> HttpResponse:
    """The page of one form (``form`` bound to ``request.POST`` on a POST, else unbound): see the
    module's docstring. ``call(cleaned_data)`` makes the service call; ``success`` (a text, or a
    function of the result) is shown after it; ``done(result)`` answers (a redirect)."""
    status = 200
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            result = call(form.cleaned_data)
        except refusals as exc:
            add_refusal(form, exc)
            status = getattr(exc, "status", 200)
        else:
            _success(request, success, result)
            return done(result)
    return render(request, template, {**(context or {}), "form": form}, status=status)


def action(request, call: Callable[[dict], Any], *, back: str, form=None, done: Callable[[Any], str] | None = None,
           success: Text | Callable[[Any], Text] | None = None, invalid: Text | None = None,
           refused: Callable[[Exception], str] | None = None,
           refused_message: Callable[[Exception], Text] | None = None,
           refusals: tuple[type[Exception], ...] = REFUSALS) -> HttpResponse:
    """A POST endpoint: validate ``form`` (if any), ``call(cleaned_data)`` (``{}`` without a form),
    show ``success`` and redirect to ``done(result)`` (default ``back``). An invalid form (its
    errors, or ``invalid``) or a refusal (its message) shows an error and redirects to ``back`` —
    or to ``refused(exc)`` when the refusal needs another place, with ``refused_message(exc)``
    instead of the refusal's own message when the page it goes to says the rest."""
    if form is not None and not form.is_valid():
        messages.error(request, invalid or form_errors(form))
        return redirect(back)
    try:
        result = call(form.cleaned_data if form is not None else {})
    except refusals as exc:
        messages.error(request, refused_message(exc) if refused_message is not None else refusal(exc).message)
        return redirect(refused(exc) if refused is not None else back)
    _success(request, success, result)
    return redirect(done(result) if done is not None else back)


def _success(request, success, result) -> None:
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
