from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: the background worker's heartbeat and recovery, the scheduler, /healthz."""

    name = "thidua.ops"
    label = "ops"
    verbose_name = "Vận hành"

    def ready(self):
        from . import receivers  # noqa: F401 — records the outcome of scheduled runs
