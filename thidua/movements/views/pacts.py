"""The pacts of the emulation blocks: the year's list, a new pact, a pact and its signatures."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.org.models import EmulationBlock

from .. import selectors, services
from ..access import can_manage, user_commune
from ..forms import PactForm, SignForm
from .common import action, form_invalid, form_page, form_view, require, submit_form, visible_unit


@login_required
def pacts(request, year: int):
    return render(request, "movements/pacts.html", {
        "year": year, "rows": selectors.pacts_for_year(user=request.user, year=year), "can_manage": can_manage(request.user)})


@form_view
def pact_create(request, block: int):
    require(can_manage(request.user))
    block = get_object_or_404(EmulationBlock, pk=block, commune=user_commune(request.user))
    form = PactForm(request.POST or None, initial={
        "title": _("Giao ước thi đua năm %(year)s — %(block)s") % {"year": block.year, "block": block.name}})
    pact = submit_form(request, form, lambda: services.create_pact(actor=request.user, block=block, **form.cleaned_data))
    if pact is not None:
        messages.success(request, _("Đã tạo giao ước thi đua."))
        return redirect("movements:pact", pk=pact.pk)
    return form_page(request, form, title=_("Giao ước thi đua: %(block)s") % {"block": block},
                     submit=_("Lưu"), cancel=reverse("movements:pacts", args=[block.year]))


@login_required
def pact_detail(request, pk: int):
    data = selectors.get_pact(user=request.user, pk=pk)
    for row in data["rows"]:
        row["form"] = SignForm(auto_id=f"id_{row['unit'].pk}_%s") if row["can_sign"] else None
    return render(request, "movements/pact_detail.html", data)


@action
def pact_sign(request, pk: int, org: int):
    data = selectors.get_pact(user=request.user, pk=pk)
    unit = visible_unit(request.user, org)
    form = SignForm(request.POST)
    if not form.is_valid():
        raise form_invalid(form)
    services.sign_pact(actor=request.user, pact=data["pact"], organisation=unit, **form.cleaned_data)
    messages.success(request, _("%(unit)s đã ký giao ước.") % {"unit": unit})
    return redirect("movements:pact", pk=pk)
