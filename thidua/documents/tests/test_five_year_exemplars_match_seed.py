"""Section III.2 "Một số gương điển hình" of the demo commune's five-year report lists the
seed's people and collectives, in the seed's sector groups, with the awards the seed gives
them — all of it built from the ledger."""
import pytest

from thidua.awards.models import Award
from thidua.documents.reports import builder, exemplars, output

from .conftest import docx_text

SEED_SOURCE = "Dữ liệu mẫu theo báo cáo tổng kết"

# (sector, sub-group or "") -> {name: [phrases the seed's wording maps to]}
SEED_PEOPLE = {
    ("giao_duc", "mam_non"): {
        "Nguyễn Thị Mai": ["Chiến sĩ thi đua cấp tỉnh (2022)", "SKKN cấp tỉnh (2021)", "SKKN cấp huyện",
                           "hoàn thành xuất sắc nhiệm vụ 5 năm liên tục"],
        "Vũ Thị Phương": ["Bằng khen UBND tỉnh (2025)", "4 SKKN cấp huyện", "Chiến sĩ thi đua cơ sở"],
        "Bùi Thị Thu": ["Bằng khen UBND tỉnh (2025)", "Giấy khen UBND huyện (2021)", "hội thi giáo viên giỏi"],
        "Nguyễn Thị Ánh": ["Đảng bộ tỉnh", "Giấy khen UBND huyện", "SKKN", "hiến máu"],
        "Bùi Thị Phương": ["2 Bằng khen TW Hội LHTN", "Giấy khen UBND huyện", "Giấy khen Huyện đoàn"],
        "Nguyễn Thị Kim Nga": ["Bằng khen UBND tỉnh", "Chiến sĩ thi đua cơ sở 2 năm", "2 SKKN cấp huyện"],
        "Vũ Thị Nhạn": ["Bằng khen UBND tỉnh",
                        "Chiến sĩ thi đua cơ sở 4 năm (2020-2021, 2022-2023, 2023-2024, 2024-2025)"],
    },
    ("giao_duc", "tieu_hoc"): {
        "Trần Thị Thảo": ["Bằng khen UBND tỉnh (2025)", "Chiến sĩ thi đua cơ sở 4 năm"],
        "Nguyễn Thị Thu Minh": ["Bằng khen UBND tỉnh (2024-2025)", "5 SKKN cấp huyện"],
        "Nguyễn Thị Anh": ["SKKN cấp tỉnh (2020)", "Giấy khen UBND huyện", "Đảng viên tiêu biểu",
                           "bồi dưỡng học sinh giỏi"],
        "Hoàng Thị Thu Thủy": ["Giáo viên dạy giỏi cấp tỉnh", "Giấy khen UBND huyện"],
        "Vũ Thị Mỵ": ["2 Bằng khen TW Đoàn", "Bằng khen TW Hội LHTN", "Bằng khen Tỉnh Đoàn",
                      "2 Giấy khen Hội đồng Đội tỉnh", "2 Giấy khen UBND huyện", "4 Giấy khen UBND xã"],
    },
    ("giao_duc", "thcs"): {
        "Nguyễn Thị Hiền": ["Bằng khen UBND tỉnh (2022-2023)", "5 SKKN cấp huyện"],
        "Vũ Thị Thanh": ["Bằng khen UBND tỉnh (2020)", "Chiến sĩ thi đua cơ sở"],
        "Nguyễn Thị Phương Chi": ["Bằng khen Đảng bộ tỉnh (2025)", "Giáo viên dạy giỏi tỉnh (2020-2021)",
                                  "SKKN cấp huyện"],
        "Vũ Ngọc Nguyễn": ["SKKN", "Giấy khen UBND huyện", "Đảng viên tiêu biểu"],
        "Dương Thị Luyến": ["Giấy khen UBND huyện", "Hội Khuyến học", "SKKN cấp huyện"],
        "Nguyễn Thị Mận": ["Giấy khen Đảng bộ xã", "Giấy khen UBND huyện", "SKKN cấp huyện"],
        "Nguyễn Thị Hà": ["Giấy khen UBND huyện", "Giấy khen Đảng bộ xã", "SKKN cấp huyện", "Toán/Tin học"],
    },
    ("y_te", ""): {
        "Nguyễn Thị Lan Anh": ["Kỷ niệm chương Bộ Y tế", "2 Giấy khen Sở Y tế tỉnh"],
        "Vũ Thị Thêu": ["Kỷ niệm chương Bộ Y tế", "2 Giấy khen Sở Y tế tỉnh"],
    },
    ("an_ninh", ""): {"Đào Duy Kiên": ["Bằng khen UBND tỉnh (2023)", "Chiến sĩ thi đua cơ sở"]},
    ("mttq", "doan"): {
        "Vũ Đình Ba": ["2 Bằng khen TW Đoàn", "Bằng khen TW Hội Chữ thập đỏ", "Bằng khen Tỉnh Đoàn"],
        "Lê Bình Giang": ["2 Bằng khen TW Đoàn", "Bằng khen UBND tỉnh"],
        "Vũ Thị Mỵ": ["2 Bằng khen TW Đoàn (2021, 2023)", "Bằng khen Tỉnh Đoàn (2022)"],
        "Nguyễn Thúy Hoa": ["Bằng khen TW Đoàn", "2 Bằng khen Tỉnh Đoàn"],
    },
    ("mttq", "phu_nu"): {
        "Phạm Thị Bạch Yến": ["2 Bằng khen Hội LHPN tỉnh", "Giấy khen NHCSXH tỉnh", "Kỷ niệm chương TW Hội LHPN"],
        "Nguyễn Thị Kim Nhài": ["2 Bằng khen Hội LHPN tỉnh"],
        "Đinh Thị Sen": ["2 Bằng khen Hội LHPN tỉnh", "Kỷ niệm chương TW Hội Khuyến học"],
    },
    ("hien_dat", ""): {
        "Phạm Ngọc Gốt": ["123 m²"], "Trần Văn Khảm": ["120 m²"], "Vũ Đình Thúy": ["60.000.000 đồng"],
        "Bùi Hữu Đồi": ["31 m²", "20.000.000 đồng"],
    },
    ("sxkd", ""): {
        "Vũ Văn Xa": ["kinh doanh giỏi"], "Vũ Văn Hưng": ["đào, quất, ổi"], "Phan Đắc Thược": ["OCOP"],
        "Phan Đắc Thống": ["vật liệu xây dựng"], "Vũ Duy Triển": ["bánh đa tự động"], "Vũ Văn Phong": ["Phong Cò"],
        "Vũ Thông Hoa": ["trồng hoa"], "Vũ Đình Chinh": ["VAC"],
    },
}
SEED_COLLECTIVES = {
    ("giao_duc", ""): {
        "Trường THCS Thanh Giang": ["2 Bằng khen Bộ GD&ĐT", "Tập thể lao động xuất sắc 2 năm", "5 Giấy khen UBND huyện"],
        "Trường Tiểu học Chi Lăng Nam": ["Cờ thi đua UBND tỉnh", "Tập thể lao động xuất sắc",
                                         "Tập thể lao động tiên tiến 4 năm"],
        "Trường Tiểu học Thanh Giang": ["Tập thể lao động xuất sắc (2024)", "Giấy khen UBND huyện"],
    },
    ("y_te", ""): {
        "Trạm Y tế xã Nam Thanh Miện số 1": ["4 Giấy khen Sở Y tế tỉnh", "Giấy khen Công đoàn tỉnh"],
        "Trạm Y tế xã Nam Thanh Miện số 3": ["4 Giấy khen Sở Y tế tỉnh", "Giấy khen Công đoàn tỉnh"],
    },
    ("an_ninh", ""): {"Công an xã Chi Lăng Nam (cũ)": ["Bằng khen Bộ Công an", "Đơn vị quyết thắng 3 năm (2021, 2022, 2023)"]},
    ("mttq", "doan"): {"Đoàn TNCS Hồ Chí Minh xã Chi Lăng Nam (cũ)": [
        "2 Bằng khen TW Đoàn", "Cờ thi đua TW Đoàn", "3 Bằng khen Tỉnh Đoàn", "2 Bằng khen UBND tỉnh",
        "Bằng khen Hội LHTN tỉnh"]},
    ("mttq", "phu_nu"): {"Hội Phụ nữ xã Chi Lăng Bắc (cũ)": ["3 Bằng khen Hội LHPN tỉnh"]},
    ("thon", ""): {
        "Thôn Triều Dương": ["Giấy khen Sở VHTTDL tỉnh", "3 Giấy khen UBND huyện", "5 Giấy khen UBND xã"],
        "Thôn Tiên Động": ["4 Giấy khen UBND xã", "2 Giấy khen UBND huyện", "2 Giấy khen Đảng bộ xã"],
    },
}
SEED_SECTOR_ORDER = ["giao_duc", "y_te", "an_ninh", "mttq", "thon", "hien_dat", "sxkd"]


