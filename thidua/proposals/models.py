"""Award proposals: rounds, dossiers and their nominations, publicity and objections, the
council (terms, members, meetings, secret ballots) and the numbered, frozen decisions.

Secrecy of the vote (rules.md, "Council"; docs/security.md): a ``Participation`` row records
only that member X voted on nomination N. The ballot itself is never written in the voter's
transaction: the vote writes a ``SealedBallot`` — an envelope encrypted with a key derived from
the server's secret (never stored in the database) — and the close opens every envelope of the
meeting and writes the ``Ballot`` rows in one shuffled batch, in the close's own transaction.
A ``Ballot`` carries no voter, no timestamp and a random UUID key; neither a column, nor the
storage order (SQLite rowid, PostgreSQL ctid), nor the writing transaction (PostgreSQL xmin)
ties it to a voter. Ballots are never written to the audit log.

A member votes once per meeting, on one ballot paper listing every nominee she may vote on;
the paper has one receipt code. Each of its ballots stays a separate ``Ballot`` row whose
receipt hash is derived from the code and the nomination: the rows of one paper cannot be
gathered without the code (``BallotPaper`` holds the paper's own hash, and no link).
"""
from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import SubjectMixin, exactly_one_subject
from thidua.rules import codes
from thidua.rules.dossiers import needs_achievement_report


def own_authority(body) -> str:
    """Whose decisions a reviewing body's rounds end in: the commune chairman's, or for a round
    of the province (city) itself, the city chairman's."""
    if body is not None and body.kind == "city":
        return codes.Authority.CHU_TICH_UBND_TINH.value
    return codes.Authority.CHU_TICH_UBND_XA.value


