from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "thidua.public"
    label = "public"
    verbose_name = "Trang công khai, gương điển hình"

    def ready(self):
        from . import target_sources  # noqa: F401 — "one exemplar every month" for the targets app
