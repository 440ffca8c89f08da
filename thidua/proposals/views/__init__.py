"""Pages of the proposal flow, by family: ``dossiers`` (the queue, rounds, a dossier and its
transitions), ``council`` (terms, meetings, the ballot), ``decisions`` (decisions, the register,
the public list). Each view: read the scoped object, validate the form, make one service call
through ``thidua.core.pages`` (a refusal becomes form errors or a message, with its status)."""
from .council import (  # noqa: F401
    ballot_paper, council, meeting_attendance, meeting_close, meeting_create, meeting_detail, meeting_minutes,
    meeting_open, meeting_opinion, member_add, receipt_check, term_create,
)
from .decisions import decision_detail, public_dossier, public_list, register  # noqa: F401
from .dossiers import (  # noqa: F401
    attachment_add, attachment_download, attachment_remove, dossier_agenda, dossier_create, dossier_detail,
    dossier_edit, dossier_sign, dossier_to_province, dossier_transition, nominate_qualifying, nomination_add,
    nomination_edit, nomination_pass, nomination_remove, objection_answer, province_decision, province_package,
    queue, round_create,
)
