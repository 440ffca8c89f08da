"""Pages of the proposal flow. Each view: read the scoped object, validate the form, make one
service call, render or redirect. Refusals of the rules come back as Vietnamese messages."""
from __future__ import annotations

import re
from html import unescape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.core.files import upload_limit
from thidua.core.net import client_address
from thidua.accounts.models import User
from thidua.accounts.scoping import commune_of, province_of, visible_organisations
from thidua.core.worklist import queue_sections

from . import access, reports, selectors, services
from .checks import before_adding
from .forms import (
    AgendaForm, AnswerForm, AttachmentForm, AttendanceForm, BallotPaperForm, DayForm, DossierCreateForm, MeetingForm,
    MemberForm, MinutesForm, NominationForm, ProvinceDecisionForm, PublicObjectionForm, ReasonForm, ReceiptForm,
    RegisterForm, ReportForm, RevokeForm, RoundForm, SignForm, TermForm, WrittenOpinionForm,
)
from .models import AwardRound, Dossier, Meeting, Nomination
from .panels import decision_panels, dossier_panels, meeting_panels


def _attempt(request, call, success: str) -> bool:
    """Run a service call; a refusal becomes an error message. True when it went through."""
    try:
        call()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, success)
    return True


def _form_error(request, form) -> None:
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))


# -- queue -----------------------------------------------------------------------------------

@login_required
def queue(request):
    return render(request, "proposals/queue.html", {**selectors.queue(user=request.user),
                                                    "sections": queue_sections.render_list(request)})


