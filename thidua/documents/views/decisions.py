"""The decision of a proposal: the draft, its preview, the signed document; the council's minutes."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from thidua.core.pages import attempt

from .. import render as renderers
from ..forms import DecisionDraftForm
from .common import PDF, official_format, send, send_official, slug


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
        if form.is_valid() and attempt(form, lambda: proposal_services.save_decision_draft(
                actor=request.user, dossier=dossier, **form.cleaned_data)):
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
    from .. import official

    dossier, _editor, _signer = _draft_dossier(request, pk)
    if dossier.state != dossier.State.VOTED or dossier.upward:
        raise Http404("Hồ sơ không còn dự thảo quyết định.")
    data, _seen = official.draft_data(dossier=dossier, viewer=request.user)
    return send(request, lambda: renderers.render_decision_pdf(data), f"du-thao-quyet-dinh-ho-so-{pk}.pdf", PDF,
                 inline=True)


@login_required
@xframe_options_sameorigin  # shown inline in the page (<object>)
def signed_decision(request, pk: int, fmt: str):
    """The signed decision's kept DOCX or PDF: the very bytes made at the signature."""
    from thidua.proposals import selectors as proposal_selectors

    from ..models import FrozenDecision

    official_format(fmt)
    decision = proposal_selectors.get_decision(user=request.user, pk=pk)
    frozen = FrozenDecision.objects.filter(decision=decision).first()
    if frozen is None:
        raise Http404("Quyết định này không có văn bản lập khi ký trong hệ thống.")
    from ..frozen import frozen_bytes

    return send_official(request, lambda: frozen_bytes(frozen, fmt),
                         f"quyet-dinh-{slug(decision.number)}-{decision.date:%Y%m%d}", fmt)


@login_required
@xframe_options_sameorigin  # shown inline in the page (<object>)
def minutes(request, pk: int, fmt: str):
    """The minutes of a closed council meeting, DOCX or PDF from the one structure."""
    from thidua.proposals import selectors as proposal_selectors

    from .. import official

    official_format(fmt)
    meeting = proposal_selectors.get_meeting(user=request.user, pk=pk)
    if meeting.state != meeting.State.CLOSED:
        raise Http404("Phiên họp chưa kết thúc; biên bản lập sau khi kiểm phiếu.")
    data = official.minutes_data(meeting)
    produce = renderers.render_minutes_pdf if fmt == "pdf" else renderers.render_minutes_docx
    return send_official(request, lambda: produce(data), f"bien-ban-hop-hoi-dong-{meeting.pk}", fmt)


@login_required
@xframe_options_sameorigin
def invitation(request, pk: int, fmt: str):
    """The giấy mời to a council meeting, DOCX or PDF from the one structure (``invitation``)."""
    from thidua.proposals import selectors as proposal_selectors

    from ..invitation import invitation_data

    official_format(fmt)
    meeting = proposal_selectors.get_meeting(user=request.user, pk=pk)
    data = invitation_data(meeting)
    produce = renderers.render_invitation_pdf if fmt == "pdf" else renderers.render_invitation_docx
    return send_official(request, lambda: produce(data), f"giay-moi-hop-hoi-dong-{meeting.pk}", fmt)
