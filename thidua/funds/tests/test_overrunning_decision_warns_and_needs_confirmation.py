"""A decision that would take the year's reward fund below zero is refused with a Vietnamese
warning until the signer confirms the overrun; the confirmation is audited."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.core.models import AuditEntry
from thidua.funds import services
from thidua.funds.ledger import fund_figures
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db
YEAR = 2023


@pytest.fixture
def fund(demo_user):
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    officer = demo_user("canbotdkt")
    fund = services.open_fund(actor=officer, commune=commune, year=YEAR, opening_balance=1_000_000)
    services.add_receipt(actor=officer, fund=fund, kind="budget", date=datetime.date(YEAR, 1, 10),
                         amount=4_000_000, reference="QĐ giao dự toán")
    services.add_receipt(actor=officer, fund=fund, kind="donation", donor="Công ty TNHH Xa Hưng",
                         date=datetime.date(YEAR, 3, 2), amount=500_000)
    return fund


def test_a_decision_within_the_fund_may_be_signed(fund):
    balance = fund_figures(fund.commune, YEAR).balance
    assert balance == 5_500_000 - fund_figures(fund.commune, YEAR).spending
    check = services.check_fund_before_signing(decision_total=balance - 100_000, commune=fund.commune, year=YEAR)
    assert check.ok and not check.overrun and check.balance_after == 100_000
    assert "còn 100.000 đồng" in check.message


def test_an_overrun_warns_and_is_refused_until_confirmed(fund, demo_user):
    balance = fund_figures(fund.commune, YEAR).balance
    check = services.check_fund_before_signing(decision_total=balance + 710_000, commune=fund.commune, year=YEAR)
    assert not check.ok and check.overrun and check.needs_confirmation
    assert check.balance_after == -710_000
    assert "vượt số dư quỹ thi đua, khen thưởng năm 2023" in check.message
    assert "710.000 đồng" in check.message and "Cần xác nhận ký vượt quỹ" in check.message
    with pytest.raises(ValidationError) as exc:
        services.require_fund_ok(decision_total=balance + 710_000, commune=fund.commune, year=YEAR)
    assert exc.value.code == "fund_overrun"

    chairman = demo_user("chutich")
    audited = AuditEntry.objects.count()
    confirmed = services.check_fund_before_signing(decision_total=balance + 710_000, commune=fund.commune,
                                                   year=YEAR, confirm_overrun=True, actor=chairman)
    assert confirmed.ok and confirmed.overrun and not confirmed.needs_confirmation
    assert "đã xác nhận" in confirmed.message
    entry = AuditEntry.objects.order_by("-id").first()
    assert AuditEntry.objects.count() == audited + 1
    assert entry.actor == chairman and entry.object_id == str(fund.pk) and entry.after["balance_after"] == -710_000


def test_without_a_fund_for_the_year_signing_goes_on_with_a_notice():
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    check = services.check_fund_before_signing(decision_total=10_000_000, commune=commune, year=2019)
    assert check.ok and check.balance_after is None and "Chưa lập quỹ" in check.message


def test_only_the_office_keeps_the_fund(fund, demo_user):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.add_receipt(actor=demo_user("kiemtra"), fund=fund, kind="budget",
                             date=datetime.date(YEAR, 5, 1), amount=1)
    with pytest.raises(ValidationError):  # a donation names its donor
        services.add_receipt(actor=demo_user("canbotdkt"), fund=fund, kind="donation",
                             date=datetime.date(YEAR, 5, 1), amount=1)
    with pytest.raises(ValidationError):  # a receipt belongs to the fund's year
        services.add_receipt(actor=demo_user("canbotdkt"), fund=fund, kind="budget",
                             date=datetime.date(YEAR + 1, 5, 1), amount=1)
