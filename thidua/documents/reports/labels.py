"""How reports name awards and issuers: short labels as a commune's report writes them
("Bằng khen UBND tỉnh", "2 Bằng khen TW Đoàn"), and the issuing level of an award."""
from __future__ import annotations

import re

from thidua.core.text import search_key

# Short names of the catalogue's codes as reports write them.
SHORT = {
    "CSTD_TOAN_QUOC": "Chiến sĩ thi đua toàn quốc",
    "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
    "CSTD_CO_SO": "Chiến sĩ thi đua cơ sở",
    "LDTT": "Lao động tiên tiến",
    "CSTT": "Chiến sĩ tiên tiến",
    "CO_THI_DUA_CP": "Cờ thi đua của Chính phủ",
    "CO_THI_DUA_TINH": "Cờ thi đua UBND tỉnh",
    "TTLDXS": "Tập thể lao động xuất sắc",
    "DVQT": "Đơn vị quyết thắng",
    "TTLDTT": "Tập thể lao động tiên tiến",
    "DVTT": "Đơn vị tiên tiến",
    "XA_TIEU_BIEU": "Xã tiêu biểu",
    "THON_VAN_HOA": "Thôn văn hóa",
    "GIA_DINH_VAN_HOA": "Gia đình văn hóa",
    "HUAN_CHUONG_LD3": "Huân chương Lao động hạng Ba",
    "BANG_KHEN_TTG": "Bằng khen của Thủ tướng Chính phủ",
    "BANG_KHEN_TINH": "Bằng khen UBND tỉnh",
    "GIAY_KHEN_XA": "Giấy khen UBND xã",
    "GIAY_KHEN_HUYEN": "Giấy khen UBND huyện",
}
# Codes whose label names the issuer: "<prefix> <issuer, abbreviated>".
BY_ISSUER = {
    "BANG_KHEN_BO": "Bằng khen", "BANG_KHEN_TW_DOAN_THE": "Bằng khen", "BANG_KHEN_TINH_DOAN_THE": "Bằng khen",
    "CO_THI_DUA_TW_DOAN_THE": "Cờ thi đua", "GIAY_KHEN_SO": "Giấy khen", "GIAY_KHEN_KHAC": "Giấy khen",
    "KY_NIEM_CHUONG": "Kỷ niệm chương",
}
# Routine titles nearly everybody holds: not what makes an exemplar.
ROUTINE_INDIVIDUAL = {"LDTT", "CSTT", "GIA_DINH_VAN_HOA"}
ROUTINE_RANK_COLLECTIVE = 30  # TTLDTT, DVTT, THON_VAN_HOA and below

ABBREVIATIONS = [
    (r"Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", "TW Đoàn"),
    (r"Trung ương Đoàn TNCS Hồ Chí Minh", "TW Đoàn"),
    (r"^Trung ương ", "TW "),
    (r"Hội Liên hiệp Thanh niên Việt Nam", "Hội LHTN Việt Nam"),
    (r"Hội Liên hiệp Thanh niên", "Hội LHTN"),
    (r"Hội Liên hiệp Phụ nữ Việt Nam", "Hội LHPN Việt Nam"),
    (r"Hội Liên hiệp Phụ nữ", "Hội LHPN"),
    (r"Hội Chữ thập đỏ Việt Nam", "Hội Chữ thập đỏ"),
    (r"Hội Khuyến học Việt Nam", "Hội Khuyến học"),
    (r"Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT"),
    (r"Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"),
    (r"Ngân hàng Chính sách xã hội", "NHCSXH"),
    (r"^Ủy ban nhân dân ", "UBND "),
    (r"^(Tỉnh Đoàn|Thành Đoàn|Huyện đoàn)\s.*$", r"\1"),
    # A commune's report names its own province and district by level only ("UBND tỉnh").
    (r"\s(tỉnh|huyện|thành phố)\s+[A-ZĐÂĂÊÔƠƯ][^\s,;()]*(\s[A-ZĐÂĂÊÔƠƯ][^\s,;()]*)*$", r" \1"),
]


def abbreviate(issuer_name: str) -> str:
    text = (issuer_name or "").strip()
    for pattern, replacement in ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    return text


def short_label(award) -> str:
    """'Bằng khen UBND tỉnh', 'Bằng khen TW Đoàn', 'Kỷ niệm chương Bộ Y tế'; for the catalogue's
    "other title" the achievement names it ('Giáo viên dạy giỏi cấp tỉnh')."""
    code = award.award_type.code
    if code in SHORT:
        return SHORT[code]
    if code in BY_ISSUER:
        return f"{BY_ISSUER[code]} {abbreviate(award.issuer_name)}".strip()
    if code == "DANH_HIEU_KHAC" and award.achievement:
        return award.achievement.split(";")[0].strip().rstrip(".")
    return award.award_type.name


LEVELS = [("tw", "Trung ương"), ("tinh", "Cấp tỉnh"), ("huyen", "Cấp huyện (cũ)"), ("xa", "Cấp xã"),
          ("khac", "Khác")]
LEVEL_LABEL = dict(LEVELS)
_LEVEL_ORDER = [key for key, _ in LEVELS]
# The level a code itself implies (who alone may confer it): a "Bằng khen UBND tỉnh" is a
# provincial award whoever recorded it.
MIN_LEVEL = {"BANG_KHEN_TINH": "tinh", "CSTD_TINH": "tinh", "TTLDXS": "tinh", "CO_THI_DUA_TINH": "tinh",
             "BANG_KHEN_TTG": "tw", "CSTD_TOAN_QUOC": "tw", "CO_THI_DUA_CP": "tw", "HUAN_CHUONG_LD3": "tw",
             "BANG_KHEN_BO": "tw", "BANG_KHEN_TW_DOAN_THE": "tw", "CO_THI_DUA_TW_DOAN_THE": "tw"}


def level_of(code: str, issuer_kind: str | None, issuer_name: str) -> str:
    """Issuing level from the issuing body (its kind in the tree, else its name), never
    below the level the code itself implies."""
    by_kind = {"city": "tinh", "district": "huyen", "commune": "xa"}
    if issuer_kind in by_kind:
        level = by_kind[issuer_kind]
    else:
        words = search_key(issuer_name).split()
        text = " ".join(words)
        if (words[:1] == ["bo"] or text.startswith(("thu tuong", "chu tich nuoc", "chinh phu", "trung uong",
                                                     "ban chap hanh trung uong")) or " trung uong" in text):
            level = "tw"
        elif "tinh" in words or "thanh pho" in text or words[:1] == ["so"]:
            level = "tinh"
        elif "huyen" in words:
            level = "huyen"
        elif "xa" in words:
            level = "xa"
        else:
            level = "khac"
    floor = MIN_LEVEL.get(code)
    if floor and (level == "khac" or _LEVEL_ORDER.index(floor) < _LEVEL_ORDER.index(level)):
        return floor
    return level


def issuing_level(award) -> str:
    return level_of(award.award_type.code, award.issuer.kind if award.issuer_id else None, award.issuer_name)


def subject_kind(award) -> str:
    return "individual" if award.person_id else "collective" if award.organisation_id else "household"


KIND_LABEL = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
