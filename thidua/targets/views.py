"""Thin views: validate → one call → render."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.accounts.permissions import can
from thidua.core.files import upload_limit
from thidua.core.pages import attempt

from . import culture, selectors, services
from .forms import (
    ActualForm, DecisionForm, HouseholdResultForm, ImportForm, MeetingForm, OpenReviewForm, ParameterForm,
    PlannedForm, VillageTitleForm,
)
from .models import VillageReview


def _can_edit(user) -> bool:
    return can(user, "manage_targets")


def _year(request, default: int) -> int:
    raw = request.GET.get("nam", "")
    if raw.isdecimal() and 2000 <= int(raw) <= 2100:
        return int(raw)
    return default


@login_required
def dashboard(request):
    context = selectors.dashboard(user=request.user)
    context["can_edit"] = _can_edit(request.user)
    return render(request, "targets/dashboard.html", context)


@login_required
def target_detail(request, code: str):
    context = selectors.target_detail(user=request.user, code=code)
    target = context["target"]
    can_edit = _can_edit(request.user)
    this_year = timezone.localdate().year
    actual_form = ActualForm(target=target, initial={"year": this_year - 1}, prefix="tt")
    planned_form = PlannedForm(target=target, initial={"year": target.end_year}, prefix="kh")
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "tt-year" in request.POST:
            actual_form = ActualForm(request.POST, target=target, prefix="tt")
            form, call = actual_form, lambda d: services.enter_actual(
                actor=request.user, target=target, year=d["year"], actual=d["actual"], note=d["note"])
        else:
            planned_form = PlannedForm(request.POST, target=target, prefix="kh")
            form, call = planned_form, lambda d: services.set_planned(
                actor=request.user, target=target, year=d["year"], planned=d["planned"], strict=d["strict"])
        if form.is_valid() and attempt(form, lambda: call(form.cleaned_data)):
            messages.success(request, "Đã lưu số liệu năm %s." % form.cleaned_data["year"])
            return redirect("targets:detail", code=target.code)
    context.update({"can_edit": can_edit, "actual_form": actual_form, "planned_form": planned_form})
    return render(request, "targets/target_detail.html", context, status=400 if request.method == "POST" else 200)


@upload_limit()
@login_required
def import_values(request):
    if not _can_edit(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            rows = services.read_import_file(form.cleaned_data["file"])
            count = services.import_actuals(actor=request.user, commune=selectors.user_commune(request.user),
                                            rows=rows)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, f"Đã nhập {count} giá trị thực hiện.")
            return redirect("targets:dashboard")
    status = 400 if request.method == "POST" else 200
    return render(request, "targets/import.html", {"form": form, "errors": errors}, status=status)


# --- Cultural titles ---------------------------------------------------------------------------

@login_required
def culture_overview(request):
    years, default = selectors.culture_years(request.user)
    year = _year(request, default)
    context = selectors.culture_overview(user=request.user, year=year)
    villages = selectors.visible_villages(request.user)
    context.update({"years": years, "can_edit": _can_edit(request.user),
                    "open_form": OpenReviewForm(villages=villages, initial={"year": year}),
                    "parameters": culture.parameters(), "is_admin": request.user.is_superuser
                    or request.user.role == Role.ADMIN})
    return render(request, "targets/culture_overview.html", context)


@login_required
@require_POST
def review_open(request):
    if not _can_edit(request.user):
        raise PermissionDenied
    form = OpenReviewForm(request.POST, villages=selectors.visible_villages(request.user))
    if form.is_valid():
        try:
            review = services.open_village_review(actor=request.user, village=form.cleaned_data["village"],
                                                  year=form.cleaned_data["year"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Đã lập danh sách {review.entries.count()} hộ.")
            return redirect("targets:review", pk=review.pk)
    else:
        messages.error(request, "Chọn thôn và năm hợp lệ.")
    return redirect("targets:culture")


@login_required
def village_detail(request, pk: int):
    village = selectors.get_village(user=request.user, pk=pk)
    return render(request, "targets/village_detail.html", {"village": village, **selectors.village_history(village=village)})


@login_required
def review_detail(request, pk: int):
    review = selectors.get_review(user=request.user, pk=pk)
    can_edit = _can_edit(request.user)
    forms = {"meeting_form": MeetingForm(prefix="hop", initial={"meeting_date": timezone.localdate()}),
             "decision_form": DecisionForm(prefix="qd"), "title_form": VillageTitleForm(prefix="tvh")}
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        action = request.POST.get("action")
        handlers = {
            "hop": (MeetingForm, "meeting_form", lambda d: services.record_meeting(
                actor=request.user, review=review, meeting_date=d["meeting_date"], attendance=d["attendance"],
                chair=d["chair"], note=d["note"]), "Đã ghi kết quả họp thôn."),
            "qd": (DecisionForm, "decision_form", lambda d: services.decide_households(
                actor=request.user, review=review, **d), None),
            "tvh": (VillageTitleForm, "title_form", lambda d: services.decide_village_title(
                actor=request.user, review=review, **d), "Đã ghi kết quả xét Thôn văn hóa."),
            "bo-sung": (None, None, lambda d: services.refresh_households(actor=request.user, review=review),
                        None),
        }
        if action not in handlers:
            raise Http404
        form_class, name, call, done = handlers[action]
        form = form_class(request.POST, prefix=action) if form_class else None
        if form is None or form.is_valid():
            try:
                result = call(form.cleaned_data if form else {})
            except ValidationError as exc:
                if form is None:
                    messages.error(request, " ".join(exc.messages))
                    return redirect("targets:review", pk=review.pk)
                form.add_error(None, exc)
            else:
                if action == "qd":
                    done = f"Đã ghi quyết định: {result['recognised']} hộ được công nhận, {result['refused']} hộ không."
                elif action == "bo-sung":
                    done = f"Đã bổ sung {result} hộ."
                messages.success(request, done)
                return redirect("targets:review", pk=review.pk)
        forms[name] = form
        status = 400
    show = request.GET.get("xem", "")
    context = {"review": review, "counts": selectors.review_counts(review), "can_edit": can_edit,
               "entries": selectors.review_entries(review=review, show=show), "show": show,
               "decided": review.status == VillageReview.Status.DECIDED,
               "minimum": culture.parameter("thon_van_hoa.min_household_share"), **forms}
    return render(request, "targets/review_detail.html", context, status=status)


@login_required
def entry_edit(request, pk: int):
    entry = selectors.get_entry(user=request.user, pk=pk)
    if not _can_edit(request.user):
        raise PermissionDenied
    initial = {"proposed": "1" if entry.proposed in (None, True) else "0", "movement_ok": entry.movement_ok,
               "prosperous_ok": entry.prosperous_ok, "exclusions": entry.exclusions,
               "exclusion_note": entry.exclusion_note}
    form = HouseholdResultForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.record_household_result(actor=request.user, entry=entry, **form.cleaned_data)):
        messages.success(request, f"Đã ghi kết quả của hộ {entry.household.head_name}.")
        return redirect("targets:review", pk=entry.review_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "targets/entry_form.html", {"entry": entry, "form": form}, status=status)


@login_required
def parameter_edit(request, key: str):
    if not can(request.user, "administer"):
        raise PermissionDenied
    current = {p.default.key: p for p in culture.parameters()}.get(key)
    if current is None:
        raise Http404
    form = ParameterForm(request.POST or None, initial={"value": str(current.value).replace(".", ",")})
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.update_culture_parameter(actor=request.user, key=key, **form.cleaned_data)):
        messages.success(request, "Đã cập nhật tham số.")
        return redirect("targets:culture")
    status = 400 if request.method == "POST" else 200
    return render(request, "targets/parameter_form.html", {"form": form, "parameter": current}, status=status)
