"""Codes of rules.md ("Codes" section), each with its Vietnamese label.

The values are the exact strings used in data files, the API and the eligibility command.
Every enum is a ``StrEnum`` (a member *is* its code string) with a ``label`` attribute and a
``choices()`` class method giving ``[(code, label), ...]`` for Django ``choices=``.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A code string with a Vietnamese label and an optional rank (order of merit/severity)."""

    label: str
    rank: int

    def __new__(cls, value: str, label: str, rank: int = 0):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.rank = rank
        return obj

    def at_least(self, other) -> bool:
        """Whether this code ranks at least as high as ``other`` (a ranked code of the same kind)."""
        return self.rank >= other.rank

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: object):
        """The member for ``value`` or ``None`` when it is not one of the codes."""
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                return None
        return None


class Title(LabeledEnum):
    """Danh hiệu thi đua (Luật Thi đua, khen thưởng 2022, Chương II)."""

    LDTT = "LDTT", "Lao động tiên tiến"
    CSTT = "CSTT", "Chiến sĩ tiên tiến"
    CSTD_CO_SO = "CSTD_CO_SO", "Chiến sĩ thi đua cơ sở"
    CSTD_TINH = "CSTD_TINH", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"
    CSTD_TOAN_QUOC = "CSTD_TOAN_QUOC", "Chiến sĩ thi đua toàn quốc"
    TTLDTT = "TTLDTT", "Tập thể lao động tiên tiến"
    DVTT = "DVTT", "Đơn vị tiên tiến"
    TTLDXS = "TTLDXS", "Tập thể lao động xuất sắc"
    DVQT = "DVQT", "Đơn vị quyết thắng"
    CO_THI_DUA_TINH = "CO_THI_DUA_TINH", "Cờ thi đua của Ủy ban nhân dân tỉnh/thành phố"
    CO_THI_DUA_CP = "CO_THI_DUA_CP", "Cờ thi đua của Chính phủ"
    XA_TIEU_BIEU = "XA_TIEU_BIEU", "Xã tiêu biểu"
    THON_VAN_HOA = "THON_VAN_HOA", "Thôn, tổ dân phố văn hóa"
    GIA_DINH_VAN_HOA = "GIA_DINH_VAN_HOA", "Gia đình văn hóa"


class RewardForm(LabeledEnum):
    """Hình thức khen thưởng (Luật Thi đua, khen thưởng 2022, Chương III)."""

    GIAY_KHEN_XA = "GIAY_KHEN_XA", "Giấy khen của Chủ tịch UBND xã"
    BANG_KHEN_TINH = "BANG_KHEN_TINH", "Bằng khen của Chủ tịch UBND tỉnh/thành phố"
    BANG_KHEN_TTG = "BANG_KHEN_TTG", "Bằng khen của Thủ tướng Chính phủ"
    HUAN_CHUONG_LD3 = "HUAN_CHUONG_LD3", "Huân chương Lao động hạng Ba"
    KY_NIEM_CHUONG = "KY_NIEM_CHUONG", "Kỷ niệm chương"


AwardCode = Title | RewardForm


def parse_award_code(value: object) -> AwardCode | None:
    """A title or a form code, or ``None`` when ``value`` is neither."""
    return Title.parse(value) or RewardForm.parse(value)


class Rating(LabeledEnum):
    """Xếp loại mức độ hoàn thành nhiệm vụ hằng năm; rank: HTXSNV > HTTNV > HTNV > KHTNV."""

    HTXSNV = "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", 4
    HTTNV = "HTTNV", "Hoàn thành tốt nhiệm vụ", 3
    HTNV = "HTNV", "Hoàn thành nhiệm vụ", 2
    KHTNV = "KHTNV", "Không hoàn thành nhiệm vụ", 1


class Scope(LabeledEnum):
    """Phạm vi công nhận, ảnh hưởng của sáng kiến, đề tài khoa học; rank: TOAN_QUOC > TINH > CO_SO."""

    CO_SO = "CO_SO", "Cấp cơ sở", 1
    TINH = "TINH", "Cấp tỉnh", 2
    TOAN_QUOC = "TOAN_QUOC", "Toàn quốc", 3


