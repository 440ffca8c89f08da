"""A large batch is written by the worker, not in the request (issue #17): the commit button
queues it, the batch page says it is being written, then shows it written — or, when the
rows were refused, why nothing was written."""
import pytest
from django.urls import reverse

from thidua.accounts.models import Role
from thidua.exchange import services
from thidua.exchange.models import ImportBatch
from thidua.ops.testing import run_queued_tasks
from thidua.org.models import Person

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(services, "LARGE_IMPORT_ROWS", 3)


def _batch(officer, n, start_id):
    return services.preview_workbook(actor=officer, kind="people",
                                     data=workbook("people", people_rows(n, start_id=start_id)))


def test_the_commit_of_a_large_batch_is_queued_and_the_page_follows_it(demo_user, client_as, small_threshold):
    officer = demo_user("canbotdkt")
    people = Person.objects.count()
    batch = _batch(officer, 5, 795_000_000_000)
    client = client_as("canbotdkt")
    response = client.post(reverse("exchange:batch_commit", args=[batch.pk]), follow=True)
    page = response.content.decode()
    assert "đang ghi ở nền" in page.lower() and 'id="dang-ghi"' in page
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DRAFT and batch.commit_pending and Person.objects.count() == people
    # Asking again while queued changes nothing.
    client.post(reverse("exchange:batch_commit", args=[batch.pk]))

    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.COMMITTED and not batch.commit_pending
    assert Person.objects.count() == people + 5
    page = client.get(reverse("exchange:batch", args=[batch.pk])).content.decode()
    assert 'id="dang-ghi"' not in page and "Hoàn tác toàn bộ lô nhập" in page


def test_a_queued_batch_its_owner_may_no_longer_write_writes_nothing_and_says_why(demo_user, client_as, small_threshold):
    officer = demo_user("canbotdkt")
    batch = _batch(officer, 5, 796_000_000_000)
    client = client_as("canbotdkt")
    client.post(reverse("exchange:batch_commit", args=[batch.pk]))
    # Meanwhile the officer moved to another post: she may no longer import.
    officer.role = Role.AUDITOR
    officer.save(update_fields=["role"])
    people = Person.objects.count()
    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.DRAFT and not batch.commit_pending
    assert batch.commit_error.startswith("Chưa ghi gì") and Person.objects.count() == people
    assert ImportBatch.objects.get(pk=batch.pk).commit_error == batch.commit_error


def test_a_batch_queued_under_the_tasks_former_path_is_still_written(demo_user, client_as, small_threshold):
    """The queue names a task by its dotted path: rows queued while ``commit_import`` lived in
    ``exchange.tasks`` are still run after it moved beside its service."""
    from django_tasks_db.models import DBTaskResult

    officer = demo_user("canbotdkt")
    people = Person.objects.count()
    batch = _batch(officer, 4, 797_000_000_000)
    client_as("canbotdkt").post(reverse("exchange:batch_commit", args=[batch.pk]))
    queued = DBTaskResult.objects.filter(task_path="thidua.exchange.services.commit_import")
    assert queued.update(task_path="thidua.exchange.tasks.commit_import") == 1

    run_queued_tasks()
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.COMMITTED and not batch.commit_pending
    assert Person.objects.count() == people + 4
