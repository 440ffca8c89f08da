"""The achievement report (báo cáo thành tích) pre-filled from the record: position, yearly
ratings, titles and forms received, initiatives — then the unit writes the achievements.

The report is the record part followed by the heading "Thành tích năm YYYY:" and the
achievements the unit writes. The guidance on what to write is the form's placeholder
(``GUIDANCE``), never part of the text; reports written before that carry the old guidance line
(``OLD_GUIDANCE``), which a dossier refuses until it is deleted."""
from __future__ import annotations

import re

from thidua.awards import selectors as award_selectors
from thidua.awards.models import Award, Contribution
from thidua.org.models import Household, Organisation, Person

YEARS_SHOWN = 5
GUIDANCE = ("Ghi thành tích nổi bật, số liệu cụ thể của năm {year}: kết quả thực hiện nhiệm vụ, "
            "sáng kiến, giải pháp đã áp dụng, các phong trào thi đua đã tham gia…")
# The guidance line that prefilled reports used to end with, kept in existing data.
OLD_GUIDANCE = re.compile(r"\(Đơn vị ghi thành tích nổi bật[^)\n]*\)")


def heading(year: int) -> str:
    return f"Thành tích năm {year}:"


def old_guidance(report: str) -> str | None:
    """The old guidance line still in ``report``, as written there; None when there is none."""
    found = OLD_GUIDANCE.search(report or "")
    return found.group(0) if found else None


def split(report: str, year: int) -> tuple[str, str]:
    """(record part, achievements) of ``report``: the text before and after the year's heading
    (the whole text is the record part when the heading is missing)."""
    record, found, achievements = (report or "").partition(heading(year))
    if not found:
        return (report or "").strip(), ""
    return record.strip(), achievements.strip()


def join(record: str, achievements: str, year: int) -> str:
    return "\n".join([(record or "").strip(), "", heading(year), (achievements or "").strip()]).strip()


def _section(title: str, lines: list[str]) -> list[str]:
    return [title, *(f"- {line}" for line in lines)] if lines else [title, "- Chưa có."]


def _person(person: Person, year: int) -> list[str]:
    positions = [f"{m.position or 'Thành viên'}, {m.organisation.name}" for m in person.current_memberships]
    items = [it for it in award_selectors.person_timeline(person=person) if it.year > year - YEARS_SHOWN]
    ratings = [f"Năm {it.year}: {it.title.removeprefix('Xếp loại: ')}" for it in items if it.kind == "rating"]
    awards = [f"Năm {it.year}: {it.title}" + (f" ({it.detail})" if it.detail else "")
              for it in items if it.kind == "award" and not it.css]
    works = [f"Năm {it.year}: {it.title}" for it in items if it.kind == "initiative"]
    return [f"Họ và tên: {person.full_name}",
            f"Chức vụ, đơn vị công tác: {'; '.join(positions) or '—'}", "",
            *_section("Kết quả xếp loại mức độ hoàn thành nhiệm vụ:", ratings), "",
            *_section("Danh hiệu thi đua, hình thức khen thưởng đã được tặng:", awards), "",
            *_section("Sáng kiến, đề tài khoa học:", works)]


def _unit(unit: Organisation, year: int) -> list[str]:
    history = award_selectors.unit_history(unit=unit)
    ratings = [f"Năm {r.year}: {r.get_rating_display()}" for r in history["ratings"] if r.year > year - YEARS_SHOWN]
    awards = [f"Năm {a.year}: {a.award_type.name}" for a in history["awards"]
              if a.year > year - YEARS_SHOWN and not a.revoked]
    return [f"Tên tập thể: {unit.name}", "",
            *_section("Kết quả xếp loại của tập thể:", ratings), "",
            *_section("Danh hiệu thi đua, hình thức khen thưởng đã được tặng:", awards)]


def _household(household: Household, year: int) -> list[str]:
    contributions = [f"Năm {c.year}: {c.description}" for c in
                     Contribution.objects.filter(household=household, year__gt=year - YEARS_SHOWN)]
    awards = [f"Năm {a.year}: {a.award_type.name}" for a in Award.objects.filter(
        household=household, revoked=False, year__gt=year - YEARS_SHOWN).select_related("award_type")]
    return [f"Hộ gia đình: {household.head_name}, {household.village.name}", "",
            *_section("Đóng góp công sức, đất đai, tài sản; thành tích trong phong trào:", contributions), "",
            *_section("Hình thức khen thưởng đã được tặng:", awards)]


def prefill(subject, year: int) -> str:
    if isinstance(subject, Person):
        lines = _person(subject, year)
    elif isinstance(subject, Organisation):
        lines = _unit(subject, year)
    else:
        lines = _household(subject, year)
    return join("\n".join(lines), "", year)


def old_guidance_message(nomination, line: str) -> str:
    return ("Báo cáo thành tích của %(s)s còn dòng hướng dẫn “%(line)s”: hãy xóa nguyên dòng này "
            "(kể cả dấu ngoặc) và ghi thành tích vào chỗ đó." % {"s": nomination.subject, "line": line})


def report_problem(nomination, year: int) -> str | None:
    """What is wrong with a nomination's achievement report, or None (also when its kind needs
    no report: Lao động tiên tiến, Tập thể lao động tiên tiến — rules.dossiers)."""
    if not nomination.needs_report:
        return None
    report = nomination.report.strip()
    if not report:
        return f"Chưa có báo cáo thành tích của {nomination.subject}."
    line = old_guidance(report)
    if line:
        return old_guidance_message(nomination, line)
    record, achievements = split(report, year)
    if not achievements and heading(year) in report:
        return (f"Báo cáo thành tích của {nomination.subject} chưa ghi thành tích năm {year} "
                f"(phần “{heading(year)}” còn trống).")
    return None
