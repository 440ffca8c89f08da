"""The province level of the synthetic province and its benchmark section (issue #20)."""
import pytest
from django.core.management import call_command

from thidua.accounts.models import User
from thidua.accounts.scoping import province_of
from thidua.bench.generator import Sizes, make_province, province_username
from thidua.movements.models import Registration

pytestmark = pytest.mark.django_db

SMALL = Sizes(villages=2, citizens=10, households=30, staff_scale=0.2)


def test_the_synthetic_province_has_its_office_and_what_the_dashboards_count():
    province = make_province(communes=2, seed=31, sizes=SMALL, log=None)
    officer = User.objects.get(username=province_username(31, "tdkt"))
    assert province_of(officer) == province and not officer.has_usable_password()
    assert {u.role for u in User.objects.filter(unit=province)} == {"admin", "officer", "chairman", "council",
                                                                    "auditor"}
    assert Registration.objects.filter(period__commune__parent=province, period__year=2025).exists()


def test_the_synthetic_province_has_a_queue_of_upward_dossiers_and_scored_clusters():
    from thidua.bench.generator import CLUSTER_CRITERIA, UPWARD_PER_COMMUNE
    from thidua.clusters.models import ClusterYear
    from thidua.movements.models import Scorecard
    from thidua.proposals.models import Dossier
    from thidua.province.models import UpwardCase

    province = make_province(communes=3, seed=33, sizes=SMALL, log=None)
    sent = Dossier.objects.filter(round__commune__parent=province, state=Dossier.State.SENT_TO_PROVINCE)
    assert sent.count() == 3 * UPWARD_PER_COMMUNE
    cases = UpwardCase.objects.filter(province=province)
    assert cases.count() == 3 * (UPWARD_PER_COMMUNE - 1)  # the last of each commune still waits
    assert {c.province_dossier.round.commune_id for c in cases} == {province.pk}
    assert all(c.province_dossier.nominations.count() == 1 for c in cases)
    cy = ClusterYear.objects.get(cluster__city=province)
    assert cy.block.members.count() == 3 and cy.leader is not None
    cards = Scorecard.objects.filter(criteria_set__block=cy.block)
    assert cards.count() == 3 and {c.state for c in cards} == {Scorecard.State.LOCKED}
    assert all(c.scores.count() == len(CLUSTER_CRITERIA) for c in cards)


def test_the_province_benchmark_writes_its_own_section_and_keeps_the_rest(tmp_path):
    make_province(communes=2, seed=32, sizes=SMALL, log=None)
    out = tmp_path / "benchmarks.md"
    out.write_text("# Đo hiệu năng\n\nbảng của lần chạy đầy đủ\n", encoding="utf-8")
    call_command("benchmark", "--seed", "32", "--repeat", "2", "--province", "--out", str(out),
                 stdout=open("/dev/null", "w"))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Đo hiệu năng\n\nbảng của lần chạy đầy đủ")
    section = text.split("<!-- province: begin -->", 1)[1].split("<!-- province: end -->", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| Bảng số liệu") or line.startswith("| Trang một xã")]
    assert len(rows) >= 4 and all(line.rstrip().endswith("| 200 |") for line in rows), rows
    assert "Tính số liệu bảng cấp tỉnh năm 2025, 2 xã" in section and "Tải Excel bảng số liệu năm 2025, 2 xã" in section
    assert "Trang cấp tỉnh: p95 ≤ 10 × sàn bố cục" in section
    # the city's queue (2 communes: 2 waiting, 4 received) and the cluster's ranking are measured
    others = [line for line in section.splitlines() if line.startswith(("| Hàng hồ sơ các xã", "| Danh sách cụm",
                                                                        "| Cụm thi đua và xếp hạng"))]
    assert len(others) == 3 and all(line.rstrip().endswith("| 200 |") for line in others), others
    assert "2 chờ tiếp nhận, 4 đã tiếp nhận" in section and "(2 xã, đã chấm và khóa điểm)" in section
    assert "chưa có trang" not in section and "tải trung bình" in section
    # a second run replaces its section instead of adding one
    call_command("benchmark", "--seed", "32", "--repeat", "2", "--province", "--out", str(out),
                 stdout=open("/dev/null", "w"))
    assert out.read_text(encoding="utf-8").count("<!-- province: begin -->") == 1
