"""python manage.py send_deadline_notices [--date dd/mm/yyyy] — tell who must act about each
overdue dossier (the unit's clerks after the round's deadline; the commune's officers when a
submitted dossier waits more than 5 working days), then the deadlines other apps register in
``thidua.core.worklist`` (overdue inspection recommendations). Safe to run every day: a recipient is
told about a dossier once. Schedule it on the office PC (README, Commands)."""
import datetime

from django.core.management.base import BaseCommand, CommandError

from django.utils import timezone

from thidua.core.worklist import deadline_notices
from thidua.proposals.services.notices import send_deadline_notices


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
        sent = send_deadline_notices(today=today)
        self.stdout.write(f"Đã gửi {sent['unit']} thông báo quá hạn nộp cho văn thư đơn vị, "
                          f"{sent['office']} thông báo quá hạn xử lý cho cán bộ thi đua – khen thưởng.")
        # Other processes' deadlines (registered in thidua.core.worklist), e.g. inspection recommendations.
        for label, count in deadline_notices.run(today=today or timezone.localdate()):
            self.stdout.write(f"Đã gửi {count} {label}.")
