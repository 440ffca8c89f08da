from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import can_edit_in, visible_organisations
from thidua.awards.engine import current_parameters
from thidua.awards.models import AwardType
from thidua.org.forms import DateInput
from thidua.org.models import Household, Organisation, Person
from thidua.rules import codes

from .models import AwardRound, Ballot, CouncilMember, Meeting

TEXTAREA = forms.Textarea(attrs={"rows": 4})


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Tên đợt"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại đợt"), choices=codes.RoundKind.choices())
    year = forms.IntegerField(label=_("Năm thi đua"), min_value=2000, max_value=2100)
    period_label = forms.CharField(label=_("Niên độ (năm học)"), max_length=20, required=False)
    movement_name = forms.CharField(label=_("Phong trào (đợt chuyên đề)"), max_length=200, required=False)
    deadline = forms.DateField(label=_("Hạn nộp hồ sơ"), widget=DateInput())
    publicity_days = forms.IntegerField(label=_("Số ngày công khai"), min_value=1, max_value=60)

    def __init__(self, *args, commune=None, **kwargs):
        """The publicity length starts from the province's rule (a catalogue parameter), with
        the article it rests on shown beside it."""
        from thidua.awards.engine import current_parameters
        from thidua.awards.regulation import citation_for

        super().__init__(*args, **kwargs)
        field = self.fields["publicity_days"]
        field.initial = current_parameters(cite_province=False).publicity_days
        field.help_text = _("Mặc định theo quy định: %(days)s ngày (%(source)s).") % {
            "days": field.initial, "source": citation_for("publicity_days", commune)}


class DossierCreateForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=Organisation.objects.none())

    def __init__(self, *args, user, award_round: AwardRound, **kwargs):
        super().__init__(*args, **kwargs)
        units = visible_organisations(user).filter(path__startswith=award_round.commune.path,
                                                   valid_until__isnull=True)
        self.fields["unit"].queryset = units.order_by("name")
        if user.unit_id and can_edit_in(user, user.unit):
            self.fields["unit"].initial = user.unit_id


class MinutesForm(forms.Form):
    unit_minutes = forms.CharField(label=_("Biên bản họp xét của đơn vị"), widget=forms.Textarea(attrs={"rows": 8}),
                                   required=False, help_text=_("Tóm tắt biên bản, kết quả bình xét; bản có chữ ký "
                                                               "đính kèm dưới dạng tệp."))


class NominationForm(forms.Form):
    subject = forms.ChoiceField(label=_("Đối tượng"))
    award_type = forms.ModelChoiceField(label=_("Danh hiệu, hình thức đề nghị"), queryset=AwardType.objects.none())

    def __init__(self, *args, unit: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(Q(memberships__organisation__path__startswith=unit.path)
                                       | Q(household__village__path__startswith=unit.path)).distinct()
        units = Organisation.objects.filter(path__startswith=unit.path, valid_until__isnull=True).exclude(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.OTHER_BODY])
        households = Household.objects.filter(village__path__startswith=unit.path).select_related("village")
        self.fields["subject"].choices = [
            ("", "—"),
            (_("Cá nhân"), [(f"person:{p.pk}", p.full_name) for p in people.order_by("full_name")]),
            (_("Tập thể"), [(f"organisation:{o.pk}", o.name) for o in units.order_by("name")]),
            (_("Hộ gia đình"), [(f"household:{h.pk}", str(h)) for h in households]),
        ]
        self._models = {"person": people, "organisation": units, "household": households}
        proposable = [code for code in current_parameters().authorities]
        self.fields["award_type"].queryset = AwardType.objects.filter(code__in=proposable).order_by("kind", "-rank")

    def clean_subject(self):
        kind, _, pk = self.cleaned_data["subject"].partition(":")
        subject = self._models.get(kind, Person.objects.none()).filter(pk=pk if pk.isdecimal() else None).first()
        if subject is None:
            raise forms.ValidationError(_("Hãy chọn một đối tượng của đơn vị."))
        return subject


