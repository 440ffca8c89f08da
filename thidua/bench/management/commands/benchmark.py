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

    def handle(self, *args, seed, repeat, out, **options):
        if not Organisation.objects.filter(code=province_code(seed)).exists():
            raise CommandError(f"Chưa có tỉnh mô phỏng seed {seed}: chạy `python manage.py make_province --seed {seed}` trước.")
        report = benchmark.run(seed=seed, repeat=repeat)
        out_path = Path(out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        command = "python manage.py " + " ".join(sys.argv[1:])
        out_path.write_text(benchmark.to_markdown(report, command), encoding="utf-8")
        out_path.with_suffix(".json").write_text(benchmark.to_json(report), encoding="utf-8")
        self.stdout.write(benchmark.to_markdown(report, command))
