"""Writing audit rows. Services call these inside their own transaction.

    before = snapshot(person)
    ...change and save...
    log_update(actor=user, instance=person, before=before)
"""
from __future__ import annotations

import datetime
import json
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .models import AuditChainHead, AuditEntry, head_seal


def _jsonable(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def snapshot(instance: models.Model) -> dict:
    """The audited field values of a record, JSON-ready. Models may list fields to skip
    in ``audit_exclude`` (derived columns such as search keys)."""
    skip = set(getattr(instance, "audit_exclude", ()))
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in skip or field.primary_key or getattr(field, "auto_now", False):
            continue  # ids and "last modified" stamps are not part of the change
        data[field.name] = _jsonable(field.value_from_object(instance))
    return data


def _actor_name(actor) -> str:
    if actor is None:
        return ""
    return actor.get_full_name() or actor.get_username()


def _entry(*, actor, action, instance, before, after, note, prev_hash: str) -> AuditEntry:
    """The audit row (unsaved), hashed after ``prev_hash``."""
    now = timezone.now()
    entry = AuditEntry(
        at=now.replace(microsecond=now.microsecond // 1000 * 1000),  # whole ms: survives JSON backups
        actor=actor if (actor is not None and actor.is_authenticated) else None,
        actor_name=_actor_name(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        before=before,
        after=after,
        note=note,
    )
    # Round-trip the JSON values so the hash covers exactly what the database stores.
    entry.before, entry.after = json.loads(json.dumps(before)), json.loads(json.dumps(after))
    entry.prev_hash = prev_hash
    entry.entry_hash = entry.compute_hash(prev_hash)
    return entry


def _write(*, actor, action, instance, before, after, note="", anchor=False) -> AuditEntry:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit rows must be written inside the transaction of the change.")
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    if anchor and head.last_hash:  # the chain as it stood, kept with a record that leaves the system
        note = f"{note} · Mốc nhật ký: {head.last_hash}".strip(" ·")
    entry = _entry(actor=actor, action=action, instance=instance, before=before, after=after, note=note,
                   prev_hash=head.last_hash)
    entry.save()
    AuditChainHead.objects.filter(pk=1).update(last_hash=entry.entry_hash, seal=head_seal(entry.entry_hash))
    return entry


def log_create_many(*, actor, instances: list, note: str = "") -> list[AuditEntry]:
    """``log_create`` for many records written together (the awards of a signed decision): the
    same row for each, chained in order, written in one statement."""
    if not instances:
        return []
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit rows must be written inside the transaction of the change.")
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    entries, prev = [], head.last_hash
    for instance in instances:
        entry = _entry(actor=actor, action=AuditEntry.Action.CREATE, instance=instance, before=None,
                       after=snapshot(instance), note=note, prev_hash=prev)
        entries.append(entry)
        prev = entry.entry_hash
    AuditEntry.objects.bulk_create(entries, batch_size=500)
    AuditChainHead.objects.filter(pk=1).update(last_hash=prev, seal=head_seal(prev))
    return entries


def chain_anchor() -> dict:
    """The chain's head as an anchor to keep outside the database (a backup's manifest, a
    printout): ``{"id": last row id, "hash": its hash}``; checked by ``verify_chain --anchor``."""
    last = AuditEntry.objects.order_by("-id").values("id", "entry_hash").first()
    return {"id": last["id"], "hash": last["entry_hash"]} if last else {"id": None, "hash": ""}


def verify_chain(anchors=()) -> tuple[int, str | None]:
    """(rows checked, None) when the chain is whole, else (rows checked before the break,
    a Vietnamese description of the first break). A row is broken when its content no longer
    matches its keyed hash or it does not point at its predecessor; the head must name the
    last row and carry its keyed seal (removing the last rows and moving the head shows);
    every anchor ``{"id", "hash"}`` kept outside the database must still be in the chain
    (removing or rewriting the whole log shows)."""
    wanted = {a["hash"]: a.get("id") for a in anchors if a.get("hash")}
    found = {}
    prev = ""
    checked = 0
    for entry in AuditEntry.objects.select_related("content_type").order_by("id").iterator(chunk_size=2000):
        if entry.prev_hash != prev:
            return checked, f"mục #{entry.pk} không nối tiếp mục trước (có mục bị xóa hoặc chèn)"
        if entry.compute_hash(prev) != entry.entry_hash:
            return checked, f"mục #{entry.pk} ({entry.object_repr}) đã bị sửa ngoài ứng dụng"
        if entry.entry_hash in wanted:
            found[entry.entry_hash] = entry.pk
        prev = entry.entry_hash
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None:
        if checked:
            return checked, "đầu chuỗi nhật ký (bảng core_auditchainhead) đã bị xóa ngoài ứng dụng"
    elif head.last_hash != prev:
        return checked, "các mục cuối của nhật ký đã bị xóa (đầu chuỗi chỉ tới mục không còn)"
    elif prev and head.seal != head_seal(prev):
        return checked, "đầu chuỗi nhật ký đã bị dời hoặc sửa ngoài ứng dụng (các mục cuối có thể đã bị xóa)"
    for digest, row_id in wanted.items():
        if digest not in found:
            return checked, (f"mốc {digest[:16]}…{' (mục #%s)' % row_id if row_id else ''} không còn trong chuỗi: "
                             f"nhật ký đã bị cắt bớt hoặc viết lại sau khi ghi mốc")
        if row_id is not None and found[digest] != row_id:
            return checked, f"mốc {digest[:16]}… ghi là mục #{row_id} nhưng nằm ở mục #{found[digest]}"
    return checked, None


def log_create(*, actor, instance, note="", anchor=False) -> AuditEntry:
    """``anchor``: the note also records the chain's head hash before this row (a signed
    decision does, so its printed history anchors the log)."""
    return _write(actor=actor, action=AuditEntry.Action.CREATE, instance=instance,
                  before=None, after=snapshot(instance), note=note, anchor=anchor)


def log_update(*, actor, instance, before: dict, note="") -> AuditEntry | None:
    """One row with only the fields that changed; none when nothing changed."""
    after = snapshot(instance)
    changed = [k for k in after if before.get(k) != after[k]]
    if not changed:
        return None
    return _write(actor=actor, action=AuditEntry.Action.UPDATE, instance=instance,
                  before={k: before.get(k) for k in changed},
                  after={k: after[k] for k in changed}, note=note)


def log_delete(*, actor, instance, note="") -> AuditEntry:
    return _write(actor=actor, action=AuditEntry.Action.DELETE, instance=instance,
                  before=snapshot(instance), after=None, note=note)


def log_transition(*, actor, instance, from_state: str, to_state: str, note="") -> AuditEntry:
    return _write(actor=actor, action=AuditEntry.Action.TRANSITION, instance=instance,
                  before={"state": from_state}, after={"state": to_state}, note=note)


def log_event(*, actor, instance, action, note="", before=None, after=None) -> AuditEntry:
    return _write(actor=actor, action=action, instance=instance, before=before, after=after, note=note)


def log_batch(*, actor, model, objects: list, note: str) -> AuditEntry | None:
    """One row for a bulk write (an import or the demo loader): which records, how many.
    The row is attached to the first record; ``after`` lists every id written."""
    if not objects:
        return None
    first = objects[0]
    return _write(actor=actor, action=AuditEntry.Action.IMPORT, instance=first, before=None,
                  after={"model": model._meta.label, "count": len(objects), "ids": [o.pk for o in objects]},
                  note=note)
