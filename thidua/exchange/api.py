"""The REST API (django-ninja), mounted at /du-lieu/api/ with its OpenAPI schema at
/du-lieu/api/openapi.json and documentation at /du-lieu/api/docs.

Authentication: ``Authorization: Bearer <token>`` with a personal token created on the page
/du-lieu/ma-truy-cap/. Every answer is scoped like the web pages (thidua.accounts.scoping):
objects out of scope answer 404. Errors are JSON ``{"detail": "<Vietnamese message>"}``.

Decisions: a decision signed in the system is read at /decisions/{id} and its DOCX and PDF at
/decisions/{id}/docx and /decisions/{id}/pdf — the very bytes frozen at the signature (the same
SHA-256 as the page's downloads). Targets and proposals are built by other apps; their read
endpoints belong here once those apps are finished."""
from __future__ import annotations

import datetime
import json
import math

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DataError
from django.http import Http404, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from thidua.org.selectors import search as org_search

from . import exports, selectors
from .models import ApiToken, token_digest

MAX_ID = 2**53
MAX_PAGE = 100_000


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        token = (token or "").strip()
        if not token.startswith(ApiToken.PREFIX) or len(token) > 100:
            return None
        found = ApiToken.objects.select_related("user", "user__unit").filter(
            digest=token_digest(token), revoked_at__isnull=True).first()
        if found is None or not found.user.is_active:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > datetime.timedelta(minutes=5):
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="ThiĐua API",
    version="1",
    description="Đọc dữ liệu thi đua, khen thưởng trong phạm vi của người dùng. "
                "Xác thực: tiêu đề `Authorization: Bearer <mã truy cập>` (tạo ở trang /du-lieu/ma-truy-cap/).",
    urls_namespace="exchange-api",
    auth=TokenAuth(),
)


