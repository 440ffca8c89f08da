"""The catalogue seeded from ``thidua.rules`` and the seed's other issuers' forms."""
from __future__ import annotations

from thidua.rules import codes
from thidua.rules.parameters import DEFAULT_PARAMETERS, parameter_rows

# Codes of rules.md (judged by the engine): (code, kind, individual, collective, household, rank)
ENGINE_TYPES = [
    ("CSTD_TOAN_QUOC", "title", True, False, False, 95),
    ("CSTD_TINH", "title", True, False, False, 80),
    ("CSTD_CO_SO", "title", True, False, False, 50),
    ("LDTT", "title", True, False, False, 20),
    ("CSTT", "title", True, False, False, 20),
    ("CO_THI_DUA_CP", "title", False, True, False, 96),
    ("CO_THI_DUA_TINH", "title", False, True, False, 85),
    ("TTLDXS", "title", False, True, False, 60),
    ("DVQT", "title", False, True, False, 60),
    ("TTLDTT", "title", False, True, False, 30),
    ("DVTT", "title", False, True, False, 30),
    ("XA_TIEU_BIEU", "title", False, True, False, 70),
    ("THON_VAN_HOA", "title", False, True, False, 25),
    ("GIA_DINH_VAN_HOA", "title", False, False, True, 10),
    ("HUAN_CHUONG_LD3", "form", True, True, False, 98),
    ("BANG_KHEN_TTG", "form", True, True, True, 90),
    ("BANG_KHEN_TINH", "form", True, True, True, 75),
    ("KY_NIEM_CHUONG", "form", True, False, False, 40),
    ("GIAY_KHEN_XA", "form", True, True, True, 35),
]

# Forms the seed records from other issuers or from before the 2025 reform (recorded, not judged).
OTHER_TYPES = [
    ("GIAY_KHEN_HUYEN", "Giấy khen của Chủ tịch UBND huyện (trước 01/7/2025)", "form", True, True, True, 36,
     "Chủ tịch UBND huyện (cũ)"),
    ("BANG_KHEN_BO", "Bằng khen của Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "form", True, True, False, 76,
     "Bộ trưởng"),
    ("BANG_KHEN_TW_DOAN_THE", "Bằng khen của cơ quan trung ương của tổ chức chính trị - xã hội", "form",
     True, True, False, 74, "Cơ quan trung ương của tổ chức chính trị - xã hội"),
    ("BANG_KHEN_TINH_DOAN_THE", "Bằng khen của tổ chức chính trị - xã hội, Đảng bộ cấp tỉnh", "form",
     True, True, False, 70, "Cơ quan cấp tỉnh của tổ chức chính trị - xã hội, Đảng bộ tỉnh"),
    ("CO_THI_DUA_TW_DOAN_THE", "Cờ thi đua của cơ quan trung ương của tổ chức chính trị - xã hội", "title",
     False, True, False, 84, "Cơ quan trung ương của tổ chức chính trị - xã hội"),
    ("GIAY_KHEN_SO", "Giấy khen của Giám đốc Sở, ngành cấp tỉnh", "form", True, True, True, 37,
     "Giám đốc Sở"),
    ("GIAY_KHEN_KHAC", "Giấy khen của cơ quan, tổ chức khác", "form", True, True, True, 33,
     "Cơ quan, tổ chức ban hành"),
    ("DANH_HIEU_KHAC", "Danh hiệu khác (giáo viên dạy giỏi, đảng viên tiêu biểu…)", "title", True, True, False, 15,
     "Cơ quan, tổ chức ban hành"),
]


def engine_type_rows():
    for code, kind, ind, coll, hh, rank in ENGINE_TYPES:
        authority = DEFAULT_PARAMETERS.authority_for(code)
        yield {"code": code, "name": codes.label_of(code), "kind": kind, "for_individual": ind,
               "for_collective": coll, "for_household": hh, "rank": rank,
               "authority": authority.label if authority else "",
               "legal_basis": "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP"}


def other_type_rows():
    for code, name, kind, ind, coll, hh, rank, authority in OTHER_TYPES:
        yield {"code": code, "name": name, "kind": kind, "for_individual": ind, "for_collective": coll,
               "for_household": hh, "rank": rank, "authority": authority, "legal_basis": ""}


def parameter_seed_rows():
    for row in parameter_rows(DEFAULT_PARAMETERS):
        yield {"key": row.key, "value_text": row.value_text, "article": row.article, "marker": row.marker,
               "description": row.description}


def ensure_catalogue(award_type_model, parameter_model) -> int:
    """Create whatever catalogue rows are missing (never overwrite an administrator's edit).
    Used by the seeding migration and by the demo loader (a flushed database has none)."""
    created = 0
    for row in [*engine_type_rows(), *other_type_rows()]:
        created += award_type_model.objects.get_or_create(code=row["code"], defaults=row)[1]
    for row in parameter_seed_rows():
        created += parameter_model.objects.get_or_create(key=row["key"], defaults=row)[1]
    return created


def title_name(award_type, organisation=None) -> str:
    """A title or form as printed for its subject (certificates, decisions): the catalogue's
    "Thôn, tổ dân phố văn hóa" is, for one village (an ``Organisation``), "Thôn văn hóa",
    "Tổ dân phố văn hóa"… by its own kind (``codes.village_title``); any other, its name."""
    if award_type.code != codes.Title.THON_VAN_HOA or organisation is None:
        return award_type.name
    if codes.village_word(organisation.name):
        return codes.village_title(organisation.name)
    commune = organisation.commune()  # a name without its kind word: the commune's kind tells
    return codes.village_title(organisation.name, commune.name if commune else "")
