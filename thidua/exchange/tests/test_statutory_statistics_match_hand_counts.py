"""The yearly statistical tables of a small commune built by hand: the two forms the data fills
(0601 số phong trào thi đua and 0603 khen thưởng cấp tỉnh, in the layout of the forms with those
symbols, row codes included) and ThiĐua's supporting tables (TH-1 … TH-4) — every figure equals a
count made here; the Excel file has the forms' heading (symbol, title, period, reporting and
receiving units, unit of count), never a symbol for a table that is not the form, nor a remark
on what is unverified (the administrator's page and docs/statistics.md say that)."""
import datetime
import io

import pytest
from openpyxl import load_workbook

from thidua.awards.models import Award, AwardType
from thidua.exchange import statistics
from thidua.movements.models import Movement
from thidua.org.models import Organisation

from .national_world import build

pytestmark = pytest.mark.django_db


def _rows(table):
    return {row[1]: row[2:] for row in table.rows}


def _form(table):
    """Row code -> its figures (total, then the form's columns)."""
    return {row[1]: row[2:] for row in table.rows if row[1]} if table.symbol.startswith("0601") else {
        row[1]: row[3:] for row in table.rows if row[1]}


def test_the_movements_form_counts_by_level_scope_span_and_way():
    w = build()  # one regular movement of the commune for 2025, no dates
    Movement.objects.create(commune=w.commune, name="Thi đua chuyên đề chuyển đổi số", level="commune",
                            kind="thematic", start_date=datetime.date(2025, 3, 1), end_date=datetime.date(2025, 6, 30))
    Movement.objects.create(commune=w.commune, name="Thi đua xây dựng nông thôn mới 2021–2025", level="city",
                            kind="regular", year=2025, start_date=datetime.date(2021, 1, 1),
                            end_date=datetime.date(2025, 12, 31))
    form = _form(statistics.report(user=w.officer, year=2025).table("0601"))
    # columns: total (1=2+3+4), central (2), province (3), agency or commune (4)
    assert form["01"] == [3, 0, 1, 2]
    assert form["02"] == [0, 0, 0, 0] and form["03"] == [1, 0, 1, 0] and form["05"] == [2, 0, 0, 2]
    assert form["06"] == [1, 0, 0, 1]   # March–June
    assert form["07"] == [1, 0, 0, 1]   # the year's regular movement
    assert form["10"] == [1, 0, 1, 0]   # five years
    assert form["11"] == [1, 0, 0, 1] and form["12"] == [2, 0, 1, 1]
    assert list(form) == [f"{n:02d}" for n in range(1, 13)]


def test_a_clusters_movement_is_on_the_clusters_row_of_the_provinces_form():
    from thidua.accounts.models import Role, User
    from thidua.clusters.models import Cluster, ClusterYear
    from thidua.org.models import EmulationBlock

    w = build()
    city = w.commune.parent
    cluster = Cluster.objects.create(city=city, name="Cụm thống kê thử")
    movement = Movement.objects.create(commune=city, name="Thi đua cụm thống kê thử", level="city", kind="regular",
                                       year=2025)
    ClusterYear.objects.create(cluster=cluster, year=2025, movement=movement,
                               block=EmulationBlock.objects.create(commune=city, year=2025, name=cluster.name))
    officer = User.objects.create_user(username="cb-tinh-thong-ke", password="mat-khau-thu-nghiem-9",
                                       role=Role.OFFICER, unit=city)
    province = _form(statistics.report(user=officer, year=2025).table("0601"))
    assert province["04"] == [1, 0, 1, 0]
    commune = _form(statistics.report(user=w.officer, year=2025).table("0601"))
    assert commune["04"] == [0, 0, 0, 0]  # the city's cluster movement is not the commune's own


def test_the_province_level_awards_form_counts_by_subject_and_way():
    w = build()
    city = w.commune.parent
    firm = Organisation.objects.create(code="dn-thu-nghiem-qg", name="Hợp tác xã Thử Nghiệm", kind="enterprise",
                                       parent=w.commune)

    def award(code, round_kind="", issuer=None, revoked=False, **subject):
        Award.objects.create(award_type=AwardType.objects.get(code=code), year=2025, issuer=issuer or city,
                             issuer_name="UBND thành phố", decision_number="99/QĐ-UBND", round_kind=round_kind,
                             decision_date=datetime.date(2025, 12, 1), revoked=revoked, **subject)

    award("BANG_KHEN_TINH", "year_end", person=w.binh)             # a direct worker
    award("BANG_KHEN_TINH", "year_end", household=w.household)
    award("BANG_KHEN_TINH", "year_end", person=w.lan, revoked=True)  # not counted
    award("CSTD_TINH", "thematic", person=w.hung)                   # a leader (Hiệu trưởng)
    award("CO_THI_DUA_TINH", organisation=firm)                     # a business, no round
    award("KY_NIEM_CHUONG", "sudden_feat", person=w.lan)            # the city's
    award("KY_NIEM_CHUONG", "sudden_feat", person=w.hung, issuer=w.commune)  # not the province's level
    form = _form(statistics.report(user=w.officer, year=2025).table("0603"))
    # columns: total, Bằng khen, CSTĐ cấp tỉnh, Cờ thi đua, Huy hiệu (kỷ niệm chương)
    assert form["01"] == [5, 2, 1, 1, 1]
    assert form["02"] == [1, 0, 0, 1, 0] and form["03"] == [1, 0, 0, 1, 0]
    assert form["04"] == [1, 1, 0, 0, 0] and form["05"] == [3, 1, 1, 0, 1]
    assert form["09"] == [1, 0, 1, 0, 0] and form["10"] == [1, 1, 0, 0, 0]
    assert form["06"] == [None] * 5 and form["16"] == [None] * 5  # facts ThiĐua does not hold: blank
    assert form["11"] == [2, 2, 0, 0, 0] and form["12"] == [1, 0, 1, 0, 0] and form["13"] == [1, 0, 0, 0, 1]


