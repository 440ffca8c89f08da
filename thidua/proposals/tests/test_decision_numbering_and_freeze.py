"""Signing: the next number of the year for the issuer, the awards in the ledger with their
money at the decision date, and a frozen decision — changed only by a later decision."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from thidua.awards.models import Award
from thidua.proposals import services
from thidua.proposals.models import Decision, Nomination
from thidua.rules.money import reward_amount

pytestmark = pytest.mark.django_db


def test_decisions_get_consecutive_numbers_of_the_year(flow):
    first = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    second = flow.decided(nominees=[("Bùi Thị Thu", "LDTT")]).decision
    assert second.sequence == first.sequence + 1
    assert second.number == f"{second.sequence:02d}/QĐ-UBND"  # ND 30/2020: "01", "02"… below 10
    assert first.year == timezone.localdate().year


def test_signing_writes_the_ledger_with_the_money_at_the_decision_date(flow):
    dossier = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Nguyễn Thị Mai", "CSTD_CO_SO")])
    decision = dossier.decision
    awards = {a.award_type.code: a for a in Award.objects.filter(person=flow.person("Nguyễn Thị Mai"), year=2025)}
    assert set(awards) >= {"LDTT", "CSTD_CO_SO"}
    assert awards["CSTD_CO_SO"].amount == reward_amount("CSTD_CO_SO", "individual", decision.date)
    assert awards["LDTT"].amount is None  # one period, several titles: only the highest is paid
    assert awards["LDTT"].decision_number == decision.number
    assert awards["LDTT"].issuer_name == "UBND xã Nam Thanh Miện"
    assert "Chiến sĩ thi đua cơ sở" in decision.body and decision.signer_capacity == "CHỦ TỊCH"


def test_the_audit_log_names_the_signer_as_the_writer_of_the_awards_and_of_their_revocation(flow):
    from django.contrib.contenttypes.models import ContentType

    from thidua.core.models import AuditEntry

    decision = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    award = Award.objects.get(decision_number=decision.number)
    entries = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Award), object_id=str(award.pk))
    assert [e.actor for e in entries.filter(action=AuditEntry.Action.CREATE)] == [flow.chairman]
    services.revoke_decision(actor=flow.chairman, decision=decision, reason="Kết luận thanh tra: khai sai thành tích.")
    assert [e.actor for e in entries.filter(action=AuditEntry.Action.UPDATE)] == [flow.chairman]


def test_a_vice_chairman_signs_for_the_chairman(flow):
    decision = flow.decided(signer="phochutich").decision
    assert decision.signer_capacity.startswith("KT. CHỦ TỊCH")
    assert "PHÓ CHỦ TỊCH" in decision.body and "Vũ Văn Nguyễn" in decision.body


def test_nobody_can_edit_a_signed_decision(flow):
    decision = flow.decided().decision
    decision.number = "999/QĐ-UBND"
    with pytest.raises(PermissionDenied):
        decision.save()
    with pytest.raises(PermissionDenied):
        Decision.objects.filter(pk=decision.pk).update(number="999/QĐ-UBND")
    with pytest.raises(PermissionDenied):
        decision.delete()
    with pytest.raises(PermissionDenied):
        Decision.objects.filter(pk=decision.pk).delete()
    assert Decision.objects.get(pk=decision.pk).number != "999/QĐ-UBND"


def test_a_decided_dossier_cannot_be_signed_again(flow):
    dossier = flow.decided()
    with pytest.raises(ValidationError):
        services.sign_decision(actor=flow.chairman, dossier=dossier)


def test_a_later_decision_revokes_the_awards_and_refers_to_the_first(flow):
    decision = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    with pytest.raises(PermissionDenied):
        services.revoke_decision(actor=flow.officer, decision=decision, reason="Khai sai thành tích")
    revocation = services.revoke_decision(actor=flow.chairman, decision=decision,
                                          reason="Kết luận thanh tra: khai sai thành tích.")
    assert revocation.revokes == decision and revocation.sequence == decision.sequence + 1
    award = Award.objects.get(person=flow.person("Nguyễn Thị Mai"), year=2025, award_type__code="LDTT")
    assert award.revoked and revocation.number in award.revocation_note
    assert Nomination.objects.get(award=award).outcome == Nomination.Outcome.REVOKED
    assert Decision.objects.get(pk=decision.pk).body == decision.body  # the original is untouched


def test_a_dossier_nothing_passed_is_closed_without_award(flow):
    dossier = flow.voted(choices={"chutich": "no", "phochutich": "no", "hoidong": "no"})
    with pytest.raises(ValidationError, match="không thông qua"):
        services.sign_decision(actor=flow.chairman, dossier=dossier)
    dossier = services.reject_dossier(actor=flow.chairman, dossier=dossier, reason="Hội đồng không thông qua.")
    assert dossier.state == "rejected"


def test_a_lower_title_than_one_already_decided_this_year_is_not_paid_again(flow):
    flow.decided(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")])
    awards = {a.award_type.code: a.amount for a in Award.objects.filter(person=flow.person("Nguyễn Thị Mai"),
                                                                        year=2025)}
    assert awards["CSTD_CO_SO"] and awards["LDTT"] is None
