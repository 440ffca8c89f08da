"""Statutory statistics (issue #20, item 7): the sector's yearly statistical tables on emulation
and commendation under the Ministry of Home Affairs' reporting regime — Thông tư số
18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng Bộ Nội vụ quy định chế độ báo cáo thống kê ngành
Nội vụ (LifeSoft's provincial system labels the tables 0601–0605.N/BNV-TĐKT). The circular was
found (its number, date, signer and title); the layout of each table below — its rows and
columns — was not checked against the circular's appendix, which the admin page says.

Each table is counted from the data of the user's scope (her commune, or the province for a
province user) for one calendar year, and written through the project's one Excel writer
(``thidua.core.excel``): the table's symbol, title, period, reporting and receiving units, then
its columns."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from thidua.accounts.scoping import province_of, visible_organisations
from thidua.awards import fairness
from thidua.awards.models import AwardType
from thidua.awards.selectors import ledger
from thidua.core.excel import Book, Column
from thidua.core.text import collation_key
from thidua.org.models import Organisation, Person

CIRCULAR = ("Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng Bộ Nội vụ quy định chế độ báo cáo thống kê "
            "ngành Nội vụ")
CIRCULAR_SOURCE = ("https://luatvietnam.vn/hanh-chinh/"
                   "thong-tu-18-2025-tt-bnv-cua-bo-noi-vu-quy-dinh-che-do-bao-cao-thong-ke-nganh-noi-vu-414360-d1.html")
VERIFIED = ("Số, ngày, người ký và trích yếu của thông tư đã đối chiếu với trang văn bản; ký hiệu biểu và bố cục "
            "hàng, cột của từng biểu chưa kiểm chứng với phụ lục biểu mẫu của thông tư.")


@dataclass
class Table:
    symbol: str                      # "0602.N/BNV-TĐKT"
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)


@dataclass
class Report:
    year: int
    unit: str                        # the reporting unit ("UBND xã Nam Thanh Miện")
    receiver: str
    tables: list[Table]

    @property
    def period(self) -> str:
        return f"Năm {self.year} (từ ngày 01/01/{self.year} đến ngày 31/12/{self.year})"

    def table(self, symbol: str) -> Table:
        return next(t for t in self.tables if t.symbol.startswith(symbol))


def _ubnd(name: str) -> str:
    return f"Ủy ban nhân dân {name[:1].lower()}{name[1:]}"


def _units(user) -> tuple[str, str]:
    province = province_of(user)
    if province is not None:
        return _ubnd(province.name), "Bộ Nội vụ"
    unit = user.unit
    commune = unit.commune() if unit is not None and unit.kind != Organisation.Kind.COMMUNE else unit
    if commune is None:
        return "Toàn hệ thống", "Bộ Nội vụ"
    city = commune.parent if commune.parent_id and commune.parent.kind == Organisation.Kind.CITY else None
    return _ubnd(commune.name), f"Sở Nội vụ {city.name}" if city else "Sở Nội vụ"


COUNT_COLUMNS = [Column("Tổng số", "int"), Column("Cá nhân", "int"), Column("Trong đó: nữ", "int"),
                 Column("Tập thể", "int"), Column("Hộ gia đình", "int")]


def _by_type(awards, kind: str) -> Table:
    """0602 (titles) or 0603 (forms): per catalogue entry, the awards of the year by subject."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    names = {}
    for a in awards:
        if a["award_type__kind"] != kind:
            continue
        row = counts[a["award_type_id"]]
        names[a["award_type_id"]] = a["award_type__name"]
        row[0] += 1
        if a["person_id"]:
            row[1] += 1
            row[2] += a["person__gender"] == Person.Gender.FEMALE
        elif a["organisation_id"]:
            row[3] += 1
        else:
            row[4] += 1
    title = kind == AwardType.Kind.TITLE
    table = Table("0602.N/BNV-TĐKT" if title else "0603.N/BNV-TĐKT",
                  "SỐ DANH HIỆU THI ĐUA ĐƯỢC TẶNG" if title else "SỐ HÌNH THỨC KHEN THƯỞNG",
                  [Column("STT", "int", width=6), Column("Danh hiệu thi đua" if title else "Hình thức khen thưởng",
                                                         width=45), *COUNT_COLUMNS])
    ordered = sorted(counts, key=lambda pk: collation_key(names[pk]))
    for index, pk in enumerate(ordered, start=1):
        table.rows.append([index, names[pk], *counts[pk]])
    table.rows.append(["", "Tổng cộng", *[sum(counts[pk][i] for pk in ordered) for i in range(5)]])
    return table


