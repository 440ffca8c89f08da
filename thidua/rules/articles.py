"""Citations, spelled once.  Each string is what a check row shows in its ``article`` field.

Granularity follows shared/domain/rules.md: where the notes give a clause, the clause is cited;
otherwise the article.
"""

from __future__ import annotations

LAW = "Luật Thi đua, khen thưởng 2022"
ND152 = "Nghị định 152/2025/NĐ-CP"
ND129 = "Nghị định 129/2025/NĐ-CP"
ND86 = "Nghị định 86/2023/NĐ-CP"
ND98 = "Nghị định 98/2023/NĐ-CP"
CV5007 = "Công văn 5007/BNV-TĐKT năm 2023 của Bộ Nội vụ"


def law(article: int) -> str:
    return f"{LAW}, Điều {article}"


# --- Luật Thi đua, khen thưởng 2022 ---------------------------------------------------------
LAW_CSTD_TOAN_QUOC = law(21)
LAW_CSTD_TINH = law(22)
LAW_CSTD_CO_SO = law(23)
# khoản 1: "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” hoặc “Chiến sĩ tiên tiến”…"
LAW_CSTD_CO_SO_STANDARD = f"{law(23)} khoản 1; {law(24)}"
LAW_LDTT_CSTT = law(24)
LAW_CO_THI_DUA_TINH = law(26)
LAW_TTLDXS = law(27)
LAW_TTLDTT = law(28)
LAW_BANG_KHEN_TTG = law(73)
LAW_BANG_KHEN_TINH = law(74)
LAW_GIAY_KHEN = law(75)
LAW_DOSSIER = f"{law(84)}, khoản 1"

# --- Nghị định -------------------------------------------------------------------------------
ND152_PRINCIPLES = f"{ND152}, Điều 4"
ND152_MONEY = f"{ND152}, Điều 49–54"
ND152_PROVINCE_PROCEDURE = f"{ND152}, Điều 6 khoản 2 điểm c"
ND129_COMMUNE_POWERS = f"{ND129}, Điều 59"
ND86_FAMILY = f"{ND86}, Điều 6 và Phụ lục I"
ND86_VILLAGE_COMMUNE = f"{ND86}, Phụ lục II, Phụ lục III"
# ND 98/2023 was repealed by ND 152/2025 (no threshold found in ND 152): the default council
# threshold says so wherever it is cited.
ND98_COUNCIL_VOTE = f"{ND98}, đã hết hiệu lực (Điều 30 khoản 7)"
ND73_BASE_SALARY = "Nghị định 73/2024/NĐ-CP"
ND161_BASE_SALARY = "Nghị định 161/2026/NĐ-CP, khoản 2 Điều 3"
QD638_PROCEDURE = "Quyết định 638/QĐ-BNV năm 2025 của Bộ Nội vụ (thủ tục hành chính cấp xã)"
COUNCIL_WORKING_RULES = "Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng do Chủ tịch Hội đồng ban hành"


def on_paper(citation: str) -> str:
    """What an official document (the council's minutes) prints for a rule the checks cite as
    ``citation``.  A check may cite the repealed ND 98/2023 with its note "đã hết hiệu lực", so
    that the officer sees where the default threshold comes from; a document never cites a
    repealed text nor carries that note: until the province's regulation sets the rule (its
    article is then cited as entered), the council votes under its own working rules."""
    return COUNCIL_WORKING_RULES if citation.startswith(ND98) else citation

# --- Combined citations used by check rows ---------------------------------------------------
AUTHORITY_COMMUNE = f"{ND129_COMMUNE_POWERS}"
AUTHORITY_PROVINCE = LAW
AUTHORITY_CENTRAL = LAW

# --- Rules the province sets (its own regulation; ND 152 Điều 6 khoản 2 điểm c) ----------------
# A provincial rule is data of the instance: the administrator enters the province's regulation
# and the article of each rule (``RuleParameters.citations``).  Where none is entered, the rule
# cites the article of the Law or decree that delegates it to the province — never another
# province's text.  key → (what the rule is, the delegating article).
PROVINCIAL_RULES: dict[str, tuple[str, str]] = {
    "bang_khen_tinh": ("Tiêu chuẩn Bằng khen của Chủ tịch UBND cấp tỉnh", LAW_BANG_KHEN_TINH),
    "authority_province": ("Thẩm quyền khen thưởng của Chủ tịch UBND cấp tỉnh", AUTHORITY_PROVINCE),
    "dossier_deadline": ("Thời hạn nộp hồ sơ đề nghị khen thưởng", ND152_PROVINCE_PROCEDURE),
    "dossier_contents": ("Thành phần hồ sơ đề nghị khen thưởng cấp xã", ND152_PROVINCE_PROCEDURE),
    "processing_time": ("Thời hạn giải quyết hồ sơ đề nghị khen thưởng cấp xã",
                        QD638_PROCEDURE),
    "publicity_days": ("Thời gian công khai danh sách đề nghị khen thưởng",
                       f"{law(84)} khoản 5; {ND152_PROVINCE_PROCEDURE}"),
    "council_vote": ("Tỷ lệ phiếu đồng ý của Hội đồng Thi đua – Khen thưởng", ND98_COUNCIL_VOTE),
    "council_quorum": ("Số thành viên Hội đồng có mặt để họp hợp lệ", COUNCIL_WORKING_RULES),
}


def provincial(key: str, citations=None) -> str:
    """The citation of provincial rule ``key``: the province's article when entered
    (``citations``: key → citation), else the delegating article."""
    found = (citations or {}).get(key)
    return found or PROVINCIAL_RULES[key][1]


def with_provincial(article: str, key: str, citations=None) -> str:
    """``article`` followed by the province's own article for ``key`` when one is entered."""
    found = (citations or {}).get(key)
    return f"{article}; {found}" if found and found != article else article
