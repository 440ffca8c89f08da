"""The final review of a 2020–2025 movement shows the units' scores of the latest year of the
period in which they were scored (not "Năm 2020 chưa có kết quả…" because 2020 was not
scored), and a review without inspections says so once, without "Đã kiểm tra 0 lượt đơn vị"."""
from __future__ import annotations

import datetime

import pytest

from thidua.documents.reports import output, review
from thidua.documents.tests.conftest import docx_text
from thidua.movements.models import CriteriaSet, Movement, Scorecard
from thidua.org.models import EmulationBlock
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db


def _movement(commune, **dates) -> Movement:
    return Movement.objects.create(commune=commune, name="Thi đua văn hóa công sở", level=Movement.Level.CENTRAL,
                                   **dates)


def _scored(commune, unit, year: int) -> None:
    block = EmulationBlock.objects.create(commune=commune, year=year, name="Khối các trường học")
    block.members.add(unit)
    criteria = CriteriaSet.objects.create(block=block, name=f"Tiêu chí năm {year}")
    Scorecard.objects.create(criteria_set=criteria, organisation=unit, state=Scorecard.State.LOCKED)


def test_the_review_of_a_2020_2025_movement_shows_the_latest_scored_year():
    b = Builder()
    commune = b.commune()
    school = b.unit(commune, name="Trường Tiểu học Thử")
    _scored(commune, school, 2023)
    _scored(commune, school, 2024)
    movement = _movement(commune, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2025, 12, 31))

    text = docx_text(output.render_report_docx(
        review.build_review(movement=movement, final=True, date=datetime.date(2026, 1, 10))))

    assert "Kết quả chấm điểm thi đua năm 2024" in text and "Trường Tiểu học Thử" in text
    assert "chưa có kết quả chấm điểm" not in text


def test_an_unscored_movement_says_so_for_its_whole_period_and_never_counts_zero_inspections():
    commune = Builder().commune()
    movement = _movement(commune, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2025, 12, 31))

    text = docx_text(output.render_report_docx(
        review.build_review(movement=movement, final=True, date=datetime.date(2026, 1, 10))))

    assert "Giai đoạn 2020-2025 chưa có kết quả chấm điểm thi đua của các đơn vị." in text
    assert "Năm 2020" not in text
    assert "Trong kỳ chưa tổ chức kiểm tra phong trào." in text
    assert "Đã kiểm tra 0" not in text and "0 lượt đơn vị" not in text
