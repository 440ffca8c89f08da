from django.apps import AppConfig


class AdministrationConfig(AppConfig):
    """The administrator's pages: accounts, the local calendar, the first run of an instance."""

    name = "thidua.administration"
    label = "administration"
    verbose_name = "Quản trị"
