"""Who may do what at province level. A province-level user is one whose scope unit is the city
(``thidua.accounts.scoping.province_of``): every role reads the dashboards and the communes'
completeness; the province's administrator creates communes, mergers and their administrators;
the province's office (administrator, officer) loads a commune's data and sets the targets."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied

from thidua.accounts.models import Role
from thidua.accounts.scoping import province_of
from thidua.org.models import Organisation

WRITERS = {Role.ADMIN, Role.OFFICER}


def is_province_reader(user) -> bool:
    return province_of(user) is not None


def is_province_admin(user) -> bool:
    return province_of(user) is not None and user.role == Role.ADMIN


def is_province_office(user) -> bool:
    return province_of(user) is not None and user.role in WRITERS


def province_for(user) -> Organisation:
    """The user's province, or 403: the pages of this app are the province's."""
    province = province_of(user)
    if province is None:
        raise PermissionDenied("Trang này dành cho cán bộ cấp tỉnh.")
    return province


def require_admin(user) -> Organisation:
    province = province_for(user)
    if user.role != Role.ADMIN:
        raise PermissionDenied("Chỉ quản trị hệ thống của tỉnh được tạo xã, phường và tài khoản quản trị của xã.")
    return province


def require_office(user) -> Organisation:
    province = province_for(user)
    if user.role not in WRITERS:
        raise PermissionDenied("Chỉ cán bộ Ban Thi đua – Khen thưởng tỉnh được làm việc này.")
    return province
