"""A dossier moves only along the state machine, each move by the person allowed to make it,
each move written to the audit log in the same transaction (the dossier's history)."""
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db
S = Dossier.State


def history(dossier):
    ct = ContentType.objects.get_for_model(Dossier)
    return list(AuditEntry.objects.filter(content_type=ct, object_id=str(dossier.pk), action="transition")
                .order_by("id").values_list("before__state", "after__state", "actor__username"))


def test_the_whole_way_from_draft_to_decided_is_in_the_history(flow):
    dossier = flow.decided()
    assert dossier.state == S.DECIDED
    assert history(dossier) == [
        ("draft", "submitted", "vanthu_mnhp"), ("submitted", "accepted", "canbotdkt"),
        ("accepted", "published", "canbotdkt"), ("published", "at_council", "canbotdkt"),
        ("at_council", "voted", "canbotdkt"), ("voted", "decided", "chutich")]
    award = Award.objects.get(person=flow.person("Nguyễn Thị Mai"), year=2025, award_type__code="LDTT")
    assert award.decision_number == dossier.decision.number


def test_a_returned_dossier_carries_its_reason_and_can_be_submitted_again(flow):
    dossier = flow.submitted()
    with pytest.raises(ValidationError, match="lý do"):
        services.return_dossier(actor=flow.officer, dossier=dossier, reason="  ")
    dossier = services.return_dossier(actor=flow.officer, dossier=dossier, reason="Thiếu biên bản có chữ ký.")
    assert dossier.state == S.RETURNED and dossier.return_reason == "Thiếu biên bản có chữ ký."
    dossier = services.submit_dossier(actor=flow.clerk, dossier=dossier)
    assert dossier.state == S.SUBMITTED and dossier.return_reason == ""
    entries = AuditEntry.objects.filter(object_id=str(dossier.pk), action="transition",
                                        content_type=ContentType.objects.get_for_model(Dossier))
    assert entries.filter(after__state="returned", note="Thiếu biên bản có chữ ký.").exists()


@pytest.mark.parametrize("step", ["accept", "publish", "sign"])
def test_steps_cannot_be_skipped(flow, step):
    dossier = flow.draft()
    calls = {
        "accept": lambda: services.accept_dossier(actor=flow.officer, dossier=dossier),
        "publish": lambda: services.publish_dossier(actor=flow.officer, dossier=dossier),
        "sign": lambda: services.sign_decision(actor=flow.chairman, dossier=dossier),
    }
    with pytest.raises(ValidationError):
        calls[step]()
    assert Dossier.objects.get(pk=dossier.pk).state == S.DRAFT


def test_each_step_belongs_to_its_role(flow):
    dossier = flow.submitted()
    for user in (flow.clerk, flow.chairman, flow.user("hoidong"), flow.user("kiemtra")):
        with pytest.raises(PermissionDenied):
            services.accept_dossier(actor=user, dossier=dossier)
    voted = flow.voted(unit="mn-hong-phong", nominees=[("Bùi Thị Thu", "LDTT")])
    for user in (flow.officer, flow.user("hoidong"), flow.user("quantri")):
        with pytest.raises(PermissionDenied):
            services.sign_decision(actor=user, dossier=voted)


def test_a_submitted_dossier_can_no_longer_be_edited_by_the_unit(flow):
    dossier = flow.submitted()
    with pytest.raises(ValidationError, match="đã nộp"):
        services.update_dossier(actor=flow.clerk, dossier=dossier, unit_minutes="sửa sau khi nộp")
    nomination = dossier.nominations.get()
    with pytest.raises(ValidationError):
        services.update_report(actor=flow.clerk, nomination=nomination, report="sửa")


def test_submission_needs_nominees_written_reports_and_the_units_minutes(flow):
    dossier = services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=flow.clerk.unit)
    with pytest.raises(ValidationError) as error:
        services.submit_dossier(actor=flow.clerk, dossier=dossier)
    assert "chưa có đề nghị" in str(error.value).lower()
    services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                            award_type=flow.award_type("CSTD_CO_SO"))
    with pytest.raises(ValidationError) as error:
        services.submit_dossier(actor=flow.clerk, dossier=dossier)
    assert "chưa ghi thành tích năm 2025" in str(error.value)
    assert "biên bản họp xét" in str(error.value)


def test_the_report_is_prefilled_from_the_record(flow):
    dossier = services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=flow.clerk.unit)
    n = services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                                award_type=flow.award_type("CSTD_CO_SO"))
    assert "Phó Hiệu trưởng, Trường Mầm non Hồng Phong" in n.report
    assert "Năm 2025: Hoàn thành xuất sắc nhiệm vụ" in n.report
    assert "Năm 2022: Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in n.report


def test_a_dossier_holds_either_commune_or_province_awards(flow):
    dossier = services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=flow.clerk.unit)
    services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Nguyễn Thị Mai"),
                            award_type=flow.award_type("LDTT"))
    with pytest.raises(ValidationError, match="lập hồ sơ riêng"):
        services.add_nomination(actor=flow.clerk, dossier=dossier, subject=flow.person("Bùi Thị Thu"),
                                award_type=flow.award_type("BANG_KHEN_TINH"))


def test_a_clerk_cannot_nominate_someone_outside_her_unit(flow):
    dossier = services.create_dossier(actor=flow.clerk, award_round=flow.round, unit=flow.clerk.unit)
    outsider = flow.person("Vũ Văn Nguyễn")
    with pytest.raises(ValidationError, match="không thuộc"):
        services.add_nomination(actor=flow.clerk, dossier=dossier, subject=outsider,
                                award_type=flow.award_type("LDTT"))
