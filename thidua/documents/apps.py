from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "thidua.documents"
    label = "documents"
    verbose_name = _("Văn bản, báo cáo")

    def ready(self):
        from . import panels  # noqa: F401 — adds the "Văn bản" section to the person and unit pages
        from . import tasks  # noqa: F401 — a failed generation task fails its job (task_finished)

        from thidua.proposals.checks import after_signing, at_signing

        from . import proposal_panels
        from .official import freeze_decision
        from .signatures import sign_after_signature

        after_signing.register(sign_after_signature)  # the signed PDF is made once, at signing
        at_signing.register(freeze_decision)  # the decision's DOCX and PDF, made once from the draft
        proposal_panels.register()
