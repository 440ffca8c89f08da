"""python manage.py scheduler [--once] [--interval 30] — the one scheduler process: every
interval it enqueues the jobs of ``THIDUA_SCHEDULES`` that are due (deadline notices each working
morning, the nightly backup and audit-chain check). Running two is harmless: each job still runs
once per period. The tasks themselves run in `manage.py db_worker`."""
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from thidua.ops.schedules import enqueue_due


class Command(BaseCommand):
    help = "Xếp lịch các việc định kỳ (thông báo hạn mỗi sáng ngày làm việc, sao lưu và kiểm tra nhật ký mỗi đêm)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Xếp các việc đến hạn một lần rồi thoát.")
        parser.add_argument("--interval", type=float, default=30.0, help="Số giây giữa hai lần xét (mặc định 30).")

    def handle(self, *args, once: bool, interval: float, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while True:
            close_old_connections()
            for run in enqueue_due():
                self.stdout.write(f"Đã xếp {run.job} cho kỳ {run.period} (tác vụ {run.task_id}).")
            if once or stopping:
                return
            for _ in range(max(1, int(interval * 10))):
                if stopping:
                    return
                time.sleep(0.1)
