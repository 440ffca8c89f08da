"""Reading old narrative reports: the exemplar lists ("Một số gương điển hình…") become
structured records to review before anything is saved.

``read_report(text)`` returns a list of records::

    {"name": "Nguyễn Thị Mai", "position": "Phó Hiệu trưởng", "unit": "Trường Mầm non Hồng Phong",
     "sector": "giáo dục", "group": "Mầm non", "kind": "individual", "gender": "F",
     "awards": [{"text": "Chiến sĩ thi đua cấp tỉnh (2022)", "code": "CSTD_TINH", "level": "tỉnh",
                 "years": ["2022"], "count": 1}, ...],
     "notes": ["bồi dưỡng học sinh giỏi"]}

Conventions
-----------
* ``code``: a code of rules.md when the award is one (LDTT, CSTD_CO_SO, CSTD_TINH, BANG_KHEN_TINH,
  GIAY_KHEN_XA, TTLDTT, TTLDXS, DVQT, CO_THI_DUA_TINH, BANG_KHEN_TTG, KY_NIEM_CHUONG…; HTXSNV for
  "hoàn thành xuất sắc nhiệm vụ", a rating), else null ("Bằng khen TW Đoàn", "Giấy khen Sở Y tế",
  "SKKN cấp huyện", "Giấy khen UBND huyện" — the district's, not the commune's).
* ``level``: the issuing level as written, without "UBND", "Chủ tịch", "của", "cấp"; a lone
  administrative level is lower-cased ("tỉnh", "huyện", "xã"); null when the text gives none.
* ``years``: the years as written, as strings: "2022", or a school year "2020-2021" (its end
  year is the ledger year, the string its period label).
* ``count``: the number written ("02 Bằng khen" → 2, "4 năm" → 4); else the number of years
  given; else 1; null for "nhiều" (many, uncounted).
* ``kind``: "individual" or "collective" (a unit praised as such); ``gender`` from the
  honorific (Cô/Bà → "F", Thầy/Ông → "M"), else null. ``notes``: phrases that are
  achievements rather than awards. ``group``: the sub-heading ("+ Bậc học Mầm non").

Nothing here knows a name, unit or phrase of any report: records are found by patterns
(honorifics, "Name (position, unit)", "Name (position unit) với …", "Name thôn X …", sector
headings "- Lĩnh vực …", sub-headings "+ …", award phrases split on commas and semicolons).
"""
from __future__ import annotations

import re
import time
import unicodedata
from typing import Callable

from django.core.exceptions import ValidationError

from thidua.core.legacy import to_unicode

# Bounds of one reading (issue #22, hole 7): the seed report is 28 000 characters and reads in
# 30 ms; a report 18 times longer is still accepted, a 9 MB paste is refused at once, and no
# reading (with its check against the database) keeps a worker longer than MAX_SECONDS.
MAX_CHARS = 500_000
MAX_RECORDS = 3_000
MAX_SECONDS = 20.0


class ReportRefused(ValidationError):
    """The report is over a limit; nothing was read into the database."""


