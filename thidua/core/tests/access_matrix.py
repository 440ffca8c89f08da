"""Who may reach every URL of ThiĐua: one entry per URL name (``namespace:name``).

Roles (thidua/core/tests/access_world.py): anonymous, clerk_a (unit A's clerk), clerk_b (unit B's
clerk), council, officer, chairman, auditor, admin.

- ``Page(readers)``: a page; readers GET it (200), other signed-in roles get 403 (404 for those
  in ``hidden``), anonymous is sent to the login page. A POST to it changes nothing.
- ``Form(readers, writers)``: a page whose POST writes; a role outside ``writers`` is refused
  (403/404/login) and nothing changes.
- ``Action(writers)``: POST only (GET answers 405); same refusal rule.
- ``Api(readers)``: a route of the token API (no token: 401).
- ``unit_a=True``: the URL's object belongs to unit A, so clerk B gets 404 on GET and POST (IDOR).
- ``status``: GET answers of particular roles a rule does not express ("redirect": a 302 that is
  not the login page).
- ``province``: what the city's office officer may do on a province-level row (``province:*``,
  ``provinceoffice:*``, ``clusters:*``): "read", "write" or the refusal (403/404); the roles
  above are the commune's.

A URL pattern with no entry here fails test_access_matrix: a new view is reviewed before it ships.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

ROLE_NAMES = ("anonymous", "clerk_a", "clerk_b", "council", "officer", "chairman", "auditor", "admin")
LOGIN, REDIRECT = "login", "redirect"

EVERYONE = frozenset(ROLE_NAMES)
STAFF = EVERYONE - {"anonymous"}
CLERKS = frozenset({"clerk_a", "clerk_b"})
COMMUNE = STAFF - CLERKS                               # the commune-wide roles
OFFICE = frozenset({"officer", "admin"})               # cán bộ TĐKT and the administrator
ADMIN = frozenset({"admin"})
RECORD_KEEPERS = OFFICE | CLERKS                       # User.can_manage_records
AUDIT_READERS = OFFICE | {"auditor"}                   # User.can_read_audit
FUND_READERS = OFFICE | {"chairman", "auditor"}        # funds.access.READERS
SCORERS = OFFICE | {"council"}                         # movements.access.SCORER_ROLES
SIGNERS = frozenset({"chairman"})
MEETING_RUNNERS = OFFICE | {"chairman"}                # the office, the council's chairman (chutich)
VOTERS = frozenset({"council", "officer", "chairman"})  # demo council members present at the meeting
NOBODY = frozenset()


@dataclass(frozen=True)
class Entry:
    readers: frozenset
    writers: frozenset = NOBODY
    args: Callable | None = None          # world -> URL kwargs
    data: Callable | None = None          # world -> POST data
    unit_a: bool = False
    hidden: frozenset = NOBODY
    status: dict = field(default_factory=dict)
    ok: int | str = 200
    post_ok: int | str | None = None      # the POST answer of a writer, where it must be exactly this
    get_allowed: bool = True              # False: POST-only view (GET 405)
    writes: bool = False                  # POST writes (for ``writers``)
    api: bool = False
    # The city's own user (access_world: ``province_officer``, the city's office officer
    # so_tdkt_ma_tran) on the province-level rows, tested apart (test_access_matrix_province.py):
    # "read" (GET answers ``ok``), "write" (reads, and her POST writes), or a GET outcome she is
    # refused with (403/404/405); None: not a province-level row.
    province: str | int | None = None

    def expected_get(self, role: str):
        if role == "anonymous":
            if self.api:
                return self.status.get(role, 200 if role in self.readers else 401)
            return self.status.get(role, self.ok if role in self.readers else LOGIN)
        if role in self.status:
            return self.status[role]
        if not self.get_allowed:
            return 405
        if role == "clerk_b" and self.unit_a:
            return 404
        if role in self.readers:
            return self.ok
        return 404 if role in self.hidden else 403

    def may_write(self, role: str) -> bool:
        if role == "clerk_b" and self.unit_a:
            return False
        return self.writes and role in self.writers


def Page(readers, **kw) -> Entry:
    return Entry(frozenset(readers), **kw)


def Form(readers, writers, **kw) -> Entry:
    return Entry(frozenset(readers), frozenset(writers), writes=True, **kw)


def Action(writers, **kw) -> Entry:
    return Entry(frozenset(writers), frozenset(writers), writes=True, get_allowed=False, **kw)


def Api(readers, **kw) -> Entry:
    return Entry(frozenset(readers), api=True, **kw)


def pk(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


def year(w):
    return {"year": w.year}


def day(w):
    return w.today.strftime("%d/%m/%Y")


A_DOSSIER = {"unit_a": True}
DRAFT_HIDDEN = frozenset({"council", "chairman", "auditor"})  # a draft is the unit's and the office's only

MATRIX: dict[str, Entry] = {
    # core, accounts
    "core:home": Page(STAFF),
    "ops:healthz": Page(EVERYONE, status={r: 503 for r in ROLE_NAMES}),  # no worker in the test world
    "core:audit": Page(AUDIT_READERS),
    "accounts:login": Form(EVERYONE, EVERYONE, status={r: REDIRECT for r in STAFF}),
    "accounts:logout": Action(EVERYONE, status={"anonymous": 405}, post_ok=LOGIN),
    # administration: the administrator's pages; the first-run page only on an empty instance
    "first_run": Page(EVERYONE, status={r: REDIRECT for r in EVERYONE}),
    "administration:index": Page(ADMIN),
    "administration:accounts": Page(ADMIN),
    "administration:account_create": Form(ADMIN, ADMIN, data=lambda w: {
        "username": "moi-tao", "first_name": "Mới", "role": "auditor", "unit": w.unit_a.commune().pk}),
    "administration:account_edit": Form(ADMIN, ADMIN, args=lambda w: {"pk": w.users["auditor"].pk},
                                        data=lambda w: {"first_name": "Kiểm tra", "role": "auditor",
                                                        "unit": w.unit_a.commune().pk, "title": "Ủy viên"}),
    "administration:account_active": Action(ADMIN, args=lambda w: {"pk": w.users["auditor"].pk},
                                            data=lambda w: {"active": "0"}),
    "administration:account_reset": Action(ADMIN, args=lambda w: {"pk": w.users["auditor"].pk}),
    "administration:calendar": Form(ADMIN, ADMIN, data=lambda w: {
        "day": "02/01/2032", "is_working_day": "0", "name": "Nghỉ bù của xã"}),
    "administration:calendar_delete": Action(ADMIN, args=pk("calendar_day")),
    "accounts:password_change": Form(STAFF, STAFF),
    "accounts:password_change_done": Page(STAFF),
    "accounts:notifications": Form(STAFF, STAFF),
    "accounts:outbox": Form(ADMIN, ADMIN),
    # org
    "org:tree": Page(STAFF),
    "org:unit": Page(STAFF, args=pk("unit_a"), unit_a=True),
    "org:person_create": Form(RECORD_KEEPERS, RECORD_KEEPERS),
    "org:person": Page(STAFF, args=pk("person_a"), unit_a=True),
    "org:person_edit": Form(RECORD_KEEPERS - {"clerk_b"}, RECORD_KEEPERS - {"clerk_b"}, args=pk("person_a"),
                            unit_a=True),
    "org:search": Page(STAFF),
    # awards
    "awards:candidates": Page(STAFF),
    "awards:catalogue": Page(STAFF),
    "awards:parameter_edit": Form(ADMIN, ADMIN, args=pk("parameter")),
    "awards:base_salary_add": Form(ADMIN, ADMIN),
    "awards:regulation": Form(ADMIN, ADMIN, data=lambda w: {
        "province": w.unit_a.commune().ancestors()[0].pk, "document_kind": "Quyết định", "number": "12/2025/QĐ-UBND",
        "signed_on": "20/03/2025", "issuer": "Ủy ban nhân dân thành phố Hải Phòng", "title": "",
        "council_vote_rule": "share", "dieu_bang_khen_tinh": "Điều 4"}),
    "awards:ledger": Page(STAFF),
    "awards:initiatives": Page(STAFF),
    "awards:fairness": Page(STAFF),
    "awards:ratings": Page(STAFF, status={"clerk_a": REDIRECT, "clerk_b": REDIRECT}),
    "awards:rating_grid": Form(COMMUNE | {"clerk_a"}, OFFICE | {"clerk_a"}, args=lambda w: {"pk": w.unit_a.pk, "year": w.year},
                               unit_a=True, data=lambda w: {"action": "luu", "unit_rating": "HTTNV"}),
    "awards:person_rating": Form(OFFICE | {"clerk_a"}, OFFICE | {"clerk_a"}, args=pk("person_a"),
                                 unit_a=True, data=lambda w: {"year": w.year, "rating": "HTTNV"}),
    "awards:award_add_person": Form(OFFICE, OFFICE, args=pk("person_a"), unit_a=True),
    "awards:person_conduct": Form(OFFICE, OFFICE, args=pk("person_a"), unit_a=True,
                                  data=lambda w: {"loai": "vu-viec", "vv-kind": "complaint",
                                                  "vv-opened_on": day(w), "vv-note": "Đơn thư"}),
    "awards:pending_close": Action(OFFICE, args=pk("pending"), unit_a=True,
                                   data=lambda w: {"closed_on": day(w)}),
    # movements
    "movements:overview": Page(STAFF, status={"clerk_a": REDIRECT, "clerk_b": REDIRECT}),
    "movements:todo": Page(STAFF, status={r: REDIRECT for r in COMMUNE}),
    "movements:movement_create": Form(OFFICE, OFFICE),
    "movements:movement": Page(STAFF, args=pk("movement")),
    "movements:movement_edit": Form(OFFICE, OFFICE, args=pk("movement")),
    "movements:movement_step": Action(OFFICE, args=pk("movement")),
    "movements:plan_document": Page(STAFF, args=pk("movement"), ok=404),
    "movements:result_add": Form(OFFICE, OFFICE, args=lambda w: {"movement_pk": w.movement.pk}),
    "movements:result_edit": Form(OFFICE, OFFICE, args=pk("result")),
    "movements:result_delete": Action(OFFICE, args=pk("result")),
    "movements:movements_excel": Page(STAFF, args=year),
    "movements:registrations": Page(COMMUNE, args=year),
    "movements:registrations_excel": Page(COMMUNE, args=year),
    "movements:period_edit": Form(OFFICE, OFFICE, args=year),
    "movements:remind_all": Action(OFFICE, args=year),
    "movements:register": Form(RECORD_KEEPERS, RECORD_KEEPERS, args=lambda w: {"year": w.year, "org": w.unit_a.pk},
                               unit_a=True),
    "movements:reopen": Form(OFFICE, OFFICE, args=lambda w: {"year": w.year, "org": w.unit_a.pk}, unit_a=True,
                             status={"clerk_b": 403}),  # managers only: refused before the unit is read
    "movements:remind": Action(OFFICE, args=lambda w: {"year": w.year, "org": w.unit_a.pk}, unit_a=True),
    "movements:pacts": Page(STAFF, args=year),
    "movements:pact_create": Form(OFFICE, OFFICE, args=lambda w: {"block": w.block.pk}),
    "movements:pact": Page(STAFF, args=pk("pact")),
    "movements:pact_sign": Action(RECORD_KEEPERS, args=lambda w: {"pk": w.pact.pk, "org": w.unit_a.pk},
                                  data=lambda w: {"signed_on": day(w)}, unit_a=True),
    "movements:criteria_sets": Page(STAFF, args=year),
    "movements:criteria_set_create": Form(OFFICE, OFFICE, args=year),
    "movements:criteria_set": Page(STAFF, args=pk("criteria_set")),
    "movements:criteria_set_edit": Form(OFFICE, OFFICE, args=pk("criteria_set")),
    "movements:criteria_set_new_version": Action(OFFICE, args=pk("criteria_set")),
    "movements:criterion_add": Form(OFFICE, OFFICE, args=lambda w: {"set_pk": w.criteria_set.pk}),
    "movements:criterion_edit": Form(OFFICE, OFFICE, args=pk("criterion")),
    "movements:criterion_delete": Action(OFFICE, args=pk("criterion")),
    "movements:scorecard_open": Action(RECORD_KEEPERS,
                                       args=lambda w: {"set_pk": w.criteria_set.pk, "org": w.unit_a.pk}, unit_a=True),
    "movements:scorecard": Page(STAFF, args=pk("scorecard"), unit_a=True),
    "movements:score_row": Action({"clerk_a", "officer", "admin"} | SCORERS,
                                  args=lambda w: {"pk": w.scorecard.pk, "criterion": w.criterion.pk}, unit_a=True),
    "movements:scorecard_submit": Action({"clerk_a", "officer", "admin"}, args=pk("scorecard"), unit_a=True),
    "movements:scorecard_return": Action(SCORERS, args=pk("scorecard"), data=lambda w: {"reason": "Thiếu minh chứng."},
                                         unit_a=True),
    "movements:scorecard_lock": Action(SCORERS, args=pk("scorecard"), unit_a=True),
    # clusters of communes: the city's office manages (none of these commune roles); the leader
    # commune's officer (the demo commune's office) scores; a member commune's users read
    "clusters:list": Page(STAFF, province="read"),
    "clusters:create": Form(NOBODY, NOBODY, province="write"),
    "clusters:cluster": Page(STAFF, args=pk("cluster"), province="read"),
    "clusters:year_open": Form(NOBODY, NOBODY, args=pk("cluster"), province="write"),
    "clusters:leader": Form(NOBODY, NOBODY, args=pk("cluster_year"), province="write"),
    "clusters:pact": Form(NOBODY, NOBODY, args=pk("cluster_year"), province="write"),
    "clusters:pact_sign": Action(OFFICE, args=pk("cluster_year"), data=lambda w: {"signed_on": day(w)}, province=403),
    "clusters:criteria": Form(NOBODY, NOBODY, args=pk("cluster_year"), province="write"),
    "clusters:score": Form(OFFICE, OFFICE, args=lambda w: {"pk": w.cluster_year.pk, "org": w.cluster_member.pk},
                           data=lambda w: {"criterion": w.cluster_criterion.pk, "points": "80"}, province="read"),
    "clusters:lock": Action(OFFICE, args=pk("cluster_year"), province=403),
    "clusters:propose": Action(OFFICE, args=pk("cluster_year"), province=403),
    "clusters:submission": Page(OFFICE, args=pk("cluster_year"), province="read"),
    # the leader commune's chairman signs the cluster's tờ trình to the city
    "clusters:send": Action(SIGNERS, args=pk("cluster_year"), province=403),
    "movements:scorecard_rescore": Action(OFFICE, args=pk("scorecard"), unit_a=True,
                                          data=lambda w: {"reason": "Bộ tiêu chí có phiên bản mới."}),
    "movements:evidence": Page(STAFF, args=pk("evidence"), unit_a=True),
    "movements:evidence_delete": Action({"clerk_a", "officer", "admin"}, args=pk("evidence"), unit_a=True),
    "movements:queue": Page(SCORERS),
    "movements:ranking": Page(STAFF, args=year),
    "movements:ranking_excel": Page(STAFF, args=year),
    # proposals
    # province: the city's own users only (their scope unit is the city; thidua/province/tests
    # prove their access); every commune role is refused, the commune's administrator too
    "province:queue": Page(NOBODY, province="read"),
    "province:receive": Action(NOBODY, args=pk("decided"), province="write"),
    "province:receive_cluster": Action(NOBODY, args=pk("cluster_year"), province="write"),
    "proposals:queue": Page(STAFF),
    "proposals:round_create": Form(OFFICE, OFFICE),
    "proposals:dossier_create": Form(RECORD_KEEPERS, RECORD_KEEPERS, args=lambda w: {"round_pk": w.round.pk}),
    "proposals:dossier": Page(STAFF - DRAFT_HIDDEN, args=pk("draft"), hidden=DRAFT_HIDDEN, **A_DOSSIER),
    "proposals:dossier_edit": Action({"clerk_a"} | OFFICE, args=pk("draft"), hidden=DRAFT_HIDDEN,
                                     data=lambda w: {"unit_minutes": "Biên bản mới"}, **A_DOSSIER),
    "proposals:nomination_add": Action({"clerk_a"} | OFFICE, args=pk("draft"), hidden=DRAFT_HIDDEN,
                                       **A_DOSSIER),
    "proposals:nominate_qualifying": Action({"clerk_a"} | OFFICE, args=lambda w: {"round_pk": w.round.pk},
                                            data=lambda w: {"unit": w.unit_a.pk}, **A_DOSSIER),
    "proposals:attachment_add": Action({"clerk_a"} | OFFICE, args=pk("draft"), hidden=DRAFT_HIDDEN,
                                       **A_DOSSIER),
    "proposals:dossier_agenda": Action(OFFICE, args=pk("voting"), data=lambda w: {"meeting": w.planned_meeting.pk},
                                       **A_DOSSIER),
    "proposals:dossier_sign": Action(SIGNERS, args=pk("decided"), data=lambda w: {"day": day(w)}, **A_DOSSIER),
    "proposals:dossier_to_province": Action(SIGNERS, args=pk("decided"), data=lambda w: {"day": day(w)},
                                            **A_DOSSIER),
    "proposals:province_decision": Action(OFFICE, args=pk("decided"), **A_DOSSIER),
    "proposals:package": Page(STAFF, args=pk("decided"), **A_DOSSIER),
    "proposals:transition": Action({"clerk_a"} | OFFICE, args=lambda w: {"pk": w.draft.pk, "action": "nop"},
                                   hidden=DRAFT_HIDDEN, **A_DOSSIER),
    "proposals:nomination_edit": Form({"clerk_a"} | OFFICE, {"clerk_a"} | OFFICE, args=pk("nomination"),
                                      hidden=DRAFT_HIDDEN, **A_DOSSIER,
                                      data=lambda w: {"record": "Họ và tên.", "achievements": "Thành tích."}),
    "proposals:nomination_remove": Action({"clerk_a"} | OFFICE, args=pk("nomination"),
                                          hidden=DRAFT_HIDDEN, **A_DOSSIER),
    "proposals:nomination_pass": Action(OFFICE, args=lambda w: {"pk": w.voting.nominations.first().pk},
                                        data=lambda w: {"reason": "Có thành tích đột xuất được tỉnh ghi nhận."},
                                        **A_DOSSIER),
    "proposals:attachment": Page(STAFF - DRAFT_HIDDEN, args=pk("attachment"), hidden=DRAFT_HIDDEN, **A_DOSSIER),
    "proposals:attachment_remove": Action({"clerk_a"} | OFFICE, args=pk("attachment"),
                                          hidden=DRAFT_HIDDEN, **A_DOSSIER),
    "proposals:objection_answer": Action(OFFICE, args=pk("objection"), data=lambda w: {"answer": "Đã xem xét."},
                                         **A_DOSSIER),
    "proposals:decision": Form(STAFF, SIGNERS, args=pk("decision"), **A_DOSSIER),
    "proposals:register": Form(OFFICE, OFFICE, data=lambda w: {"year": w.year, "series": "QĐ-UBND",
                                                               "next_number": 900}),
    "proposals:public_list": Page(EVERYONE),
    "proposals:public_dossier": Form(EVERYONE, EVERYONE, args=pk("published")),
    "proposals:council": Page(COMMUNE),
    "proposals:term_create": Form(OFFICE, OFFICE),
    # a council term is the commune's: a unit clerk does not see it (404)
    "proposals:member_add": Form(OFFICE, OFFICE, args=pk("term"), hidden=CLERKS),
    "proposals:meeting_create": Form(COMMUNE, MEETING_RUNNERS, args=pk("term"), hidden=CLERKS,
                                     data=lambda w: {"held_on": day(w), "location": "Hội trường"}),
    "proposals:meeting": Page(COMMUNE, args=pk("meeting"), hidden=CLERKS),
    "proposals:meeting_attendance": Action(MEETING_RUNNERS, args=pk("meeting"), hidden=CLERKS),
    "proposals:meeting_opinion": Action(MEETING_RUNNERS, args=pk("meeting"), hidden=CLERKS),
    "proposals:meeting_open": Action(MEETING_RUNNERS, args=pk("meeting"), hidden=CLERKS),
    "proposals:meeting_close": Action(MEETING_RUNNERS, args=pk("meeting"), hidden=CLERKS),
    "proposals:minutes": Page(COMMUNE, args=pk("closed_meeting"), hidden=CLERKS),
    # the member's one ballot paper of the meeting; a non-member of the term is refused (403)
    "proposals:ballot_paper": Form(VOTERS, VOTERS, args=pk("meeting"), hidden=CLERKS,
                                   data=lambda w: {f"n{w.ballot_nomination.pk}": "yes"}),
    "proposals:receipt_check": Form(STAFF, STAFF),
    # inspections (the commune's file: commune-wide roles read, the office writes)
    "inspections:index": Page(COMMUNE),
    "inspections:plan_create": Form(OFFICE, OFFICE),
    "inspections:plan": Page(COMMUNE, args=pk("inspection_plan")),
    "inspections:inspection_create": Form(OFFICE, OFFICE, args=pk("inspection_plan")),
    "inspections:inspection": Page(COMMUNE, args=pk("inspection")),
    "inspections:finding_open": Action(OFFICE, args=lambda w: {"pk": w.inspection.pk, "unit": w.unit_b.pk}),
    "inspections:finding": Form(COMMUNE, OFFICE, args=pk("finding"), data=lambda w: {"conclusion": "Đạt yêu cầu."}),
    "inspections:evidence_add": Action(OFFICE, args=pk("finding")),
    "inspections:recommendation_add": Form(OFFICE, OFFICE, args=pk("finding")),
    "inspections:evidence": Page(COMMUNE, args=pk("inspection_file")),
    "inspections:recommendations": Page(COMMUNE),
    "inspections:recommendation": Form(COMMUNE, OFFICE, args=pk("recommendation"),
                                       data=lambda w: {"on": day(w), "note": "Đơn vị đang khắc phục."}),
    "inspections:practices": Page(COMMUNE),
    "inspections:practice_create": Form(OFFICE, OFFICE),
    "inspections:practice": Page(COMMUNE, args=pk("practice")),
    # documents
    "documents:index": Page(STAFF),
    "documents:movement_review": Page(COMMUNE, args=pk("movement")),
    "documents:report": Page(COMMUNE, args=lambda w: {"slug": "nam"}),
    "documents:report_preview": Page(COMMUNE, args=lambda w: {"slug": "nam"}),
    "documents:report_generate": Action(COMMUNE, args=lambda w: {"slug": "nam"}),
    "documents:report_sections": Form(OFFICE, OFFICE, args=lambda w: {"slug": "nam"}),
    "documents:job": Page(OFFICE, args=pk("job"), hidden=STAFF),
    "documents:job_status": Page(OFFICE, args=pk("job"), hidden=STAFF),
    "documents:job_download": Page(OFFICE, args=pk("job"), hidden=STAFF),
    "documents:decisions": Page(STAFF),
    "documents:decision_docx": Page(STAFF, args=pk("award_a"), unit_a=True),
    "documents:decision_pdf": Page(STAFF, args=pk("award_a"), unit_a=True),
    "documents:certificate_pdf": Page(STAFF, args=pk("award_a"), unit_a=True),
    "documents:certificate_docx": Page(STAFF, args=pk("award_a"), unit_a=True),
    # the draft of a decision: the office writes it, the chairman previews and signs it (a decided
    # dossier has no draft any more: its page says so, its preview is gone)
    "documents:draft": Form(OFFICE | SIGNERS, OFFICE, args=pk("decided"), **A_DOSSIER),
    "documents:draft_pdf": Page(OFFICE | SIGNERS, args=pk("decided"), ok=404, **A_DOSSIER),
    "documents:signed_decision": Page(STAFF, args=lambda w: {"pk": w.decision.pk, "fmt": "pdf"}, **A_DOSSIER),
    "documents:minutes": Page(COMMUNE, args=lambda w: {"pk": w.closed_meeting.pk, "fmt": "docx"}, hidden=CLERKS),
    "documents:invitation": Page(COMMUNE, args=lambda w: {"pk": w.planned_meeting.pk, "fmt": "pdf"}, hidden=CLERKS),
    "documents:person_certificates": Page(STAFF, args=pk("person_a"), unit_a=True),
    "documents:unit_certificates": Page(STAFF, args=pk("unit_a"), unit_a=True),
    "documents:achievement_search": Page(STAFF),
    "documents:achievement": Page(STAFF, args=pk("person_a"), unit_a=True),
    "documents:sample": Page(STAFF, args=lambda w: {"slug": "quyet-dinh"}),
    "documents:templates": Form(STAFF, ADMIN),
    "documents:template_download": Page(STAFF, args=lambda w: {"kind": w.template_kind}),
    # targets
    "targets:dashboard": Page(STAFF),
    "targets:import": Form(OFFICE, OFFICE),
    "targets:culture": Page(STAFF),
    "targets:review_open": Action(OFFICE),
    "targets:village": Page(COMMUNE, args=lambda w: {"pk": w.review.village_id}, hidden=CLERKS),
    "targets:review": Form(COMMUNE, OFFICE, args=pk("review"), hidden=CLERKS, data=lambda w: {"action": "bo-sung"}),
    "targets:entry": Form(OFFICE, OFFICE, args=pk("entry"), hidden=CLERKS),
    "targets:parameter": Form(ADMIN, ADMIN, args=lambda w: {"key": w.culture_key}),
    "targets:detail": Form(STAFF, OFFICE, args=lambda w: {"code": w.target.code}),
    # exchange
    "exchange:index": Page(STAFF),
    "exchange:import": Form(RECORD_KEEPERS, RECORD_KEEPERS),
    "exchange:template": Page(RECORD_KEEPERS, args=lambda w: {"slug": w.import_slug}),
    "exchange:batch": Page({"clerk_a"} | OFFICE, args=pk("batch"), hidden=STAFF, unit_a=True),
    "exchange:batch_commit": Action({"clerk_a"} | OFFICE, args=pk("batch"), hidden=STAFF, unit_a=True),
    "exchange:batch_undo": Action({"clerk_a"} | OFFICE, args=pk("batch"), hidden=STAFF, unit_a=True),
    "exchange:batch_discard": Action({"clerk_a"} | OFFICE, args=pk("batch"), hidden=STAFF, unit_a=True),
    "exchange:read_report": Form(OFFICE, OFFICE),
    "exchange:tokens": Form(STAFF, STAFF),
    "exchange:token_revoke": Action({"clerk_a"}, args=pk("token"), hidden=STAFF, unit_a=True),
    "exchange:ledger_export": Page(STAFF),
    # national exports and statutory statistics: the office (a province user for the province);
    # the code table is read by the office and written by the administrator only
    "exchange:national": Page(OFFICE),
    "exchange:national_codes": Form(OFFICE, ADMIN),
    "exchange:officials_export": Page(OFFICE),
    "exchange:statistics": Page(OFFICE),
    # an LĐTT dossier has no award for the Prime Minister or the President: no package (404)
    "exchange:ministry_package": Page(OFFICE, args=pk("decided"), ok=404),
    "exchange:ob_issuer": Page(EVERYONE, args=lambda w: {"key": w.issuer_key}),
    "exchange:ob_issuer_json": Page(EVERYONE, args=lambda w: {"key": w.issuer_key}),
    "exchange:ob_status_list": Page(EVERYONE, args=lambda w: {"key": w.issuer_key}),
    "exchange:ob_achievement": Page(EVERYONE, args=lambda w: {"code": w.award_a.award_type.code}),
    "exchange-api:openapi-json": Api(EVERYONE),
    "exchange-api:openapi-view": Api(EVERYONE),
    "exchange-api:api-root": Api(NOBODY, status={r: 404 for r in EVERYONE}),
    "exchange-api:me": Api(STAFF),
    "exchange-api:list_units": Api(STAFF),
    "exchange-api:get_unit": Api(STAFF, args=lambda w: {"unit_id": w.unit_a.pk}, unit_a=True),
    "exchange-api:list_people": Api(STAFF),
    "exchange-api:get_person": Api(STAFF, args=lambda w: {"person_id": w.person_a.pk}, unit_a=True),
    "exchange-api:list_awards": Api(STAFF),
    "exchange-api:get_award": Api(STAFF, args=lambda w: {"award_id": w.award_a.pk}, unit_a=True),
    "exchange-api:award_credential": Api(STAFF, args=lambda w: {"award_id": w.award_a.pk}, unit_a=True),
    "exchange-api:award_credential_jwt": Api(STAFF, args=lambda w: {"award_id": w.award_a.pk}, unit_a=True),
    "exchange-api:list_ratings": Api(STAFF),
    "exchange-api:search": Api(STAFF, status={r: 422 for r in STAFF}),
    "exchange-api:export_ledger": Api(STAFF),
    # a signed decision and its frozen DOCX, PDF (the world's decision is unit A's dossier's)
    "exchange-api:get_decision": Api(STAFF, args=lambda w: {"decision_id": w.decision.pk}, unit_a=True),
    "exchange-api:decision_docx": Api(STAFF, args=lambda w: {"decision_id": w.decision.pk}, unit_a=True),
    "exchange-api:decision_pdf": Api(STAFF, args=lambda w: {"decision_id": w.decision.pk}, unit_a=True),
    # public site
    "verification:certificate": Page(EVERYONE, args=lambda w: {"code": w.award_code}),
    "public:board": Page(EVERYONE),
    "public:exemplars": Page(EVERYONE),
    "public:exemplar": Page(EVERYONE, args=lambda w: {"slug": w.exemplar.slug}),
    "public:photo": Page(EVERYONE, args=pk("photo")),
    "public:feed": Page(EVERYONE),
    "public:embed": Page(EVERYONE),
    "public:poster": Page(EVERYONE),
    "public:radio": Page(COMMUNE),
    "public:promote_practice": Form(OFFICE, OFFICE, args=pk("practice"),
                                    data=lambda w: {"sector": "san_xuat", "consent_note": "Đồng ý bằng văn bản."}),
    "public:verify_lookup": Page(EVERYONE),
    "public:verify_document": Page(EVERYONE),
    "public:certificate": Page(EVERYONE, args=lambda w: {"code": w.award_code}),
    "public:manage": Page(STAFF),
    "public:manage_create": Form(OFFICE, OFFICE),
    "public:manage_detail": Form(STAFF - CLERKS, OFFICE, args=pk("exemplar"), hidden=CLERKS),
    "public:manage_edit": Form(OFFICE, OFFICE, args=pk("exemplar")),
    "public:manage_publish": Action(OFFICE, args=pk("exemplar")),
    "public:manage_photo_delete": Action(OFFICE, args=pk("photo")),
    # funds
    "funds:overview": Form(FUND_READERS, OFFICE),
    "funds:talent": Form(FUND_READERS, OFFICE),
    "funds:year": Form(FUND_READERS, OFFICE, args=lambda w: {"year": w.receipt.fund.year}),
    "funds:fund_edit": Form(OFFICE, OFFICE, args=lambda w: {"year": w.receipt.fund.year},
                            data=lambda w: {"opening_balance": "1000000", "note": "Số dư chuyển sang"}),
    "funds:receipt_delete": Action(OFFICE, args=lambda w: {"year": w.receipt.fund.year, "pk": w.receipt.pk}),
    # province office (thidua.provinceoffice): only users whose scope is the city read or write
    # these; every commune role is refused (403). The province's own roles are tested in
    # thidua/provinceoffice/tests (test_access.py: readers, writers, 404 across provinces).
    "provinceoffice:dashboard": Page(NOBODY, province="read"),
    "provinceoffice:dashboard_excel": Page(NOBODY, province="read"),
    "provinceoffice:refresh": Action(NOBODY, data=lambda w: {"nam": "2025"}, province="write"),
    "provinceoffice:targets": Form(NOBODY, NOBODY, data=lambda w: {"key": "dang-ky", "year": "2026", "planned": "90"}, province="write"),
    "provinceoffice:communes": Page(NOBODY, province="read"),
    "provinceoffice:commune_create": Form(NOBODY, NOBODY, data=lambda w: {"name": "Xã Thử Quyền"}, province=403),
    "provinceoffice:commune": Page(NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk}, province="read"),
    "provinceoffice:people_without_unit": Page(NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk}, province="read"),
    "provinceoffice:awards_without_number": Page(NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk}, province="read"),
    "provinceoffice:commune_admin": Form(NOBODY, NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk},
                                         data=lambda w: {"username": "thu-quyen", "first_name": "Thử"}, province=403),
    "provinceoffice:commune_merge": Form(NOBODY, NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk},
                                         data=lambda w: {"merged_on": "01/07/2025"}, province=403),
    "provinceoffice:commune_import": Form(NOBODY, NOBODY, args=lambda w: {"pk": w.unit_a.commune().pk}, province="write"),
}
