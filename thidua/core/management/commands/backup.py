from pathlib import Path

from django.core.management.base import BaseCommand

from thidua.core.backup import write_backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ dữ liệu và tệp đính kèm vào một tệp .zip (nhất quán tại một thời điểm)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        manifest = write_backup(Path(file))
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu {manifest['records_count']} bản ghi và {len(manifest['files'])} tệp vào {file}."))
