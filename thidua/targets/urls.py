from django.urls import path

from . import views

app_name = "targets"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nhap-tu-tep/", views.import_values, name="import"),
    path("van-hoa/", views.culture_overview, name="culture"),
    path("van-hoa/mo-binh-xet/", views.review_open, name="review_open"),
    path("van-hoa/thon/<int:pk>/", views.village_detail, name="village"),
    path("van-hoa/binh-xet/<int:pk>/", views.review_detail, name="review"),
    path("van-hoa/ho/<int:pk>/", views.entry_edit, name="entry"),
    path("van-hoa/tham-so/<str:key>/", views.parameter_edit, name="parameter"),
    path("<slug:code>/", views.target_detail, name="detail"),
]
