"""Pages of the inspections process. Thin: check the role, validate, call one service, render.
A service's refusal comes back on the form (400) or as a message, never as a 500."""
from __future__ import annotations

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.pages import add_refusal
from thidua.movements.views.common import form_page
from thidua.org.models import Organisation

from . import selectors, services
from .access import can_manage, user_commune
from .forms import (
    CloseForm, EvidenceForm, FindingForm, FollowUpForm, InspectionForm, PlanForm, PracticeForm, RecommendationForm,
)
from .models import Inspection


def _require_office(user) -> None:
    if not can_manage(user):
        raise PermissionDenied(_("Chỉ cán bộ thi đua – khen thưởng xã được làm việc này."))


def _save(request, form, save, *, done, success):
    """POST: a valid form calls ``save(cleaned_data)``; a refusal goes onto the form. Returns
    the redirect on success, else the status for the page."""
    if request.method != "POST":
        return None, 200
    if form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as exc:
            add_refusal(form, exc)
        else:
            messages.success(request, success)
            return redirect(done(result)), 200
    return None, 400


# --- plans ---------------------------------------------------------------------------------

@login_required
def index(request):
    years = selectors.years(user=request.user)
    raw = request.GET.get("nam", "")
    year = int(raw) if raw.isdecimal() and int(raw) in years else timezone.localdate().year
    return render(request, "inspections/index.html", {
        "year": year, "years": years, "plans": selectors.plans(user=request.user, year=year),
        "can_manage": can_manage(request.user),
        "counts": selectors.recommendations(user=request.user)})


@login_required
def plan_create(request):
    selectors.years(user=request.user)  # readers only
    _require_office(request.user)
    form = PlanForm(request.POST or None, initial={"year": timezone.localdate().year})
    commune = user_commune(request.user)
    response, status = _save(request, form, lambda d: services.create_plan(actor=request.user, commune=commune, **d),
                             done=lambda p: reverse("inspections:plan", args=[p.pk]), success=_("Đã lập kế hoạch kiểm tra."))
    return response or form_page(request, form, title=_("Lập kế hoạch kiểm tra"), submit=_("Lưu kế hoạch"),
                                 cancel=reverse("inspections:index"), status=status)


@login_required
def plan_detail(request, pk: int):
    plan = selectors.get_plan(user=request.user, pk=pk)
    return render(request, "inspections/plan.html", {
        "plan": plan, "inspections": selectors.plan_inspections(plan=plan), "can_manage": can_manage(request.user)})


@login_required
def inspection_create(request, pk: int):
    plan = selectors.get_plan(user=request.user, pk=pk)
    _require_office(request.user)
    form = InspectionForm(request.POST or None, user=request.user, commune=plan.commune,
                          initial={"topic": Inspection.Topic.MOVEMENT})

    def save(data):
        return services.create_inspection(actor=request.user, plan=plan, **data)

    response, status = _save(request, form, save, done=lambda i: reverse("inspections:inspection", args=[i.pk]),
                             success=_("Đã thêm đợt kiểm tra."))
    return response or form_page(request, form, title=_("Thêm đợt kiểm tra — %s") % plan.title,
                                 submit=_("Lưu đợt kiểm tra"), cancel=reverse("inspections:plan", args=[plan.pk]),
                                 status=status)


@login_required
def inspection_detail(request, pk: int):
    inspection = selectors.get_inspection(user=request.user, pk=pk)
    return render(request, "inspections/inspection.html", {
        "inspection": inspection, "rows": selectors.inspection_units(inspection=inspection),
        "can_manage": can_manage(request.user), "review_url": _review_url(inspection)})


def _review_url(inspection) -> str:
    if inspection.movement_id is None:
        return ""
    return reverse("documents:movement_review", args=[inspection.movement_id])  # a higher app: by URL name


