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
BN86 = "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh"


def law(article: int) -> str:
    return f"{LAW}, Điều {article}"


# --- Luật Thi đua, khen thưởng 2022 ---------------------------------------------------------
LAW_CSTD_TOAN_QUOC = law(21)
LAW_CSTD_TINH = law(22)
LAW_CSTD_CO_SO = law(23)
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
ND98_COUNCIL_VOTE = f"{ND98}, Điều 30 khoản 7 (được {ND152} kế thừa — chưa kiểm chứng)"
ND73_BASE_SALARY = "Nghị định 73/2024/NĐ-CP"
ND161_BASE_SALARY = "Nghị định 161/2026/NĐ-CP"

# --- Quy định của tỉnh (mẫu Bắc Ninh; Hải Phòng chưa tìm thấy văn bản) ------------------------
BN86_AUTHORITY = f"{BN86}, Điều 5"
BN86_BANG_KHEN = f"{BN86}, Điều 3 khoản 3"
BN86_COUNCIL = f"{BN86} (quy chế Hội đồng Thi đua – Khen thưởng)"

# --- Combined citations used by check rows ---------------------------------------------------
BANG_KHEN_TINH = f"{LAW_BANG_KHEN_TINH}; {BN86_BANG_KHEN}"
AUTHORITY_COMMUNE = f"{ND129_COMMUNE_POWERS}"
AUTHORITY_PROVINCE = f"{LAW}; {BN86_AUTHORITY}"
AUTHORITY_CENTRAL = LAW
