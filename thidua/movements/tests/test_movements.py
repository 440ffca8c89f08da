"""Movements: the seed's movements and results as data, the plan document, the life cycle."""
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.models import AuditEntry
from thidua.movements import services
from thidua.movements.models import Movement, MovementResult

from .conftest import docx, pdf, unit

pytestmark = pytest.mark.django_db


def _commune():
    return unit("xa-nam-thanh-mien")


def test_the_seed_results_of_part_one_ii_are_data_with_values_and_units():
    houses = MovementResult.objects.get(indicator__startswith="Nhà ở được sửa chữa")
    money = MovementResult.objects.get(indicator="Tổng kinh phí sửa chữa nhà ở")
    assert houses.movement.name == "Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025"
    assert (houses.value, houses.unit, houses.display_value) == (Decimal(41), "nhà", "41 nhà")
    assert money.display_value == "3.450.000.000 đồng"
    digitised = MovementResult.objects.get(indicator="Số hóa hồ sơ thủ tục hành chính")
    assert digitised.display_value == "100 %" and digitised.movement.level == Movement.Level.CENTRAL
    insurance = MovementResult.objects.get(indicator="Dân số tham gia bảo hiểm y tế")
    assert insurance.display_value == "trên 98 %" and insurance.movement.level == Movement.Level.CITY
    model_commune = MovementResult.objects.get(indicator__contains="Nông thôn mới kiểu mẫu")
    assert model_commune.organisation.code == "xa-chi-lang-nam"


def test_the_demo_holds_every_movement_of_ii_1_and_ii_2_and_the_citys_yearly_themes():
    names = set(Movement.objects.values_list("name", flat=True))
    for name in ("Cả nước chung sức xây dựng nông thôn mới",
                 "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
                 "Phòng, chống và chiến thắng đại dịch Covid-19",
                 "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
                 "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số",
                 "Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025",
                 "Thi đua chuyển đổi số", "Phong trào khoa học, đổi mới sáng tạo",
                 "Phong trào thi đua ngành giáo dục, y tế, an ninh quốc phòng"):
        assert name in names
    themes = set(Movement.objects.filter(level=Movement.Level.CITY).exclude(theme="").values_list("theme", flat=True))
    assert any(t.startswith("Đẩy mạnh chỉnh trang hiện đại hóa đô thị") for t in themes)
    assert any(t.startswith("Nâng cao ý chí tự lực, tự cường") for t in themes)


