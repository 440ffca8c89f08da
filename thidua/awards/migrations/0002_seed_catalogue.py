"""Seed the catalogue (titles, forms, rule parameters incl. the dated base salary) from
thidua.rules, so every installation starts with the law as our notes record it."""
from django.db import migrations


def seed(apps, schema_editor):
    from thidua.awards.catalogue import engine_type_rows, other_type_rows, parameter_seed_rows

    AwardType = apps.get_model("awards", "AwardType")
    RuleParameter = apps.get_model("awards", "RuleParameter")
    for row in [*engine_type_rows(), *other_type_rows()]:
        AwardType.objects.update_or_create(code=row["code"], defaults=row)
    for row in parameter_seed_rows():
        RuleParameter.objects.update_or_create(key=row["key"], defaults=row)


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
