"""The province's line of the home work queue: the communes' dossiers and the clusters'
proposals waiting to be received."""
from __future__ import annotations

import datetime
from dataclasses import replace

from django.urls import reverse

from thidua.core.worklist import SHOWN, WorkItem, capped
from thidua.proposals import access

from . import selectors


def incoming_dossiers(user, today: datetime.date):
    province = selectors.province_for(user)
    if province is None or not access.is_office(user):
        return None
    waiting = selectors.incoming(province, per_page=SHOWN)  # the first ones; the queue pages the rest
    items = [WorkItem(title=f"{d.round.commune.name} — {d.round.name}", url=reverse("province:queue") + "#cho-tiep-nhan",
                      detail=f"tờ trình số {d.submission_number}" if d.submission_number else "")
             for d in waiting.object_list]
    clusters = selectors.incoming_clusters(province)
    items = [WorkItem(title=f"{cy.cluster.name} năm {cy.year} (cụm trưởng: {cy.leader.name})",
                      url=reverse("province:queue") + "#cum-cho-tiep-nhan", detail=f"tờ trình số {cy.submission_number}")
             for cy in clusters] + items  # a few a year: listed first
    section = capped("Hồ sơ các xã, đề nghị của các cụm thi đua trình thành phố, chờ tiếp nhận", items,
                     reverse("province:queue"))
    if section is not None and waiting.paginator.count + len(clusters) > SHOWN:
        section = replace(section, total=waiting.paginator.count + len(clusters))
    return section
