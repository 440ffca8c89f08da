"""Pages of the decisions (a signed decision, its revocation), the register of outgoing
documents, and the public list where citizens comment on the nominees."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core import pages
from thidua.core.net import client_address

from .. import access, selectors, services
from ..forms import PublicObjectionForm, RegisterForm, RevokeForm
from ..models import Nomination
from ..panels import decision_panels
from .common import office_commune


@login_required
def decision_detail(request, pk: int):
    decision = selectors.get_decision(user=request.user, pk=pk)
    # Nominations that carry the ledger's award (a commune's upward dossier decided by the
    # province's decision shares the decision, not the award).
    awarded = list(Nomination.objects.filter(dossier__decision=decision, outcome=Nomination.Outcome.AWARDED,
                                             award__isnull=False)
                   .select_related("award_type", "person", "organisation", "household"))
    can_revoke = bool(awarded) and decision.kind == decision.Kind.AWARD and access.is_signer(
        request.user, decision.issuer)
    if request.method == "POST" and not can_revoke:
        raise PermissionDenied
    context = {"decision": decision, "revoked_by": list(decision.revoked_by.all()),
               "dossiers": list(decision.dossiers.select_related("unit")),
               "sending_down_due": selectors.sending_down_due(decision),
               "panels": decision_panels.render_list(request, decision)}
    if not can_revoke:
        return render(request, "proposals/decision.html", {**context, "form": None})
    return pages.form_page(
        request, RevokeForm(request.POST or None, awarded=awarded), template="proposals/decision.html",
        context=context, call=lambda data: services.revoke_decision(
            actor=request.user, decision=decision, reason=data["reason"], nominations=data["nominations"]),
        success=lambda revocation: _("Đã ký Quyết định số %s thu hồi khen thưởng.") % revocation.number,
        done=lambda revocation: redirect("proposals:decision", pk=revocation.pk))


@login_required
def register(request):
    """The register of outgoing documents (sổ đăng ký văn bản đi): the office sets where each
    year's sequence continues; signatures take their numbers from it."""
    commune = office_commune(request.user, province_ok=True)
    return pages.form_page(
        request, RegisterForm(request.POST or None), template="proposals/register.html",
        context={"commune": commune, "rows": selectors.register_rows(commune)},
        call=lambda data: services.set_register_next(actor=request.user, issuer=commune, **data),
        success=_("Đã cập nhật sổ đăng ký văn bản đi."), done=lambda _counter: redirect("proposals:register"))


# -- the public list -------------------------------------------------------------------------

def public_list(request):
    return render(request, "proposals/public_list.html", {"dossiers": selectors.published_dossiers()})


def public_dossier(request, pk: int):
    dossier, nominations = selectors.get_published(pk)
    form = PublicObjectionForm(request.POST or None, nominations=nominations)
    if request.method == "POST" and form.is_valid() and form.cleaned_data["website"]:
        return redirect("proposals:public_dossier", pk=pk)  # a bot: say nothing
    return pages.form_page(
        request, form, template="proposals/public_dossier.html",
        context={"dossier": dossier, "nominations": nominations}, refusals=(services.RateLimited,
                                                                           *pages.REFUSALS),
        call=lambda data: services.submit_objection(
            dossier=dossier, nomination=data["nomination"], name=data["name"], contact=data["contact"],
            content=data["content"], ip=client_address(request)),
        success=_("Đã nhận ý kiến của bạn. Cán bộ thi đua – khen thưởng xã sẽ trả lời trước khi Hội đồng xét."),
        done=lambda _objection: redirect("proposals:public_dossier", pk=pk))
