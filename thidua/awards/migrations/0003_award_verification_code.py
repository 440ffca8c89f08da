import secrets

from django.db import migrations, models

import thidua.awards.models


def fill_codes(apps, schema_editor):
    Award = apps.get_model("awards", "Award")
    for award in Award.objects.filter(verification_code__isnull=True).only("pk"):
        Award.objects.filter(pk=award.pk).update(verification_code=secrets.token_urlsafe(12))


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_seed_catalogue")]

    operations = [
        migrations.AddField(model_name="award", name="verification_code",
                            field=models.CharField(max_length=32, null=True, editable=False, verbose_name="mã xác minh")),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
        migrations.AlterField(model_name="award", name="verification_code",
                              field=models.CharField(default=thidua.awards.models.new_verification_code, editable=False,
                                                     max_length=32, unique=True, verbose_name="mã xác minh")),
    ]
