"""The audit log as an inspector reads it: each stored value shown as the pages show it.

An audit row keeps the raw field values of a record (ids, ISO timestamps in UTC, whole đồng,
choice codes) so that its hash covers exactly what changed. This module turns a page of rows
into plain display data: the model's Vietnamese field labels, dates dd/mm/yyyy in the site's
time zone, money as "2.030.000 đồng", choices by their label, related records by name with a
link to their page. Reads only; nothing here writes.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst

from .models import AuditEntry
from .text import format_vnd

EMPTY = "—"

# Keys that rows written for a whole batch or a state change carry instead of a model field.
GENERIC_LABELS = {"model": "Loại bản ghi", "count": "Số bản ghi", "ids": "Các bản ghi",
                  "state": "Trạng thái"}


@dataclass(frozen=True)
class Shown:
    """One value as displayed, with the page of the record it names (if any)."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: Shown | None
    after: Shown | None


@dataclass(frozen=True)
class AuditRow:
    at: datetime.datetime
    actor_name: str
    action: str
    record_kind: str
    record: Shown
    changes: list[FieldChange] = field(default_factory=list)
    note: str = ""


def is_money(model_field) -> bool:
    """Amounts are whole đồng in integer columns whose label names the unit, by the
    convention of every model here ("số tiền (đồng)")."""
    return (isinstance(model_field, (models.IntegerField, models.BigIntegerField,
                                     models.PositiveBigIntegerField, models.PositiveIntegerField))
            and "đồng" in str(model_field.verbose_name))


def _url_of(instance) -> str:
    getter = getattr(instance, "get_absolute_url", None)
    if getter is None:
        return ""
    try:
        return getter()
    except NoReverseMatch:
        return ""


def _local(value: datetime.datetime) -> str:
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.timezone.utc)
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def _format(model_field, value, related: dict) -> Shown:
    """A stored JSON value of ``model_field`` as the pages show it."""
    if value is None or value == "":
        return Shown(EMPTY)
    if model_field is None:
        if isinstance(value, list):
            return Shown(f"{len(value)} bản ghi")
        return Shown(str(value))
    if model_field.is_relation and (model_field.many_to_one or model_field.one_to_one):
        target = related.get((model_field.related_model, str(value)))
        if target is None:
            return Shown(f"{capfirst(model_field.related_model._meta.verbose_name)} (đã xóa)")
        name = target.get_full_name() if hasattr(target, "get_full_name") else ""
        return Shown(name or str(target), _url_of(target))
    if model_field.flatchoices:
        labels = {str(k): v for k, v in model_field.flatchoices}
        return Shown(str(labels.get(str(value), value)))
    if isinstance(model_field, models.BooleanField):
        return Shown("Có" if value else "Không")
    if isinstance(model_field, models.DateTimeField):
        parsed = parse_datetime(str(value))
        return Shown(_local(parsed) if parsed else str(value))
    if isinstance(model_field, models.DateField):
        parsed = parse_date(str(value)[:10])
        return Shown(parsed.strftime("%d/%m/%Y") if parsed else str(value))
    if is_money(model_field) and isinstance(value, (int, float)):
        return Shown(format_vnd(int(value)))
    if isinstance(model_field, models.FileField):
        return Shown(str(value).rsplit("/", 1)[-1])
    if isinstance(value, list):
        return Shown(", ".join(str(v) for v in value))
    if isinstance(value, dict):
        return Shown("; ".join(f"{k}: {v}" for k, v in value.items()))
    return Shown(str(value))


def _shown(name: str, model_field, value, related: dict) -> Shown:
    if model_field is None and name == "model" and isinstance(value, str):
        try:
            return Shown(capfirst(str(apps.get_model(value)._meta.verbose_name)))
        except (LookupError, ValueError):
            return Shown(value)
    return _format(model_field, value, related)


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _related_records(entries: list[AuditEntry]) -> dict:
    """Every record named by a foreign key in the page's rows, read once per model."""
    wanted: dict[type, set] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        for values in (entry.before or {}, entry.after or {}):
            for name, value in values.items():
                f = _field(model, name)
                if f is not None and f.is_relation and (f.many_to_one or f.one_to_one) and value not in (None, ""):
                    wanted[f.related_model].add(value)
    found = {}
    for model, ids in wanted.items():
        for pk, obj in model._default_manager.in_bulk(list(ids)).items():
            found[(model, str(pk))] = obj
    return found


def _records(entries: list[AuditEntry]) -> dict:
    """The records the rows are about, read once per model (absent when deleted)."""
    wanted: dict[type, set] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        if model is not None and hasattr(model, "get_absolute_url"):
            wanted[model].add(entry.object_id)
    found = {}
    for model, ids in wanted.items():
        pk_field = model._meta.pk
        try:
            keys = [pk_field.to_python(i) for i in ids]
        except Exception:  # noqa: BLE001 — a stored id that no longer fits the key: no link
            continue
        for pk, obj in model._default_manager.in_bulk(keys).items():
            found[(model, str(pk))] = obj
    return found


def present(entries: Iterable[AuditEntry]) -> list[AuditRow]:
    """Display rows for a page of audit entries (a few queries per page, not per row)."""
    entries = list(entries)
    related = _related_records(entries)
    records = _records(entries)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        before, after = entry.before or {}, entry.after or {}
        changes = []
        for name in dict.fromkeys([*before, *after]):
            f = _field(model, name)
            label = capfirst(str(f.verbose_name)) if f is not None else GENERIC_LABELS.get(name, name)
            changes.append(FieldChange(
                label=label,
                before=_shown(name, f, before[name], related) if name in before else None,
                after=_shown(name, f, after[name], related) if name in after else None,
            ))
        record = records.get((model, entry.object_id))
        rows.append(AuditRow(
            at=entry.at,
            actor_name=entry.actor_name,
            action=str(entry.get_action_display()),
            record_kind=capfirst(str(model._meta.verbose_name)) if model else entry.content_type.model,
            record=Shown(entry.object_repr, _url_of(record) if record is not None else ""),
            changes=changes,
            note=entry.note,
        ))
    return rows
