"""The "Văn bản" section of the person and unit pages: the achievement report and the
certificate (with its QR code) of every award in the ledger."""
from thidua.org.panels import person_panels, unit_panels


def person_documents(request, person):
    """Links only (no query): the person page keeps its query budget."""
    return "documents/panel_person.html", {"person": person}


def unit_documents(request, unit):
    """Only a link (no query): the unit page keeps its query budget."""
    return "documents/panel_unit.html", {"unit": unit}


person_panels.register(person_documents, order=50)
unit_panels.register(unit_documents, order=50)
