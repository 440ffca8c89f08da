"""The award world: the editable catalogue (titles, forms, rule parameters incl. the dated
base salary), the award ledger, yearly ratings, initiatives, discipline and pending matters."""
from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.text import nfc
from thidua.rules import codes

SUBJECT_FIELDS = ("person", "organisation", "household")


def new_verification_code() -> str:
    """Unguessable public code of an award's certificate (/xac-minh/<code>)."""
    return secrets.token_urlsafe(12)


def exactly_one_subject(prefix: str) -> models.CheckConstraint:
    one = (Q(person__isnull=False, organisation__isnull=True, household__isnull=True)
           | Q(person__isnull=True, organisation__isnull=False, household__isnull=True)
           | Q(person__isnull=True, organisation__isnull=True, household__isnull=False))
    return models.CheckConstraint(condition=one, name=f"{prefix}_exactly_one_subject")


class SubjectMixin(models.Model):
    """A record about exactly one person, collective (organisation) or household."""

    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("cá nhân"))
    organisation = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("tập thể"))
    household = models.ForeignKey("org.Household", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("hộ gia đình"))

    class Meta:
        abstract = True

    @property
    def subject(self):
        return self.person or self.organisation or self.household

    @property
    def subject_kind(self) -> str:
        if self.person_id:
            return codes.SubjectKind.INDIVIDUAL.value
        if self.organisation_id:
            return codes.SubjectKind.COLLECTIVE.value
        return codes.SubjectKind.HOUSEHOLD.value

    def clean_subject(self):
        if sum(bool(getattr(self, f"{f}_id")) for f in SUBJECT_FIELDS) != 1:
            raise ValidationError(_("Phải chọn đúng một đối tượng: cá nhân, tập thể hoặc hộ gia đình."))


