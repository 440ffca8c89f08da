"""Statutory statistics (issue #20, item 7): the sector's yearly statistical tables on emulation
and commendation under the Ministry of Home Affairs' reporting regime.

What is known, and what is not (docs/statistics.md says it at length):
- the regime in force is Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng Bộ Nội vụ quy
  định chế độ báo cáo thống kê ngành Nội vụ (number, date, signer and title checked against the
  text's page); its appendix of forms was not available, so no form below is known to be its;
- the symbols 0601–0605.N/BNV-TĐKT are those of the previous regime, Thông tư số 02/2023/TT-BNV
  ngày 23/3/2023 (0601 số phong trào thi đua, 0602 khen thưởng cấp Nhà nước, 0603 khen thưởng cấp
  bộ, ngành, tỉnh, 0604 tổ chức và 0605 công chức làm công tác thi đua, khen thưởng), as a public
  implementation of the provincial system prints them — not the official appendix either.

So the workbook carries the two forms whose rows and columns the data fills, in that traced
layout (0601 and 0603: row codes "Mã số", columns numbered as the form numbers them), with
their symbol and no claim of the circular that issues them; 0602 (the State's awards by each
order and medal), 0604 and 0605 (the sector's organisations and civil servants, which ThiĐua
does not hold) are not produced. The sheets the earlier version labelled 0602–0605 are kept as
supporting tables of ThiĐua's own ("Bảng TH-1" … "TH-4"), never under an official symbol.

Each table is counted from the data of the user's scope (her commune, or the province for a
province user) for one calendar year, and written through the project's one Excel writer
(``thidua.core.excel``)."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper, Q

from thidua.accounts.scoping import province_of, visible_organisations
from thidua.awards import fairness
from thidua.awards.models import AwardType
from thidua.awards.selectors import ledger
from thidua.core.excel import Book, Column
from thidua.core.text import collation_key
from thidua.org.models import Organisation, Person
from thidua.rules import codes

CIRCULAR = ("Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng Bộ Nội vụ quy định chế độ báo cáo thống kê "
            "ngành Nội vụ")
CIRCULAR_SOURCE = ("https://luatvietnam.vn/hanh-chinh/"
                   "thong-tu-18-2025-tt-bnv-cua-bo-noi-vu-quy-dinh-che-do-bao-cao-thong-ke-nganh-noi-vu-414360-d1.html")
PREVIOUS = "Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ"
VERIFIED = ("Số, ngày, người ký và trích yếu của Thông tư số 18/2025/TT-BNV đã đối chiếu với trang văn bản; phụ lục "
            "biểu mẫu của thông tư chưa đối chiếu được. Biểu 0601 và 0603 theo ký hiệu, hàng (mã số) và cột của "
            "biểu cùng số theo " + PREVIOUS + " (đối chiếu qua một phần mềm cấp tỉnh đã công bố, chưa với phụ lục "
            "chính thức); biểu 0602, 0604, 0605 không lập. Chi tiết: docs/statistics.md.")


@dataclass
class Table:
    symbol: str                      # "0601.N/BNV-TĐKT", or "TH-1" for ThiĐua's own supporting tables
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    unit: str = ""                   # "Đơn vị tính" of a form
    bold: set[int] = field(default_factory=set)  # rows (indexes) printed bold: totals, group headings

    @property
    def official(self) -> bool:
        return "/BNV-" in self.symbol


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

    def has(self, symbol: str) -> bool:
        return any(t.symbol.startswith(symbol) for t in self.tables)


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
    """TH-1 (titles) or TH-2 (forms): per catalogue entry, the awards of the year by subject."""
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
    table = Table("TH-1" if title else "TH-2",
                  "SỐ DANH HIỆU THI ĐUA ĐƯỢC TẶNG" if title else "SỐ HÌNH THỨC KHEN THƯỞNG",
                  [Column("STT", "int", width=6), Column("Danh hiệu thi đua" if title else "Hình thức khen thưởng",
                                                         width=45), *COUNT_COLUMNS])
    ordered = sorted(counts, key=lambda pk: collation_key(names[pk]))
    for index, pk in enumerate(ordered, start=1):
        table.rows.append([index, names[pk], *counts[pk]])
    table.bold.add(len(table.rows))
    table.rows.append(["", "Tổng cộng", *[sum(counts[pk][i] for pk in ordered) for i in range(5)]])
    return table


def _by_holder(user, year: int) -> Table:
    """TH-3: individual awards by their holder (leaders, staff, direct workers, women); collectives
    and households each on their own line, never counted as people (awards.fairness)."""
    f = fairness.figures(user=user, years=range(year, year + 1))[0]
    table = Table("TH-3", "KHEN THƯỞNG THEO ĐỐI TƯỢNG",
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


MOVEMENT_LEVELS = {"central": 0, "city": 1, "commune": 2, "unit": 2}  # column 2, 3 or 4 of the form


def _duration_row(m: dict) -> int | None:
    """The row (06–10) of a movement's span: its dates, or a year's regular movement without
    them (one year); a movement whose span is unknown is in no row of this group."""
    start, end = m["start_date"], m["end_date"]
    if start and end and end >= start:
        days = (end - start).days + 1
        if days < 365:
            return 6
        if days <= 366:
            return 7
        return 8 if days < 3 * 365 else 9 if days < 5 * 365 else 10
    if m["kind"] == "regular" and m["year"]:
        return 7
    return None


def _movements(user, year: int) -> Table:
    """0601 Số phong trào thi đua: the movements of the year (its theme, launched in it, or
    running through part of it), by the level that
    launched them (columns 2–4), by scope (rows 02–05; a cluster's movement on row 04), by span
    (06–10) and by way of organising (11–12)."""
    from thidua.movements.models import Movement

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    movements = list(Movement.objects.filter(commune__in=visible_organisations(user)).filter(
        Q(year=year) | Q(year__isnull=True, launched_on__range=(start, end))
        | Q(year__isnull=True, start_date__lte=end, end_date__gte=start)).values(
        "level", "kind", "year", "start_date", "end_date",
        cluster=ExpressionWrapper(Q(cluster_year__isnull=False), output_field=BooleanField())))
    table = Table("0601.N/BNV-TĐKT", "SỐ PHONG TRÀO THI ĐUA", unit="Phong trào", columns=[
        Column("Nội dung", width=48), Column("Mã số", width=7), Column("Tổng số (1=2+3+4)", "int"),
        Column("Cấp Trung ương (2)", "int"),
        Column("Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương (3)", "int", wrap=True),
        Column("Cơ quan, tổ chức, đơn vị (4)", "int")])
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in movements:
        column = MOVEMENT_LEVELS[m["level"]]
        scope = 4 if m["cluster"] else {0: 2, 1: 3, 2: 5}[column]
        for row in (1, scope, _duration_row(m), 11 if m["kind"] == Movement.Kind.THEMATIC else 12):
            if row is not None:
                counts[row][column] += 1

    def line(label, code):
        values = counts[code]
        table.rows.append([label, f"{code:02d}", sum(values), *values])

    groups = [("1. Chia theo phạm vi tổ chức thi đua", [
        ("- Toàn quốc", 2), ("- Bộ, ban, ngành, đoàn thể, địa phương", 3),
        ("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", 4),
        ("- Cơ quan, tổ chức, đơn vị", 5)]),
        ("2. Chia theo thời hạn thi đua", [("- Dưới 1 năm", 6), ("- 1 năm", 7), ("- Từ 1 năm đến dưới 3 năm", 8),
                                           ("- Từ 3 năm đến dưới 5 năm", 9), ("- Từ 5 năm trở lên", 10)]),
        ("3. Chia theo phương thức tổ chức phong trào thi đua", [("- Thi đua theo chuyên đề", 11),
                                                                  ("- Thi đua thường xuyên hằng năm", 12)])]
    table.bold.add(0)
    line("Tổng số", 1)
    for heading, lines in groups:
        table.bold.add(len(table.rows))
        table.rows.append([heading, "", None, None, None, None])
        for label, code in lines:
            line(label, code)
    return table


PROVINCE_AWARDS = {codes.RewardForm.BANG_KHEN_TINH.value: 0, codes.Title.CSTD_TINH.value: 1,
                   codes.Title.CO_THI_DUA_TINH.value: 2, codes.RewardForm.KY_NIEM_CHUONG.value: 3}
WAYS = {codes.RoundKind.YEAR_END.value: 11, codes.RoundKind.SCHOOL_YEAR.value: 11,
        codes.RoundKind.THEMATIC.value: 12, codes.RoundKind.SUDDEN_FEAT.value: 13}


def _province_awards(user, year: int) -> Table:
    """0603 Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh: the year's
    awards of the province's level in the ledger (Bằng khen of its chairman, Chiến sĩ thi đua
    cấp tỉnh, its Cờ thi đua, a Kỷ niệm chương the province issued), by subject (rows 02–10) and
    by way of awarding (11–17). Rows whose facts ThiĐua does not hold are left blank, not zero:
    06–08 (leaders of ministry or province level and of a department, business people: no
    commune holds them; a commune's leaders are on 09) and 14–17 (đối ngoại, cống hiến, niên
    hạn, kháng chiến: no such rounds)."""
    awards = list(ledger(user=user, year=year).filter(revoked=False, award_type__code__in=list(PROVINCE_AWARDS))
                  .exclude(Q(award_type__code=codes.RewardForm.KY_NIEM_CHUONG.value)
                           & ~Q(issuer__kind=Organisation.Kind.CITY))
                  .order_by().values("id", "year", "award_type__code", "person_id", "person__category",
                                     "organisation_id", "organisation__kind", "household_id", "round_kind"))
    groups = fairness.holder_groups(awards)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for a in awards:
        column = PROVINCE_AWARDS[a["award_type__code"]]
        rows = [1, WAYS.get(a["round_kind"])]
        if a["organisation_id"]:
            rows += [2, 3 if a["organisation__kind"] == Organisation.Kind.ENTERPRISE else None]
        elif a["household_id"]:
            rows.append(4)
        else:
            rows += [5, {"leader": 9, "direct": 10}.get(groups[a["id"]])]
        for row in rows:
            if row is not None:
                counts[row][column] += 1
    table = Table("0603.N/BNV-TĐKT", "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
                  "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", columns=[
                      Column("Nội dung", width=48, wrap=True), Column("Mã số", width=7), Column("Đơn vị tính", width=12),
                      Column("Tổng số (1)", "int"), Column("Bằng khen (2)", "int"),
                      Column("Chiến sĩ thi đua cấp bộ, cấp tỉnh (3)", "int", wrap=True),
                      Column("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
                             "Trung ương (4)", "int", wrap=True),
                      Column("Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố "
                             "trực thuộc Trung ương (5)", "int", wrap=True)])

    def line(label, code, unit="", held=True):
        values = counts[code] if held else [None] * 4
        table.rows.append([label, f"{code:02d}", unit, sum(values) if held else None, *values])

    table.bold.add(0)
    line("Tổng số", 1)
    table.bold.add(len(table.rows))
    table.rows.append(["1. Chia theo đối tượng khen thưởng", "", "", None, None, None, None, None])
    line("- Tập thể", 2, "Tập thể")
    line("Trong đó: doanh nghiệp", 3, "Doanh nghiệp")
    line("- Hộ gia đình", 4, "Hộ")
    line("- Cá nhân", 5, "Người")
    line("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", 6, "Người", held=False)
    line("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", 7, "Người", held=False)
    line("+ Doanh nhân", 8, "Người", held=False)
    line("+ Các cấp lãnh đạo khác từ phó phòng trở lên", 9, "Người")
    line("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân...)",
         10, "Người")
    table.bold.add(len(table.rows))
    table.rows.append(["2. Chia theo phương thức khen thưởng", "", "", None, None, None, None, None])
    line("- Thường xuyên", 11)
    line("- Chuyên đề", 12)
    line("- Đột xuất", 13)
    for label, code in (("- Đối ngoại", 14), ("- Cống hiến", 15), ("- Niên hạn", 16), ("- Kháng chiến", 17)):
        line(label, code, held=False)
    return table


def _dossiers(user, year: int) -> Table:
    """TH-4: the award dossiers of the year's rounds, by where they stand."""
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
    table = Table("TH-4", "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
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
        _movements(user, year), _province_awards(user, year), _by_type(awards, AwardType.Kind.TITLE),
        _by_type(awards, AwardType.Kind.FORM), _by_holder(user, year), _dossiers(user, year)])


def workbook(data: Report) -> bytes:
    """One sheet per table. A form (0601, 0603): its symbol, title, period, reporting and
    receiving units, unit of count, then its rows with their codes. A supporting table of
    ThiĐua's: its own number and title, never an official symbol."""
    book = Book()
    for table in data.tables:
        if table.official:
            name = f"Biểu {table.symbol.split('.')[0]}"
            heading = [f"Biểu số {table.symbol}", table.title, f"Kỳ báo cáo: {data.period}",
                       f"Đơn vị báo cáo: {data.unit}", f"Đơn vị nhận báo cáo: {data.receiver}"]
            if table.unit:
                heading.append(f"Đơn vị tính: {table.unit}")
        else:
            name = f"Bảng {table.symbol}"
            heading = [f"Bảng số liệu {table.symbol} của {data.unit}", table.title, f"Kỳ: {data.period}"]
        sheet = book.sheet(name, table.columns, heading=heading)
        for index, row in enumerate(table.rows):
            sheet.append(row, bold=index in table.bold, data=not (table.official is False and row[0] == ""))
    return book.to_bytes()
