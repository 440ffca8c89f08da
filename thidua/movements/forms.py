from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import visible_organisations
from thidua.core.fields import IdsChoiceField
from thidua.org.forms import DateInput
from thidua.org.models import Organisation

from .files import validate_evidence, validate_plan_document
from .models import Band, Criterion, CriteriaSet, Movement, MovementResult, Pact
from .services import parse_points
from .titles import NON_COMPETING_KINDS, TOP_AWARD_CHOICES, collective_titles_for, individual_titles_for


class PointsField(forms.Field):
    """Points typed the Vietnamese way ("9,5") or with a dot."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 8}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if len(str(value)) > 20:
            raise ValidationError(_("Số quá dài."), code="too_long")
        return parse_points(value)


_GROUPED = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")


class AmountField(PointsField):
    """A result's value, Vietnamese style: '3.450.000.000', '1.500' (thousands), '98,5';
    a single dot before other than three digits is a decimal point ('98.5')."""

    def to_python(self, value):
        text = str(value or "").strip().replace(" ", "").replace("\u00a0", "")
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "")
        return super().to_python(text)


def _commune_units(user):
    return visible_organisations(user).exclude(kind__in=NON_COMPETING_KINDS).filter(valid_until__isnull=True)


class ServiceForm(forms.ModelForm):
    """A model form whose fields a service takes as keyword arguments (the service writes)."""
    service_excludes: tuple[str, ...] = ()

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in self.service_excludes}


class MovementForm(ServiceForm):
    plan_document = forms.FileField(label=_("Kế hoạch phát động (PDF hoặc DOCX, tối đa 10 MB)"), required=False,
                                    validators=[validate_plan_document])
    # A plan file uploaded with a refused submission, kept on the server (HeldUpload).
    held_plan = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    service_excludes = ("participants",)  # a separate argument of the services

    class Meta:
        model = Movement
        fields = ["name", "level", "launched_by", "organiser", "kind", "year", "theme", "start_date", "end_date",
                  "launched_on", "description", "participants"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "launched_on": DateInput(),
                   "description": forms.Textarea(attrs={"rows": 4}), "theme": forms.TextInput(),
                   "participants": forms.SelectMultiple(attrs={"size": 8})}
        field_classes = {"participants": IdsChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = _commune_units(user)
        self.fields["organiser"].queryset = units
        self.fields["participants"].queryset = units
        if not self.instance.pk:
            self.fields["launched_on"].initial = timezone.localdate()

    def new_plan(self):
        """The plan file uploaded with this submission, if it passed its checks."""
        if "plan_document" in self.errors:
            return None
        return getattr(self, "cleaned_data", {}).get("plan_document")

    def hold(self, held) -> None:
        """Re-render the refused form with the held file named, so it is not sent again."""
        self.data = self.data.copy()
        self.data["held_plan"] = str(held.pk)
        self.fields["plan_document"].help_text = _("Đã tải lên: %(name)s — không cần chọn lại tệp; chọn tệp khác "
                                                   "nếu muốn thay.") % {"name": held.original_name}
        for name in ("plan_document", "held_plan"):  # bound fields read these when first made
            self._bound_fields_cache.pop(name, None)


class StepForm(forms.Form):
    to_state = forms.ChoiceField(label=_("Chuyển sang"))
    on = forms.DateField(label=_("Ngày"), widget=DateInput())
    note = forms.CharField(label=_("Ghi chú (số, ngày văn bản…)"), required=False, max_length=500)

    def __init__(self, *args, movement: Movement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(s, Movement.State(s).label) for s in movement.next_states]
        self.fields["on"].initial = timezone.localdate()


class ResultForm(ServiceForm):
    value = AmountField(label=_("Giá trị"), required=False,
                        help_text=_("Ví dụ: 41; 3.450.000.000; 98,5. Để trống nếu là kết quả định tính."))

    class Meta:
        model = MovementResult
        fields = ["indicator", "comparator", "value", "unit", "organisation", "period", "note", "order"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_organisations(user).order_by("name")


class PeriodForm(forms.Form):
    deadline = forms.DateField(label=_("Hạn đăng ký"), widget=DateInput())
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("Mở đăng ký đến ngày"), widget=DateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=500)


class ReminderForm(forms.Form):
    message = forms.CharField(label=_("Nội dung nhắc (để trống: nội dung mặc định)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class RegistrationForm(forms.Form):
    """The unit's collective title and, per current member, an individual title."""

    title = forms.ChoiceField(label=_("Danh hiệu tập thể đăng ký"))

    def __init__(self, *args, organisation: Organisation, members, by_person: dict, collective=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].choices = [("", _("— chọn danh hiệu —"))] + [
            (t.value, t.label) for t in collective_titles_for(organisation)]
        if collective is not None:
            self.fields["title"].initial = collective.title
        self.members = members
        for m in members:
            person = m.person
            name = f"person_{person.pk}"
            self.fields[name] = forms.ChoiceField(
                label=person.full_name, required=False,
                choices=[("", _("— không đăng ký —"))] + [(t.value, t.label) for t in individual_titles_for(person)])
            self.fields[name].initial = by_person.get(person.pk, "")
            self.fields[name].position = m.position

    def member_fields(self):
        return [self[f"person_{m.person.pk}"] for m in self.members]

    def cleaned_members(self) -> dict:
        return {m.person: self.cleaned_data.get(f"person_{m.person.pk}", "") for m in self.members}


