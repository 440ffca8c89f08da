import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_edit_in
from thidua.core.excel import xlsx_response
from thidua.core.pages import attempt
from thidua.org import selectors as org_selectors

from . import candidates, engine, exports, selectors, services
from .panels import candidate_actions
from .forms import (
    RATING_CHOICES, AwardForm, BaseSalaryForm, CandidateFilterForm, CloseMatterForm, DisciplineForm, ParameterForm,
    PendingMatterForm, PersonRatingForm, RegulationForm, ReturnSheetForm,
)
from .models import PendingMatter, Rating, RatingSheet, RuleParameter


def _default_year() -> int:
    """The year under review: the latest year with ratings recorded, else last year."""
    latest = Rating.objects.order_by("-year").values_list("year", flat=True).first()
    return latest or datetime.date.today().year - 1


CANDIDATES_PER_PAGE = 100
CANDIDATE_GROUPS = {"du": "eligible", "thieu-mot": "one_short", "chua-du": "others"}


class _ListedTarget:
    """One target's list as the candidate actions of higher apps read it (``panels``): its
    code and, only when an action asks, every eligible candidate of the scope."""

    def __init__(self, listing, code: str):
        self.code = code
        self._listing = listing

    @cached_property
    def eligible(self):
        rows = self._listing.rows(self.code, "eligible")
        return rows[0:len(rows)]


@login_required
def candidate_list(request):
    data = request.GET.copy()
    data.setdefault("nam", str(_default_year()))
    form = CandidateFilterForm(data, user=request.user)
    listing, year, unit, target, group, page, actions = None, None, None, None, None, None, []
    if form.is_valid():
        year = form.cleaned_data["nam"]
        unit = form.cleaned_data["don_vi"]
        code = form.cleaned_data["doi_tuong"]
        if request.GET.get("xuat") == "xlsx":
            lists = candidates.build(user=request.user, year=year, unit=unit, targets=[code] if code else None)
            scope = unit.name if unit else (request.user.unit.name if request.user.unit else "")
            return xlsx_response(exports.candidates_workbook(lists, year=year, scope_name=scope),
                                 f"du-dieu-kien-{year}.xlsx")
        listing = candidates.listing(user=request.user, year=year, unit=unit, targets=[code] if code else None)
        target = listing.count_of(code) if code else None
        if target is not None:  # one detailed list, a group at a time, a page at a time
            group = CANDIDATE_GROUPS.get(request.GET.get("nhom", ""), "eligible")
            page = Paginator(listing.rows(code, group), CANDIDATES_PER_PAGE).get_page(request.GET.get("page"))
            actions = candidate_actions.render_list(
                request, {"target": _ListedTarget(listing, code), "year": year, "unit": unit})
    return render(request, "awards/candidates.html", {
        "form": form, "listing": listing, "year": year, "unit": unit, "target": target, "group": group,
        "page": page, "actions": actions, "groups": CANDIDATE_GROUPS})


@login_required
def catalogue(request):
    context = selectors.catalogue()
    context["can_edit"] = can(request.user, "administer")
    return render(request, "awards/catalogue.html", context)


@login_required
def parameter_edit(request, pk: int):
    parameter = get_object_or_404(RuleParameter, pk=pk)
    if not can(request.user, "administer"):
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
    if not can(request.user, "administer"):
        raise PermissionDenied
    form = BaseSalaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.add_base_salary(actor=request.user, **form.cleaned_data)):
        messages.success(request, "Đã thêm mức lương cơ sở.")
        return redirect("awards:catalogue")
    return render(request, "awards/base_salary_form.html", {"form": form})


@login_required
def ledger(request):
    year = request.GET.get("nam")
    code = request.GET.get("ma", "")
    year_value = int(year) if year and year.isdecimal() else None
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
    items = selectors.initiatives(user=request.user, year=int(year) if year and year.isdecimal() else None)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(request, "awards/initiatives.html", {"page": page, "year": year or ""})


@login_required
def award_add_person(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    _require_ledger(request.user)
    form = AwardForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.record_award(actor=request.user, subject=person, source="Nhập tay vào sổ",
                                                **form.cleaned_data)):
        messages.success(request, "Đã ghi vào sổ khen thưởng.")
        return redirect("org:person", pk=person.pk)
    return render(request, "awards/award_form.html", {"form": form, "subject": person})


def _require_ledger(user) -> None:
    if not can(user, "manage_ledger"):
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
    if form is not None and form.is_valid() and attempt(form, lambda: write(form.cleaned_data)):
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


# --- Yearly ratings in the pages ------------------------------------------------------------------

def _year(value, default: int) -> int:
    return int(value) if value and str(value).isdecimal() and 2000 <= int(value) <= 2100 else default


@login_required
def ratings(request):
    """The units in scope with how far their ratings of the year have come."""
    year = _year(request.GET.get("nam"), datetime.date.today().year)
    lines = selectors.rating_units(user=request.user, year=year)
    if request.user.role == Role.CLERK and len(lines) == 1:  # a clerk goes straight to her unit's grid
        return redirect("awards:rating_grid", pk=lines[0].unit.pk, year=year)
    return render(request, "awards/ratings.html", {"year": year, "lines": lines})


