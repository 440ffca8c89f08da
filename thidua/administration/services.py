"""The administrator's writes: accounts, the local calendar, the first run of an instance.
Keyword-only, atomic, permission-checked, audited. No password ever enters the audit log."""
from __future__ import annotations

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from thidua.accounts.models import Role, User
from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_see_organisation
from thidua.core.audit import log_event
from thidua.core.models import AuditEntry, CalendarDay
from thidua.core.services import create_record, delete_record, update_record
from thidua.core.text import nfc
from thidua.org.models import Membership, Organisation, Person
from thidua.org.selectors import free_code

ACCOUNT_FIELDS = ("first_name", "last_name", "email", "role", "unit", "person", "title")


def is_administrator(user) -> bool:
    return can(user, "administer")


def _require_admin(actor) -> None:
    if not is_administrator(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống được quản lý tài khoản và lịch làm việc.")


def _require_in_scope(actor, unit: Organisation | None) -> None:
    """A commune's administrator manages the accounts of her commune only."""
    if unit is None:
        if actor.unit_id and not actor.is_superuser:
            raise ValidationError({"unit": "Phải chọn đơn vị làm phạm vi của tài khoản."})
        return
    if not can_see_organisation(actor, unit):
        raise PermissionDenied("Đơn vị này ngoài phạm vi quản trị của bạn.")


def temporary_password() -> str:
    """A one-time password the administrator hands over; the user must change it at once."""
    return "-".join(secrets.token_urlsafe(4) for _ in range(3))


def _password_reset(actor, account: User, note: str) -> str:
    password = temporary_password()
    account.set_password(password)
    account.must_change_password = True
    account.save(update_fields=["password", "must_change_password"])
    log_event(actor=actor, instance=account, action=AuditEntry.Action.SECURITY, note=note)
    return password


@transaction.atomic
def create_account(*, actor, username: str, role: str, unit: Organisation | None, first_name: str = "",
                   last_name: str = "", email: str = "", person: Person | None = None,
                   title: str = "") -> tuple[User, str]:
    """A new account with a one-time password (returned once, never stored in clear)."""
    _require_admin(actor)
    _require_in_scope(actor, unit)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "Tên đăng nhập này đã có người dùng."})
    if role == Role.ADMIN and not actor.is_superuser and unit is None:
        raise ValidationError({"unit": "Quản trị viên của xã phải được gán xã làm phạm vi."})
    account = create_record(actor=actor, model=User, audit_note="Tạo tài khoản", username=username, role=role,
                            unit=unit, first_name=nfc(first_name), last_name=nfc(last_name), email=email,
                            person=person, title=nfc(title), is_staff=role == Role.ADMIN,
                            password="!")  # unusable until the one-time password below
    return account, _password_reset(actor, account, "Cấp mật khẩu lần đầu (phải đổi khi đăng nhập)")


def _active_admins(excluding: User) -> int:
    return User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=excluding.pk).count()


@transaction.atomic
def update_account(*, actor, account: User, **fields) -> User:
    _require_admin(actor)
    _require_in_scope(actor, account.unit)
    unknown = set(fields) - set(ACCOUNT_FIELDS)
    if unknown:
        raise ValidationError(f"Không sửa được: {', '.join(sorted(unknown))}.")
    if "unit" in fields:
        _require_in_scope(actor, fields["unit"])
    if account.pk == actor.pk and fields.get("role", account.role) != account.role:
        raise ValidationError({"role": "Không tự đổi vai trò của chính mình."})
    if account.role == Role.ADMIN and fields.get("role", Role.ADMIN) != Role.ADMIN and not _active_admins(account):
        raise ValidationError({"role": "Đây là quản trị viên cuối cùng; hãy tạo quản trị viên khác trước."})
    for name in ("first_name", "last_name", "title"):
        if name in fields:
            fields[name] = nfc(fields[name])
    fields["is_staff"] = fields.get("role", account.role) == Role.ADMIN
    return update_record(actor=actor, instance=account, **fields)


@transaction.atomic
def set_account_active(*, actor, account: User, active: bool) -> User:
    """Deactivate (nobody can sign in with it; its history stays) or reactivate an account."""
    _require_admin(actor)
    _require_in_scope(actor, account.unit)
    if not active and account.pk == actor.pk:
        raise ValidationError("Không tự khóa tài khoản của chính mình.")
    if not active and account.role == Role.ADMIN and not _active_admins(account):
        raise ValidationError("Đây là quản trị viên cuối cùng; không khóa được.")
    return update_record(actor=actor, instance=account, is_active=active,
                         audit_note="Mở lại tài khoản" if active else "Khóa tài khoản")


