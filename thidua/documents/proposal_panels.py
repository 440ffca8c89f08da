"""The documents app's sections of the proposal pages: the decision shown as the rendered
document (its kept PDF inline), the link to the draft on a voted dossier, the minutes of a
closed meeting and the giấy mời to a planned one as DOCX and PDF."""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from thidua.proposals import access
from thidua.proposals.models import Dossier, Meeting
from thidua.proposals.panels import decision_panels, dossier_panels, meeting_panels

from .models import FrozenDecision


def decision_document(request, decision):
    frozen = FrozenDecision.objects.filter(decision=decision).first()
    return "documents/panel_decision.html", {"decision": decision, "frozen": frozen}


def dossier_draft(request, dossier):
    if dossier.state != Dossier.State.VOTED or dossier.upward:
        return None
    user = request.user
    if not (access.can_process(user, dossier) or access.is_signer(user, dossier.round.commune)):
        return None
    return "documents/panel_dossier_draft.html", {"dossier": dossier,
                                                  "is_signer": access.is_signer(user, dossier.round.commune)}


def _meeting_paper(*, state: str, anchor: str, url_name: str, label):
    """A meeting's paper (DOCX and PDF) on its page while the meeting is in ``state``."""

    def panel(request, meeting):
        if meeting.state != state:
            return None
        return "documents/panel_paper.html", {"meeting": meeting, "anchor": anchor, "url_name": url_name,
                                              "label": label}

    return panel


# the giấy mời while the meeting is still to be held, the minutes once it is closed
meeting_invitation = _meeting_paper(
    state=Meeting.State.PLANNED, anchor="giay-moi-hop", url_name="documents:invitation",
    label=_("Giấy mời họp các thành viên Hội đồng (văn bản theo Nghị định 30/2020/NĐ-CP):"))
meeting_minutes = _meeting_paper(
    state=Meeting.State.CLOSED, anchor="bien-ban-van-ban", url_name="documents:minutes",
    label=_("Biên bản họp (văn bản theo Nghị định 30/2020/NĐ-CP):"))


def register() -> None:
    decision_panels.register(decision_document, order=10)
    dossier_panels.register(dossier_draft, order=10)
    meeting_panels.register(meeting_minutes, order=10)
    meeting_panels.register(meeting_invitation, order=5)
