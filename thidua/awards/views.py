import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.core.excel import xlsx_response
from thidua.org import selectors as org_selectors

from . import candidates, exports, selectors, services
from .forms import (
    AwardForm, BaseSalaryForm, CandidateFilterForm, CloseMatterForm, DisciplineForm, ParameterForm, PendingMatterForm,
)
from .models import PendingMatter, Rating, RuleParameter


def _default_year() -> int:
    """The year under review: the latest year with ratings recorded, else last year."""
    latest = Rating.objects.order_by("-year").values_list("year", flat=True).first()
    return latest or datetime.date.today().year - 1


@login_required
def candidate_list(request):
    data = request.GET.copy()
    data.setdefault("nam", str(_default_year()))
    form = CandidateFilterForm(data, user=request.user)
    lists, year, unit = [], None, None
    if form.is_valid():
        year = form.cleaned_data["nam"]
        unit = form.cleaned_data["don_vi"]
        code = form.cleaned_data["doi_tuong"]
        lists = candidates.build(user=request.user, year=year, unit=unit, targets=[code] if code else None)
        if request.GET.get("xuat") == "xlsx":
            scope = unit.name if unit else (request.user.unit.name if request.user.unit else "")
            return xlsx_response(exports.candidates_workbook(lists, year=year, scope_name=scope),
                                 f"du-dieu-kien-{year}.xlsx")
    return render(request, "awards/candidates.html", {"form": form, "lists": lists, "year": year, "unit": unit})


@login_required
def catalogue(request):
    context = selectors.catalogue()
    context["can_edit"] = request.user.is_superuser or request.user.role == Role.ADMIN
    return render(request, "awards/catalogue.html", context)


@login_required
def parameter_edit(request, pk: int):
    parameter = get_object_or_404(RuleParameter, pk=pk)
    if not (request.user.is_superuser or request.user.role == Role.ADMIN):
        raise PermissionDenied
    form = ParameterForm(request.POST or None, instance=RuleParameter.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_parameter(actor=request.user, parameter=parameter,
                                      value_text=form.cleaned_data["value_text"],
                                      source_note=form.cleaned_data["source_note"])
        except ValidationError as exc:
            form.add_error("value_text", exc)
        else:
            messages.success(request, f"Đã cập nhật {parameter.description}.")
            return redirect("awards:catalogue")
    return render(request, "awards/parameter_form.html", {"form": form, "parameter": parameter})


@login_required
def base_salary_add(request):
    if not (request.user.is_superuser or request.user.role == Role.ADMIN):
        raise PermissionDenied
    form = BaseSalaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_base_salary(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã thêm mức lương cơ sở.")
            return redirect("awards:catalogue")
    return render(request, "awards/base_salary_form.html", {"form": form})


@login_required
def ledger(request):
    year = request.GET.get("nam")
    code = request.GET.get("ma", "")
    year_value = int(year) if year and year.isdigit() else None
    qs = selectors.ledger_listing(user=request.user, year=year_value, code=code)
    if request.GET.get("xuat") == "xlsx":
        scope = request.user.unit.name if request.user.unit_id else "Toàn hệ thống"
        return xlsx_response(exports.ledger_workbook(qs.iterator(chunk_size=2000), scope_name=scope, year=year_value),
                             f"so-khen-thuong{'-' + str(year_value) if year_value else ''}.xlsx")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "awards/ledger.html", {"page": page, "year": year or "", "code": code})


@login_required
def initiative_list(request):
    year = request.GET.get("nam")
    items = selectors.initiatives(user=request.user, year=int(year) if year and year.isdigit() else None)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "awards/initiatives.html", {"page": page, "year": year or ""})


@login_required
def award_add_person(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    _require_ledger(request.user)
    form = AwardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_award(actor=request.user, subject=person, **form.cleaned_data,
                                  source="Nhập tay vào sổ")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã ghi vào sổ khen thưởng.")
            return redirect("org:person", pk=person.pk)
    return render(request, "awards/award_form.html", {"form": form, "subject": person})


def _require_ledger(user) -> None:
    if not (user.is_superuser or user.role in services.LEDGER_ROLES):
        raise PermissionDenied


@login_required
def person_conduct(request, pk: int):
    """Discipline and matters under consideration of a person (they bar awards: Luật TĐKT,
    ND 152 Điều 4): the office records them here; the eligibility engine reads them."""
    person = org_selectors.get_person(user=request.user, pk=pk)
    _require_ledger(request.user)
    which = request.POST.get("loai") if request.method == "POST" else None
    discipline_form = DisciplineForm(request.POST if which == "ky-luat" else None, prefix="kl")
    matter_form = PendingMatterForm(request.POST if which == "vu-viec" else None, prefix="vv")
    form, write = {"ky-luat": (discipline_form, lambda d: services.record_discipline(
                       actor=request.user, person=person, **d)),
                   "vu-viec": (matter_form, lambda d: services.open_pending_matter(
                       actor=request.user, subject=person, **d))}.get(which, (None, None))
    if form is not None and form.is_valid():
        try:
            write(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã ghi nhận; danh sách đủ điều kiện khen thưởng tính lại theo thông tin này.")
            return redirect("awards:person_conduct", pk=person.pk)
    return render(request, "awards/conduct.html", {
        "person": person, "discipline_form": discipline_form, "matter_form": matter_form,
        "close_form": CloseMatterForm(initial={"closed_on": datetime.date.today()}),
        "disciplines": list(person.disciplines.all()), "matters": list(PendingMatter.objects.filter(person=person)),
    }, status=400 if form is not None else 200)


@login_required
@require_POST
def pending_close(request, pk: int):
    matter = get_object_or_404(PendingMatter.objects.filter(person__isnull=False), pk=pk)
    person = org_selectors.get_person(user=request.user, pk=matter.person_id)  # out of scope: 404
    _require_ledger(request.user)
    form = CloseMatterForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["closed_on"])
        services.close_pending_matter(actor=request.user, matter=matter, closed_on=form.cleaned_data["closed_on"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Đã ghi nhận vụ việc kết thúc.")
    return redirect("awards:person_conduct", pk=person.pk)


@login_required
def fairness(request):
    from . import fairness as fair

    try:
        first = int(request.GET.get("tu", 2021))
        last = int(request.GET.get("den", _default_year()))
    except ValueError:
        first, last = 2021, _default_year()
    first, last = max(1990, min(first, last)), min(2100, max(first, last))
    years = range(first, last + 1)
    rows = fair.figures(user=request.user, years=years)
    series = {g: [r.share(g) for r in rows] for g in ("leader", "staff", "direct", "women")}
    return render(request, "awards/fairness.html", {
        "rows": rows, "first": first, "last": last, "labels": fair.LABELS,
        "direct_trend": fair.trend(series["direct"]), "series": series,
    })
