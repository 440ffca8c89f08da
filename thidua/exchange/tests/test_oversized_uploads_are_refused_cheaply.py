"""Issue #22, hole 7: imports and the report reader must not exhaust the server. Each hostile
file is built here; each is refused with a Vietnamese reason, cheaply (memory measured with
tracemalloc, time with a clock), and nothing is stored. The batch list pages do not load the
rows of the batches they list."""
from __future__ import annotations

import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.core import excel
from thidua.exchange import hostile, report, services
from thidua.exchange.importers import WorkbookError
from thidua.exchange.models import ImportBatch

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db
MIB = hostile.MIB


def test_the_crafted_shared_string_workbook_is_a_valid_workbook():
    wb = excel.open_workbook(hostile.shared_string_bomb(1000))
    try:
        rows = list(excel.bounded_rows(wb.worksheets[0]))
    finally:
        wb.close()
    assert rows[1][1][:2] == ("A" * 1000, "Nam")


@pytest.fixture(scope="module")
def shared_string_bomb():
    return hostile.shared_string_bomb(200 * MIB)


def _refused_cheaply(call, *, peak_bytes: int, seconds: float):
    before = ImportBatch.objects.count()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(WorkbookError) as refused:
            call()
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ImportBatch.objects.count() == before  # nothing stored
    assert peak < peak_bytes, f"peak {peak / MIB:.1f} MiB"
    assert elapsed < seconds, f"{elapsed:.2f} s"
    return refused.value.messages[0]


def test_a_small_file_with_a_200_mib_shared_string_is_refused_before_parsing(demo_user, shared_string_bomb):
    assert len(shared_string_bomb) < 400 * 1024  # what the server receives is small
    message = _refused_cheaply(lambda: services.preview_workbook(
        actor=demo_user("canbotdkt"), kind="people", data=shared_string_bomb, file_name="bom.xlsx"),
        peak_bytes=4 * MIB, seconds=2)
    assert "sharedStrings.xml" in message and "giải nén" in message


def test_the_upload_page_answers_the_bomb_in_vietnamese_and_stores_nothing(client_as, shared_string_bomb):
    before = ImportBatch.objects.count()
    upload = SimpleUploadedFile("bom.xlsx", shared_string_bomb)
    response = client_as("canbotdkt").post("/du-lieu/nhap/", {"loai": "ca-nhan", "tep": upload})
    assert response.status_code == 200
    assert "khi giải nén" in response.content.decode()
    assert ImportBatch.objects.count() == before


def test_a_cell_longer_than_the_limit_is_named_and_refused(demo_user):
    data = hostile.people_book([["Lò Văn An", "Nam", "", "", "Viên chức", "x" * (excel.DEFAULT_LIMITS.cell_chars + 1)]])
    message = _refused_cheaply(lambda: services.preview_workbook(
        actor=demo_user("canbotdkt"), kind="people", data=data, file_name="dai.xlsx"), peak_bytes=8 * MIB, seconds=2)
    assert message.startswith("Ô F2 dài 5.001 ký tự")


def test_a_row_far_below_the_header_does_not_make_the_reader_walk_a_million_rows(demo_user):
    data = hostile.far_row_workbook()
    message = _refused_cheaply(lambda: services.preview_workbook(
        actor=demo_user("canbotdkt"), kind="people", data=data, file_name="xa.xlsx"),
        peak_bytes=4 * MIB, seconds=1)
    assert "1.048.576" in message


def test_a_200_mib_cell_inside_the_sheet_is_refused_before_parsing(demo_user):
    data = hostile.sheet_bomb()
    assert len(data) < 400 * 1024
    message = _refused_cheaply(lambda: services.preview_workbook(
        actor=demo_user("canbotdkt"), kind="people", data=data, file_name="o.xlsx"),
        peak_bytes=4 * MIB, seconds=2)
    assert "sheet1.xml" in message


def test_one_long_string_repeated_in_many_cells_is_bounded_by_the_total_text(demo_user, settings):
    limits = excel.Limits(rows=50_100, text_chars=200_000)
    long_text = "Thành tích " * 400  # 4 400 characters, one shared string
    data = hostile.people_book([["Lò Văn An", "Nam", "", "", "Viên chức", long_text]] * 100)
    wb = excel.open_workbook(data, limits)
    try:
        with pytest.raises(excel.WorkbookRefused, match="ký tự chữ"):
            for _ in excel.bounded_rows(wb.worksheets[0], limits):
                pass
    finally:
        wb.close()


