from django.core.management.base import BaseCommand

from thidua.awards import summaries


class Command(BaseCommand):
    help = ("Dựng lại bản tóm tắt sổ khen thưởng và kết quả xét đủ điều kiện đã lưu của mọi cá nhân "
            "(danh sách đủ điều kiện toàn tỉnh đọc hai bản này). "
            "--queue: giao cho tiến trình chạy nền thay vì chạy ngay.")

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="đưa vào hàng việc chạy nền (db_worker)")

    def handle(self, *args, queue=False, **options):
        if queue:
            from thidua.awards.tasks import rebuild_award_summaries

            result = rebuild_award_summaries.enqueue()
            self.stdout.write(f"Đã đưa vào hàng việc chạy nền: {result.id}")
            return

        def progress(done, total):
            self.stdout.write(f"  {done:,}/{total:,} người".replace(",", "."))

        total = summaries.rebuild_all(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã dựng lại tóm tắt sổ khen thưởng của {total:,} người.".replace(",", ".")))
