"""The commune's reports: the index, a report's page, preview, sections and generation; the
generation jobs; a movement's review report."""
from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.downloads import file_response

from .. import selectors, services
from ..forms import AnnualForm, FiveYearForm, SectionsForm
from ..models import GenerationJob, ReportKind
from ..reports import builder, output, sections
from .common import DOCX, XLSX, default_years, send
from .samples import SAMPLES

log = logging.getLogger(__name__)

KIND_SLUGS = {"5-nam": ReportKind.FIVE_YEAR, "nam": ReportKind.ANNUAL}
SLUG_OF = {v: k for k, v in KIND_SLUGS.items()}


@login_required
def index(request):
    communes = selectors.report_communes(request.user)
    year_from, year_to = default_years()
    return render(request, "documents/index.html", {
        "communes": communes, "year_from": year_from, "year_to": year_to,
        "jobs": selectors.recent_jobs(user=request.user, limit=8),
        "can_edit_templates": services.can_edit_templates(request.user),
        "samples": SAMPLES,
    })


def _report_params(request, kind: str):
    """(commune, form, params) of a report page; params None while the form is invalid."""
    commune_id = request.GET.get("xa") or request.POST.get("xa")
    commune = selectors.get_commune(user=request.user, pk=int(commune_id) if str(commune_id or "").isdecimal() else None)
    year_from, year_to = default_years()
    data = (request.POST if request.method == "POST" else request.GET).copy()
    if kind == ReportKind.FIVE_YEAR:
        data.setdefault("tu", str(year_from))
        data.setdefault("den", str(year_to))
        form = FiveYearForm(data)
        params = {"year_from": form.cleaned_data["tu"], "year_to": form.cleaned_data["den"]} if form.is_valid() else None
    else:
        data.setdefault("nam", str(year_to))
        form = AnnualForm(data)
        params = {"year": form.cleaned_data["nam"]} if form.is_valid() else None
    return commune, form, params


def _period(kind: str, params: dict) -> str:
    return sections.period_of(kind, year_from=params.get("year_from"), year_to=params.get("year_to"),
                              year=params.get("year"))


def _kind(slug: str) -> str:
    if slug not in KIND_SLUGS:
        raise Http404("Không có loại báo cáo này.")
    return KIND_SLUGS[slug]


@login_required
def report(request, slug: str):
    kind = _kind(slug)
    commune, form, params = _report_params(request, kind)
    context = {"kind": kind, "slug": slug, "commune": commune, "form": form, "params": params,
               "communes": selectors.report_communes(request.user),
               "can_edit": services.can_edit_reports(request.user, commune),
               "query": request.GET.urlencode()}
    if params:
        context["period"] = _period(kind, params)
    return render(request, "documents/report.html", context)


@login_required
def report_preview(request, slug: str):
    """The report as HTML (loaded by htmx after the page, so the page itself answers at once)."""
    kind = _kind(slug)
    commune, form, params = _report_params(request, kind)
    if params is None:
        return render(request, "documents/_form_errors.html", {"form": form})
    try:
        report_doc = builder.build_report(kind=kind, commune=commune, **params)
    except Exception:
        log.exception("Report preview failed")
        return render(request, "documents/_error.html", {"message": _("Không lập được bản xem trước báo cáo.")},
                      status=503)
    return render(request, "documents/_report_preview.html", {"report": report_doc})


@login_required
@require_POST
def report_generate(request, slug: str):
    kind = _kind(slug)
    commune, form, params = _report_params(request, kind)
    fmt = request.POST.get("dinh_dang", "docx")
    if params is None or fmt not in ("docx", "xlsx"):
        messages.error(request, _("Kỳ báo cáo không hợp lệ."))
        return redirect(f"{reverse('documents:report', args=[slug])}?xa={commune.pk}")
    job_kind = f"{kind}_{fmt}"
    job = services.request_job(actor=request.user, kind=job_kind, commune=commune, params=params)
    return redirect("documents:job", pk=job.pk)


@login_required
def report_sections(request, slug: str):
    kind = _kind(slug)
    commune, period_form, params = _report_params(request, kind)
    if params is None:
        messages.error(request, _("Kỳ báo cáo không hợp lệ."))
        return redirect("documents:report", slug=slug)
    if not services.can_edit_reports(request.user, commune):
        raise PermissionDenied
    period = _period(kind, params)
    specs = sections.specs(kind)
    current = sections.load(commune=commune, report_kind=kind, period=period)
    if request.method == "POST" and "luu" in request.POST:
        form = SectionsForm(request.POST, specs=specs)
        if form.is_valid():
            try:
                changed = services.save_sections(actor=request.user, commune=commune, report_kind=kind, period=period,
                                                 texts={k: v for k, v in form.cleaned_data.items()})
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu %(n)d mục.") % {"n": changed})
                return redirect(f"{reverse('documents:report', args=[slug])}?{_query(kind, commune, params)}")
    else:
        form = SectionsForm(initial=current, specs=specs)
    return render(request, "documents/sections.html", {"form": form, "kind": kind, "slug": slug, "commune": commune,
                                                       "period": period, "params": params,
                                                       "query": _query(kind, commune, params)})


def _query(kind: str, commune, params: dict) -> str:
    if kind == ReportKind.FIVE_YEAR:
        return f"xa={commune.pk}&tu={params['year_from']}&den={params['year_to']}"
    return f"xa={commune.pk}&nam={params['year']}"


@login_required
def job(request, pk: int):
    return render(request, "documents/job.html", _job_context(selectors.get_job(user=request.user, pk=pk)))


@login_required
def job_status(request, pk: int):
    return render(request, "documents/_job_status.html", _job_context(selectors.get_job(user=request.user, pk=pk)))


def _job_context(job_row) -> dict:
    from thidua.ops.worker import any_alive

    return {"job": job_row, "max_attempts": settings.THIDUA_TASK_MAX_ATTEMPTS,
            "worker_alive": job_row.finished or any_alive()}


@login_required
def job_download(request, pk: int):
    job_row = selectors.get_job(user=request.user, pk=pk)
    if job_row.status != GenerationJob.Status.DONE or not job_row.file:
        raise Http404("Tệp chưa sẵn sàng.")
    if not job_row.file.storage.exists(job_row.file.name):
        raise Http404("Tệp không còn trên máy chủ.")
    content_type = XLSX if job_row.filename.endswith(".xlsx") else DOCX
    return file_response(job_row.file, filename=job_row.filename, content_type=content_type)


@login_required
def movement_review(request, pk: int):
    """Báo cáo sơ kết (``?loai=tong-ket``: tổng kết) of a movement, as DOCX in the ND 30 layout:
    results, scores, inspections with their findings and recommendations, good practices, awards."""
    from thidua.movements.selectors import get_movement

    from ..reports.review import build_review

    if not (request.user.is_superuser or request.user.is_commune_wide):
        raise PermissionDenied
    movement = get_movement(user=request.user, pk=pk)
    report = build_review(movement=movement, final=request.GET.get("loai") == "tong-ket")
    return send(request, lambda: output.render_report_docx(report), f"{report.filename}.docx", DOCX)
