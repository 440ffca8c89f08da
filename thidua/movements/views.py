"""Pages of the movements process. Thin: validate, call one service or selector, render.

Refusals never become a 500: a service's ValidationError answers 400, a locked scorecard 409,
PermissionDenied 403 — each with the Vietnamese message on the page (or in the row, for htmx).
"""
from __future__ import annotations

import functools
import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import can_see_organisation
from thidua.core.files import upload_limit
from thidua.core.text import collation_key
from thidua.org.models import EmulationBlock, Organisation

from . import selectors, services
from .access import can_act_for, can_manage, can_score, is_unit_user, user_commune
from .excel import Column, table_response
from .forms import (
    CriteriaSetForm, CriterionForm, MovementForm, NewCriteriaSetForm, PactForm, PeriodForm, RegistrationForm,
    ReminderForm, ReopenForm, RescoreForm, ResultForm, ReturnForm, ReviewForm, SelfScoreForm, SignForm, StepForm,
)
from .models import CriteriaSet, Criterion, Evidence, LockedError, MovementResult, Scorecard
from .titles import title_label

# --- helpers ---------------------------------------------------------------------------------


REFUSALS = (LockedError, ValidationError, PermissionDenied)


def _refusal(exc) -> tuple[str, int]:
    """The Vietnamese message and the status of a service's refusal."""
    if isinstance(exc, PermissionDenied):
        return str(exc) or _("Bạn không có quyền làm việc này."), 403
    return " ".join(exc.messages), 409 if isinstance(exc, LockedError) else 400


def _refused(request, message: str, status: int):
    return render(request, "movements/refused.html", {"message": message, "back": request.META.get("HTTP_REFERER")},
                  status=status)


