"""The public site (no login) and the staff pages that edit exemplars. Thin views."""
import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_POST

from thidua.accounts.permissions import can
from thidua.core import pages
from thidua.core.files import MAX_PUBLIC_UPLOAD_BYTES, upload_limit
from thidua.documents import signing

from . import selectors, services
from .images import MAX_BYTES
from .forms import ExemplarForm, PhotoForm, PromoteForm, PublishForm, SignedPdfForm, VerifyForm
from .models import Exemplar, ExemplarPhoto, Sector

CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def certificate_url(code: str) -> str:
    """/xac-minh/<code> when the root mount exists, else the same page under /cong-khai/."""
    try:
        return reverse("verification:certificate", args=[code])
    except NoReverseMatch:
        return reverse("public:certificate", args=[code])


def _year(request, years: list[int]) -> int | None:
    raw = request.GET.get("nam", "")
    if raw.isdecimal() and int(raw) in years:
        return int(raw)
    return years[0] if years else None


def board(request):
    commune = selectors.home_commune()
    years = selectors.award_years(commune=commune)
    year = _year(request, years)
    context = {"commune": commune, "years": years, "year": year, "nav": "board",
               "exemplars": selectors.latest_exemplars(commune=commune)}
    if year is not None:
        context.update(selectors.honour_board(commune=commune, year=year))
    return render(request, "public/board.html", context)


def exemplar_list(request):
    commune = selectors.home_commune()
    sector = request.GET.get("linh-vuc", "")
    return render(request, "public/exemplar_list.html", {
        "commune": commune, "nav": "exemplars", "sector": sector if sector in Sector.values else "", "sectors": Sector.choices,
        "exemplars": selectors.exemplar_list(commune=commune, sector=sector)})


def exemplar_detail(request, slug: str):
    exemplar = selectors.get_public_exemplar(slug=slug)
    return render(request, "public/exemplar_detail.html", {
        "commune": exemplar.commune, "nav": "exemplars", "exemplar": exemplar, "awards": selectors.exemplar_awards(exemplar=exemplar)})


def photo(request, pk: int):
    item = selectors.public_photo(pk=pk, user=request.user)
    try:
        handle = item.image.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=item.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "public, max-age=86400" if item.exemplar.is_public else "private, no-store"
    return response


def verify_lookup(request):
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["ma"].strip()
        if CODE_RE.match(code):
            return redirect(certificate_url(code))
        form.add_error("ma", "Mã xác minh chỉ gồm chữ cái không dấu, chữ số, dấu gạch ngang và gạch dưới.")
    return render(request, "public/verify_lookup.html", {"form": form, "commune": selectors.home_commune(), "nav": "verify"},
                  status=400 if form.is_bound else 200)


def verify(request, code: str):
    """/xac-minh/<code>: the award of a printed certificate, or a clear "not found" (404)."""
    award = selectors.verification(code=code) if CODE_RE.match(code) else None
    context = {"award": award, "code": code[:40], "form": VerifyForm(), "nav": "verify",
               "commune": selectors.home_commune(),
               "holder": selectors.holder_name(award) if award else ""}
    response = render(request, "public/verify.html", context, status=200 if award else 404)
    response["X-Robots-Tag"] = "noindex"
    return response


@upload_limit(MAX_PUBLIC_UPLOAD_BYTES)
def verify_document(request):
    """Anyone checks a decision PDF's digital signature (documents.signing): unchanged since it was
    signed, and signed with a certificate the commune trusts. Nothing is stored."""
    form = SignedPdfForm(request.POST or None, request.FILES or None)
    status = signing.verify_pdf(form.cleaned_data["tep"]) if request.method == "POST" and form.is_valid() else None
    response = render(request, "public/verify_document.html", {
        "form": form, "status": status, "nav": "verify", "commune": selectors.home_commune()},
        status=400 if request.method == "POST" and status is None else 200)
    response["X-Robots-Tag"] = "noindex"
    return response


# --- staff -------------------------------------------------------------------------------------

def _editor(user) -> bool:
    return can(user, "edit_public")


@login_required
def manage(request):
    commune = selectors.home_commune() if not request.user.unit_id else (request.user.unit.commune()
                                                                         or selectors.home_commune())
    return render(request, "public/manage_list.html", {
        "exemplars": selectors.staff_exemplars(user=request.user, commune=commune), "can_edit": _editor(request.user),
        "today": timezone.localdate()})


