"""The officer's pages: template download, upload → dry-run preview → commit → undo; the
report page gives a batch to review before anything is saved; never a 500."""
import io

import pytest
from openpyxl import load_workbook

from thidua.awards.models import Award
from thidua.core.tests.seed import SEED
from thidua.exchange.models import ImportBatch
from thidua.org.models import Person

from .helpers import people_rows, workbook

pytestmark = pytest.mark.django_db


def test_template_download_has_vietnamese_headers(client_as):
    response = client_as("canbotdkt").get("/du-lieu/nhap/mau/ca-nhan.xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content))["Dữ liệu"]
    assert ws["A1"].value == "Họ và tên *"
    assert client_as("vanthu_mnhp").get("/du-lieu/nhap/mau/so-khen-thuong.xlsx").status_code == 403


def test_upload_preview_commit_and_undo_through_the_pages(client_as):
    client = client_as("vanthu_mnhp")  # a clerk, for her own unit
    rows = people_rows(3, start_id=795_000_000_000)
    rows[1]["gender"] = "không rõ"
    upload = io.BytesIO(workbook("people", rows))
    upload.name = "ds.xlsx"
    response = client.post("/du-lieu/nhap/", {"loai": "ca-nhan", "tep": upload})
    assert response.status_code == 302
    batch = ImportBatch.objects.latest("id")
    page = client.get(response.url)
    assert "Dòng 3: Giới tính “không rõ” không hợp lệ (ghi Nam hoặc Nữ)." in page.content.decode()
    assert client.post(f"/du-lieu/nhap/{batch.pk}/ghi/").status_code == 302
    assert not Person.objects.filter(citizen_id=str(795_000_000_000)).exists()

    rows[1]["gender"] = "Nữ"
    upload = io.BytesIO(workbook("people", rows))
    upload.name = "ds.xlsx"
    response = client.post("/du-lieu/nhap/", {"loai": "ca-nhan", "tep": upload})
    batch = ImportBatch.objects.latest("id")
    assert "3 dòng: 0 dòng lỗi" in client.get(response.url).content.decode()
    client.post(f"/du-lieu/nhap/{batch.pk}/ghi/")
    assert Person.objects.filter(citizen_id__startswith="7950000000").count() == 3
    client.post(f"/du-lieu/nhap/{batch.pk}/hoan-tac/")
    assert Person.objects.filter(citizen_id__startswith="7950000000").count() == 0


def test_a_file_that_is_not_excel_is_answered_in_vietnamese(client_as):
    upload = io.BytesIO(b"hello")
    upload.name = "x.xlsx"
    response = client_as("canbotdkt").post("/du-lieu/nhap/", {"loai": "ca-nhan", "tep": upload})
    assert response.status_code == 200
    assert "Không đọc được tệp" in response.content.decode()


def test_pasting_the_seed_report_gives_a_batch_to_review(client_as):
    client = client_as("canbotdkt")
    awards_before = Award.objects.count()
    response = client.post("/du-lieu/doc-bao-cao/", {"van_ban": SEED.read_text(encoding="utf-8")})
    assert response.status_code == 302
    batch = ImportBatch.objects.latest("id")
    assert batch.kind == "report" and batch.state == "draft"
    assert Award.objects.count() == awards_before  # nothing saved yet
    names = {r["cells"]["name"] for r in batch.rows}
    assert {"Nguyễn Thị Mai", "Vũ Thị Nhạn", "Đào Duy Kiên", "Phạm Ngọc Gốt"} <= names
    page = client.get(response.url).content.decode()
    assert "Nguyễn Thị Mai" in page
    mai = [r for r in batch.rows if r["cells"]["name"] == "Nguyễn Thị Mai"]
    assert [r["cells"]["code"] for r in mai if r["status"] != "info"] == ["CSTD_TINH"]
    client.post(f"/du-lieu/nhap/{batch.pk}/ghi/")
    batch.refresh_from_db()
    assert batch.state == "committed"
    assert Award.objects.count() == awards_before + batch.summary["to_import"]


@pytest.mark.parametrize("url, heading", [("/du-lieu/", "Trao đổi dữ liệu"),
                                          ("/du-lieu/nhap/", "Nhập dữ liệu từ Excel"),
                                          ("/du-lieu/doc-bao-cao/", "Đọc báo cáo cũ"),
                                          ("/du-lieu/ma-truy-cap/", "Mã truy cập API")])
def test_the_officers_exchange_pages_open_with_their_heading(client_as, url, heading):
    response = client_as("canbotdkt").get(url)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_the_api_documentation_opens():
    from django.test import Client

    response = Client().get("/du-lieu/api/docs")
    assert response.status_code == 200 and b"openapi" in response.content.lower()


def test_a_batch_that_does_not_exist_is_not_found(client_as):
    missing = (ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    assert client_as("canbotdkt").get(f"/du-lieu/nhap/{missing}/").status_code == 404
