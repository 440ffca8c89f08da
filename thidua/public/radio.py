"""Bản tin Đài truyền thanh: short texts for the commune's loudspeaker radio, written to be
read aloud. Names, unit and achievement; every number, amount and date in words (a reader
should never have to turn "3.450.000 đồng" or "20/12/2025" into speech on air); common
abbreviations written out. Public texts: no citizen ID, birth date, phone or address.

One bulletin per decision the commune signed and per exemplar published in the month.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from thidua.core.words import number_in_words

ABBREVIATIONS = [
    (r"\bUBND\b", "Ủy ban nhân dân"), (r"\bHĐND\b", "Hội đồng nhân dân"), (r"\bQĐ\b", "Quyết định"),
    (r"\bTW\b", "Trung ương"), (r"\bTP\b", "thành phố"), (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bCSTĐ\b", "Chiến sĩ thi đua"), (r"\bLĐTT\b", "Lao động tiên tiến"), (r"\bLĐXS\b", "Lao động xuất sắc"),
    (r"\bSKKN\b", "sáng kiến kinh nghiệm"), (r"\bGV\b", "giáo viên"), (r"\bMN\b", "Mầm non"),
    (r"\bTHCS\b", "Trung học cơ sở"), (r"\bNTM\b", "nông thôn mới"), (r"\bGD&ĐT\b", "Giáo dục và Đào tạo"),
    (r"\bOCOP\b", "Ô cốp"), (r"\bVAC\b", "vườn ao chuồng"),
]
DATE = re.compile(r"([Nn]gày\s+)?\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
MONEY = re.compile(r"\b(\d{1,3}(?:\.\d{3})+|\d+)\s*(đồng|triệu đồng|tỷ đồng)")
GROUPED = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")
AREA = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(?:m2|m²)")
PERCENT = re.compile(r"\b(\d+)(?:,(\d+))?\s*%")
RANGE = re.compile(r"\b(\d{4})\s*[-–]\s*(\d{4})\b")
NUMBER = re.compile(r"\d+")


def date_words(day: datetime.date) -> str:
    return f"ngày {number_in_words(day.day)} tháng {number_in_words(day.month)} năm {number_in_words(day.year)}"


def amount_words(amount: int) -> str:
    return f"{number_in_words(amount)} đồng"


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def speakable(text: str) -> str:
    """Free text made ready for reading aloud: dates, amounts, areas, percentages and other
    numbers in words; abbreviations written out."""
    text = text or ""
    for pattern, words in ABBREVIATIONS:
        text = re.sub(pattern, words, text)
    text = DATE.sub(_date, text)
    text = MONEY.sub(lambda m: f"{number_in_words(_int(m[1]))} {m[2]}", text)
    text = AREA.sub(lambda m: f"{_decimal_words(m[1])} mét vuông", text)
    text = PERCENT.sub(lambda m: number_in_words(int(m[1])) + (f" phẩy {number_in_words(int(m[2]))}" if m[2] else "")
                       + " phần trăm", text)
    text = RANGE.sub(lambda m: f"{number_in_words(int(m[1]))} đến {number_in_words(int(m[2]))}", text)
    text = GROUPED.sub(lambda m: number_in_words(_int(m[0])), text)
    text = NUMBER.sub(lambda m: number_in_words(int(m[0])), text)
    return re.sub(r"\s+", " ", text).strip()


def _date(m) -> str:
    try:
        words = date_words(datetime.date(int(m[4]), int(m[3]), int(m[2])))
    except ValueError:
        return f"{m[1] or ''}{m[2]} {m[3]} {m[4]}"
    return words.capitalize() if (m[1] or "").startswith("N") else words


def _decimal_words(text: str) -> str:
    whole, _, fraction = text.replace(".", ",").partition(",")
    words = number_in_words(int(whole))
    return f"{words} phẩy {number_in_words(int(fraction))}" if fraction else words


@dataclass
class Bulletin:
    title: str       # for the office's list (not read on air)
    text: str        # what the announcer reads
    kind: str        # "decision" | "exemplar"


def _honorific(person) -> str:
    return "bà" if person.gender == "F" else "ông"


def _holder(award, on: datetime.date) -> str:
    """'bà Nguyễn Thị Mai, Phó Hiệu trưởng Trường Mầm non Hồng Phong' / a collective / a household."""
    if award.person_id:
        person = award.person
        memberships = [m for m in person.memberships.all()
                       if (m.start is None or m.start <= on) and (m.end is None or m.end >= on)]
        place = ""
        if memberships:
            m = max(memberships, key=lambda m: m.start or datetime.date.min)
            place = " ".join(x for x in (m.position, m.organisation.name) if x)
        elif person.household_id and person.household.village_id:
            place = person.household.village.name
        return f"{_honorific(person)} {person.full_name}" + (f", {place}" if place else "")
    if award.organisation_id:
        return award.organisation.name
    village = award.household.village.name if award.household.village_id else ""
    return f"hộ gia đình {award.household.head_name}" + (f", {village}" if village else "")


def decision_bulletin(decision, awards: list) -> Bulletin:
    """The bulletin of one signed decision and the awards it wrote in the ledger."""
    number = decision.sequence or _leading_number(decision.number)
    number_text = f"số {number_in_words(number)}" if number else ""
    signer = (decision.signer_capacity or "Chủ tịch").strip()
    issuer = speakable(decision.issuer_name)
    people = sum(1 for a in awards if a.person_id)
    collectives = sum(1 for a in awards if a.organisation_id)
    households = len(awards) - people - collectives
    counted = ", ".join(x for x in (
        f"{number_in_words(collectives)} tập thể" if collectives else "",
        f"{number_in_words(people)} cá nhân" if people else "",
        f"{number_in_words(households)} hộ gia đình" if households else "") if x)
    parts = [f"Kính thưa bà con nhân dân! {date_words(decision.date).capitalize()}, {signer} {issuer} đã ký "
             f"Quyết định {number_text} về việc khen thưởng{(' ' + counted) if counted else ''}.".replace("  ", " ")]
    for award in awards:
        line = f"Tặng {award.award_type.name} cho {_holder(award, decision.date)}"
        if award.achievement:
            line += f", vì {speakable(award.achievement.rstrip('.'))}"
        if award.amount:
            line += f"; kèm theo tiền thưởng {amount_words(award.amount)}"
        parts.append(speakable(line) + ".")
    total = sum(a.amount or 0 for a in awards)
    if total:
        parts.append(f"Tổng số tiền thưởng là {amount_words(total)}.")
    parts.append("Xin chúc mừng các tập thể, cá nhân được khen thưởng và mong bà con tiếp tục hưởng ứng "
                 "các phong trào thi đua của xã.")
    return Bulletin(title=f"Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y}",
                    text=" ".join(parts), kind="decision")


def _leading_number(number: str) -> int | None:
    m = re.match(r"\s*(\d+)", number or "")
    return int(m[1]) if m else None


def exemplar_bulletin(exemplar) -> Bulletin:
    """'Gương người tốt, việc tốt' of the month, for reading on air."""
    month = exemplar.published_on
    head = (f"Gương người tốt, việc tốt tháng {number_in_words(month.month)} năm {number_in_words(month.year)}. "
            if month else "Gương người tốt, việc tốt. ")
    who = exemplar.display_name + (f", {exemplar.role_line}" if exemplar.role_line else "")
    parts = [head, f"{who}.", f"{exemplar.headline.rstrip('.')}."]
    told = re.sub(r"\D", " ", exemplar.headline).split()  # figures the headline already reads out
    if exemplar.land_m2 and str(exemplar.land_m2) not in told:
        parts.append(f"Đã hiến {exemplar.land_m2} m2 đất.")
    if exemplar.money_vnd and str(exemplar.money_vnd // 1_000_000) not in told:
        parts.append(f"Đã ủng hộ {exemplar.money_vnd:,} đồng.".replace(",", "."))
    if exemplar.production_model:
        parts.append(f"Mô hình: {exemplar.production_model}.")
    lines = exemplar.achievement_lines[:3]
    if lines:
        parts.append("Thành tích: " + "; ".join(lines) + ".")
    parts.append("Mỗi người tốt, việc tốt là một bông hoa đẹp. Xin trân trọng giới thiệu cùng bà con.")
    return Bulletin(title=f"Gương điển hình: {exemplar.display_name}", text=speakable(" ".join(parts)),
                    kind="exemplar")
