"""The person behind an account, for every official document: a signature block, minutes or a
list names the person (full name, position from the person record linked to the account),
never the account's label ("Chủ tịch UBND xã")."""
from __future__ import annotations

import datetime

from django.utils import timezone


def full_name(user) -> str:
    """The linked person's full name; the account's own name only when no person is linked."""
    person = getattr(user, "person", None)
    if person is not None and person.full_name:
        return person.full_name
    return user.get_full_name()


def position(user, day: datetime.date | None = None) -> str:
    """The position held on ``day`` (the person's membership current then, the latest one
    else); the account's title when the person record has none."""
    person = getattr(user, "person", None)
    if person is not None:
        day = day or timezone.localdate()
        memberships = [m for m in person.memberships.all() if m.position]
        current = [m for m in memberships if m.is_current_on(day)] or memberships
        if current:
            return sorted(current, key=lambda m: m.start or datetime.date.min)[-1].position
    return (user.title or "").strip()


def is_deputy(user, day: datetime.date | None = None) -> bool:
    """A vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    return position(user, day).strip().lower().startswith("phó")


def committee_signers(commune, day: datetime.date | None = None) -> tuple[object | None, list]:
    """Who signs for the commune's committee: its chairman (None when no active signing account
    of the commune is the chairman) and its vice-chairmen, by the position of each linked person."""
    from .models import Role, User

    signers = list(User.objects.filter(role=Role.CHAIRMAN, unit=commune, is_active=True)
                   .select_related("person").prefetch_related("person__memberships").order_by("pk"))
    deputies = [u for u in signers if is_deputy(u, day)]
    chairman = next((u for u in signers if u not in deputies), None)
    return chairman, deputies
