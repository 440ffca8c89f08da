"""Every number (and threshold) the engine uses, with its source, as editable data.

rules.md: "A [U] or [S] rule must be configurable data (editable by the administrator, with its
source recorded), never a constant buried in code."  So:

* ``DEFAULT_ROWS`` is the catalogue taken from rules.md — one row per parameter, each with its
  value, marker (V/S/U), article and a Vietnamese description.  [V] rows are listed too, so the
  Django side can show them.
* ``RuleParameters`` is the frozen object the engine reads (typed attributes).
* ``DEFAULT_PARAMETERS.with_overrides({"ttldtt_min_ldtt_share": "0.75",
  "coefficient.LDTT.individual": "0.3", "base_salary.2027-07-01": 2_700_000})`` returns a copy
  with edited values (strings are accepted, so a DB catalogue table ``key → value_text`` can be
  fed in directly).  ``dataclasses.replace`` works as well for typed attribute replacement.
* ``parameter_rows(params)`` lists the parameters as rows (key, value, value_text, article,
  marker, description) for seeding that catalogue table.

Composite keys: ``coefficient.<CODE>.<subject kind>``, ``base_salary.<YYYY-MM-DD>``,
``council_vote_share.<CODE>``, ``authority.<CODE>``.  Overriding a composite key with ``None``
removes that entry (e.g. to withdraw an unverified coefficient).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

from . import articles as A
from .codes import (
    Authority,
    LabeledEnum,
    Rating,
    RewardForm,
    Scope,
    SubjectKind,
    Title,
    parse_award_code,
)


class Marker(LabeledEnum):
    """How far a rule was checked (rules.md legend)."""

    V = "V", "Đã đối chiếu văn bản gốc"
    S = "S", "Theo tài liệu tóm tắt thứ cấp"
    U = "U", "Chưa kiểm chứng"


@dataclass(frozen=True)
class Source:
    article: str
    marker: Marker
    description: str


@dataclass(frozen=True)
class ParameterRow:
    """One row of the editable catalogue."""

    key: str
    value: Any
    value_text: str
    article: str
    marker: str
    description: str


class ParameterError(ValueError):
    """An override that cannot be applied (unknown key, unreadable or out-of-range value)."""


# --------------------------------------------------------------------------------------------
# Value kinds and conversion (strings from a DB table are accepted everywhere)
# --------------------------------------------------------------------------------------------

def _number(what: str, native: type, readable: tuple[type, ...], read: Callable[[Any], Any],
            unreadable: type[Exception] | tuple[type[Exception], ...]) -> Callable[[Any], Any]:
    """The converter of one kind of number (``what`` names it in the refusal): ``True``/``False``
    is refused, a ``native`` value is taken as it is, a ``readable`` one is read by ``read``
    (which raises ``unreadable`` on a value it cannot read), anything else is refused."""

    def convert(value: Any):
        if isinstance(value, bool):
            raise ParameterError(f"giá trị phải là {what}")
        if isinstance(value, native):
            return value
        if isinstance(value, readable):
            try:
                return read(value)
            except unreadable as exc:
                raise ParameterError(f"không đọc được {what}: {value!r}") from exc
        raise ParameterError(f"không đọc được {what}: {value!r}")

    return convert


def _finite(d: Decimal) -> Decimal:
    if not d.is_finite():  # "Infinity", "NaN": no rule counts or pays in those — unreadable
        raise InvalidOperation(f"không phải số hữu hạn: {d}")
    return d


def _read_int(value: str | Decimal | float) -> int:
    d = _finite(Decimal(str(value).strip().replace("_", "")))
    if d != d.to_integral_value():
        raise ParameterError(f"giá trị phải là số nguyên: {value!r}")
    return int(d)


def _read_decimal(value: int | float | str | Fraction) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return _finite(Decimal(str(value).strip().replace(",", ".")))


def _read_fraction(value: int | Decimal | float | str) -> Fraction:
    if isinstance(value, (int, Decimal)):
        return Fraction(_finite(Decimal(value)))
    text = str(value).strip().replace(",", ".")
    if text.endswith("%"):
        return Fraction(text[:-1].strip()) / 100
    return Fraction(text)


_to_int = _number("số nguyên", int, (str, Decimal, float), _read_int, InvalidOperation)
_to_decimal = _number("số", Decimal, (int, float, str, Fraction), _read_decimal, InvalidOperation)
_to_fraction = _number("tỷ lệ", Fraction, (int, Decimal, float, str), _read_fraction,
                       (ValueError, ZeroDivisionError, OverflowError, InvalidOperation))


def _to_enum(enum: type[LabeledEnum]):
    def convert(value: Any):
        member = enum.parse(value)
        if member is None:
            raise ParameterError(f"mã không hợp lệ: {value!r}")
        return member

    return convert


COUNCIL_RULES = {
    "share": "Tỷ lệ phiếu đồng ý trên tổng số thành viên Hội đồng",
    "majority": "Quá nửa số thành viên dự họp đồng ý",
}


def _to_council_rule(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in COUNCIL_RULES:
        raise ParameterError(f"cách biểu quyết phải là 'share' hoặc 'majority' (nhận được {value!r})")
    return text


_CONVERTERS = {
    "council_rule": _to_council_rule,
    "int": _to_int,
    "decimal": _to_decimal,
    "fraction": _to_fraction,
    "rating": _to_enum(Rating),
    "scope": _to_enum(Scope),
    "authority": _to_enum(Authority),
}


def _fraction_text(value: Fraction) -> str:
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den == 1:  # a finite decimal: show it as one
        text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value.numerator}/{value.denominator}"


def _text(value: Any) -> str:
    if isinstance(value, Fraction):
        return _fraction_text(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


# --------------------------------------------------------------------------------------------
# The catalogue from rules.md
# --------------------------------------------------------------------------------------------

# (key, kind, default value, marker, article, Vietnamese description)
_SCALARS: tuple[tuple[str, str, Any, str, str, str], ...] = (
    # Reward money — Nghị định 152/2025/NĐ-CP, Điều 49–54
    ("rounding_step_vnd", "int", 10_000, "V", A.ND152_MONEY,
     "Tiền thưởng sau khi nhân với mức lương cơ sở được làm tròn lên (bước làm tròn, đồng)"),
    ("household_multiplier", "decimal", Decimal("1.5"), "S", A.ND152_MONEY,
     "Tiền thưởng của hộ gia đình bằng bao nhiêu lần mức tiền thưởng của cá nhân"),
    ("ky_niem_chuong_max_coefficient", "decimal", Decimal("0.6"), "V", A.ND152_MONEY,
     "Hệ số tiền thưởng tối đa của Kỷ niệm chương (mức cụ thể do cấp tỉnh quyết định)"),
    # LĐTT / CSTT — Luật 2022, Điều 24
    ("ldtt_min_rating", "rating", Rating.HTTNV, "V", A.LAW_LDTT_CSTT,
     "Xếp loại tối thiểu để xét Lao động tiên tiến/Chiến sĩ tiên tiến"),
    # CSTĐCS — Điều 23
    ("cstd_co_so_rating_ground", "rating", Rating.HTXSNV, "V", A.LAW_CSTD_CO_SO,
     "Xếp loại là một căn cứ xét Chiến sĩ thi đua cơ sở"),
    ("cstd_co_so_min_initiative_scope", "scope", Scope.CO_SO, "V", A.LAW_CSTD_CO_SO,
     "Phạm vi công nhận tối thiểu của sáng kiến/đề tài làm căn cứ xét Chiến sĩ thi đua cơ sở"),
    # CSTĐ cấp tỉnh — Điều 22
    ("cstd_tinh_chain_years", "int", 3, "V", A.LAW_CSTD_TINH,
     "Số năm liên tục đạt Chiến sĩ thi đua cơ sở để xét Chiến sĩ thi đua cấp tỉnh"),
    ("cstd_tinh_min_initiative_scope", "scope", Scope.TINH, "V", A.LAW_CSTD_TINH,
     "Phạm vi ảnh hưởng tối thiểu của sáng kiến/đề tài để xét Chiến sĩ thi đua cấp tỉnh"),
    # CSTĐ toàn quốc — Điều 21
    ("cstd_toan_quoc_chain_length", "int", 2, "V", A.LAW_CSTD_TOAN_QUOC,
     "Số lần liên tục đạt Chiến sĩ thi đua cấp tỉnh để xét Chiến sĩ thi đua toàn quốc"),
    ("cstd_toan_quoc_min_initiative_scope", "scope", Scope.TOAN_QUOC, "V", A.LAW_CSTD_TOAN_QUOC,
     "Phạm vi ảnh hưởng tối thiểu của sáng kiến/đề tài để xét Chiến sĩ thi đua toàn quốc"),
    # TTLĐTT — Điều 28
    ("ttldtt_min_rating", "rating", Rating.HTTNV, "V", A.LAW_TTLDTT,
     "Xếp loại tối thiểu của tập thể để xét Tập thể lao động tiên tiến"),
    ("ttldtt_min_ldtt_share", "fraction", Fraction(7, 10), "V", A.LAW_TTLDTT,
     "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến trong tập thể (Tập thể lao động tiên tiến)"),
    ("ttldtt_max_disciplined_members", "int", 0, "V", A.LAW_TTLDTT,
     "Số cá nhân tối đa bị kỷ luật từ cảnh cáo trở lên (Tập thể lao động tiên tiến)"),
    # TTLĐXS — Điều 27
    ("ttldxs_required_rating", "rating", Rating.HTXSNV, "V", A.LAW_TTLDXS,
     "Xếp loại bắt buộc của tập thể để xét Tập thể lao động xuất sắc"),
    ("ttldxs_min_completed_share", "fraction", Fraction(1), "V", A.LAW_TTLDXS,
     "Tỷ lệ tối thiểu cá nhân hoàn thành nhiệm vụ (Tập thể lao động xuất sắc)"),
    ("ttldxs_min_ldtt_share", "fraction", Fraction(7, 10), "V", A.LAW_TTLDXS,
     "Tỷ lệ tối thiểu cá nhân đạt Lao động tiên tiến (Tập thể lao động xuất sắc)"),
    ("ttldxs_min_cstd_co_so_members", "int", 1, "V", A.LAW_TTLDXS,
     "Số cá nhân tối thiểu đạt Chiến sĩ thi đua cơ sở (Tập thể lao động xuất sắc)"),
    # Giấy khen — Điều 75
    ("giay_khen_min_rating", "rating", Rating.HTTNV, "V", A.LAW_GIAY_KHEN,
     "Xếp loại tối thiểu để xét Giấy khen (cá nhân, tập thể)"),
    ("giay_khen_household_min_contributions", "int", 1, "V", A.LAW_GIAY_KHEN,
     "Số đóng góp tối thiểu của hộ gia đình để xét Giấy khen"),
    # Bằng khen cấp tỉnh — Luật Điều 74; the numbers are the province's (its regulation, cited
    # through ``RuleParameters.citations['bang_khen_tinh']``)
    ("bang_khen_tinh_cstd_chain_years", "int", 2, "S", A.LAW_BANG_KHEN_TINH,
     "Số năm liên tục đạt Chiến sĩ thi đua cơ sở (căn cứ xét Bằng khen cấp tỉnh cho cá nhân)"),
    ("bang_khen_tinh_htxsnv_years", "int", 2, "S", A.LAW_BANG_KHEN_TINH,
     "Số năm liên tục hoàn thành xuất sắc nhiệm vụ (căn cứ xét Bằng khen cấp tỉnh cho cá nhân)"),
    ("bang_khen_tinh_min_initiatives", "int", 2, "S", A.LAW_BANG_KHEN_TINH,
     "Số sáng kiến cấp cơ sở (hoặc số đề tài khoa học) trong thời gian đó"),
    ("bang_khen_tinh_collective_years", "int", 2, "S", A.LAW_BANG_KHEN_TINH,
     "Số năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập thể lao động xuất sắc "
     "(căn cứ xét Bằng khen cấp tỉnh cho tập thể)"),
    ("bang_khen_tinh_household_min_contributions", "int", 2, "U", A.LAW_BANG_KHEN_TINH,
     "Số đóng góp tối thiểu được coi là \u201cnhiều đóng góp\u201d của hộ gia đình "
     "(Bằng khen cấp tỉnh)"),
    ("household_contribution_window_years", "int", 1, "U", A.LAW_GIAY_KHEN,
     "Số năm (tính đến năm xét) được cộng đóng góp của hộ gia đình"),
    # General principles — Nghị định 152/2025/NĐ-CP, Điều 4
    ("chain_end_lag_years", "int", 1, "U", A.ND152_PRINCIPLES,
     "Chuỗi năm liên tục được kết thúc ở năm xét, hoặc lùi tối đa bấy nhiêu năm khi năm xét "
     "chưa đạt/chưa được công nhận"),
    # Council — the province's or the council's own working rules (ND 98/2023 repealed)
    ("council_quorum_share", "fraction", Fraction(2, 3), "S", A.COUNCIL_WORKING_RULES,
     "Tỷ lệ thành viên Hội đồng tối thiểu có mặt để họp hợp lệ"),
    ("award_session_min_presence_share", "fraction", Fraction(4, 5), "S", A.COUNCIL_WORKING_RULES,
     "Tỷ lệ thành viên tối thiểu có mặt ở phiên họp xét khen thưởng"),
    ("council_vote_rule", "council_rule", "share", "S", A.ND98_COUNCIL_VOTE,
     "Cách Hội đồng thông qua đề nghị Chiến sĩ thi đua, Cờ thi đua: \u201cshare\u201d = đạt tỷ lệ "
     "phiếu đồng ý trên tổng số thành viên (các tỷ lệ ở dưới); \u201cmajority\u201d = quá nửa số "
     "thành viên dự họp đồng ý"),
    # Procedure of the commune (QĐ 638/QĐ-BNV 2025, thủ tục hành chính cấp xã) [S]
    ("cstd_co_so_processing_working_days", "int", 20, "S", A.QD638_PROCEDURE,
     "Thời hạn giải quyết hồ sơ đề nghị Chiến sĩ thi đua cơ sở, kể từ ngày nhận đủ hồ sơ hợp lệ "
     "(ngày làm việc)"),
    ("dossier_return_working_days", "int", 5, "S", A.QD638_PROCEDURE,
     "Thời hạn tiếp nhận hoặc trả lại hồ sơ chưa đầy đủ, kể từ ngày đơn vị nộp (ngày làm việc)"),
    ("decision_sending_working_days", "int", 10, "S", A.QD638_PROCEDURE,
     "Thời hạn gửi quyết định khen thưởng về đơn vị, kể từ ngày ký (ngày làm việc)"),
    # Publicity of the proposal list: the Law asks for it, the length is the province's [U]
    ("publicity_days", "int", 5, "U", A.provincial("publicity_days"),
     "Số ngày công khai danh sách đề nghị khen thưởng để lấy ý kiến (mặc định khi lập đợt)"),
)

# (code, subject kind, coefficient, marker)
_COEFFICIENTS: tuple[tuple[str, SubjectKind, str, str], ...] = (
    (Title.CSTD_TOAN_QUOC, SubjectKind.INDIVIDUAL, "4.5", "V"),
    (Title.CSTD_TINH, SubjectKind.INDIVIDUAL, "3.0", "V"),
    (Title.CSTD_CO_SO, SubjectKind.INDIVIDUAL, "1.0", "V"),
    (Title.LDTT, SubjectKind.INDIVIDUAL, "0.3", "V"),
    (Title.CSTT, SubjectKind.INDIVIDUAL, "0.3", "V"),
    (Title.TTLDXS, SubjectKind.COLLECTIVE, "1.5", "V"),
    (Title.DVQT, SubjectKind.COLLECTIVE, "1.5", "V"),
    (Title.TTLDTT, SubjectKind.COLLECTIVE, "0.8", "V"),
    (Title.DVTT, SubjectKind.COLLECTIVE, "0.8", "V"),
    (Title.XA_TIEU_BIEU, SubjectKind.COLLECTIVE, "2.0", "V"),
    (Title.THON_VAN_HOA, SubjectKind.COLLECTIVE, "1.5", "V"),
    (Title.CO_THI_DUA_CP, SubjectKind.COLLECTIVE, "12", "V"),
    (Title.CO_THI_DUA_TINH, SubjectKind.COLLECTIVE, "8", "V"),
    (RewardForm.BANG_KHEN_TTG, SubjectKind.INDIVIDUAL, "3.5", "V"),
    (RewardForm.BANG_KHEN_TTG, SubjectKind.COLLECTIVE, "7", "S"),
    (RewardForm.BANG_KHEN_TINH, SubjectKind.INDIVIDUAL, "1.5", "V"),
    (RewardForm.BANG_KHEN_TINH, SubjectKind.COLLECTIVE, "3.0", "S"),
    (RewardForm.GIAY_KHEN_XA, SubjectKind.COLLECTIVE, "0.6", "S"),
    (RewardForm.GIAY_KHEN_XA, SubjectKind.INDIVIDUAL, "0.3", "U"),
)

# (effective from, amount, marker, article)
_BASE_SALARY: tuple[tuple[date, int, str, str], ...] = (
    (date(2024, 7, 1), 2_340_000, "V", A.ND73_BASE_SALARY),
    (date(2026, 7, 1), 2_530_000, "V", A.ND161_BASE_SALARY),
)

# (code, share of ALL council members voting yes)
_COUNCIL_VOTES: tuple[tuple[str, Fraction], ...] = (
    (Title.CSTD_CO_SO, Fraction(4, 5)),
    (Title.CO_THI_DUA_TINH, Fraction(4, 5)),
    (Title.CO_THI_DUA_CP, Fraction(4, 5)),
    (Title.CSTD_TINH, Fraction(9, 10)),
    (Title.CSTD_TOAN_QUOC, Fraction(9, 10)),
)

# (code, authority, marker, article)
_AUTHORITIES: tuple[tuple[str, Authority, str, str], ...] = (
    (Title.LDTT, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (Title.CSTT, Authority.CHU_TICH_UBND_XA, "U", A.AUTHORITY_COMMUNE),
    (Title.CSTD_CO_SO, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (Title.TTLDTT, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (Title.DVTT, Authority.CHU_TICH_UBND_XA, "U", A.AUTHORITY_COMMUNE),
    (Title.THON_VAN_HOA, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (Title.GIA_DINH_VAN_HOA, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (RewardForm.GIAY_KHEN_XA, Authority.CHU_TICH_UBND_XA, "V", A.AUTHORITY_COMMUNE),
    (Title.CSTD_TINH, Authority.CHU_TICH_UBND_TINH, "V", A.AUTHORITY_PROVINCE),
    (Title.TTLDXS, Authority.CHU_TICH_UBND_TINH, "V", A.AUTHORITY_PROVINCE),
    (Title.DVQT, Authority.CHU_TICH_UBND_TINH, "U", A.AUTHORITY_PROVINCE),
    (Title.CO_THI_DUA_TINH, Authority.CHU_TICH_UBND_TINH, "V", A.AUTHORITY_PROVINCE),
    (RewardForm.BANG_KHEN_TINH, Authority.CHU_TICH_UBND_TINH, "V", A.AUTHORITY_PROVINCE),
    (Title.XA_TIEU_BIEU, Authority.CHU_TICH_UBND_TINH, "U", A.AUTHORITY_PROVINCE),
    (RewardForm.KY_NIEM_CHUONG, Authority.CHU_TICH_UBND_TINH, "U", A.AUTHORITY_PROVINCE),
    (Title.CSTD_TOAN_QUOC, Authority.THU_TUONG, "V", A.AUTHORITY_CENTRAL),
    (Title.CO_THI_DUA_CP, Authority.THU_TUONG, "V", A.AUTHORITY_CENTRAL),
    (RewardForm.BANG_KHEN_TTG, Authority.THU_TUONG, "V", A.AUTHORITY_CENTRAL),
    (RewardForm.HUAN_CHUONG_LD3, Authority.CHU_TICH_NUOC, "V", A.AUTHORITY_CENTRAL),
)

_SCALAR_KIND = {key: kind for key, kind, *_ in _SCALARS}
_PREFIX_KIND = {
    "coefficient": "decimal",
    "base_salary": "int",
    "council_vote_share": "fraction",
    "authority": "authority",
}


def _composite_description(prefix: str, rest: str) -> str:
    if prefix == "coefficient":
        code, kind = rest.split(".")
        return (f"Hệ số tiền thưởng (× lương cơ sở): {parse_award_code(code).label} — "
                f"{SubjectKind(kind).label.lower()}")
    if prefix == "base_salary":
        d = date.fromisoformat(rest)
        return f"Mức lương cơ sở (đồng/tháng) áp dụng từ ngày {d:%d/%m/%Y}"
    if prefix == "council_vote_share":
        return (f"Tỷ lệ phiếu đồng ý trên tổng số thành viên Hội đồng để đề nghị "
                f"{parse_award_code(rest).label}")
    if prefix == "authority":
        return f"Thẩm quyền quyết định: {parse_award_code(rest).label}"
    raise ParameterError(f"khóa tham số không hợp lệ: {prefix}.{rest}")


def _default_sources() -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for key, _kind, _value, marker, article, description in _SCALARS:
        sources[key] = Source(article, Marker(marker), description)
    for code, kind, _value, marker in _COEFFICIENTS:
        key = f"coefficient.{code}.{kind}"
        sources[key] = Source(A.ND152_MONEY, Marker(marker),
                              _composite_description("coefficient", f"{code}.{kind}"))
    for day, _amount, marker, article in _BASE_SALARY:
        key = f"base_salary.{day.isoformat()}"
        sources[key] = Source(article, Marker(marker),
                              _composite_description("base_salary", day.isoformat()))
    for code, _share in _COUNCIL_VOTES:
        key = f"council_vote_share.{code}"
        sources[key] = Source(A.ND98_COUNCIL_VOTE, Marker.S,
                              _composite_description("council_vote_share", str(code)))
    for code, _authority, marker, article in _AUTHORITIES:
        key = f"authority.{code}"
        sources[key] = Source(article, Marker(marker),
                              _composite_description("authority", str(code)))
    return sources


# --------------------------------------------------------------------------------------------
# The parameters object
# --------------------------------------------------------------------------------------------

def _frozen_map(value: Mapping) -> Mapping:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class RuleParameters:
    """All configurable rule data.  Build variants with ``with_overrides`` or
    ``dataclasses.replace``; never mutate."""

    # money — ND 152 Điều 49–54
    base_salary_table: tuple[tuple[date, int], ...]
    rounding_step_vnd: int
    household_multiplier: Decimal
    ky_niem_chuong_max_coefficient: Decimal
    coefficients: Mapping[tuple[str, str], Decimal]
    # who decides — ND 129 Điều 59; Luật; BN-86 Điều 5
    authorities: Mapping[str, Authority]
    # titles and forms
    ldtt_min_rating: Rating
    cstd_co_so_rating_ground: Rating
    cstd_co_so_min_initiative_scope: Scope
    cstd_tinh_chain_years: int
    cstd_tinh_min_initiative_scope: Scope
    cstd_toan_quoc_chain_length: int
    cstd_toan_quoc_min_initiative_scope: Scope
    ttldtt_min_rating: Rating
    ttldtt_min_ldtt_share: Fraction
    ttldtt_max_disciplined_members: int
    ttldxs_required_rating: Rating
    ttldxs_min_completed_share: Fraction
    ttldxs_min_ldtt_share: Fraction
    ttldxs_min_cstd_co_so_members: int
    giay_khen_min_rating: Rating
    giay_khen_household_min_contributions: int
    bang_khen_tinh_cstd_chain_years: int
    bang_khen_tinh_htxsnv_years: int
    bang_khen_tinh_min_initiatives: int
    bang_khen_tinh_collective_years: int
    bang_khen_tinh_household_min_contributions: int
    household_contribution_window_years: int
    chain_end_lag_years: int
    # council
    council_vote_shares: Mapping[str, Fraction]
    council_quorum_share: Fraction
    award_session_min_presence_share: Fraction
    council_vote_rule: str
    # procedure deadlines (working days)
    cstd_co_so_processing_working_days: int
    dossier_return_working_days: int
    decision_sending_working_days: int
    publicity_days: int
    # the province's own articles for its rules (``articles.PROVINCIAL_RULES`` key → citation);
    # read by the check rows, so part of the values compared
    citations: Mapping[str, str] = field(default_factory=dict)
    # where each value comes from (key → Source)
    sources: Mapping[str, Source] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        table = tuple(sorted((d, int(v)) for d, v in self.base_salary_table))
        if not table:
            raise ParameterError("bảng lương cơ sở không được để trống")
        if len({d for d, _ in table}) != len(table):
            raise ParameterError("bảng lương cơ sở có hai mức cùng một ngày áp dụng")
        if any(v <= 0 for _, v in table):
            raise ParameterError("mức lương cơ sở phải lớn hơn 0")
        object.__setattr__(self, "base_salary_table", table)
        if self.rounding_step_vnd <= 0:
            raise ParameterError("bước làm tròn tiền thưởng phải lớn hơn 0")
        if any(c < 0 for c in self.coefficients.values()):
            raise ParameterError("hệ số tiền thưởng không được âm")
        for name in ("coefficients", "authorities", "council_vote_shares", "citations", "sources"):
            object.__setattr__(self, name, _frozen_map(getattr(self, name)))
        shares = [self.ttldtt_min_ldtt_share, self.ttldxs_min_completed_share,
                  self.ttldxs_min_ldtt_share, self.council_quorum_share,
                  self.award_session_min_presence_share, *self.council_vote_shares.values()]
        if any(not (0 <= s <= 1) for s in shares):
            raise ParameterError("tỷ lệ phải nằm trong khoảng từ 0 đến 1")
        counts = [self.cstd_tinh_chain_years, self.cstd_toan_quoc_chain_length,
                  self.bang_khen_tinh_cstd_chain_years, self.bang_khen_tinh_htxsnv_years,
                  self.bang_khen_tinh_collective_years, self.household_contribution_window_years]
        if any(c < 1 for c in counts):
            raise ParameterError("số năm/số lần của chuỗi phải từ 1 trở lên")
        if min(self.ttldtt_max_disciplined_members, self.ttldxs_min_cstd_co_so_members,
               self.bang_khen_tinh_min_initiatives, self.chain_end_lag_years,
               self.giay_khen_household_min_contributions,
               self.bang_khen_tinh_household_min_contributions) < 0:
            raise ParameterError("số lượng không được âm")
        if min(self.cstd_co_so_processing_working_days, self.dossier_return_working_days,
               self.decision_sending_working_days, self.publicity_days) < 1:
            raise ParameterError("thời hạn phải từ 1 ngày làm việc trở lên")
        unknown = sorted(set(self.citations) - set(A.PROVINCIAL_RULES))
        if unknown:
            raise ParameterError(f"quy định của tỉnh không có mục: {', '.join(unknown)}")

    # -- lookups ----------------------------------------------------------------------------
    def authority_for(self, code: str) -> Authority | None:
        return self.authorities.get(str(code))

    def council_vote_share(self, code: str) -> Fraction | None:
        return self.council_vote_shares.get(str(code))

    def source(self, key: str) -> Source | None:
        return self.sources.get(key)

    def citation(self, key: str) -> str:
        """The article a provincial rule cites: the province's own when entered, else the
        article of the Law/decree that delegates it (``articles.PROVINCIAL_RULES``)."""
        return A.provincial(key, self.citations)

    def with_citations(self, citations: Mapping[str, str]) -> "RuleParameters":
        """A copy citing the province's regulation (key → citation; empty values ignored)."""
        from dataclasses import replace

        return replace(self, citations={k: v for k, v in citations.items() if v})

    @property
    def council_vote_article(self) -> str:
        return self.citation("council_vote")

    # -- flat view --------------------------------------------------------------------------
    def flat(self) -> dict[str, Any]:
        """``{key: value}`` for every parameter, composite entries under dotted keys."""
        out: dict[str, Any] = {}
        for key in _SCALAR_KIND:
            out[key] = getattr(self, key)
        for day, amount in self.base_salary_table:
            out[f"base_salary.{day.isoformat()}"] = amount
        for (code, kind), value in sorted(self.coefficients.items()):
            out[f"coefficient.{code}.{kind}"] = value
        for code, value in sorted(self.council_vote_shares.items()):
            out[f"council_vote_share.{code}"] = value
        for code, value in sorted(self.authorities.items()):
            out[f"authority.{code}"] = value
        return out

    def with_overrides(
        self,
        overrides: Mapping[str, Any] | None = None,
        /,
        *,
        sources: Mapping[str, Source] | None = None,
        **kwargs: Any,
    ) -> "RuleParameters":
        """A copy with some values replaced.  Keys are those of ``flat()``/``parameter_rows``;
        values may be strings.  ``None`` on a composite key removes the entry.  ``sources``
        replaces the recorded article/marker/description of keys (e.g. from the DB table)."""
        values = self.flat()
        new_sources = dict(self.sources)
        for key, raw in {**(overrides or {}), **kwargs}.items():
            prefix, _, rest = key.partition(".")
            if rest:
                kind = _PREFIX_KIND.get(prefix)
                if kind is None:
                    raise ParameterError(f"khóa tham số không hợp lệ: {key}")
                _check_composite_key(prefix, rest, key)
                if raw is None:
                    values.pop(key, None)
                    continue
                if key not in new_sources:
                    new_sources[key] = Source("", Marker.U, _composite_description(prefix, rest))
            else:
                kind = _SCALAR_KIND.get(key)
                if kind is None:
                    raise ParameterError(f"khóa tham số không hợp lệ: {key}")
            try:
                values[key] = _CONVERTERS[kind](raw)
            except ParameterError as exc:
                raise ParameterError(f"{key}: {exc}") from None
        if sources:
            for key, src in sources.items():
                if key not in values:
                    raise ParameterError(f"khóa tham số không hợp lệ: {key}")
                new_sources[key] = src if isinstance(src, Source) else Source(
                    src[0], Marker(src[1]), src[2])
        new_sources = {k: v for k, v in new_sources.items() if k in values}
        return _from_flat(values, new_sources, self.citations)


