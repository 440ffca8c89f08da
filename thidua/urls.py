from importlib.util import find_spec

from django.conf import settings
from django.urls import include, path

from thidua.administration import views as administration_views

urlpatterns = [
    path("", include("thidua.ops.urls")),  # /healthz
    path("", include("thidua.core.urls")),
    path("quan-tri/", include("thidua.administration.urls")),
    path("bat-dau/", administration_views.first_run, name="first_run"),
    path("tai-khoan/", include("thidua.accounts.urls")),
    path("", include("thidua.org.urls")),
]

# Each process app mounts itself here when installed.
_OPTIONAL = [
    ("thidua.awards", "khen-thuong/"),
    ("thidua.movements", "phong-trao/"),
    ("thidua.proposals", "de-nghi/"),
    ("thidua.inspections", "kiem-tra/"),
    ("thidua.documents", "van-ban/"),
    ("thidua.targets", "chi-tieu/"),
    ("thidua.exchange", "du-lieu/"),
    ("thidua.public", "cong-khai/"),
    ("thidua.funds", "quy/"),
    ("thidua.clusters", "cum-thi-dua/"),
]
# Public addresses printed on certificates (QR codes) live at the root: /xac-minh/<code>.
if "thidua.public" in settings.INSTALLED_APPS and find_spec("thidua.public.root_urls") is not None:
    urlpatterns.append(path("", include("thidua.public.root_urls")))

for app, prefix in _OPTIONAL:
    if app in settings.INSTALLED_APPS and find_spec(f"{app}.urls") is not None:
        urlpatterns.append(path(prefix, include(f"{app}.urls")))
