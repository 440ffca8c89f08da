"""Issue #17, item 7: the candidate lists of the synthetic province (make_province --seed 1)
built from the stored verdicts (``awards.verdicts``) and judged live, alternating in one
process — wall and CPU time, and whether the two give the same lists, condition by condition.
Run from the checkout after ``manage.py rebuild_award_summaries``:
DATABASE_URL=... python scripts/bench_compare_stored_verdicts.py"""
import sys; import os; sys.path.insert(0, os.getcwd())
import time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings"); django.setup()
from thidua.accounts.models import User
from thidua.awards import candidates
from thidua.core.perf import settle
settle()
admin = User.objects.get(username='bench_admin_1'); officer = User.objects.get(username='bench_officer_1')
def table(lists):
    return [(tl.code, g, c.subject.pk, c.unit, c.verdict.id, c.verdict.amount_vnd, c.verdict.authority,
             tuple((ch.rule, ch.passed, ch.article, ch.detail) for ch in c.verdict.checks))
            for tl in lists for g in ("eligible", "one_short", "others") for c in getattr(tl, g)] + [
            (tl.code, tl.already) for tl in lists]
print("load at start", os.getloadavg(), flush=True)
tables = {}
for rep in range(3):
    for label, use in (("đã lưu", True), ("xét trực tiếp", False)):
        for who, u in (("một xã", officer), ("toàn tỉnh", admin)):
            w, c = time.perf_counter(), time.process_time()
            lists = candidates.build(user=u, year=2025, use_stored=use)
            print(label, who, "wall", round((time.perf_counter()-w)*1000), "cpu", round((time.process_time()-c)*1000),
                  "ms", "pending", lists.pending_refresh, "entries", sum(tl.total for tl in lists), flush=True)
            if rep == 0:
                tables[(label, who)] = table(lists)
print("cùng kết quả, một xã:", tables[("đã lưu", "một xã")] == tables[("xét trực tiếp", "một xã")])
print("cùng kết quả, toàn tỉnh:", tables[("đã lưu", "toàn tỉnh")] == tables[("xét trực tiếp", "toàn tỉnh")])
print("load at end", os.getloadavg())
