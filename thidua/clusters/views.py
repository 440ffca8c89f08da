"""Pages of the city's clusters of communes. Thin: validate, call one service or selector,
render; refusals answer 4xx with their Vietnamese message (the movements app's pages' way)."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.files import upload_limit
from thidua.core.pages import add_refusal
from thidua.movements import services as movement_services
from thidua.movements.forms import CriteriaSetForm, CriterionForm, PactForm, SignForm
from thidua.movements.models import CriteriaSet, Criterion, Movement, Pact
from thidua.movements.selectors import current_scorecard, scorecard_rows
from thidua.movements.views.common import action, form_page, form_view
from thidua.proposals.access import is_signer

from . import selectors, services
from .access import can_manage_clusters, city_of, commune_of, is_leader_officer
from .forms import ClusterForm, LeaderForm, ScoreForm, YearForm


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền làm việc này."))


def _submit(request, form, save, *, title, cancel):
    """A form page: on a valid POST, ``save()`` (a service) and go to the page it returns; a
    refusal re-renders the form with its Vietnamese message (400)."""
    if request.method == "POST" and form.is_valid():
        try:
            return redirect(save())
        except ValidationError as exc:
            add_refusal(form, exc)
    return form_page(request, form, title=title, submit=_("Lưu"), cancel=cancel, status=400 if form.errors else 200)


def _back(cy) -> str:
    return f"{reverse('clusters:cluster', args=[cy.cluster_id])}?nam={cy.year}"


PER_PAGE = 50  # clusters a page of the list


@login_required
def cluster_list(request):
    page = selectors.cluster_list(user=request.user, page=request.GET.get("page"), per_page=PER_PAGE)
    return render(request, "clusters/list.html", {"page": page, "can_manage": can_manage_clusters(request.user)})


@form_view
def cluster_create(request):
    _require(can_manage_clusters(request.user))
    form = ClusterForm(request.POST or None)
    return _submit(request, form, lambda: services.create_cluster(actor=request.user, name=form.cleaned_data["name"]),
                   title=_("Cụm thi đua mới"), cancel=reverse("clusters:list"))


@login_required
def cluster_detail(request, pk: int):
    cluster = selectors.get_cluster(user=request.user, pk=pk)
    try:
        year = int(request.GET.get("nam", ""))
    except ValueError:
        year = None
    context = selectors.cluster_page(user=request.user, cluster=cluster, year=year)
    cy = context["cy"]
    commune = commune_of(request.user)
    city = context.get("city")
    if city:
        for p in context["proposals"]:
            p.city_nomination = city["outcomes"].get(p.commune_id)
    context.update({
        "can_send": bool(cy and cy.leader_id and context.get("proposals") and cy.sent_at is None
                         and is_signer(request.user, cy.leader)),
        "opens_city_dossier": bool(cy and (can_manage_clusters(request.user)
                                           or (commune is not None and commune.pk == cy.leader_id))),
        "can_manage": can_manage_clusters(request.user),
        "is_leader": bool(cy and is_leader_officer(request.user, cy)),
        "can_sign": bool(cy and context.get("pact") and commune is not None and request.user.can_manage_records
                         and any(m["commune"].pk == commune.pk and not m["signature"] for m in context["members"])),
    })
    return render(request, "clusters/cluster.html", context)


@form_view
def year_open(request, pk: int):
    _require(can_manage_clusters(request.user))
    cluster = selectors.get_cluster(user=request.user, pk=pk)
    form = YearForm(request.POST or None, city=city_of(request.user))
    return _submit(request, form, lambda: _back(services.open_year(actor=request.user, cluster=cluster,
                                                                    **form.cleaned_data)),
                   title=_("Năm thi đua mới của %(name)s") % {"name": cluster.name},
                   cancel=reverse("clusters:cluster", args=[pk]))


@form_view
def leader_edit(request, pk: int):
    _require(can_manage_clusters(request.user))
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    form = LeaderForm(request.POST or None, members=cy.block.members.all(), initial={"leader": cy.leader})
    return _submit(request, form, lambda: _back(services.set_leader(
        actor=request.user, cluster_year=cy, leader=form.cleaned_data["leader"], note=form.cleaned_data["note"])),
        title=_("Cụm trưởng %(cy)s") % {"cy": cy}, cancel=_back(cy))


@form_view
def pact_create(request, pk: int):
    _require(can_manage_clusters(request.user))
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    form = PactForm(request.POST or None)

    def save():
        movement_services.create_pact(actor=request.user, block=cy.block, **form.cleaned_data)
        return _back(cy)
    return _submit(request, form, save, title=_("Giao ước thi đua %(cy)s") % {"cy": cy}, cancel=_back(cy))


@action
def pact_sign(request, pk: int):
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    pact = get_object_or_404(Pact, block=cy.block)
    commune = commune_of(request.user)
    _require(commune is not None)
    form = SignForm(request.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    movement_services.sign_pact(actor=request.user, pact=pact, organisation=commune, **form.cleaned_data)
    messages.success(request, _("%(unit)s đã ký giao ước.") % {"unit": commune})
    return redirect(_back(cy))


@form_view
def criteria_edit(request, pk: int):
    """The cluster's criteria: first the set (bands, the award of the leading commune), then
    its criteria one by one — the movements app's criteria sets, versions included."""
    _require(can_manage_clusters(request.user))
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    cs = CriteriaSet.objects.filter(block=cy.block).order_by("-version").first()
    if cs is None:
        form = CriteriaSetForm(request.POST or None, movements=Movement.objects.filter(pk=cy.movement_id),
                               initial={"movement": cy.movement})
    else:
        form = CriterionForm(request.POST or None)

    def save():
        if cs is None:
            services.create_criteria(actor=request.user, cluster_year=cy, name=form.cleaned_data["name"],
                                     bands=form.bands(), top_award=form.cleaned_data["top_award"],
                                     note=form.cleaned_data["note"])
        else:
            movement_services.add_criterion(actor=request.user, criteria_set=cs, **form.service_fields())
        return _back(cy)
    title = _("Bộ tiêu chí %(cy)s") % {"cy": cy} if cs is None else _("Thêm tiêu chí: %(cs)s") % {"cs": cs}
    return _submit(request, form, save, title=title, cancel=_back(cy))


