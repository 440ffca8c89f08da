"""Backup and restore of a whole instance: every record (Django's portable JSON, so an
archive made on SQLite restores on PostgreSQL and back) and every uploaded file, in one
zip archive with a manifest of checksums."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]  # axes: the login throttle's counters
FORMAT_VERSION = 1


def _dump() -> bytes:
    out = io.StringIO()
    # Natural foreign keys (content types by name), but every row keeps its primary key.
    call_command("dumpdata", "--natural-foreign", *[f"--exclude={e}" for e in EXCLUDED],
                 "--format=jsonx", "--indent=0", stdout=out)
    return out.getvalue().encode("utf-8")


def dump_records() -> bytes:
    """All records as JSON, read in one consistent snapshot."""
    outermost = not connection.in_atomic_block  # inside a caller's transaction, that one is the snapshot
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _dump()


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def write_backup(path: Path) -> dict:
    data = dump_records()
    root = Path(settings.MEDIA_ROOT)
    files = media_files()
    manifest = {
        "format": FORMAT_VERSION, "created": timezone.now().isoformat(), "database": connection.vendor,
        "records_sha256": hashlib.sha256(data).hexdigest(), "records_count": len(json.loads(data)),
        "files": {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
    }
    tmp = Path(str(path) + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("records.json", data)
        for p in files:
            archive.write(p, f"media/{p.relative_to(root)}")
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    tmp.replace(path)  # never leave a half-written archive under the real name
    return manifest


class BackupError(Exception):
    pass


def read_backup(path: Path) -> tuple[dict, bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"Không đọc được tệp sao lưu {path}: {exc}") from exc
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            data = archive.read("records.json")
        except KeyError as exc:
            raise BackupError("Tệp sao lưu thiếu manifest.json hoặc records.json.") from exc
        if hashlib.sha256(data).hexdigest() != manifest.get("records_sha256"):
            raise BackupError("Dữ liệu trong tệp sao lưu không khớp mã kiểm tra: tệp đã hỏng hoặc bị sửa.")
        files = {}
        for name, digest in manifest.get("files", {}).items():
            content = archive.read(f"media/{name}")
            if hashlib.sha256(content).hexdigest() != digest:
                raise BackupError(f"Tệp đính kèm {name} trong bản sao lưu bị hỏng.")
            files[name] = content
    return manifest, data, files


def restore_backup(path: Path) -> dict:
    """Replace every record and uploaded file with the archive's, in one transaction."""
    manifest, data, files = read_backup(path)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("Phiên bản tệp sao lưu không được hỗ trợ.")
    fixture = Path(settings.MEDIA_ROOT).parent / f"restore-{timezone.now():%Y%m%d%H%M%S%f}.jsonx"
    fixture.parent.mkdir(parents=True, exist_ok=True)
    fixture.write_bytes(data)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # TRUNCATE refuses while FK checks are pending
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            call_command("flush", "--noinput", verbosity=0)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # back to checking FKs at commit, as loaddata expects
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", str(fixture), verbosity=0)
    finally:
        fixture.unlink(missing_ok=True)
        ContentType.objects.clear_cache()  # flush re-created content types with new ids
    root = Path(settings.MEDIA_ROOT)
    for p in media_files():
        p.unlink()
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return manifest
