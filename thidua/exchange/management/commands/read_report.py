"""python manage.py read_report FILE [--section "Một số gương điển hình"] [--people-only]

Prints, as JSON, the records proposed from a narrative report's exemplar lists (see
thidua.exchange.report). Reads UTF-8 or UTF-16 text; legacy TCVN3/VNI text is converted;
another encoding (Windows-1258…) is detected and a warning printed. Nothing is saved: the page /du-lieu/doc-bao-cao/ turns a report into an import
batch to review."""
import json
import pathlib

from django.core.management.base import BaseCommand, CommandError

from thidua.exchange.report import Deadline, ReportRefused, extract_section, read_report
from thidua.exchange.textfiles import decode_text




class Command(BaseCommand):
    help = "Đọc báo cáo cũ, đề xuất danh sách gương điển hình và khen thưởng (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--section", default="", help="Chỉ đọc mục có tiêu đề chứa cụm từ này.")
        parser.add_argument("--people-only", action="store_true", help="Bỏ các tập thể.")

    def handle(self, *args, **options):
        path = pathlib.Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        text, warning = decode_text(path.read_bytes())
        if warning:
            self.stderr.write(f"Cảnh báo: {warning}")
        if options["section"]:
            text = extract_section(text, options["section"])
            if not text:
                raise CommandError(f"Không tìm thấy mục “{options['section']}”.")
        try:  # the same bounds as the page: size, number of exemplars, time (issue #22)
            records = read_report(text, deadline=Deadline())
        except ReportRefused as exc:
            raise CommandError(exc.messages[0]) from exc
        if options["people_only"]:
            records = [r for r in records if r["kind"] == "individual"]
        self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
