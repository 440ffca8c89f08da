"""Two doors: an empty instance sends whoever opens it to its first-run page; a user with a
one-time password changes it before anything else."""
from django.conf import settings
from django.shortcuts import redirect, resolve_url
from django.urls import reverse

from . import services

OPEN_PREFIXES = ("/static/", "/healthz", "/tai-khoan/dang-xuat/")


class FirstRunAndPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            # Only the doors of an empty instance ask the database (the home page and the login
            # page, for someone not signed in): no other page pays for this check.
            if request.path in ("/", resolve_url(settings.LOGIN_URL)) and services.needs_first_run():
                return redirect("first_run")
            return self.get_response(request)
        if user.must_change_password and not request.path.startswith(OPEN_PREFIXES):
            change = reverse("accounts:password_change")
            if request.path != change:
                return redirect(change)
            response = self.get_response(request)
            if request.method == "POST" and response.status_code == 302:
                services.password_changed(user=user)
            return response
        return self.get_response(request)
