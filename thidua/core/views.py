from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import AuditEntry


@login_required
def home(request):
    from thidua.accounts.scoping import visible_organisations, visible_people

    context = {
        "unit_count": visible_organisations(request.user).count(),
        "person_count": visible_people(request.user).count(),
    }
    return render(request, "core/home.html", context)


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Loại bản ghi"), required=False)
    action = forms.ChoiceField(label=_("Hành động"), required=False,
                               choices=[("", _("Tất cả"))] + list(AuditEntry.Action.choices))
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=150)
    object_id = forms.CharField(label=_("Mã bản ghi"), required=False, max_length=64)
    date_from = forms.DateField(label=_("Từ ngày"), required=False)
    date_to = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        used = ContentType.objects.filter(
            pk__in=AuditEntry.objects.values("content_type").distinct()).order_by("app_label", "model")
        self.fields["model"].choices = [("", _("Tất cả"))] + [
            (f"{ct.app_label}.{ct.model}", str(ct.model_class()._meta.verbose_name) if ct.model_class() else ct.model)
            for ct in used]


@login_required
def audit_log(request):
    if not (request.user.is_superuser or request.user.can_read_audit):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_entries(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"form": form, "page": page})
