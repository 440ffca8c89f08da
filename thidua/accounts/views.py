from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from . import notifications as notes
from .models import EmailPreference, Notification, NotificationKind


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