@pytest.fixture
def report(commune):
    return builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)


def _listed(report, kind: str) -> dict[tuple[str, str], dict[str, exemplars.Exemplar]]:
    out = {}
    for group in report.exemplars:
        holders = [(group.key, "", group)] + [(group.key, s.key, s) for s in group.subgroups]
        for sector, sub, holder in holders:
            items = holder.people if kind == "people" else holder.collectives
            out[(sector, sub)] = {e.name: e for e in items}
    return out


def _explained_by_new_records(name: str) -> bool:
    """A person the seed does not name may appear only for a ledger record written after the
    seed's histories (a later decision), never from the seed's own data."""
    return Award.objects.filter(person__full_name=name, revoked=False).exclude(
        award_type__code__in=["LDTT", "CSTT", "GIA_DINH_VAN_HOA"]).exclude(source__startswith=SEED_SOURCE).exists()


def test_sector_groups_come_in_the_seed_order(report):
    keys = [g.key for g in report.exemplars]
    assert [k for k in keys if k in SEED_SECTOR_ORDER] == SEED_SECTOR_ORDER
    education = next(g for g in report.exemplars if g.key == "giao_duc")
    assert [s.label for s in education.subgroups] == ["Bậc học Mầm non", "Cấp Tiểu học", "Cấp THCS"]


