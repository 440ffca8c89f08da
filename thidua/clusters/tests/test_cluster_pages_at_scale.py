"""The clusters' pages at the scale of a city of 114 communes: the list of clusters pages in
Vietnamese order, and a cluster's page with its ranking reads the same number of queries for a
cluster of three communes as for one of twelve, every member scored on three criteria and
locked. The world is built here: a city, its communes, its clusters (through the services)."""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import Role, User
from thidua.clusters import services, views
from thidua.movements import services as movement_services
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db

CLUSTER_PAGE_QUERIES = 18  # a cluster's page with its ranking, whatever the number of members
BANDS = {"xuat_sac": Decimal(90), "tot": Decimal(70), "hoan_thanh": Decimal(50), "chua_hoan_thanh": Decimal(0)}


@pytest.fixture
def city(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    city = Organisation.objects.create(code="tp-cum", name="Thành phố Cụm Thử", kind=Organisation.Kind.CITY)
    communes = [Organisation.objects.create(code=f"xa-cum-{i:02d}", name=f"Xã Thử Số {i:02d}",
                                            kind=Organisation.Kind.COMMUNE, parent=city) for i in range(15)]
    office = User.objects.create(username="so_tdkt_cum", role=Role.OFFICER, unit=city)
    return {"city": city, "communes": communes, "office": office}


def _scored_cluster(world, name, members):
    """A cluster of ``members`` for 2025, its first member leading, scored on three criteria by
    the leader's officer and locked."""
    office = world["office"]
    cluster = services.create_cluster(actor=office, name=name)
    cy = services.open_year(actor=office, cluster=cluster, year=2025, members=members, leader=members[0])
    cs = services.create_criteria(actor=office, cluster_year=cy, name=f"Tiêu chí {name}", bands=BANDS)
    criteria = [movement_services.add_criterion(actor=office, criteria_set=cs, code=str(i), text=f"Tiêu chí {i}",
                                                kind="regular", max_points=Decimal(30), order=i) for i in (1, 2, 3)]
    leader = User.objects.create(username=f"cum_truong_{cluster.pk}", role=Role.OFFICER, unit=members[0])
    for rank, commune in enumerate(members):
        for criterion in criteria:
            services.enter_score(actor=leader, cluster_year=cy, commune=commune, criterion=criterion,
                                 points=Decimal(30 - rank))
    assert services.lock_scores(actor=leader, cluster_year=cy) == len(members)
    return cluster


def _queries(client, url) -> tuple[int, str]:
    client.get(url)  # the session and the menu's caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_a_clusters_ranking_reads_the_same_queries_for_three_or_twelve_communes(city, client):
    small = _scored_cluster(city, "Cụm thi đua nhỏ", city["communes"][:3])
    large = _scored_cluster(city, "Cụm thi đua lớn", city["communes"][3:15])
    client.force_login(city["office"])
    few, _page = _queries(client, f"/cum-thi-dua/{small.pk}/")
    many, page = _queries(client, f"/cum-thi-dua/{large.pk}/")
    assert many == few <= CLUSTER_PAGE_QUERIES, (few, many)
    ranking = page.split('id="ranking"', 1)[1]
    # the first member scored highest: ranked first, the last member last, all twelve listed, locked
    assert ranking.index("Xã Thử Số 03") < ranking.index("Xã Thử Số 08") < ranking.index("Xã Thử Số 14")
    assert ranking.count("data-unit=") == 12 and ranking.count("Đã khóa") == 12


def test_the_list_of_clusters_pages_in_vietnamese_order(city, client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    office = city["office"]
    for name in ("Cụm Yên Hưng", "Cụm Đông Triều", "Cụm Ân Thi", "Cụm Bạch Đằng", "Cụm Chí Linh"):
        services.create_cluster(actor=office, name=name)
    client.force_login(office)
    first = client.get("/cum-thi-dua/").content.decode()
    assert first.index("Cụm Ân Thi") < first.index("Cụm Bạch Đằng") and "Cụm Chí Linh" not in first
    assert "Trang 1/3" in first and "?page=2" in first
    second = client.get("/cum-thi-dua/?page=2").content.decode()
    assert second.index("Cụm Chí Linh") < second.index("Cụm Đông Triều") and "Cụm Ân Thi" not in second
    assert "Cụm Yên Hưng" in client.get("/cum-thi-dua/?page=3").content.decode()
