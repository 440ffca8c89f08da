"""Two chairmen's signatures at the same moment on PostgreSQL get two distinct consecutive
numbers: the counter row is locked (select_for_update) until each signature commits."""
import threading

import pytest
from django.db import connection, connections

from django.utils import timezone

from thidua.proposals import services
from thidua.proposals.models import Decision, NumberCounter

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="row locks are PostgreSQL's; SQLite's IMMEDIATE transactions already serialise writers"),
]


def sign_at_once(dossiers, signers) -> list[Exception]:
    """Each signer signs her dossier, the signatures released at the same moment in threads;
    the errors they raised."""
    barrier = threading.Barrier(len(dossiers))
    errors = []

    def sign(dossier, signer):
        try:
            barrier.wait(timeout=10)
            services.sign_decision(actor=signer, dossier=dossier)
        except Exception as exc:  # noqa: BLE001 — reported by the caller
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=pair) for pair in zip(dossiers, signers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return errors

def test_two_concurrent_signatures_get_consecutive_numbers(live_demo, demo_user, settings, tmp_path):
    # ``live_demo``: this test commits, so it runs with the live-server tests at the end and
    # starts from the demo commune (reloaded after their flushes).
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    dossiers = [flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")]),
                flow.voted(nominees=[("Bùi Thị Thu", "LDTT")])]
    signers = [demo_user("chutich"), demo_user("phochutich")]
    # 41 decisions already this year: both signatures go through the counter row's update.
    NumberCounter.objects.update_or_create(issuer=flow.round.commune, year=timezone.localdate().year,
                                           series="QĐ-UBND", defaults={"last": 41})
    errors = sign_at_once(dossiers, signers)
    assert errors == []
    numbers = sorted(Decision.objects.filter(dossiers__in=dossiers).values_list("sequence", flat=True))
    assert numbers == [42, 43]


def test_two_signatures_with_the_same_register_number_give_it_once(live_demo, demo_user, settings, tmp_path):
    """Two drafts carrying the same number the register gave (a clerk's slip) are signed at the
    same moment: one decision takes it, the other signature is refused and nothing of it is kept."""
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    dossiers = [flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")]),
                flow.voted(nominees=[("Bùi Thị Thu", "LDTT")])]
    for dossier in dossiers:
        texts = services.texts_of(dossier)
        services.save_decision_draft(actor=flow.officer, dossier=dossier, title=texts["title"],
                                     legal_bases="\n".join(texts["legal_bases"]),
                                     articles="\n".join(texts["articles"]),
                                     recipients="\n".join(texts["recipients"]), register_number=777)
    signers = [demo_user("chutich"), demo_user("phochutich")]
    errors = sign_at_once(dossiers, signers)
    assert len(errors) == 1 and "777/QĐ-UBND" in str(errors[0])
    assert list(Decision.objects.filter(dossiers__in=dossiers).values_list("number", flat=True)) == ["777/QĐ-UBND"]
