"""Operation this app adds to the benchmark (``thidua.bench.benchmark``): the chairman signs a
decision of 500 names — the dossier the council passed becomes a numbered decision and 500
awards enter the ledger (each audited). Signed inside a transaction that is rolled back, so the
same dossier is signed again by the next run."""
from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from thidua.accounts.models import Role, User
from thidua.awards.models import AwardType
from thidua.org.models import Person
from thidua.rules import codes

from thidua.proposals import services
from thidua.proposals.models import AwardRound, CouncilTerm, Dossier, Meeting, Nomination

ROUND_NAME = "Đợt đo hiệu năng (make_province)"
FULL_NAMES = 500
QUICK_NAMES = 20
PAGE_NAMES = 30  # a unit's dossier, for the dossier page


def _chairman(commune) -> User:
    user, _ = User.objects.get_or_create(username=f"bench_chairman_{commune.pk}",
                                         defaults={"role": Role.CHAIRMAN, "unit": commune,
                                                   "first_name": "Chủ tịch", "last_name": "Đo hiệu năng"})
    return user


def voted_dossier(commune, names: int) -> Dossier:
    """A dossier of ``names`` nominations (Giấy khen of the commune chairman) that the council
    passed; created once, reused by later runs."""
    today = timezone.localdate()
    award_round, _ = AwardRound.objects.get_or_create(
        commune=commune, name=ROUND_NAME,
        defaults={"kind": codes.RoundKind.YEAR_END.value, "year": today.year, "deadline": today})
    dossier = (Dossier.objects.filter(round=award_round, state=Dossier.State.VOTED)
               .annotate(names=Count("nominations")).filter(names=names).first())
    if dossier is not None:
        return dossier
    term = CouncilTerm.objects.create(commune=commune, name=ROUND_NAME, start=datetime.date(today.year, 1, 1))
    meeting = Meeting.objects.create(term=term, held_on=today, state=Meeting.State.CLOSED)
    dossier = Dossier.objects.create(round=award_round, unit=commune, state=Dossier.State.VOTED, meeting=meeting)
    staff_and_citizens = Q(memberships__organisation__parent=commune) | Q(household__village__parent=commune)
    people = Person.objects.filter(pk__in=Person.objects.filter(staff_and_citizens).values("pk")).order_by("pk")[:names]
    form = AwardType.objects.get(code="GIAY_KHEN_XA")
    Nomination.objects.bulk_create([
        Nomination(dossier=dossier, person=p, award_type=form, authority=codes.Authority.CHU_TICH_UBND_XA,
                   eligible=True, outcome=Nomination.Outcome.PASSED) for p in people])
    return dossier


def operations(*, commune, user, year, quick=False):
    dossier = voted_dossier(commune, QUICK_NAMES if quick else FULL_NAMES)
    chairman = _chairman(commune)
    names = dossier.nominations.count()

    def sign() -> None:
        with transaction.atomic():
            services.sign_decision(actor=chairman, dossier=dossier)
            transaction.set_rollback(True)

    return [(f"Ký quyết định khen thưởng {names} tên (ghi {names} khen thưởng vào sổ)", sign)]
