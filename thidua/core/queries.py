"""Small helpers for building querysets."""
from __future__ import annotations

from django.db.models import QuerySet


def filter_given(qs: QuerySet, **lookups) -> QuerySet:
    """``qs`` narrowed by each lookup whose value was given (a list page's optional filters:
    an empty string, None or 0 means "any")."""
    given = {lookup: value for lookup, value in lookups.items() if value}
    return qs.filter(**given) if given else qs
