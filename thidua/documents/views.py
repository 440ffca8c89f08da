"""Thin views: validate, one call, render. Document downloads never answer 500: a failing
renderer gives a Vietnamese error page (503) and a log line."""
from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from thidua.core.downloads import file_response
from thidua.core.files import upload_limit
from thidua.core.text import search_key
from thidua.org import selectors as org_selectors

from . import defaults, ledger, render as renderers, samples, selectors, services, signatures
from .forms import AchievementForm, AnnualForm, DecisionDraftForm, FiveYearForm, SectionsForm, TemplateUploadForm
from .models import DocumentTemplate, GenerationJob, ReportKind, TemplateKind
from .reports import builder, output, sections

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
KIND_SLUGS = {"5-nam": ReportKind.FIVE_YEAR, "nam": ReportKind.ANNUAL}
SLUG_OF = {v: k for k, v in KIND_SLUGS.items()}


def _slug(text: str) -> str:
    return "-".join(search_key(text).replace("/", "-").split())[:80] or "van-ban"


def _send(request, produce, filename: str, content_type: str, *, inline: bool = False):
    try:
        content = produce()
    except (Http404, PermissionDenied):
        raise
    except Exception:
        log.exception("Document %s could not be produced", filename)
        return render(request, "documents/error.html",
                      {"message": _("Không tạo được văn bản lúc này. Vui lòng thử lại sau hoặc báo quản trị hệ thống.")},
                      status=503)
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _default_years() -> tuple[int, int]:
    last = datetime.date.today().year - 1
    return last - 4, last


# --- index ------------------------------------------------------------------------------------

@login_required
def index(request):
    communes = selectors.report_communes(request.user)
    year_from, year_to = _default_years()
    return render(request, "documents/index.html", {
        "communes": communes, "year_from": year_from, "year_to": year_to,
        "jobs": selectors.recent_jobs(user=request.user, limit=8),
        "can_edit_templates": services.can_edit_templates(request.user),
        "samples": SAMPLES,
    })


# --- reports ----------------------------------------------------------------------------------

def _report_params(request, kind: str):
    """(commune, form, params) of a report page; params None while the form is invalid."""
    commune_id = request.GET.get("xa") or request.POST.get("xa")
    commune = selectors.get_commune(user=request.user, pk=int(commune_id) if str(commune_id or "").isdigit() else None)
    year_from, year_to = _default_years()
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


# --- jobs -------------------------------------------------------------------------------------

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


# --- decisions and certificates from the ledger -----------------------------------------------

@login_required
def decision_list(request):
    year = request.GET.get("nam", "")
    issuer = request.GET.get("co_quan", "")[:100]
    rows = selectors.decisions(user=request.user, year=int(year) if year.isdigit() else None, issuer=issuer)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "documents/decisions.html", {"page": page, "year": year, "issuer": issuer})


