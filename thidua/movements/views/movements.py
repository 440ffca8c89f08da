"""The movements pages: the overview, a unit's to-do list, a movement, its plan and results."""
from __future__ import annotations

import os
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.files import upload_limit
from thidua.core.pages import add_refusal
from thidua.core.text import collation_key

from .. import excel, selectors, services
from ..access import can_manage, can_score, is_unit_user, user_commune
from ..forms import MovementForm, ResultForm, StepForm
from ..models import MovementResult
from .common import action, file_response, form_invalid, form_page, form_view, require, submit_form, year_filter


@login_required
def overview(request):
    user = request.user
    if is_unit_user(user):
        return redirect("movements:todo")
    year, available = year_filter(request, user)
    page = selectors.overview(user=user, year=year)
    return render(request, "movements/overview.html", {
        "year": year, "years": available, "movements": page.movements, "coverage": page.coverage,
        "blocks": page.blocks, "can_manage": can_manage(user), "can_score": can_score(user),
    })


@login_required
def todo(request):
    user = request.user
    year, available = year_filter(request, user)
    if not is_unit_user(user):  # commune-wide roles work from the overview
        return redirect(f"{reverse('movements:overview')}?nam={year}")
    items = selectors.unit_todo(user=user, year=year)
    return render(request, "movements/todo.html", {"year": year, "years": available, "items": items})


@login_required
def movement_detail(request, pk: int):
    movement = selectors.get_movement(user=request.user, pk=pk)
    manage = can_manage(request.user)
    return render(request, "movements/movement_detail.html", {
        "movement": movement, "can_manage": manage,
        "criteria_sets": selectors.movement_criteria_sets(user=request.user, movement=movement),
        "step_form": StepForm(movement=movement) if manage and movement.next_states else None,
        "participants": sorted(movement.participants.all(), key=lambda o: collation_key(o.name)),
    })


def _save_with_plan(request, form, save):
    """Call ``save(plan_document)`` for a valid form, the plan being this submission's file or
    the one held from a refused submission. When the form or the service refuses, a newly
    uploaded plan is held on the server and the form names it ("Đã tải lên: …"): the user never
    has to upload it again. Returns the saved record, or None when refused."""
    held = services.held_upload(actor=request.user, pk=request.POST.get("held_plan"))
    if form.is_valid():
        upload = form.new_plan()
        try:
            saved = save(upload or (services.held_file(held) if held else None))
        except ValidationError as exc:
            add_refusal(form, exc)
        else:
            if held is not None:
                services.release_upload(actor=request.user, held=held)
            return saved
    upload = form.new_plan()
    if upload is not None:
        held = services.hold_upload(actor=request.user, upload=upload)
    if held is not None:
        form.hold(held)
    return None


@upload_limit()
@form_view
def movement_create(request):
    require(can_manage(request.user))
    form = MovementForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        movement = _save_with_plan(request, form, lambda plan: services.create_movement(
            actor=request.user, commune=user_commune(request.user), participants=form.cleaned_data["participants"],
            plan_document=plan, **form.service_fields()))
        if movement is not None:
            messages.success(request, _("Đã ghi phong trào “%(name)s”.") % {"name": movement.name})
            return redirect("movements:movement", pk=movement.pk)
    return form_page(request, form, title=_("Phong trào thi đua mới"), submit=_("Lưu"), multipart=True,
                     cancel=reverse("movements:overview"))


@upload_limit()
@form_view
def movement_edit(request, pk: int):
    require(can_manage(request.user))
    movement = selectors.get_movement(user=request.user, pk=pk)
    form = MovementForm(request.POST or None, request.FILES or None, user=request.user,
                        instance=selectors.get_movement(user=request.user, pk=pk))
    if request.method == "POST":
        saved = _save_with_plan(request, form, lambda plan: services.update_movement(
            actor=request.user, movement=movement, participants=form.cleaned_data["participants"],
            plan_document=plan, **form.service_fields()))
        if saved is not None:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("movements:movement", pk=movement.pk)
    return form_page(request, form, title=_("Sửa phong trào: %(name)s") % {"name": movement.name}, submit=_("Lưu"),
                     multipart=True, cancel=reverse("movements:movement", args=[pk]))


@action
def movement_step(request, pk: int):
    require(can_manage(request.user))
    movement = selectors.get_movement(user=request.user, pk=pk)
    form = StepForm(request.POST, movement=movement)
    if not form.is_valid():
        raise form_invalid(form)
    movement = services.advance_movement(actor=request.user, movement=movement, **form.cleaned_data)
    messages.success(request, _("Phong trào chuyển sang “%(state)s”.") % {"state": movement.get_state_display()})
    return redirect("movements:movement", pk=pk)


@login_required
def plan_document(request, pk: int):
    movement = selectors.get_movement(user=request.user, pk=pk)
    if not movement.plan_document:
        raise Http404("Phong trào chưa có tệp kế hoạch.")
    name = movement.plan_document_name or os.path.basename(movement.plan_document.name)
    return file_response(movement.plan_document, name)


@form_view
def result_edit(request, pk: int | None = None, movement_pk: int | None = None):
    """A movement's new result (``movement_pk``) or an existing one (``pk``)."""
    require(can_manage(request.user))
    result = get_object_or_404(MovementResult, pk=pk) if pk is not None else None
    movement = selectors.get_movement(user=request.user, pk=result.movement_id if result else movement_pk)
    form = ResultForm(request.POST or None, user=request.user, instance=result)
    save = (partial(services.update_result, result=result) if result
            else partial(services.add_result, movement=movement))
    if submit_form(request, form, lambda: save(actor=request.user, **form.service_fields())):
        messages.success(request, _("Đã lưu kết quả."))
        return redirect("movements:movement", pk=movement.pk)
    title = _("Kết quả của phong trào “%(name)s”") % {"name": movement.name}
    return form_page(request, form, title=title, submit=_("Lưu"), cancel=reverse("movements:movement", args=[movement.pk]))


@action
def result_delete(request, pk: int):
    require(can_manage(request.user))
    result = get_object_or_404(MovementResult, pk=pk)
    selectors.get_movement(user=request.user, pk=result.movement_id)
    services.delete_result(actor=request.user, result=result)
    messages.success(request, _("Đã xóa kết quả."))
    return redirect("movements:movement", pk=result.movement_id)


@login_required
def movements_excel(request, year: int):
    return excel.movements_workbook(user=request.user, year=year)
