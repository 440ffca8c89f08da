"""Issue #17, item 7: what the memo and the cheap constructors of ``rules/eligibility.py`` are
still worth once the candidate page reads stored verdicts — wall and CPU time with and without
them, alternating in one process, on the synthetic province (make_province --seed 1):
the page (every count and one page of a group), the page while nothing stored can be used (after
a change of the rules, before the queued rebuild), every row built (export, dossier checks),
and the refresh task's judging of 2.000 people and their units.
DATABASE_URL=... python scripts/bench_compare_eligibility_tricks.py"""
import sys; import os; sys.path.insert(0, os.getcwd())  # noqa: E702
import time  # noqa: E402

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings"); django.setup()  # noqa: E702
from django.core.paginator import Paginator  # noqa: E402
from django.db import transaction  # noqa: E402

from thidua.awards import candidates, verdicts  # noqa: E402
from thidua.bench.benchmark import _bench_users  # noqa: E402
from thidua.bench.generator import province_code  # noqa: E402
from thidua.core.perf import settle  # noqa: E402
from thidua.org.models import Organisation, Person  # noqa: E402
from thidua.rules import eligibility as E  # noqa: E402
if not hasattr(E, "_memo_for"):  # noqa: E402
    sys.exit("rules/eligibility.py no longer has its memo and fast constructors; run this script on commit 3332799")
from thidua.rules.eligibility import Check, Verdict  # noqa: E402

YEAR = 2025
province = Organisation.objects.get(code=province_code(1))
commune = Organisation.objects.filter(parent=province, kind=Organisation.Kind.COMMUNE).order_by("code").first()
officer, admin = _bench_users(province, commune)
settle()
TRICKS = (E._memo_for, E._check, E._verdict)


def plain():
    E._memo_for = lambda params: {}  # a memo for one case only
    E._check = lambda rule, passed, article, detail: Check(rule, passed, article, detail)
    E._verdict = lambda id, target, eligible, authority, checks, amount_vnd: Verdict(
        id, target, eligible, authority, checks, amount_vnd)


def tricks():
    E._memo_for, E._check, E._verdict = TRICKS


def page(user):
    listing = candidates.listing(user=user, year=YEAR)
    list(Paginator(listing.rows("BANG_KHEN_TINH", "one_short"), 100).get_page(2))


def page_rules_changed(user):
    real = verdicts.params_key
    verdicts.params_key = lambda params: "doi-quy-dinh"  # every stored row judged under other rules
    try:
        page(user)
    finally:
        verdicts.params_key = real


def refresh_2000():
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True)[:2000])
    with transaction.atomic():
        verdicts.store(ids)
        transaction.set_rollback(True)


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    fn()
    return round((time.perf_counter() - w) * 1000), round((time.process_time() - c) * 1000)


print("load at start", [round(x, 2) for x in os.getloadavg()], flush=True)
for rep in range(2):
    for label, setup in (("memo + dựng nhanh", tricks), ("không memo, __init__ dataclass", plain)):
        setup()
        for name, fn in (("trang, một xã", lambda: page(officer)), ("trang, toàn tỉnh", lambda: page(admin)),
                         ("trang, toàn tỉnh, quy định vừa sửa", lambda: page_rules_changed(admin)),
                         ("mọi dòng, toàn tỉnh", lambda: candidates.build(user=admin, year=YEAR)),
                         ("làm mới 2.000 người và đơn vị của họ", refresh_2000)):
            w, c = timed(fn)
            print(f"{label} | {name} | {w} / {c} ms", flush=True)
tricks()
print("load at end", [round(x, 2) for x in os.getloadavg()])
