"""Scoring: a unit's scorecard, its rows (htmx), evidence, the scorers' queue, the ranking."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import can_see_organisation
from thidua.core.files import upload_limit

from .. import excel, selectors, services
from ..access import can_manage, can_score
from ..forms import RescoreForm, ReturnForm, ReviewForm, SelfScoreForm
from ..models import Criterion, Evidence
from .common import (
    REFUSALS, action, file_response, form_invalid, page_context, refusal, refused, require, visible_unit, year_filter,
)


@action
def scorecard_open(request, set_pk: int, org: int):
    cs = selectors.get_criteria_set(user=request.user, pk=set_pk)
    unit = visible_unit(request.user, org)
    scorecard = services.open_scorecard(actor=request.user, organisation=unit, criteria_set=cs)
    return redirect("movements:scorecard", pk=scorecard.pk)


@action
def scorecard_rescore(request, pk: int):
    """The officer's decision: score this unit again under the block's newest criteria-set
    version (the earlier scorecard stays as it is)."""
    require(can_manage(request.user))
    card = selectors.get_scorecard(user=request.user, pk=pk)
    form = RescoreForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Phải ghi lý do chấm lại theo phiên bản mới."))
    new = services.rescore_under_version(actor=request.user, scorecard=card, reason=form.cleaned_data["reason"])
    messages.success(request, _("%(unit)s sẽ được chấm lại theo phiên bản %(v)s; bảng điểm phiên bản %(old)s được giữ "
                                "nguyên.") % {"unit": card.organisation, "v": new.criteria_set.version,
                                              "old": card.criteria_set.version})
    return redirect("movements:scorecard", pk=new.pk)


def _row_response(request, *, pk: int, criterion_pk: int, error: str | None, status: int):
    """The answer to a row's save: the row (htmx) or, without JS, the page or the refusal."""
    if not request.headers.get("HX-Request"):
        if error:
            return refused(request, error, status)
        return redirect(f"{reverse('movements:scorecard', args=[pk])}#tc-{criterion_pk}")
    page = selectors.scorecard_page(user=request.user, scorecard=selectors.get_scorecard(user=request.user, pk=pk))
    return render(request, "movements/_score_row.html",
                  {**page_context(page), "row": page.row(criterion_pk), "error": error, "saved": not error, "oob": True},
                  status=status)


@login_required
def scorecard(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    return render(request, "movements/scorecard.html", page_context(selectors.scorecard_page(user=request.user, scorecard=card)))


@upload_limit()
@login_required
@require_POST
def score_row(request, pk: int, criterion: int):
    """Save one criterion's score (htmx swaps the row; without JS the page reloads)."""
    card = selectors.get_scorecard(user=request.user, pk=pk)
    item = get_object_or_404(Criterion, pk=criterion, criteria_set_id=card.criteria_set_id)
    mode = selectors.scoring_mode(request.user, card)
    error, status = None, 200
    try:
        if mode == "self":
            form = SelfScoreForm(request.POST, request.FILES)
            if not form.is_valid():
                raise form_invalid(form)
            upload = form.cleaned_data.get("evidence")
            services.self_score(actor=request.user, scorecard=card, criterion=item, points=form.cleaned_data["points"],
                                note=form.cleaned_data["note"], files=[upload] if upload else [])
        elif mode == "review":
            form = ReviewForm(request.POST)
            if not form.is_valid():
                raise form_invalid(form)
            services.review_score(actor=request.user, scorecard=card, criterion=item, **form.cleaned_data)
        else:
            raise PermissionDenied(_("Bạn không có quyền chấm điểm bảng điểm này."))
    except REFUSALS as exc:
        error, status = refusal(exc)
    return _row_response(request, pk=pk, criterion_pk=item.pk, error=error, status=status)


@action
def scorecard_submit(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    services.submit_scorecard(actor=request.user, scorecard=card)
    messages.success(request, _("Đã nộp kết quả tự chấm; chờ Hội đồng chấm."))
    return redirect("movements:scorecard", pk=pk)


@action
def scorecard_return(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        raise ValidationError(_("Phải ghi lý do trả lại."))
    services.return_scorecard(actor=request.user, scorecard=card, reason=form.cleaned_data["reason"])
    messages.success(request, _("Đã trả lại bảng điểm cho đơn vị."))
    return redirect("movements:scorecard", pk=pk)


@action
def scorecard_lock(request, pk: int):
    card = selectors.get_scorecard(user=request.user, pk=pk)
    services.lock_scorecard(actor=request.user, scorecard=card)
    messages.success(request, _("Đã khóa kết quả chấm điểm của %(unit)s.") % {"unit": card.organisation})
    return redirect("movements:scorecard", pk=pk)


def _evidence(request, pk: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("score__scorecard__organisation"), pk=pk)
    if not can_see_organisation(request.user, evidence.score.scorecard.organisation):
        raise Http404("Không tìm thấy minh chứng.")
    return evidence


@login_required
def evidence_file(request, pk: int):
    evidence = _evidence(request, pk)
    return file_response(evidence.file, evidence.original_name)


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = _evidence(request, pk)
    error, status = None, 200
    try:
        services.delete_evidence(actor=request.user, evidence=evidence)
    except REFUSALS as exc:
        error, status = refusal(exc)
    return _row_response(request, pk=evidence.score.scorecard_id, criterion_pk=evidence.score.criterion_id,
                         error=error, status=status)


@login_required
def queue(request):
    require(can_score(request.user))
    year, available = year_filter(request, request.user)
    return render(request, "movements/queue.html", {
        "year": year, "years": available, **selectors.scorer_queue(user=request.user, year=year)})


@login_required
def ranking(request, year: int):
    try:
        block_id = int(request.GET["khoi"]) if request.GET.get("khoi") else None
    except ValueError:
        block_id = None
    return render(request, "movements/ranking.html", {
        "year": year, "blocks": selectors.block_rankings(user=request.user, year=year, block_id=block_id),
        "all_blocks": block_id is None, "can_manage": can_manage(request.user)})


@login_required
def ranking_excel(request, year: int):
    return excel.ranking_workbook(user=request.user, year=year)
