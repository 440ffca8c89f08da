"""What the pages of the proposal flow share."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.accounts.scoping import commune_of, province_of

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
