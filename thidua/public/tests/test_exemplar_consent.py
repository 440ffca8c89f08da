"""A story is published only with the consent of the person (or collective) it tells about;
withdrawing consent takes it off the public site at once. Every change is audited."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.core.models import AuditEntry
from thidua.org.models import Person
from thidua.public import services
from thidua.public.models import Exemplar

pytestmark = pytest.mark.django_db


def test_no_publication_without_consent(demo_user, client_as):
    officer = demo_user("canbotdkt")
    person = Person.objects.get(full_name="Vũ Thị Thêu")
    exemplar = services.create_exemplar(
        actor=officer, commune=Exemplar.objects.first().commune, person=person, display_name="Bà Vũ Thị Thêu",
        role_line="Trạm trưởng Trạm Y tế số 3", sector="y_te", headline="Tận tụy với người bệnh",
        story="Câu chuyện.", consent_to_publish=False)
    assert exemplar.slug.startswith("ba-vu-thi-theu")
    with pytest.raises(ValidationError, match="đồng ý"):
        services.publish(actor=officer, exemplar=exemplar)
    response = client_as("canbotdkt").post(f"/cong-khai/quan-ly/{exemplar.pk}/cong-bo/",
                                           {"published_on": "01/11/2026"}, follow=True)
    assert "Chưa có sự đồng ý công bố" in response.content.decode()
    exemplar.refresh_from_db()
    assert exemplar.published_on is None
    assert AuditEntry.objects.filter(content_type__model="exemplar", object_id=str(exemplar.pk), action="create").exists()


def test_withdrawn_consent_unpublishes_at_once(demo_user, client):  # client: anonymous here
    officer = demo_user("canbotdkt")
    exemplar = Exemplar.objects.public().first()
    assert client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").status_code == 200
    services.update_exemplar(actor=officer, exemplar=exemplar, consent_to_publish=False,
                             consent_note="Gia đình đề nghị không đăng nữa")
    exemplar.refresh_from_db()
    assert exemplar.published_on is None
    assert client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").status_code == 404


def test_only_officers_edit_and_forms_answer_in_vietnamese(demo_user, client_as):
    with pytest.raises(PermissionDenied):
        services.publish(actor=demo_user("vanthu_mnhp"), exemplar=Exemplar.objects.first())
    assert client_as("vanthu_mnhp").get("/cong-khai/quan-ly/them/").status_code == 403
    client = client_as("canbotdkt")
    response = client.post("/cong-khai/quan-ly/them/", {"display_name": "", "sector": "khong-co"})
    assert response.status_code == 400 and "Trường này là bắt buộc" in response.content.decode()
    exemplar = Exemplar.objects.first()
    bad_date = client.post(f"/cong-khai/quan-ly/{exemplar.pk}/cong-bo/", {"published_on": "32/13/2026"}, follow=True)
    assert "Ngày công bố không hợp lệ" in bad_date.content.decode()
    ok = client.post(f"/cong-khai/quan-ly/{exemplar.pk}/cong-bo/", {"published_on": "02/11/2026"})
    assert ok.status_code == 302
    exemplar.refresh_from_db()
    assert exemplar.published_on == datetime.date(2026, 11, 2)
