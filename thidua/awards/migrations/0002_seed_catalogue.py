"""Seed the catalogue (titles, forms, rule parameters incl. the dated base salary) from
thidua.rules, so every installation starts with the law as our notes record it."""
from django.db import migrations


def seed(apps, schema_editor):
    from thidua.awards.catalogue import ensure_catalogue

    ensure_catalogue(apps.get_model("awards", "AwardType"), apps.get_model("awards", "RuleParameter"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
