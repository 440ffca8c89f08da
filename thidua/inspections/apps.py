from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "thidua.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra, giám sát thi đua"

    def ready(self):
        from . import hooks  # noqa: F401 — the officer's queue section and the overdue notices
