import io

import pytest
from django.core.management import call_command
from django.db import connection

from thidua.core.models import AuditEntry
from thidua.org import services
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def _verify() -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_chain", stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, err.getvalue()
    return 0, out.getvalue()


def _touch(demo_user):
    services.update_person(actor=demo_user("canbotdkt"), person=Person.objects.get(full_name="Nguyễn Thị Mai"),
                           note="Ghi chú hợp lệ")
    return AuditEntry.objects.order_by("-id").first()


def test_the_chain_of_an_untouched_log_verifies(demo_user):
    _touch(demo_user)
    code, text = _verify()
    assert code == 0 and "toàn vẹn" in text


def test_a_row_edited_behind_the_apps_back_is_named(demo_user):
    entry = _touch(demo_user)
    older = AuditEntry.objects.order_by("id")[5]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET note = %s WHERE id = %s", ["sửa lén", older.pk])
    code, text = _verify()
    assert code == 1 and f"#{older.pk}" in text and "đã bị sửa" in text
    assert entry.pk != older.pk


def test_a_deleted_row_in_the_middle_or_at_the_end_is_detected(demo_user):
    last = _touch(demo_user)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [last.pk])
    code, text = _verify()
    assert code == 1 and "đã bị xóa" in text
