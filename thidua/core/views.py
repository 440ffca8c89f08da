from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import audit_display, selectors
from .text import collation_key
from .models import AuditEntry


@login_required
def home(request):
    """The user's work: a queue per process, each line linking to the page that does it."""
    from django.utils import timezone

    from .worklist import key_figures, work_sections

    today = timezone.localdate()
    return render(request, "core/home.html", {"sections": work_sections.sections(request.user, today),
                                              "figure_panels": key_figures.panels(request.user, today)})


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=_("Loại bản ghi"), required=False)
    action = forms.ChoiceField(label=_("Hành động"), required=False,
                               choices=[("", _("Tất cả"))] + list(AuditEntry.Action.choices))
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=150)
    record = forms.CharField(label=_("Bản ghi (tên người, đơn vị, hồ sơ…)"), required=False, max_length=150)
    object_id = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    date_from = forms.DateField(label=_("Từ ngày"), required=False)
    date_to = forms.DateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        used = ContentType.objects.filter(
            pk__in=AuditEntry.objects.values("content_type").distinct()).order_by("app_label", "model")
        kinds = [(f"{ct.app_label}.{ct.model}", capfirst(str(ct.model_class()._meta.verbose_name)))
                 for ct in used if ct.model_class() is not None]
        self.fields["model"].choices = [("", _("Tất cả"))] + sorted(kinds, key=lambda c: collation_key(c[1]))


@login_required
def audit_log(request):
    if not (request.user.is_superuser or request.user.can_read_audit):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = selectors.audit_entries(user=request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html",
                  {"form": form, "page": page, "rows": audit_display.present(page.object_list)})
