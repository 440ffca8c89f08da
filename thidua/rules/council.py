"""Council (Hội đồng Thi đua – Khen thưởng) thresholds, as checks.

* Ballot for CSTĐ titles and Cờ thi đua: the province's rule (``council_vote_rule``).
  ``share`` (default): approval of ≥ 80 % of ALL council members for CSTD_CO_SO and Cờ thi
  đua, ≥ 90 % for CSTD_TINH / CSTD_TOAN_QUOC — from ND 98/2023 Điều 30(7), which ND 152/2025
  repealed, so the default cites it as "đã hết hiệu lực".  ``majority``: more than half of the
  members present, as some provinces' 2025 regulations say.  The article cited is the one the
  administrator entered for the province (``params.citation('council_vote')``).
  Other nominations: majority of the members present [V].
* A meeting is valid with ≥ 2/3 of members present; an award session needs ≥ 80 % (the
  council's working rules) [S].  Absent members give written opinions (counted by the caller as
  present votes if the council's working rules say so).
All thresholds come from ``RuleParameters``.
"""

from __future__ import annotations

from fractions import Fraction

from .codes import parse_award_code
from .eligibility import Check
from .fmt import percent as _pct
from .parameters import DEFAULT_PARAMETERS, RuleParameters


def quorum_check(present: int, members: int, *, award_session: bool = True,
                 params: RuleParameters = DEFAULT_PARAMETERS) -> Check:
    """Is the meeting valid?  ``award_session`` uses the stricter award-session presence."""
    if members <= 0:
        raise ValueError("Hội đồng phải có ít nhất một thành viên")
    share = params.award_session_min_presence_share if award_session \
        else params.council_quorum_share
    kind = "phiên họp xét khen thưởng" if award_session else "cuộc họp Hội đồng"
    return Check(
        f"Số thành viên có mặt ở {kind} từ {_pct(share)} tổng số thành viên trở lên",
        Fraction(present, members) >= share, params.citation("council_quorum"),
        f"Có mặt {present}/{members} = {_pct(Fraction(present, members))}")


def ballot_check(code: str, yes_votes: int, members: int, present: int | None = None, *,
                 params: RuleParameters = DEFAULT_PARAMETERS) -> Check:
    """Does the council's vote carry the nomination for ``code``?"""
    award = parse_award_code(code)
    if award is None:
        raise ValueError(f"Mã danh hiệu/hình thức không hợp lệ: {code!r}")
    if members <= 0:
        raise ValueError("Hội đồng phải có ít nhất một thành viên")
    share = params.council_vote_share(award)
    if share is not None and params.council_vote_rule == "share":
        return Check(
            f"{award.label}: được từ {_pct(share)} tổng số thành viên Hội đồng đồng ý "
            f"(bỏ phiếu kín)",
            Fraction(yes_votes, members) >= share, params.council_vote_article,
            f"Đồng ý {yes_votes}/{members} thành viên = {_pct(Fraction(yes_votes, members))}")
    voters = members if present is None else present
    article = params.council_vote_article if share is not None else params.citation("council_quorum")
    return Check(
        f"{award.label}: được quá nửa số thành viên dự họp đồng ý"
        + (" (bỏ phiếu kín)" if share is not None else ""),
        voters > 0 and 2 * yes_votes > voters, article,
        f"Đồng ý {yes_votes}/{voters} thành viên dự họp")


def council_rule_text(params: RuleParameters = DEFAULT_PARAMETERS) -> str:
    """The vote rule applied, in words, for the minutes: "Chiến sĩ thi đua cơ sở, …: từ 80%
    tổng số thành viên Hội đồng đồng ý; …" or the majority rule."""
    if params.council_vote_rule != "share" or not params.council_vote_shares:
        return ("Đề nghị được thông qua khi được quá nửa số thành viên Hội đồng dự họp đồng ý "
                "(bỏ phiếu kín đối với danh hiệu Chiến sĩ thi đua và Cờ thi đua)")
    by_share: dict[Fraction, list[str]] = {}
    for code, share in params.council_vote_shares.items():
        award = parse_award_code(code)
        by_share.setdefault(share, []).append(award.label if award else code)
    parts = [f"{', '.join(labels)}: được từ {_pct(share)} tổng số thành viên Hội đồng đồng ý"
             for share, labels in sorted(by_share.items())]
    return ("Bỏ phiếu kín; " + "; ".join(parts)
            + "; các đề nghị khác: được quá nửa số thành viên dự họp đồng ý")
