from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "thidua.proposals"
    label = "proposals"
    verbose_name = _("Hồ sơ đề nghị khen thưởng")

    def ready(self):
        from . import work

        work.register()
        from thidua.awards.engine import same_round_nominations

        from .checking import nominations_of_round

        same_round_nominations.register(nominations_of_round)
        from thidua.awards.panels import candidate_actions

        from .candidate_actions import nominate_all_ldtt

        candidate_actions.register(nominate_all_ldtt)
