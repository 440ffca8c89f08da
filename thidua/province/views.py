"""The province's queue of the communes' upward dossiers and their reception; everything
after the reception happens on the proposals pages, the city being the issuing body."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.proposals import access

from . import selectors, services


@login_required
def queue(request):
    province = selectors.require_province(request.user)
    page = Paginator(selectors.cases(province), 50).get_page(request.GET.get("page"))
    return render(request, "province/queue.html", {
        "province": province, "incoming": selectors.incoming(province), "page": page,
        "ministry": list(selectors.cases(province, ministry=True)[:50]),
        "can_receive": access.is_office(request.user) and access.acts_for(request.user, province)})


@login_required
@require_POST
def receive(request, pk: int):
    dossier = selectors.get_sent_dossier(user=request.user, pk=pk)
    try:
        case = services.receive(actor=request.user, dossier=dossier)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("province:queue")
    messages.success(request, _("Đã tiếp nhận hồ sơ của %s; hãy kiểm tra điều kiện các đề nghị.")
                     % dossier.round.commune.name)
    return redirect("proposals:dossier", pk=case.province_dossier_id)
