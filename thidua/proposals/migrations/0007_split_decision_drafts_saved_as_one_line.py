"""Decision drafts saved before 06/12/2026 lost their line breaks (``nfc`` collapsed them before
the split): their căn cứ, articles and recipients stand on one line and a decision signed from
them runs Điều 1–3 together. Split such one-line fields again where a new item begins."""
import re

from django.db import migrations

BOUNDARIES = {
    "legal_bases": re.compile(r"(?<=;) (?=(?:Căn cứ|Theo đề nghị|Xét đề nghị) )"),
    "articles": re.compile(r"(?<=[.;:]) (?=Điều \d+\. )"),
    "recipients": re.compile(r"(?<=;) "),
}


def split_line(field: str, text: str) -> str:
    if not text or "\n" in text:
        return text
    return "\n".join(part.strip() for part in BOUNDARIES[field].split(text) if part.strip())


def split_drafts(apps, schema_editor):
    DecisionDraft = apps.get_model("proposals", "DecisionDraft")
    for draft in DecisionDraft.objects.all().iterator():
        changed = False
        for field in BOUNDARIES:
            before = getattr(draft, field)
            after = split_line(field, before)
            if after != before:
                setattr(draft, field, after)
                changed = True
        if changed:
            draft.save(update_fields=list(BOUNDARIES))


class Migration(migrations.Migration):

    dependencies = [
        ("proposals", "0006_meeting_starts_at"),
    ]

    operations = [migrations.RunPython(split_drafts, migrations.RunPython.noop)]
