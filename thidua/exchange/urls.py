"""Mounted at /du-lieu/ by thidua/urls.py. The pages live in the "exchange" namespace; the API
(django-ninja, which needs a top-level namespace) in "exchange-api" at /du-lieu/api/."""
from django.urls import include, path

from . import national_views, views
from .api import api

pages = [
    path("", views.index, name="index"),
    path("nhap/", views.import_start, name="import"),
    path("nhap/mau/<slug:slug>.xlsx", views.template_download, name="template"),
    path("nhap/<int:pk>/", views.batch_detail, name="batch"),
    path("nhap/<int:pk>/ghi/", views.batch_commit, name="batch_commit"),
    path("nhap/<int:pk>/hoan-tac/", views.batch_undo, name="batch_undo"),
    path("nhap/<int:pk>/huy/", views.batch_discard, name="batch_discard"),
    path("doc-bao-cao/", views.read_report, name="read_report"),
    path("ma-truy-cap/", views.tokens, name="tokens"),
    path("ma-truy-cap/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("xuat/so-khen-thuong.json", views.ledger_export, name="ledger_export"),
    # national exports and statutory statistics (issue #20, items 6 and 7)
    path("quoc-gia/", national_views.index, name="national"),
    path("quoc-gia/ma-quoc-gia/", national_views.codes, name="national_codes"),
    path("quoc-gia/khen-thuong-can-bo.json", national_views.officials_export, name="officials_export"),
    path("quoc-gia/bieu-thong-ke.xlsx", national_views.statistics_workbook, name="statistics"),
    path("quoc-gia/ho-so/<int:pk>/goi-ho-so.zip", national_views.ministry_package, name="ministry_package"),
    # Open Badges 3.0, public (no login): issuer profiles, achievements, revocation lists
    path("ob/to-chuc/<slug:key>/", views.ob_issuer, name="ob_issuer"),
    path("ob/to-chuc/<slug:key>.json", views.ob_issuer_json, name="ob_issuer_json"),
    path("ob/to-chuc/<slug:key>/thu-hoi.jwt", views.ob_status_list, name="ob_status_list"),
    path("ob/danh-hieu/<slug:code>.json", views.ob_achievement, name="ob_achievement"),
]

urlpatterns = [
    path("", include((pages, "exchange"))),
    path("api/", api.urls),
]
