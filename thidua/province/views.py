"""The province's queue of the communes' upward dossiers and their reception; everything
after the reception happens on the proposals pages, the city being the issuing body."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core import pages
from thidua.proposals import access

from . import selectors, services


PER_PAGE = 25  # dossiers a page, in each list of the queue
MINISTRY_SHOWN = 10  # the Ministry's dossiers listed in their own section; all are in the received list


@login_required
def queue(request):
    """The city's queue: the waiting dossiers (``?cho=`` pages them) and the received ones
    (``?page=``; ``?trinh_bo=1`` keeps those for the Prime Minister or the President)."""
    province = selectors.require_province(request.user)
    ministry_only = request.GET.get("trinh_bo") == "1"
    page = Paginator(selectors.cases(province, ministry=True if ministry_only else None), PER_PAGE).get_page(
        request.GET.get("page"))
    ministry = list(selectors.ministry_cases(province)[:MINISTRY_SHOWN + 1])
    return render(request, "province/queue.html", {
        "province": province, "incoming": selectors.incoming(province, page=request.GET.get("cho"), per_page=PER_PAGE),
        "incoming_clusters": selectors.incoming_clusters(province),
        "page": page, "ministry": ministry[:MINISTRY_SHOWN], "ministry_more": len(ministry) > MINISTRY_SHOWN,
        "ministry_only": ministry_only,
        "can_receive": access.is_office(request.user) and access.acts_for(request.user, province)})


def _receive(request, call, success) -> HttpResponse:
    """Receive what a commune or a cluster sent up; the city then checks it on its own dossier."""
    return pages.action(request, lambda data: call(), success=success, back=reverse("province:queue"),
                        done=lambda case: reverse("proposals:dossier", args=[case.province_dossier_id]))


@login_required
@require_POST
def receive(request, pk: int):
    dossier = selectors.get_sent_dossier(user=request.user, pk=pk)
    return _receive(request, lambda: services.receive(actor=request.user, dossier=dossier),
                    _("Đã tiếp nhận hồ sơ của %s; hãy kiểm tra điều kiện các đề nghị.") % dossier.round.commune.name)


@login_required
@require_POST
def receive_cluster(request, pk: int):
    cluster_year = selectors.get_sent_cluster_year(user=request.user, pk=pk)
    return _receive(request, lambda: services.receive_cluster(actor=request.user, cluster_year=cluster_year),
                    _("Đã tiếp nhận đề nghị của %s; hãy kiểm tra điều kiện các đề nghị.") % cluster_year.cluster.name)
