"""Behind the shipped reverse proxy every request comes from the proxy's address: the citizens'
objection limit counts each citizen's own (forwarded) address, not the proxy's."""
import pytest

from thidua.proposals.models import Objection

pytestmark = pytest.mark.django_db


def send(client, dossier, citizen):
    return client.post(f"/de-nghi/cong-khai/{dossier.pk}/", {
        "nomination": dossier.nominations.get().pk, "name": "Trần Văn Bình", "contact": "0912345678",
        "content": "Tôi đề nghị xem lại."}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=citizen)


def test_one_citizen_at_the_limit_does_not_silence_another_behind_the_same_proxy(flow, client, settings):
    settings.THIDUA_TRUSTED_PROXIES = ["127.0.0.1"]
    dossier = flow.published()
    for _ in range(3):
        assert send(client, dossier, "203.0.113.7").status_code == 302
    assert send(client, dossier, "203.0.113.7").status_code == 429  # the first citizen is at the limit
    assert send(client, dossier, "198.51.100.20").status_code == 302  # another citizen is heard
    assert Objection.objects.filter(dossier=dossier).count() == 4


def test_without_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_limit(flow, client, settings):
    settings.THIDUA_TRUSTED_PROXIES = []
    dossier = flow.published()
    for i in range(3):
        assert send(client, dossier, f"203.0.113.{i}").status_code == 302
    assert send(client, dossier, "203.0.113.99").status_code == 429
