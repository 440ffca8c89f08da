"""The checklist of a finding comes from the unit's block criteria and its registration; the
team records results and evidence files are checked by content."""
from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.inspections import services
from thidua.movements.models import CriteriaSet


def test_the_checklist_is_drawn_from_the_blocks_criteria_and_the_registration(world):
    criteria = CriteriaSet.objects.filter(block__year=2026, block__members=world.school).order_by("-version").first()
    codes = [i.code for i in world.finding.items.all()]
    assert criteria is not None and codes[:criteria.criteria.count()] == list(
        criteria.criteria.values_list("code", flat=True))
    registration = [i.text for i in world.finding.items.filter(source="registration")]
    assert registration and "năm 2026" in registration[0]


def test_the_commendation_work_checklist_is_the_standing_points(world):
    inspection = services.create_inspection(
        actor=world.officer, plan=world.plan, topic="commendation", units=[world.school], team="Trưởng đoàn",
        start_date=datetime.date(2026, 5, 4), end_date=datetime.date(2026, 5, 5))
    finding = services.open_finding(actor=world.officer, inspection=inspection, unit=world.school)
    assert [i.code for i in finding.items.filter(source="commendation")][:2] == ["KT1", "KT2"]


def test_the_team_records_results_within_the_inspection_dates(world):
    item = world.finding.items.first()
    services.record_finding(actor=world.officer, finding=world.finding, inspected_on=datetime.date(2026, 3, 3),
                            conclusion="Đạt yêu cầu.", results={item.pk: ("not_met", "Thiếu minh chứng")})
    item.refresh_from_db()
    assert (item.result, item.note) == ("not_met", "Thiếu minh chứng")
    with pytest.raises(ValidationError, match="trong thời gian của đợt"):
        services.record_finding(actor=world.officer, finding=world.finding, inspected_on=datetime.date(2026, 4, 1))


def test_an_evidence_file_is_checked_by_its_content(world):
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="không phải"):
        services.add_evidence(actor=world.officer, finding=world.finding, upload=fake)
    assert not world.finding.files.exists()


def test_a_council_member_reads_but_cannot_record(world, client_as):
    url = f"/kiem-tra/ket-qua/{world.finding.pk}/"
    client = client_as("hoidong")
    assert client.get(url).status_code == 200
    assert client.post(url, {"conclusion": "Sửa"}).status_code == 403
    assert client_as("vanthu_thcstg").get(url).status_code == 403
