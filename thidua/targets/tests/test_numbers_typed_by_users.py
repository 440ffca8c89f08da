"""Numbers are typed the Vietnamese way or the other; what is not a usable number is refused
in Vietnamese (a NaN once reached the database layer and answered 500)."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from thidua.targets.services import parse_number


@pytest.mark.parametrize("text, value", [
    ("96,5", Decimal("96.5")), ("96.5", Decimal("96.5")), ("1.234,5", Decimal("1234.5")),
    ("96,5 %", Decimal("96.5")), (12, Decimal(12)), ("0", Decimal(0)),
])
def test_numbers_written_either_way_are_read(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["NaN", "nan", "Infinity", "-inf", "1e308", "99999999999999999999", "mười",
                                  "", float("nan")])
def test_what_is_not_a_usable_number_is_refused_in_vietnamese(text):
    with pytest.raises(ValidationError, match="không phải là số"):
        parse_number(text)


@pytest.mark.django_db
def test_the_administrator_typing_nan_as_a_parameter_gets_a_form_error(client_as):
    from thidua.targets import culture

    key = culture.parameters()[0].default.key
    response = client_as("quantri").post(f"/chi-tieu/van-hoa/tham-so/{key}/", {"value": "NaN", "source_note": "QĐ 1"})
    assert response.status_code in (200, 400)
    assert "không phải là số" in response.content.decode()


@pytest.mark.django_db
def test_a_planned_value_that_rounds_past_the_column_is_refused_not_a_crash(demo_user):
    from thidua.targets.models import Target
    from thidua.targets.services import set_planned

    target = Target.objects.exclude(direction=Target.Direction.REACH).exclude(unit="%").order_by("pk").first()
    with pytest.raises(ValidationError, match="không hợp lệ"):
        set_planned(actor=demo_user("canbotdkt"), target=target, year=2027,
                    planned=parse_number("999.999.999.999,995"))
