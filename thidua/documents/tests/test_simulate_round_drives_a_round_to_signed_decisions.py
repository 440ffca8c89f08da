"""`manage.py simulate_round --year Y` takes a round from the units' dossiers to the chairman's
signature through the services the pages use, on the round's own clock (the comment period
really ends before the council meets), and prints where each signed decision, its DOCX, PDF and
certificates are — addresses on THIDUA_PUBLIC_BASE_URL that answer. A year that already has a
signed round, a year to come, or a commune without the people the round needs is refused in
Vietnamese with a non-zero exit code, and nothing is written."""
import datetime
import hashlib
import io
import json
from urllib.parse import urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from thidua.accounts.models import Role, User
from thidua.core.models import AuditEntry
from thidua.documents.models import FrozenDecision
from thidua.org.models import Organisation
from thidua.proposals.models import AwardRound, CouncilTerm, Decision, Dossier

pytestmark = pytest.mark.django_db
BASE = "https://thidua.xa-thu.gov.vn"


def _simulate(year: int) -> dict:
    out = io.StringIO()
    call_command("simulate_round", "--year", str(year), stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def this_year(settings):
    settings.THIDUA_PUBLIC_BASE_URL = BASE + "/"
    return timezone.localdate().year


def _path(address: str) -> str:
    assert address.startswith(BASE + "/"), address
    return urlsplit(address).path


def test_the_summary_names_every_decision_and_its_addresses_answer(this_year, client_as, client):
    summary = _simulate(this_year)
    assert summary["year"] == this_year and summary["round"]["name"].endswith(str(this_year))
    decisions = summary["decisions"]
    assert len(decisions) >= 2 and len({d["unit"] for d in decisions}) == len(decisions)  # several units
    officer = client_as("canbotdkt")
    for d in decisions:
        decision = Decision.objects.get(pk=d["id"])
        assert (d["number"], d["date"]) == (decision.number, decision.date.isoformat())
        assert officer.get(_path(d["page"])).status_code == 200
        frozen = FrozenDecision.objects.get(decision=decision)
        for kind in ("docx", "pdf"):
            response = officer.get(_path(d[kind]))
            assert response.status_code == 200
            assert hashlib.sha256(response.content).hexdigest() == d[f"{kind}_sha256"] == getattr(frozen, f"{kind}_sha256")
        assert d["certificates"]
        for certificate in d["certificates"]:
            pdf = officer.get(_path(certificate["pdf"]))
            assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
            docx = officer.get(_path(certificate["docx"]))
            assert docx.status_code == 200 and docx.content.startswith(b"PK")
    for key in ("page", "minutes_docx", "minutes_pdf"):
        assert officer.get(_path(summary["meeting"][key])).status_code == 200
    client.logout()
    verification = decisions[0]["certificates"][0]["verification"]
    public = client.get(_path(verification))  # a citizen, no login
    assert public.status_code == 200 and decisions[0]["certificates"][0]["subject"] in public.content.decode()


def test_the_round_went_through_each_step_by_the_person_whose_step_it_is(this_year):
    summary = _simulate(this_year)
    dossiers = list(Dossier.objects.filter(decision_id__in=[d["id"] for d in summary["decisions"]])
                    .select_related("meeting", "unit", "decision"))
    kind = ContentType.objects.get_for_model(Dossier)
    for dossier in dossiers:
        # The round's own clock: the public comment period ended before the council met.
        assert dossier.published_on <= dossier.published_until < dossier.meeting.held_on <= dossier.decision.date
        steps = {e.after.get("state") if isinstance(e.after, dict) else None: e.actor
                 for e in AuditEntry.objects.filter(content_type=kind, object_id=str(dossier.pk)).select_related("actor")}
        assert steps["submitted"].role == Role.CLERK and steps["submitted"].unit_id == dossier.unit_id
        assert steps["accepted"].role == Role.OFFICER and steps["published"].role == Role.OFFICER
        assert steps["decided"].role == Role.CHAIRMAN == dossier.decision.signer.role
        # Điều 1 counts people: the first nominee holds two titles and is counted once.
        awarded = list(dossier.nominations.filter(outcome="awarded"))
        people = len({n.person_id for n in awarded})
        assert people < len(awarded) and f"cho {people:02d} cá nhân" in dossier.decision.body


def test_a_year_with_a_signed_round_is_refused_and_nothing_is_written(this_year):
    _simulate(this_year)
    counts = AwardRound.objects.count(), Dossier.objects.count(), Decision.objects.count()
    with pytest.raises(CommandError) as refused:
        _simulate(this_year)
    assert refused.value.returncode != 0
    assert f"Năm {this_year} đã có đợt khen thưởng được ký quyết định" in str(refused.value)
    assert (AwardRound.objects.count(), Dossier.objects.count(), Decision.objects.count()) == counts


def test_a_year_to_come_is_refused():
    with pytest.raises(CommandError, match="chưa đến"):
        _simulate(timezone.localdate().year + 1)


def test_without_a_council_in_office_the_round_is_refused_and_nothing_is_written(this_year):
    CouncilTerm.objects.update(end=timezone.localdate() - datetime.timedelta(days=1))  # the term has ended
    User.objects.filter(role=Role.OFFICER).update(is_active=False)
    before = (AwardRound.objects.count(), Dossier.objects.count(), AuditEntry.objects.count())
    with pytest.raises(CommandError) as refused:
        _simulate(this_year)
    message = str(refused.value)
    assert message.startswith("Thiếu dữ liệu để mô phỏng đợt khen thưởng")
    assert "Hội đồng Thi đua – Khen thưởng" in message and "cán bộ thi đua – khen thưởng" in message
    assert (AwardRound.objects.count(), Dossier.objects.count(), AuditEntry.objects.count()) == before


def test_a_step_refused_late_undoes_the_whole_round(this_year):
    """The chairman's account no longer covers the commune: the signature, the last step, is
    refused — and the dossiers, votes and notices before it are not kept either."""
    User.objects.filter(username="chutich").update(unit=Organisation.objects.get(code="mn-hong-phong"))
    before = (AwardRound.objects.count(), Dossier.objects.count(), AuditEntry.objects.count())
    with pytest.raises(CommandError) as refused:
        _simulate(this_year)
    assert str(refused.value).startswith(f"Không mô phỏng được đợt khen thưởng năm {this_year}: ")
    assert "Chủ tịch" in str(refused.value) and "được ký" in str(refused.value)  # refused at the signature
    assert (AwardRound.objects.count(), Dossier.objects.count(), AuditEntry.objects.count()) == before
