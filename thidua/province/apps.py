from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceConfig(AppConfig):
    name = "thidua.province"
    label = "province"
    verbose_name = _("Cấp thành phố: hồ sơ các xã trình thành phố")

    def ready(self):
        from thidua.core.worklist import work_sections
        from thidua.proposals.checks import at_rejection, at_revocation, at_signing, at_submission, before_adding
        from thidua.proposals.panels import dossier_panels

        from . import panels, services, work

        at_signing.register(services.settle_on_signature)  # the city's signature reaches the communes' ledgers
        at_rejection.register(services.settle_on_rejection)  # and so does its refusal
        at_revocation.register(services.settle_on_revocation)  # and its revocation
        before_adding.register(services.guard_returned_copy)  # a returned copy takes no new nominee
        at_submission.register(services.record_changes)  # and the city sees what changed when it comes back
        dossier_panels.register(panels.dossier_case, order=5)
        work_sections.register(work.incoming_dossiers, order=15)
