import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.awards import services
from thidua.awards.engine import current_parameters
from thidua.awards.models import AwardType, RuleParameter
from thidua.core.models import AuditEntry
from thidua.rules.money import reward_amount
import datetime

pytestmark = pytest.mark.django_db


def test_catalogue_is_seeded_from_the_rules_with_sources():
    assert AwardType.objects.get(code="GIAY_KHEN_XA").authority == "Chủ tịch Ủy ban nhân dân xã"
    p = RuleParameter.objects.get(key="coefficient.GIAY_KHEN_XA.individual")
    assert (p.value_text, p.marker) == ("0.3", "U")
    assert RuleParameter.objects.get(key="base_salary.2026-07-01").value_text == "2530000"


def test_an_edited_threshold_changes_what_the_engine_decides(demo_user):
    param = RuleParameter.objects.get(key="ttldtt_min_ldtt_share")
    services.update_parameter(actor=demo_user("quantri"), parameter=param, value_text="0.8",
                              source_note="Quy chế thi đua của xã năm 2026, Điều 5")
    assert str(current_parameters().ttldtt_min_ldtt_share) in ("4/5", "0.8")
    entry = AuditEntry.objects.first()
    assert entry.before == {"value_text": "0.7", "source_note": ""} and entry.after["value_text"] == "0.8"


def test_an_unreadable_value_is_refused_and_nothing_changes(demo_user):
    param = RuleParameter.objects.get(key="ttldtt_min_ldtt_share")
    with pytest.raises(ValidationError):
        services.update_parameter(actor=demo_user("quantri"), parameter=param, value_text="bảy mươi",
                                  source_note="thử")
    assert RuleParameter.objects.get(key="ttldtt_min_ldtt_share").value_text == "0.7"


def test_only_the_administrator_edits_rules(demo_user, client_as):
    param = RuleParameter.objects.get(key="ttldtt_min_ldtt_share")
    with pytest.raises(PermissionDenied):
        services.update_parameter(actor=demo_user("canbotdkt"), parameter=param, value_text="0.8", source_note="x")
    assert client_as("canbotdkt").get(f"/khen-thuong/danh-muc/tham-so/{param.pk}/").status_code == 403


def test_the_administrator_edits_through_the_page_with_a_source(client_as):
    param = RuleParameter.objects.get(key="coefficient.GIAY_KHEN_XA.individual")
    client = client_as("quantri")
    response = client.post(f"/khen-thuong/danh-muc/tham-so/{param.pk}/", {"value_text": "0.3", "source_note": ""})
    assert "Trường này là bắt buộc" in response.content.decode() or "bắt buộc" in response.content.decode()
    response = client.post(f"/khen-thuong/danh-muc/tham-so/{param.pk}/",
                           {"value_text": "0.4", "source_note": "Quyết định của UBND thành phố"})
    assert response.status_code == 302
    assert RuleParameter.objects.get(pk=param.pk).value_text == "0.4"


def test_a_new_base_salary_applies_from_its_date(demo_user):
    services.add_base_salary(actor=demo_user("quantri"), effective_from=datetime.date(2027, 7, 1),
                             amount=2_800_000, article="Nghị định giả định 2027")
    params = current_parameters()
    assert reward_amount("LDTT", "individual", datetime.date(2027, 6, 30), params) == 760_000
    assert reward_amount("LDTT", "individual", datetime.date(2027, 7, 1), params) == 840_000
