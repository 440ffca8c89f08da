"""Pages of the movements process, by family. Thin: validate, call one service or selector,
render; reads and page data live in ``selectors``, writes in ``services``.

Refusals never become a 500 (see ``common``).
"""
from .criteria import (
    criteria_set_create, criteria_set_detail, criteria_set_edit, criteria_set_new_version, criteria_sets,
    criterion_delete, criterion_edit,
)
from .movements import (
    movement_create, movement_detail, movement_edit, movement_step, movements_excel, overview, plan_document,
    result_delete, result_edit, todo,
)
from .pacts import pact_create, pact_detail, pact_sign, pacts
from .registration import period_edit, register, registrations, registrations_excel, remind, remind_all, reopen
from .scoring import (
    evidence_delete, evidence_file, queue, ranking, ranking_excel, score_row, scorecard, scorecard_lock,
    scorecard_open, scorecard_rescore, scorecard_return, scorecard_submit,
)

__all__ = [
    "criteria_set_create", "criteria_set_detail", "criteria_set_edit", "criteria_set_new_version", "criteria_sets",
    "criterion_delete", "criterion_edit", "evidence_delete", "evidence_file", "movement_create", "movement_detail",
    "movement_edit", "movement_step", "movements_excel", "overview", "pact_create", "pact_detail", "pact_sign", "pacts",
    "period_edit", "plan_document", "queue", "ranking", "ranking_excel", "register", "registrations",
    "registrations_excel", "remind", "remind_all", "reopen", "result_delete", "result_edit", "score_row", "scorecard",
    "scorecard_lock", "scorecard_open", "scorecard_rescore", "scorecard_return", "scorecard_submit", "todo",
]