class DisciplineForm(LabeledEnum):
    """Hình thức kỷ luật; rank = severity, KHIEN_TRACH lightest, BUOC_THOI_VIEC heaviest."""

    KHIEN_TRACH = "KHIEN_TRACH", "Khiển trách", 1
    CANH_CAO = "CANH_CAO", "Cảnh cáo", 2
    HA_BAC_LUONG = "HA_BAC_LUONG", "Hạ bậc lương", 3
    GIANG_CHUC = "GIANG_CHUC", "Giáng chức", 4
    CACH_CHUC = "CACH_CHUC", "Cách chức", 5
    BUOC_THOI_VIEC = "BUOC_THOI_VIEC", "Buộc thôi việc", 6


class SubjectKind(LabeledEnum):
    """Đối tượng khen thưởng."""

    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class Category(LabeledEnum):
    """Nhóm đối tượng cá nhân (quyết định tiêu chuẩn LĐTT/CSTT áp dụng)."""

    CAN_BO = "can_bo", "Cán bộ"
    CONG_CHUC = "cong_chuc", "Công chức"
    VIEN_CHUC = "vien_chuc", "Viên chức"
    NGUOI_LAO_DONG = "nguoi_lao_dong", "Người lao động"
    LUC_LUONG_VU_TRANG = "luc_luong_vu_trang", "Lực lượng vũ trang"
    NHAN_DAN = "nhan_dan", "Nhân dân"
    DOANH_NHAN = "doanh_nhan", "Doanh nhân"


#: Categories whose LĐTT criterion is the yearly rating (Luật 2022, Điều 24: cán bộ, công chức,
#: viên chức).  The others (workers, farmers, business people) are judged on productive work; the
#: engine takes the unit's recorded rating as that confirmation (see README, "decisions").
RATED_CATEGORIES = frozenset({Category.CAN_BO, Category.CONG_CHUC, Category.VIEN_CHUC})


class Authority(LabeledEnum):
    """Người có thẩm quyền quyết định (sau cải cách 01/7/2025, không còn cấp huyện)."""

    CHU_TICH_UBND_XA = "CHU_TICH_UBND_XA", "Chủ tịch Ủy ban nhân dân xã"
    CHU_TICH_UBND_TINH = "CHU_TICH_UBND_TINH", "Chủ tịch Ủy ban nhân dân tỉnh/thành phố"
    THU_TUONG = "THU_TUONG", "Thủ tướng Chính phủ"
    CHU_TICH_NUOC = "CHU_TICH_NUOC", "Chủ tịch nước"


class PendingMatter(LabeledEnum):
    """Việc đang chờ giải quyết làm ngừng xét khen thưởng (Nghị định 152/2025/NĐ-CP, Điều 4)."""

    DISCIPLINE = "discipline", "Đang bị xem xét thi hành kỷ luật"
    INVESTIGATION = "investigation", "Đang bị điều tra, thanh tra, kiểm tra, kiểm toán"
    COMPLAINT = "complaint", "Có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ"


class HouseholdExclusion(LabeledEnum):
    """Trường hợp không xét "Gia đình văn hóa" (Nghị định 86/2023/NĐ-CP, Điều 6, Phụ lục I)."""

    MEMBER_PROSECUTED = "member_prosecuted", "Có thành viên bị truy cứu trách nhiệm hình sự"
    MILITARY_SERVICE_EVASION = (
        "military_service_evasion",
        "Có thành viên trốn tránh thực hiện nghĩa vụ quân sự",
    )
    TAX_EVASION = "tax_evasion", "Có thành viên trốn thuế"
    CHILD_MARRIAGE = "child_marriage", "Có thành viên bị xử phạt vì tảo hôn"
    PUBLIC_ORDER = "public_order_violation", "Có thành viên bị xử phạt vì vi phạm trật tự công cộng"
    GAMBLING = "gambling", "Có thành viên bị xử phạt vì đánh bạc"
    OTHER = "other_violation", "Có thành viên bị xử phạt vì vi phạm tương tự khác"


