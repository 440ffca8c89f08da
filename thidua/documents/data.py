"""Plain data for every document, so that any app (proposals, targets…) can render one
without this app knowing its models. Renderers: ``thidua.documents.render``.

Dates are ``datetime.date`` (None = a draft whose date is left blank); money is whole đồng.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from thidua.core.text import format_vnd

from thidua.core.words import amount_in_words


@dataclass
class IssuerBlock:
    """The issuing body, top left (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3).

    ``superior_lines``: the governing body, upper case, not bold (e.g. the committee above
    its council); ``name_lines``: the issuer itself, upper case, bold."""

    name_lines: list[str]
    superior_lines: list[str] = field(default_factory=list)
    symbol: str = "UBND"

    @classmethod
    def commune_committee(cls, commune_name: str) -> "IssuerBlock":
        """'Xã Nam Thanh Miện' -> ỦY BAN NHÂN DÂN / XÃ NAM THANH MIỆN."""
        return cls(name_lines=["ỦY BAN NHÂN DÂN", commune_name.upper()], symbol="UBND")

    @classmethod
    def council_of(cls, commune_name: str) -> "IssuerBlock":
        """The commune's council under its committee, each name broken where it reads whole
        (ND 30 lets a body's name take several lines): ỦY BAN NHÂN DÂN / XÃ NAM THANH MIỆN over
        HỘI ĐỒNG / THI ĐUA - KHEN THƯỞNG — one line each would not fit the 6.3 cm column at
        13 pt and would wrap mid-name ("… XÃ NAM / THANH MIỆN", "… - KHEN / THƯỞNG")."""
        return cls(name_lines=["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG"],
                   superior_lines=cls.commune_committee(commune_name).name_lines, symbol="HĐTĐKT")

    @classmethod
    def unit(cls, unit_name: str, superior_name: str = "") -> "IssuerBlock":
        return cls(name_lines=[unit_name.upper()], superior_lines=[superior_name.upper()] if superior_name else [],
                   symbol="")


@dataclass
class SignerBlock:
    """Signature block, bottom right: authority lines (bold, upper case) then the name."""

    lines: list[str]
    name: str = ""

    @classmethod
    def committee_deputy(cls, name: str = "") -> "SignerBlock":
        """On behalf of the committee, the vice-chairman signing for the chairman."""
        return cls(lines=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name=name)

    @classmethod
    def committee_chairman(cls, name: str = "") -> "SignerBlock":
        return cls(lines=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], name=name)

    @classmethod
    def chairman_deputy(cls, name: str = "") -> "SignerBlock":
        """A decision of the chairman (e.g. an award, Luật TĐKT Điều 79) signed by a deputy."""
        return cls(lines=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name=name)

    @classmethod
    def chairman(cls, name: str = "") -> "SignerBlock":
        return cls(lines=["CHỦ TỊCH"], name=name)


@dataclass
class DecisionLine:
    """One row of a decision's attached list (also used by a tờ trình's list)."""

    name: str
    position_unit: str = ""
    title_or_form: str = ""
    amount: int | None = None

    @property
    def amount_text(self) -> str:
        return format_vnd(self.amount, suffix="") if self.amount is not None else ""


def _total(lines: list[DecisionLine]) -> int:
    return sum(line.amount or 0 for line in lines)


class _Totalled:
    """The reward money of a document's ``lines``, in figures and in words."""

    lines: list[DecisionLine]

    @property
    def total(self) -> int:
        return _total(self.lines)

    @property
    def total_in_words(self) -> str:
        return amount_in_words(self.total)


@dataclass
class DecisionData(_Totalled):
    """Quyết định khen thưởng with its attached list."""

    issuer: IssuerBlock
    number: str                      # "123/QĐ-UBND"; "/QĐ-UBND" for a draft
    date: datetime.date | None
    place: str                       # "Nam Thanh Miện"
    title: str                       # "Về việc tặng Giấy khen …"
    authority: str                   # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM THANH MIỆN"
    body: list[str]                  # "Điều 1. …" paragraphs
    signer: SignerBlock
    recipients: list[str]
    lines: list[DecisionLine] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    list_subtitle: str = ""          # "CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN"
    decided_by: str = ""             # "Chủ tịch UBND xã Nam Thanh Miện" (for "Kèm theo Quyết định …")
    marking: str = ""                # "DỰ THẢO", "BẢN TÁI TẠO TỪ SỔ KHEN THƯỞNG"; empty on the signed original