def refusals(view):
    """Turn a service's refusal into a 4xx page with its Vietnamese message."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except REFUSALS as exc:
            return _refused(request, *_refusal(exc))
    return wrapper


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền làm việc này."))


def _year(request, user) -> tuple[int, list[int]]:
    available = selectors.years(user)
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        year = selectors.default_year(user, available)
    if not 2000 <= year <= 2100:
        year = selectors.default_year(user, available)
    return year, available


def _form_error(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _visible_unit(user, pk: int) -> Organisation:
    unit = Organisation.objects.filter(pk=pk).first()
    if unit is None or not can_see_organisation(user, unit):
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def _form_page(request, form, *, title, submit, cancel=None, intro="", status=200, multipart=False):
    return render(request, "movements/form.html", {
        "form": form, "title": title, "submit": submit, "cancel": cancel, "intro": intro, "multipart": multipart,
    }, status=status)


# --- overview, to-do ---------------------------------------------------------------------------

@login_required
def overview(request):
    user = request.user
    if is_unit_user(user):
        return redirect("movements:todo")
    year, available = _year(request, user)
    blocks = selectors.block_rankings(user=user, year=year)
    pacts = {row["block"].pk: row for row in selectors.pacts_for_year(user=user, year=year)}
    for b in blocks:
        b["pact_row"] = pacts.get(b["block"].pk)
    context = {
        "year": year, "years": available,
        "movements": list(selectors.visible_movements(user, year=year)),
        "coverage": selectors.registration_coverage(user=user, year=year),
        "blocks": blocks,
        "can_manage": can_manage(user), "can_score": can_score(user),
    }
    return render(request, "movements/overview.html", context)


@login_required
def todo(request):
    user = request.user
    year, available = _year(request, user)
    if not is_unit_user(user):  # commune-wide roles work from the overview
        return redirect(f"{reverse('movements:overview')}?nam={year}")
    items = selectors.unit_todo(user=user, year=year)
    return render(request, "movements/todo.html", {"year": year, "years": available, "items": items})


# --- movements -------------------------------------------------------------------------------

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
            _form_error(form, exc)
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
@login_required
@refusals
def movement_create(request):
    _require(can_manage(request.user))
    form = MovementForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        movement = _save_with_plan(request, form, lambda plan: services.create_movement(
            actor=request.user, commune=user_commune(request.user), participants=form.cleaned_data["participants"],
            plan_document=plan, **form.service_fields()))
        if movement is not None:
            messages.success(request, _("Đã ghi phong trào “%(name)s”.") % {"name": movement.name})
            return redirect("movements:movement", pk=movement.pk)
    return _form_page(request, form, title=_("Phong trào thi đua mới"), submit=_("Lưu"), multipart=True,
                      cancel=reverse("movements:overview"), status=400 if form.errors else 200)


@upload_limit()
@login_required
@refusals
def movement_edit(request, pk: int):
    _require(can_manage(request.user))
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
    return _form_page(request, form, title=_("Sửa phong trào: %(name)s") % {"name": movement.name}, submit=_("Lưu"),
                      multipart=True, cancel=reverse("movements:movement", args=[pk]),
                      status=400 if form.errors else 200)


@login_required
@require_POST
@refusals
def movement_step(request, pk: int):
    _require(can_manage(request.user))
    movement = selectors.get_movement(user=request.user, pk=pk)
    form = StepForm(request.POST, movement=movement)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    movement = services.advance_movement(actor=request.user, movement=movement, **form.cleaned_data)
    messages.success(request, _("Phong trào chuyển sang “%(state)s”.") % {"state": movement.get_state_display()})
    return redirect("movements:movement", pk=pk)


@login_required
def plan_document(request, pk: int):
    movement = selectors.get_movement(user=request.user, pk=pk)
    if not movement.plan_document:
        raise Http404("Phong trào chưa có tệp kế hoạch.")
    name = movement.plan_document_name or os.path.basename(movement.plan_document.name)
    return _file_response(movement.plan_document, name)


def _file_response(field_file, name: str):
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
@refusals
def result_edit(request, pk: int | None = None, movement_pk: int | None = None):
    _require(can_manage(request.user))
    result = None
    if pk is not None:
        result = get_object_or_404(MovementResult, pk=pk)
        movement = selectors.get_movement(user=request.user, pk=result.movement_id)
    else:
        movement = selectors.get_movement(user=request.user, pk=movement_pk)
    form = ResultForm(request.POST or None, user=request.user, instance=result)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ResultForm.Meta.fields}
        try:
            if result is None:
                services.add_result(actor=request.user, movement=movement, **fields)
            else:
                services.update_result(actor=request.user, result=result, **fields)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Đã lưu kết quả."))
            return redirect("movements:movement", pk=movement.pk)
    title = _("Kết quả của phong trào “%(name)s”") % {"name": movement.name}
    return _form_page(request, form, title=title, submit=_("Lưu"), cancel=reverse("movements:movement", args=[movement.pk]),
                      status=400 if form.errors else 200)


@login_required
@require_POST
@refusals
def result_delete(request, pk: int):
    _require(can_manage(request.user))
    result = get_object_or_404(MovementResult, pk=pk)
    selectors.get_movement(user=request.user, pk=result.movement_id)
    services.delete_result(actor=request.user, result=result)
    messages.success(request, _("Đã xóa kết quả."))
    return redirect("movements:movement", pk=result.movement_id)


@login_required
def movements_excel(request, year: int):
    rows = []
    for m in selectors.visible_movements(request.user, year=year).prefetch_related("results__organisation"):
        results = list(m.results.all()) or [None]
        for r in results:
            measured = r is not None and r.value is not None
            rows.append([m.name, m.get_level_display(), m.launched_by, m.get_kind_display(), m.theme,
                         m.get_state_display(), m.step_date, r.indicator if r else "",
                         r.get_comparator_display() if measured and r.comparator != r.Comparator.EQUAL else "",
                         r.value if measured else None, r.unit if measured else "",
                         str(r.organisation or "") if r else "", r.period if r else ""])
    return table_response(filename=f"phong-trao-{year}.xlsx", sheet=f"Phong trào {year}",
                          title=f"Phong trào thi đua và kết quả năm {year}",
                          columns=[Column("Phong trào", width=40), Column("Cấp phát động"), Column("Người phát động"),
                                   Column("Loại"), Column("Chủ đề", width=30), Column("Trạng thái"),
                                   Column("Ngày của bước", "date"), Column("Chỉ tiêu, kết quả", width=40),
                                   Column("So sánh"), Column("Giá trị", "number"), Column("Đơn vị tính"),
                                   Column("Đơn vị đạt", width=30), Column("Thời kỳ")],
                          rows=rows)


# --- registration ----------------------------------------------------------------------------

@login_required
def registrations(request, year: int):
    user = request.user
    _require(not is_unit_user(user))
    coverage = selectors.registration_coverage(user=user, year=year)
    return render(request, "movements/registrations.html", {
        "year": year, "coverage": coverage, "can_manage": can_manage(user),
    })


@login_required
def registrations_excel(request, year: int):
    _require(not is_unit_user(request.user))
    coverage = selectors.registration_coverage(user=request.user, year=year)
    rows = [[i, r["unit"].name, ", ".join(r["blocks"]),
             title_label(r["registration"].title) if r["registration"] else "Chưa đăng ký",
             r["registration"].registered_on if r["registration"] else None, r["individuals"], r["reminders"]]
            for i, r in enumerate(coverage["rows"], start=1)]
    percent = f"{coverage['percent']}".replace(".", ",") if coverage["percent"] is not None else "—"
    return table_response(filename=f"dang-ky-thi-dua-{year}.xlsx", sheet=f"Đăng ký {year}",
                          title=f"Đăng ký thi đua năm {year}: {coverage['registered']}/{coverage['expected']} đơn vị "
                                f"({percent} %)",
                          columns=[Column("STT", "int"), Column("Đơn vị", width=36), Column("Khối thi đua", width=30),
                                   Column("Danh hiệu tập thể đăng ký", width=30), Column("Ngày đăng ký", "date"),
                                   Column("Số cá nhân đăng ký", "int"), Column("Số lần nhắc", "int")], rows=rows)


@login_required
@refusals
def period_edit(request, year: int):
    _require(can_manage(request.user))
    period = selectors.get_period(user=request.user, year=year)
    initial = {"deadline": period.deadline, "note": period.note} if period else {}
    form = PeriodForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_registration_period(actor=request.user, commune=user_commune(request.user), year=year,
                                         **form.cleaned_data)
        messages.success(request, _("Đã đặt hạn đăng ký thi đua năm %(year)s.") % {"year": year})
        return redirect("movements:registrations", year=year)
    return _form_page(request, form, title=_("Hạn đăng ký thi đua năm %(year)s") % {"year": year}, submit=_("Lưu"),
                      cancel=reverse("movements:registrations", args=[year]), status=400 if form.errors else 200)


@login_required
@refusals
def register(request, year: int, org: int):
    unit = _visible_unit(request.user, org)
    _require(can_act_for(request.user, unit))
    state = selectors.unit_registration(user=request.user, organisation=unit, year=year)
    form = RegistrationForm(request.POST or None, organisation=unit, members=state["members"],
                            by_person=state["by_person"], collective=state["collective"])
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.register_unit(actor=request.user, organisation=unit, year=year,
                                       title=form.cleaned_data["title"], members=form.cleaned_members())
            except ValidationError as exc:
                _form_error(form, exc)
            else:
                messages.success(request, _("Đã đăng ký thi đua năm %(year)s cho %(unit)s.") % {"year": year, "unit": unit})
                return redirect(f"{reverse('movements:todo')}?nam={year}")
        status = 400
    return render(request, "movements/register.html", {"form": form, "unit": unit, "year": year, **state},
                  status=status)


@login_required
@refusals
def reopen(request, year: int, org: int):
    _require(can_manage(request.user))
    unit = _visible_unit(request.user, org)
    period = selectors.get_period(user=request.user, year=year)
    if period is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year})
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_registration(actor=request.user, period=period, organisation=unit, **form.cleaned_data)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Đã mở lại đăng ký cho %(unit)s.") % {"unit": unit})
            return redirect("movements:registrations", year=year)
    return _form_page(request, form, title=_("Mở lại đăng ký năm %(year)s cho %(unit)s") % {"year": year, "unit": unit},
                      submit=_("Mở lại"), cancel=reverse("movements:registrations", args=[year]),
                      intro=_("Hạn chung: %(d)s.") % {"d": period.deadline.strftime("%d/%m/%Y")},
                      status=400 if form.errors else 200)


@login_required
@require_POST
@refusals
def remind(request, year: int, org: int):
    _require(can_manage(request.user))
    unit = _visible_unit(request.user, org)
    period = selectors.get_period(user=request.user, year=year)
    if period is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year})
    form = ReminderForm(request.POST)
    form.is_valid()
    services.send_reminder(actor=request.user, period=period, organisation=unit,
                           message=form.cleaned_data.get("message", ""))
    messages.success(request, _("Đã gửi nhắc nhở tới %(unit)s.") % {"unit": unit})
    return redirect("movements:registrations", year=year)


@login_required
@require_POST
@refusals
def remind_all(request, year: int):
    _require(can_manage(request.user))
    coverage = selectors.registration_coverage(user=request.user, year=year)
    if coverage["period"] is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year})
    sent = 0
    for row in coverage["rows"]:
        if row["registration"] is None:
            services.send_reminder(actor=request.user, period=coverage["period"], organisation=row["unit"])
            sent += 1
    messages.success(request, _("Đã gửi nhắc nhở tới %(n)s đơn vị chưa đăng ký.") % {"n": sent})
    return redirect("movements:registrations", year=year)


# --- pacts -----------------------------------------------------------------------------------

@login_required
def pacts(request, year: int):
    return render(request, "movements/pacts.html", {
        "year": year, "rows": selectors.pacts_for_year(user=request.user, year=year), "can_manage": can_manage(request.user)})


@login_required
@refusals
def pact_create(request, block: int):
    _require(can_manage(request.user))
    block = get_object_or_404(EmulationBlock, pk=block, commune=user_commune(request.user))
    form = PactForm(request.POST or None, initial={
        "title": _("Giao ước thi đua năm %(year)s — %(block)s") % {"year": block.year, "block": block.name}})
    if request.method == "POST" and form.is_valid():
        try:
            pact = services.create_pact(actor=request.user, block=block, **form.cleaned_data)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Đã tạo giao ước thi đua."))
            return redirect("movements:pact", pk=pact.pk)
    return _form_page(request, form, title=_("Giao ước thi đua: %(block)s") % {"block": block},
                      submit=_("Lưu"), cancel=reverse("movements:pacts", args=[block.year]),
                      status=400 if form.errors else 200)


@login_required
def pact_detail(request, pk: int):
    data = selectors.get_pact(user=request.user, pk=pk)
    for row in data["rows"]:
        row["form"] = SignForm(auto_id=f"id_{row['unit'].pk}_%s") if row["can_sign"] else None
    return render(request, "movements/pact_detail.html", data)


@login_required
@require_POST
@refusals
def pact_sign(request, pk: int, org: int):
    data = selectors.get_pact(user=request.user, pk=pk)
    unit = _visible_unit(request.user, org)
    form = SignForm(request.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    services.sign_pact(actor=request.user, pact=data["pact"], organisation=unit, **form.cleaned_data)
    messages.success(request, _("%(unit)s đã ký giao ước.") % {"unit": unit})
    return redirect("movements:pact", pk=pk)


# --- criteria sets ---------------------------------------------------------------------------

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


@login_required
@refusals
def criteria_set_create(request, year: int):
    _require(can_manage(request.user))
    blocks = EmulationBlock.objects.filter(commune=user_commune(request.user), year=year)
    movement = _movement_filter(request, year)
    form = NewCriteriaSetForm(request.POST or None, blocks=blocks,
                              movements=selectors.visible_movements(request.user, year=year),
                              initial={"movement": movement} if movement else None)
    if request.method == "POST" and form.is_valid():
        try:
            cs = services.create_criteria_set(actor=request.user, block=form.cleaned_data["block"],
                                              movement=form.cleaned_data["movement"],
                                              name=form.cleaned_data["name"], top_award=form.cleaned_data["top_award"],
                                              note=form.cleaned_data["note"], bands=form.bands())
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            return redirect("movements:criteria_set", pk=cs.pk)
    return _form_page(request, form, title=_("Bộ tiêu chí mới năm %(year)s") % {"year": year}, submit=_("Lưu"),
                      cancel=reverse("movements:criteria_sets", args=[year]), status=400 if form.errors else 200)


@login_required
def criteria_set_detail(request, pk: int):
    cs = selectors.get_criteria_set(user=request.user, pk=pk)
    criteria = list(cs.criteria.all())
    latest = CriteriaSet.objects.filter(block_id=cs.block_id).order_by("-version").values_list("pk", flat=True).first()
    in_use = cs.in_use
    return render(request, "movements/criteria_set_detail.html", {
        "cs": cs, "groups": selectors.grouped_criteria(criteria), "in_use": in_use, "is_latest": latest == cs.pk,
        "editable": can_manage(request.user) and latest == cs.pk and not in_use, "can_manage": can_manage(request.user),
        "totals": {k: sum((c.max_points for c in criteria if c.kind == k), 0) for k in Criterion.Kind.values},
    })


@login_required
@refusals
def criteria_set_edit(request, pk: int):
    _require(can_manage(request.user))
    cs = selectors.get_criteria_set(user=request.user, pk=pk)
    form = CriteriaSetForm(request.POST or None, instance=selectors.get_criteria_set(user=request.user, pk=pk),
                           movements=selectors.visible_movements(request.user, year=cs.block.year))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_criteria_set(actor=request.user, criteria_set=cs, bands=form.bands(),
                                         **{f: form.cleaned_data[f] for f in CriteriaSetForm.Meta.fields})
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            return redirect("movements:criteria_set", pk=cs.pk)
    return _form_page(request, form, title=str(cs), submit=_("Lưu"), cancel=reverse("movements:criteria_set", args=[pk]),
                      status=400 if form.errors else 200)


@login_required
@require_POST
@refusals
def criteria_set_new_version(request, pk: int):
    cs = selectors.get_criteria_set(user=request.user, pk=pk)
    copy = services.new_version(actor=request.user, criteria_set=cs)
    messages.success(request, _("Đã tạo phiên bản %(v)s; sửa tiêu chí trên phiên bản mới.") % {"v": copy.version})
    return redirect("movements:criteria_set", pk=copy.pk)


@login_required
@require_POST
@refusals
def scorecard_rescore(request, pk: int):
    """The officer's decision: score this unit again under the block's newest criteria-set
    version (the earlier scorecard stays as it is)."""
    _require(can_manage(request.user))
    card = selectors.get_scorecard(user=request.user, pk=pk)
    form = RescoreForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Phải ghi lý do chấm lại theo phiên bản mới."))
    new = services.rescore_under_version(actor=request.user, scorecard=card, reason=form.cleaned_data["reason"])
    messages.success(request, _("%(unit)s sẽ được chấm lại theo phiên bản %(v)s; bảng điểm phiên bản %(old)s được giữ "
                                "nguyên.") % {"unit": card.organisation, "v": new.criteria_set.version,
                                              "old": card.criteria_set.version})
    return redirect("movements:scorecard", pk=new.pk)


@login_required
@refusals
def criterion_edit(request, pk: int | None = None, set_pk: int | None = None):
    _require(can_manage(request.user))
    criterion = None
    if pk is not None:
        criterion = get_object_or_404(Criterion, pk=pk)
        cs = selectors.get_criteria_set(user=request.user, pk=criterion.criteria_set_id)
    else:
        cs = selectors.get_criteria_set(user=request.user, pk=set_pk)
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        fields = {f: form.cleaned_data[f] for f in CriterionForm.Meta.fields}
        try:
            if criterion is None:
                services.add_criterion(actor=request.user, criteria_set=cs, **fields)
            else:
                services.update_criterion(actor=request.user, criterion=criterion, **fields)
        except ValidationError as exc:
            _form_error(form, exc)
        else:
            return redirect("movements:criteria_set", pk=cs.pk)
    return _form_page(request, form, title=str(cs), submit=_("Lưu tiêu chí"),
                      cancel=reverse("movements:criteria_set", args=[cs.pk]), status=400 if form.errors else 200)


@login_required
@require_POST
@refusals
def criterion_delete(request, pk: int):
    criterion = get_object_or_404(Criterion, pk=pk)
    cs = selectors.get_criteria_set(user=request.user, pk=criterion.criteria_set_id)
    services.delete_criterion(actor=request.user, criterion=criterion)
    return redirect("movements:criteria_set", pk=cs.pk)


# --- scoring ---------------------------------------------------------------------------------

def _mode(user, scorecard: Scorecard) -> str | None:
    """'self' (the unit scores itself), 'review' (a scorer) or None (read only)."""
    unit = can_act_for(user, scorecard.organisation)
    if scorecard.state == Scorecard.State.DRAFT and unit:
        return "self"
    if can_score(user):
        return "review"
    return "self" if unit else None


@login_required
@require_POST
@refusals
def scorecard_open(request, set_pk: int, org: int):
    cs = selectors.get_criteria_set(user=request.user, pk=set_pk)
    unit = _visible_unit(request.user, org)
    scorecard = services.open_scorecard(actor=request.user, organisation=unit, criteria_set=cs)
    return redirect("movements:scorecard", pk=scorecard.pk)


def _scorecard_context(request, scorecard):
    mode = _mode(request.user, scorecard)
    rows = selectors.scorecard_rows(scorecard=scorecard)
    return {
        "scorecard": scorecard, "cs": scorecard.criteria_set, "mode": mode,
        "editable": (mode == "self" and scorecard.state == Scorecard.State.DRAFT)
                    or (mode == "review" and scorecard.state == Scorecard.State.SUBMITTED),
        "band": selectors.band_for(scorecard.criteria_set, rows["totals"]["total"]),
        **rows,
    }


def _row_response(request, *, pk: int, criterion_pk: int, error: str | None, status: int):
    """The answer to a row's save: the row (htmx) or, without JS, the page or the refusal."""
    if not request.headers.get("HX-Request"):
        if error:
            return _refused(request, error, status)
        return redirect(f"{reverse('movements:scorecard', args=[pk])}#tc-{criterion_pk}")
    card = selectors.get_scorecard(user=request.user, pk=pk)
    context = _scorecard_context(request, card)
    row = next(r for r in context["rows"] if r["criterion"].pk == criterion_pk)
    return render(request, "movements/_score_row.html",
                  {**context, "row": row, "error": error, "saved": not error, "oob": True}, status=status)


