"""Vietnamese number and date style for user-facing text (details of check rows)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Iterable


def vn_date(day: date) -> str:
    """01/07/2026"""
    if day.year >= 1000:  # same text as strftime, without its cost
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day:%d/%m/%Y}"  # (strftime pads years < 1000 differently per platform)


def percent(value: Fraction) -> str:
    """Fraction(20, 29) → "68,97%"; Fraction(7, 10) → "70%" (two decimals at most)."""
    text = format(Decimal(value.numerator * 100) / Decimal(value.denominator), ".2f")
    text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def vnd(amount: int) -> str:
    """710000 → "710.000 đ"."""
    return f"{amount:,}".replace(",", ".") + " đ"


def years_list(years: Iterable[int]) -> str:
    return ", ".join(map(str, years))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