@dataclass
class SubmissionData(_Totalled):
    """Tờ trình (submission) to a higher body."""

    issuer: IssuerBlock
    number: str
    date: datetime.date | None
    place: str
    title: str                       # "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND thành phố"
    addressee: str                   # "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"
    body: list[str]
    signer: SignerBlock
    recipients: list[str]
    lines: list[DecisionLine] = field(default_factory=list)


@dataclass
class BallotResult:
    """Result of the secret ballot on one nomination."""

    name: str
    position_unit: str
    proposed: str                    # the title/form voted on
    approvals: int
    members_total: int               # all council members (the threshold's base)
    threshold_percent: int | None = None
    passed: bool | None = None       # None: computed from the threshold
    against: int | None = None       # votes against (None: not recorded)

    @property
    def percent(self) -> float:
        return 100.0 * self.approvals / self.members_total if self.members_total else 0.0

    @property
    def percent_text(self) -> str:
        return f"{self.percent:.1f}".replace(".", ",")

    @property
    def is_passed(self) -> bool:
        if self.passed is not None:
            return self.passed
        return self.threshold_percent is None or self.percent >= self.threshold_percent


@dataclass
class MinutesData:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng with its ballot results."""

    issuer: IssuerBlock
    number: str
    date: datetime.date | None
    place: str
    title: str                       # "Họp xét khen thưởng tổng kết năm 2025"
    opened_at: datetime.datetime | None
    location: str
    chair: str                       # "Ông Nguyễn Văn A, Chủ tịch UBND xã - Chủ tịch Hội đồng"
    secretary: str
    members_total: int
    attendees: list[str]
    absentees: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    ballots: list[BallotResult] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    closed_at: datetime.datetime | None = None
    written_opinions: list[str] = field(default_factory=list)
    chair_signature: SignerBlock = field(default_factory=lambda: SignerBlock(lines=["CHỦ TỊCH HỘI ĐỒNG"]))
    secretary_signature: SignerBlock = field(default_factory=lambda: SignerBlock(lines=["THƯ KÝ"]))


@dataclass
class InvitationData:
    """Giấy mời (invitation) to a council meeting."""

    issuer: IssuerBlock
    number: str
    date: datetime.date | None
    place: str
    title: str                       # "Họp Hội đồng Thi đua - Khen thưởng xã"
    invitees: list[str]
    purpose: str                     # "Dự họp Hội đồng Thi đua - Khen thưởng xã xét khen thưởng năm 2025"
    meeting_at: datetime.datetime | None
    location: str
    signer: SignerBlock
    recipients: list[str]
    agenda: list[str] = field(default_factory=list)
    note: str = ""
    host: str = ""                   # "Ủy ban nhân dân xã Nam Thanh Miện" (default: from the issuer)
    meeting_day: datetime.date | None = None  # the day, when the hour is not set yet


@dataclass
class AwardRow:
    year: str
    name: str
    decision: str                    # "QĐ số 12/QĐ-UBND ngày 20/12/2023 của UBND huyện Thanh Miện"


@dataclass
class AchievementReportData:
    """Báo cáo thành tích of an individual, filled from the record."""

    issuer: IssuerBlock
    date: datetime.date | None
    place: str
    proposed: str                    # "Chiến sĩ thi đua cơ sở" (what the report supports)
    period: str                      # "2021-2025"
    full_name: str
    gender: str = ""
    date_of_birth: str = ""          # dd/mm/yyyy
    unit: str = ""
    position: str = ""
    category: str = ""
    duties: list[str] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)
    ratings: list[tuple[str, str]] = field(default_factory=list)        # (year, rating)
    initiatives: list[tuple[str, str, str]] = field(default_factory=list)  # (year, title, recognition)
    titles: list[AwardRow] = field(default_factory=list)
    forms: list[AwardRow] = field(default_factory=list)
    head_title: str = "THỦ TRƯỞNG ĐƠN VỊ"
    head_name: str = ""


@dataclass
class CertificateData:
    """The printed certificate of one award (Giấy khen, Bằng khen, title) with its QR code."""

    authority_lines: list[str]       # ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "XÃ NAM THANH MIỆN"]
    verb: str                        # "TẶNG" / "CÔNG NHẬN DANH HIỆU"
    award_name: str                  # "GIẤY KHEN"
    recipient: str                   # "Bà Nguyễn Thị Mai"
    recipient_detail: str            # "Phó Hiệu trưởng, Trường Mầm non Hồng Phong"
    achievement: str
    number: str
    date: datetime.date | None
    place: str
    signer: SignerBlock
    verification_code: str
    verification_url: str
    revoked: bool = False
