"""Spending is read from signed decisions, commitments from decisions awaiting signature:
signing moves a decision's total from one to the other, and the balance does not change."""
import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from thidua.awards import services as award_services
from thidua.awards.models import AwardType
from thidua.funds import services
from thidua.funds.ledger import dossier_total, fund_figures
from thidua.funds.models import Fund
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db

needs_proposals = pytest.mark.skipif(not apps.is_installed("thidua.proposals"), reason="proposals not installed")


@pytest.fixture
def commune():
    return Organisation.objects.get(code="xa-nam-thanh-mien")


def _fund(officer, commune, year):
    fund = Fund.objects.filter(commune=commune, year=year).first()
    return fund or services.open_fund(actor=officer, commune=commune, year=year, opening_balance=0)


@needs_proposals
def test_signing_moves_the_total_from_commitments_to_spending(demo_user, settings, tmp_path, commune):
    from thidua.proposals import services as proposal_services
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    year = timezone.localdate().year
    fund = _fund(flow.officer, commune, year)
    services.add_receipt(actor=flow.officer, fund=fund, kind="budget", date=datetime.date(year, 1, 15),
                         amount=100_000_000, reference="Dự toán ngân sách")
    before = fund_figures(commune, year)

    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    total, _ = dossier_total(dossier)
    assert total > 0
    waiting = fund_figures(commune, year)
    assert waiting.commitments == before.commitments + total
    assert waiting.spending == before.spending
    assert waiting.balance == before.balance - total
    assert any(r.dossier.pk == dossier.pk and r.total == total for r in waiting.commitment_rows)

    decision = proposal_services.sign_decision(actor=flow.chairman, dossier=dossier)
    signed = fund_figures(commune, year)
    assert signed.commitments == before.commitments
    assert signed.spending == before.spending + total
    assert signed.balance == waiting.balance
    row = next(r for r in signed.spending_rows if r.decision_number == decision.number)
    assert row.total == total and row.decision == decision


@needs_proposals
def test_the_dossier_being_signed_is_not_counted_twice(demo_user, settings, tmp_path, commune):
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    year = timezone.localdate().year
    _fund(flow.officer, commune, year)
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    total, _ = dossier_total(dossier)
    figures = fund_figures(commune, year)
    check = services.check_fund_before_signing(decision_total=total, commune=commune, year=year, dossier=dossier)
    assert check.balance_after == figures.balance  # its commitment becomes its spending


def test_decisions_in_the_ledger_count_as_spending_by_number_and_date(demo_user, commune):
    """Without the proposals app (or for decisions entered by hand) the ledger is the source."""
    officer = demo_user("canbotdkt")
    year = 2024
    before = fund_figures(commune, year)
    person = Person.objects.get(full_name="Vũ Thị Thanh")
    for amount in (1_410_000, 2_340_000):
        award_services.record_award(
            actor=officer, subject=person, award_type=AwardType.objects.get(code="CSTD_CO_SO"), year=year,
            issuer=commune, decision_number="77/QĐ-UBND", decision_date=datetime.date(year, 12, 20), amount=amount)
    after = fund_figures(commune, year)
    assert after.spending == before.spending + 3_750_000
    row = next(r for r in after.spending_rows if r.decision_number == "77/QĐ-UBND")
    assert (row.count, row.total, row.decision_date) == (2, 3_750_000, datetime.date(year, 12, 20))
    assert after.commitments == 0  # only this year's decisions await a signature
