"""The report reader works on a report it has never seen, in the same style: other names,
units, sectors, award phrases; TCVN3 text too."""
from thidua.core.legacy import TCVN3_TABLE
from thidua.exchange.report import parse_award_list, read_report

MADE_UP = """
III. GƯƠNG ĐIỂN HÌNH
2. Những tấm gương tiêu biểu
- Lĩnh vực văn hóa: Các nhà văn hóa thôn hoạt động hiệu quả. Tiêu biểu như Thôn An Lạc với 2 Giấy khen Xã,
1 Bằng khen UBND tỉnh (2022); Cá nhân như Đỗ Minh Khôi (Trưởng thôn An Lạc) với 1 Kỷ niệm chương Bộ
Văn hóa, 2 Giấy khen UBND huyện; Trịnh Thu Hằng (Chủ nhiệm CLB dân ca) với 1 Bằng khen Thủ tướng
Chính phủ (2019).
- Lĩnh vực giáo dục:
+ Bậc học Tiểu học
Thầy Lương Văn Tùng (Hiệu trưởng, Trường Tiểu học Bình Minh)
Chiến sĩ thi đua cấp tỉnh (2023), 03 Bằng khen UBND tỉnh, SKKN cấp huyện 3 năm, hoàn thành xuất
sắc nhiệm vụ.
Cô Hà Thị Ngọc Lan (GV TH Bình Minh) 01 Bằng khen TW Đoàn, 3 Giấy khen Xã, Lao động tiên tiến
(2021, 2022)
+ Bậc học THCS
Cô  Khúc Thị Duyên (giáo viên trường THCS Đông Hải) được 02 Bằng khen Sở GD&ĐT, đạt danh hiệu
CSTĐ cơ sở 02 năm liên tiếp 2022-2023, 2023-2024
- Lĩnh vực quân sự:
+ Cá nhân: Đồng chí Lê Quang Vinh (Chỉ huy trưởng Ban CHQS xã) được tặng Bằng khen UBND tỉnh
(2024), Chiến sĩ thi đua cơ sở, hoàn thành xuất sắc nhiệm vụ quân sự địa phương
- Phong trào hiến đất: ông Ngô Văn Tài thôn An Lạc hiến 200m2 đất làm đường; bà Kiều Thị Mến,
thôn Đông Hải ủng hộ 30 triệu đồng.
IV. KẾT QUẢ KHEN THƯỞNG
Ông Tạ Văn Bình (Chủ tịch UBND xã) ký quyết định.
"""


def _people(records):
    return {r["name"]: r for r in records if r["kind"] == "individual"}


def _awards(record):
    return [(a["code"], a["level"], a["years"], a["count"]) for a in record["awards"]]


def test_a_made_up_report_in_the_same_style():
    people = _people(read_report(MADE_UP.split("IV.")[0]))
    assert set(people) == {"Đỗ Minh Khôi", "Trịnh Thu Hằng", "Lương Văn Tùng", "Hà Thị Ngọc Lan", "Khúc Thị Duyên",
                           "Lê Quang Vinh", "Ngô Văn Tài", "Kiều Thị Mến"}
    khoi = people["Đỗ Minh Khôi"]
    assert (khoi["position"], khoi["unit"], khoi["sector"]) == ("Trưởng thôn An Lạc", "Thôn An Lạc", "văn hóa")
    assert _awards(khoi) == [("KY_NIEM_CHUONG", "Bộ Văn hóa", [], 1), (None, "huyện", [], 2)]
    assert _awards(people["Trịnh Thu Hằng"]) == [("BANG_KHEN_TTG", "Thủ tướng Chính phủ", ["2019"], 1)]
    tung = people["Lương Văn Tùng"]
    assert (tung["position"], tung["unit"], tung["group"], tung["gender"]) == \
        ("Hiệu trưởng", "Trường Tiểu học Bình Minh", "Tiểu học", "M")
    assert _awards(tung) == [("CSTD_TINH", "tỉnh", ["2023"], 1), ("BANG_KHEN_TINH", "tỉnh", [], 3),
                             (None, "huyện", [], 3), ("HTXSNV", None, [], 1)]
    lan = people["Hà Thị Ngọc Lan"]
    assert (lan["position"], lan["unit"]) == ("Giáo viên", "Trường Tiểu học Bình Minh")
    assert _awards(lan) == [(None, "TW Đoàn", [], 1), ("GIAY_KHEN_XA", "xã", [], 3), ("LDTT", None, ["2021", "2022"], 2)]
    duyen = people["Khúc Thị Duyên"]
    assert (duyen["unit"], duyen["group"]) == ("Trường THCS Đông Hải", "THCS")
    assert _awards(duyen) == [(None, "Sở GD&ĐT", [], 2), ("CSTD_CO_SO", "cơ sở", ["2022-2023", "2023-2024"], 2)]
    vinh = people["Lê Quang Vinh"]
    assert (vinh["position"], vinh["sector"]) == ("Chỉ huy trưởng Ban CHQS xã", "quân sự")
    assert _awards(vinh) == [("BANG_KHEN_TINH", "tỉnh", ["2024"], 1), ("CSTD_CO_SO", "cơ sở", [], 1), ("HTXSNV", None, [], 1)]
    assert people["Kiều Thị Mến"]["unit"] == "Thôn Đông Hải" and people["Kiều Thị Mến"]["gender"] == "F"
    assert people["Ngô Văn Tài"]["notes"] == ["hiến 200m2 đất làm đường"]
    collectives = [r for r in read_report(MADE_UP) if r["kind"] == "collective"]
    assert [(c["name"], _awards(c)) for c in collectives] == [
        ("Thôn An Lạc", [("GIAY_KHEN_XA", "xã", [], 2), ("BANG_KHEN_TINH", "tỉnh", ["2022"], 1)])]


def test_a_report_typed_in_tcvn3_reads_the_same():
    inverse = {v: k for k, v in TCVN3_TABLE.items()}
    line = "Cô Hà Thị Ngọc Lan (Giáo viên, Trường Tiểu học Bình Minh) 01 Bằng khen TW Đoàn, 3 Giấy khen Xã"
    legacy = "".join(inverse.get(c, c) for c in line)
    assert legacy != line
    [record] = read_report(legacy)
    assert record["name"] == "Hà Thị Ngọc Lan" and record["unit"] == "Trường Tiểu học Bình Minh"
    assert _awards(record) == [(None, "TW Đoàn", [], 1), ("GIAY_KHEN_XA", "xã", [], 3)]


def test_award_phrases():
    awards, notes = parse_award_list("được Bộ Công an tặng Bằng khen, Đơn vị Quyết thắng (2021, 2022), bồi dưỡng")
    assert [(a["code"], a["level"], a["years"], a["count"]) for a in awards] == [
        (None, "Bộ Công an", [], 1), ("DVQT", None, ["2021", "2022"], 2)]
    assert notes == ["bồi dưỡng"]
    awards, _ = parse_award_list("8 Giấy khen (4 Xã, 2 Huyện, 2 Đảng bộ Xã)")
    assert [(a["code"], a["level"], a["count"]) for a in awards] == [
        ("GIAY_KHEN_XA", "xã", 4), (None, "huyện", 2), (None, "Đảng bộ Xã", 2)]
    awards, _ = parse_award_list("Cờ thi đua của Chính phủ (2020), Huân chương Lao động hạng Ba (2024)")
    assert [a["code"] for a in awards] == ["CO_THI_DUA_CP", "HUAN_CHUONG_LD3"]
