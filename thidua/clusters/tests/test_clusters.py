"""Clusters of communes (issue #20 item 5): the city's office manages them, the leader commune's
officer scores the members with evidence, the cluster proposes the city's Cờ thi đua and Bằng
khen; a commune sees only her own cluster. The world is built here: a city with four communes."""
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.accounts.models import Role, User
from thidua.clusters import services
from thidua.clusters.models import Cluster, ClusterProposal, ClusterYear
from thidua.core.models import AuditEntry
from thidua.movements import services as movement_services
from thidua.movements.models import Criterion, Evidence, Scorecard
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db

BANDS = {"xuat_sac": Decimal(90), "tot": Decimal(70), "hoan_thanh": Decimal(50), "chua_hoan_thanh": Decimal(0)}


def _pdf(name="minh-chung.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
                              content_type="application/pdf")


@pytest.fixture
def city(media_tmp):
    city = Organisation.objects.create(code="tp-thu", name="Thành phố Thử", kind=Organisation.Kind.CITY)
    names = ["Xã An Lão", "Xã Đông Hưng", "Xã Bạch Đằng", "Phường Lê Chân"]
    communes = [Organisation.objects.create(code=f"xa-{i}", name=n, kind=Organisation.Kind.COMMUNE, parent=city)
                for i, n in enumerate(names)]
    users = {
        "province": User.objects.create(username="so_tdkt", role=Role.OFFICER, unit=city),
        "leader": User.objects.create(username="cb_anlao", role=Role.OFFICER, unit=communes[0]),
        "member": User.objects.create(username="cb_donghung", role=Role.OFFICER, unit=communes[1]),
        "outsider": User.objects.create(username="cb_lechan", role=Role.OFFICER, unit=communes[3]),
    }
    return {"city": city, "communes": communes, "users": users}


@pytest.fixture
def media_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _year(world, *, year=2026) -> ClusterYear:
    """A cluster of the first three communes, An Lão leading, with two criteria."""
    province = world["users"]["province"]
    cluster = services.create_cluster(actor=province, name="Cụm thi đua số 1")
    cy = services.open_year(actor=province, cluster=cluster, year=year, members=world["communes"][:3],
                            leader=world["communes"][0], leader_note="Luân phiên theo thứ tự chữ cái")
    cs = services.create_criteria(actor=province, cluster_year=cy, name="Tiêu chí cụm 2026", bands=BANDS,
                                  top_award="")
    movement_services.add_criterion(actor=province, criteria_set=cs, code="1", text="Phát triển kinh tế",
                                    kind=Criterion.Kind.REGULAR, max_points=Decimal(60), order=1)
    movement_services.add_criterion(actor=province, criteria_set=cs, code="2", text="Cải cách hành chính",
                                    kind=Criterion.Kind.REGULAR, max_points=Decimal(40), order=2)
    return cy


def _score_all(world, cy, points: dict[str, tuple]):
    leader = world["users"]["leader"]
    criteria = {c.code: c for c in cy.block.criteria_sets.get().criteria.all()}
    for commune in world["communes"][:3]:
        for code, value in zip(("1", "2"), points[commune.name]):
            services.enter_score(actor=leader, cluster_year=cy, commune=commune, criterion=criteria[code],
                                 points=value, files=[_pdf()] if code == "1" else [])


def test_the_province_opens_a_cluster_year_whose_members_pact_and_criteria_are_the_movements_machinery(
        client, city):
    client.force_login(city["users"]["province"])
    assert client.post("/cum-thi-dua/them/", {"name": "Cụm thi đua số 1"}).status_code == 302
    cluster = Cluster.objects.get()
    ids = [c.pk for c in city["communes"][:3]]
    response = client.post(f"/cum-thi-dua/{cluster.pk}/nam/them/", {"year": 2026, "members": ids,
                                                                    "leader": ids[0], "leader_note": ""})
    assert response.status_code == 302
    cy = ClusterYear.objects.get()
    assert cy.block.commune == city["city"] and set(cy.block.members.values_list("pk", flat=True)) == set(ids)
    assert cy.movement.commune == city["city"] and cy.leader == city["communes"][0]
    # a unit that is not a commune of the city is refused, nothing written
    school = Organisation.objects.create(code="truong", name="Trường Thử", kind=Organisation.Kind.PRIMARY_SCHOOL,
                                         parent=city["communes"][0])
    response = client.post(f"/cum-thi-dua/{cluster.pk}/nam/them/", {"year": 2027, "members": [ids[0], school.pk]})
    assert response.status_code == 400 and ClusterYear.objects.count() == 1
    assert client.post(f"/cum-thi-dua/nam/{cy.pk}/giao-uoc/", {"title": "Giao ước cụm 2026",
                                                               "text": "Các xã cùng cam kết."}).status_code == 302
    assert cy.block.pact.title == "Giao ước cụm 2026"
    # a member commune's officer signs the pact for her commune (the movements app's service)
    client.force_login(city["users"]["member"])
    assert client.post(f"/cum-thi-dua/nam/{cy.pk}/giao-uoc/ky/", {"signed_on": "05/01/2026"}).status_code == 302
    assert cy.block.pact.signatures.get().organisation == city["communes"][1]


