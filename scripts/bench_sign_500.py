"""Issue #17, item 7: time the chairman signing the 500-name decision of the benchmark twice
(rolled back each time); with an argument, profile a third signature.
Run from the checkout: DATABASE_URL=... python scripts/bench_sign_500.py [p]"""
import sys; import os; sys.path.insert(0, os.getcwd())
import time
import django
import cProfile
import pstats
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings"); django.setup()
from thidua.org.models import Organisation
from thidua.bench.generator import province_code
from thidua.bench.hooks import proposals as bench_hooks
from thidua.core.perf import settle
p=Organisation.objects.get(code=province_code(1)); c=Organisation.objects.filter(parent=p, kind='commune').order_by('code').first()
ops = bench_hooks.operations(commune=c, user=None, year=2025, quick=False)
settle()
label, fn = ops[0]
for i in range(2):
    t=time.perf_counter(); fn(); print(label, round((time.perf_counter()-t)*1000), "ms")
if len(sys.argv) > 1:
    pr = cProfile.Profile(); pr.enable(); fn(); pr.disable()
    pstats.Stats(pr).sort_stats('cumulative').print_stats(30)
