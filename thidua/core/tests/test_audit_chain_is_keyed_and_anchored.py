"""Security issue #22, hole 4: someone with write access to the database but not the audit key
(kept outside it) cannot rewrite the audit log so that ``verify_chain`` still passes, and what
they do is reported (Vietnamese message, exit 1), never a crash."""
import hashlib
import io
import os
import stat
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from thidua.core import auditkey
from thidua.core.models import AuditChainHead, AuditEntry, entry_payload
from thidua.org import services
from thidua.org.models import Person

from .test_production_settings import ROOT

pytestmark = pytest.mark.django_db


def _verify(*args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_chain", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, err.getvalue()
    return 0, out.getvalue()


def _three_changes(demo_user) -> list[AuditEntry]:
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    for note in ("Lần một", "Lần hai", "Lần ba"):
        services.update_person(actor=demo_user("canbotdkt"), person=person, note=note)
    return list(AuditEntry.objects.order_by("-id")[:3])[::-1]


def _sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _unkeyed(entry, prev):
    """What a person with only database access can compute: SHA-256 of the row's content."""
    return hashlib.sha256((prev + entry_payload(entry)).encode("utf-8")).hexdigest()


def test_a_row_edited_and_every_later_hash_recomputed_without_the_key_is_reported(demo_user):
    first, second, third = _three_changes(demo_user)
    _sql("UPDATE core_auditentry SET note = %s WHERE id = %s", ["Không có gì", first.pk])
    prev = first.prev_hash
    for row in AuditEntry.objects.select_related("content_type").filter(id__gte=first.pk).order_by("id"):
        digest = _unkeyed(row, prev)
        _sql("UPDATE core_auditentry SET prev_hash = %s, entry_hash = %s WHERE id = %s", [prev, digest, row.pk])
        prev = digest
    _sql("UPDATE core_auditchainhead SET last_hash = %s WHERE id = 1", [prev])
    code, text = _verify()
    assert code == 1 and f"#{first.pk}" in text and "đã bị sửa" in text


def test_deleting_the_last_rows_and_moving_the_head_back_is_reported(demo_user):
    first, second, third = _three_changes(demo_user)
    _sql("DELETE FROM core_auditentry WHERE id IN (%s, %s)", [second.pk, third.pk])
    _sql("UPDATE core_auditchainhead SET last_hash = %s WHERE id = 1", [first.entry_hash])
    code, text = _verify()
    assert code == 1 and "đầu chuỗi nhật ký đã bị dời" in text


def test_deleting_the_chain_head_row_is_reported_not_a_crash(demo_user):
    _three_changes(demo_user)
    _sql("DELETE FROM core_auditchainhead")
    code, text = _verify()
    assert code == 1 and "đầu chuỗi nhật ký" in text and "đã bị xóa" in text


def test_an_anchor_kept_outside_the_database_catches_a_log_wiped_or_cut(demo_user, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    first, second, third = _three_changes(demo_user)
    archive = tmp_path / "sao-luu.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    printed = tmp_path / "moc.txt"
    printed.write_text(f"Mốc nhật ký in ngày 06/12/2026: #{third.pk}:{third.entry_hash}\n", encoding="utf-8")
    code, text = _verify("--anchor", str(archive), "--anchor", str(printed), "--anchor", second.entry_hash)
    assert code == 0 and "khớp 3 mốc" in text and f"#{third.pk}:{third.entry_hash}" in text

    # Everything wiped, head included: the database alone looks like a new instance ...
    _sql("DELETE FROM core_auditentry")
    _sql("DELETE FROM core_auditchainhead")
    assert _verify()[0] == 0
    # ... but the anchors say otherwise.
    code, text = _verify("--anchor", str(archive))
    assert code == 1 and "không còn trong chuỗi" in text
    code, text = _verify("--anchor", "0" * 64)
    assert code == 1 and "không còn trong chuỗi" in text


def test_the_signing_of_a_record_can_carry_the_chain_head_in_its_audit_row(demo_user):
    from thidua.core.audit import chain_anchor, log_create

    head = chain_anchor()["hash"]
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    entry = log_create(actor=demo_user("chutich"), instance=person, note="Ký quyết định", anchor=True)
    assert entry.note == f"Ký quyết định · Mốc nhật ký: {head}"
    assert _verify()[0] == 0


def test_the_key_file_is_made_on_first_use_readable_by_its_owner_only(settings, tmp_path):
    settings.THIDUA_AUDIT_KEY = ""
    settings.THIDUA_AUDIT_KEY_FILE = tmp_path / "var" / "audit.key"
    key = auditkey.audit_key()
    assert len(key) >= 32 and auditkey.audit_key() == key
    assert stat.S_IMODE(os.stat(settings.THIDUA_AUDIT_KEY_FILE).st_mode) == 0o600


def test_production_refuses_to_start_without_an_audit_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "thidua.settings_production",
           "DJANGO_SECRET_KEY": "k" * 20 + "Zx8#q2!vB7@pL0$wN5^tR9&yU3*eI6(oA1)sD4-fG",
           # everything else production asks for is there: the key alone is missing
           "DJANGO_ALLOWED_HOSTS": "thidua.example.gov.vn", "THIDUA_PUBLIC_BASE_URL": "https://thidua.example.gov.vn"}
    for name in ("DATABASE_URL", "THIDUA_AUDIT_KEY", "THIDUA_AUDIT_KEY_FILE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "THIDUA_AUDIT_KEY" in result.stderr


def test_rows_written_before_the_key_are_resealed_once_and_the_epoch_is_recorded(demo_user):
    from importlib import import_module

    from django.db.migrations.executor import MigrationExecutor

    first, second, third = _three_changes(demo_user)
    prev = ""  # the log as the unkeyed scheme left it, before migration 0004
    for row in AuditEntry.objects.select_related("content_type").order_by("id"):
        digest = _unkeyed(row, prev)
        _sql("UPDATE core_auditentry SET prev_hash = %s, entry_hash = %s WHERE id = %s", [prev, digest, row.pk])
        prev = digest
    _sql("UPDATE core_auditchainhead SET last_hash = %s, seal = '' WHERE id = 1", [prev])
    assert _verify()[0] == 1

    historical = MigrationExecutor(connection).loader.project_state(("core", "0004_audit_chain_keyed")).apps
    import_module("thidua.core.migrations.0004_audit_chain_keyed").reseal(historical, None)
    code, text = _verify()
    assert code == 0, text
    epoch = AuditEntry.objects.order_by("-id").first()
    count = AuditEntry.objects.count() - 1
    assert epoch.note.startswith(f"Niêm phong lại chuỗi nhật ký bằng khóa HMAC: {count} mục")
    assert "Chuỗi cũ toàn vẹn" in epoch.note
    assert AuditChainHead.objects.get(pk=1).last_hash == epoch.entry_hash