def _criterion(cy, value) -> Criterion:
    """The criterion of the cluster's criteria named by a posted id (else a clear refusal)."""
    try:
        pk = int(str(value or "").strip())
    except ValueError:
        pk = 0
    criterion = Criterion.objects.filter(pk=pk, criteria_set__block=cy.block).first() if 0 < pk < 2 ** 31 else None
    if criterion is None:
        raise ValidationError(_("Không tìm thấy tiêu chí cần chấm."))
    return criterion


@upload_limit()
@form_view
def score(request, pk: int, org: int):
    """The leader's officer scores one member commune, criterion by criterion, with evidence."""
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    leader = is_leader_officer(request.user, cy)
    _require(leader or can_manage_clusters(request.user))
    commune = selectors.member(cluster_year=cy, pk=org)
    error, status = None, 200
    if request.method == "POST":
        _require(leader)
        form = ScoreForm(request.POST, request.FILES)
        try:
            criterion = _criterion(cy, request.POST.get("criterion"))
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            upload = form.cleaned_data.get("evidence")
            services.enter_score(actor=request.user, cluster_year=cy, commune=commune, criterion=criterion,
                                 points=form.cleaned_data["points"], note=form.cleaned_data["note"],
                                 files=[upload] if upload else [])
        except ValidationError as exc:
            error, status = " ".join(exc.messages), 409 if getattr(exc, "code", None) == "locked" else 400
        else:
            return redirect(f"{reverse('clusters:score', args=[pk, org])}#tc-{criterion.pk}")
    card = current_scorecard(organisation=commune, block=cy.block)
    cs = card.criteria_set if card else CriteriaSet.objects.filter(block=cy.block).order_by("-version").first()
    rows = scorecard_rows(scorecard=card) if card else None
    criteria = list(cs.criteria.all()) if cs else []
    by_criterion = {r["criterion"].pk: r["score"] for r in rows["rows"]} if rows else {}
    return render(request, "clusters/score.html", {
        "cy": cy, "commune": commune, "card": card, "cs": cs, "rows": rows, "error": error,
        "lines": [{"criterion": c, "score": by_criterion.get(c.pk)} for c in criteria],
        "editable": leader and not (card and card.is_locked), "today": timezone.localdate(),
    }, status=status)


@action
def lock(request, pk: int):
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    n = services.lock_scores(actor=request.user, cluster_year=cy)
    messages.success(request, _("Đã khóa kết quả chấm điểm của %(n)s xã, phường.") % {"n": n})
    return redirect(_back(cy))


@action
def propose(request, pk: int):
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    proposals = services.propose_awards(actor=request.user, cluster_year=cy,
                                        ranking=selectors.ranking(user=request.user, cluster_year=cy))
    messages.success(request, _("Cụm đã đề nghị khen thưởng cho %(n)s xã, phường.") % {"n": len(proposals)})
    return redirect(_back(cy))


@action
def send(request, pk: int):
    """The leader commune's chairman signs the cluster's tờ trình to the city."""
    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    cy = services.send_to_city(actor=request.user, cluster_year=cy)
    messages.success(request, _("Đã ký Tờ trình số %(number)s gửi thành phố; chờ Ban Thi đua – Khen thưởng thành phố "
                                "tiếp nhận.") % {"number": cy.submission_number})
    return redirect(_back(cy))


@login_required
def submission(request, pk: int):
    """The cluster's tờ trình of its proposal (DOCX), for the city's office and the leader."""
    from django.http import Http404, HttpResponse

    from .documents import submission_docx

    cy = selectors.get_cluster_year(user=request.user, pk=pk)
    _require(can_manage_clusters(request.user) or is_leader_officer(request.user, cy))
    if not cy.proposals.exists():
        raise Http404("Cụm chưa đề nghị khen thưởng.")
    response = HttpResponse(submission_docx(cy), content_type=(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    response["Content-Disposition"] = f'attachment; filename="to-trinh-cum-thi-dua-{cy.year}.docx"'
    return response
