"""An exemplar's page: the story, what they did (land, money, model, OCOP product), photos
and the awards in the ledger; every exemplar of the report is linked to its person or unit."""
import pytest

from thidua.public.demo import EXEMPLARS
from thidua.public.models import Exemplar

pytestmark = pytest.mark.django_db


def test_every_exemplar_of_the_report_is_linked_to_its_person_or_unit():
    assert Exemplar.objects.count() == len(EXEMPLARS)
    assert not Exemplar.objects.filter(person__isnull=True, organisation__isnull=True).exists()
    for name in ("Nguyễn Thị Mai", "Vũ Thị Mỵ", "Đào Duy Kiên", "Nguyễn Thị Lan Anh", "Phạm Ngọc Gốt",
                 "Phan Đắc Thược", "Nguyễn Thị Kim Nhài", "Vũ Đình Ba"):
        assert Exemplar.objects.filter(person__full_name=name).exists(), name
    assert set(Exemplar.objects.values_list("sector", flat=True)) == {
        "mam_non", "tieu_hoc", "thcs", "y_te", "an_ninh", "mttq", "thon_xom", "hien_dat", "san_xuat"}


def test_the_page_tells_what_they_did(client, django_assert_max_num_queries):
    got = Exemplar.objects.get(person__full_name="Phạm Ngọc Gốt")
    with django_assert_max_num_queries(5):
        html = client.get(f"/cong-khai/guong-dien-hinh/{got.slug}/").content.decode()
    assert "Ông Phạm Ngọc Gốt" in html and "123 m²" in html and "Hiến đất làm đường" in html
    thuy = Exemplar.objects.get(person__full_name="Vũ Đình Thúy")
    assert "60.000.000 đồng" in client.get(f"/cong-khai/guong-dien-hinh/{thuy.slug}/").content.decode()
    thuoc = Exemplar.objects.get(person__full_name="Phan Đắc Thược")
    assert "Bánh đa Q5" in client.get(f"/cong-khai/guong-dien-hinh/{thuoc.slug}/").content.decode()
    mai = Exemplar.objects.get(person__full_name="Nguyễn Thị Mai")
    html = client.get(f"/cong-khai/guong-dien-hinh/{mai.slug}/").content.decode()
    assert "Trong sổ khen thưởng của xã" in html and "UBND tỉnh Hải Dương" in html


def test_the_list_filters_by_sector(client):
    html = client.get("/cong-khai/guong-dien-hinh/", {"linh-vuc": "hien_dat"}).content.decode()
    assert "Ông Trần Văn Khảm" in html and "Cô Nguyễn Thị Mai" not in html
    assert client.get("/cong-khai/guong-dien-hinh/", {"linh-vuc": "khong-co"}).status_code == 200


def test_without_consent_or_before_its_date_a_story_is_not_public(client):
    exemplar = Exemplar.objects.get(person__full_name="Vũ Văn Hưng")
    Exemplar.objects.filter(pk=exemplar.pk).update(published_on="2099-01-01")
    assert client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").status_code == 404
    Exemplar.objects.filter(pk=exemplar.pk).update(published_on="2025-01-01", consent_to_publish=False)
    assert client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").status_code == 404
    assert client.get("/cong-khai/guong-dien-hinh/khong-co/").status_code == 404
