"""The administrator's reads, scoped: a commune's administrator sees her commune's accounts."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from thidua.accounts.models import User
from thidua.accounts.permissions import can
from thidua.accounts.scoping import scope_paths, visible_organisations
from thidua.core.models import CalendarDay
from thidua.core.text import given_name_key
from thidua.org.models import Organisation, Person


def _accounts(user) -> QuerySet[User]:
    if not can(user, "administer"):
        return User.objects.none()
    qs = User.objects.select_related("unit", "person")
    if user.is_superuser or not user.unit_id:
        return qs
    q = Q()
    for path in scope_paths(user):
        q |= Q(unit__path__startswith=path)
    return qs.filter(q)


def accounts(*, user, role: str = "", active: bool | None = None, query: str = "") -> list[User]:
    qs = _accounts(user)
    if role:
        qs = qs.filter(role=role)
    if active is not None:
        qs = qs.filter(is_active=active)
    if query:
        qs = qs.filter(Q(username__icontains=query) | Q(first_name__icontains=query)
                       | Q(last_name__icontains=query) | Q(person__full_name__icontains=query))
    return sorted(qs, key=lambda u: given_name_key(u.get_full_name()))


def get_account(*, user, pk: int) -> User:
    account = _accounts(user).filter(pk=pk).first()
    if account is None:
        raise Http404("Không tìm thấy tài khoản.")
    return account


def unit_choices(user) -> QuerySet[Organisation]:
    """Units an account may be scoped to: the current ones in the administrator's scope."""
    return visible_organisations(user).filter(valid_until__isnull=True)


def people_choices(user) -> QuerySet[Person]:
    """People who may hold an account: those with a position in a unit (not villagers)."""
    units = visible_organisations(user).exclude(kind=Organisation.Kind.VILLAGE)
    return Person.objects.filter(memberships__organisation__in=units).distinct()


@dataclass(frozen=True)
class CalendarLine:
    day: CalendarDay
    weekday: str


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def calendar_days(*, year: int) -> list[CalendarLine]:
    days = CalendarDay.objects.filter(day__year=year).order_by("day")
    return [CalendarLine(day=d, weekday=WEEKDAYS[d.day.weekday()]) for d in days]


def national_holidays(year: int) -> list[tuple[datetime.date, str]]:
    import holidays

    return sorted(holidays.country_holidays("VN", years=[year], language="vi").items())
