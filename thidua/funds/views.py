"""Thin views: selectors read, services write; refusals answer 403/400 with a message."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from thidua.core import pages
from thidua.core.excel import xlsx_response
from thidua.rules.fmt import lower_first

from . import access, exports, selectors, services
from .forms import DonationForm, FundEditForm, OpenFundForm, OpenTalentFundForm, PayoutForm, ReceiptForm
from .models import FundReceipt


def _year(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    return year


def _save(request, form, write, message, to):
    """Validate ``form`` and call ``write(**cleaned_data)``; a refusal is put on the form and
    None returned, success answers a redirect with a message. ``message`` and ``to`` (redirect
    arguments) may be functions of what ``write`` returned."""
    if not form.is_valid():
        return None
    try:
        result = write(**form.cleaned_data)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None
    messages.success(request, message(result) if callable(message) else message)
    return redirect(*(to(result) if callable(to) else to))


@login_required
def overview(request):
    commune, years = selectors.overview(request.user)
    form = OpenFundForm(request.POST or None) if access.can_keep(request.user) else None
    if request.method == "POST":
        access.require(form is not None, access.KEEPERS_ONLY)
        done = _save(request, form, lambda **data: services.open_fund(actor=request.user, commune=commune, **data),
                     lambda fund: f"Đã lập quỹ thi đua, khen thưởng năm {fund.year}.",
                     lambda fund: ("funds:year", fund.year))
        if done:
            return done
    return render(request, "funds/overview.html", {"commune": commune, "years": years, "form": form,
                                                   "can_keep": form is not None})


@login_required
def year_detail(request, year):
    figures = selectors.year_detail(request.user, _year(year))
    if request.GET.get("xuat") == "xlsx":
        return xlsx_response(exports.fund_workbook(figures), f"quy-thi-dua-khen-thuong-{figures.year}.xlsx")
    can_keep = access.can_keep(request.user) and figures.fund is not None
    form = ReceiptForm(request.POST or None) if can_keep else None
    if request.method == "POST":
        access.require(form is not None, access.KEEPERS_ONLY)
        done = _save(request, form, lambda **data: services.add_receipt(actor=request.user, fund=figures.fund, **data),
                     "Đã ghi khoản thu.", ("funds:year", figures.year))
        if done:
            return done
    return render(request, "funds/year.html", {"f": figures, "form": form, "can_keep": can_keep},
                  status=400 if request.method == "POST" else 200)


@login_required
def fund_edit(request, year):
    """The opening balance (carried over from last year) and the note of a year's fund."""
    fund = selectors.fund_for_year(request.user, _year(year))
    if fund is None:
        raise Http404
    access.require(access.can_keep(request.user), access.KEEPERS_ONLY)
    form = FundEditForm(request.POST or None, initial={"opening_balance": fund.opening_balance, "note": fund.note})
    if request.method == "POST":
        done = _save(request, form, lambda **data: services.update_fund(actor=request.user, fund=fund, **data),
                     f"Đã sửa số dư đầu năm {fund.year}.", ("funds:year", fund.year))
        if done:
            return done
    return render(request, "funds/fund_form.html", {"form": form, "fund": fund},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def receipt_delete(request, year, pk: int):
    fund = selectors.fund_for_year(request.user, _year(year))
    receipt = FundReceipt.objects.filter(fund=fund, pk=pk).first() if fund else None
    if receipt is None:
        raise Http404
    return pages.action(request, lambda data: services.delete_receipt(actor=request.user, receipt=receipt),
                        success="Đã xóa khoản thu ghi nhầm.", back=reverse("funds:year", kwargs={"year": fund.year}))


@login_required
def talent(request):
    year = _year(request.GET["nam"]) if request.GET.get("nam") else None
    view = selectors.talent(request.user, year)
    if request.GET.get("xuat") == "xlsx" and view.fund is not None:
        content = exports.talent_workbook(fund=view.fund, donations=view.donations, payouts=view.payouts, year=year)
        return xlsx_response(content, f'quy-tai-nang-tre{"-" + str(year) if year else ""}.xlsx')
    can_keep = access.can_keep(request.user) and view.fund is not None
    donation_form = payout_form = open_form = None
    status = 200
    if view.fund is None and access.can_keep(request.user):
        open_form = OpenTalentFundForm(request.POST or None,
                                       initial={"name": f"Quỹ tài năng trẻ {lower_first(view.commune.name)}"})
        if request.method == "POST":
            done = _save(request, open_form, lambda **data: services.open_talent_fund(
                actor=request.user, commune=view.commune, **data), "Đã lập quỹ tài năng trẻ.", ("funds:talent",))
            if done:
                return done
            status = 400
    elif can_keep:
        which = request.POST.get("loai") if request.method == "POST" else None
        donation_form = DonationForm(request.POST if which == "thu" else None, prefix="thu")
        payout_form = PayoutForm(request.POST if which == "chi" else None, prefix="chi")
        form, write = {"thu": (donation_form, services.add_talent_donation),
                       "chi": (payout_form, services.add_talent_payout)}.get(which, (None, None))
        if form is not None:
            done = _save(request, form, lambda **data: write(actor=request.user, fund=view.fund, **data),
                         "Đã ghi vào sổ quỹ tài năng trẻ.", ("funds:talent",))
            if done:
                return done
            status = 400
    elif request.method == "POST":
        access.require(False, access.KEEPERS_ONLY)
    return render(request, "funds/talent.html", {"v": view, "year": year, "can_keep": can_keep,
                                                 "donation_form": donation_form, "payout_form": payout_form,
                                                 "open_form": open_form},
                  status=status)
