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
    table's own ordering: "Thôn Lại Xá" before "Thôn Lưu Xá", "Đ" after "D", "Ngô" before
    "Nguyễn". People (and accounts) are ordered as Vietnamese lists order them: by given name,
    then the full name. Installed as the iterator of every ModelChoiceField by ``CoreConfig``,
    so no select of records can be left in code-point order."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        keyed = [(sort_key(obj, self.field.label_from_instance(obj)), self.choice(obj)) for obj in self.queryset]
        yield from (choice for _, choice in sorted(keyed, key=lambda item: item[0]))


def sort_key(obj, label: str):
    """People and accounts by the person's given name, then the full name; anything else by
    its label."""
    from .text import collation_key, given_name_key

    if hasattr(obj, "full_name"):
        return given_name_key(obj.full_name)
    if hasattr(obj, "get_full_name"):
        return given_name_key(obj.get_full_name())
    return collation_key(str(label))


def install_vietnamese_order() -> None:
    forms.ModelChoiceField.iterator = VietnameseOrderIterator
