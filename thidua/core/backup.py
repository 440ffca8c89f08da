"""Backup and restore of a whole instance: every record (Django's portable JSON, so an
archive made on SQLite restores on PostgreSQL and back) and every uploaded file, in one
zip archive with a manifest of checksums.

Restore (docs/security.md, issue #22): the whole archive is verified first (every checksum,
every file name inside the media folder, the records' JSON) and nothing is touched until it
is; it runs only in maintenance (``thidua.core.maintenance``); content types and permissions
are never deleted, so their ids — cached by every running server process and referenced by
the audit log — stay what they were (the archive names them by natural key). The manifest
carries the audit chain's head, an anchor ``verify_chain --anchor`` checks later."""
from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from . import maintenance
from .audit import chain_anchor

EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]  # axes: the login throttle's counters
KEPT_TABLES = (ContentType, Permission)  # never flushed: their ids stay stable across a restore
FORMAT_VERSION = 1


def _dump() -> bytes:
    out = io.StringIO()
    # Natural foreign keys (content types by name), but every row keeps its primary key.
    call_command("dumpdata", "--natural-foreign", *[f"--exclude={e}" for e in EXCLUDED],
                 "--format=jsonx", "--indent=0", stdout=out)
    return out.getvalue().encode("utf-8")


def _snapshot() -> tuple[bytes, dict]:
    """All records as JSON and the audit chain's head, read in one consistent snapshot."""
    outermost = not connection.in_atomic_block  # inside a caller's transaction, that one is the snapshot
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return _dump(), chain_anchor()


def dump_records() -> bytes:
    """All records as JSON, read in one consistent snapshot."""
    return _snapshot()[0]


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def write_backup(path: Path) -> dict:
    data, anchor = _snapshot()
    root = Path(settings.MEDIA_ROOT)
    files = media_files()
    manifest = {
        "format": FORMAT_VERSION, "created": timezone.now().isoformat(), "database": connection.vendor,
        "records_sha256": hashlib.sha256(data).hexdigest(), "records_count": len(json.loads(data)),
        "files": {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
        "audit_head": anchor,  # {"id", "hash"}: check later with verify_chain --anchor FILE.zip
    }
    tmp = Path(str(path) + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("records.json", data)
        for p in files:
            archive.write(p, f"media/{p.relative_to(root).as_posix()}")
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    tmp.replace(path)  # never leave a half-written archive under the real name
    return manifest


class BackupError(Exception):
    pass


def media_target(root: Path, name: str) -> Path:
    """Where a manifest's file name lands under the media folder, or BackupError when the name
    is absolute, climbs with ``..`` or otherwise resolves outside it (written on Windows, a
    name may use backslashes)."""
    text = name.replace("\\", "/") if isinstance(name, str) else ""
    rel = PurePosixPath(text)
    outside = (not text or "\x00" in text or rel.is_absolute() or re.match(r"^[A-Za-z]:", text)
               or any(part in ("..", "") for part in text.split("/")))
    target = (root / rel).resolve() if not outside else None
    if outside or not target.is_relative_to(root.resolve()):
        raise BackupError(f"Bản sao lưu ghi tệp ra ngoài thư mục tệp đính kèm ({name!r}): tệp bị sửa, không khôi phục.")
    return target


def _check_records(manifest: dict, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != manifest.get("records_sha256"):
        raise BackupError("Dữ liệu trong tệp sao lưu không khớp mã kiểm tra: tệp đã hỏng hoặc bị sửa.")
    try:
        records = json.loads(data)
    except ValueError as exc:
        raise BackupError(f"Dữ liệu trong tệp sao lưu không đọc được: {exc}") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) and isinstance(r.get("model"), str)
                                                for r in records):
        raise BackupError("Dữ liệu trong tệp sao lưu không đúng định dạng.")
    if len(records) != manifest.get("records_count"):
        raise BackupError(f"Tệp sao lưu có {len(records)} bản ghi, khác số bản ghi ghi trong manifest "
                          f"({manifest.get('records_count')}): tệp bị sửa.")


def read_backup(path: Path) -> tuple[dict, bytes, dict[Path, bytes]]:
    """The manifest, the records and every file with its place under MEDIA_ROOT — all of it
    verified (format, checksums, names, JSON) before anything is returned."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"Không đọc được tệp sao lưu {path}: {exc}") from exc
    root = Path(settings.MEDIA_ROOT)
    with archive:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            data = archive.read("records.json")
        except KeyError as exc:
            raise BackupError("Tệp sao lưu thiếu manifest.json hoặc records.json.") from exc
        except ValueError as exc:
            raise BackupError(f"manifest.json trong tệp sao lưu không đọc được: {exc}") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
            raise BackupError("Phiên bản tệp sao lưu không được hỗ trợ.")
        _check_records(manifest, data)
        listed = manifest.get("files", {})
        if not isinstance(listed, dict):
            raise BackupError("Danh sách tệp trong manifest không đúng định dạng.")
        targets = {name: media_target(root, name) for name in listed}  # every name first, then contents
        files = {}
        for name, digest in listed.items():
            try:
                content = archive.read(f"media/{name}")
            except KeyError as exc:
                raise BackupError(f"Tệp sao lưu thiếu tệp đính kèm {name}.") from exc
            if not isinstance(digest, str) or hashlib.sha256(content).hexdigest() != digest:
                raise BackupError(f"Tệp đính kèm {name} trong bản sao lưu bị hỏng.")
            files[targets[name]] = content
    return manifest, data, files


def _flush_keeping_content_types() -> None:
    """``flush`` without deleting content types and permissions (nor re-creating them with
    new ids): every other table of every app is emptied."""
    kept = {model._meta.db_table for model in KEPT_TABLES}
    tables = [t for t in connection.introspection.django_table_names(only_existing=True, include_views=False)
              if t not in kept]
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True))


def _load_records(data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="thidua-restore-") as tmp:
        fixture = Path(tmp) / "records.jsonx"
        fixture.write_bytes(data)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # TRUNCATE refuses while FK checks are pending
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            _flush_keeping_content_types()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # back to checking FKs at commit, as loaddata expects
                    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            call_command("loaddata", str(fixture), verbosity=0)


def _replace_media(files: dict[Path, bytes]) -> None:
    for p in media_files():
        p.unlink()
    for target, content in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def restore_backup(path: Path, *, force_maintenance: bool = False) -> dict:
    """Replace every record and uploaded file with the archive's. The archive is verified
    whole first; the application must be in maintenance (``force_maintenance`` turns it on
    for the restore and off afterwards)."""
    manifest, data, files = read_backup(path)
    was_on = maintenance.is_on()
    if not was_on and not force_maintenance:
        raise BackupError("Ứng dụng đang phục vụ người dùng: bật chế độ bảo trì trước "
                          "(python manage.py maintenance on) hoặc chạy restore với --force-maintenance.")
    if not was_on:
        maintenance.turn_on("khôi phục dữ liệu từ bản sao lưu")
    try:
        _load_records(data)
        _replace_media(files)
    finally:
        maintenance.data_replaced()  # every server process drops its caches on its next request
        if not was_on:
            maintenance.turn_off()
    return manifest
