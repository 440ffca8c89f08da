"""A unit clerk sees and acts on her unit's dossiers only: another unit's dossier answers 404
on every page and action, and the services refuse her (403)."""
import pytest
from django.core.exceptions import PermissionDenied

from thidua.proposals import services
from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db


def test_pages_of_another_units_dossier_answer_404(flow, client_as):
    dossier = flow.submitted()
    nomination = dossier.nominations.get()
    client = client_as("vanthu_thcstg")
    for url in (f"/de-nghi/ho-so/{dossier.pk}/", f"/de-nghi/de-nghi/{nomination.pk}/bao-cao/",
                f"/de-nghi/ho-so/{dossier.pk}/bo-ho-so/"):
        assert client.get(url).status_code == 404, url
    for url in (f"/de-nghi/ho-so/{dossier.pk}/nop/", f"/de-nghi/ho-so/{dossier.pk}/tra-lai/",
                f"/de-nghi/ho-so/{dossier.pk}/bien-ban/", f"/de-nghi/de-nghi/{nomination.pk}/xoa/"):
        assert client.post(url, {"reason": "x", "unit_minutes": "x"}).status_code == 404, url
    assert Dossier.objects.get(pk=dossier.pk).state == "submitted"
    assert str(dossier.pk) not in client.get("/de-nghi/").content.decode().split("ho-so/")[1:2]


def test_the_services_refuse_her(flow, demo_user):
    other = demo_user("vanthu_thcstg")
    draft = flow.draft()
    with pytest.raises(PermissionDenied):
        services.submit_dossier(actor=other, dossier=draft)
    with pytest.raises(PermissionDenied):
        services.add_nomination(actor=other, dossier=draft, subject=flow.person("Bùi Thị Thu"),
                                award_type=flow.award_type("LDTT"))
    with pytest.raises(PermissionDenied):
        services.create_dossier(actor=other, award_round=flow.round, unit=flow.clerk.unit)


def test_her_own_unit_works_and_a_clerk_does_not_process(flow, client_as):
    dossier = flow.submitted()
    client = client_as("vanthu_mnhp")
    assert client.get(f"/de-nghi/ho-so/{dossier.pk}/").status_code == 200
    assert client.post(f"/de-nghi/ho-so/{dossier.pk}/tiep-nhan/").status_code == 403
    assert Dossier.objects.get(pk=dossier.pk).state == "submitted"


def test_drafts_are_not_shown_to_the_council_or_the_chairman(flow, client_as):
    dossier = flow.draft()
    assert client_as("hoidong").get(f"/de-nghi/ho-so/{dossier.pk}/").status_code == 404
    assert client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/").status_code == 200


def test_clerks_do_not_see_the_council(flow, client_as):
    meeting = flow.meeting()
    client = client_as("vanthu_mnhp")
    assert client.get("/de-nghi/hoi-dong/").status_code == 403
    assert client.get(f"/de-nghi/hoi-dong/hop/{meeting.pk}/").status_code == 404