class AwardRound(models.Model):
    """Đợt khen thưởng: year-end, thematic (a movement's review), sudden feat (simplified
    procedure) or school year; each with its deadline for the units' dossiers."""

    Kind = codes.RoundKind

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="award_rounds",
                                verbose_name=_("xã (cơ quan xét)"))
    name = models.CharField(_("tên đợt"), max_length=200)
    kind = models.CharField(_("loại đợt"), max_length=12, choices=codes.RoundKind.choices())
    year = models.PositiveSmallIntegerField(_("năm thi đua"))
    period_label = models.CharField(_("niên độ"), max_length=20, blank=True,
                                    help_text=_("Ví dụ: năm học 2024-2025."))
    movement_name = models.CharField(_("phong trào (đợt chuyên đề)"), max_length=200, blank=True)
    deadline = models.DateField(_("hạn nộp hồ sơ"))
    publicity_days = models.PositiveSmallIntegerField(
        _("số ngày công khai"), default=5,
        help_text=_("Danh sách đề nghị được công khai lấy ý kiến trong bấy nhiêu ngày."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "deadline", "name"]
        verbose_name = _("đợt khen thưởng")
        verbose_name_plural = _("đợt khen thưởng")

    def __str__(self):
        return self.name

    @property
    def simplified(self) -> bool:
        """Sudden feats follow the simplified procedure: no unit minutes required."""
        return self.kind == codes.RoundKind.SUDDEN_FEAT

    def is_overdue(self, day: datetime.date | None = None) -> bool:
        return (day or timezone.localdate()) > self.deadline


class Dossier(models.Model):
    """Hồ sơ đề nghị khen thưởng of one unit in one round."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp, chờ tiếp nhận")
        RETURNED = "returned", _("Trả lại để bổ sung")
        ACCEPTED = "accepted", _("Đã tiếp nhận, thẩm định")
        PUBLISHED = "published", _("Đang công khai lấy ý kiến")
        AT_COUNCIL = "at_council", _("Trình Hội đồng")
        VOTED = "voted", _("Hội đồng đã bỏ phiếu")
        DECIDED = "decided", _("Đã có quyết định")
        REJECTED = "rejected", _("Không khen thưởng")
        SENT_TO_PROVINCE = "sent_to_province", _("Đã trình cấp tỉnh")

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

    round = models.ForeignKey(AwardRound, on_delete=models.PROTECT, related_name="dossiers",
                              verbose_name=_("đợt"))
    unit = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="award_dossiers",
                             verbose_name=_("đơn vị đề nghị"))
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT,
                             db_index=True)
    unit_minutes = models.TextField(_("biên bản họp xét của đơn vị"), blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    published_on = models.DateField(_("công khai từ ngày"), null=True, blank=True)
    published_until = models.DateField(_("công khai đến hết ngày"), null=True, blank=True)
    meeting = models.ForeignKey("Meeting", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="dossiers", verbose_name=_("phiên họp Hội đồng"))
    decision = models.ForeignKey("Decision", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="dossiers", verbose_name=_("quyết định"))
    submission_number = models.CharField(_("số tờ trình lên tỉnh"), max_length=40, blank=True)
    submission_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("người lập"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")

    def __str__(self):
        return f"Hồ sơ đề nghị của {self.unit} — {self.round}"

    def get_absolute_url(self):
        return reverse("proposals:dossier", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def upward(self) -> bool:
        """Its awards are decided above the body that reviews the round (the commune's go to the
        province; the province's, to the Prime Minister or the President): that body proposes."""
        authorities = {n.authority for n in self.nominations.all()}
        if authorities <= {codes.Authority.CHU_TICH_UBND_XA.value}:
            return False
        return bool(authorities - {own_authority(self.round.commune)})

    def publicity_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (self.state == self.State.PUBLISHED and self.published_on is not None
                and self.published_on <= day <= self.published_until)

    def publicity_ended(self, day: datetime.date | None = None) -> bool:
        return self.published_until is not None and (day or timezone.localdate()) > self.published_until


class Nomination(SubjectMixin):
    """One nominee × one requested title or form in a dossier."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Chưa xét")
        EXCLUDED = "excluded", _("Không đủ điều kiện, không trình Hội đồng")
        PASSED = "passed", _("Hội đồng thông qua")
        FAILED = "failed", _("Hội đồng không thông qua")
        AWARDED = "awarded", _("Đã khen thưởng")
        DECLINED = "declined", _("Cấp tỉnh không khen thưởng")
        REVOKED = "revoked", _("Đã thu hồi")
        WITHDRAWN = "withdrawn", _("Đã rút khỏi hồ sơ trình cấp trên")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="nominations",
                                verbose_name=_("hồ sơ"))
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("danh hiệu, hình thức đề nghị"))
    authority = models.CharField(_("thẩm quyền"), max_length=24, choices=codes.Authority.choices())
    report = models.TextField(_("báo cáo thành tích"), blank=True)
    verdict = models.JSONField(_("kết quả kiểm tra điều kiện"), null=True, blank=True)
    eligible = models.BooleanField(_("đủ điều kiện"), null=True, blank=True)
    override_reason = models.TextField(_("lý do vẫn trình khi chưa đủ điều kiện"), blank=True)
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("người quyết định trình"))
    outcome = models.CharField(_("kết quả"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    tally = models.JSONField(_("kết quả bỏ phiếu"), null=True, blank=True)
    award = models.OneToOneField("awards.Award", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="nomination", verbose_name=_("khen thưởng đã ghi sổ"))

    class Meta:
        ordering = ["dossier", "id"]
        constraints = [exactly_one_subject("nomination")]
        verbose_name = _("đề nghị")
        verbose_name_plural = _("đề nghị")

    def __str__(self):
        return f"{self.subject} — {self.award_type}"

    def clean(self):
        self.clean_subject()

    @property
    def needs_report(self) -> bool:
        """Whether its dossier must hold an achievement report for it (the CSTĐ titles and the
        forms of reward; not LĐTT or TTLĐTT — ``thidua.rules.dossiers``)."""
        return needs_achievement_report(self.award_type.code)

    @property
    def goes_to_council(self) -> bool:
        """Eligible, or passed by the officer with a written reason."""
        return self.eligible is True or bool(self.override_reason)

    @property
    def failed_checks(self) -> list[dict]:
        return [c for c in (self.verdict or {}).get("checks", []) if not c["passed"]]

    @property
    def public_name(self) -> str:
        """The nominee as published: a name only, never private data."""
        if self.household_id:
            return f"Hộ {self.household.head_name}"
        return str(self.subject)


def attachment_path(instance, filename: str) -> str:
    return f"proposals/{instance.dossier_id}/{uuid.uuid4().hex}{instance.extension}"


class Attachment(models.Model):
    """A file of a dossier: PDF, image or DOCX, its type checked by its content."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments",
                                verbose_name=_("hồ sơ"))
    description = models.CharField(_("nội dung tệp"), max_length=200)
    file = models.FileField(_("tệp"), upload_to=attachment_path)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return f"{self.description} ({self.original_name})"

    @property
    def extension(self) -> str:
        return self.EXTENSIONS.get(self.content_type, "")


class Objection(models.Model):
    """A citizen's comment on a published nominee list. Must be answered before the vote."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="objections",
                                verbose_name=_("hồ sơ"))
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="objections", verbose_name=_("về đề nghị"))
    name = models.CharField(_("họ và tên người góp ý"), max_length=150)
    contact = models.CharField(_("số điện thoại hoặc email"), max_length=150)
    content = models.TextField(_("nội dung"))
    ip_hash = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("người trả lời"))
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)

    audit_exclude = ("ip_hash",)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("ý kiến về danh sách công khai")
        verbose_name_plural = _("ý kiến về danh sách công khai")

    def __str__(self):
        return f"Ý kiến của {self.name} về {self.nomination or self.dossier}"

    @property
    def answered(self) -> bool:
        return bool(self.answer)


# -- council ---------------------------------------------------------------------------------

class CouncilTerm(models.Model):
    """A term (nhiệm kỳ) of the commune's emulation & commendation council."""

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="council_terms",
                                verbose_name=_("xã"))
    name = models.CharField(_("tên"), max_length=200)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    written_opinions_count = models.BooleanField(
        _("tính ý kiến bằng văn bản của thành viên vắng mặt vào kết quả"), default=False,
        help_text=_("Theo quy chế làm việc của Hội đồng."))

    class Meta:
        ordering = ["-start"]
        verbose_name = _("nhiệm kỳ Hội đồng")
        verbose_name_plural = _("nhiệm kỳ Hội đồng")

    def __str__(self):
        return self.name


