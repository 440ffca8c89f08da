"""The province's own rules, as the instance's data, and what each rule cites.

A commune's provincial rules (Bằng khen tỉnh criteria, dossier deadlines and contents, publicity
days, the council's vote and quorum, processing time — ``thidua.rules.articles.PROVINCIAL_RULES``)
come from its province's regulation, entered by the administrator
(``ProvincialRegulation`` + ``RegulationArticle``). Where none is entered, a rule cites the
article of the Law or decree that delegates it to the province (Luật Điều 74; ND 152/2025
Điều 6 khoản 2 điểm c; …) — never another province's text.

For the documents app (council minutes, decisions) and proposals:

* ``citation_for(rule_key, commune)`` — the citation of one provincial rule;
* ``council_rule_for(commune)`` — the council's vote rule applied, in words, with its citation
  (print both in the minutes);
* ``legal_basis_line(commune)`` — "Căn cứ Quyết định số … của …;" for a decision, or ``None``.
"""
from __future__ import annotations

from dataclasses import dataclass

from thidua.org.models import Organisation
from thidua.rules import articles

from .models import ProvincialRegulation, RegulationArticle

RULE_LABELS = {key: label for key, (label, _default) in articles.PROVINCIAL_RULES.items()}


def province_of(commune: Organisation | None) -> Organisation | None:
    """The province (an active ``city`` organisation) above ``commune``."""
    if commune is None:
        return None
    for org in reversed([*commune.ancestors(), commune]):
        if org.kind == Organisation.Kind.CITY and not org.is_former:
            return org
    return None


def regulation_for(commune: Organisation | None = None) -> ProvincialRegulation | None:
    """The regulation of ``commune``'s province (``commune``: any organisation under it);
    without one, the instance's (the only one entered)."""
    province = province_of(commune)
    if province is not None:
        return ProvincialRegulation.objects.filter(province=province).first()
    regulations = list(ProvincialRegulation.objects.all()[:2])
    return regulations[0] if len(regulations) == 1 else None


def citations(place: Organisation | None = None) -> dict[str, str]:
    """``{rule key: citation}`` of the articles entered for the province of ``place`` (any
    organisation under it; without one, the instance's only regulation) — one query."""
    rows = RegulationArticle.objects.select_related("regulation")
    if place is not None:  # the province is an active ``city`` on the organisation's path
        ids = [int(x) for x in place.path.strip("/").split("/") if x]
        rows = rows.filter(regulation__province_id__in=ids, regulation__province__valid_until__isnull=True)
    found = list(rows)
    if len({a.regulation_id for a in found}) > 1:  # several provinces, none chosen: cite none
        return {}
    return {a.rule_key: a.citation for a in found if a.article}


def citation_for(rule_key: str, commune: Organisation | None = None) -> str:
    """What a check, page or document cites for provincial rule ``rule_key``: the article of
    the province's regulation, else the delegating article of the Law/decree."""
    if rule_key not in articles.PROVINCIAL_RULES:
        raise KeyError(f"không có quy định của tỉnh về {rule_key!r}")
    return articles.provincial(rule_key, citations(commune))


@dataclass(frozen=True)
class CouncilRule:
    mode: str        # "share" (of all members) or "majority" (of those present)
    text: str        # the rule in words, for the minutes
    citation: str    # where it comes from

    @property
    def sentence(self) -> str:
        """One sentence for the minutes: the rule applied and its source as a document cites it
        (never the check screens' note on a repealed decree, ``articles.on_paper``)."""
        return f"Nguyên tắc biểu quyết áp dụng: {self.text} (căn cứ {articles.on_paper(self.citation)})."


def legal_basis_line(commune: Organisation | None = None) -> str | None:
    """"Căn cứ Quyết định số … của …;" for a decision, or None when no regulation is entered."""
    regulation = regulation_for(commune)
    if regulation is None:
        return None
    about = f" {regulation.title[:1].lower()}{regulation.title[1:]}" if regulation.title else ""
    return f"Căn cứ {regulation.heading}{about};"


def rule_rows(commune: Organisation | None = None) -> list[dict]:
    """Every provincial rule with the article entered (if any) and what it cites now."""
    entered = citations(commune)
    regulation = regulation_for(commune)
    articles_by_key = {a.rule_key: a.article for a in regulation.articles.all()} if regulation else {}
    return [{"key": key, "label": label, "article": articles_by_key.get(key, ""),
             "cites": entered.get(key) or default, "delegating": default}
            for key, (label, default) in articles.PROVINCIAL_RULES.items()]
