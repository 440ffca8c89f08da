from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Văn bản, báo cáo")

    def ready(self):
        from . import panels  # noqa: F401 — adds the "Văn bản" section to the person and unit pages
