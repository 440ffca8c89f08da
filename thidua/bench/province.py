"""The province's pages on the synthetic province (``make_province``): its dashboards and its
communes' pages, opened by the city's office officer, against the layout floor (base.html with
the menu for the same user); target p95 ≤ 10 × that floor (issue #20). Writes a section of its
own into docs/benchmarks.md (``benchmark --province``), kept by the full run.

The province's queue of upward dossiers (``province:queue``) and the clusters' list and a
cluster's page with its ranking (``clusters:list``, ``clusters:cluster``) join the table when
the synthetic province has them; ``make_province`` loads what they show (generator ``_upward_dossiers``,
``_clusters``)."""
from __future__ import annotations

import datetime
import os
import platform
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.urls import reverse

from thidua.clusters.models import Cluster, ClusterYear
from thidua.proposals.models import Dossier
from thidua.province.models import UpwardCase
from thidua.province.views import PER_PAGE
from thidua.provinceoffice.services import refresh_figures

from . import security_load
from .benchmark import PageResult, _percentile, _time_get, add_page, time_pages
from .generator import DASHBOARD_YEAR, province_code, province_username

START = "<!-- province: begin -->"
END = "<!-- province: end -->"
BOUND = 10


def other_pages(province) -> list[tuple[str, str, dict]]:
    """The pages of the city's queue and of the clusters: (label, URL name, kwargs)."""
    pages = []
    waiting = Dossier.objects.filter(state=Dossier.State.SENT_TO_PROVINCE, province_case__isnull=True,
                                     round__commune__parent=province).count()
    received = UpwardCase.objects.filter(province=province).count()
    pages.append((f"Hàng hồ sơ các xã trình thành phố ({waiting} chờ tiếp nhận, {received} đã tiếp nhận; "
                  f"{PER_PAGE} hồ sơ/trang mỗi danh sách)", "province:queue", {}))
    clusters = Cluster.objects.filter(city=province)
    pages.append((f"Danh sách cụm thi đua ({clusters.count()} cụm)", "clusters:list", {}))
    biggest = (ClusterYear.objects.filter(cluster__city=province).annotate(n=Count("block__members"))
               .order_by("-n", "cluster__name", "-year").first())
    if biggest is not None:
        pages.append((f"Cụm thi đua và xếp hạng các xã trong cụm ({biggest.n} xã, đã chấm và khóa điểm)",
                      "clusters:cluster", {"pk": biggest.cluster_id}))
    else:
        pages.append(("Xếp hạng cụm thi đua", "clusters:cluster", None))
    return pages


@dataclass
class ProvinceReport:
    started: str
    database: str
    machine: str
    communes: int
    layout_p50_ms: float = 0.0
    layout_p95_ms: float = 0.0
    pages: list[PageResult] = field(default_factory=list)
    operations: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    load: list[str] = field(default_factory=list)  # the machine's load average, before and after
    data: str = ""  # how the synthetic province was made (its note: the make_province command)


def _load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


