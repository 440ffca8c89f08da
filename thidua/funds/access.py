"""Who may read and keep the funds. Views and services use the same functions."""
from __future__ import annotations

from thidua.accounts.permissions import can, require  # noqa: F401 — require: the one refusal
from thidua.accounts.scoping import commune_of  # noqa: F401 — the commune, resolved once per request

NOT_ALLOWED = "Chỉ cán bộ thi đua – khen thưởng, lãnh đạo UBND xã và kiểm tra, giám sát được xem quỹ."
KEEPERS_ONLY = "Chỉ cán bộ thi đua – khen thưởng (hoặc quản trị) được ghi sổ quỹ."


def can_read(user) -> bool:
    return can(user, "read_funds")


def can_keep(user) -> bool:
    return can(user, "keep_funds")
