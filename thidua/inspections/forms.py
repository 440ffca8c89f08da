from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.accounts.scoping import visible_organisations, visible_people
from thidua.core.fields import IdsChoiceField
from thidua.core.text import collation_key, given_name_key
from thidua.movements.models import Movement
from thidua.movements.titles import NON_COMPETING_KINDS
from thidua.org.forms import DateInput
from thidua.org.models import Membership, Organisation, Person

from .files import validate_evidence
from .models import CheckItem, GoodPractice, Inspection, InspectionPlan


def _units(user):
    qs = visible_organisations(user).exclude(kind__in=NON_COMPETING_KINDS).filter(valid_until__isnull=True)
    return qs.exclude(kind=Organisation.Kind.COMMUNE)


def _sorted_choices(field, label=str, key=None):
    """A model choice field's options in Vietnamese order."""
    items = sorted(field.queryset, key=key or (lambda o: collation_key(label(o))))
    field.choices = ([("", "---------")] if not isinstance(field, forms.ModelMultipleChoiceField) else []) + [
        (o.pk, label(o)) for o in items]


class PlanForm(forms.ModelForm):
    class Meta:
        model = InspectionPlan
        fields = ["year", "title", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}


class InspectionForm(forms.ModelForm):
    class Meta:
        model = Inspection
        fields = ["topic", "movement", "units", "team", "start_date", "end_date", "note"]
        widgets = {"team": forms.Textarea(attrs={"rows": 4}), "note": forms.Textarea(attrs={"rows": 2}),
                   "start_date": DateInput(), "end_date": DateInput(),
                   "units": forms.SelectMultiple(attrs={"size": 10})}
        field_classes = {"units": IdsChoiceField}

    def __init__(self, *args, user, commune, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = Movement.objects.filter(commune=commune)
        self.fields["units"].queryset = _units(user)
        _sorted_choices(self.fields["movement"])
        _sorted_choices(self.fields["units"])
        for name in ("start_date", "end_date"):
            self.fields[name].input_formats = ["%d/%m/%Y"]


class FindingForm(forms.Form):
    inspected_on = forms.DateField(label=_("Ngày kiểm tra tại đơn vị"), required=False, widget=DateInput(),
                                   input_formats=["%d/%m/%Y"])
    strengths = forms.CharField(label=_("Ưu điểm"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    shortcomings = forms.CharField(label=_("Tồn tại, hạn chế"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    conclusion = forms.CharField(label=_("Kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            label = f"{item.code} {item.text[:60]}".strip()
            self.fields[f"kq-{item.pk}"] = forms.ChoiceField(
                label=label, choices=CheckItem.Result.choices, required=False, initial=item.result,
                widget=forms.Select(attrs={"aria-label": f"Kết quả: {label}"}))
            self.fields[f"gc-{item.pk}"] = forms.CharField(
                label=_("Ghi nhận"), max_length=500, required=False, initial=item.note,
                widget=forms.TextInput(attrs={"aria-label": f"Ghi nhận: {label}"}))

    def rows(self):
        return [{"item": item, "result": self[f"kq-{item.pk}"], "note": self[f"gc-{item.pk}"]} for item in self.items]

    def results(self) -> dict:
        return {item.pk: (self.cleaned_data.get(f"kq-{item.pk}") or "", self.cleaned_data.get(f"gc-{item.pk}") or "")
                for item in self.items}


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Tệp minh chứng (PDF, DOCX, XLSX, JPEG, PNG; tối đa 10 MB)"),
                           validators=[validate_evidence])
    description = forms.CharField(label=_("Mô tả"), max_length=250, required=False)


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}))
    responsible = forms.ModelChoiceField(label=_("Người chịu trách nhiệm"), queryset=Person.objects.none())
    working_days = forms.IntegerField(label=_("Thời hạn (ngày làm việc)"), min_value=1, max_value=250, initial=10)
    issued_on = forms.DateField(label=_("Ngày kiến nghị"), widget=DateInput(), input_formats=["%d/%m/%Y"])

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["issued_on"].initial = today
        members = Membership.objects.filter(Membership.current_q(today), organisation__path__startswith=unit.path)
        field = self.fields["responsible"]
        field.queryset = Person.objects.filter(pk__in=members.values("person_id"))
        _sorted_choices(field, label=lambda p: p.full_name, key=lambda p: given_name_key(p.full_name))


class FollowUpForm(forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=DateInput(), input_formats=["%d/%m/%Y"])
    note = forms.CharField(label=_("Nội dung theo dõi"), widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    closed_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DateInput(), input_formats=["%d/%m/%Y"])
    outcome = forms.CharField(label=_("Kết quả khắc phục"), widget=forms.Textarea(attrs={"rows": 2}))


class PracticeForm(forms.ModelForm):
    class Meta:
        model = GoodPractice
        fields = ["title", "person", "organisation", "practice", "result", "source", "reporting_unit", "movement",
                  "recorded_on"]
        widgets = {"practice": forms.Textarea(attrs={"rows": 4}), "result": forms.Textarea(attrs={"rows": 3}),
                   "recorded_on": DateInput()}

    def __init__(self, *args, user, commune, finding=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.finding = finding
        today = timezone.localdate()
        self.fields["recorded_on"].input_formats = ["%d/%m/%Y"]
        self.fields["recorded_on"].initial = today
        self.fields["movement"].queryset = Movement.objects.filter(commune=commune)
        self.fields["reporting_unit"].queryset = _units(user)
        self.fields["organisation"].queryset = visible_organisations(user).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        self.fields["person"].queryset = visible_people(user)
        _sorted_choices(self.fields["movement"])
        _sorted_choices(self.fields["reporting_unit"])
        _sorted_choices(self.fields["organisation"])
        _sorted_choices(self.fields["person"], label=lambda p: p.full_name, key=lambda p: given_name_key(p.full_name))
        self.fields["person"].help_text = _("Ghi một cá nhân hoặc một tập thể.")
        if finding is not None:
            del self.fields["source"]
            del self.fields["reporting_unit"]
            del self.fields["movement"]
