from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import visible_organisations
from thidua.core.legacy import LegacyTextFormMixin

from .models import Organisation, Person
from .validators import validate_citizen_id


class DateInput(forms.DateInput):
    def __init__(self, **kwargs):
        super().__init__(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}, **kwargs)


class PersonForm(LegacyTextFormMixin, forms.ModelForm):
    # Wider than the column so that a 13-digit entry gets the CCCD message, not a length one.
    citizen_id = forms.CharField(label=_("Số CCCD"), max_length=64, required=False,
                                 validators=[validate_citizen_id],
                                 help_text=_("12 chữ số, có thể để trống."))

    class Meta:
        model = Person
        fields = ["full_name", "gender", "date_of_birth", "citizen_id", "category", "note"]
        widgets = {"date_of_birth": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def clean_citizen_id(self):
        value = (self.cleaned_data.get("citizen_id") or "").strip() or None
        if value and Person.objects.filter(citizen_id=value).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Số CCCD này đã có trong hệ thống."), code="unique")
        return value


class NewPersonForm(PersonForm):
    organisation = forms.ModelChoiceField(label=_("Đơn vị công tác"), queryset=Organisation.objects.none())
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)

    class Meta(PersonForm.Meta):
        pass

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_organisations(user).exclude(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.OTHER_BODY])
