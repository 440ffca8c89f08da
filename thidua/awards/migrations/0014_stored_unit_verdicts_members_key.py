import datetime

from django.db import migrations, models


def judge_every_unit_again(apps, schema_editor):
    """The rows judged before hold no fingerprint of their members (``members_key`` empty:
    never equal to one, so never used); their day is past, so the daily
    ``refresh_expired_verdicts`` judges them again (``rebuild_award_summaries`` does at once)."""
    apps.get_model("awards", "StoredUnitVerdicts").objects.update(valid_until=datetime.date(2000, 1, 1))


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0013_stored_verdicts_valid_until'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='storedunitverdicts',
            name='members_sum',
        ),
        migrations.AddField(
            model_name='storedunitverdicts',
            name='members_key',
            field=models.CharField(default='', max_length=40),
        ),
        migrations.RunPython(judge_every_unit_again, migrations.RunPython.noop),
    ]
