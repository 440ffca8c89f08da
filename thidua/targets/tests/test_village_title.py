"""The village's own title "Thôn văn hóa": only after the households' decision, only with
the minimum share of recognised households (an editable [U] parameter with its source)."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.targets import culture, services
from thidua.targets.models import VillageReview

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    return VillageReview.objects.get(village__name="Thôn Tân Hưng", year=2025)


def test_the_village_title_needs_the_household_decision_first(demo_user, waiting):
    with pytest.raises(ValidationError, match="Gia đình văn hóa của thôn trước"):
        services.decide_village_title(actor=demo_user("canbotdkt"), review=waiting, criteria_met=True,
                                      decision_number="1/QĐ-UBND", decision_date=datetime.date(2025, 11, 28))


def test_the_title_is_written_to_the_ledger_with_its_reward(demo_user, small_review):
    officer, waiting = demo_user("canbotdkt"), small_review
    services.decide_households(actor=officer, review=waiting, decision_number="820/QĐ-UBND",
                               decision_date=datetime.date(2025, 11, 25), signer_name="Vũ Văn Nguyễn")
    review = services.decide_village_title(actor=officer, review=waiting, criteria_met=True,
                                           decision_number="821/QĐ-UBND", decision_date=datetime.date(2025, 11, 28))
    award = review.village_award
    assert award.award_type.code == "THON_VAN_HOA" and award.organisation == waiting.village
    assert award.amount == 3_510_000  # 1,5 × 2.340.000
    with pytest.raises(ValidationError, match="đã được ghi"):
        services.decide_village_title(actor=officer, review=review, criteria_met=True,
                                      decision_number="822/QĐ-UBND", decision_date=datetime.date(2025, 11, 28))


def test_below_the_minimum_share_the_title_is_refused_with_the_reason(demo_user, small_review):
    admin, officer, waiting = demo_user("quantri"), demo_user("canbotdkt"), small_review
    services.record_household_result(actor=officer, entry=waiting.entries.first(), proposed=True,
                                     exclusions=["public_order_violation"])
    services.decide_households(actor=officer, review=waiting, decision_number="830/QĐ-UBND",
                               decision_date=datetime.date(2025, 11, 25), signer_name="Vũ Văn Nguyễn")
    with pytest.raises(PermissionDenied):
        services.update_culture_parameter(actor=officer, key="thon_van_hoa.min_household_share",
                                          value=Decimal(99), source_note="x")
    with pytest.raises(ValidationError, match="nguồn"):
        services.update_culture_parameter(actor=admin, key="thon_van_hoa.min_household_share",
                                          value=Decimal(99), source_note=" ")
    row = services.update_culture_parameter(actor=admin, key="thon_van_hoa.min_household_share",
                                            value=Decimal("99.5"), source_note="Quyết định của UBND thành phố (giả định)")
    assert culture.parameter("thon_van_hoa.min_household_share") == Decimal("99.5")
    assert AuditEntry.objects.filter(content_type__model="cultureparameter", object_id=str(row.pk)).exists()
    with pytest.raises(ValidationError, match="thấp hơn mức tối thiểu 99,5 %"):
        services.decide_village_title(actor=officer, review=waiting, criteria_met=True,
                                      decision_number="831/QĐ-UBND", decision_date=datetime.date(2025, 11, 28))
    refused = services.decide_village_title(actor=officer, review=waiting, criteria_met=False,
                                            note="Chưa đạt tiêu chí về thiết chế văn hóa")
    assert refused.village_criteria_met is False and refused.village_award is None
    assert not Award.objects.filter(organisation=waiting.village, year=2025, award_type__code="THON_VAN_HOA").exists()


def test_the_review_page_walks_through_meeting_decision_and_title(client_as, small_village):
    client = client_as("canbotdkt")
    village = small_village
    opened = client.post("/chi-tieu/van-hoa/mo-binh-xet/", {"village": village.pk, "year": 2026})
    review = VillageReview.objects.get(village=village, year=2026)
    assert opened.status_code == 302 and review.entries.count() == village.households.count()
    url = f"/chi-tieu/van-hoa/binh-xet/{review.pk}/"
    assert client.post(url, {"action": "hop", "hop-meeting_date": "31/02/2026"}).status_code == 400
    assert client.post(url, {"action": "hop", "hop-meeting_date": "10/11/2026", "hop-attendance": "120",
                             "hop-chair": "Trưởng thôn"}).status_code == 302
    bad = client.post(url, {"action": "qd", "qd-decision_number": "", "qd-decision_date": "20/11/2026",
                            "qd-signer_name": "Vũ Văn Nguyễn", "qd-signer_title": "Chủ tịch UBND xã"})
    assert bad.status_code == 400
    done = client.post(url, {"action": "qd", "qd-decision_number": "900/QĐ-UBND", "qd-decision_date": "20/11/2026",
                             "qd-signer_name": "Vũ Văn Nguyễn", "qd-signer_title": "Chủ tịch UBND xã"}, follow=True)
    assert "hộ được công nhận" in done.content.decode()
    review.refresh_from_db()
    assert review.status == VillageReview.Status.DECIDED
    titled = client.post(url, {"action": "tvh", "tvh-criteria_met": "1", "tvh-decision_number": "901/QĐ-UBND",
                               "tvh-decision_date": "21/11/2026"})
    assert titled.status_code == 302
    assert client.post(url, {"action": "khac"}).status_code == 404
