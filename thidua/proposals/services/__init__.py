"""Writes of the proposal flow: keyword-only, atomic, permission-checked, audited.

``dossiers``: rounds, dossiers, nominations, attachments, checking, publicity, objections;
``council``: terms, meetings, attendance, the secret ballot and the count;
``decisions``: numbered, frozen decisions, revocation, the province's decisions;
``transitions``: the dossier's state changes, read from the workflow table (``proposals.workflow``).
"""
from .council import (  # noqa: F401
    PAPER_TWICE, PaperCheck, add_member, add_written_opinion, cast_paper, close_meeting, create_term, find_paper,
    open_meeting, put_on_agenda, record_attendance, schedule_meeting,
)
from .decisions import (  # noqa: F401
    next_number, record_province_decision, revoke_decision, send_to_province, sign_decision,
)
from .dossiers import (  # noqa: F401
    BulkNomination, Incomplete, RateLimited, accept_dossier, add_attachment, add_nomination, answer_objection,
    create_dossier, create_round, nominate_qualifying, pass_nominee, publish_dossier, reject_dossier,
    remove_attachment, remove_nomination, return_dossier, submit_dossier, submit_objection, update_dossier,
    update_report,
)
from .drafts import (  # noqa: F401
    count_subjects, default_texts, fingerprint, format_number, save_decision_draft, set_register_next, take_number,
    texts_of, vote_day,
)

# Reads, kept under these names for the callers outside the app (documents, province, funds, the
# benchmark); the app's own code reads them from ``selectors`` and ``workflow``.
from ..selectors import (  # noqa: F401, E402
    Problem, current_term, nominee_label, paper_nominations, recused_member_ids, signing_notices,
    submission_problems, unanswered_objections, voting_refusal,
)
from ..workflow import meeting_date_refusal  # noqa: F401, E402
