import pytest
from django.core import mail

from thidua.accounts import notifications as notes
from thidua.accounts.models import NotificationKind
from thidua.ops.testing import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=False)


def _notify(user, kind=NotificationKind.DOSSIER_RETURNED):
    return notes.notify(users=[user], kind=kind, title="Hồ sơ năm 2026 bị trả lại",
                        body="Thiếu biên bản họp bình xét.", url="/de-nghi/")


def test_a_notice_shows_in_the_app_with_an_unread_badge(client_as, demo_user):
    clerk = demo_user("vanthu_mnhp")
    _notify(clerk)
    client = client_as("vanthu_mnhp")
    html = client.get("/").content.decode()
    assert 'class="badge warn">1<' in html
    page = client.get("/tai-khoan/thong-bao/").content.decode()
    assert "Hồ sơ năm 2026 bị trả lại" in page and "Thiếu biên bản họp bình xét." in page
    client.post("/tai-khoan/thong-bao/", {"mark_read": "1"})
    assert notes.unread_count(clerk) == 0


def test_email_goes_out_from_the_outbox_to_users_who_want_it(demo_user):
    clerk = demo_user("vanthu_mnhp")
    clerk.email = "vanthu@mnhongphong.edu.vn"
    clerk.save()
    notice, = _notify(clerk)
    assert mail.outbox == [] and notice.emails.get().status == "pending"  # queued, not sent in the request
    run_queued_tasks()
    notice.refresh_from_db()
    assert notice.emailed and notice.emails.get().status == "sent"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["vanthu@mnhongphong.edu.vn"]
    assert "Thiếu biên bản" in mail.outbox[0].body and "/de-nghi/" in mail.outbox[0].body


def test_a_user_can_turn_off_email_for_a_kind(client_as, demo_user):
    clerk = demo_user("vanthu_mnhp")
    clerk.email = "vanthu@mnhongphong.edu.vn"
    clerk.save()
    kinds = [k for k in NotificationKind.values if k != NotificationKind.DOSSIER_RETURNED]
    client_as("vanthu_mnhp").post("/tai-khoan/thong-bao/", {"kinds": kinds})
    _notify(clerk)
    _notify(clerk, NotificationKind.DECISION_SIGNED)
    run_queued_tasks()
    assert len(mail.outbox) == 1  # only the decision notice was e-mailed


def test_users_without_an_email_address_get_in_app_notices_only(demo_user):
    _notify(demo_user("hoidong"), NotificationKind.BALLOT_OPEN)
    run_queued_tasks()
    assert mail.outbox == []
    assert notes.unread_count(demo_user("hoidong")) == 1
