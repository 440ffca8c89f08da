import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Q

from thidua.awards import summaries
from thidua.bench.generator import Sizes, make_province
from thidua.core.dbstats import analyze
from thidua.org.models import Organisation, Person


class Command(BaseCommand):
    help = "Sinh dữ liệu một tỉnh mô phỏng (xác định theo seed) để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--communes", type=int, default=100)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--households", type=int, default=3000, help="số hộ mỗi xã")
        parser.add_argument("--citizens", type=int, default=400, help="số người dân (ngoài cán bộ) mỗi xã")
        parser.add_argument("--staff-scale", type=float, default=1.0, help="hệ số quy mô cán bộ mỗi đơn vị")

    def handle(self, *args, communes, seed, households, citizens, staff_scale, **options):
        if communes < 1:
            raise CommandError("Số xã phải từ 1 trở lên.")
        started = time.perf_counter()
        try:
            province = make_province(communes=communes, seed=seed, log=self.stdout.write,
                                     sizes=Sizes(households=households, citizens=citizens, staff_scale=staff_scale))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        # The ledger summaries the candidate lists read (awards.summaries): a province in service
        # keeps them fresh with its worker; the bulk-loaded one builds them once here.
        summaries.rebuild_all(person_ids=Person.objects.filter(
            Q(memberships__organisation__path__startswith=province.path)
            | Q(household__village__path__startswith=province.path)).values_list("pk", flat=True).distinct())
        analyze()  # fresh planner statistics, as a database in service has (autovacuum)
        seconds = time.perf_counter() - started
        Organisation.objects.filter(pk=province.pk).update(
            note=f"{province.note}; nạp vào {connection.vendor} trong {seconds:.1f} giây")
        self.stdout.write(self.style.SUCCESS(f"Đã tạo {province.name}: {communes} xã trong {seconds:.1f} giây."))