@login_required
def manage_edit(request, pk: int | None = None):
    if not _editor(request.user):
        raise PermissionDenied
    exemplar = selectors.get_staff_exemplar(user=request.user, pk=pk) if pk else None
    form = ExemplarForm(request.POST or None, instance=exemplar, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if exemplar:
                exemplar = services.update_exemplar(actor=request.user, exemplar=exemplar, **data)
            else:
                commune = request.user.unit.commune() if request.user.unit_id else selectors.home_commune()
                exemplar = services.create_exemplar(actor=request.user, commune=commune, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã lưu gương điển hình.")
            return redirect("public:manage_detail", pk=exemplar.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "public/manage_form.html", {"form": form, "exemplar": exemplar}, status=status)


@upload_limit(MAX_BYTES)
@login_required
def manage_detail(request, pk: int):
    exemplar = selectors.get_staff_exemplar(user=request.user, pk=pk)
    can_edit = _editor(request.user)
    photo_form = PhotoForm()
    publish_form = PublishForm(initial={"published_on": exemplar.published_on or timezone.localdate()})
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        photo_form = PhotoForm(request.POST, request.FILES)
        if photo_form.is_valid():
            try:
                services.add_photo(actor=request.user, exemplar=exemplar, upload=photo_form.cleaned_data["image"],
                                   alt_text=photo_form.cleaned_data["alt_text"],
                                   caption=photo_form.cleaned_data["caption"])
            except ValidationError as exc:
                photo_form.add_error("image", exc)
            else:
                messages.success(request, "Đã thêm ảnh.")
                return redirect("public:manage_detail", pk=exemplar.pk)
        status = 400
    return render(request, "public/manage_detail.html", {
        "exemplar": exemplar, "photos": list(exemplar.photos.all()), "can_edit": can_edit,
        "photo_form": photo_form, "publish_form": publish_form}, status=status)


@login_required
@require_POST
def manage_publish(request, pk: int):
    exemplar = selectors.get_staff_exemplar(user=request.user, pk=pk)
    if not _editor(request.user):
        raise PermissionDenied
    try:
        if request.POST.get("action") == "thoi":
            services.unpublish(actor=request.user, exemplar=exemplar)
            messages.success(request, "Đã thôi công bố.")
        else:
            form = PublishForm(request.POST)
            if not form.is_valid():
                raise ValidationError("Ngày công bố không hợp lệ (dd/mm/yyyy).")
            services.publish(actor=request.user, exemplar=exemplar, published_on=form.cleaned_data["published_on"])
            messages.success(request, "Đã công bố.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("public:manage_detail", pk=exemplar.pk)


@login_required
@require_POST
def manage_photo_delete(request, pk: int):
    item = ExemplarPhoto.objects.select_related("exemplar").filter(pk=pk).first()
    if item is None:
        raise Http404
    selectors.get_staff_exemplar(user=request.user, pk=item.exemplar_id)
    if not _editor(request.user):
        raise PermissionDenied
    return pages.action(request, lambda data: services.delete_photo(actor=request.user, photo=item),
                        success="Đã xóa ảnh.", back=reverse("public:manage_detail", args=[item.exemplar_id]))


# --- publicity: embeddable block, poster, Open Graph, radio bulletins ----------------------------

@xframe_options_exempt
def embed(request):
    """An iframe-safe block for the commune's portal: the exemplars of the month and the
    honour board's highest titles and forms. The only page that may be framed."""
    commune = selectors.home_commune()
    today = timezone.localdate()
    month, month_items = selectors.month_exemplars(commune=commune, today=today)
    years = selectors.award_years(commune=commune)
    context = {"commune": commune, "month": month, "month_exemplars": month_items, "year": years[0] if years else None}
    if years:
        context.update(selectors.honour_board(commune=commune, year=years[0]))
    response = render(request, "public/embed.html", context)
    response["Cache-Control"] = "public, max-age=600"
    return response


def _photo_data_uri(photo) -> str:
    import base64

    try:
        with photo.image.open("rb") as fh:
            data = fh.read()
    except (FileNotFoundError, OSError):
        return ""
    return f"data:{photo.content_type};base64,{base64.b64encode(data).decode()}"


def poster(request):
    """The honour board as a printable A3 poster (PDF), for the commune's notice board."""
    from thidua.documents.engine import render_pdf

    commune = selectors.home_commune()
    years = selectors.award_years(commune=commune)
    year = _year(request, years)
    month, month_items = selectors.month_exemplars(commune=commune, today=timezone.localdate())
    cards = []
    for e in month_items[:6]:
        first = e.photos.all()[0] if e.photos.all() else None
        cards.append({"e": e, "photo": _photo_data_uri(first) if first else "", "alt": first.alt_text if first else ""})
    context = {"commune": commune, "year": year, "month": month, "cards": cards}
    if year is not None:
        context.update(selectors.honour_board(commune=commune, year=year))
    pdf = render_pdf("public/poster.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bang-vang-{year or "xa"}-A3.pdf"'
    return response


def _month(request) -> datetime.date:
    raw = request.GET.get("thang", "")
    try:
        month, year = (int(x) for x in raw.split("/"))
        return datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return timezone.localdate().replace(day=1)


@login_required
def radio(request):
    """Bản tin Đài truyền thanh of a month: one text per decision signed and per exemplar
    published, written for reading aloud."""
    from . import radio as bulletins

    if not (request.user.is_superuser or request.user.is_commune_wide):
        raise PermissionDenied
    commune = selectors.home_commune() if not request.user.unit_id else (request.user.unit.commune()
                                                                         or selectors.home_commune())
    month = _month(request)
    if not 2000 <= month.year <= 2100:
        month = timezone.localdate().replace(day=1)
    items = [bulletins.decision_bulletin(d, awards)
             for d, awards in selectors.month_decisions(commune=commune, year=month.year, month=month.month)]
    items += [bulletins.exemplar_bulletin(e) for e in Exemplar.objects.public().filter(
        commune=commune, published_on__year=month.year, published_on__month=month.month).order_by("published_on")]
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return render(request, "public/radio.html", {"month": month, "bulletins": items, "previous": previous,
                                                 "following": following, "commune": commune})


@login_required
def promote_practice(request, pk: int):
    """A new factor or good practice (thidua.inspections) made an exemplar of the honour board
    in one step."""
    from thidua.inspections.selectors import get_practice

    practice = get_practice(user=request.user, pk=pk)
    if not _editor(request.user):
        raise PermissionDenied
    if practice.promoted_on is not None and hasattr(practice, "exemplar"):
        return redirect("public:manage_detail", pk=practice.exemplar.pk)
    form = PromoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exemplar = services.promote_practice(actor=request.user, practice=practice, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã nêu gương trên bảng vàng.")
            return redirect("public:manage_detail", pk=exemplar.pk)
    return render(request, "public/promote.html", {"form": form, "practice": practice},
                  status=400 if request.method == "POST" else 200)
