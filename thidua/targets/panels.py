"""The cultural-title section of a village's unit page."""
from thidua.org.models import Organisation
from thidua.org.panels import unit_panels

from . import selectors


def village_culture_panel(request, unit):
    if unit.kind != Organisation.Kind.VILLAGE:
        return None
    return "targets/panel_village.html", {"village": unit, **selectors.village_history(village=unit)}


unit_panels.register(village_culture_panel, order=60)
