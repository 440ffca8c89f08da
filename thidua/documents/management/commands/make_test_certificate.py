"""make_test_certificate OUT.p12 — a self-made test CA and signer certificate for the demo.

    python manage.py make_test_certificate var/ky-so/thu-nghiem.p12 --passphrase thidua-demo

then set THIDUA_SIGNING_P12 / THIDUA_SIGNING_PASSPHRASE to that file and passphrase. Never use
it for real decisions: real ones are signed with a certificate from a licensed provider.
"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents.signing import make_test_p12


class Command(BaseCommand):
    help = "Tạo chứng thư số thử nghiệm (CA tự lập + chứng thư người ký) dạng .p12 cho bản demo."

    def add_arguments(self, parser):
        parser.add_argument("out", help="Tệp .p12 sẽ tạo")
        parser.add_argument("--passphrase", default="thidua-demo", help="Mật khẩu bảo vệ tệp .p12")
        parser.add_argument("--common-name", default="UBND xã Nam Thanh Miện (chứng thư thử nghiệm)")
        parser.add_argument("--days", type=int, default=3650)
        parser.add_argument("--force", action="store_true", help="Ghi đè nếu tệp đã có")

    def handle(self, *args, out, passphrase, common_name, days, force, **options):
        path = Path(out)
        if path.exists() and not force:
            raise CommandError(f"Tệp {path} đã có; dùng --force để ghi đè.")
        if days < 1:
            raise CommandError("Số ngày hiệu lực phải dương.")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make_test_p12(passphrase=passphrase, common_name=common_name, days=days))
        path.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(
            f"Đã tạo {path}. Đặt THIDUA_SIGNING_P12={path} và THIDUA_SIGNING_PASSPHRASE cho máy chủ "
            "(chỉ dùng thử nghiệm, không dùng ký văn bản thật)."))
