"""The giấy mời to a council meeting, from the meeting itself: the members invited by name and
position, the day, hour and place, the dossiers on its agenda; signed for the People's
Committee by its chairman (who chairs the council). DOCX and PDF from this one structure
(``render.render_invitation_docx`` / ``_pdf``); the văn thư numbers it in the register and
the chairman signs the paper."""
from __future__ import annotations

import datetime

from django.utils import timezone

from thidua.accounts import people
from thidua.proposals.models import CouncilMember, Meeting

from .data import InvitationData, IssuerBlock, SignerBlock
from .fmt import place_of
from .official import member_line


def invitation_data(meeting: Meeting, *, day: datetime.date | None = None) -> InvitationData:
    commune = meeting.term.commune
    council = f"Hội đồng Thi đua - Khen thưởng {commune.level_word}"
    day = day or timezone.localdate()
    members = sorted(meeting.term.members.select_related("user__person"),
                     key=lambda m: (CouncilMember.ROLE_ORDER[m.role], m.pk))
    chairman = next((m for m in members if m.role == CouncilMember.Role.CHAIRMAN), None)
    dossiers = list(meeting.dossiers.select_related("unit", "round").order_by("pk"))
    agenda = [f"Xét hồ sơ đề nghị khen thưởng của {d.unit.name} ({d.round.name});" for d in dossiers]
    agenda.append("Thảo luận, bỏ phiếu kín; thông qua biên bản họp.")
    rounds = sorted({d.round.name for d in dossiers})
    meeting_at = (datetime.datetime.combine(meeting.held_on, meeting.starts_at) if meeting.starts_at else None)
    return InvitationData(
        issuer=IssuerBlock.commune_committee(commune.name), number="/GM-UBND", date=day,
        place=place_of(commune.name), title=f"Họp {council}",
        invitees=[member_line(m, meeting.held_on) for m in members],
        purpose=f"Dự họp {council} xét khen thưởng" + (f": {'; '.join(rounds)}." if rounds else "."),
        meeting_at=meeting_at, meeting_day=meeting.held_on,
        location=meeting.location or f"Trụ sở UBND {commune.name_in_text}",
        agenda=agenda,
        note="Hồ sơ đề nghị khen thưởng đã được công khai trên hệ thống; đề nghị các đồng chí nghiên cứu "
             "trước và tham dự đầy đủ, đúng giờ./.",
        signer=SignerBlock.committee_chairman(people.full_name(chairman.user) if chairman else ""),
        recipients=["- Như thành phần mời;", "- Lưu: VT."])
