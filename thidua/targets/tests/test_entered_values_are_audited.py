"""Values that are entered (not computed) keep who entered them and when, and every change
is in the audit log; the file import goes through the same audited path, all or nothing."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.models import AuditEntry
from thidua.targets import services
from thidua.targets.models import Target, TargetValue

pytestmark = pytest.mark.django_db


def _audit(value):
    return list(AuditEntry.objects.filter(content_type__app_label="targets", content_type__model="targetvalue",
                                          object_id=str(value.pk)).order_by("id"))


def test_an_entered_value_records_who_and_when_and_each_change_is_audited(client_as, demo_user):
    client = client_as("canbotdkt")
    url = "/chi-tieu/thu-nhap-binh-quan/"
    response = client.post(url, {"tt-year": "2025", "tt-actual": "95,5", "tt-note": "Báo cáo KT-XH 2025"})
    assert response.status_code == 302
    value = TargetValue.objects.get(target__code="thu-nhap-binh-quan", year=2025)
    assert value.actual == Decimal("95.5") and value.entered_by == demo_user("canbotdkt")
    assert value.entered_at is not None and value.actual_origin == "entered"
    client.post(url, {"tt-year": "2025", "tt-actual": "96", "tt-note": "Số liệu điều chỉnh"})
    entries = _audit(value)
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[0].actor_name and entries[1].before["actual"] == "95.50" and entries[1].after["actual"] == "96.00"
    html = client.get(url).content.decode()
    assert "Cán bộ TĐKT xã" in html and "Lịch sử thay đổi" in html  # who, on the page


def test_bad_input_gets_a_vietnamese_message_not_an_error_page(client_as):
    client = client_as("canbotdkt")
    for data, message in [({"tt-year": "2025", "tt-actual": "nhiều"}, "không phải là số"),
                          ({"tt-year": "2025", "tt-actual": "120"}, "không quá 100"),
                          ({"tt-year": "2031", "tt-actual": "90"}, "năm đã qua hoặc năm nay")]:
        response = client.post("/chi-tieu/tthc-dung-han/", data)
        assert response.status_code == 400
        assert message in response.content.decode()
    level = client.post("/chi-tieu/nong-thon-moi/", {"tt-year": "2025", "tt-actual": "7"})
    assert level.status_code == 400


def test_computed_targets_refuse_entry_and_clerks_cannot_enter(demo_user, client_as):
    target = Target.objects.get(code="gia-dinh-van-hoa")
    with pytest.raises(ValidationError, match="tính tự động"):
        services.enter_actual(actor=demo_user("canbotdkt"), target=target, year=2025, actual=Decimal(99))
    response = client_as("vanthu_mnhp").post("/chi-tieu/giao-quan/", {"tt-year": "2025", "tt-actual": "90"})
    assert response.status_code == 403


def test_a_planned_value_change_is_audited(demo_user):
    target = Target.objects.get(code="tthc-dung-han")
    value = services.set_planned(actor=demo_user("canbotdkt"), target=target, year=2026, planned=Decimal(96))
    assert _audit(value)[-1].after == {"planned": "96.00"}


def _csv(text):
    return SimpleUploadedFile("so-lieu.csv", text.encode("utf-8"), content_type="text/csv")


def test_an_import_is_audited_and_rejected_whole_when_a_line_is_wrong(client_as):
    client = client_as("canbotdkt")
    bad = client.post("/chi-tieu/nhap-tu-tep/", {"file": _csv(
        "Mã chỉ tiêu;Năm;Giá trị;Ghi chú\ntthc-dung-han;2025;97,2;Sở Nội vụ\nkhong-co;2025;1;\n"
        "gia-dinh-van-hoa;2025;99;\nnong-thon-moi;2025;Nông thôn mới nâng cao;\n")})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "Dòng 3" in text and "khong-co" in text and "Dòng 4" in text and "tính tự động" in text
    assert not TargetValue.objects.filter(target__code="tthc-dung-han", year=2025).exists()

    good = client.post("/chi-tieu/nhap-tu-tep/", {"file": _csv(
        "Mã chỉ tiêu;Năm;Giá trị;Ghi chú\ntthc-dung-han;2025;97,2;Sở Nội vụ\nnong-thon-moi;2025;Nông thôn mới;\n")})
    assert good.status_code == 302
    value = TargetValue.objects.get(target__code="tthc-dung-han", year=2025)
    assert value.actual == Decimal("97.2") and value.actual_origin == "imported"
    assert TargetValue.objects.get(target__code="nong-thon-moi", year=2025).actual == 1
    assert "nhập từ tệp" in _audit(value)[-1].note
    for upload in (SimpleUploadedFile("x.pdf", b"%PDF"), _csv("một cột"), _csv(""),
                   SimpleUploadedFile("x.xlsx", b"PK\x03\x04 broken"), SimpleUploadedFile("x.csv", b"\xff\xfe\x00")):
        response = client.post("/chi-tieu/nhap-tu-tep/", {"file": upload})
        assert response.status_code == 400 and 'class="error' in response.content.decode()
