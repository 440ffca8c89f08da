"""Writes of the proposal flow: keyword-only, atomic, permission-checked, audited.

``dossiers``: rounds, dossiers, nominations, attachments, checking, publicity, objections;
``council``: terms, meetings, attendance, the secret ballot and the count;
``decisions``: numbered, frozen decisions, revocation, the province's decisions.
"""
from .council import (  # noqa: F401
    PAPER_TWICE, PaperCheck, add_member, add_written_opinion, cast_paper, close_meeting, create_term, current_term,
    find_paper, meeting_date_refusal, nominee_label, open_meeting, paper_nominations, put_on_agenda,
    record_attendance, recused_member_ids, schedule_meeting, voting_refusal,
)
from .decisions import (  # noqa: F401
    next_number, record_province_decision, revoke_decision, send_to_province, sign_decision, signing_notices,
)
from .dossiers import (  # noqa: F401
    BulkNomination, Incomplete, Problem, RateLimited, accept_dossier, add_attachment, add_nomination,
    answer_objection, create_dossier, create_round, nominate_qualifying, pass_nominee, publish_dossier,
    reject_dossier, remove_attachment, remove_nomination, return_dossier, submission_problems, submit_dossier,
    submit_objection, unanswered_objections, update_dossier, update_report,
)
from .drafts import (  # noqa: F401
    count_subjects, default_texts, fingerprint, format_number, save_decision_draft, set_register_next, take_number,
    texts_of, vote_day,
)
