"""Scoring: self-scores within each criterion's range, the scorers' changes with a reason,
locked results that nobody can change, and the unit's scope."""
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.core.models import AuditEntry
from thidua.movements import services
from thidua.movements.models import CriteriaSet, Evidence, LockedError, Score, ScoreChange, Scorecard

from .conftest import pdf, schools_block, unit

pytestmark = pytest.mark.django_db


def _set() -> CriteriaSet:
    return CriteriaSet.objects.filter(block=schools_block(2026)).order_by("-version").first()


def _open(demo_user, code="mn-hong-phong", username="vanthu_mnhp") -> Scorecard:
    return services.open_scorecard(actor=demo_user(username), organisation=unit(code), criteria_set=_set())


def _criterion(code):
    return _set().criteria.get(code=code)


def _locked() -> Scorecard:
    return Scorecard.objects.get(criteria_set=_set(), organisation__code="thcs-thanh-giang", state="locked")


def test_a_self_score_above_the_criterions_maximum_is_refused(demo_user):
    card = _open(demo_user)
    with pytest.raises(ValidationError, match=r"Điểm tiêu chí 1.1 phải từ 0 đến 15 \(đã nhập 15,5\)"):
        services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("1.1"), points="15,5")
    with pytest.raises(ValidationError, match="phải từ 0 đến 3"):
        services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("T.1"), points=-1)
    assert not card.scores.exists()


def test_a_penalty_cannot_go_below_its_minimum_nor_above_zero(demo_user):
    card = _open(demo_user)
    with pytest.raises(ValidationError, match=r"Điểm trừ của tiêu chí Tr.1 phải từ -5 đến 0"):
        services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("Tr.1"), points=-6)
    with pytest.raises(ValidationError, match="phải từ -5 đến 0"):
        services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("Tr.1"), points=1)
    score = services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("Tr.1"),
                                points=-5)
    assert score.self_points == Decimal(-5)


def test_a_scorer_cannot_exceed_the_maximum_either(demo_user):
    card = Scorecard.objects.get(criteria_set=_set(), organisation__code="th-thanh-giang")  # submitted
    with pytest.raises(ValidationError, match="phải từ 0 đến 10"):
        services.review_score(actor=demo_user("hoidong"), scorecard=card, criterion=_criterion("1.3"), points=11,
                              reason="Thử")


