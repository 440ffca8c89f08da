"""Form fields shared by the apps."""
from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

BIGINT = (-(2 ** 63), 2 ** 63 - 1)


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of records by id that answers a forged id out of any integer range
    ("99999999999999999999") with the usual "not a valid choice" error: Django sends it to the
    database, where SQLite overflows (a 500)."""

    def _check_values(self, value):
        for pk in value or ():
            try:
                number = int(str(pk))
            except (TypeError, ValueError):
                continue  # the parent answers "not a valid value"
            if not BIGINT[0] <= number <= BIGINT[1]:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": pk})
        return super()._check_values(value)
