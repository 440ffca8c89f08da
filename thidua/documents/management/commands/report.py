"""python manage.py report five-year --from 2021 --to 2025 --out FILE.docx
python manage.py report annual --year 2025 --out FILE.docx

The same report as the page "Văn bản › Báo cáo tổng kết" (same builder, same template), for
the commune of the instance (settings.THIDUA_HOME_COMMUNE_CODE) or --commune CODE. An .xlsx
--out writes the statistics workbook instead."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.documents.models import ReportKind
from thidua.documents.reports import builder, output
from thidua.documents.management.commune import add_commune_argument, commune_option


class Command(BaseCommand):
    help = "Lập báo cáo tổng kết thi đua, khen thưởng (5 năm hoặc năm) ra tệp DOCX hoặc XLSX."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True, metavar="{five-year,annual}")
        five = sub.add_parser("five-year", help="Báo cáo tổng kết 5 năm")
        five.add_argument("--from", dest="year_from", type=int, required=True)
        five.add_argument("--to", dest="year_to", type=int, required=True)
        annual = sub.add_parser("annual", help="Báo cáo tổng kết năm")
        annual.add_argument("--year", type=int, required=True)
        for p in (five, annual):
            p.add_argument("--out", required=True, help="Tệp kết quả (.docx hoặc .xlsx)")
            add_commune_argument(p)

    def handle(self, *args, **options):
        commune = commune_option(options)
        out = Path(options["out"])
        if out.suffix.lower() not in (".docx", ".xlsx"):
            raise CommandError("--out phải là tệp .docx hoặc .xlsx")
        if options["kind"] == "five-year":
            year_from, year_to = options["year_from"], options["year_to"]
            if not 0 <= year_to - year_from <= 9:
                raise CommandError("Kỳ báo cáo phải từ 1 đến 10 năm (--from ≤ --to).")
            report = builder.build_report(kind=ReportKind.FIVE_YEAR, commune=commune, year_from=year_from,
                                          year_to=year_to)
        else:
            report = builder.build_report(kind=ReportKind.ANNUAL, commune=commune, year=options["year"])
        content = output.render_report_xlsx(report) if out.suffix.lower() == ".xlsx" else output.render_report_docx(report)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {out} ({len(content):,} byte) — {commune.name}, kỳ {report.period}."))
