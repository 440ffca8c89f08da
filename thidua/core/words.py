"""Amounts in Vietnamese words, as written in decisions and lists ("Bằng chữ: …").

Formal written Vietnamese reads every 3-digit group after the first non-zero one in full,
hundreds included: 1.015.000 → "một triệu không trăm mười lăm nghìn", 1.000.005 → "một
triệu không trăm lẻ năm"; a group that is all zeros is skipped (2.000.100 → "hai triệu một
trăm"). ICU's "vi" spell-out (``thidua.core.text.icu_number_in_words``) only does this
inside the first thousand (1015 → "một nghìn không trăm mười lăm" but 1.015.000 → "một triệu
mười lăm nghìn"), so every amount in words (documents, the ``in_words`` filter) comes from
this module; a test pins where the two agree and where ICU is wrong. Scales above "tỷ" repeat it: 10^12 is "một
nghìn tỷ", 10^18 "một tỷ tỷ".
"""
from __future__ import annotations

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
SCALES = ["", "nghìn", "triệu"]  # within one "tỷ" chunk of 9 digits


def _group(n: int, full: bool) -> list[str]:
    """Words of a 3-digit group 1..999. ``full``: a higher group precedes, so hundreds and
    "lẻ" are always read ("không trăm lẻ năm")."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("lẻ")
            words.append(DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4:
        words.append("tư" if tens > 1 else "bốn")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _chunk(n: int, full: bool) -> list[str]:
    """Words of 0 < n < 10^9 with nghìn/triệu."""
    groups = [n // 1_000_000, n // 1000 % 1000, n % 1000]
    words: list[str] = []
    for index, value in enumerate(groups):
        if not value:
            continue
        words += _group(value, full or bool(words))
        scale = SCALES[2 - index]
        if scale:
            words.append(scale)
    return words


def number_in_words(number: int) -> str:
    """Formal Vietnamese words for a whole number (lower case): 1015000 -> 'một triệu không
    trăm mười lăm nghìn'."""
    number = int(number)
    if number < 0:
        return "âm " + number_in_words(-number)
    if number == 0:
        return DIGITS[0]
    chunks = []  # 9-digit chunks, least significant first; chunk i is followed by "tỷ" × i
    while number:
        chunks.append(number % 1_000_000_000)
        number //= 1_000_000_000
    words: list[str] = []
    for power in range(len(chunks) - 1, -1, -1):
        value = chunks[power]
        if value:
            words += _chunk(value, bool(words))
            words += ["tỷ"] * power
    return " ".join(words)


def amount_in_words(amount: int, currency: str = "đồng") -> str:
    """'Ba triệu bốn trăm năm mươi nghìn đồng' (capitalised, with the currency)."""
    words = number_in_words(amount)
    return f"{words[:1].upper()}{words[1:]} {currency}".strip()