class Deadline:
    """A time limit checked between steps (records, rows): past it, ReportRefused."""

    def __init__(self, seconds: float = None):
        self.seconds = MAX_SECONDS if seconds is None else seconds
        self.end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ReportRefused(f"Đã dừng đọc báo cáo sau {self.seconds:g} giây: báo cáo quá dài hoặc quá phức tạp. "
                                "Hãy dán từng phần (ví dụ chỉ mục gương điển hình).")


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def check_size(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise ReportRefused(f"Báo cáo dài {_n(len(text))} ký tự, quá giới hạn {_n(MAX_CHARS)} ký tự của một lần đọc. "
                            "Hãy dán từng phần (ví dụ chỉ mục gương điển hình).")

HONORIFICS = {  # lower-case -> gender
    "đồng chí": None, "đ.c": None, "đ/c": None, "cô giáo": "F", "thầy giáo": "M", "cô": "F", "thầy": "M",
    "ông": "M", "bà": "F",
}
# Common Vietnamese family names: a name met without an honorific must start with one.
SURNAMES = set("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lương Mai Trịnh
Đoàn Lâm Cao Hà Tạ Chu Kiều Tô Quách Thái Triệu Lưu Đàm Phùng Văn Khúc Mạc Tăng Lã La Lò Quàng Cầm Vi Hứa Lục Nông
Tôn Giang Kim Âu Doãn Khổng Khương Trương Thân Nghiêm Ninh Bạch Diệp Đồng Tống Vương Viên Hàn Hầu Lục Ông Thạch
Từ Biện Cù Đào Lại Phí Quan Mẫn Bế Hoàng Hà""".split())
# Words that open a unit's name inside "(position unit)" (longest first when matching).
UNIT_HEADS = ["trung tâm", "công an", "chi hội", "chi đoàn", "chi bộ", "văn phòng", "mặt trận", "đảng ủy", "đảng bộ",
              "hợp tác xã", "câu lạc bộ", "ban chỉ huy", "ủy ban", "trường", "trạm", "phòng", "đoàn", "hội", "thôn",
              "xóm", "ban", "ubnd", "mttq", "clb", "htx", "mn", "th", "thcs", "thpt", "tổ", "công ty", "bệnh viện"]
# Positions that open "(position …)"; leaders' titles keep the unit ("Bí thư Đoàn xã").
POSITIONS = ["phó hiệu trưởng", "hiệu trưởng", "chi hội trưởng", "trạm trưởng", "phó trưởng", "trưởng", "phó bí thư",
             "bí thư", "phó chủ tịch", "chủ tịch", "chỉ huy trưởng", "chỉ huy phó", "chủ nhiệm", "giám đốc",
             "phó giám đốc", "giáo viên", "tổng phụ trách", "chuyên viên", "công chức", "viên chức", "nhân viên",
             "kế toán", "văn thư", "y sĩ", "bác sĩ", "điều dưỡng", "cán bộ", "gv", "tpt", "ct", "pct", "ht", "pht"]
LEADERS = {"trưởng", "phó trưởng", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "chỉ huy trưởng", "chỉ huy phó",
           "chủ nhiệm", "giám đốc", "phó giám đốc", "chi hội trưởng", "ct", "pct"}
ABBREVIATIONS = {"GV": "Giáo viên", "TPT": "Tổng phụ trách", "CT": "Chủ tịch", "PCT": "Phó Chủ tịch",
                 "HT": "Hiệu trưởng", "PHT": "Phó Hiệu trưởng", "MN": "Mầm non", "TH": "Tiểu học", "PN": "Phụ nữ",
                 "VHXH": "Văn hóa - Xã hội", "PVHCC": "Phục vụ hành chính công", "CLB": "Câu lạc bộ"}
SCHOOL_LEVELS = ("Mầm non", "Tiểu học", "THCS", "THPT", "Trung học")

_LEAD_INS = re.compile(r"^(?:(?:tiêu biểu|điển hình)(?: như)?|cá nhân(?: tiêu biểu)?(?: như)?|tập thể(?: như)?|cụ thể"
                       r"|gồm)\s*:?\s*", re.IGNORECASE)
_AWARD_LEAD = re.compile(r"^(?:được tặng|được|đã được|đạt danh hiệu|đạt|với|danh hiệu|gồm)\s+", re.IGNORECASE)
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?"
_YEARS_ONLY = re.compile(rf"^\(?\s*{_YEAR}\s*\)?\.?$")


# --- text helpers ----------------------------------------------------------------------------
def fold(text: str) -> str:
    """Same length as ``text``: lower-case, no diacritics, đ -> d (so spans map back)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        base = "d" if base in "đĐ" else base
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t,;:.")


def split_top(text: str, separators: str) -> list[str]:
    """Split on separator characters outside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isalpha() and word[0].isupper()


def _split_honorific(words: list[str]) -> tuple[str | None, list[str]]:
    for size in (2, 1):
        head = " ".join(words[:size]).lower()
        if head in HONORIFICS and len(words) > size:
            return head, words[size:]
    return None, words


def parse_name(text: str) -> tuple[str, str | None] | None:
    """'Cô Nguyễn Thị Mai' -> ('Nguyễn Thị Mai', 'cô'); a bare name must start with a family name."""
    words = text.split()
    honorific, rest = _split_honorific(words)
    if not 2 <= len(rest) <= 5 or not all(_is_capitalised(w) and w.replace("-", "").isalpha() for w in rest):
        return None
    if honorific is None and rest[0] not in SURNAMES:
        return None
    return " ".join(rest), honorific


def _expand(words: list[str]) -> list[str]:
    return [ABBREVIATIONS.get(w, w) for w in words]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _unit_name(words: list[str]) -> str:
    text = " ".join(_expand(words))
    text = re.sub(r"^(trường|trạm|thôn|phòng|hội|đoàn|ban|trung tâm)\b", lambda m: m.group(1).capitalize(), text)
    low = text.lower()
    for level in SCHOOL_LEVELS:
        if low.startswith("trường " + level.lower()):
            text = "Trường " + level + text[len("trường ") + len(level):]
        elif low.startswith(level.lower()):
            text = "Trường " + level + text[len(level):]
    return text


def _match_list(words: list[str], i: int, phrases: list[str]) -> str | None:
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        size = len(phrase.split())
        if " ".join(words[i:i + size]).lower() == phrase:
            return phrase
    return None


def split_position_unit(text: str) -> tuple[str | None, str | None]:
    """'(Phó Hiệu trưởng, Trường Mầm non Hồng Phong)', '(GV MN Hồng Phong)',
    '(giáo viên trường mầm non X)', '(Phó Trưởng Công an xã)', '(Phòng VHXH)' -> (position, unit)."""
    text = _clean(re.sub(r"\s*-\s*", " - ", text))
    if not text:
        return None, None
    if "," in text:
        position, unit = text.split(",", 1)
        return _capitalise(" ".join(_expand(position.split()))) or None, _unit_name(unit.split()) or None
    words = text.split()
    position_phrase = _match_list(words, 0, POSITIONS)
    start = len(position_phrase.split()) if position_phrase else 0
    unit_at = None
    for i in range(start if position_phrase else 0, len(words)):
        if _match_list(words, i, UNIT_HEADS) and (i > 0 or not position_phrase):
            unit_at = i
            break
    if unit_at is None:
        if position_phrase:
            return _capitalise(" ".join(_expand(words))), None
        return None, _unit_name(words)
    position_words, unit_words = words[:unit_at], words[unit_at:]
    if not position_words:
        return None, _unit_name(unit_words)
    unit = _unit_name(unit_words)
    position = _capitalise(" ".join(_expand(position_words)))
    if position_phrase in LEADERS and len(position_words) == len(position_phrase.split()):
        position = f"{position} {unit[:1].lower() + unit[1:] if unit.split()[0] in ('Thôn', 'Xóm') else unit}"
    return position, unit


# --- awards ----------------------------------------------------------------------------------
_AWARD_WORDS = re.compile(
    r"bang khen|giay khen|ky niem chuong|co thi dua|chien si|\bcstd\b|\bskkn\b|sang kien|de tai|huan chuong|"
    r"huy chuong|lao dong tien tien|\bldtt\b|\bldxs\b|lao dong xuat sac|quyet thang|don vi tien tien|danh hieu|"
    r"hoan thanh xuat sac|day gioi|tieu bieu|gia dinh van hoa|thon van hoa|giai thuong")
_NOUNS = [
    r"(?:danh hieu\s+)?tap the\s+(?:ldtt|ldxs|lao dong tien tien|lao dong xuat sac)", r"bang khen", r"giay khen",
    r"ky niem chuong", r"co thi dua", r"chien si thi dua", r"\bcstd\b", r"\bskkn\b",
    r"sang kien(?: kinh nghiem)?", r"giao vien day gioi", r"dang vien tieu bieu", r"lao dong tien tien", r"\bldtt\b",
    r"\bldxs\b", r"lao dong xuat sac", r"don vi quyet thang", r"don vi tien tien", r"danh hieu", r"huan chuong",
]
_NOISE = [r"^\s*(?:\d{1,3}|nhieu)\s+", rf"\(?\s*{_YEAR}(?:\s*,\s*{_YEAR})*\s*\)?", r"\(?\s*\d{1,2}\s+nam(?:\s+lien\s+(?:tuc|tiep))?\s*\)?",
          r"\bnhieu nam\b", r"\bnhieu\b", r"^\s*(?:duoc tang|duoc|dat danh hieu|dat|voi)\s+", r"\bdat\b", r"\bcua\b",
          r"\bchu tich\b", r"\bubnd\b", r"\buy ban nhan dan\b", r"\bcap\b", r"\bmoi \w+$"]
_ADMIN_LEVELS = {"tỉnh", "huyện", "xã", "thành phố", "trung ương", "cơ sở", "ngành", "tw"}
_ORG_WORDS = re.compile(r"\b(?:doan|hoi|dang|cong doan|lhpn|lhtn|so|bo|nganh|mttq|mat tran|ngan hang|nhcsxh)\b")


def _remove_spans(text: str, folded: str, patterns: list[str]) -> str:
    keep = [True] * len(text)
    for pattern in patterns:
        for m in re.finditer(pattern, folded):
            for i in range(m.start(), m.end()):
                keep[i] = False
    return "".join(c if k else " " for c, k in zip(text, keep))


def _issuer(text: str) -> tuple[str, str]:
    """(issuer as written, folded issuer) once the award noun, counts, years and fillers are gone."""
    folded = fold(text)
    rest = _remove_spans(text, folded, _NOUNS + _NOISE)
    rest = re.sub(r"[()]", " ", rest)
    rest = _clean(rest)
    return rest, fold(rest)


def _government_province(issuer: str) -> bool:
    return issuer in ("tinh", "thanh pho", "tp")


def _emulation_fighter(s: str, issuer: str) -> str | None:
    if "toan quoc" in s:
        return "CSTD_TOAN_QUOC"
    if "co so" in s:
        return "CSTD_CO_SO"
    if re.search(r"\b(?:tinh|thanh pho|bo|nganh)\b", s):
        return "CSTD_TINH"
    return None


def _emulation_flag(s: str, issuer: str) -> str | None:
    if "chinh phu" in s:
        return "CO_THI_DUA_CP"
    return "CO_THI_DUA_TINH" if _government_province(issuer) and not _ORG_WORDS.search(issuer) else None


def _certificate_of_merit(s: str, issuer: str) -> str | None:
    if re.search(r"thu tuong|\bttg\b|chinh phu", s):
        return "BANG_KHEN_TTG"
    return "BANG_KHEN_TINH" if _government_province(issuer) else None


# The award phrases (folded) in the order they are tried: the first found decides — a code, or
# a function of (the folded phrase, the issuer) when the code depends on more.
_PHRASES: tuple[tuple[str, str | Callable[[str, str], str | None]], ...] = (
    (r"ky niem chuong", "KY_NIEM_CHUONG"),
    (r"huan chuong lao dong hang ba", "HUAN_CHUONG_LD3"),
    (r"hoan thanh xuat sac", "HTXSNV"),
    (r"chien si thi dua|\bcstd\b", _emulation_fighter),
    (r"chien si tien tien", "CSTT"),
    (r"co thi dua", _emulation_flag),
    (r"don vi quyet thang", "DVQT"),
    (r"don vi tien tien", "DVTT"),
    (r"lao dong xuat sac|\bldxs\b", "TTLDXS"),
    (r"lao dong tien tien|\bldtt\b", lambda s, issuer: "TTLDTT" if "tap the" in s else "LDTT"),
    (r"gia dinh van hoa", "GIA_DINH_VAN_HOA"),
    (r"thon van hoa|khu dan cu van hoa|to dan pho van hoa", "THON_VAN_HOA"),
    (r"bang khen", _certificate_of_merit),
    (r"giay khen", lambda s, issuer: "GIAY_KHEN_XA" if issuer in ("xa", "phuong") else None),
)


def classify(text: str) -> str | None:
    """The rules.md code of an award phrase, or None."""
    s = fold(text)
    _issuer_text, issuer = _issuer(text)
    for pattern, code in _PHRASES:
        if re.search(pattern, s):
            return code(s, issuer) if callable(code) else code
    return None


def _level(text: str, code: str | None) -> str | None:
    if code in ("HTXSNV", "LDTT", "TTLDTT", "DVQT", "DVTT", "CSTT"):
        return None
    issuer, _folded = _issuer(text)
    issuer = issuer.strip(" -–")
    if not issuer:
        return None
    if issuer.lower() in _ADMIN_LEVELS:
        return issuer.lower() if issuer.lower() != "tw" else "TW"
    return issuer


def parse_award(text: str, *, many: bool = False, given_by: str | None = None) -> dict:
    text = _clean(text)
    work = _AWARD_LEAD.sub("", text)
    folded = fold(work)
    years = [re.sub(r"\s*[-–]\s*", "-", y) for y in re.findall(_YEAR, work)]
    count = None
    m = re.match(r"^\s*(\d{1,3})\s+(?!nam\b)", folded)
    if m:
        count = int(m.group(1))
    n_years = re.search(r"(\d{1,2})\s+nam\b", folded)
    if count is None and n_years:
        count = int(n_years.group(1))
    many = many or bool(re.match(r"^\s*nhieu\b", folded)) or bool(re.search(r"\bnhieu nam\b", folded))
    if count is None and not many:
        count = len(years) if years else 1
    code = classify(work)
    level = _level(work, code)
    if level is None and given_by and code not in ("HTXSNV",):
        level = given_by
        code = code if code else classify(f"{work} {given_by}")
    return {"text": _clean(work), "code": code, "level": level, "years": years, "count": count}


def _award_noun(text: str) -> str | None:
    folded = fold(text)
    for pattern in (r"bang khen", r"giay khen", r"ky niem chuong", r"co thi dua"):
        m = re.search(pattern, folded)
        if m:
            return text[m.start():m.end()]
    return None


def parse_award_list(text: str) -> tuple[list[dict], list[str]]:
    """'01 Bằng khen UBND Tỉnh, đạt danh hiệu CSTĐ cơ sở 04 năm liên tiếp 2020-2021, 2022-2023' ->
    (awards, notes)."""
    text = _clean(text)
    given_by = None
    m = re.match(r"^được\s+(.+?)\s+tặng\s+(.+)$", text, re.IGNORECASE)
    if m and len(m.group(1).split()) <= 6:
        given_by, text = _clean(m.group(1)), m.group(2)
    text = _AWARD_LEAD.sub("", text)
    items: list[str] = []
    for part in split_top(text, ",;"):
        part = _clean(part)
        if not part:
            continue
        if items and _YEARS_ONLY.match(part):
            items[-1] = f"{items[-1]}, {part}"
        else:
            items.append(part)
    awards, notes = [], []
    for item in items:
        if not _AWARD_WORDS.search(fold(item)):
            notes.append(item)
            continue
        # "Nhiều Giấy khen huyện và Hội Khuyến học": the same award from two issuers.
        pieces = re.split(r"\s+và\s+", item)
        if len(pieces) > 1 and _AWARD_WORDS.search(fold(pieces[0])):
            many = bool(re.match(r"^\s*nhieu\b", fold(pieces[0])))
            noun = _award_noun(pieces[0])
            first = parse_award(pieces[0], given_by=given_by)
            awards.append(first)
            for piece in pieces[1:]:
                if _AWARD_WORDS.search(fold(piece)):
                    awards.append(parse_award(piece, many=many))
                elif noun:
                    award = parse_award(f"{noun} {piece}", many=many)
                    if first["years"] and not award["years"]:
                        award["years"] = list(first["years"])
                    awards.append(award)
                else:
                    notes.append(_clean(piece))
            given_by = None
            continue
        awards.append(parse_award(item, given_by=given_by))
        given_by = None
    # A breakdown "8 Giấy khen (4 Xã, 2 Huyện, 2 Đảng bộ Xã)" becomes one award per issuer.
    expanded = []
    for award in awards:
        inner = re.search(r"\(([^()]*\d[^()]*)\)\s*$", award["text"])
        noun = _award_noun(award["text"])
        parts = [p.strip() for p in inner.group(1).split(",")] if inner else []
        if noun and len(parts) > 1 and all(re.match(r"^\d{1,3}\s+\S", p) for p in parts):
            for p in parts:
                count, issuer = p.split(None, 1)
                sub = parse_award(f"{count} {noun} {issuer}")
                expanded.append(sub)
        else:
            expanded.append(award)
    if not expanded and notes:
        notes = [_clean(text)]
    return expanded, notes


# --- structure -------------------------------------------------------------------------------
_HEADING = re.compile(r"^(?:[IVXLC]+|\d{1,2})\.\s")
_BULLET = re.compile(r"^([-+−–•])\s*")


def _honorific_line(line: str) -> bool:
    words = line.split()
    honorific, rest = _split_honorific(words)
    return honorific is not None and bool(rest) and _is_capitalised(rest[0]) and "(" in line


def _blocks(text: str) -> list[tuple[str, str]]:
    """[(kind, text)] where kind is 'heading', '-', '+' or 'entry'; wrapped lines rejoined."""
    blocks: list[list[str]] = []
    for raw in text.splitlines():
        line = _clean_line(raw)
        if not line:
            continue
        bullet = _BULLET.match(line)
        if _HEADING.match(line):
            blocks.append(["heading", line])
        elif bullet:
            kind = "+" if bullet.group(1) == "+" else "-"
            blocks.append([kind, line[bullet.end():]])
        elif _honorific_line(line):
            blocks.append(["entry", line])
        elif blocks:
            blocks[-1][1] += " " + line
        else:
            blocks.append(["text", line])
    return [(k, re.sub(r"\s+", " ", t).strip()) for k, t in blocks]


def _clean_line(line: str) -> str:
    line = to_unicode(line)
    # "ôngVũ Đình Chinh": an honorific glued to the name.
    line = re.sub(r"\b(ông|bà|cô|thầy)(?=[^\W\d_])(.)", _unglue, line)
    return line.strip()


def _unglue(m: re.Match) -> str:
    return f"{m.group(1)} {m.group(2)}" if m.group(2).isupper() else m.group(0)


def _heading_text(text: str) -> tuple[str, str]:
    """'Lĩnh vực giáo dục: Các trường…' -> ('Lĩnh vực giáo dục', 'Các trường…')."""
    colon = text.find(":")
    if 0 < colon <= 90:
        return text[:colon].strip(), text[colon + 1:].strip()
    if len(text.split()) <= 8 and "(" not in text:
        return text.strip(" :"), ""
    return "", text


def _sector_name(heading: str) -> str:
    return re.sub(r"^lĩnh vực\s+", "", heading, flags=re.IGNORECASE).strip()


def _group_name(heading: str) -> str:
    return re.sub(r"^(?:bậc học|cấp học|cấp|khối|công tác)\s+", "", heading, flags=re.IGNORECASE).strip()


_VILLAGE = re.compile(r"^(?P<name>.+?)\s*,?\s+(?P<word>thôn|xóm|tổ dân phố|khu)\s+(?P<place>.+)$")
_PLACE_STOP = {"là", "có", "hiến", "ủng", "với", "được", "đã", "và", "tham", "tích", "sản", "kinh", "trồng", "nuôi",
               "mô", "làm", "đóng", "góp", "tặng", "đạt", "chăn"}


def _split_place(text: str) -> tuple[str, str]:
    """'Thống nhất hiến 123m2…' -> ('Thống nhất', 'hiến 123m2…'): two words at most, and a number."""
    words = text.split()
    if not words:
        return "", text
    first = words[0].strip(",.;:")
    if not _is_capitalised(first):
        return "", text
    taken, n = [first], 1
    if words[0] == first and len(words) > 1:
        second = words[1].strip(",.;:")
        if second.isalpha() and (_is_capitalised(second) or second.lower() not in _PLACE_STOP):
            taken.append(second)
            n = 2
    if n < len(words) and words[n - 1].strip(",.;:") == words[n - 1]:
        number = words[n].strip(",.;:")
        if number.isdecimal() and len(number) <= 2:
            taken.append(number)
            n += 1
    return " ".join(taken), " ".join(words[n:])


def _record(name, position, unit, sector, group, kind, gender, awards, notes) -> dict:
    return {"name": name, "position": position, "unit": unit, "sector": sector or None, "group": group or None,
            "kind": kind, "gender": gender, "awards": awards, "notes": notes}


def _person_with_paren(segment: str, ctx: dict) -> dict | None:
    open_at = segment.find("(")
    if open_at <= 0:
        return None
    parsed = parse_name(segment[:open_at])
    if parsed is None:
        return None
    name, honorific = parsed
    depth, close_at = 0, -1
    for i in range(open_at, len(segment)):
        depth += segment[i] == "("
        depth -= segment[i] == ")"
        if depth == 0:
            close_at = i
            break
    if close_at < 0:
        return None
    position, unit = split_position_unit(segment[open_at + 1:close_at])
    if unit and re.fullmatch(r"số \d+", unit, re.IGNORECASE) and ctx.get("collective"):
        unit = f"{ctx['collective']} {unit.lower()}"
    if unit is None and position and re.search(r"\bsố \d+$", position) and ctx.get("collective"):
        number = re.search(r"số \d+$", position).group(0)
        position, unit = position[:-len(number)].strip(), f"{ctx['collective']} {number}"
    awards, notes = parse_award_list(segment[close_at + 1:])
    return _record(name, position, unit, ctx.get("sector"), ctx.get("group"), "individual",
                   HONORIFICS.get(honorific or ""), awards, notes)


def _person_of_village(segment: str, ctx: dict) -> dict | None:
    m = _VILLAGE.match(segment)
    if not m:
        return None
    parsed = parse_name(m.group("name"))
    if parsed is None:
        return None
    place, rest = _split_place(m.group("place"))
    if not place:
        return None
    awards, notes = parse_award_list(rest)
    unit = f"{m.group('word').capitalize()} {place}"
    return _record(parsed[0], None, unit, ctx.get("sector"), ctx.get("group"), "individual",
                   HONORIFICS.get(parsed[1] or ""), awards, notes)


_COLLECTIVE = re.compile(r"^(?P<unit>.+?)\s+(?P<verb>với|đạt|được)\s+(?P<rest>.+)$")


def _collective(segment: str, ctx: dict) -> dict | None:
    m = _COLLECTIVE.match(segment)
    if not m:
        return None
    words = m.group("unit").split()
    if not words or not _match_list(words, 0, UNIT_HEADS) or not _is_capitalised(words[0]):
        return None
    unit = m.group("unit").strip()
    rest = m.group("rest") if m.group("verb") != "được" else "được " + m.group("rest")
    awards, notes = parse_award_list(rest)
    if not awards:
        return None
    ctx["collective"] = re.sub(r"\s*\([^)]*\)\s*$", "", unit).strip()
    return _record(unit, None, unit, ctx.get("sector"), ctx.get("group"), "collective", None, awards, notes)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")


def _segments(body: str) -> list[str]:
    out = []
    for part in split_top(body, ";"):
        for segment in _SENTENCE_END.split(part):
            if segment[:1].islower() and out:
                out[-1] += " " + segment  # not a new sentence
                continue
            segment = _clean(segment)
            while True:
                stripped = _LEAD_INS.sub("", segment)
                if stripped == segment:
                    break
                segment = stripped
            if segment:
                out.append(segment)
    return out


def read_report(text: str, *, deadline: Deadline | None = None) -> list[dict]:
    """Every exemplar (person or collective) found in the text, in order of appearance.
    ReportRefused when the text is over MAX_CHARS, gives over MAX_RECORDS, or the deadline
    passes."""
    check_size(text)
    records: list[dict] = []
    ctx: dict = {"sector": None, "group": None, "collective": None}
    for kind, block in _blocks(text):
        if deadline is not None:
            deadline.check()
        if len(records) > MAX_RECORDS:
            raise ReportRefused(f"Báo cáo có hơn {_n(MAX_RECORDS)} gương điển hình; hãy dán từng phần.")
        body = block
        if kind == "heading":
            ctx.update(sector=None, group=None, collective=None)
            continue
        if kind == "-":
            heading, body = _heading_text(block)
            ctx.update(sector=_sector_name(heading) if heading else None, group=None, collective=None)
        elif kind == "+":
            heading, body = _heading_text(block)
            if heading and fold(heading) not in ("ca nhan", "tap the"):
                ctx["group"] = _group_name(heading)
        for segment in _segments(body):
            record = _person_with_paren(segment, ctx) or _person_of_village(segment, ctx) or _collective(segment, ctx)
            if record is not None:
                records.append(record)
    return records


def extract_section(text: str, title: str) -> str:
    """The part of a report under the heading containing ``title`` (diacritics and case
    optional), up to the next heading of the same or a higher level."""
    lines = text.splitlines()
    wanted = fold(re.sub(r"\s+", " ", title)).strip()
    start, level = None, None
    for i, line in enumerate(lines):
        clean = re.sub(r"\s+", " ", line).strip()
        m = _HEADING.match(clean)
        if start is None:
            if m and wanted in fold(clean):
                start, level = i, ("roman" if re.match(r"^[IVXLC]+\.", clean) else "number")
            continue
        if m and (re.match(r"^[IVXLC]+\.", clean) or level == "number"):
            return "\n".join(lines[start:i])
    return "\n".join(lines[start:]) if start is not None else ""
