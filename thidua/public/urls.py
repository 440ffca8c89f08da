from django.urls import path

from . import views
from .feeds import HonourBoardFeed

app_name = "public"

urlpatterns = [
    path("", views.board, name="board"),
    path("guong-dien-hinh/", views.exemplar_list, name="exemplars"),
    path("guong-dien-hinh/<slug:slug>/", views.exemplar_detail, name="exemplar"),
    path("anh/<int:pk>/", views.photo, name="photo"),
    # Publicity: Atom feed, the block the commune's portal embeds, the A3 poster.
    path("tin.atom", HonourBoardFeed(), name="feed"),
    path("nhung/", views.embed, name="embed"),
    path("bang-vang-a3.pdf", views.poster, name="poster"),
    path("xac-minh/", views.verify_lookup, name="verify_lookup"),
    path("xac-minh-van-ban/", views.verify_document, name="verify_document"),
    # Same page as /xac-minh/<code> (thidua.public.root_urls), for an instance without the root mount.
    path("xac-minh/<str:code>", views.verify, name="certificate"),
    # Staff pages (login required).
    path("quan-ly/", views.manage, name="manage"),
    path("quan-ly/them/", views.manage_edit, name="manage_create"),
    path("quan-ly/<int:pk>/", views.manage_detail, name="manage_detail"),
    path("quan-ly/<int:pk>/sua/", views.manage_edit, name="manage_edit"),
    path("quan-ly/<int:pk>/cong-bo/", views.manage_publish, name="manage_publish"),
    path("quan-ly/anh/<int:pk>/xoa/", views.manage_photo_delete, name="manage_photo_delete"),
    path("quan-ly/ban-tin/", views.radio, name="radio"),
    path("quan-ly/cach-lam-hay/<int:pk>/neu-guong/", views.promote_practice, name="promote_practice"),
]
