"""The province's section of the proposal dossier page: on a commune's upward dossier, where
the province stands with it (and the reasons when the province returned it); on the
province's dossier, the commune's dossier it came from."""
from __future__ import annotations

from thidua.proposals.models import Dossier

from .models import UpwardCase
from .selectors import recorded_changes


def dossier_case(request, dossier: Dossier):
    if dossier.state == Dossier.State.SENT_TO_PROVINCE or dossier.decision_id:
        case = (UpwardCase.objects.filter(commune_dossier=dossier)
                .select_related("province_dossier__round", "province_dossier__decision", "province").first())
        if case is not None:
            return "province/panel_commune_dossier.html", {"case": case, "target": case.province_dossier}
        if dossier.state == Dossier.State.SENT_TO_PROVINCE:
            return "province/panel_commune_dossier.html", {"case": None}
        return None
    if dossier.round.commune.kind != "city":
        return None
    case = (UpwardCase.objects.filter(province_dossier=dossier)
            .select_related("commune_dossier__round__commune", "cluster_year__cluster", "cluster_year__leader").first())
    if case is None:
        return None
    changes = recorded_changes(dossier) if dossier.state != Dossier.State.RETURNED else None
    if case.cluster_year_id:
        return "province/panel_cluster_dossier.html", {"case": case, "cy": case.cluster_year, "changes": changes}
    return "province/panel_province_dossier.html", {"case": case, "source": case.commune_dossier, "changes": changes}
