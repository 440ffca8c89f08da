from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục dữ liệu và tệp đính kèm từ tệp sao lưu (thay thế toàn bộ dữ liệu hiện có)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="không hỏi lại")
        parser.add_argument("--force-maintenance", action="store_true",
                            help="tự bật chế độ bảo trì trong lúc khôi phục (rồi tắt) nếu chưa bật")

    def handle(self, *args, file, yes, force_maintenance, **options):
        if not yes and input("Toàn bộ dữ liệu hiện có sẽ bị thay thế. Gõ 'dong y' để tiếp tục: ").strip() != "dong y":
            raise CommandError("Đã hủy khôi phục.")
        try:
            manifest = restore_backup(Path(file), force_maintenance=force_maintenance)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục {manifest['records_count']} bản ghi và {len(manifest['files'])} tệp "
            f"(bản sao lưu lúc {manifest['created']})."))
