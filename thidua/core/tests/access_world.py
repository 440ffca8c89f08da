"""The objects the access matrix fills URL kwargs from: the demo commune plus what the demo does
not hold (dossiers at every step, a meeting, a decision, a job, an import batch, a token, a
photo, evidence). Everything that belongs to a unit belongs to unit A, the Trường Mầm non Hồng
Phong of the clerk ``vanthu_mnhp``; ``vanthu_thcstg`` (Trường THCS Thanh Giang) is the clerk of
unit B, who must never reach it."""
from __future__ import annotations

import datetime
import io
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

ROLES = {
    "anonymous": None,
    "clerk_a": "vanthu_mnhp",
    "clerk_b": "vanthu_thcstg",
    "council": "hoidong",
    "officer": "canbotdkt",
    "chairman": "chutich",
    "auditor": "kiemtra",
    "admin": "quantri",
}
UNIT_A = "mn-hong-phong"
UNIT_B = "thcs-thanh-giang"
PERSON_A = "Nguyễn Thị Mai"


def _pdf(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
                              content_type="application/pdf")


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile("anh.png", out.getvalue(), content_type="image/png")


def build_world() -> SimpleNamespace:
    from thidua.accounts.models import User
    from thidua.awards import services as award_services
    from thidua.awards.models import Award, RuleParameter
    from thidua.documents.models import GenerationJob, TemplateKind
    from thidua.exchange import services as exchange_services
    from thidua.exchange.importers import SLUGS
    from thidua.exchange.tests.helpers import people_rows, workbook
    from thidua.funds.models import FundReceipt
    from thidua.movements import services as movement_services
    from thidua.movements.models import CriteriaSet, Movement, MovementResult, Pact
    from thidua.org.models import Organisation, Person
    from thidua.proposals import services as proposal_services
    from thidua.proposals.tests.conftest import Flow
    from thidua.public import services as public_services
    from thidua.public.models import Exemplar
    from thidua.targets import culture
    from thidua.targets.models import HouseholdReview, Target, VillageReview

    users = {role: User.objects.get(username=name) for role, name in ROLES.items() if name}
    ns = w = SimpleNamespace(users=users, tokens={})
    ns.today = datetime.date.today()
    ns.unit_a = Organisation.objects.get(code=UNIT_A)
    ns.person_a = Person.objects.get(full_name=PERSON_A)
    ns.award_a = Award.objects.filter(person=ns.person_a).order_by("-year").first()
    from thidua.exchange.badges import issuer_key

    ns.issuer_key = issuer_key(ns.award_a.issuer_name)
    ns.award_code = Award.objects.exclude(verification_code="").values_list("verification_code", flat=True).first()
    ns.parameter = RuleParameter.objects.order_by("pk").first()

    # movements (the 2026 schools block holds unit A)
    ns.year = 2026
    ns.movement = Movement.objects.filter(state="running").order_by("pk").first()
    ns.result = MovementResult.objects.filter(movement=ns.movement).first() or MovementResult.objects.first()
    ns.criteria_set = CriteriaSet.objects.get(block__year=2026, block__members=ns.unit_a)
    ns.block = ns.criteria_set.block
    ns.pact = Pact.objects.get(block=ns.block)
    ns.criterion = ns.criteria_set.criteria.order_by("pk").first()
    clerk = users["clerk_a"]
    ns.scorecard = movement_services.open_scorecard(actor=clerk, organisation=ns.unit_a,
                                                    criteria_set=ns.criteria_set)
    score = movement_services.self_score(actor=clerk, scorecard=ns.scorecard, criterion=ns.criterion,
                                         points=ns.criterion.max_points, note="Hoàn thành.",
                                         files=[_pdf("minh-chung.pdf")])
    ns.evidence = score.evidence.first()

    # inspections: a plan, an inspection of the movement at units A and B, a finding at A with
    # evidence and a recommendation, a good practice not yet on the honour board
    from thidua.inspections import services as inspection_services

    ns.unit_b = Organisation.objects.get(code=UNIT_B)
    ns.inspection_plan = inspection_services.create_plan(actor=None, commune=ns.unit_a.commune(), year=ns.today.year,
                                                         title="Kế hoạch kiểm tra (ma trận quyền)")
    ns.inspection = inspection_services.create_inspection(
        actor=None, plan=ns.inspection_plan, topic="movement", movement=ns.movement, units=[ns.unit_a, ns.unit_b],
        team="Trưởng đoàn", start_date=ns.today.replace(month=1, day=2), end_date=ns.today.replace(month=1, day=9))
    ns.finding = inspection_services.open_finding(actor=None, inspection=ns.inspection, unit=ns.unit_a)
    ns.inspection_file = inspection_services.add_evidence(actor=None, finding=ns.finding, upload=_pdf("bien-ban-kiem-tra.pdf"))
    ns.recommendation = inspection_services.add_recommendation(
        actor=None, finding=ns.finding, text="Bổ sung sổ theo dõi khen thưởng.", responsible=ns.person_a,
        working_days=5, issued_on=ns.today.replace(month=1, day=9))
    ns.practice = inspection_services.record_practice(
        actor=None, commune=ns.unit_a.commune(), finding=ns.finding, person=ns.person_a, title="Sổ tay điện tử",
        practice="Ghi chép điện tử.", result="Tiết kiệm thời gian.")

    # proposals: a draft, a published dossier with an objection, an open vote, a decision
    flow = Flow(lambda username: User.objects.get(username=username))
    ns.round = flow.round
    ns.term = flow.term
    ns.draft = flow.draft()
    ns.nomination = ns.draft.nominations.first()
    ns.attachment = proposal_services.add_attachment(actor=clerk, dossier=ns.draft, upload=_pdf(),
                                                     description="Biên bản họp xét")
    ns.decided = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")])
    ns.decision = ns.decided.decision
    from thidua.documents.frozen import render_frozen

    render_frozen(ns.decision.frozen.pk)  # as the worker does after the signature (documents.tasks)
    ns.closed_meeting = ns.decided.meeting
    # published, objected to (answered), then put to the council and the vote opened
    ns.published = flow.published(nominees=[("Bùi Thị Phương", "LDTT")])  # stays on public display
    ns.at_council = flow.published(nominees=[("Bùi Thị Thu", "LDTT")])
    ns.objection = proposal_services.submit_objection(
        dossier=ns.at_council, nomination=None, name="Nguyễn Văn Dân", contact="0912345678",
        content="Đề nghị xem lại thành tích.", ip="10.0.0.1")
    proposal_services.answer_objection(actor=users["officer"], objection=ns.objection, answer="Đã xác minh.")
    ns.voting = flow.at_council(ns.at_council)
    ns.meeting = proposal_services.open_meeting(actor=users["officer"], meeting=ns.voting.meeting)
    ns.ballot_nomination = ns.voting.nominations.first()
    ns.planned_meeting = flow.meeting()

    # documents, exchange, public, funds, targets
    ns.job = GenerationJob.objects.create(kind=GenerationJob.Kind.values[0], params={"commune": ns.unit_a.commune().pk},
                                          requested_by=users["officer"], status=GenerationJob.Status.DONE,
                                          filename="bao-cao.docx", finished_at=timezone.now())
    ns.job.file.save("bao-cao.docx", ContentFile(b"PK\x03\x04"), save=True)
    ns.template_kind = TemplateKind.values[0]
    ns.batch = exchange_services.preview_workbook(actor=clerk, kind="people",
                                                  data=workbook("people", people_rows(2)), file_name="ca-nhan.xlsx")
    ns.import_slug = next(iter(SLUGS))
    ns.token, _key = exchange_services.create_token(actor=clerk, name="Kết nối của đơn vị A")
    for role, user in users.items():
        w.tokens[role] = "Bearer " + exchange_services.create_token(actor=user, name="ma trận quyền")[1]
    ns.exemplar = Exemplar.objects.filter(published_on__isnull=False, consent_to_publish=True).order_by("pk").first()
    ns.photo = public_services.add_photo(actor=users["officer"], exemplar=ns.exemplar, upload=_png(),
                                         alt_text="Ảnh chân dung")
    ns.receipt = FundReceipt.objects.order_by("pk").first()
    ns.pending = award_services.open_pending_matter(actor=users["officer"], subject=ns.person_a, kind="complaint",
                                                    opened_on=ns.today - datetime.timedelta(days=30),
                                                    note="Đơn thư đang xác minh")
    ns.target = Target.objects.order_by("pk").first()
    from thidua.core.models import CalendarDay
    ns.calendar_day = CalendarDay.objects.create(day=datetime.date(2031, 9, 3), name="Nghỉ thử")
    ns.review = VillageReview.objects.order_by("pk").first()
    ns.entry = HouseholdReview.objects.filter(review=ns.review).order_by("pk").first()
    ns.culture_key = culture.parameters()[0].default.key
    _clusters(ns)
    return w


