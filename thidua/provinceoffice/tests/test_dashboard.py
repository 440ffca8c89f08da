"""The province's dashboard shows, for each commune, the figures counted by hand in conftest."""
from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.ops.testing import run_queued_tasks

pytestmark = pytest.mark.django_db

URL = reverse("provinceoffice:dashboard")
ROW = re.compile(r'<tr data-commune="(\d+)">(.*?)</tr>', re.S)
CELL = re.compile(r'data-metric="([a-z-]+)">([^<]*)(?:<br><small class="muted">([^<]*)</small>)?</td>')


def _table(html: str) -> dict[int, dict[str, tuple[str, str]]]:
    """{commune id: {metric: (shown value, "part/whole …")}} in page order."""
    return {int(pk): {key: (text.strip(), (small or "").strip()) for key, text, small in CELL.findall(body)}
            for pk, body in ROW.findall(html)}


def _computed(client, world, year="2025", user=None):
    """The office asks for fresh figures; the background worker computes them."""
    client.force_login(user or world.officer)
    assert client.post(reverse("provinceoffice:refresh"), {"nam": year}).status_code == 302
    run_queued_tasks()


def test_each_communes_figures_equal_the_counts_made_by_hand(client, province_world):
    w = province_world
    _computed(client, w)
    html = client.get(URL, {"nam": "2025"}).content.decode()
    table = _table(html)
    assert list(table) == [w.a.pk, w.c.pk, w.b.pk]  # Vietnamese order: An Bình, Ấp Bắc, Bình Minh
    a, b, c = table[w.a.pk], table[w.b.pk], table[w.c.pk]
    assert a["dang-ky"] == ("50,0 %", "1/2")
    assert a["dung-han"] == ("50,0 %", "1/2")
    assert a["lanh-dao"] == ("40,0 %", "2/5")
    assert a["can-bo"] == ("20,0 %", "1/5")
    assert a["truc-tiep"] == ("40,0 %", "2/5")
    assert a["nu"] == ("60,0 %", "3/5")
    assert a["su-dung-quy"] == ("25,0 %", "1000000/4000000")
    assert (a["ca-nhan"][0], a["tap-the"][0], a["ho"][0], a["qua-han"][0]) == ("5", "1", "1", "1")
    assert b["dang-ky"] == ("100,0 %", "1/1")
    assert b["dung-han"] == ("—", "0/0")
    assert (b["lanh-dao"], b["can-bo"], b["truc-tiep"], b["nu"]) == (
        ("50,0 %", "1/2"), ("50,0 %", "1/2"), ("0,0 %", "0/2"), ("50,0 %", "1/2"))
    assert (b["ca-nhan"][0], b["tap-the"][0], b["ho"][0]) == ("2", "0", "0")
    assert all(value == "—" for key, (value, _) in c.items() if key in ("dang-ky", "dung-han", "nu"))
    assert c["ca-nhan"][0] == "0"
    # the province's totals: 7 individual awards, 3 to leaders, 4 to women, 2 of 3 units registered
    total = html.split('id="h-total"', 1)[1].split("</section>", 1)[0]
    assert "66,7 % (2/3)" in total and "42,9 % (3/7)" in total and "57,1 % (4/7)" in total
    assert "viên chức, chiến sĩ</dt><dd>28,6 % (2/7)" in total  # staff: Phạm Văn Chuyên, Nguyễn Văn Giáo
    assert "lao động sản xuất</dt><dd>28,6 % (2/7)" in total  # direct: Đỗ Thị Cấp, Trần Văn Dân
    assert "7 / 1 / 1" in total


