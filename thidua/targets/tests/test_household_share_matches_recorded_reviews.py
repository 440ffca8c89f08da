"""The share of "Gia đình văn hóa" per village and for the commune is exactly what the
recorded reviews say, and follows every change of them (a decision, a revocation)."""
import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest

from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.targets import selectors, services
from thidua.targets.models import HouseholdReview, VillageReview

pytestmark = pytest.mark.django_db


def _pct(ok, total):
    return (Decimal(ok * 100) / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _hand_count(review):
    listed = recognised = 0
    for entry in HouseholdReview.objects.filter(review=review).select_related("award"):
        listed += 1
        if entry.award is not None and not entry.award.revoked:
            recognised += 1
    return recognised, listed


@pytest.mark.parametrize("year", [2024, 2025])
def test_each_village_share_equals_its_recorded_reviews(demo_user, client_as, year):
    overview = selectors.culture_overview(user=demo_user("canbotdkt"), year=year)
    assert overview["villages"] == 17
    commune_ok = commune_total = 0
    for line in overview["lines"]:
        ok, listed = _hand_count(line.review)
        assert (line.recognised, line.listed) == (ok, listed), line.village.name
        if line.review.status == VillageReview.Status.DECIDED:
            assert line.share == _pct(ok, listed)
            commune_ok, commune_total = commune_ok + ok, commune_total + listed
        else:
            assert line.share is None  # no decision yet: no share to speak of
    assert (overview["recognised"], overview["households"]) == (commune_ok, commune_total)
    assert overview["share"] == _pct(commune_ok, commune_total)
    assert Decimal(95) <= overview["share"] <= Decimal(98)  # the demo's ~96 %

    html = client_as("canbotdkt").get(f"/chi-tieu/van-hoa/?nam={year}").content.decode()
    shown = str(overview["share"]).replace(".", ",") + " %"
    assert f'id="commune-share">{shown}' in html


def test_a_revoked_family_title_leaves_the_village_share(demo_user):
    officer = demo_user("canbotdkt")
    review = VillageReview.objects.get(village__name="Thôn Hội Yên", year=2024)
    before = next(line for line in selectors.culture_overview(user=officer, year=2024)["lines"]
                  if line.review == review)
    award = Award.objects.filter(household_review__review=review).first()
    award_services.revoke_award(actor=officer, award=award, reason="Quyết định thu hồi số 5/QĐ-UBND")
    after = next(line for line in selectors.culture_overview(user=officer, year=2024)["lines"]
                 if line.review == review)
    assert after.recognised == before.recognised - 1 == _hand_count(review)[0]


def test_deciding_the_waiting_village_writes_the_ledger_and_moves_the_share(demo_user):
    officer = demo_user("canbotdkt")
    review = VillageReview.objects.get(village__name="Thôn Tân Hưng", year=2025)
    assert review.status == VillageReview.Status.MEETING_HELD
    proposed = review.entries.filter(proposed=True).count()
    result = services.decide_households(actor=officer, review=review, decision_number="812/QĐ-UBND",
                                        decision_date=datetime.date(2025, 11, 25), signer_name="Vũ Văn Nguyễn",
                                        signer_title="KT. Chủ tịch - Phó Chủ tịch UBND xã")
    awards = Award.objects.filter(decision_number="812/QĐ-UBND", award_type__code="GIA_DINH_VAN_HOA")
    assert awards.count() == result["recognised"] == _hand_count(review)[0]
    assert result["recognised"] <= proposed
    assert set(awards.values_list("issuer_name", flat=True)) == {"UBND xã Nam Thanh Miện"}
    # Each title went through the award ledger's service: one audit row each.
    assert AuditEntry.objects.filter(content_type__model="award", action="create",
                                     object_id__in=[str(pk) for pk in awards.values_list("pk", flat=True)]
                                     ).count() == result["recognised"]
    overview = selectors.culture_overview(user=officer, year=2025)
    assert overview["decided"] == 17
    ok, total = sum(_hand_count(r)[0] for r in VillageReview.objects.filter(year=2025)), \
        HouseholdReview.objects.filter(review__year=2025).count()
    assert overview["share"] == _pct(ok, total)
