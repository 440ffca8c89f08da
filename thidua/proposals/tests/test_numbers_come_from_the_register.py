"""Outgoing numbers come from the UBND's register (sổ đăng ký văn bản đi), per year and
symbol: the office sets where the sequence continues or the draft carries the number the
register gave; numbers below 10 take the leading zero of ND 30/2020."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from thidua.proposals import services
from thidua.proposals.models import NumberCounter

pytestmark = pytest.mark.django_db


def _sign(flow, dossier):
    return services.sign_decision(actor=flow.chairman, dossier=dossier)


def test_numbers_below_ten_take_a_leading_zero(flow):
    decision = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    assert decision.sequence < 10 and decision.number == f"0{decision.sequence}/QĐ-UBND"


def test_the_office_sets_where_the_register_continues(flow, client_as):
    year = timezone.localdate().year
    page = client_as("canbotdkt").post(reverse("proposals:register"),
                                       {"year": year, "series": "QĐ-UBND", "next_number": 743})
    assert page.status_code == 302
    decision = _sign(flow, flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")]))
    assert decision.number == "743/QĐ-UBND"
    listing = client_as("canbotdkt").get(reverse("proposals:register")).content.decode()
    assert "743/QĐ-UBND" in listing and "744/QĐ-UBND" in listing


def test_the_register_cannot_go_back_below_a_number_given(flow):
    decision = _sign(flow, flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")]))
    with pytest.raises(ValidationError, match="đã cấp cho một quyết định"):
        services.set_register_next(actor=flow.officer, issuer=flow.round.commune, year=decision.year,
                                   series="QĐ-UBND", next_number=decision.sequence)


def test_the_number_the_register_gave_is_used_once(flow):
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")])
    texts = services.texts_of(dossier)
    services.save_decision_draft(actor=flow.officer, dossier=dossier, title=texts["title"],
                                 legal_bases="\n".join(texts["legal_bases"]), articles="\n".join(texts["articles"]),
                                 recipients="\n".join(texts["recipients"]), register_number=812)
    decision = _sign(flow, dossier)
    assert decision.number == "812/QĐ-UBND"
    counter = NumberCounter.objects.get(issuer=flow.round.commune, year=decision.year, series="QĐ-UBND")
    assert counter.last == 812  # the register continues after it

    again = flow.voted(nominees=[("Bùi Thị Thu", "LDTT")])
    services.save_decision_draft(actor=flow.officer, dossier=again, title=texts["title"],
                                 legal_bases="\n".join(texts["legal_bases"]), articles="\n".join(texts["articles"]),
                                 recipients="\n".join(texts["recipients"]), register_number=812)
    with pytest.raises(ValidationError, match="812/QĐ-UBND"):
        _sign(flow, again)
