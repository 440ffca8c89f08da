from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "thidua.funds"
    label = "funds"
    verbose_name = _("Quỹ thi đua, khen thưởng")

    def ready(self):
        from thidua.proposals.checks import before_signing

        from .checks import fund_before_signing

        before_signing.register(fund_before_signing)  # the chairman sees the fund's balance; overruns wait for a confirmation
