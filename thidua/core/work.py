"""The home page's work queue: what waits for this user, from every process.

Higher apps add their lines without core importing them: in ``AppConfig.ready()`` they call
``work_sections.register(provider, order)`` with ``provider(user, today) -> WorkSection | None``.
Each line links to the page that does the work; an overdue line says so.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Callable


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str
    detail: str = ""
    due: datetime.date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class WorkSection:
    title: str
    items: list[WorkItem] = field(default_factory=list)
    more_url: str = ""        # the page with the whole list, when the section shows only the first ones
    total: int | None = None  # how many there are, when more than shown

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.items if item.overdue)


class WorkRegistry:
    def __init__(self):
        self._providers: list[tuple[int, Callable]] = []

    def register(self, provider: Callable, order: int = 100) -> Callable:
        self._providers.append((order, provider))
        self._providers.sort(key=lambda item: item[0])
        return provider

    def sections(self, user, today: datetime.date) -> list[WorkSection]:
        found = (provider(user, today) for _, provider in self._providers)
        return [section for section in found if section is not None and section.items]


work_sections = WorkRegistry()

SHOWN = 8  # lines a section shows on the home page before "xem tất cả"


def capped(title: str, items: list[WorkItem], more_url: str = "") -> WorkSection | None:
    """A section of at most SHOWN lines, overdue ones first, then by due date."""
    if not items:
        return None
    ordered = sorted(items, key=lambda i: (not i.overdue, i.due or datetime.date.max))
    return WorkSection(title=title, items=ordered[:SHOWN], more_url=more_url,
                       total=len(items) if len(items) > SHOWN else None)
