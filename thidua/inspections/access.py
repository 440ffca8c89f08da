"""Who may do what with inspections: the commune-wide roles read (the council, the chairman,
the supervisors); the commune's emulation & commendation office plans and records. A unit's
clerk does not see the commune's inspection file."""
from __future__ import annotations

from thidua.movements.access import can_manage, user_commune  # noqa: F401 — the same office


def can_read(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.is_commune_wide)
