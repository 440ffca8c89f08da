"""python manage.py eligibility FILE — judge the cases of a JSON file (or - for stdin) with the
same engine and the same editable rules as the web pages; print the verdicts as JSON.
Format: shared/domain/eligibility-format.md."""
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from thidua.awards.engine import current_parameters
from thidua.rules.jsonio import run_cases


class Command(BaseCommand):
    help = "Xét điều kiện khen thưởng cho các trường hợp trong tệp JSON (- để đọc từ đầu vào chuẩn)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp JSON: một mảng các trường hợp, hoặc - để đọc từ stdin.")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            raw = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror}") from exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(f"Tệp không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).") from exc
        if not isinstance(data, list):
            raise CommandError("Tệp phải chứa một mảng JSON các trường hợp.")
        # A worked-examples file wraps each case as {"case": …, "expect": …}: judge the case.
        cases = [item["case"] if isinstance(item, dict) and "case" in item and "id" not in item else item
                 for item in data]
        verdicts = run_cases(cases, current_parameters())
        self.stdout.write(json.dumps(verdicts, ensure_ascii=False, indent=2))
