"""The city's queue at the scale of a city of 114 communes: both lists page (the waiting
dossiers by commune in Vietnamese order, ``?cho=``; the received ones, ``?page=``), the
Ministry's section shows its first dossiers and links to all of them, and a page of the queue
reads the same number of queries however many dossiers wait. The world is built here: a city,
its communes, and dossiers their chairmen sent up (the commune's side in its final state); the
city's office receives some through the service."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.accounts.models import Role, User
from thidua.awards.models import AwardType
from thidua.org.models import Organisation, Person
from thidua.proposals.models import AwardRound, Dossier, Nomination
from thidua.province import services, views
from thidua.rules import codes

pytestmark = pytest.mark.django_db

QUEUE_QUERIES = 11  # a page of the queue, whatever the number of dossiers (base.html and menu included;
# one for the clusters' proposals waiting)
# Vietnamese order: Ân < Bình < Chu < Đông < Giang < Hòa < Yên (not the code order)
NAMES = ["Xã Yên Lạc", "Xã Đông Hòa", "Xã Ân Thi", "Xã Hòa Bình", "Xã Chu Minh", "Xã Giang Biên", "Xã Bình An"]


@pytest.fixture
def city(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    city = Organisation.objects.create(code="tp-hang", name="Thành phố Hàng Thử", kind=Organisation.Kind.CITY)
    officer = User.objects.create(username="ban_tdkt_hang", role=Role.OFFICER, unit=city, first_name="Lê Thị Hằng")
    return {"city": city, "officer": officer, "communes": []}


def _communes(world, names):
    """Each commune's chairman has sent one dossier proposing one person for the city's Chiến sĩ
    thi đua; returns the sent dossiers."""
    award_type = AwardType.objects.get(code="CSTD_TINH")
    sent = []
    for name in names:
        index = len(world["communes"])
        commune = Organisation.objects.create(code=f"xa-hang-{index}", name=name, kind=Organisation.Kind.COMMUNE,
                                              parent=world["city"])
        world["communes"].append(commune)
        award_round = AwardRound.objects.create(commune=commune, name="Xét khen thưởng năm 2025",
                                                kind=codes.RoundKind.YEAR_END.value, year=2025,
                                                deadline=datetime.date(2025, 12, 15))
        dossier = Dossier.objects.create(round=award_round, unit=commune, state=Dossier.State.SENT_TO_PROVINCE,
                                         submission_number=f"{index + 1}/TTr-UBND",
                                         submission_date=datetime.date(2026, 1, 10))
        person = Person.objects.create(full_name=f"Người Đề Nghị {index}")
        Nomination.objects.create(dossier=dossier, person=person, award_type=award_type,
                                  authority=codes.Authority.CHU_TICH_UBND_TINH.value, outcome=Nomination.Outcome.PASSED)
        sent.append(dossier)
    return sent


def _waiting_names(html: str) -> list[str]:
    section = html.split('id="cho-tiep-nhan"', 1)[1].split('id="dang-xet"', 1)[0]
    return [n for n in sorted(NAMES + ["Xã Mới Thêm"]) if n in section]


def test_the_waiting_dossiers_page_in_vietnamese_order_of_their_communes(city, client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 3)
    _communes(city, NAMES)
    client.force_login(city["officer"])
    first = client.get("/thanh-pho/").content.decode()
    assert _waiting_names(first) == ["Xã Bình An", "Xã Chu Minh", "Xã Ân Thi"]  # sorted() is not Vietnamese
    assert first.index("Xã Ân Thi") < first.index("Xã Bình An") < first.index("Xã Chu Minh")
    assert "Trang 1/3 (7 hồ sơ chờ)" in first and "?cho=2#cho-tiep-nhan" in first
    second = client.get("/thanh-pho/?cho=2").content.decode()
    assert second.index("Xã Đông Hòa") < second.index("Xã Giang Biên") < second.index("Xã Hòa Bình")
    assert "Xã Ân Thi" not in second.split('id="dang-xet"')[0]
    third = client.get("/thanh-pho/?cho=3").content.decode()
    assert "Xã Yên Lạc" in third.split('id="dang-xet"')[0] and "Trang 3/3" in third


def test_the_received_dossiers_page_and_the_ministrys_section_links_to_all_of_its_own(city, client, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    monkeypatch.setattr(views, "MINISTRY_SHOWN", 1)
    sent = _communes(city, NAMES[:5])
    cases = [services.receive(actor=city["officer"], dossier=d) for d in sent[:4]]
    client.force_login(city["officer"])
    first = client.get("/thanh-pho/").content.decode()
    received = first.split('id="dang-xet"', 1)[1]
    # newest first: the last two received on page 1, the first two on page 2
    assert f"/de-nghi/ho-so/{cases[3].province_dossier_id}/" in received
    assert f"/de-nghi/ho-so/{cases[0].province_dossier_id}/" not in received and "Trang 1/2" in received
    assert f"/de-nghi/ho-so/{cases[0].province_dossier_id}/" in client.get("/thanh-pho/?page=2").content.decode()
    # two dossiers for the Prime Minister: the section shows one and links to the list of both
    from thidua.province.models import UpwardCase
    UpwardCase.objects.filter(pk__in=[cases[0].pk, cases[1].pk]).update(for_ministry=True)
    page = client.get("/thanh-pho/").content.decode()
    assert "?trinh_bo=1#dang-xet" in page
    only = client.get("/thanh-pho/?trinh_bo=1").content.decode().split('id="dang-xet"', 1)[1]
    assert f"/de-nghi/ho-so/{cases[0].province_dossier_id}/" in only
    assert f"/de-nghi/ho-so/{cases[1].province_dossier_id}/" in only
    assert f"/de-nghi/ho-so/{cases[3].province_dossier_id}/" not in only.split('id="trinh-bo"')[0]


def test_a_page_of_the_queue_reads_the_same_queries_however_many_dossiers_wait(city, client):
    sent = _communes(city, NAMES[:3])
    services.receive(actor=city["officer"], dossier=sent[0])
    client.force_login(city["officer"])
    client.get("/thanh-pho/")  # warm the session and the menu's caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/thanh-pho/").status_code == 200
    more = _communes(city, NAMES[3:] + ["Xã Mới Thêm"] * 86)  # 37 waiting, 56 received: both lists page
    for dossier in more[:55]:
        services.receive(actor=city["officer"], dossier=dossier)
    with CaptureQueriesContext(connection) as many:
        page = client.get("/thanh-pho/")
    html = page.content.decode()
    assert page.status_code == 200 and "?cho=2#cho-tiep-nhan" in html and "?page=2" in html
    assert len(many) == len(few) <= QUEUE_QUERIES, [q["sql"] for q in many.captured_queries]
