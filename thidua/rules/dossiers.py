"""What a commune-level dossier holds for each nomination kind: which ones need an individual
achievement report (báo cáo thành tích).

Luật Thi đua, khen thưởng 2022, Điều 84 khoản 1: a dossier for a title or a form holds the
tờ trình, the báo cáo thành tích and the biên bản bình xét.  What a *commune-level* dossier
holds is the province's rule (Nghị định 152/2025/NĐ-CP, Điều 6 khoản 2 điểm c); provincial
practice (shared/domain/rules.md, "Dossiers and procedure"):

- Lao động tiên tiến (and Chiến sĩ tiên tiến, its armed-forces twin, Luật Điều 24) and Tập thể
  lao động tiên tiến (and Đơn vị tiên tiến, Luật Điều 28): the unit's list and the minutes of
  its meeting — no individual achievement report;
- the CSTĐ titles and the forms of reward (giấy khen, bằng khen…), and every other kind: an
  achievement report each.

When the administrator entered the province's own article for ``dossier_contents``
(``citations``), the exemption cites it; otherwise the delegating article of ND 152.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import articles
from .codes import Title

# The kinds whose dossier is the unit's list and its minutes (no individual report).
LIST_AND_MINUTES_ONLY: frozenset[str] = frozenset({Title.LDTT, Title.CSTT, Title.TTLDTT, Title.DVTT})


@dataclass(frozen=True)
class ReportRule:
    required: bool
    article: str
    reason: str  # Vietnamese, shown beside the nomination


def achievement_report_rule(code: str, citations=None) -> ReportRule:
    """Whether a nomination for award ``code`` needs its own achievement report, and why."""
    if code in LIST_AND_MINUTES_ONLY:
        return ReportRule(
            required=False,
            article=articles.provincial("dossier_contents", citations),
            reason="Hồ sơ gồm danh sách đề nghị và biên bản họp xét của đơn vị; "
                   "không cần báo cáo thành tích cá nhân")
    return ReportRule(required=True, article=articles.LAW_DOSSIER,
                      reason="Hồ sơ phải có báo cáo thành tích")


def needs_achievement_report(code: str) -> bool:
    """True for the CSTĐ titles, the forms of reward and every kind not exempted above."""
    return achievement_report_rule(code).required
