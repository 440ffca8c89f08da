"""Vietnamese text: NFC normalisation, diacritic-free search keys, collation, money.

Everything that stores or compares Vietnamese text goes through here, so that
"Nguyễn Thị Mai" typed in any Unicode form, or searched as "nguyen thi mai",
is the same person.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import icu

_SPACES = re.compile(r"\s+")


def nfc(value: str | None) -> str:
    """Unicode NFC with collapsed inner whitespace and no leading/trailing spaces."""
    if not value:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def nfc_lines(value: str | None) -> str:
    """A multi-line text (the lines of a decision, a team, a finding): each line NFC with its
    spaces collapsed, empty lines dropped, the line breaks kept — ``nfc`` would join the lines."""
    return "\n".join(nfc(line) for line in (value or "").splitlines() if line.strip())


def search_key(value: str | None) -> str:
    """Lower-case, diacritic-free form used for search ("Nguyễn Thị Mai" -> "nguyen thi mai")."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    # drop combining marks, and control characters (PostgreSQL text cannot hold NUL)
    stripped = "".join(" " if unicodedata.category(c) == "Cc" else c
                       for c in decomposed if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


@functools.lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi_VN"))


def collation_key(value: str) -> bytes:
    """Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê …)."""
    return _collator().getSortKey(value or "")


def given_name_key(full_name: str) -> tuple[bytes, bytes]:
    """Vietnamese lists sort by given name (the last word), then by the full name."""
    parts = nfc(full_name).split(" ")
    return (collation_key(parts[-1] if parts else ""), collation_key(full_name))


def given_name_sort_key(full_name: str) -> bytes:
    """``given_name_key`` as one byte string that a database orders the same way (bytewise, on
    SQLite and PostgreSQL alike): an ICU sort key ends with its only zero byte, so the two keys
    laid end to end compare as the pair does."""
    given, full = given_name_key(full_name)
    return given + full


def format_vnd(amount: int | None, suffix: str = " đồng") -> str:
    """3450000 -> '3.450.000 đồng'."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + suffix


@functools.lru_cache(maxsize=1)
def _spellout() -> icu.RuleBasedNumberFormat:
    return icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale("vi"))


def icu_number_in_words(number: int) -> str:
    """ICU's "vi" spell-out: right inside the first thousand, but it drops the formal "không
    trăm" above it (1.015.000 → "một triệu mười lăm nghìn"); use ``number_in_words``."""
    return _spellout().format(int(number))

