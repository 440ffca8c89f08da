"""The proposal flow tells who must act: a returned dossier its unit's clerks (with the
officer's reason), an open vote the members present who may vote, a signed decision the
officers and the unit's clerks, an overdue dossier its clerks or the officers (once). In-app
for each of them; by e-mail only to those who chose that kind by e-mail, and only after the
transaction commits."""
import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from thidua.accounts.models import EmailPreference, Notification, NotificationKind, Role, User
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Organisation
from thidua.proposals import services
from thidua.proposals.models import AwardRound, Dossier

pytestmark = pytest.mark.django_db
K = NotificationKind


def with_email(user, *, wants: bool = True, kind: str | None = None):
    user.email = f"{user.username}@namthanhmien.gov.vn"
    user.save(update_fields=["email"])
    if kind is not None:
        EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"by_email": wants})
    return user


def told(kind: str, url_part: str = "") -> dict[str, int]:
    """username -> number of notices of ``kind`` (whose link contains ``url_part``)."""
    counts: dict[str, int] = {}
    for username in Notification.objects.filter(kind=kind, url__contains=url_part).values_list(
            "user__username", flat=True):
        counts[username] = counts.get(username, 0) + 1
    return counts


def mailed(subject_part: str) -> list[str]:
    run_queued_tasks()  # the outbox's sending tasks
    return sorted(address for m in mail.outbox if subject_part in m.subject for address in m.to)


@pytest.fixture
def second_clerk():
    """Another clerk of MN Hồng Phong, who does not want returned dossiers by e-mail."""
    clerk = User.objects.create(username="vanthu2_mnhp", first_name="Văn thư 2 MN Hồng Phong", role=Role.CLERK,
                                unit=Organisation.objects.get(code="mn-hong-phong"))
    return with_email(clerk, wants=False, kind=K.DOSSIER_RETURNED)


def test_a_returned_dossier_reaches_its_units_clerks_with_the_reason(flow, demo_user, second_clerk,
                                                                      django_capture_on_commit_callbacks):
    dossier = flow.submitted()
    with_email(flow.clerk, wants=True, kind=K.DOSSIER_RETURNED)
    with_email(demo_user("vanthu_thcstg"))
    with django_capture_on_commit_callbacks(execute=True):
        services.return_dossier(actor=flow.officer, dossier=dossier, reason="Thiếu biên bản họp bình xét có chữ ký.")
    url = f"/de-nghi/ho-so/{dossier.pk}/"
    assert told(K.DOSSIER_RETURNED, url) == {"vanthu_mnhp": 1, "vanthu2_mnhp": 1}
    notice = Notification.objects.get(kind=K.DOSSIER_RETURNED, user=flow.clerk)
    assert "Thiếu biên bản họp bình xét có chữ ký." in notice.body and notice.url == url
    assert mailed("trả lại") == ["vanthu_mnhp@namthanhmien.gov.vn"]  # not the clerk who said no, not THCS
    assert url in mail.outbox[0].body


def test_nothing_is_sent_when_the_return_rolls_back(flow, django_capture_on_commit_callbacks):
    dossier = flow.submitted()
    with_email(flow.clerk)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            services.return_dossier(actor=flow.officer, dossier=dossier, reason="Thiếu biên bản họp.")
            raise RuntimeError("mất điện giữa chừng")
    run_queued_tasks()
    assert told(K.DOSSIER_RETURNED) == {} and mail.outbox == []
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.SUBMITTED


def test_an_open_vote_reaches_the_members_who_may_vote_but_not_a_recused_nominee(flow, demo_user,
                                                                               django_capture_on_commit_callbacks):
    nguyen = flow.person("Vũ Văn Nguyễn")  # the vice-chairman phochutich, nominee here
    dossier = flow.accepted(nominees=[(nguyen, "GIAY_KHEN_XA")], unit=nguyen.memberships.first().organisation.code,
                            clerk=flow.officer)
    nomination = dossier.nominations.get()
    if not nomination.eligible:
        services.pass_nominee(actor=flow.officer, nomination=nomination,
                              reason="Thành tích đột xuất trong phòng chống bão số 3, được nhân dân ghi nhận.")
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    with_email(demo_user("hoidong"))
    with_email(demo_user("chutich"), wants=False, kind=K.BALLOT_OPEN)
    with_email(demo_user("phochutich"))
    assert told(K.BALLOT_OPEN) == {}  # scheduling and the agenda tell nobody yet
    with django_capture_on_commit_callbacks(execute=True):
        services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    url = f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/"  # straight to her ballot paper
    assert told(K.BALLOT_OPEN, url) == {"chutich": 1, "hoidong": 1, "canbotdkt": 1}
    assert mailed("Mở bỏ phiếu") == ["hoidong@namthanhmien.gov.vn"]


