"""python manage.py db_worker — django-tasks-db's worker, plus a heartbeat (``ops.WorkerHeartbeat``)
and, at start and on every beat, the recovery of tasks a dead worker left running
(``thidua.ops.worker``). Same options as the library's command; ``--reload`` is not offered
(the reloader's parent process would report a heartbeat without running tasks)."""
from django_tasks_db.management.commands.db_worker import Command as LibraryWorkerCommand

from thidua.ops.worker import Heartbeat


class Command(LibraryWorkerCommand):
    help = "Chạy tiến trình xử lý nền (hàng đợi tác vụ trong cơ sở dữ liệu), có báo sống và thu hồi tác vụ dở dang."

    def handle(self, *args, worker_id: str, **options):
        options["reload"] = False
        heartbeat = Heartbeat(worker_id).start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            heartbeat.stop()
