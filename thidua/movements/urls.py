from django.urls import path, register_converter

from . import views


class YearConverter:
    """A four-digit year (so that /nam/99999/ is a 404, not a date overflow)."""
    regex = "20[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(YearConverter, "movements_year")

app_name = "movements"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("viec-can-lam/", views.todo, name="todo"),
    # movements and their results
    path("them/", views.movement_create, name="movement_create"),
    path("<int:pk>/", views.movement_detail, name="movement"),
    path("<int:pk>/sua/", views.movement_edit, name="movement_edit"),
    path("<int:pk>/chuyen-buoc/", views.movement_step, name="movement_step"),
    path("<int:pk>/ke-hoach/", views.plan_document, name="plan_document"),
    path("<int:movement_pk>/ket-qua/them/", views.result_edit, name="result_add"),
    path("ket-qua/<int:pk>/sua/", views.result_edit, name="result_edit"),
    path("ket-qua/<int:pk>/xoa/", views.result_delete, name="result_delete"),
    path("nam/<movements_year:year>/excel/", views.movements_excel, name="movements_excel"),
    # registration
    path("dang-ky/<movements_year:year>/", views.registrations, name="registrations"),
    path("dang-ky/<movements_year:year>/excel/", views.registrations_excel, name="registrations_excel"),
    path("dang-ky/<movements_year:year>/han/", views.period_edit, name="period_edit"),
    path("dang-ky/<movements_year:year>/nhac-tat-ca/", views.remind_all, name="remind_all"),
    path("dang-ky/<movements_year:year>/don-vi/<int:org>/", views.register, name="register"),
    path("dang-ky/<movements_year:year>/don-vi/<int:org>/mo-lai/", views.reopen, name="reopen"),
    path("dang-ky/<movements_year:year>/don-vi/<int:org>/nhac/", views.remind, name="remind"),
    # pacts
    path("giao-uoc/nam/<movements_year:year>/", views.pacts, name="pacts"),
    path("giao-uoc/khoi/<int:block>/them/", views.pact_create, name="pact_create"),
    path("giao-uoc/<int:pk>/", views.pact_detail, name="pact"),
    path("giao-uoc/<int:pk>/ky/<int:org>/", views.pact_sign, name="pact_sign"),
    # criteria sets
    path("tieu-chi/nam/<movements_year:year>/", views.criteria_sets, name="criteria_sets"),
    path("tieu-chi/nam/<movements_year:year>/them/", views.criteria_set_create, name="criteria_set_create"),
    path("tieu-chi/<int:pk>/", views.criteria_set_detail, name="criteria_set"),
    path("tieu-chi/<int:pk>/sua/", views.criteria_set_edit, name="criteria_set_edit"),
    path("tieu-chi/<int:pk>/phien-ban-moi/", views.criteria_set_new_version, name="criteria_set_new_version"),
    path("tieu-chi/<int:set_pk>/them-tieu-chi/", views.criterion_edit, name="criterion_add"),
    path("muc-tieu-chi/<int:pk>/sua/", views.criterion_edit, name="criterion_edit"),
    path("muc-tieu-chi/<int:pk>/xoa/", views.criterion_delete, name="criterion_delete"),
    # scoring
    path("cham-diem/mo/<int:set_pk>/<int:org>/", views.scorecard_open, name="scorecard_open"),
    path("cham-diem/<int:pk>/", views.scorecard, name="scorecard"),
    path("cham-diem/<int:pk>/tieu-chi/<int:criterion>/", views.score_row, name="score_row"),
    path("cham-diem/<int:pk>/nop/", views.scorecard_submit, name="scorecard_submit"),
    path("cham-diem/<int:pk>/tra-lai/", views.scorecard_return, name="scorecard_return"),
    path("cham-diem/<int:pk>/khoa/", views.scorecard_lock, name="scorecard_lock"),
    path("cham-diem/<int:pk>/cham-lai/", views.scorecard_rescore, name="scorecard_rescore"),
    path("minh-chung/<int:pk>/", views.evidence_file, name="evidence"),
    path("minh-chung/<int:pk>/xoa/", views.evidence_delete, name="evidence_delete"),
    path("hang-doi-cham-diem/", views.queue, name="queue"),
    path("xep-hang/<movements_year:year>/", views.ranking, name="ranking"),
    path("xep-hang/<movements_year:year>/excel/", views.ranking_excel, name="ranking_excel"),
]
