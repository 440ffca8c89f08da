"""The targets dashboard: every target of the plan with its status and a chart drawn by a
library the app serves itself; the cultural-title pages; bounded query counts."""
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from thidua.targets.demo import TARGETS
from thidua.targets.models import Target, VillageReview

pytestmark = pytest.mark.django_db


def test_every_target_of_the_plan_is_on_the_dashboard_with_a_status_and_a_chart(client_as, django_assert_max_num_queries):
    client = client_as("kiemtra")  # read-only role: sees the dashboard
    with django_assert_max_num_queries(45):
        response = client.get("/chi-tieu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(TARGETS) == Target.objects.count() == html.count('class="card target ')
    for name in ("Thu nhập bình quân đầu người", "Tỷ lệ hộ nghèo đa chiều", "Thôn giữ vững danh hiệu",
                 "Chính quyền thân thiện", "Hoàn thành chỉ tiêu giao quân", "Hồ sơ thủ tục hành chính trực tuyến",
                 "Mặt trận Tổ quốc", "Gia đình văn hóa", "đăng ký giao ước thi đua", "Lao động tiên tiến"):
        assert name in html, name
    statuses = set(re.findall(r'data-status="(\w+)"', html))
    assert {"achieved", "at_risk", "no_data"} <= statuses
    assert html.count("<canvas data-chart=") == len(TARGETS)
    # The chart library is served by the app, never from a CDN.
    assert "/static/targets/chart.umd.min.js" in html and "cdn" not in html.lower()
    library = Path(finders.find("targets/chart.umd.min.js")).read_text()
    assert library.startswith("/*!\n * Chart.js v4") and "sourceMappingURL" not in library


def test_a_target_page_shows_its_years_and_plan_text(client_as):
    html = client_as("canbotdkt").get("/chi-tieu/ho-so-truc-tuyen/").content.decode()
    assert "trên 85,0 %" in html and "từ 80,0 %" in html  # 2030 is "> 85 %", the other years 80 %
    assert client_as("canbotdkt").get("/chi-tieu/khong-co/").status_code == 404


def test_the_culture_pages_and_the_village_panel(client_as, django_assert_max_num_queries):
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(20):
        overview = client.get("/chi-tieu/van-hoa/?nam=2025")
    assert overview.status_code == 200 and overview.content.decode().count("data-village=") == 17
    review = VillageReview.objects.get(village__name="Thôn Triều Dương", year=2025)
    with django_assert_max_num_queries(20):
        page = client.get(f"/chi-tieu/van-hoa/binh-xet/{review.pk}/")
    assert page.status_code == 200 and page.content.decode().count("data-household=") == review.entries.count()
    unit = client.get(f"/to-chuc/{review.village_id}/").content.decode()
    assert "Danh hiệu Thôn văn hóa qua các năm" in unit and "UBND huyện Thanh Miện" in unit  # 2024 title, old issuer
    assert client.get("/chi-tieu/van-hoa/?nam=abc").status_code == 200  # bad year: default, not an error
    # A school clerk sees no village.
    assert client_as("vanthu_mnhp").get(f"/chi-tieu/van-hoa/binh-xet/{review.pk}/").status_code == 404
