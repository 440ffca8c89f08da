from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("dot/them/", views.round_create, name="round_create"),
    path("dot/<int:round_pk>/ho-so/them/", views.dossier_create, name="dossier_create"),
    path("dot/<int:round_pk>/de-nghi-lao-dong-tien-tien/", views.nominate_qualifying, name="nominate_qualifying"),
    path("ho-so/<int:pk>/", views.dossier_detail, name="dossier"),
    path("ho-so/<int:pk>/bien-ban/", views.dossier_edit, name="dossier_edit"),
    path("ho-so/<int:pk>/de-nghi/them/", views.nomination_add, name="nomination_add"),
    path("ho-so/<int:pk>/tep/them/", views.attachment_add, name="attachment_add"),
    path("ho-so/<int:pk>/trinh-hoi-dong/", views.dossier_agenda, name="dossier_agenda"),
    path("ho-so/<int:pk>/ky/", views.dossier_sign, name="dossier_sign"),
    path("ho-so/<int:pk>/trinh-tinh/", views.dossier_to_province, name="dossier_to_province"),
    path("ho-so/<int:pk>/ket-qua-tinh/", views.province_decision, name="province_decision"),
    path("ho-so/<int:pk>/bo-ho-so/", views.province_package, name="package"),
    path("ho-so/<int:pk>/<slug:action>/", views.dossier_transition, name="transition"),
    path("de-nghi/<int:pk>/bao-cao/", views.nomination_edit, name="nomination_edit"),
    path("de-nghi/<int:pk>/xoa/", views.nomination_remove, name="nomination_remove"),
    path("de-nghi/<int:pk>/cho-qua/", views.nomination_pass, name="nomination_pass"),
    path("tep/<int:pk>/", views.attachment_download, name="attachment"),
    path("tep/<int:pk>/xoa/", views.attachment_remove, name="attachment_remove"),
    path("y-kien/<int:pk>/tra-loi/", views.objection_answer, name="objection_answer"),
    path("quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path("so-dang-ky/", views.register, name="register"),
    path("cong-khai/", views.public_list, name="public_list"),
    path("cong-khai/<int:pk>/", views.public_dossier, name="public_dossier"),
    path("hoi-dong/", views.council, name="council"),
    path("hoi-dong/nhiem-ky/them/", views.term_create, name="term_create"),
    path("hoi-dong/nhiem-ky/<int:pk>/thanh-vien/them/", views.member_add, name="member_add"),
    path("hoi-dong/nhiem-ky/<int:pk>/hop/them/", views.meeting_create, name="meeting_create"),
    path("hoi-dong/hop/<int:pk>/", views.meeting_detail, name="meeting"),
    path("hoi-dong/hop/<int:pk>/diem-danh/", views.meeting_attendance, name="meeting_attendance"),
    path("hoi-dong/hop/<int:pk>/y-kien-van-ban/", views.meeting_opinion, name="meeting_opinion"),
    path("hoi-dong/hop/<int:pk>/khai-mac/", views.meeting_open, name="meeting_open"),
    path("hoi-dong/hop/<int:pk>/ket-thuc/", views.meeting_close, name="meeting_close"),
    path("hoi-dong/hop/<int:pk>/bien-ban/", views.meeting_minutes, name="minutes"),
    path("hoi-dong/hop/<int:pk>/phieu-bau/", views.ballot_paper, name="ballot_paper"),
    path("hoi-dong/kiem-tra-phieu/", views.receipt_check, name="receipt_check"),
]
