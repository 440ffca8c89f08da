import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TemplateKind
from .reports.sections import SectionSpec

MIN_YEAR, MAX_YEAR = 2000, 2100


def _this_year() -> int:
    return datetime.date.today().year


class _PeriodForm(forms.Form):
    """From year ``tu`` to year ``den``: one to ten years, the first before the last."""

    tu = forms.IntegerField(label=_("Từ năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    den = forms.IntegerField(label=_("Đến năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    period_error = _("Kỳ báo cáo phải từ 1 đến 10 năm, năm đầu trước năm cuối.")

    def clean(self):
        data = super().clean()
        tu, den = data.get("tu"), data.get("den")
        if tu and den and not 0 <= den - tu <= 9:
            raise forms.ValidationError(self.period_error)
        return data


class FiveYearForm(_PeriodForm):
    pass


class AnnualForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)


PROPOSALS = [
    ("Chiến sĩ thi đua cơ sở", _("Chiến sĩ thi đua cơ sở")),
    ("Lao động tiên tiến", _("Lao động tiên tiến")),
    ("Chiến sĩ thi đua cấp tỉnh", _("Chiến sĩ thi đua cấp tỉnh")),
    ("Giấy khen của Chủ tịch UBND xã", _("Giấy khen của Chủ tịch UBND xã")),
    ("Bằng khen của Chủ tịch UBND tỉnh, thành phố", _("Bằng khen của Chủ tịch UBND tỉnh, thành phố")),
    ("Bằng khen của Thủ tướng Chính phủ", _("Bằng khen của Thủ tướng Chính phủ")),
]


class AchievementForm(_PeriodForm):
    de_nghi = forms.ChoiceField(label=_("Đề nghị"), choices=PROPOSALS)
    period_error = _("Giai đoạn phải từ 1 đến 10 năm, năm đầu trước năm cuối.")
    field_order = ["de_nghi", "tu", "den"]


class TemplateUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=TemplateKind.choices)
    file = forms.FileField(label=_("Tệp mẫu (.docx)"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("Chỉ nhận tệp .docx."))
        if f.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp mẫu quá lớn (tối đa 5 MB)."))
        return f


class SectionsForm(forms.Form):
    """One textarea per narrative section of a report."""

    def __init__(self, *args, specs: list[SectionSpec], **kwargs):
        super().__init__(*args, **kwargs)
        self.specs = specs
        for spec in specs:
            rows = 2 if spec.key in ("signer_name",) else 4 if spec.key.startswith(("lead_", "signer")) else 8
            self.fields[spec.key] = forms.CharField(label=spec.label, help_text=spec.help, required=False,
                                                    max_length=50_000, widget=forms.Textarea(attrs={"rows": rows}))


class DecisionDraftForm(forms.Form):
    """The parts of a decision a person writes; the rest comes from the data."""

    title = forms.CharField(label=_("Trích yếu"), max_length=300,
                            help_text=_("Ví dụ: Về việc tặng Giấy khen năm 2025"))
    legal_bases = forms.CharField(label=_("Căn cứ ban hành (mỗi dòng một căn cứ)"),
                                  widget=forms.Textarea(attrs={"rows": 7}))
    articles = forms.CharField(label=_("Các điều (mỗi dòng một điều, bắt đầu “Điều 1.”)"),
                               widget=forms.Textarea(attrs={"rows": 8}))
    recipients = forms.CharField(label=_("Nơi nhận (mỗi dòng một nơi)"), widget=forms.Textarea(attrs={"rows": 4}))
    register_number = forms.IntegerField(
        label=_("Số theo sổ đăng ký văn bản đi"), required=False, min_value=1,
        help_text=_("Để trống: lấy số tiếp theo của sổ khi Chủ tịch ký. Ghi số khi văn thư đã cấp số trong sổ."))

    @classmethod
    def from_texts(cls, texts: dict, data=None):
        initial = {"title": texts["title"], "legal_bases": "\n".join(texts["legal_bases"]),
                   "articles": "\n".join(texts["articles"]), "recipients": "\n".join(texts["recipients"]),
                   "register_number": texts["register_number"]}
        return cls(data, initial=initial)
