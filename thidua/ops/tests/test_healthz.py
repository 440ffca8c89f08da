"""/healthz tells whether the system is really working: the database, a live worker, a queue
that moves, a recent backup and a recent, passing audit-chain check; 503 when any is stale."""
import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from thidua.ops.models import ScheduledRun, WorkerHeartbeat
from thidua.ops.tasks import nightly_backup

pytestmark = pytest.mark.django_db


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


@pytest.fixture
def healthy_world():
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="may-chu", pid=1, last_seen=ago(seconds=3))
    for job in ("backup", "verify_chain"):
        ScheduledRun.objects.create(job=job, period="2026-12-05", finished_at=ago(hours=10), ok=True)


def test_healthz_answers_ok_when_every_check_is_fresh(client, healthy_world):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert body["worker"]["last_heartbeat_seconds_ago"] <= 5
    assert body["queue"] == {"ok": True, "backlog": 0, "oldest_waiting_seconds": None}
    assert 10 * 3600 - 5 <= body["backup"]["last_success_seconds_ago"] <= 10 * 3600 + 5


def test_healthz_answers_503_when_the_workers_heartbeat_is_stale(client, healthy_world):
    WorkerHeartbeat.objects.update(last_seen=ago(minutes=5))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "stale"
    assert response.json()["worker"]["ok"] is False and response.json()["backup"]["ok"] is True


def test_healthz_answers_503_without_any_worker(client, healthy_world):
    WorkerHeartbeat.objects.all().delete()
    assert client.get("/healthz").status_code == 503


def test_a_task_waiting_too_long_makes_the_queue_stale(client, healthy_world):
    result = nightly_backup.enqueue()
    assert client.get("/healthz").json()["queue"]["backlog"] == 1 and client.get("/healthz").status_code == 200
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=ago(hours=1))
    body = client.get("/healthz").json()
    assert body["queue"]["ok"] is False and body["queue"]["oldest_waiting_seconds"] >= 3600


def test_an_old_backup_or_a_failed_chain_check_is_stale(client, healthy_world):
    ScheduledRun.objects.filter(job="backup").update(finished_at=ago(hours=40))
    assert client.get("/healthz").json()["backup"]["ok"] is False
    ScheduledRun.objects.filter(job="backup").update(finished_at=ago(hours=1))
    ScheduledRun.objects.create(job="verify_chain", period="2026-12-06", finished_at=ago(minutes=1), ok=False,
                                message="ChainBroken: Chuỗi nhật ký bị phá vỡ")
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["chain"]["last_run_failed"] is True


def test_healthz_carries_no_private_data(client, healthy_world):
    ScheduledRun.objects.create(job="verify_chain", period="2026-12-06", finished_at=ago(minutes=1), ok=False,
                                message="ChainBroken: mục #42 của Nguyễn Văn A")
    text = client.get("/healthz").content.decode()
    assert "Nguyễn" not in text and "may-chu" not in text


def test_static_assets_are_served_by_the_app(client):
    # Offline intranet: no CDN, the app serves its own CSS and htmx.
    for asset in ("/static/thidua/app.css", "/static/thidua/htmx.min.js"):
        response = client.get(asset)
        assert response.status_code == 200, asset


def test_pages_reference_no_external_hosts(client_as):
    html = client_as("canbotdkt").get("/").content.decode()
    assert "http://" not in html and "https://" not in html
