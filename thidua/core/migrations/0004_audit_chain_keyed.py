"""The audit chain becomes keyed (HMAC-SHA256, key outside the database; issue #22).

Existing rows are re-sealed once, in order, from the start of the log: their unkeyed chain is
checked first, then every row gets its keyed hash, and one audit row records the epoch — how
many rows were re-sealed, the old head, and whether the old chain was whole (so tampering that
happened before the upgrade stays on the record instead of being laundered by the re-seal)."""
from django.db import migrations, models
from django.utils import timezone


def reseal(apps, schema_editor):
    from thidua.core.models import entry_hash, head_seal, legacy_entry_hash

    AuditEntry = apps.get_model("core", "AuditEntry")
    AuditChainHead = apps.get_model("core", "AuditChainHead")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not AuditEntry.objects.exists():
        return
    legacy_prev, keyed_prev, count, broken, batch = "", "", 0, None, []
    for entry in AuditEntry.objects.select_related("content_type").order_by("id").iterator(chunk_size=2000):
        if broken is None and (entry.prev_hash != legacy_prev or legacy_entry_hash(entry, legacy_prev) != entry.entry_hash):
            broken = f"mục #{entry.pk} không khớp chuỗi cũ (đã bị sửa, xóa hoặc chèn trước khi nâng cấp)"
        legacy_prev = entry.entry_hash
        entry.prev_hash, entry.entry_hash = keyed_prev, entry_hash(entry, keyed_prev)
        keyed_prev = entry.entry_hash
        count += 1
        batch.append(entry)
        if len(batch) >= 1000:
            AuditEntry.objects.bulk_update(batch, ["prev_hash", "entry_hash"])
            batch = []
    AuditEntry.objects.bulk_update(batch, ["prev_hash", "entry_hash"])
    head = AuditChainHead.objects.filter(pk=1).first()
    old_head = head.last_hash if head else ""
    if broken is None and old_head != legacy_prev:
        broken = "đầu chuỗi cũ không chỉ tới mục cuối (các mục cuối đã bị xóa trước khi nâng cấp)"
    now = timezone.now()
    seal_row = AuditEntry(
        at=now.replace(microsecond=now.microsecond // 1000 * 1000), actor=None, actor_name="", action="security",
        content_type=ContentType.objects.get_or_create(app_label="core", model="auditchainhead")[0],
        object_id="1", object_repr="Chuỗi nhật ký", before={"scheme": "sha256", "head": old_head},
        after={"scheme": "hmac-sha256", "resealed_rows": count},
        note=(f"Niêm phong lại chuỗi nhật ký bằng khóa HMAC: {count} mục có từ trước. "
              + (f"Chuỗi cũ KHÔNG toàn vẹn: {broken}." if broken else "Chuỗi cũ toàn vẹn trước khi niêm phong.")),
        prev_hash=keyed_prev)
    seal_row.entry_hash = entry_hash(seal_row, keyed_prev)
    seal_row.save()
    AuditChainHead.objects.update_or_create(pk=1, defaults={"last_hash": seal_row.entry_hash,
                                                            "seal": head_seal(seal_row.entry_hash)})


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0003_calendar_day"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditchainhead",
            name="seal",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.RunPython(reseal, migrations.RunPython.noop),
    ]
