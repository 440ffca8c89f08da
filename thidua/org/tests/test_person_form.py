import pytest

from thidua.core.models import AuditEntry
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db


def _post(client, **overrides):
    data = {"full_name": "Lương Thị Hảo", "gender": "F", "date_of_birth": "05/09/1990",
            "citizen_id": "030190009999", "category": "vien_chuc", "note": "",
            "organisation": Organisation.objects.get(code="mn-hong-phong").pk, "position": "Giáo viên"}
    data.update(overrides)
    return client.post("/ca-nhan/them/", data)


@pytest.mark.parametrize("bad", ["12345", "0301900099991", "03019000999a", "０３０１９０００９９９９"])
def test_an_invalid_citizen_id_is_rejected_in_vietnamese_and_nothing_is_saved(client_as, bad):
    people, entries = Person.objects.count(), AuditEntry.objects.count()
    response = _post(client_as("vanthu_mnhp"), citizen_id=bad)
    assert response.status_code == 200
    assert "Số CCCD phải gồm đúng 12 chữ số" in response.content.decode()
    assert (Person.objects.count(), AuditEntry.objects.count()) == (people, entries)


def test_a_clerk_adds_a_colleague_with_a_dd_mm_yyyy_birth_date(client_as):
    response = _post(client_as("vanthu_mnhp"))
    person = Person.objects.get(full_name="Lương Thị Hảo")
    assert response.status_code == 302 and response["Location"] == f"/ca-nhan/{person.pk}/"
    assert person.date_of_birth.isoformat() == "1990-09-05"
    assert person.memberships.get().organisation.code == "mn-hong-phong"
    page = client_as("vanthu_mnhp").get(f"/ca-nhan/{person.pk}/").content.decode()
    assert "05/09/1990" in page


def test_a_clerk_cannot_add_people_to_another_unit(client_as):
    response = _post(client_as("vanthu_mnhp"), organisation=Organisation.objects.get(code="thcs-thanh-giang").pk)
    assert response.status_code == 200
    assert not Person.objects.filter(full_name="Lương Thị Hảo").exists()


def test_a_duplicate_citizen_id_in_her_scope_is_refused_naming_the_holder(client_as):
    _post(client_as("vanthu_mnhp"))
    response = _post(client_as("vanthu_mnhp"), full_name="Người Khác")
    assert "Số CCCD này đã dùng cho Lương Thị Hảo" in response.content.decode()


def test_a_clerk_does_not_learn_that_a_citizen_id_exists_in_another_unit(client_as):
    other = Organisation.objects.get(code="thcs-thanh-giang")
    outsider = Person.objects.create(full_name="Người Ở Đơn Vị Khác", citizen_id="030190008888")
    outsider.memberships.create(organisation=other, position="Giáo viên")
    taken = _post(client_as("vanthu_mnhp"), citizen_id="030190008888").content.decode()
    assert "đã có trong hệ thống" not in taken and "Người Ở Đơn Vị Khác" not in taken
    assert "đã dùng cho" not in taken
    assert "Hãy đối chiếu lại với thẻ CCCD" in taken
    assert not Person.objects.filter(full_name="Lương Thị Hảo").exists()


def test_names_typed_in_decomposed_unicode_are_stored_composed(client_as):
    import unicodedata
    _post(client_as("vanthu_mnhp"), full_name=unicodedata.normalize("NFD", "Lương Thị Hảo"))
    assert Person.objects.filter(full_name="Lương Thị Hảo").exists()


@pytest.mark.parametrize("typed", ["L\xad\xacng Th\xde H\xb6o", "Lu\u031bo\u031bng Thi\u0323 Ha\u0309o"])
def test_a_name_typed_in_an_old_encoding_or_decomposed_is_stored_as_unicode(client_as, typed):
    _post(client_as("vanthu_mnhp"), full_name=typed)
    assert Person.objects.filter(full_name="Lương Thị Hảo").exists()
