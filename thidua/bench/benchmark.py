"""Measures the main pages and heavy operations on a synthetic province (see generator).

Pages go through the real Django stack (middleware, sessions, templates) with the test
client; the same run measures a bare Django view, and the ratio to that floor is the
figure that travels between machines."""
from __future__ import annotations

import datetime
import gc
import json
import os
import platform
import time
from dataclasses import asdict, dataclass, field

from django.core.paginator import Paginator
from django.db import connection, reset_queries
from django.db.models import Q
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from thidua.accounts.models import Role, User
from thidua.core.perf import settle
from thidua.org.models import Membership, Organisation, Person

from . import load as load_test
from .hooks import documents as documents_hooks
from .hooks import exchange as exchange_hooks
from .hooks import proposals as proposals_hooks
from .generator import province_code


@dataclass
class PageResult:
    name: str
    url: str
    status: int
    p50_ms: float
    p95_ms: float
    ratio_p95: float
    ratio_layout_p95: float
    queries: int


@dataclass
class Report:
    started: str
    database: str
    machine: str
    communes: int
    people: int
    awards: int
    data: str = ""
    floor_p50_ms: float = 0.0
    floor_p95_ms: float = 0.0
    layout_p50_ms: float = 0.0
    layout_p95_ms: float = 0.0
    pages: list[PageResult] = field(default_factory=list)
    operations: dict[str, float | str] = field(default_factory=dict)
    load: load_test.LoadResult | None = None
    notes: list[str] = field(default_factory=list)


_percentile = load_test.percentile


def add_page(pages: list[tuple[str, str]], notes: list[str], label: str, url_name: str, kwargs: dict) -> None:
    """Add the page named ``url_name`` to ``pages``; a note instead where this build has no such page."""
    try:
        pages.append((label, reverse(url_name, kwargs=kwargs)))
    except NoReverseMatch:
        notes.append(f"{label}: chưa có trang ({url_name}) trong bản này.")


def time_pages(client: Client, pages: list[tuple[str, str]], repeat: int, *, floor_p95_ms: float = 0.0,
               layout_p95_ms: float = 0.0) -> list[PageResult]:
    """Each page fetched ``repeat`` times: its median and 95th percentile, and the 95th as a
    multiple of the empty page's (the floor) and of the bare layout's (0 where not measured)."""
    results = []
    for label, url in pages:
        timings, status, queries = _time_get(client, url, repeat)
        p95 = _percentile(timings, 95)
        results.append(PageResult(
            label, url, status, round(_percentile(timings, 50), 1), round(p95, 1),
            round(p95 / floor_p95_ms, 1) if floor_p95_ms else 0.0,
            round(p95 / layout_p95_ms, 1) if layout_p95_ms else 0.0, queries))
    return results


def _time_get(client: Client, url: str, repeat: int) -> tuple[list[float], int, int]:
    client.get(url)  # warm-up
    timings = []
    status = 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        status = response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return timings, status, len(ctx.captured_queries)


def _bench_users(province: Organisation, commune: Organisation) -> tuple[User, User]:
    officer, _ = User.objects.get_or_create(username=f"bench_officer_{province.pk}",
                                            defaults={"role": Role.OFFICER, "unit": commune})
    admin, _ = User.objects.get_or_create(username=f"bench_admin_{province.pk}",
                                          defaults={"role": Role.OFFICER, "unit": province})
    return officer, admin


def _timed_cpu(fn) -> tuple[float, float]:
    """(wall, CPU of this process) in ms — SQLite runs in the process, PostgreSQL does not."""
    started, started_cpu = time.perf_counter(), time.process_time()
    fn()
    return round((time.perf_counter() - started) * 1000, 1), round((time.process_time() - started_cpu) * 1000, 1)


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return round((time.perf_counter() - started) * 1000, 1)


