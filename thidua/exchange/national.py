"""National exports (issue #20, item 6).

(a) ``officials_document``: the awards of officials (cán bộ, công chức, viên chức) coded as the
    national database of officials expects — each title (danh hiệu thi đua) or form of reward
    (hình thức khen thưởng) carries its national code. The official code lists are not published
    with the system: the administrator maps each catalogue entry to its code
    (``models.NationalAwardCode``, page "Mã quốc gia"). An export that would carry an award
    without a code is refused, naming what to map. Every document is validated against our
    published JSON Schema (docs/schemas/thidua-officials-awards-1.0.schema.json) before it
    leaves the server.

(b) ``ministry_package``: for awards proposed to the Prime Minister or the President, the
    Ministry's e-dossier package — each document of the dossier as DOCX and PDF (one structure
    per document, rendered by ``thidua.documents``), with a manifest (file name, SHA-256, kind)
    in one ZIP archive.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import io
import json
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from jsonschema import Draft202012Validator

from thidua.accounts.scoping import province_of, visible_organisations
from thidua.awards.models import AwardType
from thidua.awards.selectors import ledger
from thidua.core.services import create_record, delete_record, update_record
from thidua.core.text import collation_key, given_name_key
from thidua.org.models import Membership, Person
from thidua.rules import codes

from .models import NationalAwardCode

FORMAT, VERSION = "thidua-officials-awards", "1.0"
SCHEMA_PATH = settings.BASE_DIR / "docs" / "schemas" / "thidua-officials-awards-1.0.schema.json"
OFFICIALS = (Person.Category.CAN_BO, Person.Category.CONG_CHUC, Person.Category.VIEN_CHUC)
KIND = {AwardType.Kind.TITLE: "danh_hieu_thi_dua", AwardType.Kind.FORM: "hinh_thuc_khen_thuong"}
GENDER = {Person.Gender.FEMALE: "nu", Person.Gender.MALE: "nam"}
CODE_SOURCE = ("Bảng mã quốc gia của danh hiệu thi đua, hình thức khen thưởng do quản trị viên ThiĐua nhập "
               "(trang Dữ liệu › Xuất dữ liệu quốc gia › Mã quốc gia).")
MINISTRY_AUTHORITIES = (codes.Authority.THU_TUONG, codes.Authority.CHU_TICH_NUOC)


def scope_name(user) -> str:
    province = province_of(user)
    if province is not None:
        return province.name
    return user.unit.name if user.unit_id else "Toàn hệ thống"


# -- (a) the code mapping ----------------------------------------------------------------------

def may_map(user) -> bool:
    return user.is_authenticated and user.role == "admin"


def check_code(code: str) -> str:
    code = (code or "").strip()
    if code and not Draft202012Validator(_schema()["$defs"]["code"]).is_valid(code):
        raise ValidationError("Mã quốc gia “%s” không hợp lệ: chỉ gồm chữ không dấu, chữ số và . _ / -, "
                              "tối đa 40 ký tự." % code[:60])
    return code


@transaction.atomic
def save_codes(*, actor, codes_by_type: dict[int, str]) -> int:
    """Set the national code of each catalogue entry (an empty code removes the mapping).
    All or nothing: one invalid code refuses the whole table. Returns how many changed."""
    if not may_map(actor):
        raise ValidationError("Chỉ quản trị viên nhập bảng mã quốc gia.")
    cleaned, errors = {}, []
    for pk, code in codes_by_type.items():
        try:
            cleaned[pk] = check_code(code)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    existing = {m.award_type_id: m for m in NationalAwardCode.objects.select_for_update().filter(
        award_type_id__in=list(cleaned))}
    types = AwardType.objects.in_bulk(list(cleaned))
    changed = 0
    for pk, code in cleaned.items():
        current = existing.get(pk)
        if current is not None and not code:
            delete_record(actor=actor, instance=current, audit_note="Bỏ mã quốc gia")
        elif current is not None and current.code != code:
            update_record(actor=actor, instance=current, code=code, updated_by=actor)
        elif current is None and code and pk in types:
            create_record(actor=actor, model=NationalAwardCode, award_type=types[pk], code=code, updated_by=actor)
        else:
            continue
        changed += 1
    return changed


def mapping_rows() -> list[dict]:
    """Every catalogue entry with its national code (or none), titles first, in Vietnamese order."""
    mapped = dict(NationalAwardCode.objects.values_list("award_type_id", "code"))
    types = sorted(AwardType.objects.all(), key=lambda t: (t.kind != AwardType.Kind.TITLE, collation_key(t.name)))
    return [{"type": t, "code": mapped.get(t.pk, "")} for t in types]


# -- (a) the officials' export -----------------------------------------------------------------

class UnmappedCodes(ValidationError):
    """The export would carry awards whose title or form has no national code."""

    def __init__(self, types: list[AwardType]):
        self.types = types
        names = "; ".join(f"{t.name} ({t.get_kind_display().lower()})" for t in types)
        super().__init__("Chưa xuất được: %d danh hiệu, hình thức khen thưởng chưa có mã quốc gia — %s. "
                         "Quản trị viên nhập mã tại trang “Mã quốc gia” rồi xuất lại." % (len(types), names))


@functools.cache
def _schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(document: dict) -> None:
    """Refuse (ValidationError, in Vietnamese) a document that does not match our schema."""
    validator = Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        raise ValidationError(["Tệp xuất không đúng lược đồ JSON (%s): %s" % (
            "/".join(str(p) for p in e.absolute_path) or "gốc", e.message) for e in errors[:10]])


def official_awards(*, user, year: int | None = None):
    return (ledger(user=user, year=year).filter(person__category__in=OFFICIALS, revoked=False)
            .select_related("award_type__national_code", "person"))


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def officials_document(*, user, year: int | None = None) -> dict:
    """The officials' awards of the user's scope (a commune, or the province), coded and
    validated; UnmappedCodes when an award's title or form has no national code."""
    awards = list(official_awards(user=user, year=year))
    codes_of = {}
    for a in awards:
        mapping = getattr(a.award_type, "national_code", None)
        codes_of[a.award_type_id] = mapping.code if mapping else None
    missing = {a.award_type_id: a.award_type for a in awards if not codes_of[a.award_type_id]}
    if missing:
        raise UnmappedCodes(sorted(missing.values(), key=lambda t: collation_key(t.name)))
    jobs = {}
    for m in (Membership.objects.filter(Membership.current_q(), person_id__in={a.person_id for a in awards})
              .select_related("organisation").order_by("person_id", "-start", "pk")):
        jobs.setdefault(m.person_id, m)
    awards.sort(key=lambda a: (given_name_key(a.person.full_name), a.year, a.pk))
    used = {a.award_type_id: a.award_type for a in awards}
    document = {
        "format": FORMAT, "version": VERSION, "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "scope": scope_name(user), "year": year,
        "code_list": {"source": CODE_SOURCE, "codes": [
            {"kind": KIND[t.kind], "national_code": codes_of[pk], "name": t.name}
            for pk, t in sorted(used.items(), key=lambda item: collation_key(item[1].name))]},
        "records": [],
    }
    for a in awards:
        person, job = a.person, jobs.get(a.person_id)
        document["records"].append({
            "person": {"full_name": person.full_name, "gender": GENDER.get(person.gender, "nam"),
                       "date_of_birth": _iso(person.date_of_birth), "citizen_id": person.citizen_id or None,
                       "category": person.category,
                       "unit": job.organisation.name if job else None,
                       "position": (job.position or None) if job else None},
            "award": {"kind": KIND[a.award_type.kind], "national_code": codes_of[a.award_type_id],
                      "name": a.award_type.name, "year": a.year, "decision_number": a.decision_number or None,
                      "decision_date": _iso(a.decision_date), "issuer": a.issuer_name or None},
        })
    validate(document)
    return document


