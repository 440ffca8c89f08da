"""The certificate verification page at the site's root: /xac-minh/<code> (the address printed
with the QR code on certificates). Mount it in thidua/urls.py with
``path("", include("thidua.public.root_urls"))``."""
from django.urls import path

from . import views

app_name = "verification"

urlpatterns = [
    path("xac-minh/<str:code>", views.verify, name="certificate"),
]