@login_required
def decision_docx(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    name = f"quyet-dinh-{_slug(award.decision_number or str(award.pk))}.docx"
    return _send(request, lambda: signatures.frozen_bytes(award, "docx")
                 or renderers.render_decision_docx(ledger.decision_data(award)), name, DOCX)


@login_required
def decision_pdf(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    name = f"quyet-dinh-{_slug(award.decision_number or str(award.pk))}.pdf"
    return _send(request, lambda: signatures.decision_pdf(award), name, PDF, inline=True)


def _certificate_name(award, ext: str) -> str:
    return f"giay-khen-{_slug(str(award.subject))}-{award.year}.{ext}"


@login_required
def certificate_pdf(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    return _send(request, lambda: renderers.render_certificate_pdf(ledger.certificate_data(award)),
                 _certificate_name(award, "pdf"), PDF, inline=True)


@login_required
def certificate_docx(request, pk: int):
    """The same certificate as the PDF (the same printed texts and QR code), as a DOCX."""
    award = selectors.get_award(user=request.user, pk=pk)
    return _send(request, lambda: renderers.render_certificate_docx(ledger.certificate_data(award)),
                 _certificate_name(award, "docx"), DOCX)


@login_required
def person_certificates(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    awards = selectors.person_awards(user=request.user, person=person)
    return render(request, "documents/person_certificates.html", {"person": person, "awards": awards})


@login_required
def unit_certificates(request, pk: int):
    unit = org_selectors.get_organisation(user=request.user, pk=pk)
    awards = selectors.unit_awards(user=request.user, unit=unit)
    return render(request, "documents/unit_certificates.html", {"unit": unit, "awards": awards})


# --- achievement reports ----------------------------------------------------------------------

@login_required
def achievement_search(request):
    query = request.GET.get("q", "")[:100]
    people = org_selectors.search(user=request.user, query=query)["people"] if query.strip() else []
    return render(request, "documents/achievement_search.html", {"query": query, "people": people})


@login_required
def achievement(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    year_from, year_to = _default_years()
    data = request.GET.copy()
    data.setdefault("tu", str(year_from))
    data.setdefault("den", str(year_to))
    data.setdefault("de_nghi", "Chiến sĩ thi đua cơ sở")
    form = AchievementForm(data)
    if form.is_valid() and request.GET.get("tai") == "docx":
        report_data = ledger.achievement_data(person=person, proposed=form.cleaned_data["de_nghi"],
                                              year_from=form.cleaned_data["tu"], year_to=form.cleaned_data["den"])
        name = f"bao-cao-thanh-tich-{_slug(person.full_name)}.docx"
        return _send(request, lambda: renderers.render_achievement_docx(report_data), name, DOCX)
    preview = None
    if form.is_valid():
        preview = ledger.achievement_data(person=person, proposed=form.cleaned_data["de_nghi"],
                                          year_from=form.cleaned_data["tu"], year_to=form.cleaned_data["den"])
    return render(request, "documents/achievement.html", {"person": person, "form": form, "preview": preview,
                                                          "query": data.urlencode()})


# --- samples and templates --------------------------------------------------------------------

SAMPLES = [
    ("quyet-dinh", "Quyết định khen thưởng (kèm danh sách)", TemplateKind.DECISION),
    ("to-trinh", "Tờ trình đề nghị khen thưởng", TemplateKind.SUBMISSION),
    ("bien-ban", "Biên bản họp Hội đồng (kết quả bỏ phiếu)", TemplateKind.MINUTES),
    ("giay-moi", "Giấy mời họp Hội đồng", TemplateKind.INVITATION),
]
SAMPLE_RENDER = {
    "quyet-dinh": lambda c: renderers.render_decision_docx(samples.decision(c)),
    "to-trinh": lambda c: renderers.render_submission_docx(samples.submission(c)),
    "bien-ban": lambda c: renderers.render_minutes_docx(samples.minutes(c)),
    "giay-moi": lambda c: renderers.render_invitation_docx(samples.invitation(c)),
}


@login_required
def sample(request, slug: str):
    if slug == "quyet-dinh-pdf":
        return _send(request, lambda: renderers.render_decision_pdf(samples.decision(_commune_name(request))),
                     "quyet-dinh-mau.pdf", PDF, inline=True)
    if slug not in SAMPLE_RENDER:
        raise Http404
    return _send(request, lambda: SAMPLE_RENDER[slug](_commune_name(request)), f"{slug}-mau.docx", DOCX)


def _commune_name(request) -> str:
    try:
        return selectors.get_commune(user=request.user).name
    except PermissionDenied:
        return samples.COMMUNE


@upload_limit(services.MAX_TEMPLATE_BYTES)
@login_required
def templates(request):
    can_edit = services.can_edit_templates(request.user)
    uploaded = {t.kind: t for t in DocumentTemplate.objects.select_related("uploaded_by")}
    form = TemplateUploadForm()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "tro_ve" in request.POST:
            kind = request.POST.get("tro_ve", "")
            if kind in TemplateKind.values:
                services.reset_template(actor=request.user, kind=kind)
                messages.success(request, _("Đã trở về mẫu mặc định."))
            return redirect("documents:templates")
        form = TemplateUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.upload_template(actor=request.user, kind=form.cleaned_data["kind"], content=upload.read(),
                                         filename=upload.name, note=form.cleaned_data["note"])
            except ValidationError as exc:
                form.add_error("file", exc)
            else:
                messages.success(request, _("Đã thay mẫu văn bản."))
                return redirect("documents:templates")
    rows = [{"kind": kind, "label": label, "uploaded": uploaded.get(kind),
             "variables": defaults.VARIABLES.get(TemplateKind(kind), [])} for kind, label in TemplateKind.choices]
    return render(request, "documents/templates.html", {"rows": rows, "form": form, "can_edit": can_edit})


@login_required
def template_download(request, kind: str):
    if kind not in TemplateKind.values:
        raise Http404
    if request.GET.get("mac_dinh") == "1":
        content = defaults.default_template(kind)
    else:
        from .engine import uploaded_template

        content = uploaded_template(kind) or defaults.default_template(kind)
    return _send(request, lambda: content, f"mau-{kind}.docx", DOCX)


# --- a movement's interim / final review report -----------------------------------------------

@login_required
def movement_review(request, pk: int):
    """Báo cáo sơ kết (``?loai=tong-ket``: tổng kết) of a movement, as DOCX in the ND 30 layout:
    results, scores, inspections with their findings and recommendations, good practices, awards."""
    from thidua.movements.selectors import get_movement

    from .reports.review import build_review

    if not (request.user.is_superuser or request.user.is_commune_wide):
        raise PermissionDenied
    movement = get_movement(user=request.user, pk=pk)
    report = build_review(movement=movement, final=request.GET.get("loai") == "tong-ket")
    return _send(request, lambda: output.render_report_docx(report), f"{report.filename}.docx", DOCX)


# --- the decision of a proposal: draft, preview, the signed document; the minutes --------------

def _draft_dossier(request, pk: int):
    """The voted dossier whose draft the office writes and the chairman signs (others: 403)."""
    from thidua.proposals import access as proposal_access
    from thidua.proposals import selectors as proposal_selectors

    dossier = proposal_selectors.get_dossier(user=request.user, pk=pk)
    editor = proposal_access.can_process(request.user, dossier)
    signer = proposal_access.is_signer(request.user, dossier.round.commune)
    if not (editor or signer):
        raise PermissionDenied
    return dossier, editor, signer


@login_required
def draft(request, pk: int):
    """The draft of the decision: the office edits its written parts, everyone who may sign or
    edit sees it rendered (inline PDF marked DỰ THẢO); the chairman signs it from here."""
    from thidua.proposals import services as proposal_services
    from thidua.proposals.forms import SignForm

    dossier, editor, signer = _draft_dossier(request, pk)
    texts = proposal_services.texts_of(dossier)
    form = DecisionDraftForm.from_texts(texts, request.POST if request.method == "POST" else None) if editor else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                proposal_services.save_decision_draft(actor=request.user, dossier=dossier, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu dự thảo quyết định."))
                return redirect("documents:draft", pk=pk)
    votable = dossier.state == dossier.State.VOTED and not dossier.upward
    context = {"dossier": dossier, "form": form, "votable": votable, "is_signer": signer and votable,
               "seen": proposal_services.fingerprint(texts)}
    if signer and votable:
        notices = proposal_services.signing_notices(actor=request.user, dossier=dossier)
        context.update(sign_form=SignForm(initial={"seen": context["seen"]}), signing_notices=notices,
                       ask_confirmation=request.GET.get("xac_nhan") == "1" or any(n.needs_confirmation for n in notices))
    return render(request, "documents/draft.html", context)


@login_required
@xframe_options_sameorigin  # shown inline in the page (<object>)
def draft_pdf(request, pk: int):
    from . import official

    dossier, _editor, _signer = _draft_dossier(request, pk)
    if dossier.state != dossier.State.VOTED or dossier.upward:
        raise Http404("Hồ sơ không còn dự thảo quyết định.")
    data, _seen = official.draft_data(dossier=dossier, viewer=request.user)
    return _send(request, lambda: renderers.render_decision_pdf(data), f"du-thao-quyet-dinh-ho-so-{pk}.pdf", PDF,
                 inline=True)


@login_required
@xframe_options_sameorigin  # shown inline in the page (<object>)
def signed_decision(request, pk: int, fmt: str):
    """The signed decision's kept DOCX or PDF: the very bytes made at the signature."""
    from thidua.proposals import selectors as proposal_selectors

    from .models import FrozenDecision

    if fmt not in ("pdf", "docx"):
        raise Http404
    decision = proposal_selectors.get_decision(user=request.user, pk=pk)
    frozen = FrozenDecision.objects.filter(decision=decision).first()
    if frozen is None:
        raise Http404("Quyết định này không có văn bản lập khi ký trong hệ thống.")
    name = f"quyet-dinh-{_slug(decision.number)}-{decision.date:%Y%m%d}.{fmt}"
    from .official import frozen_bytes

    return _send(request, lambda: frozen_bytes(frozen, fmt), name, PDF if fmt == "pdf" else DOCX, inline=fmt == "pdf")


@login_required
@xframe_options_sameorigin  # shown inline in the page (<object>)
def minutes(request, pk: int, fmt: str):
    """The minutes of a closed council meeting, DOCX or PDF from the one structure."""
    from thidua.proposals import selectors as proposal_selectors

    from . import official

    if fmt not in ("pdf", "docx"):
        raise Http404
    meeting = proposal_selectors.get_meeting(user=request.user, pk=pk)
    if meeting.state != meeting.State.CLOSED:
        raise Http404("Phiên họp chưa kết thúc; biên bản lập sau khi kiểm phiếu.")
    data = official.minutes_data(meeting)
    produce = renderers.render_minutes_pdf if fmt == "pdf" else renderers.render_minutes_docx
    return _send(request, lambda: produce(data), f"bien-ban-hop-hoi-dong-{meeting.pk}.{fmt}",
                 PDF if fmt == "pdf" else DOCX, inline=fmt == "pdf")