def _grid_rights(user, unit) -> dict:
    office = can(user, "manage_ledger")
    clerk = user.role == Role.CLERK and can_edit_in(user, unit)
    return {"office": office, "clerk": clerk}


@login_required
def rating_grid(request, pk: int, year: int):
    """One unit's members and their ratings of ``year``: entered by the unit's clerk with the
    keyboard (one letter a row), sent, then confirmed by the commune's officer."""
    unit = org_selectors.get_organisation(user=request.user, pk=pk)  # outside the scope: 404
    rights = _grid_rights(request.user, unit)
    if not (rights["office"] or rights["clerk"] or request.user.is_commune_wide):
        raise PermissionDenied
    grid = selectors.rating_grid(unit=unit, year=year)
    posted, error, status = None, None, 200
    if request.method == "POST":
        action = request.POST.get("action", "luu")
        return_form = ReturnSheetForm(request.POST if action == "tra-lai" else None)
        try:
            if action == "luu":
                posted = {r.person.pk: request.POST.get(f"r-{r.person.pk}", "") for r in grid.rows}
                services.save_rating_grid(
                    actor=request.user, unit=unit, year=year, ratings=posted,
                    notes={r.person.pk: request.POST.get(f"n-{r.person.pk}", "") for r in grid.rows},
                    unit_rating=request.POST.get("unit_rating") or None)
                done = f"Đã lưu xếp loại của {sum(1 for v in posted.values() if v)} người."
            elif action == "gui":
                services.submit_rating_sheet(actor=request.user, unit=unit, year=year)
                done = "Đã gửi bảng xếp loại cho cán bộ thi đua – khen thưởng xã."
            elif action == "xac-nhan":
                services.confirm_rating_sheet(actor=request.user, unit=unit, year=year)
                done = "Đã xác nhận bảng xếp loại."
            elif action == "tra-lai":
                if not return_form.is_valid():
                    raise ValidationError("Phải ghi lý do trả lại.")
                services.return_rating_sheet(actor=request.user, unit=unit, year=year,
                                             reason=return_form.cleaned_data["reason"])
                done = "Đã trả lại bảng xếp loại cho đơn vị."
            else:
                raise ValidationError("Thao tác không hợp lệ.")
        except ValidationError as exc:
            error, status = exc.messages, 400
            grid = selectors.rating_grid(unit=unit, year=year)
        else:
            messages.success(request, done)
            return redirect("awards:rating_grid", pk=unit.pk, year=year)
    state = grid.state
    editable = rights["office"] or (rights["clerk"] and state == RatingSheet.State.DRAFT)
    return render(request, "awards/rating_grid.html", {
        "grid": grid, "choices": RATING_CHOICES, "editable": editable, "rights": rights, "errors": error,
        "posted": posted or {}, "State": RatingSheet.State, "return_form": ReturnSheetForm(),
    }, status=status)


@login_required
def person_rating(request, pk: int):
    """A person's yearly ratings, and one of them entered or changed."""
    person = org_selectors.get_person(user=request.user, pk=pk)
    if not request.user.can_manage_records:
        raise PermissionDenied
    form = PersonRatingForm(request.POST or None, initial={"year": datetime.date.today().year})
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.set_person_rating(actor=request.user, person=person, **form.cleaned_data)):
        messages.success(request, "Đã ghi xếp loại.")
        return redirect("org:person", pk=person.pk)
    return render(request, "awards/person_rating.html", {
        "form": form, "person": person, "ratings": Rating.objects.filter(person=person).order_by("-year"),
    }, status=400 if form.is_bound and form.errors else 200)

@login_required
def regulation(request):
    """The province's regulation (administrator): number, date, issuing body, the article of
    each provincial rule, the council's vote rule; and what every rule cites now."""
    from . import regulation as reg

    if not can(request.user, "administer"):
        raise PermissionDenied
    commune = request.user.unit.commune() if request.user.unit_id else None
    current = reg.regulation_for(commune)
    params = selectors.current_rule_parameters(commune)
    initial = {"council_vote_rule": params.council_vote_rule, "document_kind": "Quyết định",
               "province": reg.province_of(commune)}
    if current is not None:
        initial.update(province=current.province, document_kind=current.document_kind, number=current.number,
                       signed_on=current.signed_on, issuer=current.issuer, title=current.title,
                       **{f"dieu_{a.rule_key}": a.article for a in current.articles.all()})
    form = RegulationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(form, lambda: services.save_regulation(
                actor=request.user, province=data["province"], number=data["number"], signed_on=data["signed_on"],
                issuer=data["issuer"], title=data["title"], document_kind=data["document_kind"],
                articles=form.articles(), council_vote_rule=data["council_vote_rule"])):
            messages.success(request, "Đã lưu quy định của tỉnh.")
            return redirect("awards:regulation")
    return render(request, "awards/regulation.html", {
        "form": form, "regulation": current, "rules": reg.rule_rows(commune),
        "council_rule": engine.council_rule_for(commune, params)})
