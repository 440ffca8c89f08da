from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "thidua.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        from .fields import install_vietnamese_order

        install_vietnamese_order()  # every select of records in Vietnamese order (ICU)
        from . import checks  # noqa: F401 — registers the deployment checks
