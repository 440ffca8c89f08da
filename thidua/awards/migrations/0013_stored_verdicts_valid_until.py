import datetime

from django.db import migrations, models


def expire_rows_judged_while_a_matter_was_pending(apps, schema_editor):
    """Rows stored before this field: a row whose subject has a matter closing on or after the
    day it was judged (a day early, for the time zone) holds until the first such day — the
    daily refresh judges it again then (at once when the day has passed)."""
    PendingMatter = apps.get_model("awards", "PendingMatter")
    for model, field in (("StoredVerdicts", "person_id"), ("StoredUnitVerdicts", "organisation_id")):
        closing: dict[int, list[datetime.date]] = {}
        for subject_id, closed_on in PendingMatter.objects.filter(
                **{f"{field}__isnull": False}, closed_on__isnull=False).values_list(field, "closed_on"):
            closing.setdefault(subject_id, []).append(closed_on)
        if not closing:
            continue
        Stored = apps.get_model("awards", model)
        changed = []
        for row in Stored.objects.only(field, "refreshed_at").iterator():
            days = closing.get(getattr(row, field))
            if not days:
                continue
            judged = row.refreshed_at.date() - datetime.timedelta(days=1) if row.refreshed_at else datetime.date.min
            later = [day for day in days if day >= judged]
            if later:
                row.valid_until = min(later)
                changed.append(row)
        Stored.objects.bulk_update(changed, ["valid_until"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0012_stored_unit_verdicts'),
    ]

    operations = [
        migrations.AddField(
            model_name='storedunitverdicts',
            name='valid_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='storedverdicts',
            name='valid_until',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(expire_rows_judged_while_a_matter_was_pending, migrations.RunPython.noop),
    ]
