"""Sections the awards app adds to the person and unit pages."""
from thidua.org.panels import person_panels, unit_panels


def person_history(request, person):
    from . import selectors

    return "awards/panel_person.html", {"timeline": selectors.person_timeline(person=person)}


def unit_history(request, unit):
    from . import selectors

    return "awards/panel_unit.html", selectors.unit_history(unit=unit)


person_panels.register(person_history, order=10)
unit_panels.register(unit_history, order=10)