def test_too_many_cells_are_refused(demo_user):
    limits = excel.Limits(cells=500)
    data = hostile.people_book([["Lò Văn An", "Nam", "01/01/1990", "", "Viên chức", "Trường", "Giáo viên"]] * 100)
    wb = excel.open_workbook(data, limits)
    try:
        with pytest.raises(excel.WorkbookRefused, match="ô dữ liệu"):
            list(excel.bounded_rows(wb.worksheets[0], limits))
    finally:
        wb.close()


def test_a_normal_workbook_still_imports(demo_user):
    batch = services.preview_workbook(actor=demo_user("canbotdkt"), kind="people",
                                      data=workbook("people", people_rows(20)), file_name="ok.xlsx")
    assert batch.summary["total"] == 20 and batch.summary["errors"] == 0


def test_a_9_mb_report_is_refused_at_once_and_nothing_is_stored(demo_user):
    text = ("- Bà Lò Thị An, Giáo viên Trường Mầm non Hồng Phong: Lao động tiên tiến năm 2024.\n" * 110_000)
    assert len(text.encode()) > 9 * MIB
    before = ImportBatch.objects.count()
    started = time.perf_counter()
    with pytest.raises(report.ReportRefused) as refused:
        services.preview_report(actor=demo_user("canbotdkt"), text=text, file_name="bao-cao.txt")
    assert time.perf_counter() - started < 1
    assert "quá giới hạn" in refused.value.messages[0]
    assert ImportBatch.objects.count() == before


def test_a_report_reading_past_its_time_limit_stops_and_stores_nothing(demo_user, monkeypatch):
    monkeypatch.setattr(report, "MAX_SECONDS", 0.0)
    text = "- Bà Lò Thị An, Giáo viên Trường Mầm non Hồng Phong: Lao động tiên tiến năm 2024.\n" * 50
    before = ImportBatch.objects.count()
    with pytest.raises(report.ReportRefused) as refused:
        services.preview_report(actor=demo_user("canbotdkt"), text=text, file_name="bao-cao.txt")
    assert "Đã dừng đọc báo cáo sau 0 giây" in refused.value.messages[0]
    assert ImportBatch.objects.count() == before


def test_the_report_page_refuses_a_long_paste_before_reading_it(client_as):
    before = ImportBatch.objects.count()
    started = time.perf_counter()
    response = client_as("canbotdkt").post("/du-lieu/doc-bao-cao/", {"van_ban": "Ông Lò Văn An. " * 100_000})
    assert time.perf_counter() - started < 3  # the legacy-encoding pass never sees the 1.5 MB text
    assert response.status_code == 200
    assert "500000" in response.content.decode().replace(".", "")  # the field's limit, in Vietnamese
    assert ImportBatch.objects.count() == before


def test_an_uploaded_report_over_the_limit_is_refused(client_as):
    before = ImportBatch.objects.count()
    upload = SimpleUploadedFile("bao-cao.txt", ("Ông Lò Văn An. " * 40_000).encode())
    response = client_as("canbotdkt").post("/du-lieu/doc-bao-cao/", {"tep": upload})
    assert response.status_code == 200
    assert "quá giới hạn 500.000 ký tự" in response.content.decode()
    assert ImportBatch.objects.count() == before


def test_the_batch_lists_do_not_read_the_rows_of_any_batch(client_as, demo_user):
    officer = demo_user("canbotdkt")
    for _ in range(3):
        services.preview_workbook(actor=officer, kind="people", data=workbook("people", people_rows(30)),
                                  file_name="lo.xlsx")
    client = client_as("canbotdkt")
    for url in ("/du-lieu/", "/du-lieu/nhap/"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        batch_reads = [q["sql"] for q in queries.captured_queries if 'FROM "exchange_importbatch"' in q["sql"]]
        assert batch_reads and not any('"exchange_importbatch"."rows"' in sql for sql in batch_reads), url
        assert ">30<" in response.content.decode()  # the row count, read by the database from the summary