# --- errors: always JSON, always Vietnamese, never 500 for bad input -----------------------
@api.exception_handler(AuthenticationError)
def _unauthorised(request, exc):
    return api.create_response(request, {"detail": "Thiếu hoặc sai mã truy cập (Authorization: Bearer …)."},
                               status=401)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    problems = []
    for error in exc.errors:
        where = ".".join(str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body"))
        problems.append({"field": where, "message": _vietnamese(error)})
    return api.create_response(request, {"detail": "Tham số không hợp lệ.", "errors": problems}, status=422)


def _vietnamese(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "Phải là số nguyên."
    if kind == "greater_than_equal":
        return f"Phải lớn hơn hoặc bằng {ctx.get('ge')}."
    if kind == "less_than_equal":
        return f"Phải nhỏ hơn hoặc bằng {ctx.get('le')}."
    if kind == "string_too_long":
        return f"Dài quá {ctx.get('max_length')} ký tự."
    if kind == "missing":
        return "Thiếu tham số bắt buộc."
    return "Giá trị không hợp lệ."


@api.exception_handler(Http404)
def _not_found(request, exc):
    message = str(exc) if str(exc) and not str(exc).startswith("No ") else "Không tìm thấy."
    return api.create_response(request, {"detail": message}, status=404)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Bạn không có quyền."}, status=403)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(DataError)
def _data_error(request, exc):
    return api.create_response(request, {"detail": "Tham số vượt giới hạn cho phép."}, status=400)


# --- schemas ---------------------------------------------------------------------------------
class ErrorOut(Schema):
    detail: str


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    kind_label: str
    parent_id: int | None
    merged_into_id: int | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    is_former: bool


class MembershipOut(Schema):
    unit_id: int
    unit_name: str
    position: str
    start: datetime.date | None
    end: datetime.date | None


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str
    date_of_birth: datetime.date | None
    category: str
    category_label: str
    memberships: list[MembershipOut]


class AwardOut(Schema):
    id: int
    code: str
    rules_code: str | None
    name: str
    kind: str
    year: int
    period_label: str | None
    round_kind: str
    subject_kind: str
    person_id: int | None
    organisation_id: int | None
    household_id: int | None
    subject_name: str
    decision_number: str | None
    decision_date: datetime.date | None
    issuer_name: str
    amount: int | None
    achievement: str | None
    revoked: bool
    verification_code: str
    verification_url: str
    credential_url: str


class RatingOut(Schema):
    id: int
    year: int
    rating: str
    rating_label: str
    subject_kind: str
    person_id: int | None
    organisation_id: int | None
    subject_name: str
    note: str


class PageMeta(Schema):
    count: int
    page: int
    page_size: int
    pages: int


class UnitPage(PageMeta):
    items: list[UnitOut]


class PersonPage(PageMeta):
    items: list[PersonOut]


class AwardPage(PageMeta):
    items: list[AwardOut]


class RatingPage(PageMeta):
    items: list[RatingOut]


class SearchOut(Schema):
    query: str
    people: list[PersonOut]
    units: list[UnitOut]


class MeOut(Schema):
    username: str
    full_name: str
    role: str
    unit_id: int | None
    unit_name: str | None


class LedgerExport(Schema):
    format: str
    version: str
    generated_at: str
    scope: str
    count: int
    codes: str
    awards: list[AwardOut]


class FieldProblem(Schema):
    field: str
    message: str


class InvalidOut(Schema):
    detail: str
    errors: list[FieldProblem]


class DecisionOut(Schema):
    id: int
    kind: str
    kind_label: str
    number: str
    date: datetime.date
    issuer_name: str
    signer_name: str
    signer_capacity: str
    frozen: bool = Field(..., description="Có văn bản DOCX, PDF lập một lần khi ký trong hệ thống")
    docx_sha256: str | None
    pdf_sha256: str | None
    pdf_signed: bool = Field(..., description="PDF mang chữ ký số PAdES của cơ quan ban hành")
    docx_url: str | None
    pdf_url: str | None
    page_url: str


ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: InvalidOut}


# --- helpers ---------------------------------------------------------------------------------
def _text(value: str) -> str:
    return (value or "").replace("\x00", "").strip()


def _page(items_or_ids, page: int, page_size: int) -> tuple[list, dict]:
    total = len(items_or_ids)
    pages = max(1, math.ceil(total / page_size))
    start = (page - 1) * page_size
    return list(items_or_ids[start:start + page_size]), {"count": total, "page": page, "page_size": page_size,
                                                         "pages": pages}


def _unit(o) -> dict:
    return {"id": o.pk, "code": o.code, "name": o.name, "short_name": o.short_name, "kind": o.kind,
            "kind_label": str(o.get_kind_display()), "parent_id": o.parent_id, "merged_into_id": o.merged_into_id,
            "valid_from": o.valid_from, "valid_until": o.valid_until, "is_former": o.is_former}


def _person(p) -> dict:
    return {"id": p.pk, "full_name": p.full_name, "gender": p.gender, "date_of_birth": p.date_of_birth,
            "category": p.category, "category_label": str(p.get_category_display()),
            "memberships": [{"unit_id": m.organisation_id, "unit_name": m.organisation.name, "position": m.position,
                             "start": m.start, "end": m.end} for m in p.memberships.all()]}


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


PageQ = Query(1, ge=1, le=MAX_PAGE, description="Trang (từ 1)")
SizeQ = Query(50, ge=1, le=200, description="Số mục mỗi trang (tối đa 200)")
TextQ = Query("", max_length=200, description="Tìm theo tên, có dấu hay không dấu đều được")
IdQ = Query(None, ge=1, le=MAX_ID)
YearQ = Query(None, ge=1900, le=2100, description="Năm")


# --- endpoints -------------------------------------------------------------------------------
@api.get("/me", response={200: MeOut, **ERRORS}, summary="Người dùng của mã truy cập")
def me(request):
    user = request.auth
    return {"username": user.get_username(), "full_name": user.get_full_name(), "role": user.role,
            "unit_id": user.unit_id, "unit_name": user.unit.name if user.unit_id else None}


@api.get("/units", response={200: UnitPage, **ERRORS}, summary="Cơ quan, đơn vị trong phạm vi")
def list_units(request, q: str = TextQ, kind: str = Query("", max_length=20), page: int = PageQ,
               page_size: int = SizeQ):
    ids, meta = _page(selectors.units(user=request.auth, query=_text(q), kind=_text(kind)), page, page_size)
    return {**meta, "items": [_unit(o) for o in selectors.units_by_ids(ids)]}


@api.get("/units/{unit_id}", response={200: UnitOut, **ERRORS}, summary="Một đơn vị")
def get_unit(request, unit_id: int = Path(..., ge=1, le=MAX_ID)):
    return _unit(selectors.get_unit(user=request.auth, pk=unit_id))


@api.get("/people", response={200: PersonPage, **ERRORS}, summary="Cá nhân trong phạm vi")
def list_people(request, q: str = TextQ, unit: int | None = IdQ, page: int = PageQ, page_size: int = SizeQ):
    ids, meta = _page(selectors.people(user=request.auth, query=_text(q), unit=unit), page, page_size)
    return {**meta, "items": [_person(p) for p in selectors.people_by_ids(ids)]}


@api.get("/people/{person_id}", response={200: PersonOut, **ERRORS}, summary="Một cá nhân")
def get_person(request, person_id: int = Path(..., ge=1, le=MAX_ID)):
    return _person(selectors.get_person(user=request.auth, pk=person_id))


@api.get("/awards", response={200: AwardPage, **ERRORS}, summary="Sổ khen thưởng")
def list_awards(request, year: int | None = YearQ, code: str = Query("", max_length=40), person: int | None = IdQ,
                unit: int | None = IdQ, page: int = PageQ, page_size: int = SizeQ):
    items = selectors.sorted_award_rows(selectors.awards(user=request.auth, year=year, code=_text(code),
                                                         person=person, unit=unit))
    page_items, meta = _page(items, page, page_size)
    base = _base_url(request)
    return {**meta, "items": [exports.award_record(a, base_url=base) for a in page_items]}


@api.get("/awards/{award_id}", response={200: AwardOut, **ERRORS}, summary="Một khen thưởng")
def get_award(request, award_id: int = Path(..., ge=1, le=MAX_ID)):
    return exports.award_record(selectors.get_award_row(user=request.auth, pk=award_id), base_url=_base_url(request))


class ProfileRef(Schema):
    id: str
    type: list[str]
    name: str


class Criteria(Schema):
    narrative: str


class Achievement(Schema):
    id: str = Field(..., description="Định nghĩa công khai của danh hiệu, hình thức (JSON)")
    type: list[str]
    achievementType: str
    name: str
    description: str
    criteria: Criteria
    humanCode: str
    inLanguage: str


class IdentityObject(Schema):
    type: str
    identityType: str
    hashed: bool
    identityHash: str


class AchievementSubject(Schema):
    type: list[str]
    identifier: list[IdentityObject]
    achievement: Achievement
    narrative: str
    term: str


class Evidence(Schema):
    type: list[str]
    name: str
    description: str


class CredentialSchemaRef(Schema):
    id: str
    type: str


class BitstringStatusListEntry(Schema):
    id: str
    type: str = Field(..., description="BitstringStatusListEntry")
    statusPurpose: str = Field(..., description="revocation: bit = 1 khi khen thưởng đã bị thu hồi")
    statusListIndex: str
    statusListCredential: str = Field(..., description="Danh sách trạng thái (VC-JWT) của cơ quan ban hành")


class OpenBadgeCredential(Schema):
    """Open Badges 3.0 OpenBadgeCredential (W3C VC 2.0): dạng JSON-LD chưa bảo mật; dạng ký số là
    /credential.jwt (application/vc+jwt)."""
    context: list[str] = Field(..., alias="@context")
    id: str
    type: list[str]
    name: str
    issuer: ProfileRef
    validFrom: str
    credentialSubject: AchievementSubject
    evidence: list[Evidence]
    credentialSchema: list[CredentialSchemaRef]
    credentialStatus: BitstringStatusListEntry

    model_config = {"populate_by_name": True}


@api.get("/awards/{award_id}/credential", response={200: OpenBadgeCredential, **ERRORS}, by_alias=True,
         summary="Khen thưởng dạng chứng nhận Open Badges 3.0 (JSON-LD; bản ký số: /credential.jwt)")
def award_credential(request, award_id: int = Path(..., ge=1, le=MAX_ID)):
    return exports.open_badge(selectors.get_award(user=request.auth, pk=award_id), base_url=_base_url(request))


@api.get("/awards/{award_id}/credential.jwt", response={**ERRORS},
         summary="Khen thưởng dạng chứng nhận Open Badges 3.0 ký số (VC-JWT, ES256, application/vc+jwt)",
         openapi_extra={"responses": {"200": {
             "description": "Chuỗi JWS dạng compact; payload là OpenBadgeCredential; khóa công khai ở hồ sơ "
                            "cơ quan ban hành (kid)",
             "content": {"application/vc+jwt": {"schema": {"type": "string",
                                                            "pattern": r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"}}}}}})
def award_credential_jwt(request, award_id: int = Path(..., ge=1, le=MAX_ID)):
    from django.http import HttpResponse

    from . import badges

    award = selectors.get_award(user=request.auth, pk=award_id)
    return HttpResponse(exports.signed_open_badge(award, base_url=_base_url(request)),
                        content_type=badges.JWT_MEDIA_TYPE)


@api.get("/ratings", response={200: RatingPage, **ERRORS}, summary="Xếp loại hằng năm")
def list_ratings(request, year: int | None = YearQ, person: int | None = IdQ, unit: int | None = IdQ,
                 page: int = PageQ, page_size: int = SizeQ):
    from thidua.core.text import collation_key
    from thidua.rules import codes

    labels = dict(codes.Rating.choices())
    rows = list(selectors.ratings(user=request.auth, year=year, person=person, unit=unit).order_by().values(
        "pk", "year", "rating", "person_id", "organisation_id", "person__full_name", "organisation__name", "note"))
    keys: dict[str, bytes] = {}
    for r in rows:
        r["subject_name"] = r["person__full_name"] or r["organisation__name"] or ""
        if r["subject_name"] not in keys:
            keys[r["subject_name"]] = collation_key(r["subject_name"])
    rows.sort(key=lambda r: (-r["year"], keys[r["subject_name"]], r["pk"]))
    page_items, meta = _page(rows, page, page_size)
    return {**meta, "items": [{
        "id": r["pk"], "year": r["year"], "rating": r["rating"], "rating_label": labels.get(r["rating"], r["rating"]),
        "subject_kind": "individual" if r["person_id"] else "collective", "person_id": r["person_id"],
        "organisation_id": r["organisation_id"], "subject_name": r["subject_name"], "note": r["note"]}
        for r in page_items]}


@api.get("/search", response={200: SearchOut, **ERRORS}, summary="Tìm người, đơn vị (không dấu cũng được)")
def search(request, q: str = Query(..., min_length=1, max_length=200)):
    found = org_search(user=request.auth, query=_text(q))
    people = selectors.people_by_ids([p.pk for p in found["people"]])
    return {"query": found["query"], "people": [_person(p) for p in people],
            "units": [_unit(o) for o in found["organisations"]]}


@api.get("/export/ledger", response={200: LedgerExport, **ERRORS},
         summary="Xuất sổ khen thưởng (JSON mở, định dạng thidua-ledger 1.0)")
def export_ledger(request, year: int | None = YearQ):
    user = request.auth
    awards = selectors.sorted_award_rows(selectors.awards(user=user, year=year))
    document = exports.ledger_document(awards, base_url=_base_url(request),
                                       scope=user.unit.name if user.unit_id else "toàn hệ thống")
    # Thousands of rows: written straight out (the rows are built to the schema above).
    return HttpResponse(json.dumps(document, ensure_ascii=False, cls=DjangoJSONEncoder),
                        content_type="application/json; charset=utf-8")


# --- decisions signed in the system ------------------------------------------------------------
DOCUMENT_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "pdf": "application/pdf"}
NOT_FROZEN = ("Quyết định số %s không có văn bản lập khi ký trong hệ thống (quyết định của cấp tỉnh, quyết định "
              "thu hồi hoặc ghi từ sổ khen thưởng): không có tệp để tải.")


def _decision(request, decision_id: int):
    """The decision in the token's scope and its frozen document (None when it has none)."""
    from thidua.documents.models import FrozenDecision
    from thidua.proposals.selectors import get_decision as visible_decision

    decision = visible_decision(user=request.auth, pk=decision_id)  # 404: unknown or out of the token's scope
    return decision, FrozenDecision.objects.filter(decision=decision).first()


@api.get("/decisions/{decision_id}", response={200: DecisionOut, **ERRORS, 403: ErrorOut}, summary="Một quyết định")
def get_decision(request, decision_id: int = Path(..., ge=1, le=MAX_ID)):
    from django.urls import reverse

    decision, frozen = _decision(request, decision_id)
    base = _base_url(request)

    def url(fmt):
        return base + reverse("exchange-api:decision_" + fmt, args=[decision.pk]) if frozen else None

    return {"id": decision.pk, "kind": decision.kind, "kind_label": str(decision.get_kind_display()),
            "number": decision.number, "date": decision.date, "issuer_name": decision.issuer_name,
            "signer_name": decision.signer_name, "signer_capacity": decision.signer_capacity.replace("\n", " / "),
            "frozen": frozen is not None, "docx_sha256": frozen.docx_sha256 if frozen else None,
            "pdf_sha256": frozen.pdf_sha256 if frozen else None, "pdf_signed": bool(frozen and frozen.pdf_signed),
            "docx_url": url("docx"), "pdf_url": url("pdf"), "page_url": base + decision.get_absolute_url()}


def _download(request, decision_id: int, fmt: str):
    import hashlib

    decision, frozen = _decision(request, decision_id)
    if frozen is None:
        raise Http404(NOT_FROZEN % decision.number)
    from thidua.documents import frozen as kept_documents

    try:
        if not frozen.ready:  # the signing task has not made the files yet: made now, once (locked)
            frozen = kept_documents.render_frozen(frozen.pk)
        content = frozen.read(fmt)
    except OSError:
        raise HttpError(503, "Không đọc được tệp văn bản đã lưu của quyết định này; báo quản trị hệ thống.") from None
    expected = frozen.pdf_sha256 if fmt == "pdf" else frozen.docx_sha256
    if hashlib.sha256(content).hexdigest() != expected:
        raise HttpError(409, "Tệp văn bản đã lưu không khớp mã băm SHA-256 ghi khi ký; không giao tệp này. "
                             "Báo quản trị hệ thống.")
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    stem = "".join(ch if ch.isalnum() else "-" for ch in decision.number.replace("Đ", "D").replace("đ", "d"))
    response["Content-Disposition"] = f'attachment; filename="quyet-dinh-{stem}-{decision.date:%Y%m%d}.{fmt}"'
    response["ETag"] = f'"{expected}"'
    response["X-Content-SHA256"] = expected
    return response


_FILE = {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}


@api.get("/decisions/{decision_id}/docx", response={**ERRORS, 403: ErrorOut, 409: ErrorOut, 503: ErrorOut},
         summary="Tệp DOCX của quyết định đã ký (đúng tệp lập khi ký)",
         openapi_extra={"responses": {"200": {"description": "DOCX lập khi ký", **_FILE}}})
def decision_docx(request, decision_id: int = Path(..., ge=1, le=MAX_ID)):
    return _download(request, decision_id, "docx")


@api.get("/decisions/{decision_id}/pdf", response={**ERRORS, 403: ErrorOut, 409: ErrorOut, 503: ErrorOut},
         summary="Tệp PDF của quyết định đã ký (đúng tệp lập khi ký, có chữ ký số nếu đã cấu hình)",
         openapi_extra={"responses": {"200": {"description": "PDF lập khi ký", **_FILE}}})
def decision_pdf(request, decision_id: int = Path(..., ge=1, le=MAX_ID)):
    return _download(request, decision_id, "pdf")
