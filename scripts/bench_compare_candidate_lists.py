"""Issue #17, item 7: the candidate lists of the synthetic province (make_province --seed 1)
read three ways in one process, alternating — stored summaries with the eligibility memo,
without the memo and fast constructors, straight from the ledger — wall and CPU time.
Run from the checkout: DATABASE_URL=... python scripts/bench_compare_candidate_lists.py"""
import sys; import os; sys.path.insert(0, os.getcwd())
import time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings"); django.setup()
from thidua.accounts.models import User
from thidua.awards import candidates
from thidua.rules import eligibility as E
if not hasattr(E, "_memo_for"):  # noqa: E402
    sys.exit("rules/eligibility.py no longer has its memo and fast constructors; run this script on commit 3332799")
from thidua.rules.eligibility import Check, Verdict
from thidua.core.perf import settle
settle()
admin = User.objects.get(username='bench_admin_1'); officer = User.objects.get(username='bench_officer_1')
orig = (E._memo_for, E._check, E._verdict)
def without():
    E._memo_for = lambda params: {}
    E._check = lambda rule, passed, article, detail: Check(rule, passed, article, detail)
    E._verdict = lambda id, target, eligible, authority, checks, amount_vnd: Verdict(id, target, eligible, authority, checks, amount_vnd)
def with_():
    E._memo_for, E._check, E._verdict = orig
def table(lists):
    return [(tl.code, g, c.subject.pk, tuple((ch.rule, ch.passed, ch.detail) for ch in c.verdict.checks))
            for tl in lists for g in ("eligible", "one_short", "others") for c in getattr(tl, g)]
same = None
for rep in range(2):
    for label, setup, use in (("tóm tắt + memo", with_, True), ("tóm tắt, không memo", without, True), ("sổ (không tóm tắt) + memo", with_, False)):
        setup()
        for who, u in (("một xã", officer), ("toàn tỉnh", admin)):
            w, c = time.perf_counter(), time.process_time()
            lists = candidates.build(user=u, year=2025, use_summaries=use)
            print(label, who, "wall", round((time.perf_counter()-w)*1000), "cpu", round((time.process_time()-c)*1000), "ms", flush=True)
            if who == "một xã" and rep == 0 and use:
                t = table(lists)
                same = t if same is None else (same == t)
print("cùng kết quả:", same, "load", os.getloadavg())
