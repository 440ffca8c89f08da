from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.org.scoping import visible_organisations, visible_people
from thidua.core.legacy import LegacyTextFormMixin

from .models import Organisation, Person
from .validators import validate_citizen_id


NOT_ACCEPTED = _("Không nhận được số CCCD này. Hãy đối chiếu lại với thẻ CCCD; nếu số đã đúng, đề nghị cán bộ "
                 "thi đua – khen thưởng xã kiểm tra và cập nhật giúp.")


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

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_citizen_id(self):
        """A citizen-ID number is unique. Whether it belongs to someone OUTSIDE the user's scope is
        not hers to learn: the answer then names no reason (the same words as for a number she
        must have checked), and the person in scope is named only when she may see him."""
        value = (self.cleaned_data.get("citizen_id") or "").strip() or None
        if not value:
            return value
        holders = Person.objects.filter(citizen_id=value).exclude(pk=self.instance.pk)
        if not holders.exists():
            return value
        visible = visible_people(self.user).filter(pk__in=holders.values("pk")).first() if self.user else None
        if visible is not None:
            raise forms.ValidationError(_("Số CCCD này đã dùng cho %(name)s trong đơn vị bạn quản lý.")
                                        % {"name": visible.full_name}, code="unique")
        raise forms.ValidationError(NOT_ACCEPTED, code="not_accepted")


class NewPersonForm(PersonForm):
    organisation = forms.ModelChoiceField(label=_("Đơn vị công tác"), queryset=Organisation.objects.none())
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)

    class Meta(PersonForm.Meta):
        pass

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["organisation"].queryset = visible_organisations(user).exclude(
            kind__in=[Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.OTHER_BODY])
