"""Extension points for the person and unit pages.

Higher apps (awards, movements…) add sections to these pages without the org app
importing them: in their ``AppConfig.ready()`` they call ``person_panels.register``
with a function ``(request, person) -> (template_name, context) | None``.
"""
from __future__ import annotations

from typing import Callable


class PanelRegistry:
    def __init__(self):
        self._providers: list[tuple[int, Callable]] = []

    def register(self, provider: Callable, order: int = 100) -> Callable:
        self._providers.append((order, provider))
        self._providers.sort(key=lambda item: item[0])
        return provider

    def render_list(self, request, obj) -> list[dict]:
        panels = []
        for _, provider in self._providers:
            result = provider(request, obj)
            if result:
                template_name, context = result
                panels.append({"template": template_name, "context": context})
        return panels


person_panels = PanelRegistry()
unit_panels = PanelRegistry()