class AwardType(models.Model):
    """A title or form of reward in the catalogue. Codes of rules.md are judged by the
    eligibility engine; other codes (historic or other issuers' forms) are recorded only."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        FORM = "form", _("Hình thức khen thưởng")

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    for_individual = models.BooleanField(_("cá nhân"), default=False)
    for_collective = models.BooleanField(_("tập thể"), default=False)
    for_household = models.BooleanField(_("hộ gia đình"), default=False)
    authority = models.CharField(_("thẩm quyền quyết định"), max_length=120, blank=True)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), default=0,
                                            help_text=_("Càng cao càng cao quý; dùng để sắp xếp."))
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        ordering = ["kind", "-rank", "name"]
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh mục danh hiệu, hình thức khen thưởng")

    def __str__(self):
        return self.name

    @property
    def judged_by_engine(self) -> bool:
        return codes.parse_award_code(self.code) is not None


class RuleParameter(models.Model):
    """One editable number of the rules (coefficients, thresholds, base salary by date…),
    with its source. Seeded from ``thidua.rules.parameters``; the engine reads these."""

    key = models.CharField(_("khóa"), max_length=80, unique=True)
    value_text = models.CharField(_("giá trị"), max_length=80)
    article = models.CharField(_("căn cứ (điều, khoản)"), max_length=200)
    marker = models.CharField(_("mức kiểm chứng"), max_length=1,
                              choices=[("V", _("Đã đối chiếu văn bản")), ("S", _("Tóm tắt thứ cấp")),
                                       ("U", _("Chưa kiểm chứng"))])
    description = models.CharField(_("mô tả"), max_length=300)
    source_note = models.TextField(_("ghi chú nguồn"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("tham số quy định")
        verbose_name_plural = _("tham số quy định")

    def __str__(self):
        return f"{self.key} = {self.value_text}"


class Initiative(models.Model):
    """Sáng kiến, SKKN, đề tài khoa học with its recognised scope."""

    class Kind(models.TextChoices):
        INITIATIVE = "sang_kien", _("Sáng kiến")
        EXPERIENCE = "skkn", _("Sáng kiến kinh nghiệm")
        SCIENCE = "de_tai", _("Đề tài khoa học")

    title = models.CharField(_("tên"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.EXPERIENCE)
    authors = models.ManyToManyField("org.Person", related_name="initiatives", verbose_name=_("tác giả"))
    unit = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="initiatives", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    scope = models.CharField(_("phạm vi công nhận"), max_length=10, choices=codes.Scope.choices())
    recognition_decision = models.CharField(_("quyết định công nhận"), max_length=80, blank=True)
    recognition_date = models.DateField(_("ngày công nhận"), null=True, blank=True)
    recognised_by = models.CharField(_("cơ quan công nhận"), max_length=200, blank=True)
    used_for_award = models.ForeignKey("Award", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="ground_initiatives",
                                       verbose_name=_("đã dùng làm căn cứ cho"))

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("sáng kiến, đề tài")
        verbose_name_plural = _("sáng kiến, đề tài")

    def __str__(self):
        return f"{self.title} ({self.get_scope_display()}, {self.year})"

    def clean(self):
        self.title = nfc(self.title)


class Award(SubjectMixin):
    """One title or form conferred, as recorded in the ledger."""

    award_type = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="awards",
                                   verbose_name=_("danh hiệu, hình thức"))
    year = models.PositiveSmallIntegerField(_("năm thi đua"), db_index=True)
    period_label = models.CharField(_("niên độ"), max_length=20, blank=True,
                                    help_text=_("Ví dụ: năm học 2023-2024."))
    round_kind = models.CharField(_("đợt"), max_length=12, choices=codes.RoundKind.choices(),
                                  default=codes.RoundKind.YEAR_END.value)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="issued_awards", verbose_name=_("cơ quan ban hành"))
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=200,
                                   help_text=_("Tên đúng như trên quyết định, kể cả cơ quan nay không còn."))
    amount = models.PositiveBigIntegerField(_("tiền thưởng (đồng)"), null=True, blank=True)
    achievement = models.TextField(_("thành tích"), blank=True)
    source = models.CharField(_("nguồn"), max_length=120, blank=True,
                              help_text=_("Quyết định trong hệ thống, lô nhập dữ liệu, hoặc dữ liệu mẫu."))
    verification_code = models.CharField(_("mã xác minh"), max_length=32, unique=True,
                                         default=new_verification_code, editable=False)
    revoked = models.BooleanField(_("đã thu hồi"), default=False)
    revocation_note = models.CharField(_("căn cứ thu hồi"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-award_type__rank"]
        constraints = [exactly_one_subject("award")]
        indexes = [models.Index(fields=["person", "year"]), models.Index(fields=["organisation", "year"]),
                   models.Index(fields=["household", "year"]),
                   # The awards of one decision (its DOCX/PDF, documents.ledger.decision_awards).
                   models.Index(fields=["decision_number", "decision_date", "issuer_name"],
                                name="award_decision_idx")]
        verbose_name = _("khen thưởng đã tặng")
        verbose_name_plural = _("sổ khen thưởng")

    def __str__(self):
        return f"{self.award_type} {self.period_label or self.year} — {self.subject}"

    def clean(self):
        self.clean_subject()
        self.issuer_name = nfc(self.issuer_name) or (self.issuer.issuer_name if self.issuer_id else "")
        if not self.issuer_name:
            raise ValidationError({"issuer_name": _("Phải ghi cơ quan ban hành quyết định.")})
        kind = self.subject_kind
        t = self.award_type
        if (kind == "individual" and not t.for_individual) or (kind == "collective" and not t.for_collective) \
                or (kind == "household" and not t.for_household):
            raise ValidationError(_("“%(type)s” không áp dụng cho đối tượng này.") % {"type": t.name})


class Rating(SubjectMixin):
    """Yearly task-completion rating (xếp loại) of a person or a collective."""

    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=8, choices=codes.Rating.choices())
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            exactly_one_subject("rating"),
            models.UniqueConstraint(fields=["person", "year"], name="rating_person_year",
                                    condition=Q(person__isnull=False)),
            models.UniqueConstraint(fields=["organisation", "year"], name="rating_org_year",
                                    condition=Q(organisation__isnull=False)),
        ]
        # The latest rated year (the candidate list's default year) without reading every rating.
        indexes = [models.Index(fields=["year"], name="rating_year_idx")]
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = _("xếp loại hằng năm")

    def __str__(self):
        return f"{self.subject} {self.year}: {self.rating}"

    def clean(self):
        self.clean_subject()
        if self.household_id:
            raise ValidationError(_("Hộ gia đình không xếp loại hoàn thành nhiệm vụ."))


class Discipline(models.Model):
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="disciplines",
                               verbose_name=_("cá nhân"))
    form = models.CharField(_("hình thức"), max_length=16, choices=codes.DisciplineForm.choices())
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")

    def __str__(self):
        return f"{self.get_form_display()} — {self.person} ({self.start:%d/%m/%Y}–{self.end:%d/%m/%Y})"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class PendingMatter(SubjectMixin):
    """A matter that blocks any award or proposal while open (ND 152 Điều 4)."""

    kind = models.CharField(_("loại việc"), max_length=16, choices=codes.PendingMatter.choices())
    opened_on = models.DateField(_("từ ngày"))
    closed_on = models.DateField(_("kết thúc ngày"), null=True, blank=True)
    note = models.CharField(_("nội dung"), max_length=255, blank=True)

    class Meta:
        ordering = ["-opened_on"]
        constraints = [exactly_one_subject("pending")]
        verbose_name = _("vụ việc đang xem xét")
        verbose_name_plural = _("vụ việc đang xem xét")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.subject}"

    def clean(self):
        self.clean_subject()


class Contribution(models.Model):
    """A household's contribution of labour, land or assets, or its achievement in a movement
    (Luật Thi đua, khen thưởng 2022, Điều 74, 75) — grounds for a Giấy khen or Bằng khen."""

    household = models.ForeignKey("org.Household", on_delete=models.PROTECT, related_name="contributions",
                                  verbose_name=_("hộ gia đình"))
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại đóng góp"), max_length=10, choices=codes.ContributionKind.choices())
    description = models.CharField(_("nội dung"), max_length=300)
    value_vnd = models.PositiveBigIntegerField(_("giá trị (đồng)"), null=True, blank=True)
    area_m2 = models.PositiveIntegerField(_("diện tích (m²)"), null=True, blank=True)
    used_for_award = models.ForeignKey("Award", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="ground_contributions",
                                       verbose_name=_("đã dùng làm căn cứ cho"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("đóng góp của hộ gia đình")
        verbose_name_plural = _("đóng góp của hộ gia đình")

    def __str__(self):
        return f"{self.household}: {self.description} ({self.year})"


class RatingSheet(models.Model):
    """The yearly ratings of one unit's members as a whole: the unit's clerk enters them in
    the grid and sends them; the commune's officer confirms them (or returns them)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đơn vị đang nhập")
        SUBMITTED = "submitted", _("Đã gửi, chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã xác nhận")

    organisation = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="rating_sheets",
                                     verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    state = models.CharField(_("trạng thái"), max_length=12, choices=State.choices, default=State.DRAFT)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("người gửi"))
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("người xác nhận"))
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    return_reason = models.CharField(_("lý do trả lại"), max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="rating_sheet_unit_year")]
        verbose_name = _("bảng xếp loại của đơn vị")
        verbose_name_plural = _("bảng xếp loại của đơn vị")

    def __str__(self):
        return f"Xếp loại năm {self.year} — {self.organisation}"

