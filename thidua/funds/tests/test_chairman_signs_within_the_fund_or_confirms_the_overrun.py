"""The pre-signing check of the reward fund is wired into the chairman's signature: the dossier
page tells her the balance after signing; a decision that would overrun the year's fund is not
signed (no number taken) until she confirms, and the confirmation is audited on the fund."""
import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from thidua.awards import services as award_services
from thidua.awards.models import AwardType
from thidua.core.models import AuditEntry
from thidua.funds import services
from thidua.funds.ledger import dossier_total, fund_figures
from thidua.funds.models import Fund
from thidua.org.models import Organisation, Person

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not apps.is_installed("thidua.proposals"), reason="proposals not installed")]
NOMINEES = [("Nguyễn Thị Mai", "CSTD_CO_SO")]


@pytest.fixture
def flow(demo_user, settings, tmp_path):
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    return Flow(demo_user)


@pytest.fixture
def fund(flow):
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    year = timezone.localdate().year
    return (Fund.objects.filter(commune=commune, year=year).first()
            or services.open_fund(actor=flow.officer, commune=commune, year=year, opening_balance=0))


def _spend_all_but(fund, officer, keep: int) -> None:
    """Decisions entered by hand take the year's fund down to ``keep`` đồng."""
    balance = fund_figures(fund.commune, fund.year).balance
    if balance < keep:
        services.add_receipt(actor=officer, fund=fund, kind="budget", date=datetime.date(fund.year, 1, 2),
                             amount=keep - balance, reference="Bổ sung dự toán")
    elif balance > keep:
        award_services.record_award(
            actor=officer, subject=Person.objects.get(full_name="Vũ Thị Thanh"),
            award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=fund.year, issuer=fund.commune,
            decision_number="990/QĐ-UBND", decision_date=timezone.localdate(), amount=balance - keep)
    assert fund_figures(fund.commune, fund.year).balance == keep


def test_an_overrun_is_refused_until_the_chairman_confirms_it(flow, fund):
    from thidua.proposals import services as proposal_services
    from thidua.proposals.models import Decision, Dossier

    dossier = flow.voted(nominees=NOMINEES)
    total, _ = dossier_total(dossier)
    assert total > 0
    _spend_all_but(fund, flow.officer, keep=-10_000)  # this dossier, still a commitment, overruns by 10.000 đồng
    decisions = Decision.objects.count()

    with pytest.raises(ValidationError) as refused:
        proposal_services.sign_decision(actor=flow.chairman, dossier=dossier)
    assert refused.value.code == "needs_confirmation"
    assert "vượt số dư quỹ" in " ".join(refused.value.messages)
    assert Decision.objects.count() == decisions
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.VOTED

    last_audit = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    decision = proposal_services.sign_decision(actor=flow.chairman, dossier=dossier, confirmed=True)
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.DECIDED
    assert any("đã xác nhận ký vượt quỹ" in n.message for n in decision.signing_notices)
    overrun = AuditEntry.objects.get(id__gt=last_audit, note="Xác nhận ký quyết định vượt quỹ thi đua, khen thưởng")
    assert overrun.actor == flow.chairman and overrun.object_id == str(fund.pk)
    assert overrun.after["decision_total"] == total


def test_within_the_fund_the_decision_is_signed_and_the_signer_told_the_balance(flow, fund):
    from thidua.proposals import services as proposal_services

    dossier = flow.voted(nominees=NOMINEES)
    total, _ = dossier_total(dossier)
    _spend_all_but(fund, flow.officer, keep=1_000_000)  # this dossier's commitment is already taken off
    notices = proposal_services.signing_notices(actor=flow.chairman, dossier=dossier)
    assert [n.needs_confirmation for n in notices] == [False]
    assert "còn 1.000.000 đồng" in notices[0].message
    assert proposal_services.signing_notices(actor=flow.officer, dossier=dossier) == []  # not a signer

    decision = proposal_services.sign_decision(actor=flow.chairman, dossier=dossier)
    assert fund_figures(fund.commune, fund.year).balance == 1_000_000
    assert row_for(fund, decision).total == total


def row_for(fund, decision):
    return next(r for r in fund_figures(fund.commune, fund.year).spending_rows if r.decision_number == decision.number)


def test_the_dossier_page_warns_and_asks_for_the_confirmation(flow, fund, client_as):
    from thidua.proposals.models import Dossier

    dossier = flow.voted(nominees=NOMINEES)
    total, _ = dossier_total(dossier)
    _spend_all_but(fund, flow.officer, keep=-10_000)
    client = client_as("chutich")
    page = client.get(reverse("documents:draft", args=[dossier.pk])).content.decode()  # she signs from the draft
    assert "vượt số dư quỹ thi đua, khen thưởng" in page and 'name="confirmed"' in page

    url = reverse("proposals:dossier_sign", args=[dossier.pk])
    day = timezone.localdate().strftime("%d/%m/%Y")
    response = client.post(url, {"day": day})
    assert response.status_code == 302 and "xac_nhan=1" in response["Location"]
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.VOTED

    response = client.post(url, {"day": day, "confirmed": "on"}, follow=True)
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.DECIDED
    assert "Người ký đã xác nhận ký vượt quỹ" in response.content.decode()


def test_no_confirmation_box_when_the_fund_covers_the_decision(flow, fund, client_as):
    dossier = flow.voted(nominees=NOMINEES)
    _spend_all_but(fund, flow.officer, keep=5_000_000)
    page = client_as("chutich").get(reverse("documents:draft", args=[dossier.pk])).content.decode()
    assert "còn 5.000.000 đồng" in page and 'name="confirmed"' not in page
