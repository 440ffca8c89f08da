"""The dossier's state changes, read from the workflow table (``proposals.workflow``).

A service that moves a dossier calls ``start`` first — the dossier re-read under a row lock,
then the table's checks in its order: who may take the transition (403), the state it leaves
from, its guard (a refusal in Vietnamese) — and ``move`` at the end: the state, the fields the
table lets the transition write, and the audit row of the transition, in the same transaction
(the dossier's history is read back from there)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from thidua.core.audit import log_transition

from .. import workflow
from ..models import Dossier


def lock_dossier(dossier: Dossier) -> Dossier:
    """The dossier re-read under a row lock: two clicks cannot move it twice."""
    return Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit").get(pk=dossier.pk)


def start(*, actor, dossier: Dossier, name: str, locked: bool = False) -> Dossier:
    """Lock ``dossier`` (unless ``locked``) and refuse transition ``name`` unless the table
    allows it: the actor (PermissionDenied), the state, the guard (ValidationError)."""
    dossier = dossier if locked else lock_dossier(dossier)
    transition = workflow.row(name, dossier.state)
    if transition is None:
        raise ValueError(f"no transition {name!r} in the workflow table")
    allowed, refusal = workflow.WHO[transition.who]
    if not allowed(actor, dossier):
        raise PermissionDenied(transition.not_yours or refusal)
    if dossier.state not in transition.sources:
        raise ValidationError(transition.refusal_in(dossier))
    if transition.guard is not None:
        message = workflow.guard_refusal(transition, dossier, workflow.Facts(upward=dossier.upward))
        if message:
            raise ValidationError(message)
    return dossier


def move(*, actor, dossier: Dossier, name: str, note: str = "", **fields) -> Dossier:
    """Take transition ``name`` (the dossier locked by ``start``): the new state and ``fields``
    (only those the table says it writes), audited."""
    transition = workflow.row(name, dossier.state)
    if transition is None or dossier.state not in transition.sources:
        raise ValidationError((transition or workflow.named(name)[0]).refusal_in(dossier))
    stray = set(fields) - set(transition.writes)
    if stray:
        raise ValueError(f"transition {name!r} does not write {sorted(stray)} (workflow table)")
    before = dossier.state
    dossier.state = transition.target
    for field, value in fields.items():
        setattr(dossier, field, value)
    dossier.save(update_fields=["state", *fields])
    log_transition(actor=actor, instance=dossier, from_state=before, to_state=dossier.state, note=note)
    return dossier
