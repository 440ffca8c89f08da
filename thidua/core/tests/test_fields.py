"""A forged id out of any integer range is a form error, not a database crash."""
import pytest
from django import forms

from thidua.core.fields import IdsChoiceField
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


class UnitsForm(forms.Form):
    units = IdsChoiceField(queryset=Organisation.objects.all())


@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999"])
def test_an_id_beyond_any_integer_is_not_a_valid_choice(value):
    form = UnitsForm({"units": [value]})
    assert not form.is_valid()
    assert "units" in form.errors


def test_real_ids_still_choose_the_records():
    unit = Organisation.objects.order_by("pk").first()
    form = UnitsForm({"units": [str(unit.pk)]})
    assert form.is_valid() and list(form.cleaned_data["units"]) == [unit]
