"""python manage.py simulate_round --year 2026 [--commune CODE]

Drives one year-end round of proposals through the services the pages use — the units'
dossiers, the checks, the public comment period on the round's own clock, the council's meeting
and secret ballot, the office's draft, the chairman's preview and signature — and prints a JSON
summary: each decision's id and the addresses (on THIDUA_PUBLIC_BASE_URL) of its page, DOCX,
PDF and certificates. The demo's current-year round is made by the same code
(``thidua.documents.simulation``). Refuses (exit code 1) a year that already has a signed
round, a year to come, or when data the round needs is missing."""
from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from thidua.documents import simulation
from thidua.documents.management.commune import add_commune_argument, commune_option


class Command(BaseCommand):
    help = ("Mô phỏng trọn một đợt khen thưởng của năm (hồ sơ, thẩm định, công khai, Hội đồng, bỏ phiếu, ký quyết "
            "định) qua đúng các nghiệp vụ của trang; in bản tóm tắt JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Năm thi đua của đợt khen thưởng")
        add_commune_argument(parser)

    def handle(self, *args, **options):
        commune = commune_option(options, hint="hãy nạp dữ liệu (manage.py load_demo) hoặc chọn --commune")
        year = options["year"]
        if year < 2000:
            raise CommandError(f"Năm {year} không hợp lệ.")
        log = self.stderr.write if options["verbosity"] > 1 else (lambda message: None)
        try:
            result = simulation.simulate_round(commune=commune, year=year, log=log)
        except simulation.RoundRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result.summary(), ensure_ascii=False, indent=2))