def _check_composite_key(prefix: str, rest: str, key: str) -> None:
    ok = True
    if prefix == "coefficient":
        code, _, kind = rest.partition(".")
        ok = parse_award_code(code) is not None and SubjectKind.parse(kind) is not None
    elif prefix == "base_salary":
        try:
            date.fromisoformat(rest)
        except ValueError:
            ok = False
    else:
        ok = parse_award_code(rest) is not None
    if not ok:
        raise ParameterError(f"khóa tham số không hợp lệ: {key}")


def _from_flat(values: Mapping[str, Any], sources: Mapping[str, Source],
               citations: Mapping[str, str] | None = None) -> RuleParameters:
    scalars = {k: values[k] for k in _SCALAR_KIND}
    table, coefficients, votes, authorities = [], {}, {}, {}
    for key, value in values.items():
        prefix, _, rest = key.partition(".")
        if prefix == "base_salary":
            table.append((date.fromisoformat(rest), value))
        elif prefix == "coefficient":
            code, kind = rest.split(".")
            coefficients[(code, kind)] = value
        elif prefix == "council_vote_share":
            votes[rest] = value
        elif prefix == "authority":
            authorities[rest] = value
    return RuleParameters(
        base_salary_table=tuple(table),
        coefficients=coefficients,
        council_vote_shares=votes,
        authorities=authorities,
        sources=sources,
        citations=citations or {},
        **scalars,
    )