class ProvincialRegulation(models.Model):
    """The province's own regulation on emulation & commendation (ND 152/2025 Điều 6 khoản 2
    điểm c): its number, date and issuing body, entered by the administrator. Its articles
    (``RegulationArticle``) are what checks, candidate lists, documents and pages cite for
    the rules a province sets; where none is entered they cite the delegating article."""

    province = models.OneToOneField("org.Organisation", on_delete=models.PROTECT, related_name="regulation",
                                    verbose_name=_("tỉnh, thành phố"),
                                    limit_choices_to={"kind": "city"})
    document_kind = models.CharField(_("loại văn bản"), max_length=40, default="Quyết định")
    number = models.CharField(_("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 12/2025/QĐ-UBND."))
    signed_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200,
                              help_text=_("Ví dụ: Ủy ban nhân dân thành phố Hải Phòng."))
    title = models.CharField(_("trích yếu"), max_length=300, blank=True,
                             help_text=_("Ví dụ: Ban hành Quy định về công tác thi đua, khen thưởng."))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("quy định của tỉnh về thi đua, khen thưởng")
        verbose_name_plural = _("quy định của tỉnh về thi đua, khen thưởng")

    def __str__(self):
        return self.heading

    @property
    def heading(self) -> str:
        """"Quyết định số 12/2025/QĐ-UBND ngày 20/3/2025 của Ủy ban nhân dân thành phố Hải Phòng"."""
        return f"{self.document_kind} số {self.number} ngày {self.signed_on:%d/%m/%Y} của {self.issuer}"

    def clean(self):
        self.number, self.issuer, self.title = nfc(self.number), nfc(self.issuer), nfc(self.title)
        self.document_kind = nfc(self.document_kind) or "Quyết định"
        if self.province_id and self.province.kind != "city":
            raise ValidationError({"province": _("Phải chọn một tỉnh, thành phố.")})