class RoundKind(LabeledEnum):
    """Loại đợt khen thưởng.  Đột xuất và chuyên đề không tính làm căn cứ công trạng
    (Nghị định 152/2025/NĐ-CP, Điều 4)."""

    YEAR_END = "year_end", "Tổng kết năm"
    SCHOOL_YEAR = "school_year", "Tổng kết năm học"
    THEMATIC = "thematic", "Chuyên đề"
    SUDDEN_FEAT = "sudden_feat", "Đột xuất"

    @property
    def counts_toward_merit(self) -> bool:
        return self not in (RoundKind.THEMATIC, RoundKind.SUDDEN_FEAT)


class ContributionKind(LabeledEnum):
    """Đóng góp của hộ gia đình (Luật Thi đua, khen thưởng 2022, Điều 74, Điều 75)."""

    LABOUR = "labour", "Đóng góp công sức"
    LAND = "land", "Hiến đất đai"
    ASSETS = "assets", "Đóng góp tài sản"
    MOVEMENT = "movement", "Thành tích trong phong trào thi đua"


class SoftCriterion(LabeledEnum):
    """Tiêu chí định tính không đo được từ số liệu; đơn vị/Hội đồng xác nhận khi bình xét.

    Recorded per year in ``YearRecord.confirmations``: ``True`` confirmed, ``False`` refused,
    absent = not recorded (treated as met, with the check row saying so)."""

    MOVEMENT_PARTICIPATION = "movement_participation", "Tích cực tham gia phong trào thi đua"
    SOLIDARITY = (
        "solidarity",
        "Đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    )
    FIELD_ACHIEVEMENT = (
        "field_achievement",
        "Có thành tích trong phong trào thi đua hoặc trong lĩnh vực công tác",
    )
    PROSPEROUS_FAMILY = "prosperous_family", "Gia đình no ấm, hòa thuận, tiến bộ, đoàn kết"


def label_of(code: str) -> str:
    """Vietnamese label of any code of this module (the code itself when unknown)."""
    for enum in ALL_ENUMS:
        member = enum.parse(code)
        if member is not None:
            return member.label
    return code


ALL_ENUMS: tuple[type[LabeledEnum], ...] = (
    Title,
    RewardForm,
    Rating,
    Scope,
    DisciplineForm,
    SubjectKind,
    Category,
    Authority,
    PendingMatter,
    HouseholdExclusion,
    RoundKind,
    ContributionKind,
    SoftCriterion,
)


# The title "Thôn, tổ dân phố văn hóa" (Nghị định 86/2023/NĐ-CP) is conferred on one residential
# community, named by its own kind: a thôn, làng, ấp, bản… gets "Thôn văn hóa", "Làng văn hóa"…;
# a tổ dân phố, khu phố… "Tổ dân phố văn hóa", "Khu phố văn hóa".  Longest words first.
VILLAGE_WORDS = ("Tổ dân phố", "Khu phố", "Khối phố", "Tiểu khu", "Thôn", "Làng", "Ấp", "Bản", "Buôn", "Bon", "Xóm",
                 "Phum", "Sóc", "Khóm")


def village_word(village_name: str) -> str | None:
    """The kind word a community's name starts with ('Thôn Lưu Xá' -> 'Thôn'), or None."""
    name = " ".join(village_name.split()).casefold()
    return next((word for word in VILLAGE_WORDS
                 if name == word.casefold() or name.startswith(word.casefold() + " ")), None)


def village_title(village_name: str, commune_name: str = "") -> str:
    """The title "Thôn, tổ dân phố văn hóa" as printed for one community: 'Thôn Lưu Xá' ->
    'Thôn văn hóa'; 'Tổ dân phố số 3' -> 'Tổ dân phố văn hóa'.  A name without its kind word
    takes that of its commune's communities: a phường's are tổ dân phố, a xã's thôn."""
    word = village_word(village_name) \
        or ("Tổ dân phố" if commune_name.strip().casefold().startswith("phường") else "Thôn")
    return f"{word} văn hóa"
