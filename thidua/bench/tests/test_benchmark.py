"""The benchmark keeps working (reduced size in CI; full size by hand, see docs/benchmarks.md)."""
import json

import pytest
from django.core.management import call_command
from django.test.utils import CaptureQueriesContext
from django.db import connection

from thidua.bench.generator import Sizes, make_province
from thidua.org.models import Membership, Organisation

pytestmark = pytest.mark.django_db

SMALL = Sizes(villages=3, citizens=20, households=60, staff_scale=0.2)


def test_the_generator_is_deterministic_for_a_seed():
    make_province(communes=2, seed=7, sizes=SMALL, log=None)
    names = list(Organisation.objects.filter(code__startswith="tinh-mo-phong-7").order_by("code").values_list("name", flat=True))
    Organisation.objects.filter(code__startswith="tinh-mo-phong-7")  # same seed again is refused
    with pytest.raises(ValueError):
        make_province(communes=2, seed=7, sizes=SMALL, log=None)
    assert len(names) > 2 * 20 and names[0] == "Tỉnh Mô Phỏng 7"


def test_the_benchmark_writes_its_report_with_every_page_answering(tmp_path):
    make_province(communes=1, seed=8, sizes=SMALL, log=None)
    out = tmp_path / "benchmarks.md"
    call_command("benchmark", "--seed", "8", "--repeat", "2", "--out", str(out), stdout=open("/dev/null", "w"))
    text = out.read_text(encoding="utf-8")
    assert "| Trang cá nhân |" in text and "Danh sách đủ điều kiện, toàn tỉnh" in text
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["pages"] and all(p["status"] == 200 for p in data["pages"])
    assert all(p["queries"] > 0 for p in data["pages"])


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
            "/tim-kiem/?q=nguyen", "/khen-thuong/so-khen-thuong/?nam=2025", "/to-chuc/"]
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
