"""The dossier workflow as data: every state a dossier passes through, every transition between
them, who may take each, the checks it makes and what it writes — one table.

Each ``Transition`` names:

- ``name``: the action's slug (the URL ``/de-nghi/ho-so/<pk>/<name>/`` when ``url`` is
  ``proposals:transition``; the id of its form on the dossier page);
- ``sources`` → ``target``: the states it leaves from and the state it reaches;
- ``who``: a capability of ``thidua/accounts/permissions.py`` (``process_dossiers``,
  ``decide``, ``manage_council``) scoped to this dossier by ``proposals.access``, or ``UNIT``
  (whoever keeps the unit's records: its clerk, the office on its behalf);
- ``guard``: a name in ``GUARDS`` — a predicate on the dossier the page and the service both ask
  (the service also makes the checks that need the data: a complete dossier, the quorum …);
- ``writes``: the dossier's fields the transition sets (``move`` refuses any other);
- ``service``: the function of ``proposals.services`` that takes it, ``form`` and ``url``: how
  the page offers it, ``page``: where (``dossier``, ``meeting``, or ``panel`` — a provider's
  panel on the dossier page, the documents app's draft and signature).

The services read the table through ``services.transitions`` (``start`` before the work: who,
state, guard; ``move`` at the end: the state, the fields, the audit row); the dossier page shows
``available(user, dossier)``; ``thidua/proposals/tests/test_the_workflow_table.py`` checks that
page and services agree with it. ``movements.models.Movement.STEPS`` is the same idea for a
movement's four steps."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable

from django.utils.translation import gettext_lazy as _

from . import access
from .models import Dossier

S = Dossier.State

UNIT = "unit_records"  # not a capability of its own: accounts.scoping.can_edit_in on the dossier's unit

OFFICE_ONLY = "Chỉ cán bộ thi đua – khen thưởng xã được làm việc này."
NOT_YOURS = "Bạn không có quyền với hồ sơ này."
SIGNERS_ONLY = "Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã (ký thay Chủ tịch) được ký."
DECIDERS_ONLY = "Chỉ Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân (ký thay Chủ tịch) được quyết định việc này."
RUN_ONLY = "Chỉ cán bộ thi đua – khen thưởng, Chủ tịch hoặc Ủy viên thư ký Hội đồng điều hành phiên họp."

# who -> (may the user act on this dossier?, the refusal)
WHO: dict[str, tuple[Callable, str]] = {
    UNIT: (lambda user, dossier: access.can_edit_unit(user, dossier), NOT_YOURS),
    "process_dossiers": (access.can_process, OFFICE_ONLY),
    "decide": (lambda user, dossier: access.is_signer(user, dossier.round.commune), SIGNERS_ONLY),
    "manage_council": (lambda user, dossier: dossier.meeting_id is not None
                       and access.can_run_meeting(user, dossier.meeting.term), RUN_ONLY),
}


@dataclass(frozen=True)
class Facts:
    """What a guard may know beyond the dossier row: whether its awards are decided above the
    body that reviews the round (``Dossier.upward``, read once by the page)."""
    upward: bool


# name -> (passes?, the refusal when it does not)
GUARDS: dict[str, tuple[Callable[[Dossier, Facts], bool], str]] = {
    "own_authority": (lambda d, facts: not facts.upward,
                      "Hồ sơ này thuộc thẩm quyền cấp tỉnh: hãy ký tờ trình gửi cấp tỉnh."),
    "upward": (lambda d, facts: facts.upward,
               "Hồ sơ này thuộc thẩm quyền Chủ tịch UBND xã: hãy ký quyết định khen thưởng."),
    # the province app's ``province_case``: the province decides inside the system, nobody types it
    "typed_by_hand": (lambda d, facts: getattr(d, "province_case", None) is None,
                      "Hồ sơ đã được thành phố tiếp nhận: thành phố đang xét trong hệ thống, khen thưởng tự "
                      "vào sổ khi Chủ tịch UBND thành phố ký quyết định; không ghi nhận bằng tay."),
}


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    who: str
    verb: str
    service: str
    writes: tuple[str, ...] = ()
    guard: str | None = None
    form: str = "button"       # button | reason | agenda | day | province | panel | meeting
    url: str = "proposals:transition"
    page: str = "dossier"
    success: str = ""
    wrong_state: str = ""      # the refusal when the dossier is in none of ``sources``
    style: str = "primary"
    prompt: str = ""           # the label of the written reason (form "reason")
    dom_id: str = ""           # the id of its form on the page (default: ``name``)
    not_yours: str = ""        # the refusal to someone ``who`` excludes (default: the WHO table's)

    @property
    def anchor(self) -> str:
        return self.dom_id or self.name

    def refusal_in(self, dossier: Dossier) -> str:
        return self.wrong_state or ("Hồ sơ đang ở trạng thái “%(state)s”, không thể %(verb)s."
                                    % {"state": dossier.get_state_display(), "verb": self.verb})


TRANSITIONS: tuple[Transition, ...] = (
    Transition("nop", _("Nộp hồ sơ"), Dossier.EDITABLE_STATES, S.SUBMITTED, UNIT, "nộp", "submit_dossier",
               writes=("submitted_at", "return_reason"), success=_("Đã nộp hồ sơ."), dom_id="nop-ho-so"),
    Transition("tiep-nhan", _("Tiếp nhận và kiểm tra điều kiện"), (S.SUBMITTED,), S.ACCEPTED, "process_dossiers",
               "tiếp nhận", "accept_dossier", wrong_state="Chỉ tiếp nhận được hồ sơ đã nộp.",
               success=_("Đã tiếp nhận hồ sơ và kiểm tra điều kiện của từng đề nghị.")),
    Transition("cong-khai", _("Công khai danh sách"), (S.ACCEPTED,), S.PUBLISHED, "process_dossiers", "công khai",
               "publish_dossier", writes=("published_on", "published_until"),
               wrong_state="Chỉ công khai được hồ sơ đã tiếp nhận, thẩm định.",
               success=_("Đã công khai danh sách đề nghị.")),
    Transition("tra-lai", _("Trả lại hồ sơ"), (S.SUBMITTED, S.ACCEPTED), S.RETURNED, "process_dossiers", "trả lại",
               "return_dossier", writes=("return_reason",), form="reason", style="",
               prompt=_("Lý do trả lại để đơn vị bổ sung"),
               success=_("Đã trả lại hồ sơ cho đơn vị.")),
    Transition("trinh-hoi-dong", _("Trình Hội đồng"), (S.PUBLISHED,), S.AT_COUNCIL, "process_dossiers",
               "trình Hội đồng", "put_on_agenda", writes=("meeting",), form="agenda", url="proposals:dossier_agenda",
               success=_("Đã trình hồ sơ ra phiên họp Hội đồng.")),
    Transition("ket-thuc-bo-phieu", _("Kết thúc bỏ phiếu và kiểm phiếu"), (S.AT_COUNCIL,), S.VOTED, "manage_council",
               "kết thúc bỏ phiếu", "close_meeting", form="meeting", url="proposals:meeting_close", page="meeting",
               success=_("Đã kết thúc bỏ phiếu và kiểm phiếu.")),
    Transition("ky", _("Ký quyết định"), (S.VOTED,), S.DECIDED, "decide", "ký quyết định", "sign_decision",
               writes=("decision",), guard="own_authority", form="panel", url="proposals:dossier_sign",
               page="panel", wrong_state="Chỉ ký quyết định cho hồ sơ Hội đồng đã bỏ phiếu."),
    Transition("trinh-tinh", _("Ký tờ trình gửi cấp tỉnh"), (S.VOTED,), S.SENT_TO_PROVINCE, "decide",
               "trình cấp tỉnh", "send_to_province", writes=("submission_number", "submission_date"),
               guard="upward", form="day", url="proposals:dossier_to_province",
               wrong_state="Chỉ trình cấp tỉnh hồ sơ Hội đồng đã bỏ phiếu.",
               success=_("Đã ký tờ trình gửi cấp tỉnh.")),
    Transition("ket-qua-tinh", _("Ghi nhận và vào sổ"), (S.SENT_TO_PROVINCE,), S.DECIDED, "process_dossiers",
               "ghi nhận quyết định", "record_province_decision", writes=("decision",), guard="typed_by_hand",
               form="province", url="proposals:province_decision", wrong_state="Hồ sơ chưa được trình cấp tỉnh.",
               success=_("Đã ghi nhận quyết định của cấp tỉnh; các khen thưởng đã vào sổ.")),
    # Không khen thưởng: the office while checking, the chairman after the vote.
    Transition("khong-khen", _("Kết thúc, không khen thưởng"), (S.SUBMITTED, S.ACCEPTED), S.REJECTED,
               "process_dossiers", "kết thúc không khen thưởng", "reject_dossier", form="reason", style="danger",
               prompt=_("Lý do không khen thưởng"),
               success=_("Đã kết thúc hồ sơ: không khen thưởng.")),
    Transition("khong-khen", _("Kết thúc, không khen thưởng"), (S.VOTED,), S.REJECTED,
               "decide", "kết thúc không khen thưởng", "reject_dossier", form="reason", style="danger",
               not_yours=DECIDERS_ONLY,
               prompt=_("Lý do không khen thưởng"),
               success=_("Đã kết thúc hồ sơ: không khen thưởng.")),
)

# Work done inside a state, moving nothing: the states it is done in and who does it. The
# services refuse it in another state; the dossier page offers it only there.
WORK: dict[str, tuple[tuple[str, ...], str]] = {
    "prepare": (Dossier.EDITABLE_STATES, UNIT),            # nominations, reports, minutes, attachments
    "pass_nominee": ((S.ACCEPTED,), "process_dossiers"),   # send a failing nominee on, with a reason
    "answer_objection": ((S.PUBLISHED, S.AT_COUNCIL), "process_dossiers"),
    "draft_decision": ((S.VOTED,), "process_dossiers"),    # the draft the chairman signs
}

STATES: tuple[str, ...] = tuple(S)
FINAL: frozenset[str] = frozenset(s for s in STATES if not any(s in t.sources for t in TRANSITIONS))


def named(name: str) -> list[Transition]:
    """The rows of action ``name`` (one, or one per who for "khong-khen")."""
    return [t for t in TRANSITIONS if t.name == name]


def row(name: str, state: str) -> Transition | None:
    """The row of ``name`` that leaves ``state``; else the action's first row (which then
    refuses the state); None for an unknown action."""
    rows = named(name)
    return next((t for t in rows if state in t.sources), rows[0] if rows else None)


def leaving(state: str) -> list[Transition]:
    return [t for t in TRANSITIONS if state in t.sources]


def in_state_for(work: str, dossier: Dossier) -> bool:
    return dossier.state in WORK[work][0]


def may_do(user, dossier: Dossier, work: str) -> bool:
    """Whether ``user`` may do ``work`` (a key of ``WORK``) on ``dossier`` now."""
    states, who = WORK[work]
    return dossier.state in states and bool(WHO[who][0](user, dossier))


def may_take(user, dossier: Dossier, transition: Transition) -> bool:
    return bool(WHO[transition.who][0](user, dossier))


def guard_refusal(transition: Transition, dossier: Dossier, facts: Facts) -> str | None:
    if transition.guard is None:
        return None
    passes, message = GUARDS[transition.guard]
    return None if passes(dossier, facts) else message


def available(user, dossier: Dossier, *, upward: bool, pages=("dossier", "panel")) -> list[Transition]:
    """The transitions ``user`` may take on ``dossier`` now, in the table's order: the dossier
    page shows exactly these (its buttons and forms)."""
    facts = Facts(upward=upward)
    return [t for t in leaving(dossier.state) if t.page in pages and may_take(user, dossier, t)
            and guard_refusal(t, dossier, facts) is None]


def meeting_date_refusal(dossier: Dossier, meeting) -> str | None:
    """The guard of "trinh-hoi-dong" on the meeting chosen: a meeting dated before the public
    comment period of the dossier ends (its last day included) would decide before the people
    had their say. None when the date is fine."""
    if dossier.published_until is not None and meeting.held_on <= dossier.published_until:
        return ("Phiên họp ngày %s trước khi hết thời gian lấy ý kiến nhân dân về hồ sơ của %s (đến hết ngày %s); "
                "hãy chọn phiên họp từ ngày %s trở đi." % (
                    f"{meeting.held_on:%d/%m/%Y}", dossier.unit.name, f"{dossier.published_until:%d/%m/%Y}",
                    f"{dossier.published_until + datetime.timedelta(days=1):%d/%m/%Y}"))
    return None