def test_officer_creates_a_movement_with_a_docx_plan_and_it_is_audited(demo_user):
    officer = demo_user("canbotdkt")
    movement = services.create_movement(
        actor=officer, commune=_commune(), name="Thi đua ra quân đầu xuân 2026", level=Movement.Level.COMMUNE,
        kind=Movement.Kind.THEMATIC, start_date=datetime.date(2026, 2, 1), end_date=datetime.date(2026, 3, 31),
        launched_on=datetime.date(2026, 1, 28), plan_document=docx(), participants=[unit("mn-hong-phong")])
    assert movement.plan_document.name.endswith(".docx") and movement.plan_document_name == "ke-hoach.docx"
    entries = AuditEntry.objects.filter(object_id=str(movement.pk), content_type__model="movement")
    assert {e.action for e in entries} == {"create", "update"}  # the record, then its participants
    assert entries.get(action="create").after["plan_document_name"] == "ke-hoach.docx"


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00 not a pdf at all"), "không phải PDF, Word (DOCX)"),
    (SimpleUploadedFile("ke-hoach.docx", b"%PDF-1.4 a pdf named docx"), "đuôi không khớp"),
    (pdf("ke-hoach.pdf", size=10 * 1024 * 1024), "quá lớn"),
])
def test_a_plan_that_is_not_a_real_pdf_or_docx_or_too_big_is_refused_and_nothing_is_saved(client_as, upload, message):
    count = Movement.objects.count()
    response = client_as("canbotdkt").post("/phong-trao/them/", {
        "name": "Phong trào thử", "level": "commune", "kind": "regular", "launched_on": "28/01/2026",
        "plan_document": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Movement.objects.count() == count


def test_the_life_cycle_goes_forward_step_by_step_each_step_dated_and_audited(demo_user):
    officer = demo_user("canbotdkt")
    movement = services.create_movement(actor=officer, commune=_commune(), name="Phong trào vòng đời",
                                        level=Movement.Level.COMMUNE, launched_on=datetime.date(2026, 1, 5))
    services.advance_movement(actor=officer, movement=movement, to_state="running", on=datetime.date(2026, 1, 20))
    services.advance_movement(actor=officer, movement=movement, to_state="interim_review",
                              on=datetime.date(2026, 6, 30), note="Hội nghị sơ kết 6 tháng")
    movement.refresh_from_db()
    assert (movement.state, movement.started_on, movement.interim_review_on) == (
        "interim_review", datetime.date(2026, 1, 20), datetime.date(2026, 6, 30))
    entry = AuditEntry.objects.filter(object_id=str(movement.pk), action="transition").first()
    assert entry.before == {"state": "running"} and entry.after == {"state": "interim_review"}
    assert "30/06/2026" in entry.note and "Hội nghị sơ kết" in entry.note
    with pytest.raises(ValidationError, match="Không thể chuyển phong trào"):
        services.advance_movement(actor=officer, movement=movement, to_state="running", on=datetime.date(2026, 7, 1))
    with pytest.raises(ValidationError, match="không được trước bước trước đó"):
        services.advance_movement(actor=officer, movement=movement, to_state="final_review",
                                  on=datetime.date(2026, 6, 1))


def test_a_clerk_cannot_create_movements(demo_user, client_as):
    with pytest.raises(PermissionDenied):
        services.create_movement(actor=demo_user("vanthu_mnhp"), commune=_commune(), name="X",
                                 level=Movement.Level.COMMUNE)
    assert client_as("vanthu_mnhp").get("/phong-trao/them/").status_code == 403


def test_the_movement_page_shows_results_with_vietnamese_figures(client_as):
    movement = Movement.objects.get(name="Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025")
    html = client_as("vanthu_mnhp").get(f"/phong-trao/{movement.pk}/").content.decode()
    assert "3.450.000.000 đồng" in html and "41 nhà" in html and "Đã tổng kết" in html


@pytest.mark.parametrize("typed, unit, stored, shown", [
    ("3.450.000.000", "đồng", Decimal(3_450_000_000), "3.450.000.000 đồng"),
    ("1.500", "đồng", Decimal(1500), "1.500 đồng"),
    ("98,5", "triệu đồng", Decimal("98.5"), "98,5 triệu đồng"),
])
def test_officer_records_a_result_typed_the_vietnamese_way(client_as, typed, unit, stored, shown):
    movement = Movement.objects.get(name="Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau")
    response = client_as("canbotdkt").post(f"/phong-trao/{movement.pk}/ket-qua/them/", {
        "indicator": "Quỹ “Vì người nghèo” vận động được", "comparator": "eq", "value": typed, "unit": unit,
        "period": "2026", "order": 9})
    assert response.status_code == 302
    result = movement.results.get(indicator="Quỹ “Vì người nghèo” vận động được")
    assert (result.value, result.display_value) == (stored, shown)
    assert AuditEntry.objects.filter(content_type__model="movementresult", object_id=str(result.pk)).exists()


def test_a_percentage_above_100_is_refused(client_as):
    movement = Movement.objects.get(name="Thi đua chuyển đổi số")
    response = client_as("canbotdkt").post(f"/phong-trao/{movement.pk}/ket-qua/them/", {
        "indicator": "Hồ sơ trực tuyến", "comparator": "eq", "value": "120", "unit": "%", "order": 1})
    assert response.status_code == 400 and "phải từ 0 đến 100" in response.content.decode()
    assert not movement.results.filter(indicator="Hồ sơ trực tuyến").exists()


def test_a_year_out_of_range_is_a_404_not_an_error(client_as):
    assert client_as("canbotdkt").get("/phong-trao/dang-ky/99999/").status_code == 404
    assert client_as("canbotdkt").get("/phong-trao/?nam=99999").status_code == 200
