"""The queue, the worker and the scheduler as real processes on one SQLite file: a report job
survives its worker being SIGKILLed mid-job and completes once a worker starts again; two
workers never run the same task; two schedulers started together run a daily job once."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PROBE_TASKS = '''
import os, time
from django_tasks import task

@task()
def record(n: int = 0) -> int:
    with open(os.environ["PROBE_LOG"], "a") as log:
        log.write(f"{n} {os.getpid()}\\n")
    time.sleep(0.05)
    return n
'''
PROBE_SETTINGS = '''
from thidua.settings import *  # noqa
THIDUA_SCHEDULES = [{"name": "probe_daily", "task": "probe_tasks.record", "at": "00:00", "days": "daily"}]
'''


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """A migrated SQLite file (made once for this module)."""
    path = tmp_path_factory.mktemp("queue") / "template.sqlite3"
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": f"sqlite:///{path}"}, timeout=300)
    return path


@pytest.fixture
def world(template_db, tmp_path):
    db = tmp_path / "db.sqlite3"
    shutil.copy(template_db, db)
    (tmp_path / "probe_tasks.py").write_text(PROBE_TASKS)
    (tmp_path / "probe_settings.py").write_text(PROBE_SETTINGS)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "PYTHONPATH": f"{tmp_path}:{ROOT}",
           "DJANGO_SETTINGS_MODULE": "probe_settings", "PROBE_LOG": str(tmp_path / "probe.log"),
           "THIDUA_MEDIA_ROOT": str(tmp_path / "media")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return tmp_path, db, env


def _python(env, code: str) -> str:
    return subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + textwrap.dedent(code)],
                          cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120).stdout


def _start(env, tmp_path, name: str, args: list[str]) -> subprocess.Popen:
    out = open(tmp_path / f"{name}.log", "w")
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    process.stdout_path = out.name  # type: ignore[attr-defined]
    return process


def _ended_cleanly(process: subprocess.Popen, *, timeout: float) -> bool:
    """The process exited with 0; if not, the failure shows what it printed."""
    code = process.wait(timeout)
    log = Path(process.stdout_path).read_text(errors="replace")  # type: ignore[attr-defined]
    assert code == 0, f"exit {code}:\n{log[-3000:]}"
    return True


def _row(db: Path, sql: str, *params):
    with sqlite3.connect(db, timeout=30) as con:
        return con.execute(sql, params).fetchone()


def _wait_for(predicate, *, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


WORKER = ["manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
# The first worker's report build hangs (as a long build would) so that it can be killed mid-job.
STUCK_WORKER = ["-c", textwrap.dedent("""
    import time, django
    django.setup()
    from django.core.management import call_command
    from thidua.documents.reports import builder
    def stuck(**kwargs):
        kwargs["progress"](40, "giữa chừng")
        time.sleep(600)
    builder.build_report = stuck
    call_command("db_worker", "--no-startup-delay", "--interval", "0.2")
""")]


def test_a_report_job_survives_its_worker_killed_mid_job_and_completes_after_restart(world):
    tmp_path, db, env = world
    job_id = int(_python(env, """
        from thidua.org.models import Organisation
        from thidua.documents import services
        commune = Organisation.objects.create(code="xa-thu", name="Xã Thử", kind=Organisation.Kind.COMMUNE)
        job = services.request_job(actor=None, kind="five_year_docx", commune=commune,
                                   params={"year_from": 2021, "year_to": 2025})
        print(job.pk)
    """))
    first = _start(env, tmp_path, "worker1", STUCK_WORKER)
    try:
        _wait_for(lambda: _row(db, "SELECT step FROM documents_generationjob WHERE id=?", job_id)[0] == "giữa chừng",
                  timeout=90, what="the job to be running")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    status, attempts = _row(db, "SELECT status, attempts FROM documents_generationjob WHERE id=?", job_id)
    assert (status, attempts) == ("running", 1)  # left mid-way by the dead worker

    second = _start(env, tmp_path, "worker2", WORKER)
    try:
        _wait_for(lambda: _row(db, "SELECT status FROM documents_generationjob WHERE id=?", job_id)[0]
                  in ("done", "failed"), timeout=120, what="the job to finish after the restart")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(30)
    status, attempts, filename, error, task_id = _row(
        db, "SELECT status, attempts, filename, error, task_id FROM documents_generationjob WHERE id=?", job_id)
    assert (status, attempts, error) == ("done", 2, ""), (tmp_path / "worker2.log").read_text()
    assert filename.endswith(".docx") and list((tmp_path / "media").rglob(filename))
    task_status, worker_ids = _row(db, "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
                                       "WHERE replace(id, '-', '')=?", task_id.replace("-", ""))
    assert task_status == "SUCCESSFUL" and len(json.loads(worker_ids)) == 2
    assert second.returncode == 0 and _row(db, "SELECT count(*) FROM ops_workerheartbeat")[0] == 0  # left cleanly


def test_two_workers_never_run_the_same_task(world):
    tmp_path, db, env = world
    _python(env, """
        from probe_tasks import record
        for n in range(40):
            record.enqueue(n)
    """)
    batch = [*WORKER, "--batch"]
    workers = [_start(env, tmp_path, f"batch{i}", batch) for i in range(2)]
    for worker in workers:
        assert _ended_cleanly(worker, timeout=180)
    runs = [line.split() for line in (tmp_path / "probe.log").read_text().splitlines()]
    assert sorted(int(n) for n, _ in runs) == list(range(40))  # each task once
    assert _row(db, "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status='SUCCESSFUL'")[0] == 40


def test_two_schedulers_started_together_run_a_daily_job_once(world):
    tmp_path, db, env = world
    schedulers = [_start(env, tmp_path, f"scheduler{i}", ["manage.py", "scheduler", "--once"]) for i in range(2)]
    for scheduler in schedulers:
        assert _ended_cleanly(scheduler, timeout=120)
    assert _row(db, "SELECT count(*) FROM ops_scheduledrun WHERE job='probe_daily'")[0] == 1
    assert _row(db, "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE task_path='probe_tasks.record'")[0] == 1
    # Started again later the same day, they still do not run it again.
    again = _start(env, tmp_path, "scheduler3", ["manage.py", "scheduler", "--once"])
    assert _ended_cleanly(again, timeout=120)
    assert _row(db, "SELECT count(*) FROM django_tasks_database_dbtaskresult")[0] == 1
    worker = _start(env, tmp_path, "worker", [*WORKER, "--batch"])
    assert _ended_cleanly(worker, timeout=120)
    assert len((tmp_path / "probe.log").read_text().splitlines()) == 1
    assert _row(db, "SELECT ok FROM ops_scheduledrun WHERE job='probe_daily'")[0] == 1  # outcome recorded
