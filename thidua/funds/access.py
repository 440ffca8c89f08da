"""Who may read and keep the funds. Views and services use the same functions."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied

from thidua.accounts.models import Role
from thidua.org.models import Organisation

READERS = {Role.ADMIN, Role.OFFICER, Role.CHAIRMAN, Role.AUDITOR}
KEEPERS = {Role.ADMIN, Role.OFFICER}
NOT_ALLOWED = "Chỉ cán bộ thi đua – khen thưởng, lãnh đạo UBND xã và kiểm tra, giám sát được xem quỹ."
KEEPERS_ONLY = "Chỉ cán bộ thi đua – khen thưởng (hoặc quản trị) được ghi sổ quỹ."


def can_read(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in READERS))


def can_keep(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or user.role in KEEPERS))


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def commune_of(user) -> Organisation | None:
    """The commune whose funds the user keeps or reads: the commune of her scope unit; an
    administrator without a unit works on the home commune."""
    if user.unit_id:
        return user.unit.commune()
    return Organisation.objects.filter(code=settings.THIDUA_HOME_COMMUNE_CODE).first()
