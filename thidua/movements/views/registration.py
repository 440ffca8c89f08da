"""The registration pages: who registered for the year, the deadline, a unit's registration,
reopening it, reminders."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import excel, selectors, services
from ..access import can_act_for, can_manage, is_unit_user, user_commune
from ..forms import PeriodForm, RegistrationForm, ReminderForm, ReopenForm
from .common import action, form_page, form_view, require, submit_form, visible_unit


def _open_period(user, year: int):
    period = selectors.get_period(user=user, year=year)
    if period is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year})
    return period


@login_required
def registrations(request, year: int):
    user = request.user
    require(not is_unit_user(user))
    coverage = selectors.registration_coverage(user=user, year=year)
    return render(request, "movements/registrations.html", {
        "year": year, "coverage": coverage, "can_manage": can_manage(user),
    })


@login_required
def registrations_excel(request, year: int):
    require(not is_unit_user(request.user))
    return excel.registrations_workbook(user=request.user, year=year)


@form_view
def period_edit(request, year: int):
    require(can_manage(request.user))
    period = selectors.get_period(user=request.user, year=year)
    initial = {"deadline": period.deadline, "note": period.note} if period else {}
    form = PeriodForm(request.POST or None, initial=initial)
    if submit_form(request, form, lambda: services.set_registration_period(
            actor=request.user, commune=user_commune(request.user), year=year, **form.cleaned_data)):
        messages.success(request, _("Đã đặt hạn đăng ký thi đua năm %(year)s.") % {"year": year})
        return redirect("movements:registrations", year=year)
    return form_page(request, form, title=_("Hạn đăng ký thi đua năm %(year)s") % {"year": year}, submit=_("Lưu"),
                     cancel=reverse("movements:registrations", args=[year]))


@form_view
def register(request, year: int, org: int):
    unit = visible_unit(request.user, org)
    require(can_act_for(request.user, unit))
    state = selectors.unit_registration(user=request.user, organisation=unit, year=year)
    form = RegistrationForm(request.POST or None, organisation=unit, members=state["members"],
                            by_person=state["by_person"], collective=state["collective"])
    if submit_form(request, form, lambda: services.register_unit(
            actor=request.user, organisation=unit, year=year, title=form.cleaned_data["title"],
            members=form.cleaned_members())):
        messages.success(request, _("Đã đăng ký thi đua năm %(year)s cho %(unit)s.") % {"year": year, "unit": unit})
        return redirect(f"{reverse('movements:todo')}?nam={year}")
    return render(request, "movements/register.html", {"form": form, "unit": unit, "year": year, **state},
                  status=400 if request.method == "POST" else 200)


@form_view
def reopen(request, year: int, org: int):
    require(can_manage(request.user))
    unit = visible_unit(request.user, org)
    period = _open_period(request.user, year)
    form = ReopenForm(request.POST or None)
    if submit_form(request, form, lambda: services.reopen_registration(
            actor=request.user, period=period, organisation=unit, **form.cleaned_data)):
        messages.success(request, _("Đã mở lại đăng ký cho %(unit)s.") % {"unit": unit})
        return redirect("movements:registrations", year=year)
    return form_page(request, form, title=_("Mở lại đăng ký năm %(year)s cho %(unit)s") % {"year": year, "unit": unit},
                     submit=_("Mở lại"), cancel=reverse("movements:registrations", args=[year]),
                     intro=_("Hạn chung: %(d)s.") % {"d": period.deadline.strftime("%d/%m/%Y")})


@action
def remind(request, year: int, org: int):
    require(can_manage(request.user))
    unit = visible_unit(request.user, org)
    period = _open_period(request.user, year)
    form = ReminderForm(request.POST)
    form.is_valid()
    services.send_reminder(actor=request.user, period=period, organisation=unit,
                           message=form.cleaned_data.get("message", ""))
    messages.success(request, _("Đã gửi nhắc nhở tới %(unit)s.") % {"unit": unit})
    return redirect("movements:registrations", year=year)


@action
def remind_all(request, year: int):
    require(can_manage(request.user))
    sent = services.remind_unregistered(actor=request.user, year=year)
    messages.success(request, _("Đã gửi nhắc nhở tới %(n)s đơn vị chưa đăng ký.") % {"n": sent})
    return redirect("movements:registrations", year=year)
