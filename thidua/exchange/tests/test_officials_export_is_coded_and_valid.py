"""The officials' export (issue #20, 6a): the awards of cán bộ, công chức, viên chức of the
officer's commune, each title or form with the national code the administrator mapped, in a
JSON file that validates against our published schema (docs/schemas/...). An award without a
code blocks the export with the list of what to map; a direct worker's award is not an
official's and is not exported."""
import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import AwardType
from thidua.exchange import national
from thidua.exchange.models import NationalAwardCode

from .national_world import build

pytestmark = pytest.mark.django_db
CODES = {"LDTT": "DH.LDTT", "CSTD_CO_SO": "DH.CSTD-CS", "GIAY_KHEN_XA": "HT.GK-XA"}


def _map(w, codes=CODES):
    national.save_codes(actor=w.admin, codes_by_type={AwardType.objects.get(code=c).pk: v for c, v in codes.items()})


def test_unmapped_codes_block_the_export_with_the_list_to_map(client):
    w = build()
    _map(w, {"LDTT": "DH.LDTT"})
    with pytest.raises(national.UnmappedCodes) as refused:
        national.officials_document(user=w.officer, year=2025)
    assert [t.code for t in refused.value.types] == ["CSTD_CO_SO", "GIAY_KHEN_XA"]  # Chiến sĩ…, Giấy khen…
    assert "chưa có mã quốc gia" in refused.value.messages[0]
    client.force_login(w.officer)
    page = client.get("/du-lieu/quoc-gia/khen-thuong-can-bo.json?nam=2025")
    html = page.content.decode()
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "Chiến sĩ thi đua cơ sở" in html and "Giấy khen của Chủ tịch UBND xã" in html


def test_the_export_carries_the_national_codes_and_validates_against_the_published_schema(client):
    w = build()
    _map(w)
    client.force_login(w.officer)
    response = client.get("/du-lieu/quoc-gia/khen-thuong-can-bo.json?nam=2025")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    schema = json.loads(national.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(
        document)
    records = [(r["person"]["full_name"], r["award"]["national_code"], r["award"]["kind"]) for r in document["records"]]
    # Officials only (Đỗ Văn Bình is a citizen; collectives and households are not officials), 2025 only,
    # the revoked award left out; given name order (Hùng before Lan).
    assert records == [("Lê Văn Hùng", "DH.CSTD-CS", "danh_hieu_thi_dua"),
                       ("Trần Thị Lan", "DH.LDTT", "danh_hieu_thi_dua"),
                       ("Trần Thị Lan", "HT.GK-XA", "hinh_thuc_khen_thuong")]
    lan = document["records"][1]["person"]
    assert lan == {"full_name": "Trần Thị Lan", "gender": "nu", "date_of_birth": "1990-04-02",
                   "citizen_id": "034190009876", "category": "vien_chuc", "unit": "Trường Tiểu học Thử Nghiệm",
                   "position": "Giáo viên"}
    assert document["scope"] == "Xã Thử Nghiệm" and document["year"] == 2025


def test_a_document_that_breaks_the_schema_is_refused():
    person = {"full_name": "Trần Thị Lan", "gender": "nu", "date_of_birth": "02/04/1990", "citizen_id": None,
              "category": "vien_chuc", "unit": None, "position": None}
    award = {"kind": "danh_hieu_thi_dua", "national_code": "DH.LDTT", "name": "Lao động tiên tiến", "year": 2025,
             "decision_number": None, "decision_date": None, "issuer": None}
    document = {"format": "thidua-officials-awards", "version": "1.0", "generated_at": "2026-12-06T08:00:00+07:00",
                "scope": "Xã Thử Nghiệm", "year": 2025, "code_list": {"source": "x", "codes": []},
                "records": [{"person": person, "award": award}]}
    with pytest.raises(ValidationError, match="records/0/person/date_of_birth"):  # dd/mm/yyyy is not ISO 8601
        national.validate(document)
    person["date_of_birth"] = "1990-04-02"
    national.validate(document)


def test_only_the_administrator_fills_the_code_table_and_a_bad_code_changes_nothing(client):
    w = build()
    ldtt = AwardType.objects.get(code="LDTT")
    with pytest.raises(ValidationError):
        national.save_codes(actor=w.officer, codes_by_type={ldtt.pk: "DH.LDTT"})
    with pytest.raises(ValidationError, match="không hợp lệ"):
        national.save_codes(actor=w.admin, codes_by_type={ldtt.pk: "DH.LDTT", AwardType.objects.get(
            code="CSTD_CO_SO").pk: "mã có dấu"})
    assert not NationalAwardCode.objects.exists()
    client.force_login(w.admin)
    page = client.post("/du-lieu/quoc-gia/ma-quoc-gia/", {f"t{ldtt.pk}": "DH.LDTT"}, follow=True)
    assert "Đã lưu bảng mã quốc gia" in page.content.decode()
    assert NationalAwardCode.objects.get(award_type=ldtt).code == "DH.LDTT"
    client.force_login(w.officer)
    assert client.post("/du-lieu/quoc-gia/ma-quoc-gia/", {f"t{ldtt.pk}": "KHAC"}).status_code == 403
    assert NationalAwardCode.objects.get(award_type=ldtt).code == "DH.LDTT"
