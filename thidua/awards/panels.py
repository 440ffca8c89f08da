"""Sections the awards app adds to the person and unit pages, and the registry of actions that
higher apps offer on a candidate list (the proposals app: nominate every eligible member).
A candidate action is ``(request, {"target": TargetList, "year": int, "unit": Organisation |
None}) -> (template_name, context) | None``."""
from thidua.org.panels import PanelRegistry, person_panels, unit_panels

candidate_actions = PanelRegistry()


def person_history(request, person):
    from . import selectors

    return "awards/panel_person.html", {"timeline": selectors.person_timeline(person=person)}


def unit_history(request, unit):
    from . import selectors

    return "awards/panel_unit.html", selectors.unit_history(unit=unit)


person_panels.register(person_history, order=10)
unit_panels.register(unit_history, order=10)