@pytest.mark.parametrize("where", list(SEED_PEOPLE))
def test_each_group_lists_the_seed_people_with_their_awards(report, where):
    listed = _listed(report, "people").get(where, {})
    expected = SEED_PEOPLE[where]
    missing = sorted(set(expected) - set(listed))
    assert not missing, f"{where}: missing {missing}"
    for name, phrases in expected.items():
        summary = listed[name].summary
        for phrase in phrases:
            assert phrase in summary, f"{name}: “{phrase}” not in “{summary}”"
    extras = [n for n in set(listed) - set(expected) if not _explained_by_new_records(n)]
    assert not extras, f"{where}: not in the seed: {extras}"


@pytest.mark.parametrize("where", list(SEED_COLLECTIVES))
def test_each_group_lists_the_seed_collectives_with_their_awards(report, where):
    listed = _listed(report, "collectives").get(where, {})
    expected = SEED_COLLECTIVES[where]
    assert set(expected) <= set(listed), f"{where}: missing {sorted(set(expected) - set(listed))}"
    for name, phrases in expected.items():
        for phrase in phrases:
            assert phrase in listed[name].summary, f"{name}: “{phrase}” not in “{listed[name].summary}”"


def test_vu_thi_my_appears_twice_as_in_the_seed_the_second_time_with_union_awards_only(report):
    listed = _listed(report, "people")
    primary = listed[("giao_duc", "tieu_hoc")]["Vũ Thị Mỵ"]
    union = listed[("mttq", "doan")]["Vũ Thị Mỵ"]
    assert "Giấy khen UBND xã" in primary.summary
    assert union.items == ["2 Bằng khen TW Đoàn (2021, 2023)", "Bằng khen Tỉnh Đoàn (2022)"]


def test_the_docx_prints_the_exemplars_under_their_sector_headings(report):
    text = docx_text(output.render_report_docx(report))
    assert "2. Một số gương điển hình được nhân rộng, biểu dương" in text
    positions = [text.index(f"- {label}: ") for label in (
        "Lĩnh vực giáo dục", "Lĩnh vực y tế", "Lĩnh vực An ninh trật tự",
        "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", "Các thôn, xóm", "Phong trào hiến đất làm đường",
        "Tập thể, cá nhân sản xuất, kinh doanh giỏi")]
    assert positions == sorted(positions)
    assert "Cô Nguyễn Thị Mai (Phó Hiệu trưởng, Trường Mầm non Hồng Phong): Chiến sĩ thi đua cấp tỉnh (2022)" in text
    assert "+ Bậc học Mầm non" in text and "+ Cấp THCS" in text and "+ Công tác Đoàn thanh niên" in text
    # The seed's own lead sentence of the education sector, then the schools from the ledger.
    assert ("Các trường mầm non, tiểu học, trung học cơ sở trên địa bàn xã đạt tập thể lao động tiên tiến "
            "nhiều năm liền. Tiêu biểu như") in text
