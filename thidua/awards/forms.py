from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import visible_organisations
from thidua.core.legacy import LegacyTextFormMixin
from thidua.org.forms import DateInput
from thidua.org.models import Organisation

from .models import AwardType, RuleParameter
from .candidates import ALL_TARGETS
from thidua.rules import codes
from thidua.core.text import collation_key


class CandidateFilterForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    don_vi = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Organisation.objects.none(), required=False,
                                    empty_label=_("Toàn bộ phạm vi"))
    doi_tuong = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = visible_organisations(user).exclude(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.OTHER_BODY])
        self.fields["don_vi"].queryset = units
        communes = units.filter(kind=Organisation.Kind.COMMUNE)
        if communes[1:2].exists():  # a province's scope: the list offers its communes, not ~3.000 units
            offered = communes.filter(valid_until__isnull=True)
            chosen = self.data.get("don_vi") if self.is_bound else None
            if chosen and str(chosen).isdecimal():
                offered = offered | units.filter(pk=int(chosen))
            self.fields["don_vi"].widget.choices = [("", self.fields["don_vi"].empty_label)] + [
                (o.pk, o.name) for o in sorted(offered.order_by(), key=lambda o: collation_key(o.name))]
        self.fields["doi_tuong"].choices = [("", _("Tất cả"))] + [(c, codes.label_of(c)) for c in ALL_TARGETS]


class ParameterForm(forms.ModelForm):
    source_note = forms.CharField(label=_("Nguồn của giá trị mới"), widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Văn bản, điều, khoản làm căn cứ."))

    class Meta:
        model = RuleParameter
        fields = ["value_text"]


class BaseSalaryForm(forms.Form):
    effective_from = forms.DateField(label=_("Áp dụng từ ngày"), widget=DateInput())
    amount = forms.IntegerField(label=_("Mức lương cơ sở (đồng)"), min_value=1)
    article = forms.CharField(label=_("Căn cứ"), max_length=200)


class AwardForm(LegacyTextFormMixin, forms.Form):
    award_type = forms.ModelChoiceField(label=_("Danh hiệu, hình thức"), queryset=AwardType.objects.all())
    year = forms.IntegerField(label=_("Năm thi đua"), min_value=1990, max_value=2100)
    period_label = forms.CharField(label=_("Niên độ (nếu có)"), max_length=20, required=False)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DateInput())
    issuer_name = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    amount = forms.IntegerField(label=_("Tiền thưởng (đồng)"), min_value=0, required=False)
    round_kind = forms.ChoiceField(label=_("Đợt"), choices=codes.RoundKind.choices())


class DisciplineForm(LegacyTextFormMixin, forms.Form):
    form = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=codes.DisciplineForm.choices())
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    end = forms.DateField(label=_("Đến ngày (hết thời hạn kỷ luật)"), widget=DateInput())
    decision_number = forms.CharField(label=_("Số quyết định kỷ luật"), max_length=60, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class PendingMatterForm(LegacyTextFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại việc"), choices=codes.PendingMatter.choices())
    opened_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    note = forms.CharField(label=_("Nội dung"), max_length=255, required=False)


class CloseMatterForm(forms.Form):
    closed_on = forms.DateField(label=_("Kết thúc ngày"), widget=DateInput())


# Labels that start with distinct letters, so that a rating is chosen with one key press in the
# grid (X, T, H, K), the code kept beside them as it is written in the units' minutes.
RATING_KEYS = {"HTXSNV": "Xuất sắc", "HTTNV": "Tốt", "HTNV": "Hoàn thành", "KHTNV": "Không hoàn thành"}
RATING_CHOICES = [(m.value, f"{RATING_KEYS[m.value]} ({m.value})") for m in codes.Rating]


class PersonRatingForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    rating = forms.ChoiceField(label=_("Xếp loại"), choices=[("", "—")] + RATING_CHOICES, required=False,
                               help_text=_("Để trống để xóa xếp loại của năm này."))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class ReturnSheetForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=255)

class RegulationForm(forms.Form):
    """The province's regulation on emulation & commendation, the article of each provincial
    rule, and the council's vote rule (entered by the administrator)."""

    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=Organisation.objects.none())
    document_kind = forms.CharField(label=_("Loại văn bản"), max_length=40, initial="Quyết định")
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 12/2025/QĐ-UBND."))
    signed_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200,
                             help_text=_("Ví dụ: Ủy ban nhân dân thành phố Hải Phòng."))
    title = forms.CharField(label=_("Trích yếu"), max_length=300, required=False)
    council_vote_rule = forms.ChoiceField(
        label=_("Hội đồng thông qua đề nghị Chiến sĩ thi đua, Cờ thi đua khi"), widget=forms.RadioSelect,
        choices=[("share", _("Đạt tỷ lệ phiếu đồng ý trên tổng số thành viên Hội đồng (tỷ lệ trong danh mục tham số)")),
                 ("majority", _("Được quá nửa số thành viên dự họp đồng ý"))])

    def __init__(self, *args, **kwargs):
        from thidua.rules.articles import PROVINCIAL_RULES

        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.CITY, valid_until__isnull=True).order_by("name")
        for key, (label, default) in PROVINCIAL_RULES.items():
            self.fields[f"dieu_{key}"] = forms.CharField(
                label=label, max_length=120, required=False,
                help_text=_("Điều, khoản của quy định tỉnh. Để trống: trích dẫn %(default)s.") % {"default": default})

    def rule_fields(self):
        return [self[name] for name in self.fields if name.startswith("dieu_")]

    def articles(self) -> dict[str, str]:
        return {name.removeprefix("dieu_"): value for name, value in self.cleaned_data.items()
                if name.startswith("dieu_")}