@override_settings(ROOT_URLCONF="thidua.bench.urls", DEBUG=False, ALLOWED_HOSTS=["*"])
def run(*, seed: int, repeat: int = 30) -> ProvinceReport:
    from thidua.accounts.models import User
    from thidua.org.models import Organisation

    province = Organisation.objects.get(code=province_code(seed))
    communes = list(Organisation.objects.filter(parent=province, kind=Organisation.Kind.COMMUNE).order_by("code"))
    report = ProvinceReport(
        started=datetime.datetime.now().strftime("%d/%m/%Y %H:%M"),
        database=f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}".strip(),
        machine=f"{platform.machine()}, Python {platform.python_version()}", communes=len(communes),
        data=province.note)
    officer = User.objects.filter(username=province_username(seed, "tdkt")).first()
    if officer is None:  # a province made before make_province created the city's office
        officer, _ = User.objects.get_or_create(username=province_username(seed, "tdkt"),
                                                defaults={"role": "officer", "unit": province})
    report.load.append(_load())
    this_year = datetime.date.today().year
    started = time.perf_counter()
    refresh_figures(province=province, years=[DASHBOARD_YEAR])
    report.operations[f"Tính số liệu bảng cấp tỉnh năm {DASHBOARD_YEAR}, {len(communes)} xã (ms)"] = round(
        (time.perf_counter() - started) * 1000, 1)
    refresh_figures(province=province, years=list(range(2026, this_year + 1)))

    client = Client()
    client.force_login(officer)
    layout, _, _ = _time_get(client, "/__bench__/layout/", repeat)
    report.layout_p50_ms = round(_percentile(layout, 50), 2)
    report.layout_p95_ms = round(_percentile(layout, 95), 2)
    commune = communes[0]
    pages = [
        (f"Bảng số liệu các xã, năm {DASHBOARD_YEAR} (50 xã/trang)", reverse("provinceoffice:dashboard") + f"?nam={DASHBOARD_YEAR}"),
        ("Bảng số liệu, sắp theo tỷ lệ đăng ký, trang 3", reverse("provinceoffice:dashboard")
         + f"?nam={DASHBOARD_YEAR}&sap_xep=dang-ky&page=3"),
        ("Bảng số liệu các xã, giai đoạn 2026–2030", reverse("provinceoffice:dashboard") + "?nam=2026-2030"),
        ("Chỉ tiêu của tỉnh", reverse("provinceoffice:targets")),
        ("Danh sách xã, phường", reverse("provinceoffice:communes")),
        ("Trang một xã (mức đầy đủ của dữ liệu)", reverse("provinceoffice:commune", args=[commune.pk])),
    ]
    # A download, not a page: timed as the other exports are (operations), each run once.
    excel_url = reverse("provinceoffice:dashboard_excel") + f"?nam={DASHBOARD_YEAR}"
    client.get(excel_url)
    started = time.perf_counter()
    client.get(excel_url)
    report.operations[f"Tải Excel bảng số liệu năm {DASHBOARD_YEAR}, {len(communes)} xã (ms)"] = round(
        (time.perf_counter() - started) * 1000, 1)
    for label, name, kwargs in other_pages(province):
        if kwargs is None:
            report.notes.append(f"{label}: tỉnh mô phỏng chưa có cụm thi đua nào ({name}); chạy lại make_province.")
            continue
        add_page(pages, report.notes, label, name, kwargs)
    report.pages += time_pages(client, pages, repeat, layout_p95_ms=report.layout_p95_ms)
    report.load.append(_load())
    return report


def to_markdown(report: ProvinceReport, command: str) -> str:
    met = [p for p in report.pages if p.ratio_layout_p95 <= BOUND]
    lines = [
        START,
        "## Cấp tỉnh: bảng số liệu, trang xã, hàng hồ sơ của thành phố, cụm thi đua (issue #20)",
        "",
        f"Lệnh: `{command}` — {report.started}; CSDL: {report.database}; máy: {report.machine}; "
        f"{report.communes} xã. Máy dùng chung (2 nhân): các con số dao động giữa các lần chạy"
        + (f"; tải trung bình 1/5/15 phút lúc bắt đầu {report.load[0]}, lúc kết thúc {report.load[-1]}."
           if report.load else "."),
        "",
        *([f"Tỉnh mô phỏng — {report.data}.", ""] if report.data else []),
        f"Người đo: chuyên viên Ban Thi đua – Khen thưởng tỉnh (phạm vi: thành phố). Mức sàn bố cục (chỉ base.html với "
        f"menu, cùng người dùng): p50 {report.layout_p50_ms} ms, p95 {report.layout_p95_ms} ms. Bảng số liệu đọc số "
        f"liệu đã tính của từng xã (thidua.provinceoffice.CommuneFigures), tính lại hằng đêm và khi Ban yêu cầu.",
        "",
        "| Trang | p50 (ms) | p95 (ms) | p95 / sàn bố cục | Số truy vấn | Mã trả về |",
        "|---|---:|---:|---:|---:|---:|",
        *[f"| {p.name} | {p.p50_ms} | {p.p95_ms} | {p.ratio_layout_p95} | {p.queries} | {p.status} |"
          for p in report.pages],
        "",
        "| Thao tác (đo một lần) | Thời gian (ms) |",
        "|---|---:|",
        *[f"| {k} | {v} |" for k, v in report.operations.items()],
        "",
        "| Mục tiêu | Ngưỡng | Đo được | Đạt |",
        "|---|---:|---:|:---:|",
    ]
    if report.pages:
        worst = max(report.pages, key=lambda p: p.ratio_layout_p95)
        lines.append(f"| Trang cấp tỉnh: p95 ≤ {BOUND} × sàn bố cục | {BOUND} × | {len(met)}/{len(report.pages)} trang "
                     f"đạt; chậm nhất {worst.ratio_layout_p95} × ({worst.name}) | "
                     f"{'có' if len(met) == len(report.pages) else '**không**'} |")
    if report.notes:
        lines += ["", "Ghi chú:", *[f"- {n}" for n in report.notes]]
    lines.append(END)
    return "\n".join(lines) + "\n"


def section_of(path) -> str:
    return security_load.section_of(path, start=START, end=END)


def write_section(path, section: str) -> None:
    security_load.write_section(path, section, start=START, end=END)