@login_required
@require_POST
def finding_open(request, pk: int, unit: int):
    inspection = selectors.get_inspection(user=request.user, pk=pk)
    _require_office(request.user)
    organisation = get_object_or_404(Organisation, pk=unit)
    try:
        finding = services.open_finding(actor=request.user, inspection=inspection, unit=organisation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("inspections:inspection", pk=inspection.pk)
    return redirect("inspections:finding", pk=finding.pk)


# --- findings --------------------------------------------------------------------------------

@login_required
def finding_detail(request, pk: int):
    finding = selectors.get_finding(user=request.user, pk=pk)
    page = selectors.finding_page(finding=finding)
    manage = can_manage(request.user)
    if request.method == "POST":
        _require_office(request.user)
    form = FindingForm(request.POST or None, items=page["items"], initial={
        "inspected_on": finding.inspected_on, "strengths": finding.strengths, "shortcomings": finding.shortcomings,
        "conclusion": finding.conclusion})

    def save(data):
        return services.record_finding(actor=request.user, finding=finding, inspected_on=data["inspected_on"],
                                       strengths=data["strengths"], shortcomings=data["shortcomings"],
                                       conclusion=data["conclusion"], results=form.results())

    response, status = _save(request, form, save, done=lambda f: reverse("inspections:finding", args=[f.pk]),
                             success=_("Đã lưu kết quả kiểm tra."))
    if response:
        return response
    return render(request, "inspections/finding.html", {
        "finding": finding, **page, "form": form, "can_manage": manage,
        "evidence_form": EvidenceForm(), "recommendation_form": RecommendationForm(unit=finding.unit)},
        status=status)


@login_required
@require_POST
def evidence_add(request, pk: int):
    finding = selectors.get_finding(user=request.user, pk=pk)
    _require_office(request.user)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(actor=request.user, finding=finding, upload=form.cleaned_data["file"],
                                  description=form.cleaned_data["description"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm minh chứng."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(reverse("inspections:finding", args=[finding.pk]) + "#minh-chung")


@login_required
def evidence(request, pk: int):
    item = selectors.get_file(user=request.user, pk=pk)
    try:
        handle = item.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    name = item.original_name or os.path.basename(item.file.name)
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def recommendation_add(request, pk: int):
    finding = selectors.get_finding(user=request.user, pk=pk)
    _require_office(request.user)
    form = RecommendationForm(request.POST or None, unit=finding.unit)

    def save(data):
        return services.add_recommendation(actor=request.user, finding=finding, **data)

    response, status = _save(request, form, save, done=lambda r: reverse("inspections:recommendation", args=[r.pk]),
                             success=_("Đã ghi kiến nghị."))
    return response or form_page(request, form, title=_("Kiến nghị với %s") % finding.unit.name,
                                 submit=_("Lưu kiến nghị"), cancel=reverse("inspections:finding", args=[finding.pk]),
                                 status=status)


# --- recommendations -----------------------------------------------------------------------

@login_required
def recommendations(request):
    return render(request, "inspections/recommendations.html", selectors.recommendations(user=request.user))


@login_required
def recommendation_detail(request, pk: int):
    item = selectors.get_recommendation(user=request.user, pk=pk)
    follow_form = FollowUpForm(initial={"on": timezone.localdate()})
    close_form = CloseForm(initial={"closed_on": timezone.localdate()})
    status = 200
    if request.method == "POST":
        _require_office(request.user)
        closing = request.POST.get("action") == "hoan-thanh"
        form = CloseForm(request.POST) if closing else FollowUpForm(request.POST)
        if closing:
            close_form = form
        else:
            follow_form = form

        def save(data):
            if closing:
                return services.close_recommendation(actor=request.user, recommendation=item, **data)
            return services.add_follow_up(actor=request.user, recommendation=item, **data)

        response, status = _save(request, form, save,
                                 done=lambda _r: reverse("inspections:recommendation", args=[item.pk]),
                                 success=_("Kiến nghị đã hoàn thành.") if closing else _("Đã ghi theo dõi."))
        if response:
            return response
    item.overdue = item.is_overdue()
    return render(request, "inspections/recommendation.html", {
        "r": item, "follow_form": follow_form, "close_form": close_form, "can_manage": can_manage(request.user)},
        status=status)


# --- good practices --------------------------------------------------------------------------

@login_required
def practices(request):
    return render(request, "inspections/practices.html", {
        "practices": selectors.practices(user=request.user), "can_manage": can_manage(request.user)})


@login_required
def practice_create(request):
    selectors.years(user=request.user)  # readers only
    _require_office(request.user)
    commune = user_commune(request.user)
    finding = None
    raw = request.GET.get("ket-qua", "")
    if raw.isdecimal() and len(raw) < 12:
        finding = selectors.get_finding(user=request.user, pk=int(raw))
    form = PracticeForm(request.POST or None, user=request.user, commune=commune, finding=finding,
                        initial={"source": "unit_report"})

    def save(data):
        if finding is not None:
            data = {**data, "finding": finding}
        return services.record_practice(actor=request.user, commune=commune, **data)

    response, status = _save(request, form, save, done=lambda p: reverse("inspections:practice", args=[p.pk]),
                             success=_("Đã ghi nhân tố mới, cách làm hay."))
    intro = _("Phát hiện qua kiểm tra tại %s.") % finding.unit.name if finding else ""
    return response or form_page(request, form, title=_("Ghi nhân tố mới, cách làm hay"), submit=_("Lưu"),
                                 cancel=reverse("inspections:practices"), intro=intro, status=status)


def _promote_url(practice) -> str:
    """The public app's one-step promotion to the honour board, when that app is installed."""
    try:
        return reverse("public:promote_practice", args=[practice.pk])
    except NoReverseMatch:
        return ""


@login_required
def practice_detail(request, pk: int):
    practice = selectors.get_practice(user=request.user, pk=pk)
    return render(request, "inspections/practice.html", {
        "p": practice, "can_manage": can_manage(request.user), "promote_url": _promote_url(practice)})
