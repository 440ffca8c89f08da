from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("du-dieu-kien/", views.candidate_list, name="candidates"),
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("danh-muc/tham-so/<int:pk>/", views.parameter_edit, name="parameter_edit"),
    path("danh-muc/luong-co-so/them/", views.base_salary_add, name="base_salary_add"),
    path("danh-muc/quy-dinh-tinh/", views.regulation, name="regulation"),
    path("so-khen-thuong/", views.ledger, name="ledger"),
    path("sang-kien/", views.initiative_list, name="initiatives"),
    path("cong-bang/", views.fairness, name="fairness"),
    path("xep-loai/", views.ratings, name="ratings"),
    path("xep-loai/<int:pk>/<int:year>/", views.rating_grid, name="rating_grid"),
    path("ca-nhan/<int:pk>/xep-loai/", views.person_rating, name="person_rating"),
    path("ca-nhan/<int:pk>/ghi-so/", views.award_add_person, name="award_add_person"),
    path("ca-nhan/<int:pk>/ky-luat/", views.person_conduct, name="person_conduct"),
    path("vu-viec/<int:pk>/ket-thuc/", views.pending_close, name="pending_close"),
]
