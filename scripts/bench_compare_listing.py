"""Issue #17, item 7: the candidate page's listing (counted and paged in the database,
``candidates.listing``) against every row built in Python (``candidates.build``) on the
synthetic province (make_province --seed 1): wall and CPU time of the province-wide and
one-commune summary and of the first page of each target's groups, and whether the listing
gives the same rows in the same order with the same verdicts (walking every page).
DATABASE_URL=... python scripts/bench_compare_listing.py [--no-check]"""
import sys; import os; sys.path.insert(0, os.getcwd())  # noqa: E702
import time  # noqa: E402

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings"); django.setup()  # noqa: E702
from django.core.paginator import Paginator  # noqa: E402

from thidua.awards import candidates  # noqa: E402
from thidua.bench.benchmark import _bench_users  # noqa: E402
from thidua.bench.generator import province_code  # noqa: E402
from thidua.core.perf import settle  # noqa: E402
from thidua.org.models import Organisation  # noqa: E402

YEAR = 2025
province = Organisation.objects.get(code=province_code(1))
commune = Organisation.objects.filter(parent=province, kind=Organisation.Kind.COMMUNE).order_by("code").first()
officer, admin = _bench_users(province, commune)
settle()


def row(c):
    v = c.verdict
    return (c.kind, c.subject.pk, c.unit, v.id, v.eligible, v.amount_vnd, v.authority,
            tuple((ch.rule, ch.passed, ch.article, ch.detail) for ch in v.checks))


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, round((time.perf_counter() - w) * 1000), round((time.process_time() - c) * 1000)


def first_pages(result):
    for tc in result.counts:
        for g in candidates.GROUPS:
            list(Paginator(result.rows(tc.code, g), 100).get_page(1))


print("load at start", [round(x, 2) for x in os.getloadavg()], flush=True)
for rep in range(3):
    for who, u in (("một xã", officer), ("toàn tỉnh", admin)):
        result, w, c = timed(lambda u=u: candidates.listing(user=u, year=YEAR))
        _, w1, c1 = timed(lambda result=result: list(Paginator(result.rows("LDTT", "one_short"), 100).get_page(1)))
        _, w2, c2 = timed(lambda result=result: list(Paginator(result.rows("BANG_KHEN_TINH", "one_short"), 100).get_page(2)))
        _, wb, cb = timed(lambda u=u: candidates.build(user=u, year=YEAR))
        print(f"{who}: listing (tổng hợp) {w}/{c} ms; +LĐTT thiếu một, trang 1: {w1}/{c1}; "
              f"+BKT thiếu một, trang 2: {w2}/{c2}; build (mọi dòng): {wb}/{cb} ms (thực/CPU); "
              f"pending {result.pending_refresh}", flush=True)
if "--no-check" not in sys.argv:
    for who, u in (("một xã", officer), ("toàn tỉnh", admin)):
        built = candidates.build(user=u, year=YEAR)
        result = candidates.listing(user=u, year=YEAR)
        same = [(tc.code, tc.eligible, tc.one_short, tc.others, tc.already) for tc in result.counts] == [
            (tl.code, len(tl.eligible), len(tl.one_short), len(tl.others), tl.already) for tl in built]
        for tl in built:
            for g in candidates.GROUPS:
                paginator = Paginator(result.rows(tl.code, g), 500)
                paged = [row(c) for n in paginator.page_range for c in paginator.page(n)]
                same = same and paged == [row(c) for c in getattr(tl, g)]
        print(f"cùng kết quả, {who}:", same, flush=True)
print("load at end", [round(x, 2) for x in os.getloadavg()])
