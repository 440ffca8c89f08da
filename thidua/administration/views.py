"""The administrator's pages. Thin: a form, one service call, a page."""
import datetime

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from thidua.accounts.models import Role
from thidua.core.pages import attempt
from thidua.core.models import CalendarDay

from . import selectors, services
from .forms import AccountForm, CalendarDayForm, FirstRunForm


def _admin(request) -> None:
    if not services.is_administrator(request.user):
        raise PermissionDenied


# The administration page's sections: (URL name, title, what the administrator does there).
SECTIONS = [
    ("administration:accounts", _("Tài khoản người dùng"),
     _("Tạo tài khoản, giao vai trò và phạm vi, liên kết hồ sơ cá nhân, khóa tài khoản, đặt lại mật khẩu.")),
    ("administration:calendar", _("Lịch làm việc của xã"),
     _("Ngày nghỉ riêng của địa phương và ngày làm việc bù; mọi thời hạn xử lý hồ sơ tính theo lịch này.")),
    ("awards:catalogue", _("Danh mục và tham số quy định"),
     _("Danh hiệu, hình thức khen thưởng, tham số của từng quy định với nguồn của nó, lương cơ sở.")),
    ("awards:regulation", _("Quy định của tỉnh"),
     _("Số, ngày, cơ quan ban hành quy định thi đua, khen thưởng của tỉnh và điều khoản của từng quy định; "
       "quy tắc biểu quyết của Hội đồng.")),
    ("accounts:outbox", _("Thư đi"), _("Thư điện tử hệ thống đã gửi, đang chờ gửi lại hoặc bị máy chủ thư từ chối.")),
    ("core:audit", _("Nhật ký hệ thống"), _("Ai đã làm gì, khi nào, trên bản ghi nào.")),
]


@login_required
def index(request):
    _admin(request)
    return render(request, "administration/index.html", {"sections": SECTIONS})


@login_required
def account_list(request):
    _admin(request)
    active = {"": None, "1": True, "0": False}.get(request.GET.get("hoat_dong", ""), None)
    rows = selectors.accounts(user=request.user, role=request.GET.get("vai_tro", ""), active=active,
                              query=request.GET.get("q", "").strip())
    return render(request, "administration/accounts.html", {
        "rows": rows, "roles": Role.choices, "filters": request.GET})


def _handed(request, account, password: str):
    return render(request, "administration/password_handed.html", {"account": account, "password": password})


@login_required
def account_create(request):
    _admin(request)
    form = AccountForm(request.POST or None, user=request.user)
    created = {}
    if request.method == "POST" and form.is_valid() and attempt(form, lambda: created.update(zip(
            ("account", "password"), services.create_account(actor=request.user, **form.cleaned_data)))):
        return _handed(request, created["account"], created["password"])
    return render(request, "administration/account_form.html", {"form": form, "account": None},
                  status=400 if form.is_bound else 200)


@login_required
def account_edit(request, pk: int):
    _admin(request)
    account = selectors.get_account(user=request.user, pk=pk)
    initial = {name: getattr(account, name) for name in services.ACCOUNT_FIELDS}
    form = AccountForm(request.POST or None, user=request.user, editing=account, initial=initial)
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.update_account(actor=request.user, account=account, **form.cleaned_data)):
        messages.success(request, f"Đã lưu tài khoản {account.username}.")
        return redirect("administration:accounts")
    return render(request, "administration/account_form.html", {"form": form, "account": account},
                  status=400 if form.is_bound else 200)


@login_required
@require_POST
def account_active(request, pk: int):
    _admin(request)
    account = selectors.get_account(user=request.user, pk=pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_account_active(actor=request.user, account=account, active=active)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã {'mở lại' if active else 'khóa'} tài khoản {account.username}.")
    return redirect("administration:account_edit", pk=account.pk)


@login_required
@require_POST
def account_reset(request, pk: int):
    _admin(request)
    account = selectors.get_account(user=request.user, pk=pk)
    return _handed(request, account, services.reset_password(actor=request.user, account=account))


@login_required
def calendar(request):
    _admin(request)
    year = request.GET.get("nam", "")
    year = int(year) if year.isdecimal() and 2000 <= int(year) <= 2100 else datetime.date.today().year
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: services.add_calendar_day(actor=request.user, **form.cleaned_data)):
        messages.success(request, f"Đã thêm ngày {form.cleaned_data['day']:%d/%m/%Y} vào lịch của xã.")
        return redirect(f"{request.path}?nam={form.cleaned_data['day'].year}")
    return render(request, "administration/calendar.html", {
        "form": form, "year": year, "days": selectors.calendar_days(year=year),
        "holidays": selectors.national_holidays(year)}, status=400 if form.is_bound else 200)


@login_required
@require_POST
def calendar_delete(request, pk: int):
    _admin(request)
    day = get_object_or_404(CalendarDay, pk=pk)
    services.delete_calendar_day(actor=request.user, calendar_day=day)
    messages.success(request, f"Đã xóa ngày {day.day:%d/%m/%Y} khỏi lịch của xã.")
    return redirect(f"/quan-tri/lich-lam-viec/?nam={day.day.year}")


def first_run(request):
    """On an empty database only: set up the commune and its first accounts."""
    if not services.needs_first_run():
        return redirect("core:home")
    form = FirstRunForm(request.POST or None)
    result = {}
    if request.method == "POST" and form.is_valid() and attempt(
            form, lambda: result.update(services.first_run(**form.cleaned_data))):
        login(request, result["admin"], backend="django.contrib.auth.backends.ModelBackend")
        return render(request, "administration/first_run_done.html", result)
    return render(request, "administration/first_run.html", {"form": form}, status=400 if form.is_bound else 200)
