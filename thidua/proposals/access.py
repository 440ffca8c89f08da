"""Who may do what in the proposal flow. Services raise PermissionDenied with these;
views and templates use the same functions to show only the actions a user may take."""
from __future__ import annotations

from thidua.accounts import people
from thidua.accounts.permissions import can
from thidua.accounts.permissions import require  # noqa: F401 — the one refusal, kept under this name
from thidua.accounts.scoping import can_edit_in, can_see_organisation, province_of


def is_office(user) -> bool:
    """The commune's emulation & commendation office (cán bộ TĐKT; the administrator)."""
    return can(user, "process_dossiers")


def can_prepare(user, dossier) -> bool:
    """Edit and submit: the unit's clerk or the office, while the dossier is with the unit."""
    return dossier.is_editable and can_edit_unit(user, dossier)


def acts_for(user, body) -> bool:
    """Whether the user works on the processes of ``body`` (the commune or the province that
    reviews a round, holds a council, signs): a province-level user acts for the province
    only — she reads the communes' records, the communes decide their own dossiers — and a
    commune's user never for a body she does not see (the province above her included)."""
    if not can_see_organisation(user, body):
        return False
    province = province_of(user)
    return province is None or province.pk == body.pk


def can_process(user, dossier) -> bool:
    """Check, return, accept, publish, answer objections, send to the council: the office of
    the body that reviews the dossier's round."""
    return (is_office(user) and can_see_organisation(user, dossier.unit)
            and acts_for(user, dossier.round.commune))


def is_signer(user, commune) -> bool:
    """The chairman or a vice-chairman (who signs "KT. Chủ tịch") of the issuing body: the
    commune, or the province (city) for the province's own rounds."""
    return can(user, "decide", commune) and acts_for(user, commune)


def signer_capacity(user) -> str:
    """"CHỦ TỊCH" for the chairman's own decisions, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" for a deputy
    (the position of the person linked to the account, else the account's title)."""
    if people.is_deputy(user):
        return "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    return "CHỦ TỊCH"


def seat(user, term):
    """The user's seat in the council term, or None (members are few: read the cache)."""
    for member in term.members.all():
        if member.user_id == user.pk:
            return member
    return None


def can_run_meeting(user, term) -> bool:
    """The office, or the council's chairman or secretary."""
    if is_office(user) and acts_for(user, term.commune):
        return True
    member = seat(user, term)
    return member is not None and member.role in {member.Role.CHAIRMAN, member.Role.SECRETARY}



def can_edit_unit(user, dossier) -> bool:
    """Keeps the records of the dossier's unit: its clerk, or the office on its behalf."""
    return can_edit_in(user, dossier.unit)
