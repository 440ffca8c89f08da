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


class VietnameseOrderIterator(forms.models.ModelChoiceIterator):
    """The choices of a model select in Vietnamese alphabetical order (ICU), whatever the
    table's own ordering: "Thôn Lại Xá" before "Thôn Lưu Xá", "Đ" after "D", not last."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(obj) for obj in self.queryset]
        yield from sorted(choices, key=lambda choice: self.field.sort_key(str(choice[1])))


class VietnameseModelChoiceField(forms.ModelChoiceField):
    """A model select in Vietnamese order; ``by_given_name=True`` orders people as Vietnamese
    lists do (given name, then the full name)."""

    iterator = VietnameseOrderIterator

    def __init__(self, queryset, *, by_given_name: bool = False, **kwargs):
        from .text import collation_key, given_name_key

        self.sort_key = given_name_key if by_given_name else collation_key
        super().__init__(queryset, **kwargs)
