"""The benchmark keeps working (reduced size in CI; full size by hand, see docs/benchmarks.md)."""
import json

import pytest
from django.core.management import call_command
from django.test.utils import CaptureQueriesContext
from django.db import connection

from thidua.bench.generator import Sizes, make_province
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db

SMALL = Sizes(villages=3, citizens=20, households=60, staff_scale=0.2)


def test_the_generator_is_deterministic_for_a_seed():
    make_province(communes=2, seed=7, sizes=SMALL, log=None)
    names = list(Organisation.objects.filter(code__startswith="tinh-mo-phong-7").order_by("code").values_list("name", flat=True))
    Organisation.objects.filter(code__startswith="tinh-mo-phong-7")  # same seed again is refused
    with pytest.raises(ValueError):
        make_province(communes=2, seed=7, sizes=SMALL, log=None)
    assert len(names) > 2 * 20 and names[0] == "Tỉnh Mô Phỏng 7"


def test_the_benchmark_writes_its_report_with_every_page_and_operation(tmp_path):
    make_province(communes=1, seed=8, sizes=SMALL, log=None)
    out = tmp_path / "benchmarks.md"
    out.write_text("cũ\n<!-- security-load: begin -->\n## Tải khi có tệp nhập quá cỡ\n<!-- security-load: end -->\n",
                   encoding="utf-8")
    call_command("benchmark", "--seed", "8", "--repeat", "2", "--quick", "--load-seconds", "2", "--out", str(out),
                 stdout=open("/dev/null", "w"))
    text = out.read_text(encoding="utf-8")
    assert "cũ" not in text and "## Tải khi có tệp nhập quá cỡ" in text  # the separate run's section is kept
    assert "| Trang cá nhân |" in text and "Danh sách đủ điều kiện, toàn tỉnh" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["pages"] and all(p["status"] == 200 for p in data["pages"])
    assert all(p["queries"] > 0 for p in data["pages"])
    labels = " | ".join(data["operations"])
    for operation in ("Quyết định khen thưởng", "Báo cáo tổng kết 5 năm", "Nhập sổ khen thưởng 500 dòng: chạy thử",
                      "Nhập sổ khen thưởng 500 dòng: ghi", "Nhập sổ khen thưởng 500 dòng: hoàn tác"):
        assert operation in labels
    assert not any("không đo được" in note for note in data["notes"]), data["notes"]
    # The load test needs a database another process can open: measured on a file or server
    # database, said to be skipped on the in-memory SQLite of a test run.
    assert data["load"] is not None and data["load"]["requests"] > 0 or any("Tải đồng thời" in n for n in data["notes"])


def test_the_import_hook_leaves_the_ledger_as_it_was(django_user_model):
    """Dry run, commit and undo of the benchmark's workbook: every row imported, then removed."""
    from thidua.awards.models import Award
    from thidua.bench.benchmark import _bench_users
    from thidua.bench.hooks import exchange as bench_hooks

    province = make_province(communes=1, seed=9, sizes=SMALL, log=None)
    commune = Organisation.objects.get(parent=province)
    officer, _admin = _bench_users(province, commune)
    before = Award.objects.count()
    steps = dict(bench_hooks.operations(commune=commune, user=officer, year=2025, quick=True))
    dry_run, commit, undo = steps.values()
    dry_run()
    commit()
    assert Award.objects.count() == before + bench_hooks.QUICK_ROWS
    undo()
    assert Award.objects.count() == before


def test_the_load_generator_counts_requests_and_statuses():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from thidua.bench import load

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status = 200 if self.path.endswith("/ok") else 404
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        latencies, statuses, errors = load.drive(host="127.0.0.1", port=server.server_address[1],
                                                 paths=["/a/ok", "/b/missing"], seconds=0.5, concurrency=2, warmup=0.1)
    finally:
        server.shutdown()
    assert errors == 0 and len(latencies) == sum(statuses.values()) > 0
    assert set(statuses) == {"200", "404"}


def test_a_database_url_for_the_load_test_server():
    from thidua.bench.load import database_url

    assert database_url({"ENGINE": "django.db.backends.sqlite3", "NAME": "file:memorydb_default?mode=memory&cache=shared"}) is None
    assert database_url({"ENGINE": "django.db.backends.postgresql", "NAME": "bench", "USER": "postgres",
                         "PASSWORD": "", "HOST": "127.0.0.1", "PORT": 5432}) == "postgres://postgres@127.0.0.1:5432/bench"


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_page_query_counts_do_not_grow_with_the_data(client_as):
    """Each main page's query count is the same for a small and a larger data set."""
    client = client_as("canbotdkt")
    from thidua.org.models import Person
    unit = Organisation.objects.get(code="mn-hong-phong")
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    urls = [f"/to-chuc/{unit.pk}/", f"/ca-nhan/{person.pk}/", "/khen-thuong/du-dieu-kien/?nam=2025",
            "/tim-kiem/?q=nguyen", "/khen-thuong/so-khen-thuong/?nam=2025", "/to-chuc/", "/de-nghi/", "/chi-tieu/",
            "/cong-khai/"]
    before = {url: _queries(client, url) for url in urls}
    # Grow the data: more colleagues in the unit, each with ratings and titles.
    from thidua.awards.models import Award, AwardType, Rating
    from thidua.org import services
    ldtt = AwardType.objects.get(code="LDTT")
    for i in range(15):
        p = services.create_person(actor=None, organisation=unit, position="Giáo viên",
                                   full_name=f"Nguyễn Thị Thêm {i}", gender="F", category="vien_chuc")
        for year in (2023, 2024, 2025):
            Rating.objects.create(person=p, year=year, rating="HTTNV")
            Award.objects.create(person=p, award_type=ldtt, year=year, issuer_name="UBND xã")
    after = {url: _queries(client, url) for url in urls}
    assert after == before


def test_the_security_load_section_replaces_the_previous_run_and_keeps_the_rest(tmp_path):
    from thidua.bench import security_load

    out = tmp_path / "benchmarks.md"
    out.write_text("# Đo hiệu năng\n\nbảng cũ\n", encoding="utf-8")
    result = security_load.SecurityLoadResult(seconds=20, concurrency=8, workers=5, threads=2, database="postgresql")
    result.quiet = security_load.Phase(requests=800, p95_ms=40.0, statuses={"200": 800})
    result.loaded = security_load.Phase(requests=700, p95_ms=100.0, statuses={"200": 690, "502": 10})
    result.uploads, result.uploads_refused = {"200": 6}, 6
    for _ in range(2):
        security_load.write_section(out, security_load.to_markdown(result, "python manage.py benchmark", "x", "y"))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Đo hiệu năng\n\nbảng cũ\n") and text.count(security_load.START) == 1
    assert "| 2.5 × | **không** |" in text and "| 10 | **không** |" in text  # 2.5 × over the bound; ten 502
    assert not result.met
    assert security_load.section_of(out).startswith(security_load.START) and security_load.section_of(
        tmp_path / "khong-co.md") == ""
