"""The report's statistics are counted from the ledger: an independent count through the
awards app's scoped ledger gives the same numbers, in the DOCX and in the Excel workbook."""
import io

import openpyxl
import pytest

from thidua.awards import selectors as award_selectors
from thidua.awards.models import Award, AwardType
from thidua.documents.reports import builder, output

from .conftest import docx_text

YEARS = range(2021, 2026)


@pytest.fixture
def report(commune):
    return builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)


@pytest.fixture
def ledger(demo_user):
    officer = demo_user("canbotdkt")  # commune-wide scope: the commune and its former bodies
    return award_selectors.ledger(user=officer).filter(revoked=False)


def _table(report, key):
    return next(t for t in report.tables if t.key == key)


def test_awards_per_year_and_subject_match_a_count_in_the_database(report, ledger):
    by_year = _table(report, "by_year")
    for year in YEARS:
        awards = ledger.filter(year=year)
        assert by_year.value(str(year), column="Tổng số") == awards.count()
        assert by_year.value(str(year), column="Cá nhân") == awards.filter(person__isnull=False).count()
        assert by_year.value(str(year), column="Tập thể") == awards.filter(organisation__isnull=False).count()
        money = sum(a.amount or 0 for a in awards)
        assert by_year.value(str(year), column="Tiền thưởng (đồng)") == money
    assert by_year.value("Cộng", column="Tổng số") == ledger.filter(year__in=YEARS).count()


@pytest.mark.parametrize("code, subject", [("BANG_KHEN_TINH", "Cá nhân"), ("CSTD_CO_SO", "Cá nhân"),
                                           ("LDTT", "Cá nhân"), ("GIAY_KHEN_HUYEN", "Tập thể"),
                                           ("BANG_KHEN_TW_DOAN_THE", "Cá nhân")])
def test_each_title_and_form_per_year_matches_a_count_in_the_database(report, ledger, code, subject):
    by_type = _table(report, "by_type")
    name = AwardType.objects.get(code=code).name
    field = "person__isnull" if subject == "Cá nhân" else "organisation__isnull"
    for year in YEARS:
        expected = ledger.filter(year=year, award_type__code=code, **{field: False}).count()
        assert by_type.value(name, subject, column=str(year)) == expected, (code, year)


def test_issuing_levels_add_up_and_a_provincial_bang_khen_counts_as_provincial(report, ledger):
    by_level = _table(report, "by_level")
    total = sum(row.cells[-1] for row in by_level.rows if row.style != "total")
    assert total == ledger.filter(year__in=YEARS).count()
    # The 2025 "Bằng khen UBND tỉnh" are provincial awards whoever recorded them.
    provincial_2025 = ledger.filter(year=2025, award_type__code="BANG_KHEN_TINH", person__isnull=False).count()
    assert provincial_2025 > 0
    assert by_level.value("Cấp tỉnh", "Cá nhân", column="2025") >= provincial_2025


def test_the_docx_prints_the_same_figures(report, ledger):
    text = docx_text(output.render_report_docx(report))
    total_2023 = ledger.filter(year=2023).count()
    row = next(line for line in text.splitlines() if line.startswith("2023 | "))
    assert row.split(" | ")[1] == f"{total_2023:,}".replace(",", ".")


def test_the_workbook_has_vietnamese_headers_number_formats_and_the_same_figures(report, ledger):
    wb = openpyxl.load_workbook(io.BytesIO(output.render_report_xlsx(report)))
    ws = next(wb[name] for name in wb.sheetnames if "theo năm" in wb[name]["A2"].value)
    headers = [c.value for c in ws[4]]
    assert headers[:4] == ["Năm", "Tổng số", "Cá nhân", "Tập thể"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    assert rows[2024][1].value == ledger.filter(year=2024).count()  # the year is a number, not text
    assert rows[2024][0].number_format == "0" and rows[2024][1].number_format == "#,##0"
    assert ws.title == "Theo năm" and ws.freeze_panes == "B5" and ws.auto_filter.ref.startswith("A4:")
    detail = wb["Chi tiết"]
    assert [c.value for c in detail[1]] == ["Năm", "Mã danh hiệu, hình thức", "Danh hiệu, hình thức", "Đối tượng",
                                           "Cấp ban hành", "Số lượt"]
    assert sum(r[5].value for r in detail.iter_rows(min_row=2)) == ledger.filter(year__in=YEARS).count()


def test_a_revoked_award_leaves_the_figures(commune, ledger):
    award = ledger.filter(year=2023, award_type__code="GIAY_KHEN_HUYEN").first()
    before = builder.build_report(kind="annual", commune=commune, year=2023).stats.count()
    Award.objects.filter(pk=award.pk).update(revoked=True)
    after = builder.build_report(kind="annual", commune=commune, year=2023).stats.count()
    assert after == before - 1
