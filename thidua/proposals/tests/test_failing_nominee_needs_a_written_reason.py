"""On acceptance the engine judges every nominee; a nominee who fails is shown with the
article she fails, and reaches the council only if the officer writes why (audited)."""
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.models import Nomination

pytestmark = pytest.mark.django_db
REASON = "Giáo viên có thành tích đột xuất cứu học sinh đuối nước, đề nghị Hội đồng xem xét."


def test_acceptance_stores_each_verdict_with_its_articles(flow):
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Vũ Thị Minh Hương", "LDTT")])
    mai, huong = (dossier.nominations.get(person__full_name=name) for name in ("Nguyễn Thị Mai", "Vũ Thị Minh Hương"))
    assert mai.eligible is True and mai.failed_checks == []
    assert huong.eligible is False
    failed = huong.failed_checks
    assert failed and all(c["article"] for c in failed)
    assert any("Điều 24" in c["article"] for c in failed)  # LĐTT: rated at least HTTNV (Law Điều 24)
    assert huong.verdict["authority"] == "CHU_TICH_UBND_XA"


def test_a_failing_nominee_cannot_pass_without_a_reason(flow):
    dossier = flow.accepted(nominees=[("Vũ Thị Minh Hương", "LDTT")])
    nomination = dossier.nominations.get()
    for reason in ("", "   ", "vì thế"):
        with pytest.raises(ValidationError):
            services.pass_nominee(actor=flow.officer, nomination=nomination, reason=reason)
    with pytest.raises(ValidationError, match="Không có đề nghị nào đủ điều kiện"):
        services.publish_dossier(actor=flow.officer, dossier=dossier)
    assert Nomination.objects.get(pk=nomination.pk).override_reason == ""


def test_a_passed_nominee_goes_on_with_her_reason_audited_and_shown_to_the_council(flow, client_as):
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Vũ Thị Minh Hương", "LDTT")])
    huong = dossier.nominations.get(person__full_name="Vũ Thị Minh Hương")
    services.pass_nominee(actor=flow.officer, nomination=huong, reason=REASON)
    entry = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Nomination),
                                      object_id=str(huong.pk), action="update").latest("id")
    assert entry.after == {"override_reason": REASON, "overridden_by": flow.officer.pk}
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    page = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/")
    assert page.status_code == 200
    assert REASON in page.content.decode()


def test_nominees_left_failing_are_not_published_nor_voted(flow):
    dossier = flow.published(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Vũ Thị Minh Hương", "LDTT")])
    huong = dossier.nominations.get(person__full_name="Vũ Thị Minh Hương")
    assert huong.outcome == Nomination.Outcome.EXCLUDED
    dossier = flow.at_council(dossier)
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    mai = dossier.nominations.get(person__full_name="Nguyễn Thị Mai")
    member = flow.term.members.get(user__username="hoidong")
    assert services.paper_nominations(dossier.meeting, member) == [mai]  # not on the ballot paper
    with pytest.raises(ValidationError, match="không thuộc phiếu bầu"):
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting,
                            choices={mai.pk: "yes", huong.pk: "yes"})


def test_a_title_already_in_the_ledger_for_the_year_fails_the_check(flow):
    dossier = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")])
    again = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT")])
    nomination = again.nominations.get()
    assert nomination.eligible is False
    assert any(c["rule"].startswith("Chưa được tặng") for c in nomination.failed_checks)
    assert dossier.decision.number
