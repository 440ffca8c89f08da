"""The signature keeps the decision's number and structure in its transaction; its DOCX and PDF
are made by a task queued with it (issue #17, item 7: signing 500 names no longer renders a
PDF in the chairman's request). Until the task ran the decision page says the files are being
made; what is downloaded is what the task kept, byte for byte, on every download — and a
download that comes before the task makes them then, once."""
import hashlib

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from thidua.documents.models import FrozenDecision
from thidua.ops.testing import run_queued_tasks
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db
NOMINEES = [("Nguyễn Thị Mai", "LDTT"), ("Bùi Thị Thu", "LDTT")]


def _download(client, decision, fmt):
    response = client.get(reverse("documents:signed_decision", args=[decision.pk, fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_signature_queues_the_files_and_every_download_is_the_bytes_the_task_kept(demo_user, client_as):
    queued = DBTaskResult.objects.filter(task_path="thidua.documents.tasks.render_signed_decision").count()
    decision = Flow(demo_user).decided(nominees=NOMINEES).decision
    frozen = FrozenDecision.objects.get(decision=decision)
    assert not frozen.ready and not frozen.pdf and frozen.structure["number"] == decision.number
    assert [line["name"] for line in frozen.structure["lines"]] == ["Nguyễn Thị Mai", "Bùi Thị Thu"]  # by given name
    assert DBTaskResult.objects.filter(task_path="thidua.documents.tasks.render_signed_decision").count() == queued + 1

    client = client_as("canbotdkt")
    page = client.get(reverse("proposals:decision", args=[decision.pk])).content.decode()
    assert "Đang tạo tệp DOCX và PDF" in page

    run_queued_tasks()
    frozen.refresh_from_db()
    assert frozen.ready
    pdf, again = _download(client, decision, "pdf"), _download(client, decision, "pdf")
    docx, docx_again = _download(client, decision, "docx"), _download(client, decision, "docx")
    assert pdf == again and hashlib.sha256(pdf).hexdigest() == frozen.pdf_sha256
    assert docx == docx_again and hashlib.sha256(docx).hexdigest() == frozen.docx_sha256
    page = client.get(reverse("proposals:decision", args=[decision.pk])).content.decode()
    assert "Đang tạo tệp" not in page and frozen.pdf_sha256 in page


def test_a_download_before_the_task_makes_the_files_once_and_the_task_keeps_them(demo_user, client_as):
    decision = Flow(demo_user).decided(nominees=NOMINEES).decision
    client = client_as("canbotdkt")
    early = _download(client, decision, "pdf")
    frozen = FrozenDecision.objects.get(decision=decision)
    assert frozen.ready and hashlib.sha256(early).hexdigest() == frozen.pdf_sha256
    run_queued_tasks()  # finds the files made: keeps them
    frozen.refresh_from_db()
    assert hashlib.sha256(early).hexdigest() == frozen.pdf_sha256
    assert _download(client, decision, "pdf") == early


def test_the_kept_files_cannot_be_made_twice(demo_user):
    from django.core.exceptions import PermissionDenied

    decision = Flow(demo_user).decided(nominees=NOMINEES).decision
    run_queued_tasks()
    frozen = FrozenDecision.objects.get(decision=decision)
    frozen.pdf_sha256 = "0" * 64
    with pytest.raises(PermissionDenied):
        frozen.save(update_fields=["pdf_sha256"])
