"""Pages of the national exports and statutory statistics (issue #20, items 6 and 7), for the
office (cán bộ thi đua – khen thưởng, the administrator; a province user for the province):
the national code table (the administrator fills it), the officials' export (JSON, validated
against our schema), the Ministry's e-dossier packages and the yearly statistical tables."""
from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.excel import xlsx_response

from . import national, statistics

OFFICE_ROLES = ("officer", "admin")


def _office(request) -> None:
    if request.user.role not in OFFICE_ROLES:
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng và quản trị viên.")


def _year(request) -> int | None:
    value = (request.GET.get("nam") or "").strip()
    return int(value) if value.isdecimal() and len(value) == 4 and 1945 <= int(value) <= 2100 else None


class YearForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100, required=False)


class CodesForm(forms.Form):
    """One field per catalogue entry: its national code (empty: not mapped)."""

    def __init__(self, *args, rows, editable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for row in rows:
            t = row["type"]
            field = forms.CharField(label=f"{t.name} ({t.get_kind_display().lower()})", max_length=40,
                                    required=False, initial=row["code"], disabled=not editable)
            self.fields[f"t{t.pk}"] = field
            row["field_name"] = f"t{t.pk}"

    def codes(self) -> dict[int, str]:
        return {int(name[1:]): value or "" for name, value in self.cleaned_data.items()}


@login_required
def index(request):
    _office(request)
    last_year = timezone.localdate().year - 1
    rows = national.mapping_rows()
    return render(request, "exchange/national.html", {
        "scope": national.scope_name(request.user), "year_form": YearForm(initial={"nam": last_year}),
        "unmapped": sum(1 for r in rows if not r["code"]), "types": len(rows),
        "dossiers": list(national.ministry_dossiers(user=request.user)[:50]),
        "circular": statistics.CIRCULAR, "circular_source": statistics.CIRCULAR_SOURCE,
        "verified": statistics.VERIFIED, "last_year": last_year,
    })


@login_required
def codes(request):
    _office(request)
    rows = national.mapping_rows()
    editable = national.may_map(request.user)
    if request.method == "POST" and not editable:
        raise PermissionDenied("Chỉ quản trị viên nhập bảng mã quốc gia.")
    form = CodesForm(request.POST or None, rows=rows, editable=editable)
    if request.method == "POST" and form.is_valid():
        try:
            changed = national.save_codes(actor=request.user, codes_by_type=form.codes())
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã lưu bảng mã quốc gia (%(n)d thay đổi).") % {"n": changed})
            return redirect("exchange:national_codes")
    for row in rows:
        row["field"] = form[row["field_name"]]
    return render(request, "exchange/national_codes.html", {"form": form, "rows": rows, "editable": editable})


@login_required
def officials_export(request):
    _office(request)
    year = _year(request)
    try:
        document = national.officials_document(user=request.user, year=year)
    except national.UnmappedCodes as exc:
        return render(request, "exchange/national_refused.html", {"types": exc.types, "message": exc.messages[0]})
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="khen-thuong-can-bo-{year or "tat-ca"}.json"'
    return response


@login_required
def statistics_workbook(request):
    _office(request)
    year = _year(request) or timezone.localdate().year - 1
    content = statistics.workbook(statistics.report(user=request.user, year=year))
    return xlsx_response(content, f"bieu-thong-ke-tdkt-{year}.xlsx")


@login_required
def ministry_package(request, pk: int):
    _office(request)
    dossier = national.ministry_dossiers(user=request.user).filter(pk=pk).first()
    if dossier is None:
        raise Http404("Hồ sơ không có đề nghị khen thưởng do Thủ tướng Chính phủ, Chủ tịch nước quyết định.")
    response = HttpResponse(national.ministry_package(dossier), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ho-so-dien-tu-{dossier.pk}.zip"'
    return response
