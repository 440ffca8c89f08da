"""Checking a dossier on acceptance: the eligibility engine on every nominee.

The nominees of the dossier's unit are judged the way the candidate lists judge them
(``awards.candidates.build``: the titles of the same round feed the higher ones; a unit's
shares count its members awarded LĐTT that year or nominated for it in this round, by name —
Luật Điều 27–28); a nominee the lists do not cover is judged
directly from the ledger. Two checks of the procedure are added to the engine's: the nominee
does not already hold the title for the year, and is not proposed twice in the round.
"""
from __future__ import annotations

import datetime

from django.db.models import Q

from thidua.awards import candidates
from thidua.awards.engine import HistoryLoader, current_parameters, judge
from thidua.awards.models import Award
from thidua.rules import articles
from thidua.rules.dossiers import achievement_report_rule
from thidua.rules.jsonio import verdict_to_dict

from . import reports
from .models import Dossier, Nomination

_KIND = {"individual": "person", "collective": "organisation", "household": "household"}


def _key(nomination: Nomination) -> tuple[str, int, str]:
    field = _KIND[nomination.subject_kind]
    return field, getattr(nomination, f"{field}_id"), nomination.award_type.code


# Nominations that no longer stand: the council or the province refused them, or they were
# excluded, revoked or withdrawn; a rejected dossier's nominations do not stand either.
_FALLEN = (Nomination.Outcome.EXCLUDED, Nomination.Outcome.FAILED, Nomination.Outcome.DECLINED,
           Nomination.Outcome.REVOKED, Nomination.Outcome.WITHDRAWN)


def nominations_of_round(*, year: int, person_ids, round_id: int | None = None) -> dict[int, set[str]]:
    """``{person id: {codes}}`` nominated in round ``round_id`` (or any round of ``year``) and
    still standing — what a collective's "đạt danh hiệu" shares count besides the ledger
    (registered as ``awards.engine.same_round_nominations``)."""
    rounds = {"dossier__round_id": round_id} if round_id is not None else {"dossier__round__year": year}
    found: dict[int, set[str]] = {}
    for person_id, code in (Nomination.objects.filter(person_id__in=person_ids, **rounds)
                            .exclude(outcome__in=_FALLEN).exclude(dossier__state=Dossier.State.REJECTED)
                            .order_by().values_list("person_id", "award_type__code")):
        found.setdefault(person_id, set()).add(code)
    return found


def _from_candidate_lists(*, user, dossier: Dossier, codes: list[str], day: datetime.date) -> dict:
    found = {}
    for target in candidates.build(user=user, year=dossier.round.year, unit=dossier.unit, targets=codes,
                                   decision_date=day, round_id=dossier.round_id):
        for candidate in [*target.eligible, *target.one_short, *target.others]:
            found[(_KIND[candidate.kind], candidate.subject.pk, target.code)] = candidate.verdict
    return found


def _directly(nominations: list[Nomination], *, year: int, params, day: datetime.date,
              round_id: int | None = None) -> dict:
    loader = HistoryLoader(year=year)
    histories = {
        "person": loader.people([n.person for n in nominations if n.person_id]),
        "organisation": loader.collectives([n.organisation for n in nominations if n.organisation_id],
                                           round_id=round_id),
        "household": loader.households([n.household for n in nominations if n.household_id]),
    }
    found = {}
    for n in nominations:
        field, pk, code = _key(n)
        found[(field, pk, code)] = judge(histories[field][pk], target=code, year=year, params=params,
                                         decision_date=day, case_id=f"nomination-{n.pk}")
    return found


def _report_check(n: Nomination, year: int) -> list[dict]:
    """The achievement report, where the dossier rules ask for one (rules.dossiers: the CSTĐ
    titles and the forms of reward; LĐTT and TTLĐTT are proposed by the list and the minutes)."""
    rule = achievement_report_rule(n.award_type.code)
    if not rule.required:
        return []
    problem = reports.report_problem(n, year)
    return [{"rule": "Có báo cáo thành tích", "passed": problem is None, "article": rule.article,
             "detail": problem or "Báo cáo thành tích đã ghi thành tích của năm"}]


def _procedure_checks(nominations: list[Nomination], dossier: Dossier) -> dict[int, list[dict]]:
    """Already holds the title or form for the year; proposed twice in the round; the
    achievement report where one is required."""
    year = dossier.round.year
    subjects = Q(pk__in=[])
    for n in nominations:
        field, pk, _ = _key(n)
        subjects |= Q(**{f"{field}_id": pk, "award_type_id": n.award_type_id})
    fields = ("person_id", "organisation_id", "household_id", "award_type_id")
    held = set(Award.objects.filter(subjects, year=year, revoked=False).values_list(*fields))
    twice = set(Nomination.objects.filter(subjects, dossier__round=dossier.round).exclude(dossier=dossier)
                .exclude(dossier__state__in=[Dossier.State.REJECTED, Dossier.State.DRAFT, Dossier.State.RETURNED])
                .values_list(*fields))
    result = {}
    for n in nominations:
        key = (n.person_id, n.organisation_id, n.household_id, n.award_type_id)
        result[n.pk] = [
            {"rule": f"Chưa được tặng “{n.award_type.name}” năm {year}", "passed": key not in held,
             "article": articles.ND152_PRINCIPLES,
             "detail": "Đã có trong sổ khen thưởng" if key in held else "Sổ khen thưởng chưa ghi"},
            {"rule": "Không được đề nghị hai lần trong cùng đợt", "passed": key not in twice,
             "article": articles.ND152_PRINCIPLES,
             "detail": "Đã có trong hồ sơ đề nghị khác của đợt" if key in twice else "Chỉ đề nghị trong hồ sơ này"},
            *_report_check(n, year),
        ]
    return result


def check_dossier(*, user, dossier: Dossier, day: datetime.date) -> dict[int, tuple[dict, bool]]:
    """{nomination id: (verdict JSON, eligible)} for every nomination of the dossier."""
    nominations = list(dossier.nominations.select_related("award_type", "person", "organisation", "household"))
    if not nominations:
        return {}
    params = current_parameters(dossier.round.commune)
    codes = sorted({n.award_type.code for n in nominations})
    verdicts = _from_candidate_lists(user=user, dossier=dossier, codes=codes, day=day)
    missing = [n for n in nominations if _key(n) not in verdicts]
    verdicts.update(_directly(missing, year=dossier.round.year, params=params, day=day,
                              round_id=dossier.round_id))
    extra = _procedure_checks(nominations, dossier)
    result = {}
    for n in nominations:
        verdict = verdicts[_key(n)]
        data = verdict_to_dict(verdict)
        data["id"] = f"nomination-{n.pk}"
        data["checks"].extend(extra[n.pk])
        data["eligible"] = verdict.eligible and all(c["passed"] for c in extra[n.pk])
        data["judged_on"] = day.isoformat()
        result[n.pk] = (data, data["eligible"])
    return result
