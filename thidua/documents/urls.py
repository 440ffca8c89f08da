from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.index, name="index"),
    path("bao-cao/<slug:slug>/", views.report, name="report"),
    path("bao-cao/<slug:slug>/xem-truoc/", views.report_preview, name="report_preview"),
    path("bao-cao/<slug:slug>/tao/", views.report_generate, name="report_generate"),
    path("bao-cao/<slug:slug>/noi-dung/", views.report_sections, name="report_sections"),
    path("tac-vu/<int:pk>/", views.job, name="job"),
    path("tac-vu/<int:pk>/trang-thai/", views.job_status, name="job_status"),
    path("tac-vu/<int:pk>/tai-ve/", views.job_download, name="job_download"),
    path("quyet-dinh/", views.decision_list, name="decisions"),
    path("quyet-dinh/<int:pk>/docx/", views.decision_docx, name="decision_docx"),
    path("quyet-dinh/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("du-thao/ho-so/<int:pk>/", views.draft, name="draft"),
    path("du-thao/ho-so/<int:pk>/pdf/", views.draft_pdf, name="draft_pdf"),
    path("quyet-dinh-da-ky/<int:pk>/<slug:fmt>/", views.signed_decision, name="signed_decision"),
    path("bien-ban-hop/<int:pk>/<slug:fmt>/", views.minutes, name="minutes"),
    path("giay-moi-hop/<int:pk>/<slug:fmt>/", views.invitation, name="invitation"),
    path("giay-khen/<int:pk>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("giay-khen/<int:pk>/docx/", views.certificate_docx, name="certificate_docx"),
    path("ca-nhan/<int:pk>/giay-khen/", views.person_certificates, name="person_certificates"),
    path("tap-the/<int:pk>/giay-khen/", views.unit_certificates, name="unit_certificates"),
    path("thanh-tich/", views.achievement_search, name="achievement_search"),
    path("thanh-tich/<int:pk>/", views.achievement, name="achievement"),
    path("phong-trao/<int:pk>/bao-cao/", views.movement_review, name="movement_review"),
    path("mau/<slug:slug>/", views.sample, name="sample"),
    path("mau-van-ban/", views.templates, name="templates"),
    path("mau-van-ban/<slug:kind>/tai-ve/", views.template_download, name="template_download"),
]
