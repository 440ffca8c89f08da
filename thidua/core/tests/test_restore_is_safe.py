"""Security issue #22, holes 2 and 3: restoring a backup never writes outside the media
folder, verifies the whole archive before touching anything, keeps content-type identity
(running workers cache those ids) and only runs with the application in maintenance."""
import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from thidua.core import maintenance
from thidua.org import services
from thidua.org.models import Person

from .content_types import shift_content_type_ids

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_media_and_flag(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.THIDUA_MAINTENANCE_FILE = str(tmp_path / "bao-tri.json")
    (tmp_path / "media" / "ke-hoach").mkdir(parents=True)
    (tmp_path / "media" / "ke-hoach" / "ke-hoach-2026.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    yield
    ContentType.objects.clear_cache()


def _backup(tmp_path) -> "Path":  # noqa: F821
    archive = tmp_path / "sao-luu.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    return archive


def _rewrite(archive, out, *, manifest_edit=None, extra=()):
    """A copy of ``archive`` with its manifest edited and extra entries added."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        for item in src.infolist():
            if item.filename != "manifest.json":
                dst.writestr(item.filename, src.read(item.filename))
        for name, content in extra:
            dst.writestr(name, content)
        if manifest_edit:
            manifest_edit(manifest)
        dst.writestr("manifest.json", json.dumps(manifest))
    return out


def _mark_person(demo_user, note: str) -> Person:
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    services.update_person(actor=demo_user("canbotdkt"), person=person, note=note)
    return person


def test_archive_naming_files_outside_the_media_folder_is_refused_and_nothing_changes(tmp_path, demo_user):
    archive = _backup(tmp_path)
    person = _mark_person(demo_user, "Sửa sau khi sao lưu")
    evil = b"#!/bin/sh\necho bi xam nhap\n"
    outside = tmp_path / "x"
    absolute = tmp_path / "abs" / "x"
    digest = hashlib.sha256(evil).hexdigest()

    def add_escapes(manifest):
        manifest["files"].update({"../x": digest, str(absolute): digest})

    crafted = _rewrite(archive, tmp_path / "doc-hai.zip", manifest_edit=add_escapes,
                       extra=[("media/../x", evil), (f"media/{absolute}", evil)])
    with pytest.raises(CommandError, match="ngoài thư mục tệp đính kèm"):
        call_command("restore", str(crafted), "--yes", "--force-maintenance", stdout=io.StringIO())
    assert not outside.exists() and not absolute.exists()
    person.refresh_from_db()
    assert person.note == "Sửa sau khi sao lưu"  # the database was not restored either
    assert (tmp_path / "media" / "ke-hoach" / "ke-hoach-2026.pdf").read_bytes() == b"%PDF-1.4 ke hoach"
    assert not maintenance.is_on()


@pytest.mark.parametrize("damage, reason", [
    (lambda m: m["files"].update({"ke-hoach/khong-co.pdf": "0" * 64}), "thiếu tệp"),
    (lambda m: m["files"].update({"ke-hoach/ke-hoach-2026.pdf": "0" * 64}), "bị hỏng"),
    (lambda m: m.update({"records_count": m["records_count"] + 1}), "số bản ghi"),
    (lambda m: m.update({"format": 99}), "Phiên bản"),
])
def test_a_damaged_file_or_manifest_is_refused_before_the_database_is_touched(tmp_path, demo_user, damage, reason):
    archive = _backup(tmp_path)
    person = _mark_person(demo_user, "Sửa sau khi sao lưu")
    crafted = _rewrite(archive, tmp_path / "hong.zip", manifest_edit=damage)
    with pytest.raises(CommandError, match=reason):
        call_command("restore", str(crafted), "--yes", "--force-maintenance", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.note == "Sửa sau khi sao lưu"


def test_restore_refuses_to_run_while_the_application_serves_users(tmp_path, demo_user):
    archive = _backup(tmp_path)
    person = _mark_person(demo_user, "Sửa sau khi sao lưu")
    with pytest.raises(CommandError, match="bảo trì"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.note == "Sửa sau khi sao lưu"


def test_restore_keeps_every_content_type_id_that_running_workers_have_cached(tmp_path, demo_user):
    shift_content_type_ids(7)  # ids as an instance that grew app by app has them, not as a fresh install
    ids_before = {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()}
    archive = _backup(tmp_path)
    person = _mark_person(demo_user, "Sửa sau khi sao lưu")
    call_command("maintenance", "on", stdout=io.StringIO())
    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert maintenance.is_on(), "maintenance turned on by hand stays on until the administrator ends it"
    call_command("maintenance", "off", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.note != "Sửa sau khi sao lưu"
    assert {(ct.app_label, ct.model): ct.pk for ct in ContentType.objects.all()} == ids_before