class RegulationArticle(models.Model):
    """The article of the province's regulation for one provincial rule
    (``thidua.rules.articles.PROVINCIAL_RULES``)."""

    regulation = models.ForeignKey(ProvincialRegulation, on_delete=models.CASCADE, related_name="articles",
                                   verbose_name=_("quy định"))
    rule_key = models.CharField(_("quy định về"), max_length=40)
    article = models.CharField(_("điều, khoản"), max_length=120, help_text=_("Ví dụ: Điều 5 khoản 2."))

    class Meta:
        ordering = ["rule_key"]
        constraints = [models.UniqueConstraint(fields=["regulation", "rule_key"], name="regulation_article_once")]
        verbose_name = _("điều khoản của quy định tỉnh")
        verbose_name_plural = _("điều khoản của quy định tỉnh")

    def __str__(self):
        return self.citation

    @property
    def citation(self) -> str:
        return f"{self.regulation.heading}, {self.article}"

    def clean(self):
        from thidua.rules.articles import PROVINCIAL_RULES

        self.article = nfc(self.article)
        if self.rule_key not in PROVINCIAL_RULES:
            raise ValidationError({"rule_key": _("Không có quy định này.")})


class AwardSummary(models.Model):
    """A person's ledger year by year — ratings, titles and forms (not revoked) — kept so that a
    province-wide candidate list reads one row per person instead of nine years of ratings and
    awards (``awards.summaries``). Derived data: rebuilt from the ledger at any time
    (``manage.py rebuild_award_summaries``). ``stale``: the ledger changed and the refresh task
    has not run yet; the lists then read that person's ledger directly and say a refresh is
    pending. ``person_id`` is a plain key (no foreign key): a summary never holds back a
    person's deletion (undoing an import) and a leftover row is never read."""

    person_id = models.BigIntegerField(primary_key=True)
    years = models.TextField(blank=True, default="")  # "2024|HTXSNV|CSTD_CO_SO,LDTT|GIAY_KHEN_XA/year_end;…"
    stale = models.BooleanField(default=True)
    refreshed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["person_id"], condition=Q(stale=True), name="award_summary_stale_idx")]
        verbose_name = _("tóm tắt sổ khen thưởng của cá nhân")
        verbose_name_plural = _("tóm tắt sổ khen thưởng của cá nhân")

    def __str__(self):
        return f"#{self.person_id}" + (" (chờ cập nhật)" if self.stale else "")


