"""An old report read by ``report.read_report`` becomes an import batch of ledger rows:
one row per person (or collective) × award × year. Rows the ledger cannot hold (no year, an
initiative, a rating, a person the system does not know and cannot create) are shown with the
reason and skipped; the others go through the same dry run, duplicates and commit as an
Excel import."""
from __future__ import annotations

import re

from django.utils import timezone

from thidua.core.text import nfc, search_key
from thidua.org.models import Membership, Organisation, Person
from thidua.rules import codes

from .importers import SKIP, Context, Importer, _dup, _is_ledger_user, parse_year_label
from .report import fold, read_report

ABBREVIATIONS = {"mttq": "mat tran to quoc", "ubnd": "uy ban nhan dan", "hlhpn": "hoi lien hiep phu nu",
                 "pn": "phu nu", "chqs": "chi huy quan su"}
GENERIC_WORDS = {"xa", "truong", "-", "cua"}


def resolve_unit(ctx: Context, text: str) -> Organisation | None:
    """A unit from how a report names it: exact name, else the one current unit whose name holds
    every word ("Công an xã" -> "Công an xã Nam Thanh Miện"; "MTTQ" -> "Ủy ban Mặt trận Tổ quốc…")."""
    if not text:
        return None
    key = search_key(text)
    exact = ctx.by_name.get(key, [])
    current = [o for o in exact if not o.is_former] or exact
    if len(current) == 1:
        return current[0]
    terms = []
    for word in key.split():
        terms.extend(ABBREVIATIONS.get(word, word).split())
    terms = [t for t in terms if t not in ("-",)]
    if not terms:
        return None
    found = [o for o in ctx.orgs if set(terms) <= set(search_key(f"{o.name} {o.short_name}").replace("-", " ").split())]
    current = [o for o in found if not o.is_former] or found
    if len(current) > 1:
        current.sort(key=lambda o: len(o.name))
        if len(current[0].name) < len(current[1].name):
            return current[0]
        return None
    return current[0] if current else None


def catalogue_code(award: dict) -> tuple[str | None, str]:
    """(AwardType code to record, or None, and the reason when None)."""
    code = award.get("code")
    s = fold(award.get("text") or "")
    level = fold(award.get("level") or "")
    if code == "HTXSNV":
        return None, "Là xếp loại hoàn thành nhiệm vụ, không phải khen thưởng (nhập ở mẫu Xếp loại)."
    if code:
        return code, ""
    if re.search(r"\bskkn\b|sang kien|de tai", s):
        return None, "Là sáng kiến, đề tài (ghi ở mục Sáng kiến)."
    if "co thi dua" in s:
        return "CO_THI_DUA_TW_DOAN_THE", ""
    if "bang khen" in s:
        if re.search(r"\btw\b|trung uong", level):
            return "BANG_KHEN_TW_DOAN_THE", ""
        if level.startswith("bo "):
            return "BANG_KHEN_BO", ""
        return "BANG_KHEN_TINH_DOAN_THE", ""
    if "giay khen" in s:
        if level in ("huyen",) or level.startswith("ubnd huyen"):
            return "GIAY_KHEN_HUYEN", ""
        if level.startswith("so "):
            return "GIAY_KHEN_SO", ""
        return "GIAY_KHEN_KHAC", ""
    if re.search(r"day gioi|tieu bieu|danh hieu", s):
        return "DANH_HIEU_KHAC", ""
    return None, "Không xác định được danh hiệu, hình thức trong danh mục."


def issuer_name(level: str | None, award_type) -> str:
    if level in ("tỉnh", "huyện", "xã"):
        return f"UBND {level}"
    return level or award_type.authority or "Không rõ"


def rows_from_report(text: str, *, deadline=None) -> list[dict]:
    rows, number = [], 0
    for index, record in enumerate(read_report(text, deadline=deadline), start=1):
        base = {"name": record["name"], "position": record["position"] or "", "unit": record["unit"] or "",
                "kind": record["kind"], "gender": record["gender"] or "", "sector": record["sector"] or "",
                "record": str(index)}
        if not record["awards"]:
            number += 1
            rows.append({"row": number, "cells": {**base, "award_text": "; ".join(record["notes"]), "code": "",
                                                   "level": "", "year": "", "count": ""}})
        for award in record["awards"]:
            years = award["years"] or [""]
            for year in years:
                number += 1
                rows.append({"row": number, "cells": {
                    **base, "award_text": award["text"], "code": award["code"] or "", "level": award["level"] or "",
                    "year": year, "count": "" if award["count"] is None else str(award["count"])}})
    return rows


