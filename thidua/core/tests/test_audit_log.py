import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.core.models import AuditEntry
from thidua.org import services
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def _mai():
    return Person.objects.get(full_name="Nguyễn Thị Mai")


def test_an_update_writes_exactly_one_entry_with_before_and_after(demo_user):
    officer = demo_user("canbotdkt")
    mai = _mai()
    count = AuditEntry.objects.count()
    services.update_person(actor=officer, person=mai, citizen_id="030190001234", note="Đã xác minh")
    assert AuditEntry.objects.count() == count + 1
    entry = AuditEntry.objects.first()
    assert entry.action == "update" and entry.actor == officer and entry.object_id == str(mai.pk)
    assert entry.before == {"citizen_id": None, "note": ""}
    assert entry.after == {"citizen_id": "030190001234", "note": "Đã xác minh"}


def test_an_update_that_changes_nothing_writes_nothing(demo_user):
    count = AuditEntry.objects.count()
    services.update_person(actor=demo_user("canbotdkt"), person=_mai(), full_name="Nguyễn Thị Mai")
    assert AuditEntry.objects.count() == count


def test_a_failed_transaction_writes_no_entry(demo_user):
    officer = demo_user("canbotdkt")
    count = AuditEntry.objects.count()
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            services.update_person(actor=officer, person=_mai(), note="sẽ bị hủy")
            raise RuntimeError("lỗi giữa chừng")
    assert AuditEntry.objects.count() == count
    assert _mai().note == ""


def test_entries_cannot_be_edited_or_deleted():
    entry = AuditEntry.objects.first()
    entry.note = "sửa lén"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).update(note="sửa lén")
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()


def test_officer_and_auditor_browse_and_filter_the_log(client_as, demo_user):
    services.update_person(actor=demo_user("canbotdkt"), person=_mai(), note="Ghi chú kiểm tra nhật ký")
    for username in ("canbotdkt", "kiemtra"):
        response = client_as(username).get("/nhat-ky/", {"action": "update", "model": "org.person"})
        assert response.status_code == 200
        assert "Ghi chú kiểm tra nhật ký" in response.content.decode()


def test_clerks_and_council_cannot_read_the_log(client_as):
    assert client_as("vanthu_mnhp").get("/nhat-ky/").status_code == 403
    assert client_as("hoidong").get("/nhat-ky/").status_code == 403
