"""What the proposals app offers on the candidate list (``awards.panels.candidate_actions``):
on the Lao động tiên tiến list, one button that nominates every eligible member of the unit
in the unit's dossier of a round of that year."""
from __future__ import annotations

from thidua.accounts.scoping import can_edit_in
from thidua.rules import codes

from .checking import nominations_of_round
from .models import AwardRound

LDTT = codes.Title.LDTT


def nominate_all_ldtt(request, ctx):
    target, year = ctx["target"], ctx["year"]
    user = request.user
    unit = ctx["unit"] or getattr(user, "unit", None)
    if target.code != LDTT or unit is None or not user.can_manage_records or not can_edit_in(user, unit):
        return None
    people = [c.subject for c in target.eligible if c.kind == "individual"]
    commune = unit.commune()
    if not people or commune is None:
        return None
    rounds = list(AwardRound.objects.filter(commune=commune, year=year)
                  .exclude(kind=codes.RoundKind.SUDDEN_FEAT).order_by("deadline"))
    offers = []
    for award_round in rounds:
        nominated = sum(1 for held in nominations_of_round(year=year, person_ids=[p.pk for p in people],
                                                           round_id=award_round.pk).values() if LDTT in held)
        offers.append({"round": award_round, "fresh": len(people) - nominated, "nominated": nominated})
    return "proposals/_nominate_all.html", {"unit": unit, "offers": offers, "eligible": len(people),
                                            "back": request.get_full_path(), "year": year}