class CouncilMember(models.Model):
    class Role(models.TextChoices):
        CHAIRMAN = "chairman", _("Chủ tịch Hội đồng")
        VICE_CHAIRMAN = "vice_chairman", _("Phó Chủ tịch Hội đồng")
        MEMBER = "member", _("Ủy viên")
        SECRETARY = "secretary", _("Ủy viên thư ký")

    term = models.ForeignKey(CouncilTerm, on_delete=models.CASCADE, related_name="members",
                             verbose_name=_("nhiệm kỳ"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_seats",
                             verbose_name=_("tài khoản"))
    role = models.CharField(_("vai trò trong Hội đồng"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)

    ROLE_ORDER = {Role.CHAIRMAN: 0, Role.VICE_CHAIRMAN: 1, Role.MEMBER: 2, Role.SECRETARY: 3}

    class Meta:
        ordering = ["term", "id"]
        constraints = [models.UniqueConstraint(fields=["term", "user"], name="council_member_once")]
        verbose_name = _("thành viên Hội đồng")
        verbose_name_plural = _("thành viên Hội đồng")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def name(self) -> str:
        """The person's full name (from the person record linked to the account), never the
        account's label."""
        from thidua.accounts.people import full_name

        return full_name(self.user)


class Meeting(models.Model):
    class State(models.TextChoices):
        PLANNED = "planned", _("Đã lên lịch")
        OPEN = "open", _("Đang họp, bỏ phiếu")
        CLOSED = "closed", _("Đã kết thúc")

    term = models.ForeignKey(CouncilTerm, on_delete=models.PROTECT, related_name="meetings",
                             verbose_name=_("nhiệm kỳ"))
    held_on = models.DateField(_("ngày họp"))
    starts_at = models.TimeField(_("giờ họp"), null=True, blank=True)  # printed on the giấy mời
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.PLANNED)
    opened_at = models.DateTimeField(_("khai mạc lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("phiên họp Hội đồng")
        verbose_name_plural = _("phiên họp Hội đồng")

    def __str__(self):
        return f"Phiên họp Hội đồng ngày {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("proposals:meeting", args=[self.pk])


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("phiên họp"))
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("thành viên"))
    present = models.BooleanField(_("có mặt"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")]
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")

    def __str__(self):
        return f"{self.member.name}: {'có mặt' if self.present else 'vắng mặt'}"


class WrittenOpinion(models.Model):
    """An absent member's written opinion on a nomination (not secret: it is signed)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="written_opinions",
                                verbose_name=_("phiên họp"))
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("thành viên"))
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="written_opinions",
                                   verbose_name=_("đề nghị"))
    agrees = models.BooleanField(_("đồng ý"))
    text = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "nomination"], name="written_opinion_once")]
        verbose_name = _("ý kiến bằng văn bản")
        verbose_name_plural = _("ý kiến bằng văn bản")

    def __str__(self):
        return f"Ý kiến của {self.member.name} về {self.nomination}"


class Participation(models.Model):
    """That a member has voted on a nomination — and nothing about how."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="participations",
                                   verbose_name=_("đề nghị"))
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="participations",
                               verbose_name=_("thành viên"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nomination", "member"], name="vote_once")]
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")

    def __str__(self):
        return f"{self.member.name} đã bỏ phiếu: {self.nomination}"


class Ballot(models.Model):
    """A secret ballot: no voter, no timestamp, a random key. ``receipt_hash`` is the
    SHA-256 of the receipt code shown once to the voter (the code itself is never stored)."""

    class Choice(models.TextChoices):
        YES = "yes", _("Đồng ý")
        NO = "no", _("Không đồng ý")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="ballots",
                                   verbose_name=_("đề nghị"))
    choice = models.CharField(_("phiếu"), max_length=3, choices=Choice.choices)
    receipt_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("phiếu bầu")
        verbose_name_plural = _("phiếu bầu")

    def __str__(self):
        return "Phiếu bầu"


class BallotPaper(models.Model):
    """A member's ballot paper (phiếu bầu) of a meeting, once counted: the hash of its receipt
    code, nothing else. It carries no voter and no link to its ballots: each ``Ballot`` of the
    paper has its own receipt hash, derived from the paper's code and the nomination
    (``services.council``), so only the holder of the code can gather a paper's ballots. Written
    at the close with the ballots, in one shuffled batch."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="ballot_papers",
                                verbose_name=_("phiên họp"))
    receipt_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("phiếu bầu của thành viên")
        verbose_name_plural = _("phiếu bầu của thành viên")

    def __str__(self):
        return "Phiếu bầu"


class SealedBallot(models.Model):
    """A ballot in its envelope, between the vote and the close of the meeting. Written in the
    voter's transaction, so it holds nothing readable: ``envelope`` is the nomination, the
    choice and the receipt hash (or, for the paper itself, the paper's receipt hash), padded to one length and encrypted (AES-GCM, random nonce) with
    a key derived from the server's secret for this meeting (``proposals.sealing``). The close
    opens the meeting's envelopes, writes the ``Ballot`` rows shuffled, and deletes these."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    envelope = models.BinaryField()

    class Meta:
        verbose_name = _("phiếu bầu niêm phong")
        verbose_name_plural = _("phiếu bầu niêm phong")

    def __str__(self):
        return "Phiếu bầu niêm phong"


# -- decisions -------------------------------------------------------------------------------

def format_number(sequence: int, series: str) -> str:
    """7 -> "07/QĐ-UBND"; 743 -> "743/QĐ-UBND" (ND 30/2020, Phụ lục I: numbers below 10 take
    a leading zero)."""
    return f"{sequence:02d}/{series}"


class NumberCounter(models.Model):
    """The last number given in a year by an issuer for one series ("QĐ-UBND", "TTr-UBND").
    Locked (select_for_update) while the next number is taken."""

    issuer = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=20)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "series"], name="one_counter_per_series")]
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")

    def __str__(self):
        return f"{self.series} {self.year}: {self.last}"


