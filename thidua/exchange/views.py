"""Pages of the exchange app: imports (upload, dry-run preview, commit, undo), reading an old
report, personal API tokens, and the ledger export. Thin: work happens in services."""
from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from thidua.core import pages
from thidua.core.files import upload_limit
from thidua.core.legacy import LegacyTextFormMixin

from . import exports, report, selectors, services
from .importers import IMPORTERS, SLUGS, WorkbookError
from .models import ApiToken, ImportBatch
from .textfiles import decode_text

MAX_UPLOAD = 10 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kind_choices(user):
    return [(slug, IMPORTERS[kind].title) for slug, kind in SLUGS.items() if IMPORTERS[kind].may_import(user)]


class UploadForm(forms.Form):
    loai = forms.ChoiceField(label=_("Loại dữ liệu"))
    tep = forms.FileField(label=_("Tệp Excel (.xlsx)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loai"].choices = _kind_choices(user)

    def clean_tep(self):
        f = self.cleaned_data["tep"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Tệp lớn quá 10 MB; hãy chia nhỏ."))
        return f


class ReportForm(LegacyTextFormMixin, forms.Form):
    encoding_warning = None
    van_ban = forms.CharField(label=_("Dán nội dung báo cáo"), required=False, max_length=report.MAX_CHARS,
                              widget=forms.Textarea(attrs={"rows": 14}))
    tep = forms.FileField(label=_("hoặc tải tệp văn bản (.txt)"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("tep")
        if upload:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("Tệp lớn quá 10 MB."))
            cleaned["van_ban"], self.encoding_warning = decode_text(upload.read())
        if not (cleaned.get("van_ban") or "").strip():
            raise forms.ValidationError(_("Hãy dán nội dung hoặc chọn tệp báo cáo."))
        return cleaned


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Tên gợi nhớ"), max_length=100, initial=_("Kết nối phần mềm"))


@login_required
def index(request):
    return render(request, "exchange/index.html", {
        "kinds": _kind_choices(request.user),
        "batches": selectors.batch_listing(user=request.user)[:10],
        "can_read_report": IMPORTERS["awards"].may_import(request.user),
    })


@upload_limit(MAX_UPLOAD)
@login_required
def import_start(request):
    if not _kind_choices(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user,
                      initial={"loai": request.GET.get("loai")})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["tep"]
        try:
            batch = services.preview_workbook(actor=request.user, kind=SLUGS[form.cleaned_data["loai"]],
                                              data=upload.read(), file_name=upload.name)
        except (WorkbookError, ValidationError) as exc:
            form.add_error("tep", exc.messages[0])
        else:
            return redirect("exchange:batch", pk=batch.pk)
    page = Paginator(selectors.batch_listing(user=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "exchange/import_start.html", {"form": form, "page": page,
                                                          "kinds": _kind_choices(request.user)})


@login_required
def template_download(request, slug: str):
    kind = SLUGS.get(slug)
    if kind is None:
        raise Http404("Không có mẫu này.")
    importer = IMPORTERS[kind]
    if not importer.may_import(request.user):
        raise PermissionDenied
    response = HttpResponse(importer.template(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{slug}.xlsx"'
    return response


def _decisions(request) -> dict:
    return {key[len("quyet-dinh-"):]: value for key, value in request.POST.items() if key.startswith("quyet-dinh-")}


@login_required
def batch_detail(request, pk: int):
    batch = selectors.get_batch(user=request.user, pk=pk)
    rows = batch.rows
    show = request.GET.get("xem", "")
    if show == "loi":
        rows = [r for r in rows if r.get("errors")]
    elif show == "trung":
        rows = [r for r in rows if r.get("duplicate") and not r.get("errors")]
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    columns = [(c.key, c.header) for c in services.importer_for(batch.kind).columns] or [
        ("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Đơn vị"), ("award_text", "Khen thưởng"),
        ("code", "Mã"), ("level", "Cấp"), ("year", "Năm")]
    blockers = services.undo_blockers(batch) if batch.state == ImportBatch.State.COMMITTED else []
    return render(request, "exchange/batch.html", {"batch": batch, "page": page, "columns": columns, "show": show,
                                                   "blockers": blockers})


@login_required
@require_POST
def batch_commit(request, pk: int):
    batch = selectors.get_batch(user=request.user, pk=pk)
    decisions = _decisions(request)
    if len(batch.rows) > services.LARGE_IMPORT_ROWS:
        try:
            services.queue_commit(actor=request.user, batch=batch, decisions=decisions)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.info(request, _("Lô nhập lớn: đang ghi ở nền. Trang này cho biết khi đã ghi xong."))
        return redirect("exchange:batch", pk=batch.pk)
    try:
        batch = services.commit_batch(actor=request.user, batch=batch, decisions=decisions)
    except services.ImportRejected as exc:
        services.recheck_batch(actor=request.user, batch=batch, decisions=decisions)
        messages.error(request, _("Chưa ghi gì: còn %(n)d dòng lỗi. Sửa tệp rồi nhập lại.") % {"n": len(exc.messages)})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã ghi %(n)d bản ghi của lô nhập #%(id)d.") % {"n": batch.summary.get("written", 0),
                                                                                  "id": batch.pk})
    return redirect("exchange:batch", pk=batch.pk)


@login_required
@require_POST
def batch_undo(request, pk: int):
    batch = selectors.get_batch(user=request.user, pk=pk)
    return pages.action(request, lambda data: services.undo_batch(actor=request.user, batch=batch),
                        success=_("Đã hoàn tác lô nhập #%(id)d.") % {"id": batch.pk},
                        back=reverse("exchange:batch", args=[batch.pk]))


@login_required
@require_POST
def batch_discard(request, pk: int):
    batch = selectors.get_batch(user=request.user, pk=pk)
    return pages.action(request, lambda data: services.discard_batch(actor=request.user, batch=batch),
                        back=reverse("exchange:import"))


@upload_limit(MAX_UPLOAD)
@login_required
def read_report(request):
    if not IMPORTERS["awards"].may_import(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.preview_report(actor=request.user, text=form.cleaned_data["van_ban"],
                                            file_name=getattr(form.cleaned_data.get("tep"), "name", "") or "")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if form.encoding_warning:
                messages.warning(request, form.encoding_warning)
            return redirect("exchange:batch", pk=batch.pk)
    return render(request, "exchange/read_report.html", {"form": form})


@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = services.create_token(actor=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm()
    response = render(request, "exchange/tokens.html", {"form": form, "tokens": selectors.api_tokens(user=request.user),
                                                        "new_key": new_key})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(actor=request.user, token=token)
    messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
    return redirect("exchange:tokens")


@login_required
def ledger_export(request):
    year = request.GET.get("nam", "")
    awards = selectors.sorted_award_rows(selectors.awards(user=request.user,
                                                      year=int(year) if year.isdecimal() and len(year) == 4 else None))
    document = exports.ledger_document(awards, base_url=request.build_absolute_uri("/").rstrip("/"),
                                       scope=request.user.unit.name if request.user.unit_id else "toàn hệ thống")
    response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="so-khen-thuong.json"'
    return response


# --- Open Badges 3.0: public issuer profiles, achievements and revocation lists (no login) ------

def _issuer_or_404(key: str) -> str:
    from . import badges

    name = badges.issuer_name_for(key)
    if name is None:
        raise Http404("Không có cơ quan ban hành này.")
    return name


def _json(data: dict, content_type: str = "application/ld+json") -> HttpResponse:
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # verifiers fetch these from anywhere
    return response


def ob_issuer(request, key: str):
    """The issuing body's page for people: who it is, its key, where its machine-readable profile,
    achievements and revocation list are."""
    from thidua.awards.models import Award, AwardType

    from . import badges

    name = _issuer_or_404(key)
    base = request.build_absolute_uri("/").rstrip("/")
    codes = Award.objects.filter(issuer_name=name).order_by().values_list("award_type_id", flat=True).distinct()
    from thidua.core.text import collation_key

    types = sorted(AwardType.objects.filter(pk__in=codes), key=lambda t: collation_key(t.name))
    return render(request, "exchange/ob_issuer.html", {
        "name": name, "profile_url": badges.issuer_id(base, key), "status_url": badges.status_list_url(base, key),
        "jwk": badges.public_jwk(),
        "achievements": [(t, badges.achievement_url(base, t.code)) for t in types]})


def ob_issuer_json(request, key: str):
    from . import badges

    base = request.build_absolute_uri("/").rstrip("/")
    return _json(badges.issuer_profile(base_url=base, key=key, name=_issuer_or_404(key)))


def ob_status_list(request, key: str):
    """The issuer's Bitstring Status List credential (revocation), signed as a VC-JWT."""
    from . import badges

    base = request.build_absolute_uri("/").rstrip("/")
    credential = badges.status_list_credential(base_url=base, key=key, name=_issuer_or_404(key))
    response = HttpResponse(badges.sign(credential, kid=badges.kid(base, key)), content_type=badges.JWT_MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "max-age=300"
    return response


def ob_achievement(request, code: str):
    from thidua.awards.models import AwardType

    from . import badges

    award_type = AwardType.objects.filter(code=code).first()
    if award_type is None:
        raise Http404("Không có danh hiệu, hình thức này.")
    base = request.build_absolute_uri("/").rstrip("/")
    return _json({"@context": [badges.VC_CONTEXT, badges.OB_CONTEXT], **badges.achievement(award_type, base_url=base)})
