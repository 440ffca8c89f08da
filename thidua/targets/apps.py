from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "thidua.targets"
    label = "targets"
    verbose_name = "Chỉ tiêu và danh hiệu văn hóa"

    def ready(self):
        from . import panels  # noqa: F401 — registers the village section of the unit page
        from . import sources  # noqa: F401 — registers the built-in computed sources
        from . import home  # noqa: F401 — registers this year's key figures on the home page
