"""The province office's pages. Thin: a form, one service call, a page."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from thidua.core.excel import xlsx_response
from thidua.core.files import upload_limit
from thidua.core.pages import attempt

from . import access, exports, figures, selectors, services
from .forms import MAX_UPLOAD, CommuneAdminForm, CommuneForm, CommuneImportForm, MergerForm, TargetForm

PAGE = 50


def _dashboard_data(request):
    years, label = selectors.parse_period(request.GET.get("nam", ""))
    sort = request.GET.get("sap_xep", "ten")
    sort = sort if sort in selectors.SORTS else "ten"
    data = selectors.dashboard(user=request.user, years=years, query=request.GET.get("q", "")[:100], sort=sort,
                               only_missed=request.GET.get("chua_dat") == "1")
    return data, years, label, sort


@login_required
def dashboard(request):
    data, years, label, sort = _dashboard_data(request)
    page = Paginator(data["lines"], PAGE).get_page(request.GET.get("page"))
    for line in page:
        line.url = reverse("provinceoffice:commune", args=[line.commune.pk])
        line.row_html = line.cells_html()
    chart_key = request.GET.get("bieu_do", "dang-ky")
    metric = figures.METRIC_BY_KEY.get(chart_key, figures.METRICS[0])
    this_year = timezone.localdate().year
    return render(request, "provinceoffice/dashboard.html", {
        **data, "page": page, "years": years, "label": label, "sort": sort, "sorts": selectors.SORTS.items(),
        "chart": selectors.chart(list(page), metric, data["targets"].get(metric.key)),
        "year_choices": [f"{selectors.PERIOD[0]}-{selectors.PERIOD[1]}",
                         *[str(y) for y in range(this_year, this_year - 6, -1)]],
        "filters": request.GET, "can_refresh": access.is_province_office(request.user)})


@login_required
def dashboard_excel(request):
    data, _years, label, _sort = _dashboard_data(request)
    return xlsx_response(exports.dashboard_workbook(data, label), f"so-lieu-cac-xa-{label}.xlsx")


@login_required
@require_POST
def refresh(request):
    years, label = selectors.parse_period(request.POST.get("nam", ""))
    services.request_refresh(actor=request.user, years=years)
    messages.success(request, f"Đã yêu cầu tính lại số liệu {label}; trang cập nhật khi tiến trình nền tính xong.")
    return redirect(f"{reverse('provinceoffice:dashboard')}?nam={label}")


@login_required
def targets(request):
    province = access.province_for(request.user)
    can_edit = access.is_province_office(request.user)
    form = TargetForm(request.POST or None)
    if request.method == "POST":
        access.require_office(request.user)
        if form.is_valid() and attempt(form, lambda: services.set_target(actor=request.user, **form.cleaned_data)):
            messages.success(request, f"Đã lưu chỉ tiêu năm {form.cleaned_data['year']}.")
            return redirect("provinceoffice:targets")
    table = selectors.target_table(province, range(2026, 2031))
    return render(request, "provinceoffice/targets.html", {
        "province": province, "form": form, "can_edit": can_edit, "table": table, "years": range(2026, 2031)},
        status=400 if form.is_bound else 200)


@login_required
def communes(request):
    province = access.province_for(request.user)
    show = "cu" if request.GET.get("hien") == "cu" else ""
    rows = selectors.communes(user=request.user, query=request.GET.get("q", "")[:100], show=show)
    page = Paginator(rows, PAGE).get_page(request.GET.get("page"))
    return render(request, "provinceoffice/communes.html", {
        "province": province, "page": page, "show": show, "filters": request.GET,
        "is_admin": access.is_province_admin(request.user)})


@login_required
def commune_create(request):
    province = access.require_admin(request.user)
    form = CommuneForm(request.POST or None, province=province)
    created = {}
    if request.method == "POST" and form.is_valid() and attempt(form, lambda: created.update(
            commune=services.create_commune(actor=request.user, **form.cleaned_data))):
        messages.success(request, f"Đã tạo {created['commune'].name}. Hãy tạo tài khoản quản trị của xã.")
        return redirect("provinceoffice:commune_admin", pk=created["commune"].pk)
    return render(request, "provinceoffice/commune_form.html", {"form": form, "province": province},
                  status=400 if form.is_bound else 200)


@login_required
def commune(request, pk: int):
    commune = selectors.get_commune(user=request.user, pk=pk)
    years = selectors.completeness_years()
    people = selectors.people_without_unit(commune)
    awards = selectors.awards_without_number(commune)
    return render(request, "provinceoffice/commune.html", {
        "commune": commune, "admins": selectors.commune_admins(commune),
        "former": sorted(commune.merged_from.all(), key=lambda c: c.name),
        "people_count": len(people), "people": people[:10],
        "awards_count": awards.count(), "awards": awards[:10],
        "gaps": selectors.rating_gaps(commune, years),
        "is_admin": access.is_province_admin(request.user), "is_office": access.is_province_office(request.user)})


@login_required
def people_without_unit(request, pk: int):
    commune = selectors.get_commune(user=request.user, pk=pk)
    page = Paginator(selectors.people_without_unit(commune), PAGE).get_page(request.GET.get("page"))
    return render(request, "provinceoffice/people_without_unit.html", {"commune": commune, "page": page})


@login_required
def awards_without_number(request, pk: int):
    commune = selectors.get_commune(user=request.user, pk=pk)
    page = Paginator(selectors.awards_without_number(commune), PAGE).get_page(request.GET.get("page"))
    return render(request, "provinceoffice/awards_without_number.html", {"commune": commune, "page": page})


@login_required
def commune_admin(request, pk: int):
    access.require_admin(request.user)
    commune = selectors.get_commune(user=request.user, pk=pk)
    form = CommuneAdminForm(request.POST or None)
    created = {}
    if request.method == "POST" and form.is_valid() and attempt(form, lambda: created.update(zip(
            ("account", "password"), services.create_commune_admin(actor=request.user, commune=commune,
                                                                   **form.cleaned_data)))):
        return render(request, "provinceoffice/password_handed.html", {"commune": commune, **created})
    return render(request, "provinceoffice/commune_admin.html", {
        "form": form, "commune": commune, "admins": selectors.commune_admins(commune)},
        status=400 if form.is_bound else 200)


@login_required
def commune_merge(request, pk: int):
    province = access.require_admin(request.user)
    commune = selectors.get_commune(user=request.user, pk=pk)
    form = MergerForm(request.POST or None, province=province, commune=commune)
    if request.method == "POST" and form.is_valid() and attempt(form, lambda: services.record_merger(
            actor=request.user, former=form.cleaned_data["former"], into=commune,
            merged_on=form.cleaned_data["merged_on"])):
        messages.success(request, f"Đã ghi nhận {form.cleaned_data['former'].name} sáp nhập vào {commune.name}.")
        return redirect("provinceoffice:commune", pk=commune.pk)
    return render(request, "provinceoffice/commune_merge.html", {"form": form, "commune": commune},
                  status=400 if form.is_bound else 200)


@upload_limit(MAX_UPLOAD)
@login_required
def commune_import(request, pk: int):
    from thidua.exchange.importers import SLUGS, WorkbookError

    access.require_office(request.user)
    commune = selectors.get_commune(user=request.user, pk=pk)
    form = CommuneImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["tep"]
        try:
            batch = services.preview_commune_import(actor=request.user, commune=commune,
                                                    kind=SLUGS[form.cleaned_data["loai"]], data=upload.read(),
                                                    file_name=upload.name)
        except (WorkbookError, ValidationError) as exc:
            form.add_error("tep", exc.messages[0])
        else:
            return redirect("exchange:batch", pk=batch.pk)
    return render(request, "provinceoffice/commune_import.html", {"form": form, "commune": commune},
                  status=400 if form.is_bound else 200)
