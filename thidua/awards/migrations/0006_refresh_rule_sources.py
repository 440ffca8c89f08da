"""The second verification of the texts (issue #19): seeded rule parameters that still carry
a citation the notes no longer hold (Bắc Ninh's QĐ 86/2025 as if it were the instance's law,
ND 98/2023 "kế thừa — chưa kiểm chứng", ND 161/2026 without its clause) take the corrected
article and marker; a row the administrator edited (its own source note) is left alone. New
parameters (council vote rule, procedure deadlines) are added."""
from django.db import migrations

STALE = ("Bắc Ninh", "kế thừa", "chưa kiểm chứng")


def refresh(apps, schema_editor):
    from thidua.awards.catalogue import ensure_catalogue, parameter_seed_rows

    AwardType, RuleParameter = apps.get_model("awards", "AwardType"), apps.get_model("awards", "RuleParameter")
    ensure_catalogue(AwardType, RuleParameter)
    defaults = {row["key"]: row for row in parameter_seed_rows()}
    for parameter in RuleParameter.objects.all():
        row = defaults.get(parameter.key)
        if row is None:
            continue
        stale = any(s in parameter.article for s in STALE) or (
            parameter.key == "base_salary.2026-07-01" and "Điều 3" not in parameter.article)
        if stale or (not parameter.source_note and parameter.article == row["article"]):
            parameter.article, parameter.marker = row["article"], row["marker"]
            parameter.save(update_fields=["article", "marker"])
    for award_type in AwardType.objects.filter(legal_basis__icontains="Bắc Ninh"):
        award_type.legal_basis = "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP"
        award_type.save(update_fields=["legal_basis"])


class Migration(migrations.Migration):
    dependencies = [("awards", "0005_provincial_regulation")]
    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
