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

# Each process app under its own prefix; certificates' public addresses (QR codes) at the root.
urlpatterns += [
    path("", include("thidua.public.root_urls")),  # /xac-minh/<code>
    path("khen-thuong/", include("thidua.awards.urls")),
    path("phong-trao/", include("thidua.movements.urls")),
    path("de-nghi/", include("thidua.proposals.urls")),
    path("kiem-tra/", include("thidua.inspections.urls")),
    path("van-ban/", include("thidua.documents.urls")),
    path("chi-tieu/", include("thidua.targets.urls")),
    path("du-lieu/", include("thidua.exchange.urls")),
    path("cong-khai/", include("thidua.public.urls")),
    path("quy/", include("thidua.funds.urls")),
    path("cap-tinh/", include("thidua.provinceoffice.urls")),
    path("thanh-pho/", include("thidua.province.urls")),
    path("cum-thi-dua/", include("thidua.clusters.urls")),
]
