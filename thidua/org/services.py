"""Writes of the organisation world. Keyword-only, atomic, audited."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from thidua.org.scoping import can_edit_in
from thidua.core.audit import log_event
from thidua.core.models import AuditEntry
from thidua.core.services import create_record, update_record

from .models import EmulationBlock, Household, Membership, Organisation, Person


@transaction.atomic
def create_organisation(*, actor, **fields) -> Organisation:
    return create_record(actor=actor, model=Organisation, **fields)


@transaction.atomic
def update_organisation(*, actor, organisation: Organisation, **fields) -> Organisation:
    return update_record(actor=actor, instance=organisation, **fields)


@transaction.atomic
def create_person(*, actor, organisation: Organisation | None = None, position: str = "",
                  start=None, **fields) -> Person:
    """Create a person, optionally with her membership in a unit the actor may edit."""
    if actor is not None and organisation is not None and not can_edit_in(actor, organisation):
        raise PermissionDenied("Bạn không có quyền thêm cá nhân vào đơn vị này.")
    person = create_record(actor=actor, model=Person, **fields)
    if organisation is not None:
        add_membership(actor=actor, person=person, organisation=organisation, position=position, start=start)
    return person


@transaction.atomic
def update_person(*, actor, person: Person, **fields) -> Person:
    return update_record(actor=actor, instance=person, **fields)


@transaction.atomic
def add_membership(*, actor, person: Person, organisation: Organisation, position: str = "",
                   start=None, end=None) -> Membership:
    return create_record(actor=actor, model=Membership, person=person, organisation=organisation,
                         position=position, start=start, end=end)


@transaction.atomic
def create_household(*, actor, village: Organisation, head_name: str, address: str = "") -> Household:
    return create_record(actor=actor, model=Household, village=village, head_name=head_name, address=address)


@transaction.atomic
def create_block(*, actor, commune: Organisation, year: int, name: str, members=()) -> EmulationBlock:
    block = create_record(actor=actor, model=EmulationBlock, commune=commune, year=year, name=name)
    if members:
        set_block_members(actor=actor, block=block, members=members)
    return block


@transaction.atomic
def set_block_members(*, actor, block: EmulationBlock, members) -> EmulationBlock:
    before = {"members": sorted(block.members.values_list("pk", flat=True))}
    block.members.set(members)
    after = {"members": sorted(block.members.values_list("pk", flat=True))}
    if before != after:
        log_event(actor=actor, instance=block, action=AuditEntry.Action.UPDATE, before=before, after=after)
    return block