@login_required
def scorecard(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    return render(request, "movements/scorecard.html", _scorecard_context(request, card))


@upload_limit()
@login_required
@require_POST
def score_row(request, pk: int, criterion: int):
    """Save one criterion's score (htmx swaps the row; without JS the page reloads)."""
    card = selectors.get_scorecard(user=request.user, pk=pk)
    item = get_object_or_404(Criterion, pk=criterion, criteria_set_id=card.criteria_set_id)
    mode = _mode(request.user, card)
    error, status = None, 200
    try:
        if mode == "self":
            form = SelfScoreForm(request.POST, request.FILES)
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            upload = form.cleaned_data.get("evidence")
            services.self_score(actor=request.user, scorecard=card, criterion=item, points=form.cleaned_data["points"],
                                note=form.cleaned_data["note"], files=[upload] if upload else [])
        elif mode == "review":
            form = ReviewForm(request.POST)
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            services.review_score(actor=request.user, scorecard=card, criterion=item, **form.cleaned_data)
        else:
            raise PermissionDenied(_("Bạn không có quyền chấm điểm bảng điểm này."))
    except REFUSALS as exc:
        error, status = _refusal(exc)
    return _row_response(request, pk=pk, criterion_pk=item.pk, error=error, status=status)


@login_required
@require_POST
@refusals
def scorecard_submit(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    services.submit_scorecard(actor=request.user, scorecard=card)
    messages.success(request, _("Đã nộp kết quả tự chấm; chờ Hội đồng chấm."))
    return redirect("movements:scorecard", pk=pk)


@login_required
@require_POST
@refusals
def scorecard_return(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Phải ghi lý do trả lại."))
    services.return_scorecard(actor=request.user, scorecard=card, reason=form.cleaned_data["reason"])
    messages.success(request, _("Đã trả lại bảng điểm cho đơn vị."))
    return redirect("movements:scorecard", pk=pk)


@login_required
@require_POST
@refusals
def scorecard_lock(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    services.lock_scorecard(actor=request.user, scorecard=card)
    messages.success(request, _("Đã khóa kết quả chấm điểm của %(unit)s.") % {"unit": card.organisation})
    return redirect("movements:scorecard", pk=pk)


@login_required
def evidence_file(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("score__scorecard__organisation"), pk=pk)
    if not can_see_organisation(request.user, evidence.score.scorecard.organisation):
        raise Http404("Không tìm thấy minh chứng.")
    return _file_response(evidence.file, evidence.original_name)


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("score__scorecard__organisation"), pk=pk)
    if not can_see_organisation(request.user, evidence.score.scorecard.organisation):
        raise Http404("Không tìm thấy minh chứng.")
    error, status = None, 200
    try:
        services.delete_evidence(actor=request.user, evidence=evidence)
    except REFUSALS as exc:
        error, status = _refusal(exc)
    return _row_response(request, pk=evidence.score.scorecard_id, criterion_pk=evidence.score.criterion_id,
                         error=error, status=status)


@login_required
def queue(request):
    _require(can_score(request.user))
    year, available = _year(request, request.user)
    return render(request, "movements/queue.html", {
        "year": year, "years": available, **selectors.scorer_queue(user=request.user, year=year)})


@login_required
def ranking(request, year: int):
    try:
        block_id = int(request.GET["khoi"]) if request.GET.get("khoi") else None
    except ValueError:
        block_id = None
    return render(request, "movements/ranking.html", {
        "year": year, "blocks": selectors.block_rankings(user=request.user, year=year, block_id=block_id),
        "all_blocks": block_id is None, "can_manage": can_manage(request.user)})


@login_required
def ranking_excel(request, year: int):
    rows = []
    for b in selectors.block_rankings(user=request.user, year=year):
        for e in b["entries"]:
            rows.append([b["block"].name, e["rank"], e["unit"].name, e["regular"], e["bonus"], e["penalty"], e["total"],
                         e["band"].get_code_display() if e["band"] else "",
                         e["scorecard"].get_state_display() if e["scorecard"] else "Chưa chấm",
                         e["version"]])
    return table_response(filename=f"xep-hang-thi-dua-{year}.xlsx", sheet=f"Xếp hạng {year}",
                          title=f"Kết quả chấm điểm, xếp hạng thi đua các khối năm {year}",
                          columns=[Column("Khối thi đua", width=30), Column("Hạng", "int"), Column("Đơn vị", width=36),
                                   Column("Điểm tiêu chí", "number"), Column("Điểm thưởng", "number"),
                                   Column("Điểm trừ", "number"), Column("Tổng điểm", "number"), Column("Xếp loại"),
                                   Column("Trạng thái"), Column("Phiên bản tiêu chí", "int")], rows=rows)
