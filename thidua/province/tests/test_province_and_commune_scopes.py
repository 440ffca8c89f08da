"""Who works where: the city's officer works on the dossiers sent to the city and reads the
communes' records she needs, but does not process or sign a commune's own dossier; a commune's
users never reach the city's queue, and a commune never sees another commune — not its
dossiers, not the city's dossier made from them, not the city's decision on them."""
import pytest
from django.core.exceptions import PermissionDenied

from thidua.accounts.models import Role, User
from thidua.org.models import Organisation
from thidua.proposals import access, services
from thidua.province import services as province_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_commune(upward):
    """Another commune of the city, with its own officer."""
    commune = Organisation.objects.create(code="xa-kiem-thu-khac", name="Xã Kiểm Thử Khác", kind="commune",
                                          parent=upward.city)
    officer = User(username="kt_canbo_xa_khac", first_name="Cán bộ xã khác", role=Role.OFFICER, unit=commune)
    officer.set_password("thidua-demo")
    officer.save()
    return officer


def test_the_citys_officer_reads_the_communes_records_but_processes_only_what_is_sent_to_the_city(upward, client):
    nhan = upward.person("Vũ Thị Nhạn")
    commune_dossier = upward.submitted(nominees=[(nhan, "LDTT")], unit=nhan.memberships.first().organisation.code,
                                       clerk=upward.officer)
    assert not access.can_process(upward.p_officer, commune_dossier)
    with pytest.raises(PermissionDenied):
        services.accept_dossier(actor=upward.p_officer, dossier=commune_dossier)
    assert not access.is_signer(upward.p_chairman, commune_dossier.round.commune)
    assert not access.can_run_meeting(upward.p_officer, upward.term)
    client.force_login(upward.p_officer)
    assert client.get(f"/ca-nhan/{nhan.pk}/").status_code == 200  # she reads the record she needs
    assert client.get(f"/de-nghi/ho-so/{commune_dossier.pk}/").status_code == 200
    work = client.get("/de-nghi/").content.decode()
    assert f"/de-nghi/ho-so/{commune_dossier.pk}/" not in work  # not hers to check


def test_commune_users_are_refused_the_citys_queue_and_its_processing(upward, client):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"))
    for user in (upward.officer, upward.chairman, upward.clerk):
        client.force_login(user)
        assert client.get("/thanh-pho/").status_code == 403
        assert client.post(f"/thanh-pho/ho-so/{sent.pk}/tiep-nhan/").status_code == 403
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    assert not access.can_process(upward.officer, case.province_dossier)  # the commune does not check itself
    with pytest.raises(PermissionDenied):
        services.accept_dossier(actor=upward.officer, dossier=case.province_dossier)
    for user in (upward.p_officer, upward.p_chairman, upward.p_member):
        client.force_login(user)
        assert client.get("/thanh-pho/").status_code == 200


def test_a_commune_never_sees_another_communes_dossiers_nor_the_citys_decision_on_them(upward, other_commune, client):
    nhan = upward.person("Vũ Thị Nhạn")
    sent = upward.sent(nhan)
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason="Hội đồng thành phố xem xét theo đề nghị.")
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    decision = services.sign_decision(actor=upward.p_chairman, dossier=theirs)

    client.force_login(other_commune)
    for url in (f"/de-nghi/ho-so/{sent.pk}/", f"/de-nghi/ho-so/{theirs.pk}/", f"/de-nghi/quyet-dinh/{decision.pk}/",
                f"/ca-nhan/{nhan.pk}/"):
        assert client.get(url).status_code == 404, url
    assert "Vũ Thị Nhạn" not in client.get("/khen-thuong/so-khen-thuong/").content.decode()
    assert str(sent.round.commune) not in client.get("/de-nghi/").content.decode()
