"""Pages of a dossier: the work queue, rounds, the dossier page and its actions — the
transitions of the workflow table (``proposals.workflow``), nominations, attachments,
objections, the province's decision."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.accounts.scoping import visible_organisations
from thidua.core import pages
from thidua.core.files import upload_limit
from thidua.core.worklist import queue_sections

from .. import access, reports, selectors, services, workflow
from ..checks import before_adding
from ..forms import (
    AgendaForm, AnswerForm, AttachmentForm, DayForm, DossierCreateForm, MinutesForm, NominationForm,
    ProvinceDecisionForm, ReasonForm, ReportForm, RoundForm, SignForm,
)
from ..models import AwardRound, Dossier, Meeting, Nomination
from ..panels import dossier_panels
from .common import FORM, action_on, dossier_url, office_commune


@login_required
def queue(request):
    return render(request, "proposals/queue.html", {**selectors.queue(user=request.user),
                                                    "sections": queue_sections.render_list(request)})


@login_required
def round_create(request):
    commune = office_commune(request.user)
    return pages.form_page(request, RoundForm(request.POST or None, commune=commune), template=FORM,
                           context={"title": _("Đợt khen thưởng mới")},
                           call=lambda data: services.create_round(actor=request.user, commune=commune, **data),
                           success=_("Đã tạo đợt khen thưởng."), done=lambda _round: redirect("proposals:queue"))


@login_required
def dossier_create(request, round_pk: int):
    award_round = get_object_or_404(AwardRound.objects.select_related("commune"), pk=round_pk)
    if not request.user.can_manage_records:
        raise PermissionDenied
    return pages.form_page(
        request, DossierCreateForm(request.POST or None, user=request.user, award_round=award_round), template=FORM,
        context={"title": _("Lập hồ sơ đề nghị — %s") % award_round},
        call=lambda data: services.create_dossier(actor=request.user, award_round=award_round, unit=data["unit"]),
        done=lambda dossier: redirect("proposals:dossier", pk=dossier.pk))


@login_required
def dossier_detail(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    context = selectors.dossier_page(user=request.user, dossier=dossier)
    context.update(minutes_form=MinutesForm(initial={"unit_minutes": dossier.unit_minutes}),
                   attachment_form=AttachmentForm(), reason_form=ReasonForm(), day_form=DayForm(),
                   sign_form=SignForm(), ask_confirmation=request.GET.get("xac_nhan") == "1"
                   or any(n.needs_confirmation for n in context["signing_notices"]),
                   agenda_form=AgendaForm(meetings=context["meetings"]) if context["meetings"] else None)
    if any(t.form == "province" for t in context["actions"]):
        passed = [n for n in context["nominations"] if n.outcome == Nomination.Outcome.PASSED]
        province = dossier.round.commune.parent
        context["province_form"] = ProvinceDecisionForm(
            passed=passed, initial={"issuer_name": province.issuer_name if province else ""})
    if context["can_prepare"]:
        refusal = before_adding.refusal(actor=request.user, dossier=dossier)
        context["nomination_form"] = NominationForm(unit=dossier.unit) if refusal is None else None
        context["adding_refused"] = refusal
        context["problems"] = _problem_list(dossier)
    context["panels"] = dossier_panels.render_list(request, dossier)
    return render(request, "proposals/dossier.html", context)


def _problem_list(dossier: Dossier) -> list[dict]:
    """What stops the dossier from being submitted: one entry for the dossier and one per
    nomination, each with its problems and the link of the page that fixes them."""
    groups: dict = {}
    for problem in selectors.submission_problems(dossier):
        n = problem.nomination
        if n is not None:
            key = n.pk
            title = f"{n.subject} — {n.award_type.name}"
            link, label = reverse("proposals:nomination_edit", args=[n.pk]), _("Sửa báo cáo thành tích")
        elif problem.fix == "minutes":
            key, title, link, label = ("minutes", _("Biên bản họp xét"), dossier_url(dossier.pk, "bien-ban"),
                                       _("Ghi biên bản họp xét"))
        else:
            key, title, link, label = ("list", _("Danh sách đề nghị"), dossier_url(dossier.pk, "them-de-nghi"),
                                       _("Thêm đề nghị"))
        group = groups.setdefault(key, {"title": title, "link": link, "label": label, "messages": []})
        group["messages"].append(problem.message)
    return list(groups.values())


def _dossier_page(dossier) -> str:
    return dossier_url(dossier.pk)


def _its_dossier(obj) -> str:
    """The page of the dossier ``obj`` (a nomination, an attachment) belongs to."""
    return dossier_url(obj.dossier_id)


dossier_edit = action_on(
    selectors.get_dossier, lambda user, dossier, data: services.update_dossier(actor=user, dossier=dossier, **data),
    form=lambda request, _dossier: MinutesForm(request.POST), back=_dossier_page,
    success=gettext_lazy("Đã lưu biên bản họp xét."))


def _added(nomination) -> str:
    if not nomination.needs_report:  # LĐTT, TTLĐTT: the list and the minutes (rules.dossiers)
        return _("Đã thêm đề nghị “%(t)s” cho %(s)s (không cần báo cáo thành tích).") % {
            "t": nomination.award_type.name, "s": nomination.subject}
    return _("Đã thêm đề nghị; báo cáo thành tích được lập sẵn từ hồ sơ, hãy ghi thành tích.")


nomination_add = action_on(
    selectors.get_dossier, lambda user, dossier, data: services.add_nomination(actor=user, dossier=dossier, **data),
    form=lambda request, dossier: NominationForm(request.POST, unit=dossier.unit),
    back=_dossier_page, success=_added,
    done=lambda n: reverse("proposals:nomination_edit", args=[n.pk]) if n.needs_report
    else dossier_url(n.dossier_id, "de-nghi"))


def _local(request, url: str, default: str) -> str:
    """``url`` when it is a path of this site, else ``default`` (never an open redirect)."""
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return default


@login_required
@require_POST
def nominate_qualifying(request, round_pk: int):
    """From the candidate list: nominate every member of the unit eligible for Lao động tiên
    tiến in one action (those already nominated in the round are skipped and named)."""
    if not request.user.can_manage_records:
        raise PermissionDenied
    unit_pk = request.POST.get("unit", "")
    unit = get_object_or_404(visible_organisations(request.user), pk=unit_pk if unit_pk.isdecimal() else None)
    award_round = get_object_or_404(AwardRound, pk=round_pk, commune=unit.commune())
    back = _local(request, request.POST.get("back", ""), reverse("awards:candidates"))

    def told(result) -> str:
        names = lambda people: ", ".join(p.full_name for p in people)  # noqa: E731
        if result.skipped:
            messages.info(request, _("%(n)d người đã được đề nghị trong đợt này nên được bỏ qua: %(names)s.") % {
                "n": len(result.skipped), "names": names(result.skipped)})
        if not result.added and not result.skipped:
            messages.info(request, _("Không có ai đủ điều kiện “Lao động tiên tiến” để đề nghị."))
        return _("Đã đề nghị “Lao động tiên tiến” cho %(n)d người: %(names)s.") % {
            "n": len(result.added), "names": names(result.added)} if result.added else ""

    return pages.action(
        request, lambda data: services.nominate_qualifying(actor=request.user, award_round=award_round, unit=unit),
        back=back, success=told, done=lambda result: back if result.dossier is None
        else dossier_url(result.dossier.pk, "de-nghi"))


@login_required
def nomination_edit(request, pk: int):
    nomination = selectors.get_nomination(user=request.user, pk=pk)
    if not access.can_prepare(request.user, nomination.dossier):
        raise PermissionDenied
    year = nomination.dossier.round.year
    record, achievements = reports.split(nomination.report, year)
    form = ReportForm(request.POST or None, year=year, required=nomination.needs_report,
                      initial={"record": record, "achievements": achievements})

    def save(data):
        report = (reports.join(data["record"], data["achievements"], year)
                  if data["record"].strip() or data["achievements"].strip() else "")
        return services.update_report(actor=request.user, nomination=nomination, report=report)

    return pages.form_page(request, form, template=FORM, call=save, success=_("Đã lưu báo cáo thành tích."),
                           done=lambda _n: redirect("proposals:dossier", pk=nomination.dossier_id), context={
        "title": _("Báo cáo thành tích — %(s)s (%(t)s)") % {"s": nomination.subject, "t": nomination.award_type.name},
        "back": dossier_url(nomination.dossier_id)})


nomination_remove = action_on(
    selectors.get_nomination,
    lambda user, nomination, data: services.remove_nomination(actor=user, nomination=nomination),
    back=_its_dossier, success=gettext_lazy("Đã bỏ đề nghị."))

nomination_pass = action_on(
    selectors.get_nomination,
    lambda user, nomination, data: services.pass_nominee(actor=user, nomination=nomination, reason=data["reason"]),
    form=lambda request, _nomination: ReasonForm(request.POST), back=_its_dossier,
    invalid=gettext_lazy("Đề nghị chưa đủ điều kiện chỉ được trình Hội đồng khi có lý do bằng văn bản."),
    success=gettext_lazy("Đã ghi lý do; đề nghị sẽ được trình Hội đồng."))

attachment_add = upload_limit()(action_on(
    selectors.get_dossier, lambda user, dossier, data: services.add_attachment(
        actor=user, dossier=dossier, upload=data["file"], description=data["description"]),
    form=lambda request, _dossier: AttachmentForm(request.POST, request.FILES),
    back=_dossier_page, success=gettext_lazy("Đã đính kèm tệp.")))


@login_required
def attachment_download(request, pk: int):
    attachment = selectors.get_attachment(user=request.user, pk=pk)
    return FileResponse(attachment.file.open("rb"), content_type=attachment.content_type, as_attachment=True,
                        filename=attachment.original_name)


attachment_remove = action_on(
    selectors.get_attachment,
    lambda user, attachment, data: services.remove_attachment(actor=user, attachment=attachment),
    back=_its_dossier, success=gettext_lazy("Đã xóa tệp."))


@login_required
@require_POST
def dossier_transition(request, pk: int, action: str):
    """The transitions of the workflow table posted to ``/ho-so/<pk>/<name>/``: the table names
    the service, whether it takes a written reason, and the message of success."""
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    transition = workflow.row(action, dossier.state)
    if transition is None or transition.url != "proposals:transition":
        raise Http404
    service = getattr(services, transition.service)
    reason = {"reason": request.POST.get("reason", "")} if transition.form == "reason" else {}

    def refused(exc) -> str:
        return dossier_url(pk, "can-bo-sung") if isinstance(exc, services.Incomplete) else dossier_url(pk)

    def refused_message(exc) -> str:
        if isinstance(exc, services.Incomplete):  # the list of what to do is on the page it goes to
            return _("Chưa nộp được hồ sơ: còn %(n)d việc phải làm, xem danh sách dưới đây.") % {"n": len(exc.problems)}
        return pages.refusal(exc).message

    return pages.action(request, lambda data: service(actor=request.user, dossier=dossier, **reason),
                        success=transition.success, back=dossier_url(pk), refused=refused,
                        refused_message=refused_message)


dossier_agenda = action_on(
    selectors.get_dossier,
    lambda user, dossier, data: services.put_on_agenda(actor=user, dossier=dossier, meeting=data["meeting"]),
    form=lambda request, dossier: AgendaForm(request.POST, meetings=Meeting.objects.filter(state=Meeting.State.PLANNED),
                                             dossier=dossier),
    back=_dossier_page, success=workflow.named("trinh-hoi-dong")[0].success)


@login_required
@require_POST
def dossier_sign(request, pk: int):
    """Sign the draft the chairman previewed (``seen``: its fingerprint). Refusals go back to
    the page she signed from (the draft's page, or the dossier)."""
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    back = _local(request, request.POST.get("back", ""), dossier_url(pk))

    def refused(exc) -> str:
        if getattr(exc, "code", None) == "needs_confirmation":  # show the confirmation box, whatever the day
            return back.split("?")[0] + "?xac_nhan=1#ky-quyet-dinh"
        return back

    def signed(decision) -> str:
        for notice in decision.signing_notices:
            messages.info(request, notice.message)
        return _("Đã ký Quyết định số %s; các khen thưởng đã vào sổ.") % decision.number

    return pages.action(
        request, lambda data: services.sign_decision(actor=request.user, dossier=dossier, day=data["day"],
                                                     confirmed=data["confirmed"], seen=data["seen"] or None),
        form=SignForm(request.POST), back=back, refused=refused, success=signed,
        done=lambda decision: reverse("proposals:decision", args=[decision.pk]))


dossier_to_province = action_on(
    selectors.get_dossier,
    lambda user, dossier, data: services.send_to_province(actor=user, dossier=dossier, day=data["day"]),
    form=lambda request, _dossier: DayForm(request.POST), back=_dossier_page,
    success=workflow.named("trinh-tinh")[0].success)


@login_required
@require_POST
def province_decision(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    if not access.can_process(request.user, dossier):
        raise PermissionDenied
    passed = list(dossier.nominations.filter(outcome=Nomination.Outcome.PASSED).select_related(
        "award_type", "person", "organisation", "household"))
    return pages.action(
        request, lambda data: services.record_province_decision(actor=request.user, dossier=dossier, **data),
        form=ProvinceDecisionForm(request.POST, passed=passed), back=dossier_url(pk),
        success=workflow.named("ket-qua-tinh")[0].success)


@login_required
def province_package(request, pk: int):
    """The package sent upward: the list and every nominee's report (HTML, or text)."""
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    context = selectors.dossier_page(user=request.user, dossier=dossier)
    context["nominations"] = [n for n in context["nominations"] if n.outcome in (
        Nomination.Outcome.PASSED, Nomination.Outcome.AWARDED, Nomination.Outcome.DECLINED)]
    if request.GET.get("dang") == "txt":
        text = render(request, "proposals/package.txt", context).content
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ho-so-de-nghi-{dossier.pk}.txt"'
        return response
    return render(request, "proposals/package.html", context)


objection_answer = action_on(
    selectors.get_objection,
    lambda user, objection, data: services.answer_objection(actor=user, objection=objection, answer=data["answer"]),
    form=lambda request, _objection: AnswerForm(request.POST),
    back=lambda objection: dossier_url(objection.dossier_id, "y-kien"), success=gettext_lazy("Đã trả lời ý kiến."))
