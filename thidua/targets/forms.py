from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from thidua.org.forms import DateInput
from thidua.rules import codes

from .models import Target
from .services import parse_number


class NumberField(forms.CharField):
    """A number typed the Vietnamese way ('96,5') or the other ('96.5')."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in ("", None):
            return None
        return parse_number(value)


def level_field(target: Target, *, label) -> forms.TypedChoiceField:
    """The value of a target reached by levels (``REACH``): one of its levels, chosen by name."""
    return forms.TypedChoiceField(label=label, required=False, coerce=parse_number, empty_value=None,
                                  choices=[("", "—")] + [(str(i), name) for i, name in enumerate(target.levels)])


class ActualForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    actual = NumberField(label=_("Giá trị thực hiện"), required=False,
                         help_text=_("Để trống để xóa giá trị đã nhập."))
    note = forms.CharField(label=_("Nguồn số liệu, ghi chú"), max_length=300, required=False)

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        if target.direction == Target.Direction.REACH:
            self.fields["actual"] = level_field(target, label=_("Mức đạt được"))


class PlannedForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    planned = NumberField(label=_("Giá trị kế hoạch"), required=False)
    strict = forms.TypedChoiceField(label=_("Cách so sánh"), required=False, empty_value=None,
                                    coerce=lambda v: v == "1",
                                    choices=[("", _("Theo chỉ tiêu")), ("1", _("Vượt hẳn (trên/dưới)")),
                                             ("0", _("Đạt (từ/không quá)"))])

    def __init__(self, *args, target: Target, **kwargs):
        super().__init__(*args, **kwargs)
        if target.direction == Target.Direction.REACH:
            self.fields["planned"] = level_field(target, label=_("Mức phải đạt"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp số liệu (.xlsx hoặc .csv)"),
                           help_text=_("Các cột: Mã chỉ tiêu, Năm, Giá trị, Ghi chú (dòng đầu là tiêu đề)."))


class OpenReviewForm(forms.Form):
    village = forms.ModelChoiceField(label=_("Thôn"), queryset=None)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)

    def __init__(self, *args, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages


class MeetingForm(forms.Form):
    meeting_date = forms.DateField(label=_("Ngày họp thôn"), widget=DateInput())
    attendance = forms.IntegerField(label=_("Số người dự họp"), min_value=0, required=False)
    chair = forms.CharField(label=_("Chủ trì"), max_length=150, required=False)
    note = forms.CharField(label=_("Ghi chú biên bản"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HouseholdResultForm(forms.Form):
    proposed = forms.TypedChoiceField(label=_("Kết quả họp thôn"), coerce=lambda v: v == "1",
                                      choices=[("1", _("Đề nghị công nhận")), ("0", _("Không đề nghị"))])
    movement_ok = forms.BooleanField(label=_("Tích cực tham gia phong trào thi đua, sinh hoạt cộng đồng"),
                                     required=False)
    prosperous_ok = forms.BooleanField(label=_("Gia đình no ấm, hòa thuận, tiến bộ, đoàn kết"), required=False)
    exclusions = forms.MultipleChoiceField(label=_("Trường hợp loại trừ (Nghị định 86/2023/NĐ-CP)"), required=False,
                                           choices=codes.HouseholdExclusion.choices(),
                                           widget=forms.CheckboxSelectMultiple)
    exclusion_note = forms.CharField(label=_("Ghi chú (căn cứ, quyết định xử phạt…)"), max_length=300, required=False)


class DecisionForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    signer_name = forms.CharField(label=_("Người ký"), max_length=150)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, initial="Chủ tịch UBND xã")


class VillageTitleForm(forms.Form):
    criteria_met = forms.TypedChoiceField(label=_("Kết quả xét các tiêu chí Thôn văn hóa"), coerce=lambda v: v == "1",
                                          choices=[("1", _("Đạt — công nhận Thôn văn hóa")),
                                                   ("0", _("Không đạt — không công nhận"))])
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput(), required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("criteria_met") and not (data.get("decision_number") and data.get("decision_date")):
            raise ValidationError(_("Công nhận Thôn văn hóa phải ghi số và ngày quyết định."))
        return data


class ParameterForm(forms.Form):
    value = NumberField(label=_("Giá trị mới"))
    source_note = forms.CharField(label=_("Nguồn của giá trị mới"), max_length=300,
                                  help_text=_("Văn bản, điều, khoản làm căn cứ."))
