"""What the pages of the proposal flow share."""
from __future__ import annotations

from typing import Any, Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import commune_of, province_of
from thidua.core import pages

from .. import access

FORM = "proposals/form.html"


def office_commune(user, *, province_ok: bool = False):
    """The commune whose office the user works for; anyone else is refused — so is an office
    user above the communes (a round or a council term is one commune's: never a guess).
    ``province_ok``: the province's own office is given its province (its council, its
    register of outgoing documents), never a commune."""
    if not access.is_office(user):
        raise PermissionDenied
    province = province_of(user)
    if province is not None and province_ok:
        return province
    commune = commune_of(user)
    if commune is None or commune.valid_until is not None:
        raise PermissionDenied(_("Đợt khen thưởng và nhiệm kỳ Hội đồng do cán bộ thi đua – khen thưởng của từng xã lập."))
    return commune


def dossier_url(pk: int, fragment: str = "") -> str:
    return reverse("proposals:dossier", args=[pk]) + (f"#{fragment}" if fragment else "")


def meeting_url(pk: int) -> str:
    return reverse("proposals:meeting", args=[pk])


def action_on(load: Callable[..., Any], call: Callable[[Any, Any, dict], Any], *, back: Callable[[Any], str],
              form: Callable[[Any, Any], Any] | None = None, **options) -> Callable:
    """The view of a POST button (or a small form) on one object of the flow, ``…/<pk>/…``:
    ``load(user=, pk=)`` reads the object the user may see (404 otherwise); ``form(request, obj)``
    binds the form, if there is one; ``call(user, obj, cleaned_data)`` makes the service call and
    ``back(obj)`` is the page it returns to — through ``pages.action`` with the other ``options``
    (``success``, ``invalid``…)."""

    @login_required
    @require_POST
    def view(request, pk: int):
        obj = load(user=request.user, pk=pk)
        return pages.action(request, lambda data: call(request.user, obj, data), back=back(obj),
                            form=form(request, obj) if form is not None else None, **options)

    return view
