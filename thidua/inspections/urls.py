from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.index, name="index"),
    path("ke-hoach/them/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/them-dot/", views.inspection_create, name="inspection_create"),
    path("dot/<int:pk>/", views.inspection_detail, name="inspection"),
    path("dot/<int:pk>/don-vi/<int:unit>/", views.finding_open, name="finding_open"),
    path("ket-qua/<int:pk>/", views.finding_detail, name="finding"),
    path("ket-qua/<int:pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("ket-qua/<int:pk>/kien-nghi/", views.recommendation_add, name="recommendation_add"),
    path("minh-chung/<int:pk>/", views.evidence, name="evidence"),
    path("kien-nghi/", views.recommendations, name="recommendations"),
    path("kien-nghi/<int:pk>/", views.recommendation_detail, name="recommendation"),
    path("cach-lam-hay/", views.practices, name="practices"),
    path("cach-lam-hay/them/", views.practice_create, name="practice_create"),
    path("cach-lam-hay/<int:pk>/", views.practice_detail, name="practice"),
]
