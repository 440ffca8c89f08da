"""python manage.py send_deadline_notices [--date dd/mm/yyyy] — tell who must act about each
overdue dossier (the unit's clerks after the round's deadline; the commune's officers when a
submitted dossier waits more than 5 working days), then the deadlines other apps register in
``thidua.core.worklist`` (overdue inspection recommendations). Safe to run every day: a recipient is
told about a dossier once. Schedule it on the office PC (README, Commands)."""
import datetime

from django.core.management.base import BaseCommand, CommandError

from thidua.proposals.services.notices import send_every_deadline_notice


class Command(BaseCommand):
    help = "Gửi thông báo hồ sơ đề nghị khen thưởng quá hạn (mỗi người nhận một lần cho mỗi hồ sơ)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Xét quá hạn tại ngày này (dd/mm/yyyy); mặc định hôm nay.")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.datetime.strptime(options["date"], "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError("Ngày không hợp lệ: hãy ghi dd/mm/yyyy.") from exc
        for label, count in send_every_deadline_notice(today=today):
            self.stdout.write(f"Đã gửi {count} {label}.")
