"""Reading the seed report's section III.2 ("Một số gương điển hình…") finds every person it
names, with the awards the text gives: codes of rules.md (or none), issuing level as written,
years as written, and the number of times. The table below was checked line by line against
the report; the parser itself knows no name, unit or phrase of it."""
import json

import pytest
from django.core.management import call_command

from thidua.exchange.report import extract_section, read_report

from thidua.core.tests.seed import SEED
SECTION = "Một số gương điển hình"

# (name, position, unit, [(award text, code, level, years, count), ...])
EXPECTED_PEOPLE = [
    ('Nguyễn Thị Mai', 'Phó Hiệu trưởng', 'Trường Mầm non Hồng Phong', [
        ('Chiến sĩ thi đua cấp tỉnh (2022)', 'CSTD_TINH', 'tỉnh', ('2022',), 1),
        ('SKKN cấp tỉnh (2021)', None, 'tỉnh', ('2021',), 1),
        ('nhiều SKKN cấp huyện', None, 'huyện', (), None),
        ('hoàn thành xuất sắc nhiệm vụ 5 năm liên tục', 'HTXSNV', None, (), 5),
    ]),
    ('Vũ Thị Phương', 'Giáo viên', 'Trường Mầm non Chi Lăng Bắc', [
        ('Bằng khen UBND tỉnh (2025)', 'BANG_KHEN_TINH', 'tỉnh', ('2025',), 1),
        ('SKKN cấp huyện (4 năm)', None, 'huyện', (), 4),
        ('Chiến sĩ thi đua cơ sở nhiều năm', 'CSTD_CO_SO', 'cơ sở', (), None),
    ]),
    ('Bùi Thị Thu', 'Giáo viên', 'Trường Mầm non Hồng Phong', [
        ('Bằng khen UBND tỉnh (2025)', 'BANG_KHEN_TINH', 'tỉnh', ('2025',), 1),
        ('Giấy khen UBND huyện (2021)', None, 'huyện', ('2021',), 1),
    ]),
    ('Nguyễn Thị Ánh', 'Giáo viên', 'Trường Mầm non Chi Lăng Nam', [
        ('Giấy khen Đảng bộ tỉnh', None, 'Đảng bộ tỉnh', (), 1),
        ('nhiều Giấy khen huyện', None, 'huyện', (), None),
        ('SKKN', None, None, (), None),
    ]),
    ('Bùi Thị Phương', 'Giáo viên', 'Trường Mầm non Hồng Phong', [
        ('02 Bằng khen TW Hội LHTN VN', None, 'TW Hội LHTN VN', (), 2),
        ('1 Giấy khen Huyện', None, 'huyện', (), 1),
        ('1 Giấy khen Huyện đoàn', None, 'Huyện đoàn', (), 1),
    ]),
    ('Nguyễn Thị Kim Nga', 'Giáo viên', 'Trường Mầm non Hồng Phong', [
        ('01 Bằng khen UBND Tỉnh', 'BANG_KHEN_TINH', 'tỉnh', (), 1),
        ('2 CSTĐ cơ sở', 'CSTD_CO_SO', 'cơ sở', (), 2),
        ('2 SKKN Huyện', None, 'huyện', (), 2),
    ]),
    ('Vũ Thị Nhạn', 'Giáo viên', 'Trường Mầm non Thanh Giang', [
        ('01 Bằng khen UBND Tỉnh', 'BANG_KHEN_TINH', 'tỉnh', (), 1),
        ('CSTĐ cơ sở 04 năm liên tiếp 2020-2021, 2022-2023, 2023-2024, 2024-2025', 'CSTD_CO_SO', 'cơ sở', ('2020-2021', '2022-2023', '2023-2024', '2024-2025'), 4),
    ]),
    ('Trần Thị Thảo', 'Hiệu trưởng', 'Trường Tiểu học Chi Lăng Nam', [
        ('Bằng khen UBND tỉnh (2025)', 'BANG_KHEN_TINH', 'tỉnh', ('2025',), 1),
        ('Chiến sĩ thi đua cơ sở 4 năm', 'CSTD_CO_SO', 'cơ sở', (), 4),
        ('hoàn thành xuất sắc nhiệm vụ quản lý', 'HTXSNV', None, (), 1),
    ]),
    ('Nguyễn Thị Thu Minh', 'Hiệu trưởng', 'Trường Tiểu học Thanh Giang', [
        ('Bằng khen UBND tỉnh (2024-2025)', 'BANG_KHEN_TINH', 'tỉnh', ('2024-2025',), 1),
        ('SKKN cấp huyện 5 năm', None, 'huyện', (), 5),
    ]),
    ('Nguyễn Thị Anh', 'Giáo viên', 'Trường Tiểu học Chi Lăng Bắc', [
        ('SKKN cấp tỉnh (2020)', None, 'tỉnh', ('2020',), 1),
        ('nhiều Giấy khen huyện', None, 'huyện', (), None),
        ('Đảng viên tiêu biểu', None, None, (), 1),
    ]),
    ('Hoàng Thị Thu Thủy', 'Giáo viên', 'Trường Tiểu học Chi Lăng Nam', [
        ('Giáo viên dạy giỏi cấp tỉnh', None, 'tỉnh', (), 1),
        ('Giấy khen UBND huyện', None, 'huyện', (), 1),
    ]),
    ('Vũ Thị Mỵ', 'Giáo viên - Tổng phụ trách Đội', 'Trường Tiểu học Chi Lăng Bắc', [
        ('01 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 1),
        ('01 Bằng khen của Hội Liên hiệp TNVN', None, 'Hội Liên hiệp TNVN', (), 1),
        ('1 Bằng khen Tỉnh Đoàn', None, 'Tỉnh Đoàn', (), 1),
        ('2 Giấy khen Hội đồng đội Tỉnh', None, 'Hội đồng đội Tỉnh', (), 2),
        ('2 Giấy khen Huyện', None, 'huyện', (), 2),
        ('4 Giấy khen Xã', 'GIAY_KHEN_XA', 'xã', (), 4),
    ]),
    ('Nguyễn Thị Hiền', 'Giáo viên', 'Trường THCS Thanh Giang', [
        ('Bằng khen UBND tỉnh (2022-2023)', 'BANG_KHEN_TINH', 'tỉnh', ('2022-2023',), 1),
        ('SKKN cấp huyện 5 năm', None, 'huyện', (), 5),
    ]),
    ('Vũ Thị Thanh', 'Giáo viên', 'Trường THCS Thanh Giang', [
        ('Bằng khen UBND tỉnh (2020)', 'BANG_KHEN_TINH', 'tỉnh', ('2020',), 1),
        ('Chiến sĩ thi đua cơ sở', 'CSTD_CO_SO', 'cơ sở', (), 1),
        ('hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', None, (), 1),
    ]),
    ('Nguyễn Thị Phương Chi', 'Giáo viên', 'Trường THCS Chi Lăng Bắc', [
        ('Bằng khen Đảng bộ tỉnh (2025)', None, 'Đảng bộ tỉnh', ('2025',), 1),
        ('Giáo viên dạy giỏi tỉnh (2020-2021)', None, 'tỉnh', ('2020-2021',), 1),
        ('nhiều SKKN cấp huyện', None, 'huyện', (), None),
    ]),
    ('Vũ Ngọc Nguyễn', 'Giáo viên', 'Trường THCS Chi Lăng Bắc', [
        ('SKKN cấp ngành (2022)', None, 'ngành', ('2022',), 1),
        ('nhiều Giấy khen huyện', None, 'huyện', (), None),
        ('Đảng viên tiêu biểu', None, None, (), 1),
    ]),
    ('Dương Thị Luyến', 'Giáo viên', 'Trường THCS Hồng Phong', [
        ('Nhiều Giấy khen huyện', None, 'huyện', (), None),
        ('Giấy khen Hội Khuyến học', None, 'Hội Khuyến học', (), None),
        ('SKKN cấp huyện', None, 'huyện', (), 1),
    ]),
    ('Nguyễn Thị Mận', 'Giáo viên', 'Trường THCS Hồng Phong', [
        ('Nhiều Giấy khen Đảng bộ xã', None, 'Đảng bộ xã', (), None),
        ('Giấy khen huyện', None, 'huyện', (), None),
        ('SKKN cấp huyện', None, 'huyện', (), 1),
    ]),
    ('Nguyễn Thị Hà', 'Giáo viên', 'Trường THCS Hồng Phong', [
        ('Nhiều Giấy khen huyện', None, 'huyện', (), None),
        ('Giấy khen Đảng bộ xã', None, 'Đảng bộ xã', (), None),
        ('SKKN cấp huyện', None, 'huyện', (), 1),
    ]),
    ('Nguyễn Thị Lan Anh', 'Trạm trưởng', 'Trạm Y tế xã Nam Thanh Miện số 4', [
        ('1 Kỷ niệm chương Bộ Y tế', 'KY_NIEM_CHUONG', 'Bộ Y tế', (), 1),
        ('2 Giấy khen Sở Y tế Tỉnh', None, 'Sở Y tế Tỉnh', (), 2),
    ]),
    ('Vũ Thị Thêu', 'Trạm trưởng', 'Trạm Y tế xã Nam Thanh Miện số 3', [
        ('1 Kỷ niệm chương Bộ Y tế', 'KY_NIEM_CHUONG', 'Bộ Y tế', (), 1),
        ('2 Giấy khen Sở Y tế Tỉnh', None, 'Sở Y tế Tỉnh', (), 2),
    ]),
    ('Đào Duy Kiên', 'Phó Trưởng Công an xã', 'Công an xã', [
        ('Bằng khen UBND tỉnh (2023)', 'BANG_KHEN_TINH', 'tỉnh', ('2023',), 1),
        ('Chiến sĩ thi đua cơ sở', 'CSTD_CO_SO', 'cơ sở', (), 1),
        ('hoàn thành xuất sắc nhiệm vụ an ninh', 'HTXSNV', None, (), 1),
    ]),
    ('Vũ Đình Ba', None, 'Phòng Văn hóa - Xã hội', [
        ('2 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 2),
        ('1 Bằng khen TW Hội CTĐ', None, 'TW Hội CTĐ', (), 1),
        ('1 Bằng khen Đoàn Tỉnh', None, 'Đoàn Tỉnh', (), 1),
        ('6 Giấy khen Tỉnh', None, 'tỉnh', (), 6),
    ]),
    ('Lê Bình Giang', None, 'Trung tâm Phục vụ hành chính công', [
        ('2 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 2),
        ('1 Bằng khen UBND Tỉnh', 'BANG_KHEN_TINH', 'tỉnh', (), 1),
    ]),
    ('Vũ Thị Mỵ', 'Tổng phụ trách Đội', 'Trường Tiểu học Chi Lăng Bắc', [
        ('2 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 2),
        ('1 Bằng khen Tỉnh Đoàn', None, 'Tỉnh Đoàn', (), 1),
    ]),
    ('Nguyễn Thúy Hoa', 'Bí thư Đoàn xã', 'Đoàn xã', [
        ('1 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 1),
        ('2 Bằng khen Tỉnh Đoàn', None, 'Tỉnh Đoàn', (), 2),
    ]),
    ('Phạm Thị Bạch Yến', 'Chủ tịch Hội Phụ nữ xã', 'Hội Phụ nữ xã', [
        ('2 Bằng khen Hội LHPN Tỉnh', None, 'Hội LHPN Tỉnh', (), 2),
        ('01 giấy khen NHCSXH tỉnh', None, 'NHCSXH tỉnh', (), 1),
        ('1 Kỷ niệm chương TW Hội Phụ nữ', 'KY_NIEM_CHUONG', 'TW Hội Phụ nữ', (), 1),
    ]),
    ('Nguyễn Thị Kim Nhài', 'Chi hội trưởng Phụ nữ', 'Thôn Hội Yên', [
        ('2 Bằng khen Hội LHPN Tỉnh', None, 'Hội LHPN Tỉnh', (), 2),
    ]),
    ('Đinh Thị Sen', 'Chuyên viên', 'MTTQ', [
        ('2 Bằng khen Hội LHPN Tỉnh', None, 'Hội LHPN Tỉnh', (), 2),
        ('1 Kỷ niệm chương TW Hội Khuyến học', 'KY_NIEM_CHUONG', 'TW Hội Khuyến học', (), 1),
    ]),
    ('Phạm Ngọc Gốt', None, 'Thôn Thống nhất', [
    ]),
    ('Trần Văn Khảm', None, 'Thôn Phú Khê', [
    ]),
    ('Vũ Đình Thúy', None, 'Thôn Triều Dương', [
    ]),
    ('Bùi Hữu Đồi', None, 'Thôn Phù Tải 1', [
    ]),
    ('Vũ Văn Xa', None, 'Thôn Tiên Động', [
    ]),
    ('Vũ Văn Hưng', None, 'Thôn Tào Khê', [
    ]),
    ('Phan Đắc Thược', None, 'Thôn Hội Yên', [
    ]),
    ('Phan Đắc Thống', None, 'Thôn Hội Yên', [
    ]),
    ('Vũ Duy Triển', None, 'Thôn Hội Yên', [
    ]),
    ('Vũ Văn Phong', None, 'Thôn Triều Dương', [
    ]),
    ('Vũ Thông Hoa', None, 'Thôn Phù Tải 1', [
    ]),
    ('Vũ Đình Chinh', None, 'Thôn Thống Nhất', [
    ]),
]
# (unit, [(award text, code, level, years, count), ...])
EXPECTED_COLLECTIVES = [
    ('Trường THCS Thanh Giang', [
        ('2 Bằng khen Bộ GD&ĐT', None, 'Bộ GD&ĐT', (), 2),
        ('2 giấy khen Tập thể LĐXS', 'TTLDXS', None, (), 2),
        ('3 giấy khen Tập thể LĐTT', 'TTLDTT', None, (), 3),
        ('5 Giấy khen UBND Huyện', None, 'huyện', (), 5),
    ]),
    ('Trường Tiểu học Chi Lăng Nam', [
        ('1 Cờ thi đua UBND Tỉnh', 'CO_THI_DUA_TINH', 'tỉnh', (), 1),
        ('1 giấy khen Tập thể LĐXS', 'TTLDXS', None, (), 1),
        ('4 năm đạt Tập thể LĐTT', 'TTLDTT', None, (), 4),
    ]),
    ('Trường Tiểu học Thanh Giang', [
        ('Tập thể Lao động Xuất sắc cấp tỉnh (2023-2024)', 'TTLDXS', 'tỉnh', ('2023-2024',), 1),
        ('nhiều Giấy khen của Chủ tịch UBND tỉnh', None, 'tỉnh', (), None),
        ('Giấy khen huyện', None, 'huyện', (), None),
    ]),
    ('Trạm Y tế xã Nam Thanh Miện (số 1 và số 3)', [
        ('4 Giấy khen Sở Y tế Tỉnh', None, 'Sở Y tế Tỉnh', (), 4),
        ('1 Giấy khen Công đoàn Tỉnh mỗi trạm', None, 'Công đoàn Tỉnh', (), 1),
    ]),
    ('Công an xã Chi Lăng Nam (cũ)', [
        ('Bằng khen', None, 'Bộ Công an', (), 1),
        ('Đơn vị Quyết thắng (2021, 2022, 2023)', 'DVQT', None, ('2021', '2022', '2023'), 3),
        ('hoàn thành xuất sắc nhiệm vụ an ninh trật tự địa phương', 'HTXSNV', None, (), 1),
    ]),
    ('Đoàn TNCS Hồ Chí Minh xã Chi Lăng Nam', [
        ('2 Bằng khen TW Đoàn', None, 'TW Đoàn', (), 2),
        ('1 Cờ thi đua TW Đoàn', None, 'TW Đoàn', (), 1),
        ('3 Bằng khen Tỉnh Đoàn', None, 'Tỉnh Đoàn', (), 3),
        ('2 băng khen UBND tỉnh', 'BANG_KHEN_TINH', 'tỉnh', (), 2),
        ('1 bằng khen hội LHTN tỉnh', None, 'hội LHTN tỉnh', (), 1),
    ]),
    ('Hội Phụ nữ xã Chi Lăng Bắc', [
        ('3 Bằng khen Hội LHPN Tỉnh', None, 'Hội LHPN Tỉnh', (), 3),
    ]),
    ('Thôn Triều Dương', [
        ('1 Giấy khen Sở VHTTDL Tỉnh', None, 'Sở VHTTDL Tỉnh', (), 1),
        ('3 Giấy khen Huyện', None, 'huyện', (), 3),
        ('5 Giấy khen Xã', 'GIAY_KHEN_XA', 'xã', (), 5),
    ]),
    ('Chi hội thôn Tiên Động', [
        ('4 Giấy khen Xã', 'GIAY_KHEN_XA', 'xã', (), 4),
        ('2 Giấy khen Huyện', None, 'huyện', (), 2),
        ('2 Giấy khen Đảng bộ Xã', None, 'Đảng bộ Xã', (), 2),
    ]),
]


@pytest.fixture(scope="module")
def records():
    return read_report(extract_section(SEED.read_text(encoding="utf-8"), SECTION))


def _table(record):
    return [(a["text"], a["code"], a["level"], tuple(a["years"]), a["count"]) for a in record["awards"]]


def test_section_iii_2_yields_every_person_with_their_awards(records):
    people = [r for r in records if r["kind"] == "individual"]
    found = [(r["name"], r["position"], r["unit"], _table(r)) for r in people]
    assert [f[0] for f in found] == [e[0] for e in EXPECTED_PEOPLE]
    for got, expected in zip(found, EXPECTED_PEOPLE):
        assert got == expected, got[0]


def test_section_iii_2_collectives_are_proposed_too(records):
    collectives = [(r["name"], _table(r)) for r in records if r["kind"] == "collective"]
    assert collectives == EXPECTED_COLLECTIVES


def test_sectors_groups_and_honorifics(records):
    by_name = {r["name"]: r for r in records}
    assert by_name["Nguyễn Thị Mai"]["sector"] == "giáo dục" and by_name["Nguyễn Thị Mai"]["group"] == "Mầm non"
    assert by_name["Nguyễn Thị Hiền"]["group"] == "THCS"
    assert by_name["Đào Duy Kiên"]["sector"] == "An ninh trật tự"
    assert by_name["Vũ Ngọc Nguyễn"]["gender"] == "M" and by_name["Trần Thị Thảo"]["gender"] == "F"
    assert by_name["Bùi Thị Thu"]["notes"] == ["thành tích xuất sắc trong hội thi giáo viên giỏi"]


def test_the_command_prints_the_records_as_json(capsys):
    call_command("read_report", str(SEED), "--section", SECTION)
    data = json.loads(capsys.readouterr().out)
    assert {"name", "position", "unit", "sector", "awards"} <= set(data[0])
    assert {r["name"] for r in data} >= {e[0] for e in EXPECTED_PEOPLE}