class ReportForm(forms.Form):
    """The achievement report in two parts: what the record says (pre-filled) and the year's
    achievements the unit writes. The guidance is the placeholder of the second part, so it is
    never saved (``reports.join`` puts the year's heading between the two)."""

    record = forms.CharField(label=_("Phần lập sẵn từ hồ sơ"), widget=forms.Textarea(attrs={"rows": 12}),
                             required=False,
                             help_text=_("Chức vụ, xếp loại, danh hiệu, sáng kiến — lấy từ hồ sơ; sửa nếu chưa đúng."))
    achievements = forms.CharField(label=_("Thành tích năm"), widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args, year: int, required: bool = True, **kwargs):
        """``required``: the nomination's kind needs a report (rules.dossiers); for LĐTT and
        TTLĐTT the page stays reachable, and the report optional."""
        from .reports import GUIDANCE

        super().__init__(*args, **kwargs)
        field = self.fields["achievements"]
        field.required = required
        field.label = _("Thành tích năm %(year)s") % {"year": year}
        field.widget.attrs["placeholder"] = GUIDANCE.format(year=year)
        field.help_text = _("Chỉ ghi thành tích; phần hướng dẫn mờ trong ô không được lưu vào báo cáo.")
        field.error_messages["required"] = _("Hãy ghi thành tích năm %(year)s.") % {"year": year}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=TEXTAREA)


class AttachmentForm(forms.Form):
    description = forms.CharField(label=_("Nội dung tệp"), max_length=200)
    file = forms.FileField(label=_("Tệp (PDF, ảnh JPEG/PNG, Word DOCX)"))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=TEXTAREA)


class DayForm(forms.Form):
    day = forms.DateField(label=_("Ngày ký"), widget=DateInput(), initial=timezone.localdate)


class SignForm(DayForm):
    confirmed = forms.BooleanField(label=_("Tôi đã đọc cảnh báo và xác nhận ký"), required=False)
    seen = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)  # the draft previewed


class AgendaForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Phiên họp Hội đồng"), queryset=Meeting.objects.none())

    def __init__(self, *args, meetings, dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.fields["meeting"].queryset = Meeting.objects.filter(pk__in=[m.pk for m in meetings])

    def clean_meeting(self):
        from .workflow import meeting_date_refusal

        meeting = self.cleaned_data["meeting"]
        refusal = meeting_date_refusal(self.dossier, meeting) if self.dossier is not None else None
        if refusal:
            raise forms.ValidationError(refusal)
        return meeting


class ProvinceDecisionForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=60)
    day = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    issuer_name = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    approved = forms.MultipleChoiceField(label=_("Được khen thưởng"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, passed, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = {str(n.pk): n for n in passed}
        self.fields["approved"].choices = [(str(n.pk), f"{n.subject} — {n.award_type.name}") for n in passed]
        self.fields["approved"].initial = list(self.passed)

    def clean_approved(self):
        return [self.passed[pk] for pk in self.cleaned_data["approved"]]


class PublicObjectionForm(forms.Form):
    nomination = forms.ChoiceField(label=_("Về đề nghị"), required=False)
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    contact = forms.CharField(label=_("Số điện thoại hoặc email"), max_length=150,
                              help_text=_("Để cán bộ trả lời ý kiến của bạn; không được công khai."))
    content = forms.CharField(label=_("Nội dung ý kiến"), widget=TEXTAREA, max_length=4000)
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # left empty by people, filled by bots

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominations = {str(n.pk): n for n in nominations}
        self.fields["nomination"].choices = [("", _("Cả danh sách"))] + [
            (str(n.pk), f"{n.public_name} — {n.award_type.name}") for n in nominations]

    def clean_nomination(self):
        return self.nominations.get(self.cleaned_data["nomination"])


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Ngày họp"), widget=DateInput(), initial=timezone.localdate)
    starts_at = forms.TimeField(label=_("Giờ họp"), required=False, input_formats=["%H:%M", "%H giờ %M", "%Hh%M", "%H:%M:%S"],
                                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                                help_text=_("In trên giấy mời họp, ví dụ 14:00."))
    location = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Thành viên có mặt"), widget=forms.CheckboxSelectMultiple,
                                        required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(str(m.pk), f"{m.name} — {m.get_role_display()}") for m in members]


class WrittenOpinionForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Thành viên vắng mặt"), queryset=CouncilMember.objects.none())
    nomination = forms.ChoiceField(label=_("Đề nghị"))
    agrees = forms.TypedChoiceField(label=_("Ý kiến"), coerce=lambda v: v == "yes",
                                    choices=[("yes", _("Đồng ý")), ("no", _("Không đồng ý"))])
    text = forms.CharField(label=_("Nội dung (tóm tắt văn bản)"), widget=forms.Textarea(attrs={"rows": 2}),
                           required=False)

    def __init__(self, *args, absent, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = CouncilMember.objects.filter(pk__in=[m.pk for m in absent])
        self.nominations = {str(n.pk): n for n in nominations}
        self.fields["nomination"].choices = [(str(n.pk), f"{n.subject} — {n.award_type.name}") for n in nominations]

    def clean_nomination(self):
        return self.nominations[self.cleaned_data["nomination"]]


class BallotPaperForm(forms.Form):
    """A member's secret ballot paper: one Đồng ý / Không đồng ý choice per nominee on it. A
    nominee left blank is refused by the service with the nominees named (no partial paper)."""

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        for n in nominations:
            self.fields[f"n{n.pk}"] = forms.ChoiceField(
                label=f"{n.subject} — {n.award_type.name}", choices=Ballot.Choice.choices,
                widget=forms.RadioSelect, required=False)

    def choices(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items() if value}

    def mark_blank(self) -> None:
        """After a refused paper: flag each nominee left blank (the choices made are kept)."""
        for name in self.fields:
            if not self.data.get(name) and name not in self.errors:
                self.add_error(name, _("Chưa chọn Đồng ý hoặc Không đồng ý."))


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Mã xác nhận phiếu"), max_length=40)


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Căn cứ, lý do thu hồi"), widget=TEXTAREA)
    nominations = forms.MultipleChoiceField(label=_("Thu hồi khen thưởng của"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, awarded, **kwargs):
        super().__init__(*args, **kwargs)
        self.awarded = {str(n.pk): n for n in awarded}
        self.fields["nominations"].choices = [(str(n.pk), f"{n.subject} — {n.award_type.name}") for n in awarded]

    def clean_nominations(self):
        return [self.awarded[pk] for pk in self.cleaned_data["nominations"]]


class TermForm(forms.Form):
    name = forms.CharField(label=_("Tên nhiệm kỳ"), max_length=200)
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    end = forms.DateField(label=_("Đến ngày"), widget=DateInput(), required=False)
    written_opinions_count = forms.BooleanField(
        label=_("Tính ý kiến bằng văn bản của thành viên vắng mặt vào kết quả"), required=False)


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Tài khoản"), queryset=None)
    role = forms.ChoiceField(label=_("Vai trò"), choices=CouncilMember.Role.choices)

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name()} — {u.title or u.get_role_display()}"


class RegisterForm(forms.Form):
    """Where the UBND's register of outgoing documents continues (sổ đăng ký văn bản đi)."""

    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year)
    series = forms.ChoiceField(label=_("Ký hiệu"), choices=[("QĐ-UBND", "QĐ-UBND (quyết định)"),
                                                           ("TTr-UBND", "TTr-UBND (tờ trình)")])
    next_number = forms.IntegerField(label=_("Số tiếp theo trong sổ"), min_value=1,
                                     help_text=_("Ví dụ: sổ đã ghi đến số 742 thì số tiếp theo là 743."))
