import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.bench import benchmark
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

    def handle(self, *args, seed, repeat, out, quick, load_seconds, concurrency, no_load, **options):
        if not Organisation.objects.filter(code=province_code(seed)).exists():
            raise CommandError(f"Chưa có tỉnh mô phỏng seed {seed}: chạy `python manage.py make_province --seed {seed}` trước.")
        report = benchmark.run(seed=seed, repeat=repeat, quick=quick, load_seconds=0 if no_load else load_seconds,
                               load_concurrency=concurrency)
        out_path = Path(out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        command = "python manage.py " + " ".join(sys.argv[1:])
        out_path.write_text(benchmark.to_markdown(report, command), encoding="utf-8")
        out_path.with_suffix(".json").write_text(benchmark.to_json(report), encoding="utf-8")
        self.stdout.write(benchmark.to_markdown(report, command))
