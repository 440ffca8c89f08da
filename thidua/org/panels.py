"""Extension points for the person and unit pages.

Higher apps (awards, movements…) add sections to these pages without the org app
importing them: in their ``AppConfig.ready()`` they call ``person_panels.register``
with a function ``(request, person) -> (template_name, context) | None``.
"""
from __future__ import annotations

from thidua.core.registry import Registry


class PanelRegistry(Registry):
    def render_list(self, request, obj) -> list[dict]:
        panels = []
        for provider in self.providers:
            result = provider(request, obj)
            if result:
                template_name, context = result
                panels.append({"template": template_name, "context": context})
        return panels


person_panels = PanelRegistry()
unit_panels = PanelRegistry()