def test_only_the_leaders_officer_scores_with_evidence_and_the_ranking_leads_to_the_clusters_proposal(
        client, city):
    cy = _year(city)
    member = city["communes"][1]
    criterion = cy.block.criteria_sets.get().criteria.get(code="1")
    for who in ("province", "member"):
        client.force_login(city["users"][who])
        response = client.post(f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{member.pk}/",
                               {"criterion": criterion.pk, "points": "50"})
        assert response.status_code == 403
    assert not Scorecard.objects.filter(criteria_set__block=cy.block).exists()
    client.force_login(city["users"]["leader"])
    response = client.post(f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{member.pk}/",
                           {"criterion": criterion.pk, "points": "61"})
    assert response.status_code == 400 and "phải từ 0 đến 60" in response.content.decode()
    response = client.post(f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{member.pk}/",
                           {"criterion": criterion.pk, "points": "55,5", "evidence": _pdf("bao-cao.pdf")})
    assert response.status_code == 302
    assert Evidence.objects.get(score__scorecard__criteria_set__block=cy.block).original_name == "bao-cao.pdf"

    _score_all(city, cy, {"Xã An Lão": (50, 30), "Xã Đông Hưng": ("55,5", 35), "Xã Bạch Đằng": (58, 39)})
    assert services.lock_scores(actor=city["users"]["leader"], cluster_year=cy) == 3
    assert client.post(f"/cum-thi-dua/nam/{cy.pk}/de-nghi/").status_code == 302
    proposals = [(p.commune.name, p.award, p.rank, p.total) for p in ClusterProposal.objects.order_by("rank")]
    assert proposals == [
        ("Xã Bạch Đằng", ClusterProposal.Award.FLAG, 1, Decimal(97)),
        ("Xã Đông Hưng", ClusterProposal.Award.MERIT, 2, Decimal("90.5")),
        ("Xã An Lão", ClusterProposal.Award.MERIT, 3, Decimal(80)),
    ]
    assert AuditEntry.objects.filter(content_type__model="clusterproposal").count() == 3
    html = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode()
    assert "Cờ thi đua của UBND thành phố" in html and "phiên bản 1" in html


def test_the_leader_rotates_by_year_and_its_history_is_kept(client, city):
    cy = _year(city)
    province = city["users"]["province"]
    cy_2027 = services.open_year(actor=province, cluster=cy.cluster, year=2027, members=city["communes"][:3])
    services.set_leader(actor=province, cluster_year=cy_2027, leader=city["communes"][2], note="Luân phiên")
    with pytest.raises(Exception, match="thành viên"):
        services.set_leader(actor=province, cluster_year=cy_2027, leader=city["communes"][3])
    client.force_login(province)
    html = client.get(f"/cum-thi-dua/{cy.cluster_id}/?nam=2027").content.decode()
    leaders = html.split('id="leaders">')[1].split("</ul>")[0]
    assert "2027: Xã Bạch Đằng" in leaders and "2026: Xã An Lão" in leaders
    # the leader of 2026 does not lead 2027
    client.force_login(city["users"]["leader"])
    assert client.post(f"/cum-thi-dua/nam/{cy_2027.pk}/khoa/").status_code == 403


