"""The fund pages reach every write the funds services offer: the office corrects a year's
opening balance (audited) and opens the youth talent fund when the commune has none; the
auditor can do neither. The year page links each signed decision and each dossier awaiting
signature."""
import pytest
from django.urls import reverse

from thidua.core.models import AuditEntry
from thidua.funds.models import Fund, TalentDonation, TalentFund, TalentPayout
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune():
    return Organisation.objects.get(code="xa-nam-thanh-mien")


def test_the_office_corrects_the_opening_balance(client_as, commune):
    fund = Fund.objects.get(commune=commune, year=2025)
    url = reverse("funds:fund_edit", args=[2025])
    assert url in client_as("canbotdkt").get("/quy/2025/").content.decode()
    assert client_as("kiemtra").post(url, {"opening_balance": "1"}).status_code == 403
    assert client_as("canbotdkt").post(url, {"opening_balance": "-5"}).status_code == 400
    response = client_as("canbotdkt").post(url, {"opening_balance": "2500000", "note": "Số dư chuyển sang từ 2024"})
    assert response.status_code == 302
    fund.refresh_from_db()
    assert fund.opening_balance == 2_500_000
    entry = AuditEntry.objects.filter(object_id=str(fund.pk), action="update").latest("id")
    assert entry.after["opening_balance"] == 2_500_000
    assert "2.500.000 đồng" in client_as("chutich").get("/quy/2025/").content.decode()
    assert client_as("canbotdkt").get(reverse("funds:fund_edit", args=[1999])).status_code == 404


def test_the_office_opens_the_talent_fund_when_there_is_none(client_as, commune):
    TalentPayout.objects.all().delete()
    TalentDonation.objects.all().delete()
    TalentFund.objects.all().delete()
    assert client_as("kiemtra").post("/quy/tai-nang-tre/", {"name": "X"}).status_code == 403
    page = client_as("canbotdkt").get("/quy/tai-nang-tre/").content.decode()
    assert "Quỹ tài năng trẻ xã Nam Thanh Miện" in page  # the name offered
    response = client_as("canbotdkt").post("/quy/tai-nang-tre/", {"name": "Quỹ tài năng trẻ xã Nam Thanh Miện",
                                                                   "founded_on": "02/09/2025"})
    assert response.status_code == 302
    fund = TalentFund.objects.get(commune=commune)
    assert fund.founded_on.isoformat() == "2025-09-02"
    assert AuditEntry.objects.filter(object_id=str(fund.pk), action="create").exists()
    assert 'name="loai" value="thu"' in client_as("canbotdkt").get("/quy/tai-nang-tre/").content.decode()


def test_signed_decisions_on_the_year_page_open_their_decision(client_as, demo_user, settings, tmp_path):
    from django.apps import apps

    if not apps.is_installed("thidua.proposals"):
        pytest.skip("proposals not installed")
    from django.utils import timezone

    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    waiting = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    page = client_as("canbotdkt").get(f"/quy/{timezone.localdate().year}/").content.decode()
    assert reverse("proposals:dossier", args=[waiting.pk]) in page
    from thidua.proposals import services

    decision = services.sign_decision(actor=flow.chairman, dossier=waiting)
    page = client_as("canbotdkt").get(f"/quy/{timezone.localdate().year}/").content.decode()
    assert reverse("proposals:decision", args=[decision.pk]) in page
