import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from thidua.core.backup import dump_records
from thidua.org import services
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    """The test's flush re-creates content types; after its rollback the cached ids are stale."""
    from django.contrib.contenttypes.models import ContentType
    yield
    ContentType.objects.clear_cache()


def _canonical(data: bytes) -> list:
    return sorted(json.loads(data), key=lambda o: (o["model"], json.dumps(o.get("pk")), json.dumps(o["fields"], sort_keys=True)))


def test_backup_then_restore_into_an_emptied_instance_is_identical(tmp_path, settings, demo_user):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.THIDUA_MAINTENANCE_FILE = str(tmp_path / "bao-tri.json")
    (tmp_path / "media" / "ke-hoach").mkdir(parents=True)
    (tmp_path / "media" / "ke-hoach" / "ke-hoach-2026.pdf").write_bytes(b"%PDF-1.4 ke hoach thi dua")
    services.update_person(actor=demo_user("canbotdkt"), person=Person.objects.get(full_name="Nguyễn Thị Mai"),
                           note="Trước khi sao lưu")
    before = _canonical(dump_records())
    archive = tmp_path / "sao-luu.zip"
    call_command("backup", str(archive), stdout=io.StringIO())

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--noinput", verbosity=0)  # an empty instance
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    (tmp_path / "media" / "ke-hoach" / "ke-hoach-2026.pdf").unlink()
    assert not Person.objects.exists()

    call_command("restore", str(archive), "--yes", "--force-maintenance", stdout=io.StringIO())
    after = _canonical(dump_records())
    assert len(after) == len(before)
    for a, b in zip(after, before):
        assert a == b
    assert (tmp_path / "media" / "ke-hoach" / "ke-hoach-2026.pdf").read_bytes() == b"%PDF-1.4 ke hoach thi dua"
    out = io.StringIO()
    call_command("verify_chain", stdout=out)  # the audit chain survives the round trip
    assert "toàn vẹn" in out.getvalue()


def test_a_damaged_archive_is_refused_and_nothing_changes(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = tmp_path / "sao-luu.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    damaged = tmp_path / "hong.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "records.json":
                data = data.replace("Nguyễn Thị Mai".encode(), "Nguyễn Thị Mại".encode())
            dst.writestr(item, data)
    people = Person.objects.count()
    with pytest.raises(CommandError, match="không khớp"):
        call_command("restore", str(damaged), "--yes", stdout=io.StringIO())
    assert Person.objects.count() == people
