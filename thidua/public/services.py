"""Writes of the public app (exemplars and their photos). Keyword-only, atomic, audited."""
from __future__ import annotations

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_see_organisation
from thidua.core.audit import log_create, log_delete
from thidua.core.services import create_record, update_record
from thidua.core.text import nfc, search_key

from . import images
from .models import Exemplar, ExemplarPhoto, Sector

EXEMPLAR_FIELDS = ("person", "organisation", "display_name", "role_line", "sector", "headline", "story",
                   "achievements", "land_m2", "money_vnd", "production_model", "ocop_product",
                   "consent_to_publish", "consent_note")


def _require_editor(actor, commune) -> None:
    if actor is not None and not can(actor, "edit_public"):
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng được soạn gương điển hình.")
    if actor is not None and not can_see_organisation(actor, commune):
        raise PermissionDenied("Xã ngoài phạm vi của bạn.")


def unique_slug(name: str, exclude_pk: int | None = None) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", search_key(name)).strip("-")[:100] or "guong"
    slug, n = base, 2
    while Exemplar.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_fields(fields: dict) -> dict:
    data = {k: v for k, v in fields.items() if k in EXEMPLAR_FIELDS}
    for key in ("display_name", "role_line", "headline", "production_model", "ocop_product", "consent_note"):
        if key in data:
            data[key] = nfc(data[key] or "")
    if data.get("person") is not None and data.get("organisation") is not None:
        raise ValidationError("Một gương điển hình là của một cá nhân hoặc một tập thể, không phải cả hai.")
    return data


@transaction.atomic
def create_exemplar(*, actor, commune, **fields) -> Exemplar:
    _require_editor(actor, commune)
    data = _clean_fields(fields)
    return create_record(actor=actor, model=Exemplar, commune=commune,
                         slug=unique_slug(data.get("display_name", "")), **data)


@transaction.atomic
def update_exemplar(*, actor, exemplar: Exemplar, **fields) -> Exemplar:
    _require_editor(actor, exemplar.commune)
    data = _clean_fields(fields)
    if not data.get("consent_to_publish", exemplar.consent_to_publish) and exemplar.published_on:
        data["published_on"] = None  # consent withdrawn: the story leaves the public site at once
    return update_record(actor=actor, instance=exemplar, **data)


@transaction.atomic
def publish(*, actor, exemplar: Exemplar, published_on: datetime.date | None = None) -> Exemplar:
    """Publish on a date (today by default; a later date schedules it). Needs consent."""
    _require_editor(actor, exemplar.commune)
    if not exemplar.consent_to_publish:
        raise ValidationError("Chưa có sự đồng ý công bố của người (tập thể) được nêu gương.")
    return update_record(actor=actor, instance=exemplar, published_on=published_on or timezone.localdate(),
                         audit_note="Công bố gương điển hình")


@transaction.atomic
def unpublish(*, actor, exemplar: Exemplar) -> Exemplar:
    _require_editor(actor, exemplar.commune)
    return update_record(actor=actor, instance=exemplar, published_on=None, audit_note="Thôi công bố")


@transaction.atomic
def add_photo(*, actor, exemplar: Exemplar, upload, alt_text: str, caption: str = "") -> ExemplarPhoto:
    """Store a photo after checking it is an image (magic bytes), not too large, and without
    embedded metadata."""
    _require_editor(actor, exemplar.commune)
    if not alt_text.strip():
        raise ValidationError("Phải mô tả ảnh (cho người dùng trình đọc màn hình).")
    if upload.size > images.MAX_BYTES:
        raise ValidationError(f"Ảnh quá lớn: tối đa {images.MAX_BYTES // (1024 * 1024)} MB.")
    data, content_type = images.clean_image(upload.read(images.MAX_BYTES + 1))
    photo = ExemplarPhoto(exemplar=exemplar, content_type=content_type, size=len(data), alt_text=nfc(alt_text),
                          caption=nfc(caption), order=exemplar.photos.count(),
                          uploaded_by=actor if (actor is not None and actor.is_authenticated) else None)
    photo.image.save("anh", ContentFile(data), save=False)
    photo.save()
    log_create(actor=actor, instance=photo, note=f"Ảnh của gương “{exemplar.display_name}”")
    return photo


@transaction.atomic
def delete_photo(*, actor, photo: ExemplarPhoto) -> None:
    _require_editor(actor, photo.exemplar.commune)
    log_delete(actor=actor, instance=photo)
    storage, name = photo.image.storage, photo.image.name
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _public_role_line(person, on: datetime.date) -> str:
    """Position and unit (or the village) as the public may see them — never an address."""
    from thidua.org.models import Membership

    m = (Membership.objects.filter(Membership.current_q(on), person=person).select_related("organisation")
         .order_by("-start").first())
    if m is not None:
        return ", ".join(x for x in (m.position, m.organisation.name) if x)
    village = person.household.village if person.household_id else None
    return village.name if village else ""


def _honorific(person) -> str:
    return "Bà" if person.gender == "F" else "Ông"


@transaction.atomic
def promote_practice(*, actor, practice, sector: str, consent_note: str,
                     published_on: datetime.date | None = None) -> Exemplar:
    """A new factor or good practice (thidua.inspections) becomes an exemplar of the honour
    board in one step: the story is written from the practice and its result, and published
    at once with the consent recorded."""
    from thidua.inspections.services import mark_promoted

    _require_editor(actor, practice.commune)
    if not (consent_note or "").strip():
        raise ValidationError({"consent_note": "Phải ghi căn cứ đồng ý công bố (ai đồng ý, bằng hình thức nào, ngày nào)."})
    if sector not in Sector.values:
        raise ValidationError({"sector": "Lĩnh vực không hợp lệ."})
    if practice.promoted_on is not None or Exemplar.objects.filter(practice=practice).exists():
        raise ValidationError("Cách làm hay này đã được nêu gương.")
    day = published_on or timezone.localdate()
    if practice.person_id:
        person = practice.person
        subject = {"person": person, "display_name": f"{_honorific(person)} {person.full_name}",
                   "role_line": _public_role_line(person, day)}
    else:
        subject = {"organisation": practice.organisation, "display_name": practice.organisation.name, "role_line": ""}
    story = f"{practice.practice.strip()}\n\nKết quả: {practice.result.strip()}"
    exemplar = create_exemplar(actor=actor, commune=practice.commune, sector=sector, headline=practice.title[:300],
                               story=story, consent_to_publish=True, consent_note=nfc(consent_note)[:250], **subject)
    exemplar = update_record(actor=actor, instance=exemplar, practice=practice,
                             audit_note=f"Nêu gương từ cách làm hay “{practice.title}”")
    exemplar = publish(actor=actor, exemplar=exemplar, published_on=day)
    mark_promoted(actor=actor, practice=practice, on=day)
    return exemplar
