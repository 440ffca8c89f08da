import datetime

import pytest

from thidua.core.models import CalendarDay
from thidua.core.workdays import add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db
D = datetime.date


def test_five_working_days_from_the_friday_before_tet_land_after_the_holidays():
    # Tết Đinh Mùi 2027: 04/02 (29 Tết) to 10/02 (mùng 5) off.
    assert add_working_days(D(2027, 1, 29), 5) == D(2027, 2, 12)
    # Tết Bính Ngọ 2026: 16/02 to 20/02 off.
    assert add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)


def test_weekends_and_national_days_are_skipped():
    assert not is_working_day(D(2026, 9, 2))  # Quốc khánh
    assert not is_working_day(D(2026, 11, 28))  # Saturday
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 4)  # 30/4, 1/5 then the weekend


def test_days_the_administrator_adds_are_respected():
    CalendarDay.objects.create(day=D(2026, 12, 1), name="Nghỉ bầu cử bổ sung (địa phương)")
    CalendarDay.objects.create(day=D(2026, 12, 5), is_working_day=True, name="Làm bù thứ Bảy")
    assert add_working_days(D(2026, 11, 30), 1) == D(2026, 12, 2)
    assert is_working_day(D(2026, 12, 5), {D(2026, 12, 5): True})
    assert working_days_between(D(2026, 11, 30), D(2026, 12, 7)) == 5  # 2,3,4,5(Sat, worked),7


def test_returning_an_incomplete_dossier_within_five_working_days():
    received = D(2026, 12, 10)  # Thursday
    assert add_working_days(received, 5) == D(2026, 12, 17)
