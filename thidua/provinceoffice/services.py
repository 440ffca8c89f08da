"""The province office's writes: communes and wards, mergers, a commune's administrator, a
commune's data through the import, the province's targets and the dashboard figures.
Keyword-only, atomic, permission-checked, audited (accounts and imports through the
administration and exchange apps' own services)."""
from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from thidua.accounts.models import Role
from thidua.administration import services as administration
from thidua.core.services import create_record, update_record
from thidua.core.text import nfc, search_key
from thidua.org.models import Organisation
from thidua.org.selectors import free_code

from . import access, figures, tasks
from .refresh import refresh_figures  # noqa: F401  (the office's pages and the benchmark call it here)

K = Organisation.Kind


def _code(province: Organisation, name: str) -> str:
    base = (slugify(search_key(name)) or "xa")[:60]
    return free_code(f"{province.code[:18]}-{base}")


@transaction.atomic
def create_commune(*, actor, name: str, short_name: str = "", valid_from: datetime.date | None = None,
                   former: list[Organisation] | tuple = (), note: str = "") -> Organisation:
    """A new commune or ward directly under the actor's province. ``former``: the communes
    merged into it (each keeps its history, now ``merged_into`` the new one, valid until the
    day before ``valid_from``) — their records stay theirs and the new commune sees them."""
    province = access.require_admin(actor)
    name = nfc(name).strip()
    if not name:
        raise ValidationError({"name": "Hãy ghi tên xã, phường."})
    if Organisation.objects.filter(parent=province, kind=K.COMMUNE, name__iexact=name,
                                   valid_until__isnull=True).exists():
        raise ValidationError({"name": f"{province.name} đã có “{name}”."})
    if former and valid_from is None:
        raise ValidationError({"valid_from": "Khi sáp nhập, hãy ghi ngày xã, phường mới bắt đầu hoạt động."})
    commune = create_record(actor=actor, model=Organisation, audit_note="Thành lập xã, phường (cấp tỉnh)",
                            code=_code(province, name), name=name, short_name=nfc(short_name), kind=K.COMMUNE,
                            parent=province, valid_from=valid_from, note=nfc(note))
    for old in former:
        record_merger(actor=actor, former=old, into=commune, merged_on=valid_from)
    return commune


@transaction.atomic
def record_merger(*, actor, former: Organisation, into: Organisation, merged_on: datetime.date) -> Organisation:
    """``former`` (a commune of the province) merged into ``into`` on ``merged_on``: it is valid
    until the day before and its history is read as the new commune's."""
    province = access.require_admin(actor)
    for org in (former, into):
        if org.kind != K.COMMUNE or org.parent_id != province.pk:
            raise ValidationError(f"“{org.name}” không phải xã, phường trực thuộc {province.name}.")
    if former.pk == into.pk:
        raise ValidationError("Một xã không thể sáp nhập vào chính nó.")
    if former.merged_into_id:
        raise ValidationError(f"“{former.name}” đã sáp nhập vào “{former.merged_into.name}”.")
    if into.merged_into_id:
        raise ValidationError(f"“{into.name}” đã sáp nhập vào xã khác; không nhận thêm xã sáp nhập.")
    until = merged_on - datetime.timedelta(days=1)
    if former.valid_from and until < former.valid_from:
        raise ValidationError(f"Ngày sáp nhập phải sau ngày “{former.name}” bắt đầu hoạt động.")
    return update_record(actor=actor, instance=former, merged_into=into, valid_until=until,
                         audit_note=f"Sáp nhập vào {into.name} từ {merged_on:%d/%m/%Y}")


def province_commune(actor, pk: int) -> Organisation:
    """One of the actor's province's communes (any, former ones too), else 404-worthy None."""
    province = access.province_for(actor)
    return Organisation.objects.filter(pk=pk, parent=province, kind=K.COMMUNE).first()


@transaction.atomic
def create_commune_admin(*, actor, commune: Organisation, username: str, last_name: str, first_name: str,
                         email: str = "", title: str = "") -> tuple:
    """The commune's administrator account, with a one-time password (administration's service)."""
    province = access.require_admin(actor)
    if commune.parent_id != province.pk or commune.kind != K.COMMUNE:
        raise PermissionDenied("Xã, phường này không thuộc tỉnh của bạn.")
    if commune.merged_into_id:
        raise ValidationError(f"“{commune.name}” đã sáp nhập; hãy tạo tài khoản cho xã, phường mới.")
    return administration.create_account(
        actor=actor, username=username, role=Role.ADMIN, unit=commune, first_name=first_name, last_name=last_name,
        email=email, title=title or f"Quản trị hệ thống {commune.name}")


@transaction.atomic
def preview_commune_import(*, actor, commune: Organisation, kind: str, data: bytes, file_name: str = ""):
    """The dry run of a workbook of the commune's people, units, ratings or past awards, checked
    against that commune's units only (``exchange``): review, write and undo on the batch page."""
    from thidua.exchange import services as exchange

    province = access.require_office(actor)
    if commune.parent_id != province.pk or commune.kind != K.COMMUNE:
        raise PermissionDenied("Xã, phường này không thuộc tỉnh của bạn.")
    return exchange.preview_workbook(actor=actor, kind=kind, data=data, file_name=file_name, within=commune)


# --- the province's targets ---------------------------------------------------------------------

@transaction.atomic
def set_target(*, actor, key: str, year: int, planned: Decimal | None):
    """The province's target for one dashboard ratio and year (``targets``: a Target of the
    province, its TargetValue's planned value); every commune is measured against it."""
    from thidua.targets import services as targets
    from thidua.targets.models import Target

    province = access.require_office(actor)
    metric = figures.METRIC_BY_KEY.get(key)
    if metric is None:
        raise ValidationError({"key": "Không có chỉ tiêu này."})
    if not 2021 <= year <= 2030:
        raise ValidationError({"year": "Năm phải trong khoảng 2021–2030."})
    target = Target.objects.filter(commune=province, code=figures.target_code(metric)).first()
    if target is None:
        target = create_record(
            actor=actor, model=Target, audit_note="Chỉ tiêu của tỉnh cho các xã, phường", commune=province,
            code=figures.target_code(metric), order=figures.METRICS.index(metric) + 1, group=Target.Group.EMULATION,
            name=metric.label, unit="%", direction=metric.direction, annual=True, deadline=datetime.date(2030, 12, 31),
            source=Target.Source.COMPUTED, computed_key=f"tinh_{metric.key.replace('-', '_')}", decimals=1,
            plan_text=f"Mỗi xã, phường: {metric.label.lower()} ({metric.detail}).")
    return targets.set_planned(actor=actor, target=target, year=year, planned=planned)


# --- the dashboard figures ----------------------------------------------------------------------



@transaction.atomic
def request_refresh(*, actor, years: list[int]) -> None:
    """The office asks for fresh figures: a background task (the whole province takes a while)."""
    province = access.require_office(actor)
    tasks.refresh_province_figures.enqueue(province.pk, sorted(set(years)))
