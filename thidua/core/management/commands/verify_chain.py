"""python manage.py verify_chain — check that no audit row was changed, removed or inserted
behind the application's back. Exits 1 and names the first broken row."""
import sys

from django.core.management.base import BaseCommand

from thidua.core.audit import verify_chain


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi nhật ký (phát hiện sửa, xóa, chèn trái phép)."

    def handle(self, *args, **options):
        checked, broken = verify_chain()
        if broken is not None:
            self.stderr.write(f"Chuỗi nhật ký bị phá vỡ: {broken}; {checked} mục trước đó hợp lệ.")
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(f"Chuỗi nhật ký toàn vẹn: {checked} mục."))