@override_settings(ROOT_URLCONF="thidua.bench.urls", DEBUG=False, ALLOWED_HOSTS=["*"])
def run(*, seed: int, repeat: int = 30, quick: bool = False, load_seconds: float = 10.0,
        load_concurrency: int = 8) -> Report:
    """``quick``: the reduced operations of a CI run (hooks shrink their inputs);
    ``load_seconds`` 0 skips the load test of the public verification page."""
    from thidua.awards.models import Award

    province = Organisation.objects.get(code=province_code(seed))
    communes = list(Organisation.objects.filter(parent=province, kind=Organisation.Kind.COMMUNE).order_by("code"))
    commune = communes[0]
    report = Report(started=datetime.datetime.now().strftime("%d/%m/%Y %H:%M"),
                    database=f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else connection.pg_version}",
                    machine=f"{platform.machine()}, Python {platform.python_version()}",
                    communes=len(communes),
                    people=Person.objects.filter(
                        Q(pk__in=Membership.objects.filter(organisation__path__startswith=province.path).values("person_id"))
                        | Q(household__village__path__startswith=province.path)).count(),
                    awards=Award.objects.filter(source="make_province").count(), data=province.note)
    officer, admin = _bench_users(province, commune)
    settle()  # as the production entry point does (thidua/wsgi.py)
    # The instance's own commune (public pages, dashboards) is the first commune of the province.
    home = override_settings(THIDUA_HOME_COMMUNE_CODE=commune.code)
    home.enable()
    before = os.getloadavg()[0]
    try:
        _measure(report, province, commune, officer, admin, repeat=repeat, quick=quick, load_seconds=load_seconds,
                 load_concurrency=load_concurrency)
        report.notes.append(f"Tải trung bình của máy ({os.cpu_count()} nhân) lúc bắt đầu/kết thúc đo: "
                            f"{before:.1f} / {os.getloadavg()[0]:.1f} — trên 1 mỗi nhân là các tiến trình khác "
                            f"tranh nhân với phép đo, mọi con số dài ra tương ứng.")
    finally:
        home.disable()
        gc.unfreeze()
        reset_queries()
    return report


def _measure(report: Report, province, commune, officer, admin, *, repeat, quick, load_seconds, load_concurrency):
    from thidua.awards import candidates

    client = Client()
    client.force_login(officer)

    floor, _, _ = _time_get(client, "/__bench__/bare/", repeat)
    report.floor_p50_ms = round(_percentile(floor, 50), 2)
    report.floor_p95_ms = round(_percentile(floor, 95), 2)
    layout, _, _ = _time_get(client, "/__bench__/layout/", repeat)
    report.layout_p50_ms = round(_percentile(layout, 50), 2)
    report.layout_p95_ms = round(_percentile(layout, 95), 2)

    unit = Organisation.objects.filter(parent=commune, kind=Organisation.Kind.PRIMARY_SCHOOL).first()
    person = Membership.objects.filter(organisation=unit).first().person
    year = 2025
    pages = [
        ("Trang cá nhân", f"/ca-nhan/{person.pk}/"),
        ("Trang đơn vị", f"/to-chuc/{unit.pk}/"),
        ("Danh sách đủ điều kiện (tổng hợp, một xã)", f"/khen-thuong/du-dieu-kien/?nam={year}"),
        ("Danh sách đủ điều kiện (LĐTT, một xã)", f"/khen-thuong/du-dieu-kien/?nam={year}&doi_tuong=LDTT"),
        ("Tìm kiếm", "/tim-kiem/?q=nguyen+thi"),
        ("Sổ khen thưởng", f"/khen-thuong/so-khen-thuong/?nam={year}"),
    ]
    names = proposals_hooks.PAGE_NAMES  # a dossier of that many nominations, made by the proposals hook
    dossier = proposals_hooks.voted_dossier(commune, names)
    pages.append((f"Hồ sơ đề nghị ({names} đề nghị)", reverse("proposals:dossier", kwargs={"pk": dossier.pk})))
    for name, url_name, kwargs in [("Hàng việc cán bộ TĐKT", "proposals:queue", {}),
                                   ("Bảng chỉ tiêu", "targets:dashboard", {}),
                                   ("Bảng vàng công khai", "public:board", {})]:
        add_page(pages, report.notes, name, url_name, kwargs)
    province_client = Client()
    province_client.force_login(admin)
    province_pages = [  # the province's officer sees every commune (issue #17, item 7)
        ("Danh sách đủ điều kiện (tổng hợp, toàn tỉnh)", f"/khen-thuong/du-dieu-kien/?nam={year}"),
        ("Danh sách đủ điều kiện (BKT, thiếu một điều kiện, trang 2, toàn tỉnh)",
         f"/khen-thuong/du-dieu-kien/?nam={year}&doi_tuong=BANG_KHEN_TINH&nhom=thieu-mot&page=2"),
    ]
    for url_client, some_pages in ((client, pages), (province_client, province_pages)):
        report.pages += time_pages(url_client, some_pages, repeat, floor_p95_ms=report.floor_p95_ms,
                                   layout_p95_ms=report.layout_p95_ms)

    def candidate_page(user):  # what the page reads: every count, and one page of one group
        listing = candidates.listing(user=user, year=year)
        if listing.count_of("BANG_KHEN_TINH"):
            list(Paginator(listing.rows("BANG_KHEN_TINH", "one_short"), 100).get_page(2))

    for scope, user in (("một xã", officer), ("toàn tỉnh", admin)):
        wall, cpu = _timed_cpu(lambda user=user: candidate_page(user))
        report.operations[f"Danh sách đủ điều kiện, {scope}: số đếm và một trang (ms)"] = wall
        report.operations[f"Danh sách đủ điều kiện, {scope}: như trên, thời gian CPU (ms)"] = cpu
    for scope, user in (("một xã", officer), ("toàn tỉnh", admin)):
        wall, cpu = _timed_cpu(lambda user=user: candidates.build(user=user, year=year))
        report.operations[f"Dựng mọi dòng danh sách (xuất Excel, kiểm tra hồ sơ), {scope}: thực / CPU (ms)"] = \
            f"{wall} / {cpu}"
    for label, fn in _optional_operations(commune=commune, officer=officer, year=year, quick=quick):
        try:
            report.operations[label] = _timed(fn)
        except Exception as exc:  # noqa: BLE001 — a missing optional feature is a note, not a crash
            report.notes.append(f"{label}: không đo được ({exc.__class__.__name__}: {exc}).")
    if load_seconds > 0:
        _load(report, province, commune, seconds=load_seconds, concurrency=load_concurrency)


