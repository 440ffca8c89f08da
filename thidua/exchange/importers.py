"""Excel import: templates, reading a workbook, checking every row (the dry run) and
applying the rows of a batch. Writes happen only in ``apply`` (called by
``services.commit_batch`` inside one transaction).

A checked row is a dict::

    {"row": 7,                      # row number in the workbook (or in the report)
     "cells": {"full_name": "…"},   # the values as read (text, legacy encodings converted)
     "errors": ["…"],               # Vietnamese; any error blocks the whole batch
     "duplicate": {"text": "…", "choices": [["skip", "Bỏ qua"], ["import", "…"]]} | None,
     "decision": "import" | "skip", # what commit does with the row
     "notes": ["…"]}                # warnings that do not block
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from openpyxl.styles import Font

from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_edit_in, visible_organisations
from thidua.core import excel
from thidua.core.excel import Book
from thidua.core.legacy import to_unicode
from thidua.core.text import nfc, search_key
from thidua.org.models import Membership, Organisation, Person
from thidua.org.validators import validate_citizen_id
from thidua.rules import codes

MAX_ROWS = 50_000
# What an uploaded workbook may hold, checked before anything is parsed or stored (issue #22).
READ_LIMITS = excel.Limits(rows=MAX_ROWS + 100)
SKIP = "skip"
IMPORT = "import"


class WorkbookError(ValidationError):
    """The file itself cannot be read (not .xlsx, no header row, missing columns)."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    sample: object = ""
    help: str = ""
    aliases: tuple[str, ...] = ()
    text_format: bool = False  # keep as text in the template (citizen IDs keep their leading 0)


