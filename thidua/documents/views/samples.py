"""The document templates: samples, the uploaded templates and their defaults."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core.files import upload_limit

from .. import defaults, render as renderers, samples, selectors, services
from ..forms import TemplateUploadForm
from ..models import DocumentTemplate, TemplateKind
from .common import DOCX, PDF, send


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
        return send(request, lambda: renderers.render_decision_pdf(samples.decision(_commune_name(request))),
                     "quyet-dinh-mau.pdf", PDF, inline=True)
    if slug not in SAMPLE_RENDER:
        raise Http404
    return send(request, lambda: SAMPLE_RENDER[slug](_commune_name(request)), f"{slug}-mau.docx", DOCX)


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
        from ..engine import uploaded_template

        content = uploaded_template(kind) or defaults.default_template(kind)
    return send(request, lambda: content, f"mau-{kind}.docx", DOCX)
