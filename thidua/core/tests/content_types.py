"""Give the content types the ids an instance that grew over the years has: not the ones a
fresh ``migrate`` hands out in app order (which a flush-and-recreate happens to reproduce)."""
from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

FAR = 1_000_000


def _columns_pointing_at_content_types():
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.many_to_one and field.related_model is ContentType:
                yield model._meta.db_table, field.column


def shift_content_type_ids(by: int) -> None:
    """Every content type id (and every column pointing at one) grows by ``by``."""
    table = ContentType._meta.db_table
    qn = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for step in (FAR, by - FAR):  # through far-away ids so no two rows ever share one
            cursor.execute(f"UPDATE {qn(table)} SET id = id + %s", [step])
            for other, column in _columns_pointing_at_content_types():
                cursor.execute(f"UPDATE {qn(other)} SET {qn(column)} = {qn(column)} + %s", [step])
        for sql in connection.ops.sequence_reset_sql(no_style(), [ContentType]):
            cursor.execute(sql)
    ContentType.objects.clear_cache()
