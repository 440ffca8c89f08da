from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceOfficeConfig(AppConfig):
    """The province's office (Ban Thi đua – Khen thưởng of the city): its communes and wards
    (creation, mergers, their administrator, their data), completeness of each commune's
    records, and the province's dashboards against its targets."""

    name = "thidua.provinceoffice"
    label = "provinceoffice"
    verbose_name = "Văn phòng thi đua cấp tỉnh"

    def ready(self):
        from thidua.core.navigation import MAIN_MENU

        from .access import is_province_reader
        from .figures import register_target_sources

        register_target_sources()

        entry = (_("Cấp tỉnh"), "provinceoffice:dashboard", is_province_reader)
        if entry[1] not in [e[1] for e in MAIN_MENU]:
            MAIN_MENU.insert(0, entry)