def test_a_commune_sees_only_her_own_clusters_ranking(client, city):
    cy = _year(city)
    _score_all(city, cy, {"Xã An Lão": (50, 30), "Xã Đông Hưng": (55, 35), "Xã Bạch Đằng": (58, 39)})
    client.force_login(city["users"]["member"])
    assert "Cụm thi đua số 1" in client.get("/cum-thi-dua/").content.decode()
    html = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode()
    assert "Xã Bạch Đằng" in html and f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{city['communes'][1].pk}/" in html
    assert f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{city['communes'][2].pk}/" not in html  # not her scorecard
    client.force_login(city["users"]["outsider"])
    assert "Cụm thi đua số 1" not in client.get("/cum-thi-dua/").content.decode()
    assert client.get(f"/cum-thi-dua/{cy.cluster_id}/").status_code == 404
    assert client.get(f"/cum-thi-dua/nam/{cy.pk}/cham-diem/{city['communes'][1].pk}/").status_code == 404


def test_the_cluster_ranking_page_stays_within_a_query_budget(client, city, django_assert_max_num_queries):
    cy = _year(city)
    _score_all(city, cy, {"Xã An Lão": (50, 30), "Xã Đông Hưng": (55, 35), "Xã Bạch Đằng": (58, 39)})
    client.force_login(city["users"]["province"])
    with django_assert_max_num_queries(30):
        response = client.get(f"/cum-thi-dua/{cy.cluster_id}/")
    assert response.status_code == 200


def test_the_clusters_submission_names_the_communes_proposed_and_their_awards(client, city):
    import io

    from docx import Document

    cy = _year(city)
    _score_all(city, cy, {"Xã An Lão": (50, 30), "Xã Đông Hưng": (55, 35), "Xã Bạch Đằng": (58, 39)})
    leader = city["users"]["leader"]
    client.force_login(leader)
    assert client.get(f"/cum-thi-dua/nam/{cy.pk}/to-trinh.docx").status_code == 404  # nothing proposed yet
    services.lock_scores(actor=leader, cluster_year=cy)
    client.post(f"/cum-thi-dua/nam/{cy.pk}/de-nghi/")
    response = client.get(f"/cum-thi-dua/nam/{cy.pk}/to-trinh.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "TỜ TRÌNH" in text and "cụm trưởng Cụm thi đua số 1 năm 2026" in text
    assert "Xã Bạch Đằng" in text and "Cờ thi đua của UBND thành phố" in text
    assert "Bằng khen của Chủ tịch UBND thành phố" in text and "Chủ tịch Ủy ban nhân dân thành phố Thử" in text
    client.force_login(city["users"]["member"])
    assert client.get(f"/cum-thi-dua/nam/{cy.pk}/to-trinh.docx").status_code == 403


def test_the_clusters_submission_is_signed_for_the_committee_and_lists_the_communes_as_collectives(city, tmp_path):
    """The leader commune's chairman signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"; the list heads read
    "Tên tập thể" / "Thành tích" / "Hình thức đề nghị" (not "Họ và tên" over a commune's name),
    in the DOCX and in the PDF."""
    import io
    import shutil
    import subprocess

    from docx import Document

    from thidua.clusters.documents import submission_docx, submission_pdf

    cy = _year(city)
    _score_all(city, cy, {"Xã An Lão": (50, 30), "Xã Đông Hưng": (55, 35), "Xã Bạch Đằng": (58, 39)})
    leader = city["users"]["leader"]
    services.lock_scores(actor=leader, cluster_year=cy)
    from thidua.clusters import selectors

    services.propose_awards(actor=leader, cluster_year=cy, ranking=selectors.ranking(user=leader, cluster_year=cy))
    document = Document(io.BytesIO(submission_docx(cy)))
    signature = next(t for t in document.tables if "CHỦ TỊCH" in t._tbl.xml and "Nơi nhận" in t._tbl.xml)
    assert [p.text for p in signature.rows[0].cells[1].paragraphs if p.text][:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    heads = [c.text for c in document.tables[-1].rows[0].cells]
    assert heads == ["TT", "Tên tập thể", "Thành tích", "Hình thức đề nghị"]
    assert document.tables[-1].rows[1].cells[1].text == "Xã Bạch Đằng"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "to-trinh.pdf"
    pdf.write_bytes(submission_pdf(cy))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" in text
    assert "Tên tập thể Thành tích Hình thức đề nghị" in text and "Họ và tên" not in text
