"""Sections that higher apps add to the proposal pages (the documents app: the decision as a
document, the draft and the minutes), without this app importing them. A provider is
``(request, obj) -> (template_name, context) | None`` (``thidua.org.panels.PanelRegistry``)."""
from thidua.org.panels import PanelRegistry

decision_panels = PanelRegistry()   # the decision page
dossier_panels = PanelRegistry()    # the dossier page
meeting_panels = PanelRegistry()    # the meeting page
