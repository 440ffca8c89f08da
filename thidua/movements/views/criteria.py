"""The criteria sets of the emulation blocks and their criteria."""
from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.text import collation_key
from thidua.org.models import EmulationBlock

from .. import selectors, services
from ..access import can_manage, user_commune
from ..forms import CriteriaSetForm, CriterionForm, NewCriteriaSetForm
from ..models import Criterion
from .common import action, form_page, form_view, require, submit_form


def _movement_filter(request, year: int):
    """The movement named by ``?phong_trao=`` among the year's movements, or None."""
    try:
        pk = int(request.GET.get("phong_trao", ""))
    except ValueError:
        return None
    return selectors.visible_movements(request.user, year=year).filter(pk=pk).first() if 0 < pk < 2 ** 31 else None


@login_required
def criteria_sets(request, year: int):
    movement = _movement_filter(request, year)
    return render(request, "movements/criteria_sets.html", {
        "year": year, "movement": movement,
        "movements": sorted(selectors.visible_movements(request.user, year=year), key=lambda m: collation_key(m.name)),
        "rows": selectors.criteria_sets_for_year(user=request.user, year=year, movement=movement),
        "can_manage": can_manage(request.user)})


@form_view
def criteria_set_create(request, year: int):
    require(can_manage(request.user))
    blocks = EmulationBlock.objects.filter(commune=user_commune(request.user), year=year)
    movement = _movement_filter(request, year)
    form = NewCriteriaSetForm(request.POST or None, blocks=blocks,
                              movements=selectors.visible_movements(request.user, year=year),
                              initial={"movement": movement} if movement else None)
    cs = submit_form(request, form, lambda: services.create_criteria_set(
        actor=request.user, bands=form.bands(), **form.service_fields()))
    if cs is not None:
        return redirect("movements:criteria_set", pk=cs.pk)
    return form_page(request, form, title=_("Bộ tiêu chí mới năm %(year)s") % {"year": year}, submit=_("Lưu"),
                     cancel=reverse("movements:criteria_sets", args=[year]))


@login_required
def criteria_set_detail(request, pk: int):
    page = selectors.criteria_set_page(user=request.user, pk=pk)
    manage = can_manage(request.user)
    return render(request, "movements/criteria_set_detail.html", {
        "cs": page.cs, "groups": page.groups, "in_use": page.in_use, "is_latest": page.is_latest,
        "totals": page.totals, "can_manage": manage, "editable": manage and page.is_latest and not page.in_use,
    })


@form_view
def criteria_set_edit(request, pk: int):
    require(can_manage(request.user))
    cs = selectors.get_criteria_set(user=request.user, pk=pk)
    form = CriteriaSetForm(request.POST or None, instance=selectors.get_criteria_set(user=request.user, pk=pk),
                           movements=selectors.visible_movements(request.user, year=cs.block.year))
    if submit_form(request, form, lambda: services.update_criteria_set(
            actor=request.user, criteria_set=cs, bands=form.bands(),
            **form.service_fields())):
        return redirect("movements:criteria_set", pk=cs.pk)
    return form_page(request, form, title=str(cs), submit=_("Lưu"), cancel=reverse("movements:criteria_set", args=[pk]))


@action
def criteria_set_new_version(request, pk: int):
    cs = selectors.get_criteria_set(user=request.user, pk=pk)
    copy = services.new_version(actor=request.user, criteria_set=cs)
    messages.success(request, _("Đã tạo phiên bản %(v)s; sửa tiêu chí trên phiên bản mới.") % {"v": copy.version})
    return redirect("movements:criteria_set", pk=copy.pk)


@form_view
def criterion_edit(request, pk: int | None = None, set_pk: int | None = None):
    """A criteria set's new criterion (``set_pk``) or an existing one (``pk``)."""
    require(can_manage(request.user))
    criterion = get_object_or_404(Criterion, pk=pk) if pk is not None else None
    cs = selectors.get_criteria_set(user=request.user, pk=criterion.criteria_set_id if criterion else set_pk)
    form = CriterionForm(request.POST or None, instance=criterion)
    save = (partial(services.update_criterion, criterion=criterion) if criterion
            else partial(services.add_criterion, criteria_set=cs))
    if submit_form(request, form, lambda: save(actor=request.user, **form.service_fields())):
        return redirect("movements:criteria_set", pk=cs.pk)
    return form_page(request, form, title=str(cs), submit=_("Lưu tiêu chí"),
                     cancel=reverse("movements:criteria_set", args=[cs.pk]))


@action
def criterion_delete(request, pk: int):
    criterion = get_object_or_404(Criterion, pk=pk)
    cs = selectors.get_criteria_set(user=request.user, pk=criterion.criteria_set_id)
    services.delete_criterion(actor=request.user, criterion=criterion)
    return redirect("movements:criteria_set", pk=cs.pk)
