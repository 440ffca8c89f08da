from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Cán bộ thi đua – khen thưởng")
    CLERK = "clerk", _("Văn thư đơn vị")
    COUNCIL = "council", _("Thành viên Hội đồng TĐKT")
    CHAIRMAN = "chairman", _("Chủ tịch, Phó Chủ tịch UBND")
    AUDITOR = "auditor", _("Kiểm tra, giám sát (chỉ xem)")


class User(AbstractUser):
    """A user has one role and a scope: the organisation whose subtree they may see.
    Commune-wide roles are scoped to the commune; a unit clerk to her unit."""

    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices, default=Role.CLERK)
    unit = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="users", verbose_name=_("phạm vi (đơn vị)"))
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="user_accounts", verbose_name=_("cá nhân"))
    title = models.CharField(_("chức danh"), max_length=150, blank=True)
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu khi đăng nhập"), default=False,
        help_text=_("Đặt khi tài khoản được tạo hoặc mật khẩu được đặt lại: người dùng đổi mật khẩu trước khi làm việc."))

    # A password hash or a login time is no business of the audit log.
    audit_exclude = ("password", "last_login")

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def clean(self):
        super().clean()
        if self.role != Role.ADMIN and not self.unit_id and not self.is_superuser:
            raise ValidationError({"unit": _("Người dùng phải được gán một đơn vị làm phạm vi.")})

    def get_full_name(self):
        """Vietnamese order: family and middle names (last_name), then the given name."""
        return " ".join(part for part in (self.last_name.strip(), self.first_name.strip()) if part) or self.username

    @property
    def is_commune_wide(self) -> bool:
        return self.role in {Role.ADMIN, Role.OFFICER, Role.COUNCIL, Role.CHAIRMAN, Role.AUDITOR}

    @property
    def can_manage_records(self) -> bool:
        """May create and edit people and units in scope."""
        return self.role in {Role.ADMIN, Role.OFFICER, Role.CLERK}

    @property
    def can_read_audit(self) -> bool:
        return self.role in {Role.ADMIN, Role.OFFICER, Role.AUDITOR}


class NotificationKind(models.TextChoices):
    DOSSIER_RETURNED = "dossier_returned", _("Hồ sơ bị trả lại để bổ sung")
    DOSSIER_OVERDUE = "dossier_overdue", _("Hồ sơ quá hạn")
    BALLOT_OPEN = "ballot_open", _("Mở phiếu bầu của Hội đồng")
    DECISION_SIGNED = "decision_signed", _("Quyết định đã được ký")
    REGISTRATION_REMINDER = "registration_reminder", _("Nhắc đăng ký thi đua")
    RECOMMENDATION_OVERDUE = "recommendation_overdue", _("Kiến nghị sau kiểm tra quá hạn")
    GENERAL = "general", _("Thông báo chung")


class Notification(models.Model):
    """An in-app notice; also e-mailed when the user asked for that kind by e-mail."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=32, choices=NotificationKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("liên kết"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")

    def __str__(self):
        return self.title


class EmailPreference(models.Model):
    """Which kinds of notice a user also wants by e-mail (default: all)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="email_preferences")
    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    by_email = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_pref_unique")]


class OutboundEmail(models.Model):
    """One e-mail to send (the outbox): written in the transaction that caused it, sent by a
    task (``accounts.tasks.send_email``) with retries and backoff; "sent" only once the SMTP
    server accepted it. Failures stay here for the administrator (/tai-khoan/thu-di/)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    notification = models.ForeignKey(Notification, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="emails", verbose_name=_("thông báo"))
    to = models.EmailField(_("gửi đến"))
    subject = models.CharField(_("tiêu đề"), max_length=250)
    body = models.TextField(_("nội dung"))
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.PENDING,
                              db_index=True)
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi lần thử gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("thử lần cuối lúc"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")

    def __str__(self):
        return f"{self.subject} → {self.to}"
