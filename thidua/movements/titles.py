"""Which titles a unit or a person may register for, and which registrations cover which title.

Codes come from ``thidua.rules.codes`` (rules.md, "Codes"). A registration for a higher title
of the same ladder also counts as a registration for the lower ones (a teacher who registers
for Chiến sĩ thi đua cơ sở has registered to become Lao động tiên tiến on the way): this is how
``selectors.is_registered`` answers.
"""
from __future__ import annotations

from thidua.org.models import Organisation, Person
from thidua.rules.codes import RewardForm, Title

K = Organisation.Kind

COLLECTIVE_TITLES = (Title.TTLDTT, Title.TTLDXS, Title.DVTT, Title.DVQT, Title.CO_THI_DUA_TINH,
                     Title.THON_VAN_HOA)
INDIVIDUAL_TITLES = (Title.LDTT, Title.CSTT, Title.CSTD_CO_SO, Title.CSTD_TINH)
REGISTRABLE_TITLES = COLLECTIVE_TITLES + INDIVIDUAL_TITLES

# title -> the lower titles it includes (one step; closed transitively below)
_INCLUDES = {
    Title.CSTD_TINH: {Title.CSTD_CO_SO},
    Title.CSTD_CO_SO: {Title.LDTT, Title.CSTT},
    Title.TTLDXS: {Title.TTLDTT},
    Title.DVQT: {Title.DVTT},
    Title.CO_THI_DUA_TINH: {Title.TTLDXS, Title.DVQT},
}


def covered_titles(code: str) -> set[str]:
    """The title itself and every lower title of its ladder."""
    seen: set[str] = set()
    stack = [Title.parse(code)]
    while stack:
        title = stack.pop()
        if title is None or title in seen:
            continue
        seen.add(title)
        stack.extend(_INCLUDES.get(title, ()))
    return {str(t) for t in seen}


def titles_covering(code: str) -> set[str]:
    """Every registrable title whose registration counts for ``code``."""
    return {str(t) for t in REGISTRABLE_TITLES if code in covered_titles(t)}


def collective_titles_for(organisation: Organisation) -> tuple[Title, ...]:
    if organisation.kind == K.VILLAGE:
        return (Title.THON_VAN_HOA,)
    if organisation.kind in (K.POLICE, K.MILITARY):
        return (Title.DVTT, Title.DVQT, Title.CO_THI_DUA_TINH)
    return (Title.TTLDTT, Title.TTLDXS, Title.CO_THI_DUA_TINH)


def individual_titles_for(person: Person) -> tuple[Title, ...]:
    first = Title.CSTT if person.category == Person.Category.LUC_LUONG_VU_TRANG else Title.LDTT
    return (first, Title.CSTD_CO_SO, Title.CSTD_TINH)


def title_label(code: str) -> str:
    member = Title.parse(code) or RewardForm.parse(code)
    return member.label if member else code


TOP_AWARD_CHOICES = [("", "—")] + [(t.value, t.label) for t in (Title.CO_THI_DUA_TINH, Title.TTLDXS)] + [
    (f.value, f.label) for f in (RewardForm.GIAY_KHEN_XA, RewardForm.BANG_KHEN_TINH)]

# Units that register and compete (not the administrative bodies themselves).
NON_COMPETING_KINDS = (K.CITY, K.DISTRICT, K.COMMUNE, K.OTHER_BODY)