def test_a_commune_below_the_provinces_target_is_marked_and_can_be_listed_alone(client, province_world):
    from thidua.provinceoffice import services

    w = province_world
    services.set_target(actor=w.officer, key="dang-ky", year=2025, planned=Decimal("80"))
    _computed(client, w)
    html = client.get(URL, {"nam": "2025"}).content.decode()
    table = _table(html)
    assert table[w.a.pk]["dang-ky"][1].endswith("chưa đạt")
    assert "chưa đạt" not in table[w.b.pk]["dang-ky"][1]
    assert "vạch đỏ: chỉ tiêu của tỉnh" in html and 'class="target"' in html
    # the chart's coordinates are numbers an SVG reads (never a Vietnamese "12,5")
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert not re.search(r'(?:x|y|x1|x2|y2|width|height)="[^"]*,', svg)
    assert re.search(r'<rect [^>]*width="\d+(\.\d)?"[^>]*class="bar missed"', svg)
    only = _table(client.get(URL, {"nam": "2025", "chua_dat": "1"}).content.decode())
    assert list(only) == [w.a.pk]


def test_filter_without_diacritics_and_sort_by_a_ratio(client, province_world):
    w = province_world
    _computed(client, w)
    assert list(_table(client.get(URL, {"nam": "2025", "q": "binh"}).content.decode())) == [w.a.pk, w.b.pk]
    by_coverage = _table(client.get(URL, {"nam": "2025", "sap_xep": "dang-ky"}).content.decode())
    assert list(by_coverage) == [w.b.pk, w.a.pk, w.c.pk]  # 100 %, 50 %, no figure last


def test_the_excel_export_holds_the_same_figures(client, province_world):
    w = province_world
    _computed(client, w)
    response = client.get(reverse("provinceoffice:dashboard_excel"), {"nam": "2025"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = next(r for r in rows if r and r[0] == "STT")
    data = {r[1]: dict(zip(header, r)) for r in rows[rows.index(header) + 1:] if r[1]}
    assert list(data)[:3] == ["Xã An Bình", "Xã Ấp Bắc", "Xã Bình Minh"]
    a = data["Xã An Bình"]
    assert a["Tỷ lệ đơn vị đăng ký thi đua (%)"] == 50
    assert (a["Khen thưởng cá nhân"], a["Lãnh đạo, quản lý"], a["Nữ"], a["Đã chi (đồng)"]) == (5, 2, 3, 1_000_000)
    assert data["Toàn tỉnh"]["Khen thưởng cá nhân"] == 7


def test_the_page_reads_a_fixed_number_of_queries(client, province_world, django_assert_max_num_queries):
    w = province_world
    _computed(client, w)
    client.force_login(w.auditor)
    with django_assert_max_num_queries(8):
        assert client.get(URL, {"nam": "2025"}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("provinceoffice:targets")).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("provinceoffice:communes")).status_code == 200


def test_only_province_users_read_it_and_only_the_office_recomputes(client, province_world):
    w = province_world
    client.force_login(w.commune_officer)
    assert client.get(URL).status_code == 403
    assert client.get(reverse("provinceoffice:dashboard_excel")).status_code == 403
    client.force_login(w.auditor)
    assert client.get(URL).status_code == 200
    assert client.post(reverse("provinceoffice:refresh"), {"nam": "2025"}).status_code == 403
    # another province's officer sees her own province's (empty) dashboard, never these communes
    _computed(client, w, user=w.foreign_officer)
    assert _table(client.get(URL, {"nam": "2025"}).content.decode()).keys() == {w.foreign.pk}


def test_the_nightly_job_computes_every_provinces_figures_and_the_provinces_target_reads_them(province_world):
    from thidua.provinceoffice import services, tasks
    from thidua.provinceoffice.models import CommuneFigures
    from thidua.targets import sources

    w = province_world
    tasks.refresh_all_provinces.call()
    assert CommuneFigures.objects.filter(province=w.province, year=2025).count() == 3
    services.set_target(actor=w.officer, key="nu", year=2025, planned=Decimal("50"))
    actual = sources.get("tinh_nu").compute(w.province, [2025], None)[2025]
    assert (actual.value, actual.detail) == (Decimal("57.1"), "4/7 (3 xã)")