def test_the_row_view_answers_400_with_the_message_and_saves_nothing(client_as, demo_user):
    card = _open(demo_user)
    criterion = _criterion("1.1")
    response = client_as("vanthu_mnhp").post(f"/phong-trao/cham-diem/{card.pk}/tieu-chi/{criterion.pk}/",
                                             {"points": "16"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "Điểm tiêu chí 1.1 phải từ 0 đến 15" in response.content.decode()
    assert not card.scores.exists()


def test_a_clerk_self_scores_with_an_evidence_file_and_it_is_audited(client_as, demo_user):
    card = _open(demo_user)
    criterion = _criterion("1.1")
    before = AuditEntry.objects.count()
    response = client_as("vanthu_mnhp").post(
        f"/phong-trao/cham-diem/{card.pk}/tieu-chi/{criterion.pk}/",
        {"points": "14,5", "note": "98 % trẻ hoàn thành chương trình", "evidence": pdf("bao-cao-tong-ket.pdf")},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "bao-cao-tong-ket.pdf" in response.content.decode()
    score = card.scores.get(criterion=criterion)
    assert score.self_points == Decimal("14.5") and score.evidence.get().original_name == "bao-cao-tong-ket.pdf"
    assert AuditEntry.objects.count() == before + 2  # the score and the evidence
    evidence = Evidence.objects.get(score=score)
    download = client_as("vanthu_mnhp").get(f"/phong-trao/minh-chung/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")


def test_an_evidence_file_that_is_not_what_it_claims_is_refused(client_as, demo_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    card = _open(demo_user)
    criterion = _criterion("1.1")
    response = client_as("vanthu_mnhp").post(
        f"/phong-trao/cham-diem/{card.pk}/tieu-chi/{criterion.pk}/",
        {"points": "15", "evidence": SimpleUploadedFile("anh.png", b"<script>alert(1)</script>")},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "đã kiểm tra nội dung tệp" in response.content.decode()
    assert not card.scores.exists()


def test_a_scorers_change_needs_a_reason_keeps_the_old_value_and_writes_an_audit_row(demo_user):
    card = Scorecard.objects.get(criteria_set=_set(), organisation__code="th-thanh-giang")  # submitted, 1.3 = 6
    council = demo_user("hoidong")
    with pytest.raises(ValidationError, match="Phải ghi lý do khi sửa điểm"):
        services.review_score(actor=council, scorecard=card, criterion=_criterion("1.3"), points=5, reason="  ")
    before = AuditEntry.objects.count()
    services.review_score(actor=council, scorecard=card, criterion=_criterion("1.3"), points=5,
                          reason="Chỉ 1 giải cấp xã có quyết định kèm theo")
    score = card.scores.get(criterion__code="1.3")
    assert (score.self_points, score.points, score.effective) == (Decimal(6), Decimal(5), Decimal(5))
    change = ScoreChange.objects.get(score=score)
    assert (change.old_points, change.new_points, change.changed_by) == (Decimal(6), Decimal(5), council)
    assert AuditEntry.objects.count() == before + 2
    entry = AuditEntry.objects.filter(content_type__model="score", object_id=str(score.pk)).first()
    assert entry.before == {"points": None} and entry.after == {"points": "5.00"}
    assert entry.note == "Chỉ 1 giải cấp xã có quyết định kèm theo" and entry.actor == council


def test_confirming_a_score_unchanged_needs_no_reason_and_writes_nothing(demo_user):
    card = Scorecard.objects.get(criteria_set=_set(), organisation__code="th-thanh-giang")
    before = AuditEntry.objects.count()
    services.review_score(actor=demo_user("hoidong"), scorecard=card, criterion=_criterion("1.3"), points="6,0")
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("username", ["canbotdkt", "hoidong", "vanthu_thcstg", "quantri"])
def test_a_locked_result_cannot_be_changed_by_anyone(demo_user, username):
    card, user = _locked(), demo_user(username)
    before = list(card.scores.values_list("pk", "self_points", "points"))
    with pytest.raises(LockedError, match="đã khóa ngày"):
        if user.role == "clerk":
            services.self_score(actor=user, scorecard=card, criterion=_criterion("1.1"), points=1)
        else:
            services.review_score(actor=user, scorecard=card, criterion=_criterion("1.1"), points=1, reason="Sửa")
    for attempt in (services.lock_scorecard, services.submit_scorecard):
        with pytest.raises((LockedError, PermissionDenied)):
            attempt(actor=user, scorecard=card)
    assert list(card.scores.values_list("pk", "self_points", "points")) == before


@pytest.mark.parametrize("username", ["canbotdkt", "hoidong", "vanthu_thcstg"])
def test_the_views_answer_409_with_a_vietnamese_message_on_a_locked_result(client_as, username):
    card = _locked()
    criterion = _criterion("1.1")
    client = client_as(username)
    row = client.post(f"/phong-trao/cham-diem/{card.pk}/tieu-chi/{criterion.pk}/", {"points": "1", "reason": "Sửa"},
                      HTTP_HX_REQUEST="true")
    assert row.status_code == 409 and "đã khóa" in row.content.decode()
    page = client.post(f"/phong-trao/cham-diem/{card.pk}/tieu-chi/{criterion.pk}/", {"points": "1", "reason": "x"})
    assert page.status_code == 409 and "không ai được sửa" in page.content.decode()
    if username != "vanthu_thcstg":
        lock = client.post(f"/phong-trao/cham-diem/{card.pk}/khoa/")
        assert lock.status_code == 409 and "đã khóa" in lock.content.decode()
    assert card.scores.get(criterion=criterion).effective == Decimal(15)


def test_even_a_direct_save_of_a_locked_score_is_refused():
    score = Score.objects.filter(scorecard=_locked()).first()
    score.self_points = Decimal(0)
    with pytest.raises(LockedError):
        score.save()


def test_submitting_needs_every_regular_criterion_self_scored(demo_user):
    card = _open(demo_user)
    services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("1.1"), points=15)
    with pytest.raises(ValidationError, match="chưa tự chấm: 1.2, 1.3"):
        services.submit_scorecard(actor=demo_user("vanthu_mnhp"), scorecard=card)


def test_scorers_only_review_a_submitted_result_and_the_unit_only_self_scores_a_draft(demo_user):
    draft = Scorecard.objects.get(criteria_set=_set(), organisation__code="thcs-chi-lang-bac")
    with pytest.raises(ValidationError, match="đã nộp"):
        services.review_score(actor=demo_user("hoidong"), scorecard=draft, criterion=_criterion("1.1"), points=1,
                              reason="x")
    with pytest.raises(PermissionDenied):
        services.self_score(actor=demo_user("hoidong"), scorecard=draft, criterion=_criterion("1.1"), points=1)


def test_a_clerk_cannot_open_or_score_another_units_scorecard(client_as, demo_user):
    other = Scorecard.objects.get(criteria_set=_set(), organisation__code="thcs-chi-lang-bac")
    criterion = _criterion("1.1")
    client = client_as("vanthu_mnhp")
    assert client.get(f"/phong-trao/cham-diem/{other.pk}/").status_code == 404
    assert client.post(f"/phong-trao/cham-diem/{other.pk}/tieu-chi/{criterion.pk}/", {"points": "15"}).status_code == 404
    assert client.post(f"/phong-trao/cham-diem/mo/{_set().pk}/{unit('th-chi-lang-bac').pk}/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=other, criterion=criterion, points=15)
    assert other.scores.get(criterion=criterion).self_points == Decimal(15)


def test_a_clerk_cannot_lock_her_own_result(client_as, demo_user):
    card = _open(demo_user)
    response = client_as("vanthu_mnhp").post(f"/phong-trao/cham-diem/{card.pk}/khoa/")
    assert response.status_code == 403
    card.refresh_from_db()
    assert card.state == "draft"


def test_a_clerk_removes_a_wrong_evidence_file_while_the_result_is_a_draft(client_as, demo_user):
    card = _open(demo_user)
    score = services.self_score(actor=demo_user("vanthu_mnhp"), scorecard=card, criterion=_criterion("1.4"),
                                points=10, files=[pdf("nham-tep.pdf")])
    evidence = score.evidence.get()
    response = client_as("vanthu_mnhp").post(f"/phong-trao/minh-chung/{evidence.pk}/xoa/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "nham-tep.pdf" not in response.content.decode()
    assert not score.evidence.exists()
    assert AuditEntry.objects.filter(content_type__model="evidence", action="delete").exists()


def test_scorers_return_a_result_to_the_unit_with_a_reason(client_as):
    card = Scorecard.objects.get(criteria_set=_set(), organisation__code="mn-chi-lang-nam")  # submitted
    assert client_as("hoidong").post(f"/phong-trao/cham-diem/{card.pk}/tra-lai/", {"reason": ""}).status_code == 400
    response = client_as("hoidong").post(f"/phong-trao/cham-diem/{card.pk}/tra-lai/",
                                         {"reason": "Bổ sung minh chứng tiêu chí 1.3"})
    card.refresh_from_db()
    assert response.status_code == 302 and card.state == "draft"
    entry = AuditEntry.objects.filter(content_type__model="scorecard", object_id=str(card.pk)).first()
    assert entry.after == {"state": "draft"} and entry.note == "Bổ sung minh chứng tiêu chí 1.3"