class ReportImporter(Importer):
    kind = "report"
    title = "Đọc báo cáo cũ"
    columns = []

    def may_import(self, user):
        return user.is_authenticated and _is_ledger_user(user)

    def start(self, ctx, rows):
        from thidua.awards.models import AwardType

        return {"types": {t.code: t for t in AwardType.objects.all()}, "seen": {}}

    def check(self, ctx, rows, decisions=None, *, deadline=None):
        checked = super().check(ctx, rows, decisions, deadline=deadline)
        for row in checked:
            if row.get("info") and not row["errors"]:
                row["decision"], row["status"] = SKIP, "info"
        return checked

    def subject(self, ctx, row) -> tuple[Person | None, Organisation | None, Organisation | None]:
        c = row["cells"]
        unit = resolve_unit(ctx, c["unit"])
        if c["kind"] == "collective":
            return None, unit, unit
        people = list(Person.objects.filter(full_name=nfc(c["name"]), pk__in=_visible_ids(ctx)))
        if unit is not None:
            in_unit = [p for p in people if Membership.objects.filter(
                person=p, organisation__path__startswith=unit.path).exists()]
            people = in_unit or ([] if len(people) != 1 else people)
        if len(people) == 1:
            return people[0], None, unit
        return None, None, unit

    def check_row(self, ctx, state, row):
        c = row["cells"]
        row["info"] = ""
        code, reason = catalogue_code({"code": c["code"], "text": c["award_text"], "level": c["level"]})
        award_type = state["types"].get(code) if code else None
        if not c["code"] and not c["award_text"]:
            row["info"] = "Không có khen thưởng để ghi sổ."
            return
        if award_type is None:
            row["info"] = reason or "Không có trong danh mục."
            return
        if not c["year"]:
            row["info"] = "Báo cáo không ghi năm: bổ sung năm rồi nhập bằng mẫu Sổ khen thưởng."
            return
        errors: list[str] = []
        year, label = parse_year_label(c["year"], errors)
        if errors:
            row["info"] = errors[0]
            return
        person, org, unit = self.subject(ctx, row)
        if c["kind"] == "collective":
            if org is None:
                row["info"] = f"Không tìm thấy đơn vị “{c['unit']}”."
                return
        elif person is None:
            if unit is None:
                row["info"] = f"Không tìm thấy {c['name']} và đơn vị “{c['unit'] or '—'}” để tạo mới."
                return
            if not c["gender"]:
                row["info"] = f"Chưa có {c['name']} trong {unit.name}; báo cáo không cho biết giới tính để tạo mới."
                return
            row["notes"].append(f"Sẽ tạo cá nhân mới: {c['name']} ({c['position'] or 'chưa rõ chức vụ'}, {unit.name}).")
        if person and not award_type.for_individual or org and not award_type.for_collective or \
                (not person and not org and not award_type.for_individual):
            row["info"] = f"“{award_type.name}” không áp dụng cho đối tượng này."
            return
        c["_type"] = award_type.code
        c["_unit"] = str(unit.pk) if unit else ""
        c["_subject"] = f"p:{person.pk}" if person else (f"o:{org.pk}" if org else "new")
        key = (c["_subject"] if c["_subject"] != "new" else f"new:{c['name']}", award_type.code, year)
        if key in state["seen"]:
            row["duplicate"] = _dup(f"Trùng với dòng {state['seen'][key]}.", "Vẫn nhập")
        else:
            from thidua.awards.models import Award

            subject = {"person": person} if person else ({"organisation": org} if org else None)
            if subject and Award.objects.filter(award_type=award_type, year=year, **subject).exists():
                row["duplicate"] = _dup(f"Sổ đã có {award_type.name} năm {year} của {person or org}.", "Vẫn nhập")
        state["seen"].setdefault(key, row["row"])
        row["cells"]["_label"] = label

    def apply(self, ctx, rows, *, actor):
        from thidua.awards.models import Award, AwardType

        written, created_people = [], {}
        types = {t.code: t for t in AwardType.objects.all()}
        for row in rows:
            c = row["cells"]
            kind, _sep, pk = c["_subject"].partition(":")
            if kind == "new":
                key = (nfc(c["name"]), c["_unit"])
                person = created_people.get(key)
                if person is None:
                    unit = Organisation.objects.get(pk=int(c["_unit"]))
                    category = codes.Category.VIEN_CHUC.value if unit.kind in Organisation.SCHOOL_KINDS \
                        else codes.Category.NHAN_DAN.value if unit.kind == Organisation.Kind.VILLAGE \
                        else codes.Category.CONG_CHUC.value
                    person = Person(full_name=nfc(c["name"]), gender=c["gender"], category=category,
                                    note="Tạo từ báo cáo cũ (lô nhập).")
                    person.full_clean(validate_unique=False)
                    person.save()
                    written.append(("create", person, row["row"], None))
                    membership = Membership.objects.create(person=person, organisation=unit,
                                                           position=nfc(c["position"])[:150])
                    written.append(("create", membership, row["row"], None))
                    created_people[key] = person
                subject = {"person": person}
            else:
                subject = {"person_id": int(pk)} if kind == "p" else {"organisation_id": int(pk)}
            errors: list[str] = []
            year, label = parse_year_label(c["year"], errors)
            award_type = types[c["_type"]]
            award = Award(award_type=award_type, year=year, period_label=label,
                          round_kind=codes.RoundKind.SCHOOL_YEAR.value if label else codes.RoundKind.YEAR_END.value,
                          issuer_name=issuer_name(c["level"] or None, award_type)[:200],
                          achievement=c["award_text"],
                          source=f"Báo cáo cũ, lô nhập ({timezone.localdate():%d/%m/%Y})", **subject)
            award.full_clean(validate_unique=False, validate_constraints=False)
            award.save()
            written.append(("create", award, row["row"], None))
        return written


def _visible_ids(ctx: Context):
    from thidua.accounts.scoping import visible_people

    return visible_people(ctx.user).values("pk")