@transaction.atomic
def reset_password(*, actor, account: User) -> str:
    """A new one-time password for a user who forgot hers; she changes it at her next login."""
    _require_admin(actor)
    _require_in_scope(actor, account.unit)
    return _password_reset(actor, account, "Đặt lại mật khẩu (phải đổi khi đăng nhập)")


@transaction.atomic
def password_changed(*, user: User) -> None:
    """The user chose her own password: the one-time one is gone."""
    if user.must_change_password:
        User.objects.filter(pk=user.pk).update(must_change_password=False)
        user.must_change_password = False
        log_event(actor=user, instance=user, action=AuditEntry.Action.SECURITY, note="Đã đổi mật khẩu lần đầu")


# --- The local calendar: days off and swapped working days ----------------------------------------

@transaction.atomic
def add_calendar_day(*, actor, day: datetime.date, is_working_day: bool, name: str) -> CalendarDay:
    _require_admin(actor)
    if CalendarDay.objects.filter(day=day).exists():
        raise ValidationError({"day": f"Ngày {day:%d/%m/%Y} đã có trong lịch."})
    if is_working_day and day.weekday() < 5:
        raise ValidationError({"is_working_day": "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật."})
    return create_record(actor=actor, model=CalendarDay, day=day, is_working_day=is_working_day, name=nfc(name))


@transaction.atomic
def delete_calendar_day(*, actor, calendar_day: CalendarDay) -> None:
    _require_admin(actor)
    delete_record(actor=actor, instance=calendar_day, audit_note="Xóa ngày khỏi lịch làm việc của xã")


# --- First run: a real commune set up from the pages --------------------------------------------

def needs_first_run() -> bool:
    return not User.objects.exists()


def _official(*, commune: Organisation, full_name: str, position: str, gender: str) -> Person:
    person = create_record(actor=None, model=Person, full_name=nfc(full_name), gender=gender,
                           category=Person.Category.CAN_BO, audit_note="Thiết lập ban đầu")
    create_record(actor=None, model=Membership, person=person, organisation=commune, position=position,
                  start=datetime.date.today(), audit_note="Thiết lập ban đầu")
    return person


def _code(name: str) -> str:
    return free_code(slugify(name.replace("đ", "d").replace("Đ", "D"))[:70] or "don-vi")


@transaction.atomic
def first_run(*, province_name: str, commune_name: str, admin_username: str, admin_name: str,
              admin_password: str, chairman_name: str, chairman_gender: str, chairman_username: str,
              officer_name: str, officer_gender: str, officer_username: str) -> dict:
    """Set up an empty instance: the province and the commune, the administrator (who is
    signed in), the chairman and the emulation officer with their person records, each with a
    one-time password. Refused once any account exists."""
    if not needs_first_run():
        raise PermissionDenied("Hệ thống đã được thiết lập.")
    names = [admin_username.strip(), chairman_username.strip(), officer_username.strip()]
    if len({n.lower() for n in names}) < 3:
        raise ValidationError("Ba tài khoản phải có ba tên đăng nhập khác nhau.")
    province = create_record(actor=None, model=Organisation, code=_code(province_name), name=nfc(province_name),
                             kind=Organisation.Kind.CITY, audit_note="Thiết lập ban đầu")
    commune = create_record(actor=None, model=Organisation, code=_code(commune_name), name=nfc(commune_name),
                            kind=Organisation.Kind.COMMUNE, parent=province, audit_note="Thiết lập ban đầu")
    admin = create_record(actor=None, model=User, username=names[0], first_name=nfc(admin_name), role=Role.ADMIN,
                          unit=commune, title="Quản trị hệ thống", is_staff=True, password="!",
                          audit_note="Thiết lập ban đầu")
    admin.set_password(admin_password)
    admin.save(update_fields=["password"])
    handed = {}
    for username, full_name, gender, role, position in (
            (names[1], chairman_name, chairman_gender, Role.CHAIRMAN, f"Chủ tịch {commune.issuer_name}"),
            (names[2], officer_name, officer_gender, Role.OFFICER,
             "Công chức phụ trách thi đua – khen thưởng")):
        person = _official(commune=commune, full_name=full_name, position=position, gender=gender)
        account, password = create_account(actor=admin, username=username, role=role, unit=commune,
                                           first_name=person.full_name, person=person, title=position)
        handed[account.username] = password
    return {"commune": commune, "admin": admin, "passwords": handed}
