import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.bench import benchmark, province, security_load
from thidua.bench.generator import province_code
from thidua.org.models import Organisation


class Command(BaseCommand):
    help = "Đo hiệu năng trên tỉnh mô phỏng (chạy make_province trước) và ghi báo cáo Markdown + JSON."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=30, help="số lần đo mỗi trang")
        parser.add_argument("--out", default="docs/benchmarks.md")
        parser.add_argument("--quick", action="store_true",
                            help="bản rút gọn cho CI: nhập 500 dòng thay vì 50 000")
        parser.add_argument("--load-seconds", type=float, default=10.0,
                            help="thời gian đo tải đồng thời trang xác minh (giây)")
        parser.add_argument("--concurrency", type=int, default=8, help="số luồng khách khi đo tải")
        parser.add_argument("--no-load", action="store_true", help="bỏ qua đo tải đồng thời (gunicorn)")
        parser.add_argument("--security-load", action="store_true",
                            help="chỉ đo tải trang xác minh khi có hai tệp nhập quá cỡ được tải lên (issue #22), "
                                 "trên CSDL hiện tại; ghi một mục riêng vào --out")
        parser.add_argument("--province", action="store_true",
                            help="chỉ đo các trang cấp tỉnh (bảng số liệu các xã, trang xã; issue #20) trên tỉnh "
                                 "mô phỏng; ghi một mục riêng vào --out")

    def handle(self, *args, seed, repeat, out, quick, load_seconds, concurrency, no_load, **options):
        if options["security_load"]:
            return self._security_load(out=Path(out), seconds=load_seconds, concurrency=concurrency)
        if not Organisation.objects.filter(code=province_code(seed)).exists():
            raise CommandError(f"Chưa có tỉnh mô phỏng seed {seed}: chạy `python manage.py make_province --seed {seed}` trước.")
        if options["province"]:
            return self._province(out=Path(out), seed=seed, repeat=repeat)
        report = benchmark.run(seed=seed, repeat=repeat, quick=quick, load_seconds=0 if no_load else load_seconds,
                               load_concurrency=concurrency)
        out_path = Path(out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        command = "python manage.py " + " ".join(sys.argv[1:])
        kept = security_load.section_of(out_path)  # the separate --security-load run stays in the file
        kept_province = province.section_of(out_path)  # and so does the separate --province run
        out_path.write_text(benchmark.to_markdown(report, command), encoding="utf-8")
        if kept:
            security_load.write_section(out_path, kept)
        if kept_province:
            province.write_section(out_path, kept_province)
        out_path.with_suffix(".json").write_text(benchmark.to_json(report), encoding="utf-8")
        self.stdout.write(benchmark.to_markdown(report, command))

    def _province(self, *, out: Path, seed: int, repeat: int):
        result = province.run(seed=seed, repeat=repeat)
        section = province.to_markdown(result, "python manage.py " + " ".join(sys.argv[1:]))
        out.parent.mkdir(parents=True, exist_ok=True)
        province.write_section(out, section)
        self.stdout.write(section)

    def _security_load(self, *, out: Path, seconds: float, concurrency: int):
        import datetime
        import platform

        from django.db import connection

        from thidua.accounts.models import Role, User
        from thidua.awards.models import Award
        from thidua.bench import load

        db_url = load.database_url(connection.settings_dict)
        if db_url is None:
            raise CommandError("Cần CSDL mà tiến trình gunicorn mở được (tệp SQLite hoặc PostgreSQL).")
        codes = list(Award.objects.order_by("pk").values_list("verification_code", flat=True)[:500])
        if not codes:
            raise CommandError("CSDL chưa có khen thưởng nào: chạy load_demo hoặc make_province trước.")
        commune = Organisation.objects.filter(kind=Organisation.Kind.COMMUNE).order_by("pk").first()
        user, _ = User.objects.get_or_create(username="bench_security_officer",
                                             defaults={"role": Role.OFFICER, "unit": commune})
        database = f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}".strip()
        result = security_load.run(db_url=db_url, database=database, paths=[f"/xac-minh/{c}" for c in codes],
                                   user=user, seconds=seconds, concurrency=concurrency)
        section = security_load.to_markdown(
            result, "python manage.py " + " ".join(sys.argv[1:]),
            datetime.datetime.now().strftime("%d/%m/%Y %H:%M"), f"{platform.machine()}, Python {platform.python_version()}")
        out.parent.mkdir(parents=True, exist_ok=True)
        security_load.write_section(out, section)
        self.stdout.write(section)
        if not result.met:
            self.stderr.write("Chưa đạt mục tiêu của issue #22 (xem bảng).")
