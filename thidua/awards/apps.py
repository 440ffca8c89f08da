from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "thidua.awards"
    label = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        from . import panels  # noqa: F401 — registers the person and unit page sections
        from . import receivers  # noqa: F401 — a renamed person's stored verdicts are refreshed
        from . import work

        work.register()
