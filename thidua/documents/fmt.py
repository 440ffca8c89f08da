"""Wording of official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
from __future__ import annotations

import datetime
import re

BLANK = "\u00a0" * 6  # a gap to be filled by hand on a draft


def dmy(day: datetime.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def day_words(day: datetime.date | None) -> str:
    """'ngày 05 tháng 01 năm 2026': days below 10 and the months 1 and 2 take a leading zero
    (ND 30/2020, Phụ lục I, mục II.4.b)."""
    if day is None:
        return f"ngày{BLANK}tháng{BLANK}năm {datetime.date.today().year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, day: datetime.date | None) -> str:
    """'Nam Thanh Miện, ngày 15 tháng 12 năm 2025'."""
    words = day_words(day)
    return f"{place}, {words}" if place else words[:1].upper() + words[1:]


def number_line(number: str) -> str:
    """'Số: 123/QĐ-UBND'; a draft number '/QĐ-UBND' keeps a gap for the number."""
    number = (number or "").strip()
    if not number:
        return ""
    if number.startswith("/"):
        return f"Số:{BLANK}{number}"
    return f"Số: {number}"


def time_words(moment: datetime.datetime | None) -> str:
    """'14 giờ 00 phút, ngày 15 tháng 12 năm 2025'."""
    if moment is None:
        return f"{BLANK}giờ{BLANK}phút, {day_words(None)}"
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, {day_words(moment.date())}"


def place_of(name: str) -> str:
    """The place name of a body: 'Xã Nam Thanh Miện' / 'UBND xã Nam Thanh Miện' -> 'Nam Thanh Miện'."""
    name = re.sub(r"^(UBND|Ủy ban nhân dân)\s+", "", (name or "").strip(), flags=re.IGNORECASE)
    return re.sub(r"^(xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|quận)\s+", "", name, flags=re.IGNORECASE)


_LEAD = re.compile(r"^((?:Điều \d+[a-z]?\.)|(?:[IVXLC]+\.)|(?:\d+(?:\.\d+)*\.)|(?:[a-zđ]\))|(?:[-+•]))\s+")


def split_lead(paragraph: str) -> tuple[str, str]:
    """('Điều 1.', 'Tặng Giấy khen …'): the numbering a document prints in bold."""
    match = _LEAD.match(paragraph or "")
    if not match or match.group(1) in "-+•":
        return "", paragraph or ""
    return match.group(1) + " ", paragraph[match.end():]


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a narrative section, verbatim (no reflowing)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
