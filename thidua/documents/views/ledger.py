"""Documents from the ledger: the decisions, the certificates, a person's achievement report."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from thidua.org import selectors as org_selectors

from .. import ledger, render as renderers, selectors, signatures
from ..forms import AchievementForm
from .common import DOCX, PDF, default_years, send, slug


@login_required
def decision_list(request):
    year = request.GET.get("nam", "")
    issuer = request.GET.get("co_quan", "")[:100]
    rows = selectors.decisions(user=request.user, year=int(year) if year.isdecimal() else None, issuer=issuer)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "documents/decisions.html", {"page": page, "year": year, "issuer": issuer})


@login_required
def decision_docx(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    name = f"quyet-dinh-{slug(award.decision_number or str(award.pk))}.docx"
    return send(request, lambda: signatures.frozen_bytes(award, "docx")
                 or renderers.render_decision_docx(ledger.decision_data(award)), name, DOCX)


@login_required
def decision_pdf(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    name = f"quyet-dinh-{slug(award.decision_number or str(award.pk))}.pdf"
    return send(request, lambda: signatures.decision_pdf(award), name, PDF, inline=True)


def _certificate_name(award, ext: str) -> str:
    return f"giay-khen-{slug(str(award.subject))}-{award.year}.{ext}"


@login_required
def certificate_pdf(request, pk: int):
    award = selectors.get_award(user=request.user, pk=pk)
    return send(request, lambda: renderers.render_certificate_pdf(ledger.certificate_data(award)),
                 _certificate_name(award, "pdf"), PDF, inline=True)


@login_required
def certificate_docx(request, pk: int):
    """The same certificate as the PDF (the same printed texts and QR code), as a DOCX."""
    award = selectors.get_award(user=request.user, pk=pk)
    return send(request, lambda: renderers.render_certificate_docx(ledger.certificate_data(award)),
                 _certificate_name(award, "docx"), DOCX)


@login_required
def person_certificates(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    awards = selectors.person_awards(user=request.user, person=person)
    return render(request, "documents/person_certificates.html", {"person": person, "awards": awards})


@login_required
def unit_certificates(request, pk: int):
    unit = org_selectors.get_organisation(user=request.user, pk=pk)
    awards = selectors.unit_awards(user=request.user, unit=unit)
    return render(request, "documents/unit_certificates.html", {"unit": unit, "awards": awards})


@login_required
def achievement_search(request):
    query = request.GET.get("q", "")[:100]
    people = org_selectors.search(user=request.user, query=query)["people"] if query.strip() else []
    return render(request, "documents/achievement_search.html", {"query": query, "people": people})


@login_required
def achievement(request, pk: int):
    person = org_selectors.get_person(user=request.user, pk=pk)
    year_from, year_to = default_years()
    data = request.GET.copy()
    data.setdefault("tu", str(year_from))
    data.setdefault("den", str(year_to))
    data.setdefault("de_nghi", "Chiến sĩ thi đua cơ sở")
    form = AchievementForm(data)
    if form.is_valid() and request.GET.get("tai") == "docx":
        report_data = ledger.achievement_data(person=person, proposed=form.cleaned_data["de_nghi"],
                                              year_from=form.cleaned_data["tu"], year_to=form.cleaned_data["den"])
        name = f"bao-cao-thanh-tich-{slug(person.full_name)}.docx"
        return send(request, lambda: renderers.render_achievement_docx(report_data), name, DOCX)
    preview = None
    if form.is_valid():
        preview = ledger.achievement_data(person=person, proposed=form.cleaned_data["de_nghi"],
                                          year_from=form.cleaned_data["tu"], year_to=form.cleaned_data["den"])
    return render(request, "documents/achievement.html", {"person": person, "form": form, "preview": preview,
                                                          "query": data.urlencode()})