class PactForm(forms.ModelForm):
    class Meta:
        model = Pact
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput())
    signatory = forms.CharField(label=_("Người ký (thủ trưởng đơn vị)"), required=False, max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = timezone.localdate()


class CriteriaSetForm(ServiceForm):
    movement = forms.ModelChoiceField(label=_("Phong trào thi đua"), queryset=Movement.objects.none(),
                                      help_text=_("Phong trào mà bộ tiêu chí này dùng để chấm điểm."))
    band_xuat_sac = PointsField(label=_("Xuất sắc: từ (điểm)"))
    band_tot = PointsField(label=_("Tốt: từ (điểm)"))
    band_hoan_thanh = PointsField(label=_("Hoàn thành: từ (điểm)"))
    band_chua_hoan_thanh = PointsField(label=_("Chưa hoàn thành: từ (điểm)"), initial="0")

    class Meta:
        model = CriteriaSet
        fields = ["name", "movement", "top_award", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2}), "top_award": forms.Select(choices=TOP_AWARD_CHOICES)}

    def __init__(self, *args, movements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = movements
        if self.instance.pk:
            for band in self.instance.bands.all():
                self.fields[f"band_{band.code}"].initial = str(band.min_points).replace(".", ",")

    def bands(self) -> dict[str, Decimal]:
        return {code: self.cleaned_data[f"band_{code}"] for code in Band.Code.values}


class NewCriteriaSetForm(CriteriaSetForm):
    block = forms.ModelChoiceField(label=_("Khối thi đua"), queryset=None)

    class Meta(CriteriaSetForm.Meta):
        fields = ["block", "movement", "name", "top_award", "note"]

    def __init__(self, *args, blocks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = blocks


class CriterionForm(ServiceForm):
    max_points = PointsField(label=_("Điểm tối đa (điểm trừ: số điểm trừ tối đa)"))

    class Meta:
        model = Criterion
        fields = ["group", "code", "text", "kind", "max_points", "evidence_required", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class SelfScoreForm(forms.Form):
    points = PointsField(label=_("Điểm tự chấm"), required=False)
    note = forms.CharField(label=_("Giải trình"), required=False, max_length=2000)
    evidence = forms.FileField(label=_("Minh chứng"), required=False, validators=[validate_evidence])


class ReviewForm(forms.Form):
    points = PointsField(label=_("Điểm Hội đồng chấm"))
    reason = forms.CharField(label=_("Lý do sửa điểm"), required=False, max_length=2000)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=2000)


class RescoreForm(forms.Form):
    reason = forms.CharField(label=_("Lý do chấm lại theo phiên bản mới"), max_length=2000)
