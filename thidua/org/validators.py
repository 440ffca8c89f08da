import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CCCD = re.compile(r"[0-9]{12}")


def validate_citizen_id(value: str) -> None:
    """Căn cước công dân: exactly 12 digits."""
    if value and not _CCCD.fullmatch(value):
        raise ValidationError(
            _("Số CCCD phải gồm đúng 12 chữ số (đã nhập: “%(value)s”)."),
            code="invalid_citizen_id", params={"value": value},
        )
