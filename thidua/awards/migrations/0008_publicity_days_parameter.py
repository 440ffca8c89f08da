"""The length of the public comment period becomes a rule parameter with its source (issue #19
item 7: every [U] rule of rules.md is editable data): the missing catalogue row is added."""
from django.db import migrations


def add_missing(apps, schema_editor):
    from thidua.awards.catalogue import ensure_catalogue

    ensure_catalogue(apps.get_model("awards", "AwardType"), apps.get_model("awards", "RuleParameter"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0007_rating_sheet")]
    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