class DecisionDraft(models.Model):
    """The draft (dự thảo) of the decision on a voted dossier, prepared by the office: the parts
    a person writes (trích yếu, căn cứ, articles, nơi nhận — one item a line), and the number the
    UBND's register gave, when the register gave one. Everything else comes from the data. The
    chairman signs exactly this draft (``services.sign_decision`` compares its fingerprint)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="decision_draft",
                                   verbose_name=_("hồ sơ"))
    title = models.CharField(_("trích yếu"), max_length=300)
    legal_bases = models.TextField(_("căn cứ (mỗi dòng một căn cứ)"))
    articles = models.TextField(_("các điều (mỗi dòng một điều)"))
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"))
    register_number = models.PositiveIntegerField(_("số theo sổ đăng ký văn bản đi"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("người soạn"))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("dự thảo quyết định")
        verbose_name_plural = _("dự thảo quyết định")

    def __str__(self):
        return f"Dự thảo quyết định — hồ sơ #{self.dossier_id}"


class FrozenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(_("Quyết định đã ký không được sửa; chỉ được thu hồi, sửa đổi bằng một quyết định khác."))

    def delete(self):
        raise PermissionDenied(_("Quyết định đã ký không được xóa."))


class Decision(models.Model):
    """A signed decision. Written once, when signed (or, for the province's decisions, when
    recorded), and never changed: a later decision that refers to it revokes or corrects it."""

    class Kind(models.TextChoices):
        AWARD = "award", _("Quyết định khen thưởng")
        REVOCATION = "revocation", _("Quyết định thu hồi khen thưởng")
        PROVINCE = "province", _("Quyết định khen thưởng của cấp tỉnh")

    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    issuer = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("cơ quan ban hành"))
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=200)
    year = models.PositiveSmallIntegerField(_("năm"))
    sequence = models.PositiveIntegerField(_("số thứ tự trong năm"), null=True, blank=True)
    number = models.CharField(_("số quyết định"), max_length=60)
    date = models.DateField(_("ngày ký"))
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("người ký"))
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_capacity = models.CharField(_("thẩm quyền ký"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("người ghi nhận"))
    revokes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="revoked_by", verbose_name=_("thu hồi, sửa đổi quyết định"))
    reason = models.TextField(_("căn cứ, lý do"), blank=True)
    body = models.TextField(_("nội dung"))
    signed_at = models.DateTimeField(_("ký lúc"), default=timezone.now)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "sequence"], name="decision_number_unique",
                                    condition=models.Q(sequence__isnull=False)),
        ]
        verbose_name = _("quyết định")
        verbose_name_plural = _("quyết định")

    def __str__(self):
        return f"Quyết định số {self.number} ngày {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("proposals:decision", args=[self.pk])

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise PermissionDenied(_("Quyết định đã ký không được sửa; chỉ được thu hồi, sửa đổi bằng một quyết định khác."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Quyết định đã ký không được xóa."))
