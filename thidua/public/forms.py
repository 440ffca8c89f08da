from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import visible_organisations, visible_people
from thidua.core.files import MAX_PUBLIC_UPLOAD_BYTES
from thidua.org.forms import DateInput
from thidua.org.models import Organisation

from .images import MAX_BYTES
from .models import Exemplar, Sector


class ExemplarForm(forms.ModelForm):
    class Meta:
        model = Exemplar
        fields = ["person", "organisation", "display_name", "role_line", "sector", "headline", "story",
                  "achievements", "land_m2", "money_vnd", "production_model", "ocop_product",
                  "consent_to_publish", "consent_note"]
        widgets = {"story": forms.Textarea(attrs={"rows": 8}), "achievements": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = visible_people(user).order_by("full_name")
        self.fields["organisation"].queryset = visible_organisations(user).exclude(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.OTHER_BODY])

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("organisation"):
            self.add_error("organisation", _("Chọn một cá nhân hoặc một tập thể, không chọn cả hai."))
        return data


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Ảnh (JPEG, PNG, WEBP, GIF)"),
                            help_text=_("Tối đa %(mb)s MB. Thông tin vị trí, máy ảnh trong tệp được xóa khi lưu.")
                            % {"mb": MAX_BYTES // (1024 * 1024)},
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}))
    alt_text = forms.CharField(label=_("Mô tả ảnh (cho người dùng trình đọc màn hình)"), max_length=250)
    caption = forms.CharField(label=_("Chú thích"), max_length=250, required=False)


class PublishForm(forms.Form):
    published_on = forms.DateField(label=_("Ngày công bố"), widget=DateInput())


class VerifyForm(forms.Form):
    ma = forms.CharField(label=_("Mã xác minh in trên giấy khen, bằng khen"), max_length=64)


class SignedPdfForm(forms.Form):
    MAX_BYTES = MAX_PUBLIC_UPLOAD_BYTES
    tep = forms.FileField(label=_("Tệp PDF quyết định có chữ ký số"))

    def clean_tep(self):
        upload = self.cleaned_data["tep"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": self.MAX_BYTES // 1048576})
        data = upload.read()
        if not data.lstrip()[:5] == b"%PDF-":
            raise forms.ValidationError(_("Tệp không phải là PDF."))
        return data


class PromoteForm(forms.Form):
    sector = forms.ChoiceField(label=_("Lĩnh vực"), choices=Sector.choices)
    consent_note = forms.CharField(label=_("Căn cứ đồng ý công bố"), max_length=250,
                                   help_text=_("Ai đồng ý, bằng hình thức nào, ngày nào."))
