"""python manage.py maintenance on|off|status — take the application into maintenance
(every page answers "đang bảo trì", 503) for a restore or other work on the data."""
from django.core.management.base import BaseCommand

from thidua.core import maintenance


class Command(BaseCommand):
    help = "Bật/tắt chế độ bảo trì (mọi trang trả lời \"Hệ thống đang bảo trì\", mã 503)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["on", "off", "status"])
        parser.add_argument("--reason", default="", help="lý do hiện trên trang bảo trì")

    def handle(self, *args, action, reason, **options):
        if action == "on":
            maintenance.turn_on(reason)
        elif action == "off":
            maintenance.turn_off()
            maintenance.data_replaced()  # whatever was done meanwhile, processes start from fresh caches
        state = "đang BẬT" if maintenance.is_on() else "đang TẮT"
        self.stdout.write(f"Chế độ bảo trì {state}.")