def _by_holder(user, year: int) -> Table:
    """0604: individual awards by their holder (leaders, staff, direct workers, women); collectives
    and households each on their own line, never counted as people (awards.fairness)."""
    f = fairness.figures(user=user, years=range(year, year + 1))[0]
    table = Table("0604.N/BNV-TĐKT", "KHEN THƯỞNG THEO ĐỐI TƯỢNG",
                  [Column("STT", "int", width=6), Column("Đối tượng", width=45), Column("Số lượt khen thưởng", "int"),
                   Column("Tỷ lệ trong tổng số cá nhân (%)", "number")])
    rows = [("Cá nhân", f.individual, None),
            ("Trong đó: " + fairness.LABELS["leader"].lower(), f.leader, f.share("leader")),
            ("Trong đó: " + fairness.LABELS["staff"].lower(), f.staff, f.share("staff")),
            ("Trong đó: " + fairness.LABELS["direct"].lower(), f.direct, f.share("direct")),
            ("Trong đó: nữ", f.women, f.share("women")), ("Tập thể", f.collective, None),
            ("Hộ gia đình", f.household, None)]
    for index, (label, count, share) in enumerate(rows, start=1):
        table.rows.append([index, label, count, share])
    return table


def _movements(user, year: int) -> Table:
    """0601: emulation movements carried out in the year, by the level that launched them."""
    from thidua.movements.models import Movement

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    movements = Movement.objects.filter(commune__in=visible_organisations(user)).filter(
        Q(year=year) | Q(year__isnull=True, launched_on__range=(start, end))).values("level", "kind", "state")
    table = Table("0601.N/BNV-TĐKT", "SỐ PHONG TRÀO THI ĐUA",
                  [Column("STT", "int", width=6), Column("Cấp phát động", width=30), Column("Tổng số", "int"),
                   Column("Thường xuyên, hằng năm", "int"), Column("Theo đợt, chuyên đề", "int"),
                   Column("Đã sơ kết", "int"), Column("Đã tổng kết", "int")])
    counts = {level: [0, 0, 0, 0, 0] for level in Movement.Level.values}
    for m in movements:
        row = counts[m["level"]]
        row[0] += 1
        row[1 if m["kind"] == Movement.Kind.REGULAR else 2] += 1
        row[3] += m["state"] == Movement.State.INTERIM_REVIEW
        row[4] += m["state"] == Movement.State.FINAL_REVIEW
    for index, (level, label) in enumerate(Movement.Level.choices, start=1):
        table.rows.append([index, str(label), *counts[level]])
    table.rows.append(["", "Tổng cộng", *[sum(r[i] for r in counts.values()) for i in range(5)]])
    return table


def _dossiers(user, year: int) -> Table:
    """0605: the award dossiers of the year's rounds, by where they stand."""
    from thidua.proposals.models import Dossier

    S = Dossier.State
    dossiers = list(Dossier.objects.filter(round__commune__in=visible_organisations(user), round__year=year)
                    .exclude(state=S.DRAFT).values_list("state", flat=True))
    groups = [("Hồ sơ đề nghị đã nộp", None),
              ("Đã có quyết định khen thưởng", {S.DECIDED}),
              ("Không khen thưởng", {S.REJECTED}),
              ("Đã trình cấp trên", {S.SENT_TO_PROVINCE}),
              ("Trả lại để bổ sung, chưa nộp lại", {S.RETURNED}),
              ("Đang xử lý", {S.SUBMITTED, S.ACCEPTED, S.PUBLISHED, S.AT_COUNCIL, S.VOTED})]
    table = Table("0605.N/BNV-TĐKT", "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
                  [Column("STT", "int", width=6), Column("Nội dung", width=45), Column("Số hồ sơ", "int")])
    for index, (label, states) in enumerate(groups, start=1):
        table.rows.append([index, label, len(dossiers) if states is None else sum(1 for s in dossiers if s in states)])
    return table


def report(*, user, year: int) -> Report:
    awards = list(ledger(user=user, year=year).filter(revoked=False).order_by().values(
        "award_type_id", "award_type__name", "award_type__kind", "person_id", "person__gender",
        "organisation_id", "household_id"))
    unit, receiver = _units(user)
    return Report(year=year, unit=unit, receiver=receiver, tables=[
        _movements(user, year), _by_type(awards, AwardType.Kind.TITLE), _by_type(awards, AwardType.Kind.FORM),
        _by_holder(user, year), _dossiers(user, year)])


def workbook(data: Report) -> bytes:
    """One sheet per table, in the official layout: symbol, title, period, units, columns."""
    book = Book()
    for table in data.tables:
        sheet = book.sheet(f"Biểu {table.symbol.split('.')[0]}", table.columns, heading=[
            f"Biểu số {table.symbol}", table.title, f"Kỳ báo cáo: {data.period}",
            f"Đơn vị báo cáo: {data.unit}", f"Đơn vị nhận báo cáo: {data.receiver}",
            f"Ban hành kèm theo {CIRCULAR}"])
        for row in table.rows:
            sheet.append(row, bold=row[0] == "", data=row[0] != "")
    return book.to_bytes()
