from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FundReceipt, TalentPayout

DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date(label):
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=DATE_INPUT)


def _money(label):
    return forms.IntegerField(label=label, min_value=1, max_value=10**13)


class OpenFundForm(forms.Form):
    year = forms.IntegerField(label=_("Năm ngân sách"), min_value=2000, max_value=2100)
    opening_balance = forms.IntegerField(label=_("Số dư đầu năm (đồng)"), min_value=0, max_value=10**13, initial=0)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FundEditForm(forms.Form):
    opening_balance = forms.IntegerField(label=_("Số dư đầu năm (đồng)"), min_value=0, max_value=10**13)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class OpenTalentFundForm(forms.Form):
    name = forms.CharField(label=_("Tên quỹ"), max_length=200)
    founded_on = forms.DateField(label=_("Ngày thành lập"), input_formats=DATE_FORMATS, widget=DATE_INPUT,
                                 required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReceiptForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nguồn"), choices=FundReceipt.Kind.choices)
    donor = forms.CharField(label=_("Người, đơn vị ủng hộ"), max_length=200, required=False)
    date = _date(_("Ngày thu"))
    amount = _money(_("Số tiền (đồng)"))
    reference = forms.CharField(label=_("Chứng từ"), max_length=120, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class DonationForm(forms.Form):
    donor_name = forms.CharField(label=_("Người, đơn vị ủng hộ"), max_length=200)
    address = forms.CharField(label=_("Địa chỉ"), max_length=200, required=False)
    date = _date(_("Ngày ủng hộ"))
    amount = _money(_("Số tiền (đồng)"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class PayoutForm(forms.Form):
    recipient_name = forms.CharField(label=_("Người nhận"), max_length=150)
    recipient_kind = forms.ChoiceField(label=_("Đối tượng"), choices=TalentPayout.RecipientKind.choices)
    school = forms.CharField(label=_("Trường, đơn vị"), max_length=200, required=False)
    achievement = forms.CharField(label=_("Thành tích"), max_length=255, required=False)
    occasion = forms.CharField(label=_("Dịp khen thưởng"), max_length=200,
                               initial="Kỷ niệm ngày Nhà giáo Việt Nam 20/11")
    date = _date(_("Ngày chi"))
    amount = _money(_("Số tiền (đồng)"))
