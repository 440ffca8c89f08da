from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from . import notifications as notes
from .models import EmailPreference, Notification, NotificationKind
from .permissions import can


class EmailPreferenceForm(forms.Form):
    kinds = forms.MultipleChoiceField(label=_("Nhận qua thư điện tử"), required=False,
                                      choices=NotificationKind.choices, widget=forms.CheckboxSelectMultiple)


@login_required
def notifications(request):
    user = request.user
    if request.method == "POST":
        if "mark_read" in request.POST:
            notes.mark_read(user=user)
            return redirect("accounts:notifications")
        form = EmailPreferenceForm(request.POST)
        if form.is_valid():
            notes.set_email_preferences(user=user, kinds_by_email=set(form.cleaned_data["kinds"]))
            messages.success(request, "Đã lưu lựa chọn nhận thư điện tử.")
            return redirect("accounts:notifications")
    off = set(EmailPreference.objects.filter(user=user, by_email=False).values_list("kind", flat=True))
    form = EmailPreferenceForm(initial={"kinds": [k for k in NotificationKind.values if k not in off]})
    page = Paginator(Notification.objects.filter(user=user), 30).get_page(request.GET.get("page"))
    return render(request, "accounts/notifications.html", {"page": page, "form": form})


@login_required
def outbox(request):
    """The administrator's view of outgoing e-mail: what waits, what was sent, what failed and why."""
    from django.core.exceptions import PermissionDenied

    from . import outbox as mail_outbox
    from .models import OutboundEmail

    if not can(request.user, "administer"):
        raise PermissionDenied
    if request.method == "POST":
        try:
            mail_outbox.retry_failed(actor=request.user, email_id=int(request.POST.get("email", "")))
            messages.success(request, "Đã xếp thư vào hàng đợi để gửi lại.")
        except (ValueError, OutboundEmail.DoesNotExist):
            messages.error(request, "Không có thư gửi không được nào như vậy để gửi lại.")
        return redirect("accounts:outbox")
    status = request.GET.get("trang_thai", "")
    rows = OutboundEmail.objects.all()
    if status in OutboundEmail.Status.values:
        rows = rows.filter(status=status)
    counts = {s: OutboundEmail.objects.filter(status=s).count() for s in OutboundEmail.Status.values}
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/outbox.html", {"page": page, "status": status, "counts": counts,
                                                     "statuses": OutboundEmail.Status.choices})
