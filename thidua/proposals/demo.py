"""Demo: the 2025 year-end round and the commune council (term 2025–2030) whose members are
the demo accounts chutich (chairman), phochutich (vice-chairman), hoidong (member) and
canbotdkt (secretary). Idempotent."""
from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import User
from thidua.core.services import create_record
from thidua.org.models import Organisation
from thidua.rules.codes import RoundKind

from .models import AwardRound, CouncilMember, CouncilTerm

ROUND_NAME = "Tổng kết phong trào thi đua yêu nước năm 2025"
TERM_NAME = "Hội đồng Thi đua – Khen thưởng xã Nam Thanh Miện nhiệm kỳ 2025–2030"
MEMBERS = [("chutich", CouncilMember.Role.CHAIRMAN), ("phochutich", CouncilMember.Role.VICE_CHAIRMAN),
           ("hoidong", CouncilMember.Role.MEMBER), ("canbotdkt", CouncilMember.Role.SECRETARY)]


def _deadline() -> datetime.date:
    """10/12/2025 (the model deadline for year-end dossiers); when the demo is loaded later
    than that, a month from today, so that the demo round can still be used."""
    model = datetime.date(2025, 12, 10)
    today = timezone.localdate()
    return model if today <= model else today + datetime.timedelta(days=30)


@transaction.atomic
def load(log=print) -> None:
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    if not AwardRound.objects.filter(commune=commune, name=ROUND_NAME).exists():
        create_record(actor=None, model=AwardRound, commune=commune, name=ROUND_NAME, kind=RoundKind.YEAR_END.value,
                      year=2025, deadline=_deadline(), publicity_days=5, audit_note="Dữ liệu mẫu")
        log(f"  + đợt khen thưởng {ROUND_NAME}")
    term = CouncilTerm.objects.filter(commune=commune, name=TERM_NAME).first()
    if term is None:
        term = create_record(actor=None, model=CouncilTerm, commune=commune, name=TERM_NAME,
                             start=datetime.date(2025, 7, 1), end=datetime.date(2030, 6, 30),
                             audit_note="Dữ liệu mẫu")
        log(f"  + {TERM_NAME}")
    for username, role in MEMBERS:
        user = User.objects.filter(username=username).first()
        if user is not None and not term.members.filter(user=user).exists():
            create_record(actor=None, model=CouncilMember, term=term, user=user, role=role, position=user.title,
                          audit_note="Dữ liệu mẫu")
            log(f"  + thành viên Hội đồng {username}")