# --- values ---------------------------------------------------------------------------------
def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return to_unicode(_CONTROL.sub("", str(value)))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_DATE_PATTERNS = [re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")]


def parse_date(text: str, label: str, errors: list[str]) -> datetime.date | None:
    text = (text or "").strip()
    if not text:
        return None
    for i, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.match(text)
        if m:
            a, b, c = (int(x) for x in m.groups())
            day, month, year = (a, b, c) if i == 0 else (c, b, a)
            try:
                return datetime.date(year, month, day)
            except ValueError:
                break
    errors.append(f"{label} “{text}” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).")
    return None


def parse_int(text: str, label: str, errors: list[str], *, low: int | None = None, high: int | None = None) -> int | None:
    text = (text or "").strip().replace(".", "").replace(",", "").replace(" ", "")
    if not text:
        return None
    if not re.fullmatch(r"\d{1,15}", text):
        errors.append(f"{label} “{text}” phải là số.")
        return None
    value = int(text)
    if (low is not None and value < low) or (high is not None and value > high):
        errors.append(f"{label} {value} nằm ngoài khoảng cho phép ({low}–{high}).")
        return None
    return value


def parse_year_label(text: str, errors: list[str], label: str = "Năm") -> tuple[int | None, str]:
    """'2024' -> (2024, ''); '2023-2024' (school year) -> (2024, '2023-2024')."""
    text = (text or "").strip().replace(" ", "")
    m = re.fullmatch(r"((?:19|20)\d{2})[-–/]((?:19|20)\d{2})", text)
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        if end != start + 1:
            errors.append(f"{label} học “{text}” phải gồm hai năm liền nhau.")
            return None, ""
        return end, f"{start}-{end}"
    return parse_int(text, label, errors, low=1945, high=2100), ""


def choice_from(text: str, choices, label: str, errors: list[str], *, required: bool = True) -> str | None:
    """A code from its code or its Vietnamese label, diacritics and case optional."""
    key = search_key(text)
    if not key:
        if required:
            errors.append(f"Thiếu {label.lower()}.")
        return None
    for code, name in choices:
        if key in (search_key(code), search_key(str(name))):
            return code
    allowed = ", ".join(str(name) for _c, name in choices)
    errors.append(f"{label} “{text}” không hợp lệ (chọn một trong: {allowed}).")
    return None


GENDERS = [("F", "Nữ"), ("M", "Nam")]


def parse_gender(text: str, errors: list[str]) -> str | None:
    key = search_key(text)
    if key in ("f", "nu", "female", "0"):
        return "F"
    if key in ("m", "nam", "male", "1"):
        return "M"
    errors.append(f"Giới tính “{text}” không hợp lệ (ghi Nam hoặc Nữ)." if key else "Thiếu giới tính.")
    return None


def normalise_citizen_id(text: str, notes: list[str]) -> str:
    value = re.sub(r"[\s.\-]", "", text or "")
    if value.isdecimal() and 9 <= len(value) < 12:
        notes.append(f"Số CCCD “{value}” có vẻ mất số 0 ở đầu (ô kiểu số); đã thêm thành {value.zfill(12)}.")
        value = value.zfill(12)
    return value


# --- context --------------------------------------------------------------------------------
@dataclass
class Context:
    """What checking needs, loaded once per batch: the user's units and people."""

    user: object
    orgs: list[Organisation] = field(default_factory=list)
    by_code: dict[str, Organisation] = field(default_factory=dict)
    by_name: dict[str, list[Organisation]] = field(default_factory=dict)

    @classmethod
    def for_user(cls, user, within: Organisation | None = None) -> "Context":
        """``within``: only the units of that subtree (a commune the province loads data for)."""
        ctx = cls(user=user)
        orgs = visible_organisations(user)
        ctx.orgs = list(orgs.filter(path__startswith=within.path) if within is not None else orgs)
        for org in ctx.orgs:
            ctx.by_code[org.code.lower()] = org
            for name in (org.name, org.short_name):
                if name:
                    ctx.by_name.setdefault(search_key(name), []).append(org)
        return ctx

    def unit(self, text: str, errors: list[str], *, label: str = "Đơn vị", editable: bool = True) -> Organisation | None:
        text = (text or "").strip()
        if not text:
            errors.append(f"Thiếu {label.lower()}.")
            return None
        org = self.by_code.get(text.lower())
        if org is None:
            found = self.by_name.get(search_key(text), [])
            current = [o for o in found if not o.is_former] or found
            if len(current) > 1:
                errors.append(f"{label} “{text}” trùng tên với nhiều đơn vị; hãy ghi mã đơn vị.")
                return None
            org = current[0] if current else None
        if org is None:
            errors.append(f"Không tìm thấy {label.lower()} “{text}” trong phạm vi của bạn.")
            return None
        if editable and not can_edit_in(self.user, org):
            errors.append(f"Bạn không có quyền nhập dữ liệu cho “{org.name}”.")
            return None
        return org


def _sample_value(sample):
    """A template's sample as the cell holds it: a dd/mm/yyyy sample is a real date."""
    if isinstance(sample, str) and _DATE_PATTERNS[0].match(sample):
        return parse_date(sample, "", [])
    return sample


def _is_ledger_user(user) -> bool:
    return can(user, "manage_ledger")


# --- importers ------------------------------------------------------------------------------
class Importer:
    kind = ""
    title = ""
    columns: list[Column] = []
    sheet_title = "Dữ liệu"
    instructions: list[str] = []

    def may_import(self, user) -> bool:
        return user.is_authenticated and (user.is_superuser or user.can_manage_records)

    # template ---------------------------------------------------------------------------
    def template(self) -> bytes:
        book = Book()
        samples = [_sample_value(c.sample) for c in self.columns]
        data = book.sheet(self.sheet_title, [
            excel.Column(c.header + (" *" if c.required else ""),
                         "year" if isinstance(sample, int) else "date" if isinstance(sample, datetime.date) else "text",
                         width=max(14, len(c.header) + 6)) for c, sample in zip(self.columns, samples)])
        data.append(samples, italic=True)
        for idx, column in enumerate(self.columns, start=1):
            data.ws.cell(row=2, column=idx).font = Font(italic=True, color="666666")
            if column.text_format:
                for row in range(2, 1002):
                    data.ws.cell(row=row, column=idx).number_format = "@"
        guide = book.sheet("Hướng dẫn", [excel.Column("Cột", width=28), excel.Column("Cách ghi", width=100)], heading=[
            f"MẪU NHẬP: {self.title.upper()}",
            "Dòng 2 của trang “Dữ liệu” là dòng mẫu: thay bằng dữ liệu thật (dòng mẫu để nguyên sẽ được bỏ qua).",
            "Cột có dấu * là bắt buộc. Ngày ghi dd/mm/yyyy. Có thể gõ không dấu; chữ TCVN3, VNI được tự chuyển sang "
            "Unicode.", *self.instructions])
        for column in self.columns:
            guide.append([column.header + (" *" if column.required else ""), column.help])
        return book.to_bytes()

    def sample_cells(self) -> dict[str, str]:
        return {c.key: cell_text(_sample_value(c.sample)) for c in self.columns}

    # reading ----------------------------------------------------------------------------
    def read(self, data: bytes) -> list[dict]:
        """[{"row": n, "cells": {...}}] from an .xlsx file; WorkbookError when unreadable."""
        try:
            wb = excel.open_workbook(data, READ_LIMITS)
        except excel.WorkbookRefused as exc:
            raise WorkbookError(exc.messages[0]) from exc
        try:
            ws = wb[self.sheet_title] if self.sheet_title in wb.sheetnames else wb.worksheets[0]
            lookup = {}
            for column in self.columns:
                for name in (column.header, *column.aliases, column.key):
                    lookup[search_key(name)] = column.key
            header_row, mapping, rows = None, {}, []
            for number, values in excel.bounded_rows(ws, READ_LIMITS):
                if header_row is None:
                    found = {}
                    for idx, value in enumerate(values):
                        key = lookup.get(search_key(str(value or "")).rstrip(" *").strip())
                        if key and key not in found.values():
                            found[idx] = key
                    if found and all(c.key in found.values() for c in self.columns if c.required):
                        header_row, mapping = number, found
                    elif number >= 10:
                        break
                    continue
                cells = {key: cell_text(values[idx]) if idx < len(values) else "" for idx, key in mapping.items()}
                if not any(cells.values()):
                    continue
                if len(rows) >= MAX_ROWS:
                    raise WorkbookError(f"Tệp có quá {MAX_ROWS} dòng; hãy chia nhỏ.")
                rows.append({"row": number, "cells": {c.key: cells.get(c.key, "") for c in self.columns}})
        except excel.WorkbookRefused as exc:
            raise WorkbookError(exc.messages[0]) from exc
        finally:
            wb.close()
        if header_row is None:
            missing = ", ".join(f"“{c.header}”" for c in self.columns if c.required)
            raise WorkbookError(f"Không tìm thấy dòng tiêu đề. Trang tính phải có các cột: {missing} (tải tệp mẫu).")
        sample = self.sample_cells()
        return [r for r in rows if r["cells"] != sample]

    # checking ---------------------------------------------------------------------------
    def check(self, ctx: Context, rows: list[dict], decisions: dict | None = None, *, deadline=None) -> list[dict]:
        """``deadline`` (``report.Deadline``): checked between rows, raises past its time."""
        decisions = decisions or {}
        checked = []
        state = self.start(ctx, rows)
        for raw in rows:
            if deadline is not None:
                deadline.check()
            row = {"row": raw["row"], "cells": dict(raw["cells"]), "errors": [], "duplicate": None, "notes": []}
            self.check_row(ctx, state, row)
            if row["errors"]:
                row["decision"] = SKIP
            elif row["duplicate"]:
                wanted = decisions.get(str(row["row"]), raw.get("decision"))
                row["decision"] = wanted if wanted in (SKIP, IMPORT) else SKIP
            else:
                row["decision"] = IMPORT
            row["status"] = "error" if row["errors"] else ("duplicate" if row["duplicate"] else "ok")
            checked.append(row)
        return checked

    def start(self, ctx: Context, rows: list[dict]) -> dict:
        return {}

    def check_row(self, ctx: Context, state: dict, row: dict) -> None:
        raise NotImplementedError

    def apply(self, ctx: Context, rows: list[dict], *, actor) -> list[tuple]:
        """Write the rows to import. Returns [(action, instance, row number, before)]."""
        raise NotImplementedError


def _dup(text: str, import_label: str) -> dict:
    return {"text": text, "choices": [[SKIP, "Bỏ qua dòng này"], [IMPORT, import_label]]}


# People -------------------------------------------------------------------------------------
class PeopleImporter(Importer):
    kind = "people"
    title = "Danh sách cá nhân (kèm đơn vị, chức vụ)"
    columns = [
        Column("full_name", "Họ và tên", True, "Nguyễn Văn Mẫu", "Họ tên đầy đủ, có dấu.", ("ho ten", "ten")),
        Column("gender", "Giới tính", True, "Nam", "Nam hoặc Nữ.", ("gioi",)),
        Column("date_of_birth", "Ngày sinh", False, "01/01/1990", "dd/mm/yyyy.", ("ngay thang nam sinh",)),
        Column("citizen_id", "Số CCCD", False, "", "12 chữ số; có thể để trống.", ("cccd", "so can cuoc"), True),
        Column("category", "Đối tượng", True, "Viên chức",
               "Một trong: " + ", ".join(str(label) for _c, label in Person.Category.choices) + ".", ("doi tuong",)),
        Column("unit", "Đơn vị", True, "Trường Mầm non Hồng Phong", "Tên hoặc mã đơn vị trong hệ thống.",
               ("don vi cong tac", "ma don vi")),
        Column("position", "Chức vụ", False, "Giáo viên", "Chức vụ tại đơn vị.", ("chuc danh",)),
        Column("start", "Từ ngày", False, "", "Ngày bắt đầu giữ chức vụ (dd/mm/yyyy).", ("ngay bat dau",)),
        Column("note", "Ghi chú", False, "", "", ()),
    ]

    def start(self, ctx, rows):
        ids = {normalise_citizen_id(r["cells"].get("citizen_id", ""), []) for r in rows} - {""}
        existing_ids = {p.citizen_id: p for p in Person.objects.filter(citizen_id__in=ids)} if ids else {}
        names = {nfc(r["cells"].get("full_name", "")) for r in rows} - {""}
        same_name: dict[tuple, list[Person]] = {}
        if names:
            for m in Membership.objects.filter(person__full_name__in=names).select_related("person"):
                same_name.setdefault((m.person.full_name, m.person.date_of_birth, m.organisation_id), []).append(m.person)
        return {"existing_ids": existing_ids, "same_name": same_name, "seen_ids": {}, "seen_names": {}}

    def check_row(self, ctx, state, row):
        c, errors, notes = row["cells"], row["errors"], row["notes"]
        name = nfc(c.get("full_name"))
        if not name:
            errors.append("Thiếu họ và tên.")
        elif len(name) > 150:
            errors.append("Họ và tên dài quá 150 ký tự.")
        parse_gender(c.get("gender", ""), errors)
        dob = parse_date(c.get("date_of_birth", ""), "Ngày sinh", errors)
        if dob and dob > datetime.date.today():
            errors.append("Ngày sinh không được ở tương lai.")
        cid = normalise_citizen_id(c.get("citizen_id", ""), notes)
        c["citizen_id"] = cid
        if cid:
            try:
                validate_citizen_id(cid)
            except ValidationError as exc:
                errors.extend(exc.messages)
                cid = ""
        choice_from(c.get("category", ""), Person.Category.choices, "Đối tượng", errors)
        unit = ctx.unit(c.get("unit", ""), errors)
        parse_date(c.get("start", ""), "Từ ngày", errors)
        if len(c.get("position", "")) > 150:
            errors.append("Chức vụ dài quá 150 ký tự.")
        if errors:
            return
        if cid:
            if cid in state["seen_ids"]:
                errors.append(f"Số CCCD {cid} trùng với dòng {state['seen_ids'][cid]}.")
                return
            state["seen_ids"][cid] = row["row"]
            existing = state["existing_ids"].get(cid)
            if existing is not None:
                row["duplicate"] = _dup(f"Số CCCD {cid} đã có: {existing.full_name} (mã {existing.pk}).",
                                        "Nhập vào hồ sơ đã có (thêm đơn vị, chức vụ)")
                row["duplicate"]["person"] = existing.pk
                return
        key = (name, dob, unit.pk)
        matches = state["same_name"].get(key)
        if matches:
            row["duplicate"] = _dup(
                f"Đã có {name}{' sinh ' + dob.strftime('%d/%m/%Y') if dob else ''} tại {unit.name} (mã {matches[0].pk}).",
                "Vẫn nhập (là người khác)")
        elif key in state["seen_names"]:
            row["duplicate"] = _dup(f"Trùng họ tên, ngày sinh, đơn vị với dòng {state['seen_names'][key]}.",
                                    "Vẫn nhập (là người khác)")
        state["seen_names"].setdefault(key, row["row"])

    def apply(self, ctx, rows, *, actor):
        written = []
        new_people, links = [], []
        for row in rows:
            c = row["cells"]
            errors: list[str] = []
            unit = ctx.unit(c["unit"], errors)
            start = parse_date(c.get("start", ""), "", errors)
            existing = (row.get("duplicate") or {}).get("person")
            if existing:
                person = Person.objects.get(pk=existing)
                if not Membership.objects.filter(person=person, organisation=unit, end__isnull=True).exists():
                    links.append((Membership(person=person, organisation=unit, position=nfc(c.get("position")),
                                             start=start), row["row"]))
                continue
            person = Person(full_name=nfc(c["full_name"]), gender=parse_gender(c["gender"], errors),
                            date_of_birth=parse_date(c.get("date_of_birth", ""), "", errors),
                            citizen_id=c.get("citizen_id") or None,
                            category=choice_from(c["category"], Person.Category.choices, "", errors),
                            note=c.get("note", ""))
            person.search_key = search_key(person.full_name)
            person.full_clean(validate_unique=False)
            new_people.append((person, unit, nfc(c.get("position")), start, row["row"]))
        created = Person.objects.bulk_create([p for p, *_ in new_people], batch_size=500)
        for person, (_p, _u, _pos, _s, number) in zip(created, new_people):
            written.append(("create", person, number, None))
        memberships = [Membership(person=p, organisation=u, position=pos, start=s) for (p, u, pos, s, _n) in new_people]
        memberships += [m for m, _n in links]
        numbers = [n for *_x, n in new_people] + [n for _m, n in links]
        for membership, number in zip(Membership.objects.bulk_create(memberships, batch_size=500), numbers):
            written.append(("create", membership, number, None))
        return written


# Units --------------------------------------------------------------------------------------
KIND_CHOICES = [(k, label) for k, label in Organisation.Kind.choices
                if k not in (Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.COMMUNE)]


class UnitImporter(Importer):
    kind = "units"
    title = "Danh sách cơ quan, đơn vị"
    columns = [
        Column("code", "Mã đơn vị", False, "", "Chữ thường không dấu, gạch nối; để trống thì tự tạo từ tên.", ("ma",)),
        Column("name", "Tên đơn vị", True, "Thôn Mẫu", "Tên đầy đủ.", ("ten",)),
        Column("short_name", "Tên ngắn", False, "", "", ()),
        Column("kind", "Loại đơn vị", True, "Thôn", "Một trong: " + ", ".join(str(label) for _k, label in KIND_CHOICES) + ".",
               ("loai",)),
        Column("parent", "Trực thuộc", True, "Xã Nam Thanh Miện",
               "Tên hoặc mã đơn vị cấp trên (trong hệ thống hoặc ở dòng trước của tệp).", ("don vi cap tren",)),
        Column("valid_from", "Hiệu lực từ", False, "", "dd/mm/yyyy.", ()),
        Column("note", "Ghi chú", False, "", "", ()),
    ]

    def may_import(self, user):
        return can(user, "manage_ledger")

    def start(self, ctx, rows):
        return {"new_codes": {}, "new_names": {}}

    def _code(self, c) -> str:
        return (c.get("code") or "").strip().lower() or slugify(search_key(c.get("name", "")))[:80]

    def check_row(self, ctx, state, row):
        c, errors = row["cells"], row["errors"]
        name = nfc(c.get("name"))
        if not name:
            errors.append("Thiếu tên đơn vị.")
        code = self._code(c)
        if code and not re.fullmatch(r"[a-z0-9][a-z0-9\-]{0,79}", code):
            errors.append(f"Mã đơn vị “{code}” chỉ gồm chữ thường không dấu, số và gạch nối.")
        choice_from(c.get("kind", ""), KIND_CHOICES, "Loại đơn vị", errors)
        parent_text = c.get("parent", "")
        parent_key = parent_text.strip().lower()
        if parent_key in state["new_codes"] or search_key(parent_text) in state["new_names"]:
            pass  # a unit created by an earlier row
        else:
            ctx.unit(parent_text, errors, label="Đơn vị cấp trên")
        parse_date(c.get("valid_from", ""), "Hiệu lực từ", errors)
        if errors:
            return
        if code in state["new_codes"]:
            errors.append(f"Mã đơn vị “{code}” trùng với dòng {state['new_codes'][code]}.")
            return
        existing = Organisation.objects.filter(code=code).first()
        if existing is not None:
            row["duplicate"] = _dup(f"Mã “{code}” đã có: {existing.name}.", "Vẫn nhập (tạo mã mới)")
        elif Organisation.objects.filter(name=name).exists():
            row["duplicate"] = _dup(f"Đã có đơn vị tên “{name}”.", "Vẫn nhập")
        state["new_codes"][code] = row["row"]
        state["new_names"][search_key(name)] = row["row"]

    def apply(self, ctx, rows, *, actor):
        written, created = [], {}
        for row in rows:
            c, errors = row["cells"], []
            code = self._code(c)
            base, n = code, 2
            while Organisation.objects.filter(code=code).exists():
                code = f"{base[:75]}-{n}"
                n += 1
            parent = created.get(c["parent"].strip().lower()) or created.get(search_key(c["parent"])) \
                or ctx.unit(c["parent"], errors, label="Đơn vị cấp trên")
            org = Organisation(code=code, name=nfc(c["name"]), short_name=nfc(c.get("short_name")),
                               kind=choice_from(c["kind"], KIND_CHOICES, "", errors), parent=parent,
                               valid_from=parse_date(c.get("valid_from", ""), "", errors), note=c.get("note", ""))
            org.full_clean(validate_unique=False)
            org.save()
            created[(c.get("code") or "").strip().lower() or code] = org
            created[search_key(org.name)] = org
            ctx.by_code[org.code] = org
            ctx.by_name.setdefault(search_key(org.name), []).append(org)
            written.append(("create", org, row["row"], None))
        return written


# Subjects (a person of a unit, or the unit itself) -------------------------------------------
SUBJECT_COLUMNS = [
    Column("full_name", "Họ và tên", False, "Nguyễn Văn Mẫu", "Để trống khi đối tượng là tập thể (chính đơn vị).",
           ("ho ten",)),
    Column("citizen_id", "Số CCCD", False, "", "Ghi khi đơn vị có người trùng tên.", ("cccd",), True),
    Column("date_of_birth", "Ngày sinh", False, "", "Ghi khi đơn vị có người trùng tên (dd/mm/yyyy).", ()),
    Column("unit", "Đơn vị", True, "Trường Mầm non Hồng Phong", "Tên hoặc mã đơn vị.", ("ma don vi",)),
]


class SubjectMixin:
    def start_subjects(self, ctx):
        return {"people": {}}

    @staticmethod
    def unit_people(state, unit) -> list[Person]:
        """The people of a unit (any membership, past or present), loaded once per batch."""
        people = state["people"].get(unit.pk)
        if people is None:
            people = list(Person.objects.filter(pk__in=Membership.objects.filter(organisation=unit).values("person_id")))
            state["people"][unit.pk] = people
        return people

    def subject(self, ctx, state, row, *, editable: bool):
        """(person, organisation) — one of them — or (None, None) with errors."""
        c, errors = row["cells"], row["errors"]
        unit = ctx.unit(c.get("unit", ""), errors, editable=editable)
        name = nfc(c.get("full_name"))
        if unit is None or not name:
            return None, unit
        cid = normalise_citizen_id(c.get("citizen_id", ""), row["notes"])
        dob = parse_date(c.get("date_of_birth", ""), "Ngày sinh", errors)
        people = self.unit_people(state, unit)
        if cid:
            found = [p for p in people if p.citizen_id == cid] \
                or list(Person.objects.filter(citizen_id=cid, full_name=name))
        else:
            found = [p for p in people if p.full_name == name]
            if dob:
                found = [p for p in found if p.date_of_birth == dob]
        if not found:
            errors.append(f"Không tìm thấy {name} trong {unit.name}" + (f" (CCCD {cid})" if cid else "") +
                          ". Hãy nhập danh sách cá nhân trước.")
            return None, None
        if len(found) > 1:
            errors.append(f"{unit.name} có {len(found)} người tên {name}; hãy ghi số CCCD hoặc ngày sinh.")
            return None, None
        return found[0], None


# Ratings ------------------------------------------------------------------------------------
class RatingImporter(SubjectMixin, Importer):
    kind = "ratings"
    title = "Xếp loại hằng năm"
    columns = [
        Column("year", "Năm", True, 2025, "Năm xếp loại.", ("nam xep loai",)),
        *SUBJECT_COLUMNS,
        Column("rating", "Xếp loại", True, "HTTNV",
               "Mã hoặc tên: " + "; ".join(f"{c} = {label}" for c, label in codes.Rating.choices()) + ".",
               ("muc xep loai",)),
        Column("note", "Ghi chú", False, "", "", ()),
    ]

    def start(self, ctx, rows):
        return {**self.start_subjects(ctx), "seen": {}}

    def check_row(self, ctx, state, row):
        from thidua.awards.models import Rating

        c, errors = row["cells"], row["errors"]
        year = parse_int(c.get("year", ""), "Năm", errors, low=1945, high=2100)
        if year is None and not errors:
            errors.append("Thiếu năm.")
        choice_from(c.get("rating", ""), codes.Rating.choices(), "Xếp loại", errors)
        person, org = self.subject(ctx, state, row, editable=True)
        if errors or not (person or org):
            return
        if person is not None and not (_is_ledger_user(ctx.user) or any(
                can_edit_in(ctx.user, m.organisation) for m in person.memberships.select_related("organisation"))):
            errors.append(f"Bạn không có quyền xếp loại {person.full_name}.")
            return
        key = ("p", person.pk, year) if person else ("o", org.pk, year)
        if key in state["seen"]:
            errors.append(f"Trùng đối tượng và năm với dòng {state['seen'][key]}.")
            return
        state["seen"][key] = row["row"]
        row["cells"]["_subject"] = f"{key[0]}:{key[1]}"
        existing = Rating.objects.filter(year=year, **({"person": person} if person else {"organisation": org})).first()
        if existing is not None:
            row["duplicate"] = _dup(f"Năm {year} đã có xếp loại {existing.rating} cho {existing.subject}.",
                                    "Ghi đè bằng xếp loại mới")

    def apply(self, ctx, rows, *, actor):
        from thidua.awards.models import Rating

        written, new = [], []
        for row in rows:
            c, errors = row["cells"], []
            kind, pk = c["_subject"].split(":")
            subject = {"person_id": int(pk)} if kind == "p" else {"organisation_id": int(pk)}
            year = int(c["year"].replace(".", "").strip())
            rating = choice_from(c["rating"], codes.Rating.choices(), "", errors)
            existing = Rating.objects.select_for_update().filter(year=year, **subject).first()
            if existing is not None:
                before = {"rating": existing.rating, "note": existing.note}
                existing.rating, existing.note = rating, c.get("note", "")[:255]
                existing.save(update_fields=["rating", "note"])
                written.append(("update", existing, row["row"], before))
            else:
                obj = Rating(year=year, rating=rating, note=c.get("note", "")[:255], **subject)
                obj.full_clean(validate_unique=False, validate_constraints=False)
                new.append((obj, row["row"]))
        for obj, number in zip(Rating.objects.bulk_create([o for o, _n in new], batch_size=500), [n for _o, n in new]):
            written.append(("create", obj, number, None))
        return written


# Awards (the ledger) ------------------------------------------------------------------------
class AwardImporter(SubjectMixin, Importer):
    kind = "awards"
    title = "Sổ khen thưởng"
    columns = [
        Column("year", "Năm", True, 2025, "Năm thi đua, hoặc năm học dạng 2024-2025.", ("nam thi dua", "nien do")),
        *SUBJECT_COLUMNS,
        Column("award_type", "Danh hiệu, hình thức", True, "LDTT",
               "Mã (LDTT, CSTD_CO_SO, GIAY_KHEN_XA, BANG_KHEN_TINH…) hoặc tên trong danh mục.",
               ("ma danh hieu", "danh hieu", "hinh thuc")),
        Column("decision_number", "Số quyết định", False, "123/QĐ-UBND", "", ("so qd",)),
        Column("decision_date", "Ngày quyết định", False, "15/12/2025", "dd/mm/yyyy.", ("ngay qd",)),
        Column("issuer_name", "Cơ quan ban hành", False, "UBND xã Nam Thanh Miện",
               "Đúng như trên quyết định; để trống thì lấy theo thẩm quyền của danh hiệu.", ("co quan quyet dinh",)),
        Column("amount", "Tiền thưởng (đồng)", False, "", "Số tiền, không ghi chữ.", ("tien thuong",)),
        Column("achievement", "Thành tích", False, "", "", ()),
    ]

    def may_import(self, user):
        return user.is_authenticated and _is_ledger_user(user)

    def start(self, ctx, rows):
        from thidua.awards.models import AwardType

        types = list(AwardType.objects.all())
        index = {}
        for t in types:
            index[search_key(t.code)] = t
            index.setdefault(search_key(t.name), t)
        return {**self.start_subjects(ctx), "types": index, "seen": {}, "held": {}}

    def award_type(self, state, text, errors):
        t = state["types"].get(search_key(text))
        if t is None:
            if text.strip():
                errors.append(f"Không có “{text}” trong danh mục danh hiệu, hình thức khen thưởng.")
            else:
                errors.append("Thiếu danh hiệu, hình thức.")
        return t

    @staticmethod
    def held(state, subject: dict) -> set[tuple[int, int]]:
        """(award type, year) of the subject's awards in the ledger, loaded once per subject."""
        from thidua.awards.models import Award

        (field_name, obj), = subject.items()
        key = (field_name, obj.pk)
        held = state["held"].get(key)
        if held is None:
            held = set(Award.objects.filter(revoked=False, **subject).values_list("award_type_id", "year"))
            state["held"][key] = held
        return held

    def check_row(self, ctx, state, row):
        c, errors = row["cells"], row["errors"]
        year, _label = parse_year_label(c.get("year", ""), errors)
        if year is None and not errors:
            errors.append("Thiếu năm.")
        award_type = self.award_type(state, c.get("award_type", ""), errors)
        parse_date(c.get("decision_date", ""), "Ngày quyết định", errors)
        parse_int(c.get("amount", ""), "Tiền thưởng", errors, low=0, high=10**12)
        person, org = self.subject(ctx, state, row, editable=False)
        if errors or not (person or org) or award_type is None:
            return
        if person and not award_type.for_individual or org and not award_type.for_collective:
            errors.append(f"“{award_type.name}” không áp dụng cho {'cá nhân' if person else 'tập thể'}.")
            return
        if not c.get("issuer_name") and not award_type.authority:
            errors.append("Thiếu cơ quan ban hành.")
            return
        if len(nfc(c.get("issuer_name"))) > 200:
            errors.append("Cơ quan ban hành dài quá 200 ký tự.")
            return
        key = (person.pk if person else -org.pk, award_type.pk, year)
        if key in state["seen"]:
            row["duplicate"] = _dup(f"Trùng đối tượng, danh hiệu và năm với dòng {state['seen'][key]}.", "Vẫn nhập")
        elif (award_type.pk, year) in self.held(state, {"person": person} if person else {"organisation": org}):
            row["duplicate"] = _dup(f"Sổ đã có {award_type.name} năm {year} của {person or org}.", "Vẫn nhập")
        state["seen"].setdefault(key, row["row"])
        row["cells"]["_subject"] = f"{'p' if person else 'o'}:{person.pk if person else org.pk}"

    def apply(self, ctx, rows, *, actor):
        from thidua.awards.models import Award

        state = self.start(ctx, rows)
        source = f"Lô nhập dữ liệu ({timezone.localdate():%d/%m/%Y})"
        new = []
        for row in rows:
            c, errors = row["cells"], []
            kind, pk = c["_subject"].split(":")
            subject = {"person_id": int(pk)} if kind == "p" else {"organisation_id": int(pk)}
            year, label = parse_year_label(c["year"], errors)
            award_type = self.award_type(state, c["award_type"], errors)
            award = Award(award_type=award_type, year=year, period_label=label,
                          round_kind=codes.RoundKind.SCHOOL_YEAR.value if label else codes.RoundKind.YEAR_END.value,
                          decision_number=c.get("decision_number", "")[:60],
                          decision_date=parse_date(c.get("decision_date", ""), "", errors),
                          issuer_name=nfc(c.get("issuer_name")) or award_type.authority,
                          amount=parse_int(c.get("amount", ""), "", errors),
                          achievement=c.get("achievement", ""), source=source, **subject)
            # Every cell was parsed and bounded by the check just before, in this transaction
            # (subject, type, year, dates, amount, lengths): only the model's own rules remain.
            award.clean()
            new.append((award, row["row"]))
        created = Award.objects.bulk_create([a for a, _n in new], batch_size=2000)
        return [("create", a, n, None) for a, (_x, n) in zip(created, new)]


IMPORTERS: dict[str, Importer] = {i.kind: i for i in (PeopleImporter(), UnitImporter(), RatingImporter(), AwardImporter())}
# URL slugs of the templates and pages.
SLUGS = {"ca-nhan": "people", "don-vi": "units", "xep-loai": "ratings", "so-khen-thuong": "awards"}