class VerdictChain(models.Model):
    """One judged chain as the lists show it (``awards.verdicts``): every title and form of a
    round in round order, each with its conditions. Most people of a province share a few
    hundred chains, so each is kept once and people point at it."""

    key = models.CharField(max_length=40, primary_key=True)  # sha1 of the payload
    payload = models.TextField()  # JSON: [[code, target, eligible, failed, amount, authority, [[rule, passed, article, detail], …]], …]

    class Meta:
        verbose_name = _("chuỗi kết quả xét đủ điều kiện")
        verbose_name_plural = _("chuỗi kết quả xét đủ điều kiện")

    def __str__(self):
        return self.key


class StoredVerdicts(models.Model):
    """A person's verdicts in the candidate lists of ``year`` (a ``VerdictChain``), kept so
    that a province-wide list reads one short row per person instead of judging ~130 000
    cases per request (``awards.verdicts``). Derived data, refreshed with the person's
    ``AwardSummary`` and rebuilt when the rule parameters change. A row is used only when it
    was judged under the parameters in force (``params_key``), for the person's category, and
    the person's summary is up to date; anyone else is judged live and counted as waiting for
    a refresh. Plain keys (no foreign keys), like ``AwardSummary``: derived rows never hold
    back a deletion, and a leftover row is never read."""

    person_id = models.BigIntegerField(primary_key=True)
    year = models.PositiveSmallIntegerField()
    params_key = models.CharField(max_length=40)
    category = models.CharField(max_length=40)
    chain_key = models.CharField(max_length=40)
    # The person's name when judged, and its Vietnamese sort key (given name, then full name:
    # ``core.text.given_name_sort_key``): the province-wide list orders and pages in the
    # database; a row whose name no longer matches the person's is not used.
    full_name = models.CharField(max_length=150, default="")
    sort_key = models.BinaryField(default=b"")
    refreshed_at = models.DateTimeField(null=True, blank=True)
    # The day the judgement changes by itself: a pending matter judged pending closes that day
    # (``closed_on`` in the future). From that day the row is not used (the person is judged
    # live) until the daily ``refresh_expired_verdicts`` has judged it again. Null: never.
    valid_until = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["chain_key"], name="stored_verdicts_chain_idx")]
        verbose_name = _("kết quả xét đủ điều kiện đã lưu của cá nhân")
        verbose_name_plural = _("kết quả xét đủ điều kiện đã lưu của cá nhân")

    def __str__(self):
        return f"#{self.person_id} ({self.year})"


class StoredUnitVerdicts(models.Model):
    """A collective's verdicts in the candidate lists of ``year`` (``awards.verdicts``), kept so
    that a province-wide list does not count ~1.600 units' members per request. Derived data:
    judged again when a member's summary is refreshed (the same task), when the unit's own
    ledger changes (``stale``), and by ``rebuild_all``. A row is used only when judged under the
    parameters in force, for the unit's current name and kind, with the same members in the year
    (``members``, ``members_key``), the same standing nominations of its members
    (``nominated``) and no member whose summary waits for its refresh, before ``valid_until``
    (as ``StoredVerdicts``: the unit's own pending matter closes that day); any other unit is
    judged live. Plain keys, like ``StoredVerdicts``."""

    organisation_id = models.BigIntegerField(primary_key=True)
    year = models.PositiveSmallIntegerField()
    params_key = models.CharField(max_length=40)
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=32)
    members = models.PositiveIntegerField(default=0)
    members_key = models.CharField(max_length=40, default="")  # ``verdict_rows.members_key`` of their ids
    nominated = models.TextField(blank=True, default="")  # "person:code,…" sorted
    failed = models.CharField(max_length=200, default="")  # "code:failed,…" in round order
    payload = models.TextField()  # the chain, as ``VerdictChain.payload``
    sort_key = models.BinaryField(default=b"")
    stale = models.BooleanField(default=False)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)  # as ``StoredVerdicts.valid_until``

    class Meta:
        verbose_name = _("kết quả xét đủ điều kiện đã lưu của tập thể")
        verbose_name_plural = _("kết quả xét đủ điều kiện đã lưu của tập thể")

    def __str__(self):
        return f"#{self.organisation_id} ({self.year})"
