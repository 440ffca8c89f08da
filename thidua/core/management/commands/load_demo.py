"""Build the demo commune (Nam Thanh Miện) from the seed report. Idempotent.

Each of our apps that has a ``demo`` module (``load(log)``) runs it, in INSTALLED_APPS order
(lower layers first), all in one transaction.
"""
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.core.dbstats import analyze


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu xã Nam Thanh Miện (chạy lại nhiều lần không thay đổi gì)."

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1

        def log(message):
            if verbose:
                self.stdout.write(message)

        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if not config.name.startswith("thidua.") or find_spec(module_name) is None:
                    continue
                self.stdout.write(f"Nạp dữ liệu mẫu: {config.verbose_name}")
                import_module(module_name).load(log)
        analyze()  # the planner must know the tables are no longer empty
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu mẫu xã Nam Thanh Miện."))