def test_an_absent_member_is_not_called_to_vote(flow):
    fifth = User.objects.create(username="uyvien5", first_name="Ủy viên thứ năm", role=Role.COUNCIL,
                                unit=flow.round.commune)
    services.add_member(actor=flow.officer, term=flow.term, user=fifth)  # 4 of 5 present: quorum of 80 %
    present = ["chutich", "phochutich", "canbotdkt", "uyvien5"]
    dossier = flow.at_council(flow.published(), flow.meeting(present=present))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    assert told(K.BALLOT_OPEN) == {username: 1 for username in present}  # not hoidong, absent


def test_a_signed_decision_reaches_the_officers_and_the_units_clerks(flow, demo_user,
                                                                     django_capture_on_commit_callbacks):
    dossier = flow.voted()
    with_email(flow.officer)
    with_email(flow.clerk, wants=False, kind=K.DECISION_SIGNED)
    with_email(demo_user("vanthu_thcstg"))
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.sign_decision(actor=flow.chairman, dossier=dossier)
    url = f"/de-nghi/quyet-dinh/{decision.pk}/"
    assert told(K.DECISION_SIGNED, url) == {"canbotdkt": 1, "vanthu_mnhp": 1}
    assert decision.number in Notification.objects.get(kind=K.DECISION_SIGNED, user=flow.clerk).title
    assert mailed(decision.number) == ["canbotdkt@namthanhmien.gov.vn"]


def test_nothing_is_sent_when_the_signature_rolls_back(flow, django_capture_on_commit_callbacks):
    dossier = flow.voted()
    with_email(flow.officer)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            services.sign_decision(actor=flow.chairman, dossier=dossier)
            raise RuntimeError("máy chủ khởi động lại")
    assert told(K.DECISION_SIGNED) == {} and mailed("Quyết định") == []
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.VOTED


def test_a_refused_signature_tells_nobody(flow):
    dossier = flow.voted()
    with pytest.raises(PermissionDenied):
        services.sign_decision(actor=flow.officer, dossier=dossier)  # the officer may not sign
    assert told(K.DECISION_SIGNED) == {}


def test_a_dossier_still_with_its_unit_after_the_deadline_is_notified_to_its_clerks_once(
        flow, demo_user, django_capture_on_commit_callbacks):
    late_round = AwardRound.objects.create(commune=flow.round.commune, name="Chuyên đề phòng chống bão 2026",
                                           kind="thematic", year=2026,
                                           deadline=timezone.localdate() - datetime.timedelta(days=2))
    dossier = services.create_dossier(actor=flow.clerk, award_round=late_round, unit=flow.clerk.unit)
    with_email(flow.clerk)
    with_email(flow.officer)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
        call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
    url = f"/de-nghi/ho-so/{dossier.pk}/"
    assert told(K.DOSSIER_OVERDUE, url) == {"vanthu_mnhp": 1}
    assert mailed("quá hạn nộp") == ["vanthu_mnhp@namthanhmien.gov.vn"]


def test_a_dossier_waiting_for_the_office_past_five_working_days_is_notified_to_the_officers_once(flow):
    dossier = flow.submitted()
    call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
    assert told(K.DOSSIER_OVERDUE, f"/de-nghi/ho-so/{dossier.pk}/") == {}  # just submitted
    Dossier.objects.filter(pk=dossier.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=10))
    call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
    call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
    assert told(K.DOSSIER_OVERDUE, f"/de-nghi/ho-so/{dossier.pk}/") == {"canbotdkt": 1}


def test_the_office_deadline_of_the_notices_skips_tet(flow):
    """Submitted on Friday 29/01/2027: due 12/02/2027 after the Tết holidays (04–10/02), not
    05/02 as five weekdays would say."""
    dossier = flow.submitted()
    Dossier.objects.filter(pk=dossier.pk).update(submitted_at=timezone.make_aware(datetime.datetime(2027, 1, 29, 9)))
    url = f"/de-nghi/ho-so/{dossier.pk}/"
    for day in ("08/02/2027", "12/02/2027"):
        call_command("send_deadline_notices", "--date", day, stdout=open("/dev/null", "w"))
        assert told(K.DOSSIER_OVERDUE, url) == {}, day
    call_command("send_deadline_notices", "--date", "15/02/2027", stdout=open("/dev/null", "w"))
    assert told(K.DOSSIER_OVERDUE, url) == {"canbotdkt": 1}
