from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "thidua.exchange"
    label = "exchange"
    verbose_name = "Trao đổi dữ liệu"

    def ready(self):
        from thidua.accounts.passwords import password_changed

        from .services import revoke_tokens_of

        password_changed.connect(revoke_tokens_of, dispatch_uid="exchange-revoke-tokens-on-password-change")