def _form_page(request, form, *, save, title, done, success=None):
    """A page of one form: a valid POST calls ``save(cleaned_data)``; a ValidationError from the
    service goes back onto the form (nothing saved), success shows ``success`` and answers
    ``done(result)``."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if success:
                messages.success(request, success)
            return done(result)
    return render(request, "proposals/form.html", {"form": form, "title": title})


def _office_commune(user, *, province_ok: bool = False):
    """The commune whose office the user works for; anyone else is refused — so is an office
    user above the communes (a round or a council term is one commune's: never a guess).
    ``province_ok``: the province's own office is given its province (its council, its
    register of outgoing documents), never a commune."""
    if not access.is_office(user):
        raise PermissionDenied
    province = province_of(user)
    if province is not None and province_ok:
        return province
    commune = commune_of(user)
    if commune is None or commune.valid_until is not None:
        raise PermissionDenied(_("Đợt khen thưởng và nhiệm kỳ Hội đồng do cán bộ thi đua – khen thưởng của từng xã lập."))
    return commune


@login_required
def round_create(request):
    commune = _office_commune(request.user)
    return _form_page(request, RoundForm(request.POST or None, commune=commune), title=_("Đợt khen thưởng mới"),
                      save=lambda data: services.create_round(actor=request.user, commune=commune, **data),
                      success=_("Đã tạo đợt khen thưởng."), done=lambda _round: redirect("proposals:queue"))


# -- dossiers --------------------------------------------------------------------------------

@login_required
def dossier_create(request, round_pk: int):
    award_round = get_object_or_404(AwardRound.objects.select_related("commune"), pk=round_pk)
    if not request.user.can_manage_records:
        raise PermissionDenied
    return _form_page(
        request, DossierCreateForm(request.POST or None, user=request.user, award_round=award_round),
        title=_("Lập hồ sơ đề nghị — %s") % award_round,
        save=lambda data: services.create_dossier(actor=request.user, award_round=award_round, unit=data["unit"]),
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
    # Typed back by hand only when the province does not work on it inside the system (the
    # province app's ``province_case``: then its signature settles the dossier).
    if (dossier.state == Dossier.State.SENT_TO_PROVINCE and context["can_process"]
            and getattr(dossier, "province_case", None) is None):
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
    here = reverse("proposals:dossier", args=[dossier.pk])
    for problem in services.submission_problems(dossier):
        n = problem.nomination
        if n is not None:
            key = n.pk
            title = f"{n.subject} — {n.award_type.name}"
            link, label = reverse("proposals:nomination_edit", args=[n.pk]), _("Sửa báo cáo thành tích")
        elif problem.fix == "minutes":
            key, title, link, label = "minutes", _("Biên bản họp xét"), here + "#bien-ban", _("Ghi biên bản họp xét")
        else:
            key, title, link, label = "list", _("Danh sách đề nghị"), here + "#them-de-nghi", _("Thêm đề nghị")
        group = groups.setdefault(key, {"title": title, "link": link, "label": label, "messages": []})
        group["messages"].append(problem.message)
    return list(groups.values())


@login_required
@require_POST
def dossier_edit(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    form = MinutesForm(request.POST)
    if form.is_valid():
        _attempt(request, lambda: services.update_dossier(actor=request.user, dossier=dossier, **form.cleaned_data),
                 _("Đã lưu biên bản họp xét."))
    return redirect("proposals:dossier", pk=pk)


@login_required
@require_POST
def nomination_add(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    form = NominationForm(request.POST, unit=dossier.unit)
    if not form.is_valid():
        _form_error(request, form)
        return redirect("proposals:dossier", pk=pk)
    try:
        nomination = services.add_nomination(actor=request.user, dossier=dossier, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("proposals:dossier", pk=pk)
    if not nomination.needs_report:  # LĐTT, TTLĐTT: the list and the minutes (rules.dossiers)
        messages.success(request, _("Đã thêm đề nghị “%(t)s” cho %(s)s (không cần báo cáo thành tích).")
                         % {"t": nomination.award_type.name, "s": nomination.subject})
        return redirect(reverse("proposals:dossier", args=[pk]) + "#de-nghi")
    messages.success(request, _("Đã thêm đề nghị; báo cáo thành tích được lập sẵn từ hồ sơ, hãy ghi thành tích."))
    return redirect("proposals:nomination_edit", pk=nomination.pk)


@login_required
@require_POST
def nominate_qualifying(request, round_pk: int):
    """From the candidate list: nominate every member of the unit eligible for Lao động tiên
    tiến in one action (those already nominated in the round are skipped and named)."""
    if not request.user.can_manage_records:
        raise PermissionDenied
    unit_pk = request.POST.get("unit", "")
    unit = get_object_or_404(visible_organisations(request.user), pk=unit_pk if unit_pk.isdigit() else None)
    award_round = get_object_or_404(AwardRound, pk=round_pk, commune=unit.commune())
    back = request.POST.get("back", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("awards:candidates")
    try:
        result = services.nominate_qualifying(actor=request.user, award_round=award_round, unit=unit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    if result.added:
        messages.success(request, _("Đã đề nghị “Lao động tiên tiến” cho %(n)d người: %(names)s.") % {
            "n": len(result.added), "names": ", ".join(p.full_name for p in result.added)})
    if result.skipped:
        messages.info(request, _("%(n)d người đã được đề nghị trong đợt này nên được bỏ qua: %(names)s.") % {
            "n": len(result.skipped), "names": ", ".join(p.full_name for p in result.skipped)})
    if not result.added and not result.skipped:
        messages.info(request, _("Không có ai đủ điều kiện “Lao động tiên tiến” để đề nghị."))
    if result.dossier is None:
        return redirect(back)
    return redirect(reverse("proposals:dossier", args=[result.dossier.pk]) + "#de-nghi")


@login_required
def nomination_edit(request, pk: int):
    nomination = selectors.get_nomination(user=request.user, pk=pk)
    if not access.can_prepare(request.user, nomination.dossier):
        raise PermissionDenied
    year = nomination.dossier.round.year
    record, achievements = reports.split(nomination.report, year)
    form = ReportForm(request.POST or None, year=year, required=nomination.needs_report,
                      initial={"record": record, "achievements": achievements})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = (reports.join(data["record"], data["achievements"], year)
                  if data["record"].strip() or data["achievements"].strip() else "")
        try:
            services.update_report(actor=request.user, nomination=nomination, report=report)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu báo cáo thành tích."))
            return redirect("proposals:dossier", pk=nomination.dossier_id)
    return render(request, "proposals/form.html", {
        "form": form, "title": _("Báo cáo thành tích — %(s)s (%(t)s)") % {"s": nomination.subject,
                                                                          "t": nomination.award_type.name},
        "back": reverse("proposals:dossier", args=[nomination.dossier_id])})


@login_required
@require_POST
def nomination_remove(request, pk: int):
    nomination = selectors.get_nomination(user=request.user, pk=pk)
    _attempt(request, lambda: services.remove_nomination(actor=request.user, nomination=nomination),
             _("Đã bỏ đề nghị."))
    return redirect("proposals:dossier", pk=nomination.dossier_id)


@login_required
@require_POST
def nomination_pass(request, pk: int):
    nomination = selectors.get_nomination(user=request.user, pk=pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Đề nghị chưa đủ điều kiện chỉ được trình Hội đồng khi có lý do bằng văn bản."))
    else:
        _attempt(request, lambda: services.pass_nominee(actor=request.user, nomination=nomination,
                                                        reason=form.cleaned_data["reason"]),
                 _("Đã ghi lý do; đề nghị sẽ được trình Hội đồng."))
    return redirect("proposals:dossier", pk=nomination.dossier_id)


@upload_limit()
@login_required
@require_POST
def attachment_add(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.add_attachment(actor=request.user, dossier=dossier,
                                                          upload=form.cleaned_data["file"],
                                                          description=form.cleaned_data["description"]),
                 _("Đã đính kèm tệp."))
    return redirect("proposals:dossier", pk=pk)


@login_required
def attachment_download(request, pk: int):
    attachment = selectors.get_attachment(user=request.user, pk=pk)
    return FileResponse(attachment.file.open("rb"), content_type=attachment.content_type, as_attachment=True,
                        filename=attachment.original_name)


@login_required
@require_POST
def attachment_remove(request, pk: int):
    attachment = selectors.get_attachment(user=request.user, pk=pk)
    _attempt(request, lambda: services.remove_attachment(actor=request.user, attachment=attachment),
             _("Đã xóa tệp."))
    return redirect("proposals:dossier", pk=attachment.dossier_id)


def _reason(request) -> str:
    return request.POST.get("reason", "")


# One POST endpoint per transition: (service call, success message).
TRANSITIONS = {
    "nop": (lambda r, d: services.submit_dossier(actor=r.user, dossier=d), gettext_lazy("Đã nộp hồ sơ.")),
    "tra-lai": (lambda r, d: services.return_dossier(actor=r.user, dossier=d, reason=_reason(r)),
                gettext_lazy("Đã trả lại hồ sơ cho đơn vị.")),
    "tiep-nhan": (lambda r, d: services.accept_dossier(actor=r.user, dossier=d),
                  gettext_lazy("Đã tiếp nhận hồ sơ và kiểm tra điều kiện của từng đề nghị.")),
    "cong-khai": (lambda r, d: services.publish_dossier(actor=r.user, dossier=d),
                  gettext_lazy("Đã công khai danh sách đề nghị.")),
    "khong-khen": (lambda r, d: services.reject_dossier(actor=r.user, dossier=d, reason=_reason(r)),
                   gettext_lazy("Đã kết thúc hồ sơ: không khen thưởng.")),
}


@login_required
@require_POST
def dossier_transition(request, pk: int, action: str):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    if action not in TRANSITIONS:
        raise Http404
    call, success = TRANSITIONS[action]
    try:
        call(request, dossier)
    except services.Incomplete as exc:
        messages.error(request, _("Chưa nộp được hồ sơ: còn %(n)d việc phải làm, xem danh sách dưới đây.")
                       % {"n": len(exc.problems)})
        return redirect(reverse("proposals:dossier", args=[pk]) + "#can-bo-sung")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("proposals:dossier", pk=pk)


@login_required
@require_POST
def dossier_agenda(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    form = AgendaForm(request.POST, meetings=Meeting.objects.filter(state=Meeting.State.PLANNED), dossier=dossier)
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.put_on_agenda(actor=request.user, dossier=dossier,
                                                         meeting=form.cleaned_data["meeting"]),
                 _("Đã trình hồ sơ ra phiên họp Hội đồng."))
    return redirect("proposals:dossier", pk=pk)


@login_required
@require_POST
def dossier_sign(request, pk: int):
    """Sign the draft the chairman previewed (``seen``: its fingerprint). Refusals go back to
    the page she signed from (the draft's page, or the dossier)."""
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or not back.startswith("/"):
        back = reverse("proposals:dossier", args=[pk])
    form = SignForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
        return redirect(back)
    try:
        decision = services.sign_decision(actor=request.user, dossier=dossier, day=form.cleaned_data["day"],
                                          confirmed=form.cleaned_data["confirmed"],
                                          seen=form.cleaned_data["seen"] or None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        if getattr(exc, "code", None) == "needs_confirmation":  # show the confirmation box, whatever the day
            return redirect(back.split("?")[0] + "?xac_nhan=1#ky-quyet-dinh")
        return redirect(back)
    messages.success(request, _("Đã ký Quyết định số %s; các khen thưởng đã vào sổ.") % decision.number)
    for notice in decision.signing_notices:
        messages.info(request, notice.message)
    return redirect("proposals:decision", pk=decision.pk)


@login_required
@require_POST
def dossier_to_province(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    form = DayForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.send_to_province(actor=request.user, dossier=dossier,
                                                            day=form.cleaned_data["day"]),
                 _("Đã ký tờ trình gửi cấp tỉnh."))
    return redirect("proposals:dossier", pk=pk)


@login_required
@require_POST
def province_decision(request, pk: int):
    dossier = selectors.get_dossier(user=request.user, pk=pk)
    if not access.can_process(request.user, dossier):
        raise PermissionDenied
    passed = list(dossier.nominations.filter(outcome=Nomination.Outcome.PASSED).select_related(
        "award_type", "person", "organisation", "household"))
    form = ProvinceDecisionForm(request.POST, passed=passed)
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.record_province_decision(actor=request.user, dossier=dossier,
                                                                    **form.cleaned_data),
                 _("Đã ghi nhận quyết định của cấp tỉnh; các khen thưởng đã vào sổ."))
    return redirect("proposals:dossier", pk=pk)


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


@login_required
@require_POST
def objection_answer(request, pk: int):
    objection = selectors.get_objection(user=request.user, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.answer_objection(actor=request.user, objection=objection,
                                                            answer=form.cleaned_data["answer"]),
                 _("Đã trả lời ý kiến."))
    return redirect(reverse("proposals:dossier", args=[objection.dossier_id]) + "#y-kien")


# -- decisions -------------------------------------------------------------------------------

@login_required
def decision_detail(request, pk: int):
    decision = selectors.get_decision(user=request.user, pk=pk)
    # Nominations that carry the ledger's award (a commune's upward dossier decided by the
    # province's decision shares the decision, not the award).
    awarded = list(Nomination.objects.filter(dossier__decision=decision, outcome=Nomination.Outcome.AWARDED,
                                             award__isnull=False)
                   .select_related("award_type", "person", "organisation", "household"))
    can_revoke = bool(awarded) and decision.kind == decision.Kind.AWARD and access.is_signer(
        request.user, decision.issuer)
    form = RevokeForm(request.POST or None, awarded=awarded) if can_revoke else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                revocation = services.revoke_decision(actor=request.user, decision=decision,
                                                      reason=form.cleaned_data["reason"],
                                                      nominations=form.cleaned_data["nominations"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã ký Quyết định số %s thu hồi khen thưởng.") % revocation.number)
                return redirect("proposals:decision", pk=revocation.pk)
    return render(request, "proposals/decision.html", {
        "decision": decision, "form": form, "revoked_by": list(decision.revoked_by.all()),
        "dossiers": list(decision.dossiers.select_related("unit")),
        "sending_down_due": selectors.sending_down_due(decision),
        "panels": decision_panels.render_list(request, decision)})


@login_required
def register(request):
    """The register of outgoing documents (sổ đăng ký văn bản đi): the office sets where each
    year's sequence continues; signatures take their numbers from it."""
    commune = _office_commune(request.user, province_ok=True)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_register_next(actor=request.user, issuer=commune, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã cập nhật sổ đăng ký văn bản đi."))
            return redirect("proposals:register")
    return render(request, "proposals/register.html", {"form": form, "commune": commune,
                                                       "rows": selectors.register_rows(commune)})


# -- the public list -------------------------------------------------------------------------

def public_list(request):
    return render(request, "proposals/public_list.html", {"dossiers": selectors.published_dossiers()})


def public_dossier(request, pk: int):
    dossier, nominations = selectors.get_published(pk)
    form = PublicObjectionForm(request.POST or None, nominations=nominations)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            return redirect("proposals:public_dossier", pk=pk)  # a bot: say nothing
        try:
            services.submit_objection(dossier=dossier, nomination=data["nomination"], name=data["name"],
                                      contact=data["contact"], content=data["content"],
                                      ip=client_address(request))
        except services.RateLimited as exc:
            form.add_error(None, str(exc))
            status = 429
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã nhận ý kiến của bạn. Cán bộ thi đua – khen thưởng xã sẽ trả lời "
                                        "trước khi Hội đồng xét."))
            return redirect("proposals:public_dossier", pk=pk)
    return render(request, "proposals/public_dossier.html",
                  {"dossier": dossier, "nominations": nominations, "form": form}, status=status)


# -- council ---------------------------------------------------------------------------------

@login_required
def council(request):
    if not request.user.is_commune_wide:
        raise PermissionDenied
    return render(request, "proposals/council.html", selectors.council_overview(user=request.user))


@login_required
def term_create(request):
    commune = _office_commune(request.user, province_ok=True)
    return _form_page(request, TermForm(request.POST or None), title=_("Nhiệm kỳ Hội đồng mới"),
                      save=lambda data: services.create_term(actor=request.user, commune=commune, **data),
                      success=_("Đã tạo nhiệm kỳ Hội đồng."), done=lambda _term: redirect("proposals:council"))


@login_required
def member_add(request, pk: int):
    term = selectors.get_term(user=request.user, pk=pk)
    if not access.is_office(request.user):
        raise PermissionDenied
    users = User.objects.filter(is_active=True, unit__in=visible_organisations(request.user)).order_by("first_name")
    return _form_page(request, MemberForm(request.POST or None, users=users), title=_("Thêm thành viên — %s") % term,
                      save=lambda data: services.add_member(actor=request.user, term=term, **data),
                      success=_("Đã thêm thành viên Hội đồng."), done=lambda _member: redirect("proposals:council"))


@login_required
def meeting_create(request, pk: int):
    term = selectors.get_term(user=request.user, pk=pk)
    if not selectors.can_see_council(request.user, term.commune):
        raise PermissionDenied
    return _form_page(request, MeetingForm(request.POST or None), title=_("Lên lịch phiên họp Hội đồng"),
                      save=lambda data: services.schedule_meeting(actor=request.user, term=term, **data),
                      success=_("Đã lên lịch phiên họp."), done=lambda meeting: redirect("proposals:meeting", pk=meeting.pk))


@login_required
def meeting_detail(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    context = selectors.meeting_page(user=request.user, meeting=meeting)
    if context["can_run"] and context["planned"]:
        context["attendance_form"] = AttendanceForm(
            members=context["members"], initial={"present": [str(k) for k, v in context["attendance"].items() if v]})
    agenda = [n for d in context["dossiers"] for n in d.agenda]
    if context["can_run"] and not context["closed"] and context["absent"] and agenda:
        context["opinion_form"] = WrittenOpinionForm(absent=context["absent"], nominations=agenda)
    context["panels"] = meeting_panels.render_list(request, meeting)
    return render(request, "proposals/meeting.html", context)


@login_required
@require_POST
def meeting_attendance(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    form = AttendanceForm(request.POST, members=list(meeting.term.members.all()))
    if form.is_valid():
        _attempt(request, lambda: services.record_attendance(
            actor=request.user, meeting=meeting, present={int(v) for v in form.cleaned_data["present"]}),
            _("Đã điểm danh."))
    return redirect("proposals:meeting", pk=pk)


@login_required
@require_POST
def meeting_opinion(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    if not access.can_run_meeting(request.user, meeting.term):
        raise PermissionDenied
    context = selectors.meeting_page(user=request.user, meeting=meeting)
    form = WrittenOpinionForm(request.POST, absent=context["absent"],
                              nominations=[n for d in context["dossiers"] for n in d.agenda])
    if not form.is_valid():
        _form_error(request, form)
    else:
        _attempt(request, lambda: services.add_written_opinion(actor=request.user, meeting=meeting,
                                                               **form.cleaned_data),
                 _("Đã ghi ý kiến bằng văn bản."))
    return redirect("proposals:meeting", pk=pk)


@login_required
@require_POST
def meeting_open(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    _attempt(request, lambda: services.open_meeting(actor=request.user, meeting=meeting),
             _("Đã khai mạc phiên họp; các thành viên có mặt bỏ phiếu kín."))
    return redirect("proposals:meeting", pk=pk)


@login_required
@require_POST
def meeting_close(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    _attempt(request, lambda: services.close_meeting(actor=request.user, meeting=meeting),
             _("Đã kết thúc bỏ phiếu và kiểm phiếu."))
    return redirect("proposals:meeting", pk=pk)


@login_required
def meeting_minutes(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    context = selectors.meeting_page(user=request.user, meeting=meeting)
    if request.GET.get("dang") == "txt":
        html = render_to_string("proposals/_minutes_body.html", context, request=request)
        text = re.sub(r"\n\s*\n+", "\n\n", unescape(strip_tags(html))).strip() + "\n"
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="bien-ban-hop-{meeting.pk}.txt"'
        return response
    return render(request, "proposals/minutes.html", context)


@login_required
def ballot_paper(request, pk: int):
    """The member's one secret ballot paper of the meeting: every nominee with Đồng ý / Không
    đồng ý, one submission, one receipt code — shown in this response only, never kept in the
    session or a message, which would tie it to the voter."""
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    paper = selectors.ballot_paper(user=request.user, meeting=meeting)
    form = BallotPaperForm(request.POST or None, nominations=paper["nominations"])
    error = None
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise ValidationError(_("Phiếu không hợp lệ: hãy chọn Đồng ý hoặc Không đồng ý."))
            receipt = services.cast_paper(actor=request.user, meeting=meeting, choices=form.choices())
        except ValidationError as exc:
            error = " ".join(exc.messages)
            if form.is_bound and hasattr(form, "cleaned_data"):
                form.mark_blank()
        else:
            response = render(request, "proposals/receipt.html", {
                "meeting": meeting, "receipt": receipt, "count": len(paper["nominations"])})
            response["Cache-Control"] = "no-store"
            return response
    for n in paper["nominations"]:
        n.field = form[f"n{n.pk}"]
    return render(request, "proposals/ballot_paper.html", {**paper, "meeting": meeting, "form": form,
                                                           "error": error})


@login_required
def receipt_check(request):
    form = ReceiptForm(request.POST or None)
    paper = None
    if request.method == "POST" and form.is_valid():
        paper = services.find_paper(form.cleaned_data["code"])
        if paper is None:
            form.add_error("code", _("Không có phiếu nào với mã này."))
    return render(request, "proposals/receipt_check.html", {"form": form, "paper": paper})
