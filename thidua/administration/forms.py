from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from thidua.accounts.models import Role, User
from thidua.org.forms import DateInput
from thidua.org.models import Person

from . import selectors


class AccountForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150,
                               help_text=_("Chữ không dấu, số và . @ + - _"))
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    title = forms.CharField(label=_("Chức danh"), max_length=150, required=False,
                            help_text=_("In dưới chữ ký và trong biên bản, ví dụ: Phó Chủ tịch UBND xã."))

    def __init__(self, *args, user, editing: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = forms.ModelChoiceField(
            selectors.unit_choices(user), label=_("Phạm vi (đơn vị)"), required=False,
            empty_label=_("— chọn đơn vị —"))
        self.fields["person"] = forms.ModelChoiceField(
            selectors.people_choices(user), label=_("Cá nhân (hồ sơ người dùng)"),
            required=False, empty_label=_("— không liên kết —"),
            help_text=_("Họ tên và chức vụ trên văn bản lấy từ hồ sơ cá nhân này."))
        self.fields["person"].label_from_instance = lambda p: p.full_name
        if editing is not None:
            del self.fields["username"]

    def clean(self):
        data = super().clean()
        if data.get("role") and data["role"] != Role.ADMIN and not data.get("unit"):
            self.add_error("unit", _("Người dùng phải được gán một đơn vị làm phạm vi."))
        return data


class CalendarDayForm(forms.Form):
    day = forms.DateField(label=_("Ngày"), widget=DateInput)
    is_working_day = forms.TypedChoiceField(
        label=_("Loại ngày"), coerce=lambda v: v == "1",
        choices=[("0", _("Ngày nghỉ của xã")), ("1", _("Ngày làm việc bù (thứ Bảy, Chủ nhật)"))])
    name = forms.CharField(label=_("Lý do"), max_length=150)


class FirstRunForm(forms.Form):
    province_name = forms.CharField(label=_("Tỉnh, thành phố"), max_length=200, initial="Thành phố Hải Phòng")
    commune_name = forms.CharField(label=_("Xã, phường"), max_length=200, help_text=_("Ví dụ: Xã Nam Thanh Miện"))
    admin_name = forms.CharField(label=_("Họ tên quản trị viên"), max_length=150)
    admin_username = forms.CharField(label=_("Tên đăng nhập của quản trị viên"), max_length=150)
    admin_password = forms.CharField(label=_("Mật khẩu của quản trị viên"), widget=forms.PasswordInput)
    chairman_name = forms.CharField(label=_("Họ tên Chủ tịch UBND"), max_length=150)
    chairman_gender = forms.ChoiceField(label=_("Giới tính của Chủ tịch"), choices=Person.Gender.choices)
    chairman_username = forms.CharField(label=_("Tên đăng nhập của Chủ tịch"), max_length=150)
    officer_name = forms.CharField(label=_("Họ tên cán bộ thi đua – khen thưởng"), max_length=150)
    officer_gender = forms.ChoiceField(label=_("Giới tính của cán bộ thi đua"), choices=Person.Gender.choices)
    officer_username = forms.CharField(label=_("Tên đăng nhập của cán bộ thi đua"), max_length=150)

    def clean_admin_password(self):
        password = self.cleaned_data["admin_password"]
        validate_password(password)
        return password