# -- (b) the Ministry's e-dossier package ------------------------------------------------------

def ministry_dossiers(*, user):
    """Dossiers of the user's scope with a nomination the Prime Minister or the President decides."""
    from thidua.proposals.models import Dossier

    return (Dossier.objects.filter(round__commune__in=visible_organisations(user),
                                   nominations__authority__in=[a.value for a in MINISTRY_AUTHORITIES])
            .exclude(state__in=Dossier.EDITABLE_STATES).distinct()
            .select_related("unit", "round__commune", "meeting").order_by("-round__year", "-pk"))


def package_documents(dossier) -> list[tuple[str, str, bytes, bytes]]:
    """(kind, base file name, DOCX, PDF) of each document of the dossier, each from one
    structure: the submission, each individual nominee's achievement report, the council's
    minutes when the council has voted."""
    from thidua.documents import national as docs

    return docs.dossier_documents(dossier, authorities=[a.value for a in MINISTRY_AUTHORITIES])


def ministry_package(dossier) -> bytes:
    """One ZIP: every document as DOCX and PDF, and manifest.json (file, SHA-256, kind)."""
    buffer = io.BytesIO()
    files = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, base, docx, pdf in package_documents(dossier):
            for extension, content in (("docx", docx), ("pdf", pdf)):
                name = f"{base}.{extension}"
                archive.writestr(name, content)
                files.append({"file": name, "kind": kind, "format": extension,
                              "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)})
        manifest = {"format": "thidua-ministry-edossier", "version": "1.0",
                    "dossier": dossier.pk, "unit": dossier.unit.name, "round": dossier.round.name,
                    "generated_at": timezone.localtime().isoformat(timespec="seconds"), "files": files}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return buffer.getvalue()
