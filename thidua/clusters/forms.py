from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.fields import IdsChoiceField
from thidua.movements.files import validate_evidence
from thidua.movements.forms import PointsField
from thidua.org.models import Organisation


class ClusterForm(forms.Form):
    name = forms.CharField(label=_("Tên cụm thi đua"), max_length=200)


def communes_of(city: Organisation):
    return Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, path__startswith=city.path,
                                       valid_until__isnull=True)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    members = IdsChoiceField(label=_("Xã, phường thành viên"), queryset=Organisation.objects.none(),
                             widget=forms.SelectMultiple(attrs={"size": 10}))
    leader = forms.ModelChoiceField(label=_("Cụm trưởng"), queryset=Organisation.objects.none(), required=False)
    leader_note = forms.CharField(label=_("Căn cứ giao cụm trưởng"), max_length=300, required=False)

    def __init__(self, *args, city: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = communes_of(city)
        self.fields["leader"].queryset = communes_of(city)
        self.fields["year"].initial = timezone.localdate().year


class LeaderForm(forms.Form):
    leader = forms.ModelChoiceField(label=_("Cụm trưởng"), queryset=Organisation.objects.none())
    note = forms.CharField(label=_("Căn cứ (văn bản giao, luân phiên)"), max_length=300, required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = members


class ScoreForm(forms.Form):
    points = PointsField(label=_("Điểm"))
    note = forms.CharField(label=_("Nhận xét"), required=False, max_length=2000)
    evidence = forms.FileField(label=_("Minh chứng"), required=False, validators=[validate_evidence])
