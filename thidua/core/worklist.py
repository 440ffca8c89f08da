"""Extension points for the work that waits on someone, so that a process app adds to the
officer's queue and to the daily deadline notices without the queue's app importing it.

- ``queue_sections.register(provider)``: ``provider(request) -> (template_name, context) |
  None``; the work queue page (``/de-nghi/``) renders each section returned.
- ``deadline_notices.register(sender)``: ``sender(*, today) -> (label, count)``;
  ``manage.py send_deadline_notices`` runs each after its own and prints the count. A sender
  tells each person once per item, so the command stays safe to run every day.

Apps register in their ``AppConfig.ready()``.
"""
from __future__ import annotations

import datetime
from typing import Callable


class QueueSections:
    def __init__(self):
        self._providers: list[Callable] = []

    def register(self, provider: Callable) -> Callable:
        if provider not in self._providers:
            self._providers.append(provider)
        return provider

    def render_list(self, request) -> list[dict]:
        sections = []
        for provider in self._providers:
            result = provider(request)
            if result:
                template_name, context = result
                sections.append({"template": template_name, "context": context})
        return sections


class DeadlineNotices:
    def __init__(self):
        self._senders: list[Callable] = []

    def register(self, sender: Callable) -> Callable:
        if sender not in self._senders:
            self._senders.append(sender)
        return sender

    def run(self, *, today: datetime.date) -> list[tuple[str, int]]:
        return [sender(today=today) for sender in self._senders]


queue_sections = QueueSections()
deadline_notices = DeadlineNotices()
