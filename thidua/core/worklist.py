"""Extension points for the work that waits on someone, so that a process app adds to the
home page's work queue, to the officer's queue and to the daily deadline notices without the
page's app importing it.

- ``work_sections.register(provider, order)``: ``provider(user, today) -> WorkSection | None``;
  the home page lists each role's work, each line linking to the page that does it.
- ``queue_sections.register(provider)``: ``provider(request) -> (template_name, context) |
  None``; the work queue page (``/de-nghi/``) renders each section returned.
- ``key_figures.register(provider, order)``: ``provider(user, today) -> KeyFigurePanel | None``;
  the home page shows each panel (this year's figures against the plan's targets).
- ``deadline_notices.register(sender)``: ``sender(*, today) -> (label, count)``;
  ``manage.py send_deadline_notices`` runs each after its own and prints the count. A sender
  tells each person once per item, so the command stays safe to run every day.

Apps register in their ``AppConfig.ready()``.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .registry import Registry


class QueueSections(Registry):
    def render_list(self, request) -> list[dict]:
        sections = []
        for provider in self.providers:
            result = provider(request)
            if result:
                template_name, context = result
                sections.append({"template": template_name, "context": context})
        return sections


class DeadlineNotices(Registry):
    def run(self, *, today: datetime.date) -> list[tuple[str, int]]:
        return [sender(today=today) for sender in self.providers]


queue_sections = QueueSections()
deadline_notices = DeadlineNotices()


# --- The home page's work queue -------------------------------------------------------------------

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


class WorkRegistry(Registry):
    def sections(self, user, today: datetime.date) -> list[WorkSection]:
        found = (provider(user, today) for provider in self.providers)
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


# --- The home page's key figures ----------------------------------------------------------------

@dataclass(frozen=True)
class KeyFigure:
    """One figure of the year, computed from the data, against its target."""
    name: str
    value: str                      # this year's figure, as the pages show it ("87,5 %")
    target: str                     # what the plan asks ("trên 90 %")
    url: str                        # the page of the target
    share: Decimal | None = None    # how much of the target is reached, in per cent (at most 100)
    status: str = ""                # "Đúng tiến độ", "Có nguy cơ không đạt", …
    status_css: str = ""
    detail: str = ""

    @property
    def share_text(self) -> str:
        """'87,5 %' (one decimal, Vietnamese comma), '—' when the share cannot be told."""
        return "—" if self.share is None else f"{self.share:.1f} %".replace(".", ",")


@dataclass(frozen=True)
class KeyFigurePanel:
    title: str
    figures: list[KeyFigure] = field(default_factory=list)
    url: str = ""                   # the page with every target


class KeyFigureRegistry(Registry):
    def panels(self, user, today: datetime.date) -> list[KeyFigurePanel]:
        found = (provider(user, today) for provider in self.providers)
        return [panel for panel in found if panel is not None and panel.figures]


key_figures = KeyFigureRegistry()
