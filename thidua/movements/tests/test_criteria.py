"""Criteria sets: quantified criteria with bonus and penalty items, bands as data, versions."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from thidua.movements import services
from thidua.movements.models import CriteriaSet, Criterion

from .conftest import schools_block

pytestmark = pytest.mark.django_db


def _current(year=2026) -> CriteriaSet:
    return CriteriaSet.objects.filter(block=schools_block(year)).order_by("-version").first()


def test_the_demo_schools_set_has_100_points_of_criteria_bonus_penalty_and_bands():
    cs = _current()
    regular = sum(c.max_points for c in cs.criteria.filter(kind="regular"))
    assert regular == Decimal(100)
    assert cs.criteria.filter(kind="bonus").exists() and cs.criteria.filter(kind="penalty").exists()
    assert {b.code: b.min_points for b in cs.bands.all()} == {
        "xuat_sac": Decimal(95), "tot": Decimal(85), "hoan_thanh": Decimal(70), "chua_hoan_thanh": Decimal(0)}
    assert cs.criteria.exclude(evidence_required="").exists()


def test_a_set_in_use_is_not_edited_in_place(demo_user, client_as):
    cs = _current()
    assert cs.in_use
    criterion = cs.criteria.first()
    with pytest.raises(ValidationError, match="hãy tạo phiên bản mới"):
        services.update_criterion(actor=demo_user("canbotdkt"), criterion=criterion, max_points=Decimal(20))
    response = client_as("canbotdkt").post(f"/phong-trao/muc-tieu-chi/{criterion.pk}/xoa/")
    assert response.status_code == 400 and "phiên bản mới" in response.content.decode()
    assert Criterion.objects.filter(pk=criterion.pk).exists()


def test_new_version_copies_criteria_and_bands_and_becomes_the_current_set(client_as):
    cs = _current()
    response = client_as("canbotdkt").post(f"/phong-trao/tieu-chi/{cs.pk}/phien-ban-moi/")
    copy = _current()
    assert response.status_code == 302 and copy.version == cs.version + 1 and copy.previous == cs
    assert list(copy.criteria.values_list("code", "max_points", "kind")) == list(
        cs.criteria.values_list("code", "max_points", "kind"))
    assert copy.bands.count() == 4 and not copy.in_use
    response = client_as("canbotdkt").post(f"/phong-trao/tieu-chi/{copy.pk}/them-tieu-chi/", {
        "group": "IV. Điểm thưởng", "code": "T.3", "text": "Đạt giải cấp quốc gia", "kind": "bonus",
        "max_points": "2,5", "evidence_required": "Giấy chứng nhận", "order": 30})
    assert response.status_code == 302
    assert copy.criteria.get(code="T.3").max_points == Decimal("2.5")
    assert not cs.criteria.filter(code="T.3").exists()


def test_bands_must_decrease_from_excellent_to_not_completed(demo_user):
    block = schools_block(2026)
    with pytest.raises(ValidationError, match="giảm dần"):
        services.create_criteria_set(actor=demo_user("canbotdkt"), block=block, movement=_current().movement,
                                     name="Sai xếp loại", bands={
            "xuat_sac": Decimal(80), "tot": Decimal(85), "hoan_thanh": Decimal(70), "chua_hoan_thanh": Decimal(0)})


def test_only_managers_edit_criteria(client_as):
    cs = _current()
    for username in ("vanthu_mnhp", "hoidong"):
        assert client_as(username).post(f"/phong-trao/tieu-chi/{cs.pk}/phien-ban-moi/").status_code == 403
