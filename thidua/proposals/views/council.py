"""Pages of the council: its terms and members, its meetings (attendance, written opinions,
opening and closing the vote, the minutes), the member's secret ballot paper and the check of a
receipt code."""
from __future__ import annotations

import re
from html import unescape

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from thidua.accounts.models import User
from thidua.accounts.scoping import visible_organisations
from thidua.core import pages

from .. import access, selectors, services, workflow
from ..forms import AttendanceForm, BallotPaperForm, MeetingForm, MemberForm, ReceiptForm, TermForm, WrittenOpinionForm
from ..panels import meeting_panels
from .common import FORM, action_on, meeting_url, office_commune


@login_required
def council(request):
    if not request.user.is_commune_wide:
        raise PermissionDenied
    return render(request, "proposals/council.html", selectors.council_overview(user=request.user))


@login_required
def term_create(request):
    commune = office_commune(request.user, province_ok=True)
    return pages.form_page(request, TermForm(request.POST or None), template=FORM,
                           context={"title": _("Nhiệm kỳ Hội đồng mới")},
                           call=lambda data: services.create_term(actor=request.user, commune=commune, **data),
                           success=_("Đã tạo nhiệm kỳ Hội đồng."), done=lambda _term: redirect("proposals:council"))


@login_required
def member_add(request, pk: int):
    term = selectors.get_term(user=request.user, pk=pk)
    if not access.is_office(request.user):
        raise PermissionDenied
    users = User.objects.filter(is_active=True, unit__in=visible_organisations(request.user)).order_by("first_name")
    return pages.form_page(request, MemberForm(request.POST or None, users=users), template=FORM,
                           context={"title": _("Thêm thành viên — %s") % term},
                           call=lambda data: services.add_member(actor=request.user, term=term, **data),
                           success=_("Đã thêm thành viên Hội đồng."), done=lambda _member: redirect("proposals:council"))


@login_required
def meeting_create(request, pk: int):
    term = selectors.get_term(user=request.user, pk=pk)
    if not selectors.can_see_council(request.user, term.commune):
        raise PermissionDenied
    return pages.form_page(request, MeetingForm(request.POST or None), template=FORM,
                           context={"title": _("Lên lịch phiên họp Hội đồng")},
                           call=lambda data: services.schedule_meeting(actor=request.user, term=term, **data),
                           success=_("Đã lên lịch phiên họp."),
                           done=lambda meeting: redirect("proposals:meeting", pk=meeting.pk))


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


def _meeting_page(meeting) -> str:
    return meeting_url(meeting.pk)


meeting_attendance = action_on(
    selectors.get_meeting, lambda user, meeting, data: services.record_attendance(
        actor=user, meeting=meeting, present={int(v) for v in data["present"]}),
    form=lambda request, meeting: AttendanceForm(request.POST, members=list(meeting.term.members.all())),
    back=_meeting_page, success=gettext_lazy("Đã điểm danh."))


@login_required
@require_POST
def meeting_opinion(request, pk: int):
    meeting = selectors.get_meeting(user=request.user, pk=pk)
    if not access.can_run_meeting(request.user, meeting.term):
        raise PermissionDenied
    context = selectors.meeting_page(user=request.user, meeting=meeting)
    form = WrittenOpinionForm(request.POST, absent=context["absent"],
                              nominations=[n for d in context["dossiers"] for n in d.agenda])
    return pages.action(request, lambda data: services.add_written_opinion(actor=request.user, meeting=meeting, **data),
                        form=form, success=_("Đã ghi ý kiến bằng văn bản."), back=meeting_url(pk))


meeting_open = action_on(
    selectors.get_meeting, lambda user, meeting, data: services.open_meeting(actor=user, meeting=meeting),
    back=_meeting_page, success=gettext_lazy("Đã khai mạc phiên họp; các thành viên có mặt bỏ phiếu kín."))

# The workflow's "ket-thuc-bo-phieu": every dossier of the meeting moves to "voted".
meeting_close = action_on(
    selectors.get_meeting, lambda user, meeting, data: services.close_meeting(actor=user, meeting=meeting),
    back=_meeting_page, success=workflow.named("ket-thuc-bo-phieu")[0].success)


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
    session or a message, which would tie it to the voter. A refusal is shown on the paper
    (``pages.refusal``), never as a message either."""
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
            error = pages.refusal(exc).message
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