def _default_parameters() -> RuleParameters:
    values: dict[str, Any] = {key: value for key, _k, value, *_ in _SCALARS}
    for day, amount, _m, _a in _BASE_SALARY:
        values[f"base_salary.{day.isoformat()}"] = amount
    for code, kind, value, _m in _COEFFICIENTS:
        values[f"coefficient.{code}.{kind}"] = Decimal(value)
    for code, share in _COUNCIL_VOTES:
        values[f"council_vote_share.{code}"] = share
    for code, authority, _m, _a in _AUTHORITIES:
        values[f"authority.{code}"] = authority
    return _from_flat(values, _default_sources())


DEFAULT_PARAMETERS: RuleParameters = _default_parameters()


def parameter_rows(params: RuleParameters = DEFAULT_PARAMETERS) -> list[ParameterRow]:
    """Every parameter as a catalogue row, in a stable order."""
    rows = []
    for key, value in params.flat().items():
        src = params.sources.get(key) or Source("", Marker.U, key)
        rows.append(ParameterRow(
            key=key,
            value=value,
            value_text=_text(value),
            article=src.article,
            marker=str(src.marker),
            description=src.description,
        ))
    return rows


def parameters_from_rows(rows: Iterable[ParameterRow | Mapping[str, Any]],
                         base: RuleParameters = DEFAULT_PARAMETERS) -> RuleParameters:
    """Rebuild parameters from catalogue rows (objects or dicts with key/value_text or value,
    optionally article/marker/description), starting from ``base``."""
    overrides: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for row in rows:
        get = row.get if isinstance(row, Mapping) else (lambda k, r=row: getattr(r, k, None))
        key = get("key")
        value = get("value_text") if get("value_text") is not None else get("value")
        overrides[key] = value
        if get("article") is not None and get("marker") is not None:
            sources[key] = Source(get("article"), Marker(get("marker")),
                                  get("description") or key)
    params = base.with_overrides(overrides)
    return params.with_overrides(sources=sources) if sources else params


__all__ = [
    "COUNCIL_RULES",
    "DEFAULT_PARAMETERS",
    "Marker",
    "ParameterError",
    "ParameterRow",
    "RuleParameters",
    "Source",
    "parameter_rows",
    "parameters_from_rows",
]
