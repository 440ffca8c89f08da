"""E-mail goes through the outbox: a notice is "sent" only once a real SMTP server (aiosmtpd,
on a local port) accepted it; a server that is down or refuses means another attempt later,
and failures stay visible to the administrator."""
import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from thidua.accounts import notifications as notes
from thidua.accounts.models import NotificationKind, OutboundEmail
from thidua.ops.testing import run_queued_tasks

pytestmark = pytest.mark.django_db


class Mailbox:
    def __init__(self):
        self.refuse = False
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 4.3.0 Hộp thư tạm thời không nhận"
        self.received.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", _free_port(), False
    settings.EMAIL_TIMEOUT = 5
    settings.THIDUA_EMAIL_RETRY_SECONDS = [60, 300, 900]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=settings.EMAIL_PORT)
    yield mailbox, controller
    if controller._thread is not None:
        controller.stop()


@pytest.fixture
def clerk(demo_user):
    user = demo_user("vanthu_mnhp")
    user.email = "vanthu@mnhongphong.edu.vn"
    user.save()
    return user


def _notice(clerk):
    notice, = notes.notify(users=[clerk], kind=NotificationKind.DOSSIER_RETURNED, title="Hồ sơ bị trả lại",
                           body="Thiếu biên bản.", url="/de-nghi/")
    return notice


def _time_passes():
    """The backoff has elapsed: the retry scheduled for later is due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


def test_a_notice_is_retried_while_the_server_is_down_or_refuses_and_sent_when_it_comes_back(smtp, clerk):
    mailbox, controller = smtp
    notice = _notice(clerk)

    run_queued_tasks()  # nothing listens on the port
    email = OutboundEmail.objects.get(notification=notice)
    notice.refresh_from_db()
    assert email.status == "pending" and email.attempts == 1 and "Connection refused" in email.last_error
    assert not notice.emailed
    assert email.next_attempt_at - email.last_attempt_at == datetime.timedelta(seconds=60)
    run_queued_tasks()  # the retry waits for its backoff
    email.refresh_from_db()
    assert email.attempts == 1

    controller.start()
    mailbox.refuse = True
    _time_passes()
    run_queued_tasks()
    email.refresh_from_db()
    notice.refresh_from_db()
    assert email.status == "pending" and email.attempts == 2 and "451" in email.last_error
    assert email.next_attempt_at - email.last_attempt_at == datetime.timedelta(seconds=300)  # backing off
    assert not notice.emailed and mailbox.received == []

    mailbox.refuse = False
    _time_passes()
    run_queued_tasks()
    email.refresh_from_db()
    notice.refresh_from_db()
    assert email.status == "sent" and email.attempts == 3 and email.sent_at and notice.emailed
    assert [e.rcpt_tos for e in mailbox.received] == [["vanthu@mnhongphong.edu.vn"]]
    assert "Thiếu biên bản." in mailbox.received[0].content.decode()


def test_a_message_refused_at_every_attempt_is_failed_and_shown_to_the_administrator(smtp, clerk, client_as):
    mailbox, controller = smtp
    controller.start()
    mailbox.refuse = True
    notice = _notice(clerk)
    for _ in range(4):  # the first attempt and the three retries
        run_queued_tasks()
        _time_passes()
    email = OutboundEmail.objects.get(notification=notice)
    notice.refresh_from_db()
    assert email.status == "failed" and email.attempts == 4 and not notice.emailed
    assert not DBTaskResult.objects.filter(status="READY").exists()  # no more attempts

    page = client_as("quantri").get("/tai-khoan/thu-di/?trang_thai=failed").content.decode()
    assert "vanthu@mnhongphong.edu.vn" in page and "Gửi không được" in page and "451" in page
    assert client_as("canbotdkt").get("/tai-khoan/thu-di/").status_code == 403

    mailbox.refuse = False
    client_as("quantri").post("/tai-khoan/thu-di/", {"email": email.pk})
    run_queued_tasks()
    email.refresh_from_db()
    assert email.status == "sent" and len(mailbox.received) == 1
