"""Generic audited writes. App services build on these so that every create, update
and delete of a domain record is validated and logged in one transaction."""
from __future__ import annotations

from django.db import models, transaction

from .audit import log_create, log_delete, log_update, snapshot


@transaction.atomic
def create_record(*, actor, model: type[models.Model], audit_note: str = "", **fields) -> models.Model:
    instance = model(**fields)
    instance.full_clean()
    instance.save()
    log_create(actor=actor, instance=instance, note=audit_note)
    return instance


@transaction.atomic
def update_record(*, actor, instance: models.Model, audit_note: str = "", **fields) -> models.Model:
    before = snapshot(instance)
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    log_update(actor=actor, instance=instance, before=before, note=audit_note)
    return instance


@transaction.atomic
def delete_record(*, actor, instance: models.Model, audit_note: str = "") -> None:
    log_delete(actor=actor, instance=instance, note=audit_note)
    instance.delete()