def _load(report: Report, province: Organisation, commune: Organisation, *, seconds: float, concurrency: int) -> None:
    """Public verification page (/xac-minh/<code>) under concurrent load, through gunicorn."""
    from thidua.awards.models import Award

    db_url = load_test.database_url(connection.settings_dict)
    if db_url is None:
        report.notes.append("Tải đồng thời trang xác minh: bỏ qua (CSDL SQLite trong bộ nhớ của lần chạy thử, "
                            "tiến trình gunicorn không đọc được).")
        return
    codes = list(Award.objects.filter(source="make_province", issuer__path__startswith=province.path)
                 .order_by("pk").values_list("verification_code", flat=True)[:500])
    try:
        report.load = load_test.measure(db_url=db_url, paths=[f"/xac-minh/{c}" for c in codes] or ["/xac-minh/khong-co"],
                                        seconds=seconds, concurrency=concurrency,
                                        env={"THIDUA_HOME_COMMUNE_CODE": commune.code})
    except Exception as exc:  # noqa: BLE001 — the report says why instead of losing every other figure
        report.notes.append(f"Tải đồng thời trang xác minh: không đo được ({exc.__class__.__name__}: {exc}).")


def _optional_operations(*, commune, officer, year, quick=False):
    """The operations of the higher apps (``thidua.bench.hooks``): each hook's
    ``operations(*, commune, user, year, quick)`` returns ``[(label, fn)]``; each ``fn()`` is
    timed once, in order; setup belongs in ``operations`` itself (not timed)."""
    ops = []
    for hooks in (documents_hooks, exchange_hooks, proposals_hooks):
        ops.extend(hooks.operations(commune=commune, user=officer, year=year, quick=quick))
    return ops