def _clusters(ns) -> None:
    """A cluster of the city in which the demo commune (its officer the leader) competes with a
    second commune; its pact and one criterion exist, nothing is scored."""
    from decimal import Decimal

    from thidua.accounts.models import Role, User
    from thidua.clusters import services as cluster_services
    from thidua.movements import services as movement_services
    from thidua.org.models import Organisation

    commune = ns.unit_a.commune()
    city = commune.parent
    other = Organisation.objects.create(code="xa-cum-ma-tran", name="Xã Cụm Ma Trận", kind=Organisation.Kind.COMMUNE,
                                        parent=city)
    province = User.objects.create(username="so_tdkt_ma_tran", role=Role.OFFICER, unit=city)
    ns.province_officer = province  # the city's office officer: the matrix's ``province`` expectations
    ns.cluster = cluster_services.create_cluster(actor=province, name="Cụm thi đua ma trận")
    ns.cluster_year = cluster_services.open_year(actor=province, cluster=ns.cluster, year=ns.today.year,
                                                 members=[commune, other], leader=commune)
    movement_services.create_pact(actor=province, block=ns.cluster_year.block, title="Giao ước cụm", text="Cam kết.")
    cs = cluster_services.create_criteria(actor=province, cluster_year=ns.cluster_year, name="Tiêu chí cụm",
                                          bands={"xuat_sac": Decimal(90), "tot": Decimal(70)})
    ns.cluster_criterion = movement_services.add_criterion(actor=province, criteria_set=cs, code="1", text="Kinh tế",
                                                           kind="regular", max_points=Decimal(100))
    ns.cluster_member = other
    # the leader's officer scores both members, locks and proposes: the tờ trình exists
    leader = ns.users["officer"]
    for member in (commune, other):
        cluster_services.enter_score(actor=leader, cluster_year=ns.cluster_year, commune=member,
                                     criterion=ns.cluster_criterion, points=Decimal(90 if member == other else 80))
    cluster_services.lock_scores(actor=leader, cluster_year=ns.cluster_year)
    from thidua.clusters.selectors import ranking
    cluster_services.propose_awards(actor=leader, cluster_year=ns.cluster_year,
                                    ranking=ranking(user=leader, cluster_year=ns.cluster_year))
