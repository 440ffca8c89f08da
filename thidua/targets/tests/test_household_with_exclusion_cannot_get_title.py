"""A household with an exclusion of rules.md (ND 86/2023 Điều 6) cannot get "Gia đình văn
hóa", even when the village meeting proposed it: the eligibility engine decides."""
import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.rules.codes import HouseholdExclusion
from thidua.targets import culture, services
from thidua.targets.models import HouseholdReview, VillageReview

pytestmark = pytest.mark.django_db


def _waiting_review():
    return VillageReview.objects.get(village__name="Thôn Tân Hưng", year=2025)


@pytest.mark.parametrize("code", [e.value for e in HouseholdExclusion])
def test_the_engine_refuses_every_exclusion(code):
    entry = HouseholdReview(household_id=1, proposed=True, exclusions=[code])
    verdict = culture.judge_household(entry, 2025)
    assert not verdict.eligible
    failed = verdict.failed_checks
    assert failed and all("Nghị định 86/2023/NĐ-CP" in c.article for c in failed)
    assert HouseholdExclusion(code).label in failed[0].detail


def test_a_proposed_household_with_an_exclusion_gets_no_title(demo_user, small_review):
    officer = demo_user("canbotdkt")
    review = small_review
    entry = review.entries.filter(proposed=True, has_exclusion=False).select_related("household").first()
    services.record_household_result(actor=officer, entry=entry, proposed=True, exclusions=["gambling"],
                                     exclusion_note="Quyết định xử phạt số 12/QĐ-XPHC")
    entry.refresh_from_db()
    assert entry.has_exclusion and entry.exclusions == ["gambling"]
    assert AuditEntry.objects.filter(content_type__model="householdreview", object_id=str(entry.pk),
                                     action="update").exists()

    services.decide_households(actor=officer, review=review, decision_number="813/QĐ-UBND",
                               decision_date=datetime.date(2025, 11, 26), signer_name="Vũ Văn Nguyễn")
    entry.refresh_from_db()
    assert entry.award_id is None
    assert "đánh bạc" in entry.verdict_note
    assert not Award.objects.filter(household=entry.household, year=2025, award_type__code="GIA_DINH_VAN_HOA").exists()
    # Nowhere in the data does a household with an exclusion hold the title.
    assert not HouseholdReview.objects.filter(has_exclusion=True, award__isnull=False).exists()
    assert HouseholdReview.objects.filter(has_exclusion=True, proposed=True).exists()  # the demo has such cases


def test_results_are_frozen_once_decided(demo_user):
    officer = demo_user("canbotdkt")
    decided = VillageReview.objects.filter(year=2025, status=VillageReview.Status.DECIDED).first()
    entry = decided.entries.first()
    with pytest.raises(ValidationError, match="đã có quyết định"):
        services.record_household_result(actor=officer, entry=entry, proposed=False)
    with pytest.raises(ValidationError, match="đã có quyết định"):
        services.decide_households(actor=officer, review=decided, decision_number="1/QĐ-UBND",
                                   decision_date=datetime.date(2025, 12, 1), signer_name="X")


def test_the_household_form_records_exclusions_and_refuses_bad_input(client_as):
    client = client_as("canbotdkt")
    entry = _waiting_review().entries.filter(has_exclusion=False).first()
    url = f"/chi-tieu/van-hoa/ho/{entry.pk}/"
    response = client.post(url, {"proposed": "1", "movement_ok": "on", "prosperous_ok": "on",
                                 "exclusions": ["tax_evasion"], "exclusion_note": "Biên bản số 3"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.exclusions == ["tax_evasion"]
    bad = client.post(url, {"proposed": "1", "exclusions": ["not-a-code"]})
    assert bad.status_code == 400
    assert "Hãy chọn" in bad.content.decode() or "không hợp lệ" in bad.content.decode()


def test_a_clerk_cannot_record_results(client_as):
    entry = _waiting_review().entries.first()
    assert client_as("vanthu_mnhp").post(f"/chi-tieu/van-hoa/ho/{entry.pk}/", {"proposed": "0"}).status_code in (403, 404)
