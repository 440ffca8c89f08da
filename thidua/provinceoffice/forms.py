from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import IdsChoiceField
from thidua.org.forms import DateInput

from . import figures, selectors

MAX_UPLOAD = 10 * 1024 * 1024
IMPORT_KINDS = [("ca-nhan", _("Danh sách cá nhân (kèm đơn vị, chức vụ)")), ("don-vi", _("Danh sách cơ quan, đơn vị")),
                ("xep-loai", _("Xếp loại hằng năm")), ("so-khen-thuong", _("Sổ khen thưởng (khen thưởng đã có)"))]


class CommuneForm(forms.Form):
    name = forms.CharField(label=_("Tên xã, phường"), max_length=200, help_text=_("Ví dụ: Xã Nam Thanh Miện, Phường Hồng Bàng."))
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=80, required=False)
    valid_from = forms.DateField(label=_("Hoạt động từ ngày"), required=False, widget=DateInput,
                                 help_text=_("Bắt buộc khi xã, phường được thành lập do sáp nhập."))
    note = forms.CharField(label=_("Ghi chú (nghị quyết thành lập, sắp xếp)"), max_length=500, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, province, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["former"] = IdsChoiceField(
            selectors.merger_choices(province), label=_("Các xã, phường cũ sáp nhập vào"), required=False,
            widget=forms.SelectMultiple(attrs={"size": 8}),
            help_text=_("Giữ phím Ctrl để chọn nhiều xã. Lịch sử của xã cũ được giữ và thuộc về xã, phường mới."))


class MergerForm(forms.Form):
    merged_on = forms.DateField(label=_("Ngày sáp nhập (xã mới bắt đầu hoạt động)"), widget=DateInput)

    def __init__(self, *args, province, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["former"] = forms.ModelChoiceField(
            selectors.merger_choices(province).exclude(pk=commune.pk), label=_("Xã, phường cũ sáp nhập vào xã này"),
            empty_label=_("— chọn xã, phường —"))
        self.order_fields(["former", "merged_on"])


class CommuneAdminForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150, help_text=_("Chữ không dấu, số và . @ + - _"))
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)


class CommuneImportForm(forms.Form):
    loai = forms.ChoiceField(label=_("Loại dữ liệu"), choices=IMPORT_KINDS)
    tep = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu nhập dữ liệu"))

    def clean_tep(self):
        f = self.cleaned_data["tep"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Tệp lớn quá 10 MB; hãy chia nhỏ."))
        return f


class TargetForm(forms.Form):
    key = forms.ChoiceField(label=_("Chỉ tiêu"), choices=[(m.key, m.label) for m in figures.METRICS])
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, choices=[(y, str(y)) for y in range(2026, 2031)])
    planned = forms.DecimalField(label=_("Mức mỗi xã phải đạt (%)"), min_value=0, max_value=100, decimal_places=1,
                                 max_digits=4, required=False, localize=True,
                                 help_text=_("Để trống để bỏ chỉ tiêu năm đó. Tỷ lệ lãnh đạo và sử dụng quỹ là mức "
                                             "tối đa; các tỷ lệ khác là mức tối thiểu."))
