"""Ranking within each block: totals, the documented tie rule, bands, the leader's suggestion;
and the query counts of the overview and ranking pages."""
from decimal import Decimal

import pytest

from thidua.movements.selectors import block_rankings, rank_entries
from thidua.org.models import Organisation

from .conftest import schools_block

pytestmark = pytest.mark.django_db


def _entry(name, total, regular, penalty=0):
    return {"unit": Organisation(name=name), "scorecard": object(), "total": Decimal(total),
            "regular": Decimal(regular), "penalty": Decimal(penalty)}


def test_ties_go_to_more_regular_points_then_fewer_penalties_then_the_name_in_vietnamese_order():
    entries = rank_entries([
        _entry("Trường Tiểu học An Bình", 95, 95),
        _entry("Trường Mầm non Đông Hồ", 95, 93, penalty=-1),      # 93 + 3 bonus - 1
        _entry("Trường Mầm non Dương Xá", 95, 93, penalty=-2),     # 93 + 4 bonus - 2: more penalty
        _entry("Trường Mầm non Ánh Dương", 95, 95),                # same as An Bình: name decides
        {"unit": Organisation(name="Trường A chưa chấm"), "scorecard": None, "total": Decimal(0),
         "regular": Decimal(0), "penalty": Decimal(0)},
        _entry("Trường Mầm non Âu Cơ", 96, 90),
    ])
    assert [(e["rank"], e["unit"].name) for e in entries] == [
        (1, "Trường Mầm non Âu Cơ"),
        (2, "Trường Mầm non Ánh Dương"),  # "Mầm" sorts before "Tiểu" in Vietnamese order
        (3, "Trường Tiểu học An Bình"),
        (4, "Trường Mầm non Đông Hồ"),
        (5, "Trường Mầm non Dương Xá"),
        (None, "Trường A chưa chấm"),
    ]


def test_the_demo_schools_block_is_ranked_by_total_with_bands_and_the_leader_suggested(demo_user):
    block = next(b for b in block_rankings(user=demo_user("canbotdkt"), year=2026) if b["block"] == schools_block())
    ranked = [(e["rank"], e["unit"].code, e["total"]) for e in block["entries"] if e["rank"]]
    assert ranked == [
        (1, "thcs-thanh-giang", Decimal("101.5")), (2, "th-chi-lang-nam", Decimal(99)),
        (3, "th-thanh-giang", Decimal(96)), (4, "mn-chi-lang-nam", Decimal(93)),
        (5, "mn-thanh-giang", Decimal(50)), (6, "thcs-chi-lang-bac", Decimal(50)),
    ]
    bands = {e["unit"].code: e["band"].code for e in block["entries"] if e["band"]}
    assert bands["thcs-thanh-giang"] == "xuat_sac" and bands["mn-chi-lang-nam"] == "tot"
    assert bands["mn-thanh-giang"] == "chua_hoan_thanh"
    assert block["leader"]["unit"].code == "thcs-thanh-giang" and not block["final"]
    assert block["progress"] == {"units": 10, "not_started": 4, "draft": 2, "submitted": 2, "locked": 2}


def test_the_ranking_page_shows_the_rule_the_leader_and_vietnamese_numbers(client_as):
    html = client_as("hoidong").get(f"/phong-trao/xep-hang/2026/?khoi={schools_block().pk}").content.decode()
    assert "Cách xếp hạng" in html and "101,5" in html
    assert "Đơn vị dẫn đầu khối: <strong>Trường THCS Thanh Giang</strong>" in html
    assert "Giấy khen của Chủ tịch UBND xã" in html


def test_a_clerk_sees_only_her_blocks_ranking_and_cannot_open_other_units_scorecards(client_as):
    html = client_as("vanthu_mnhp").get("/phong-trao/xep-hang/2026/").content.decode()
    assert "Khối các trường học" in html and "Khối các thôn" not in html
    assert "Trường THCS Thanh Giang" in html and "/phong-trao/cham-diem/" not in html


def test_the_overview_page_shows_coverage_progress_and_movements_within_a_query_budget(
        client_as, django_assert_max_num_queries):
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(23):
        response = client.get("/phong-trao/?nam=2026")
    html = response.content.decode()
    assert response.status_code == 200
    assert "37/42" in html and "Khối các trường học" in html and "Trường THCS Thanh Giang" in html
    assert "Cả nước chung sức xây dựng nông thôn mới" in html


def test_the_ranking_page_of_all_blocks_stays_within_a_query_budget(client_as, django_assert_max_num_queries):
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(12):
        response = client.get("/phong-trao/xep-hang/2026/")
    assert response.status_code == 200 and "Khối các thôn" in response.content.decode()


def test_a_clerk_opening_the_overview_lands_on_her_to_do_list(client_as):
    response = client_as("vanthu_mnhp").get("/phong-trao/")
    assert response.status_code == 302 and response["Location"] == "/phong-trao/viec-can-lam/"


def test_the_clerks_to_do_page_stays_within_a_query_budget(client_as, django_assert_max_num_queries):
    client = client_as("vanthu_mnhp")
    with django_assert_max_num_queries(19):
        html = client.get("/phong-trao/viec-can-lam/?nam=2026").content.decode()
    assert "Trường Mầm non Hồng Phong" in html and "Bắt đầu tự chấm điểm" in html