def test_the_supporting_tables_equal_counts_made_by_hand():
    w = build()
    report = statistics.report(user=w.officer, year=2025)
    assert not report.has("0602") and not report.has("0604") and not report.has("0605")
    # TH-1 titles — columns: total, individuals, of whom women, collectives, households.
    titles = _rows(report.table("TH-1"))
    assert titles["Lao động tiên tiến"] == [1, 1, 1, 0, 0]          # Lan (2025 only, not 2024)
    assert titles["Chiến sĩ thi đua cơ sở"] == [1, 1, 0, 0, 0]       # Hùng
    assert titles["Tập thể lao động tiên tiến"] == [1, 0, 0, 1, 0]   # the school
    assert titles["Gia đình văn hóa"] == [1, 0, 0, 0, 1]             # the household
    assert titles["Tổng cộng"] == [4, 2, 1, 1, 1]
    # TH-2 forms: the commune's Giấy khen to Lan and Bình; Hùng's revoked one is not counted.
    forms = _rows(report.table("TH-2"))
    assert forms["Tổng cộng"] == [2, 2, 1, 0, 0] and len(forms) == 2
    # TH-3: 4 awards to people — 1 to a leader (Hùng, Hiệu trưởng), 1 to a direct worker
    # (Bình), 2 to staff (Lan); 2 to women; the school and the household on their own lines.
    holders = {label: values[0] for label, values in _rows(report.table("TH-3")).items()}
    assert holders == {"Cá nhân": 4, "Trong đó: lãnh đạo, quản lý": 1,
                       "Trong đó: cán bộ, công chức, viên chức, chiến sĩ": 2,
                       "Trong đó: người trực tiếp lao động sản xuất": 1, "Trong đó: nữ": 2,
                       "Tập thể": 1, "Hộ gia đình": 1}
    assert _rows(report.table("TH-3"))["Trong đó: nữ"][1] == 50.0
    # TH-4: no dossier in the year.
    assert _rows(report.table("TH-4"))["Hồ sơ đề nghị đã nộp"] == [0]


def test_the_workbook_has_the_forms_heading_and_the_figures(client):
    w = build()
    client.force_login(w.officer)
    response = client.get("/du-lieu/quoc-gia/bieu-thong-ke.xlsx?nam=2025")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Biểu 0601", "Biểu 0603", "Bảng TH-1", "Bảng TH-2", "Bảng TH-3", "Bảng TH-4"]
    sheet = book["Biểu 0601"]
    heading = [sheet.cell(row=r, column=1).value for r in range(1, 7)]
    assert heading[0] == "Biểu số 0601.N/BNV-TĐKT" and heading[1] == "SỐ PHONG TRÀO THI ĐUA"
    assert heading[2] == "Kỳ báo cáo: Năm 2025 (từ ngày 01/01/2025 đến ngày 31/12/2025)"
    assert heading[3] == "Đơn vị báo cáo: Ủy ban nhân dân xã Thử Nghiệm"
    assert heading[4].startswith("Đơn vị nhận báo cáo: Sở Nội vụ") and heading[5] == "Đơn vị tính: Phong trào"
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=8)]
    assert ["Tổng số", "01", 1, 0, 0, 1] in values
    titles = book["Bảng TH-1"]
    assert titles.cell(row=1, column=1).value == "Bảng số liệu TH-1 của Ủy ban nhân dân xã Thử Nghiệm"
    assert ["Tổng cộng", 4, 2, 1, 1, 1] in [[c.value for c in row][1:] for row in titles.iter_rows(min_row=4)]
    text = [str(c.value or "") for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    # no claim the file cannot back: no circular named, nothing "unverified", no symbol on ThiĐua's own tables
    assert not any("kiểm chứng" in t or "Thông tư" in t or "0602" in t or "0605" in t for t in text)


def test_the_page_cites_the_circular_and_tells_the_administrator_what_is_not_verified(client):
    w = build()
    client.force_login(w.officer)
    html = client.get("/du-lieu/quoc-gia/").content.decode()
    assert "Thông tư số 18/2025/TT-BNV" in html and "kiểm chứng" not in html
    client.force_login(w.admin)
    html = client.get("/du-lieu/quoc-gia/").content.decode()
    assert "Thông tư số 18/2025/TT-BNV" in html and "Chưa kiểm chứng" in html and "02/2023/TT-BNV" in html


def test_a_province_user_reports_for_the_province_to_the_ministry():
    from thidua.accounts.models import Role, User

    w = build()
    city = w.commune.parent
    province_officer = User.objects.create_user(username="cb-tinh-thu-nghiem", password="mat-khau-thu-nghiem-9",
                                                role=Role.OFFICER, unit=city, first_name="Cán bộ Ban TĐKT")
    commune_report = statistics.report(user=w.officer, year=2025)
    province_report = statistics.report(user=province_officer, year=2025)
    assert province_report.unit == f"Ủy ban nhân dân {city.name[:1].lower()}{city.name[1:]}"
    assert province_report.receiver == "Bộ Nội vụ"
    assert commune_report.receiver == f"Sở Nội vụ {city.name}"
    # The province's tables hold the commune's awards, and more (the other communes').
    for symbol in ("TH-1", "TH-2"):
        province_total = _rows(province_report.table(symbol))["Tổng cộng"][0]
        assert province_total >= _rows(commune_report.table(symbol))["Tổng cộng"][0]
    assert _rows(province_report.table("TH-1"))["Gia đình văn hóa"][4] >= 1