def to_markdown(report: Report, command: str) -> str:
    lines = [
        "# Đo hiệu năng (benchmark)",
        "",
        f"Lệnh: `{command}`",
        "",
        f"- Thời điểm: {report.started}; CSDL: {report.database}; máy: {report.machine}",
        f"- Dữ liệu: {report.communes} xã, {report.people:,} người, {report.awards:,} bản ghi khen thưởng".replace(",", "."),
        *([f"- {report.data}"] if report.data else []),
        f"- Mức sàn (view Django trống, qua toàn bộ middleware, đã đăng nhập): p50 {report.floor_p50_ms} ms, "
        f"p95 {report.floor_p95_ms} ms",
        f"- Mức sàn bố cục (chỉ base.html với menu): p50 {report.layout_p50_ms} ms, p95 {report.layout_p95_ms} ms",
        "",
        "| Trang | p50 (ms) | p95 (ms) | p95 / sàn | p95 / sàn bố cục | Số truy vấn | Mã trả về |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in report.pages:
        lines.append(f"| {p.name} | {p.p50_ms} | {p.p95_ms} | {p.ratio_p95} | {p.ratio_layout_p95} | {p.queries} | {p.status} |")
    lines += ["", "| Thao tác (mỗi thao tác đo một lần) | Thời gian (ms) |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in report.operations.items()]
    if report.load is not None:
        ld = report.load
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(ld.statuses.items()))
        lines += ["", f"Tải đồng thời trang xác minh công khai `/xac-minh/<mã>` qua gunicorn (gunicorn.conf.py, "
                      f"{ld.workers} tiến trình × {ld.threads} luồng) trên loopback: {ld.concurrency} luồng khách, "
                      f"{ld.seconds:g} giây.", "",
                  "| Yêu cầu | Yêu cầu/giây | p50 (ms) | p95 (ms) | Mã trả về | Lỗi kết nối |",
                  "|---:|---:|---:|---:|---|---:|",
                  f"| {ld.requests} | {ld.requests_per_second} | {ld.p50_ms} | {ld.p95_ms} | {statuses} | {ld.errors} |"]
    lines += ["", "Mục tiêu (issue #9 và #17, PostgreSQL trên máy 2 nhân):", "",
              "| Mục tiêu | Ngưỡng | Đo được | Đạt |", "|---|---:|---:|:---:|"]
    lines += [f"| {name} | {limit} | {value} | {'có' if ok else '**không**'} |"
              for name, limit, value, ok in targets(report)]
    if report.notes:
        lines += ["", "Ghi chú:", *[f"- {n}" for n in report.notes]]
    lines += ["", "Nguyên nhân đã tìm ra và sửa, phần còn lại: docs/performance.md."]
    return "\n".join(lines) + "\n"


def _operation(report: Report, prefix: str) -> float | None:
    return next((v for k, v in report.operations.items() if k.startswith(prefix)), None)


def targets(report: Report) -> list[tuple[str, str, str, bool]]:
    """(target, limit, measured, met) for the figures of the issue that this run measured."""
    rows = []
    for floor, attr in (("sàn", "ratio_p95"), ("sàn bố cục", "ratio_layout_p95")):
        if not report.pages:
            break
        worst = max(report.pages, key=lambda p: getattr(p, attr))
        met = sum(1 for p in report.pages if getattr(p, attr) <= 3)
        rows.append((f"Trang: p95 ≤ 3 × {floor}", "3 ×", f"{met}/{len(report.pages)} trang đạt; chậm nhất "
                     f"{getattr(worst, attr)} × ({worst.name})", met == len(report.pages)))
    for prefix, name, limit in [("Danh sách đủ điều kiện, một xã", "Danh sách đủ điều kiện, một xã", 100),
                                ("Danh sách đủ điều kiện, toàn tỉnh", "Danh sách đủ điều kiện, toàn tỉnh (issue #17)", 1000),
                                ("Quyết định khen thưởng", "Quyết định 500 tên (DOCX)", 1000),
                                ("Báo cáo tổng kết 5 năm", "Báo cáo tổng kết 5 năm một xã", 3000),
                                ("Ký quyết định khen thưởng", "Ký quyết định 500 tên (issue #17)", 500),
                                ("Nhập sổ khen thưởng 50.000 dòng: hoàn tác", "Hoàn tác lô nhập 50.000 dòng (issue #17)",
                                 2000)]:
        value = _operation(report, prefix)
        if value is not None:
            rows.append((name, f"{limit:,} ms".replace(",", "."), f"{value} ms", value <= limit))
    dry_run, commit = _operation(report, "Nhập sổ khen thưởng 50.000 dòng: chạy thử"), \
        _operation(report, "Nhập sổ khen thưởng 50.000 dòng: ghi")
    if dry_run is not None and commit is not None:
        total = round(dry_run + commit, 1)
        rows.append(("Nhập 50.000 dòng (chạy thử + ghi)", "30.000 ms", f"{total} ms", total <= 30000))
    return rows


def to_json(report: Report) -> str:
    return json.dumps(asdict(report), ensure_ascii=False, indent=2)
