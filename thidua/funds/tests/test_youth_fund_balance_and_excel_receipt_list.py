"""The youth talent fund: donations in, payouts to pupils and teachers out, a balance that never
goes below zero, and the receipt list in Excel (Vietnamese headers, #,##0, dd/mm/yyyy)."""
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from thidua.core.models import AuditEntry
from thidua.funds import demo, services
from thidua.funds.models import TalentFund
from thidua.funds.services import talent_balance

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund():
    return TalentFund.objects.get(name=demo.TALENT_NAME)


def test_the_demo_fund_holds_the_producers_donations_less_the_20_11_payouts(fund):
    donors = set(fund.donations.values_list("donor_person__full_name", flat=True))
    assert {"Vũ Văn Xa", "Phan Đắc Thống"} <= donors
    assert fund.payouts.filter(occasion="Kỷ niệm ngày Nhà giáo Việt Nam 20/11/2025", recipient_kind="teacher",
                               recipient_person__full_name="Nguyễn Thị Hiền").exists()
    assert fund.payouts.filter(recipient_kind="student").count() == 10
    assert talent_balance(fund) == 23_000_000 - 10_000_000
    demo.load(log=lambda m: None)  # idempotent
    assert talent_balance(fund) == 13_000_000


def test_donations_raise_and_payouts_lower_the_balance_never_below_zero(fund, demo_user):
    officer = demo_user("canbotdkt")
    before = talent_balance(fund)
    services.add_talent_donation(actor=officer, fund=fund, donor_name="Bà Nguyễn Thị Lan", date=datetime.date(2026, 10, 1),
                                 amount=2_000_000)
    payout = services.add_talent_payout(actor=officer, fund=fund, recipient_name="Trần Minh Khoa",
                                        recipient_kind="student", occasion="Kỷ niệm ngày Nhà giáo Việt Nam 20/11/2026",
                                        date=datetime.date(2026, 11, 20), amount=500_000,
                                        achievement="Giải Nhất học sinh giỏi cấp tỉnh")
    assert talent_balance(fund) == before + 1_500_000
    assert AuditEntry.objects.filter(object_id=str(payout.pk), action="create").exists()
    with pytest.raises(ValidationError) as exc:
        services.add_talent_payout(actor=officer, fund=fund, recipient_name="Lê Gia Huy", recipient_kind="student",
                                   occasion="Khen thưởng đột xuất", date=datetime.date(2026, 11, 21),
                                   amount=talent_balance(fund) + 1)
    assert "không đủ chi" in exc.value.messages[0]
    with pytest.raises(ValidationError):  # before the donations arrived the fund held nothing
        services.add_talent_payout(actor=officer, fund=fund, recipient_name="Lê Gia Huy", recipient_kind="student",
                                   occasion="Khen thưởng đột xuất", date=datetime.date(2025, 1, 1), amount=1)


def test_the_receipt_list_exports_to_excel(client_as):
    response = client_as("kiemtra").get("/quy/tai-nang-tre/?nam=2025&xuat=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Thu"]
    assert [c.value for c in ws[3]] == ["STT", "Ngày", "Người, đơn vị ủng hộ", "Địa chỉ", "Số tiền (đồng)", "Ghi chú"]
    first = ws[4]
    assert first[2].value == "Ông Vũ Văn Xa" and first[3].value == "Thôn Tiên Động"
    assert first[1].value.date() == datetime.date(2025, 10, 10) and first[1].number_format == "dd/mm/yyyy"
    assert first[4].value == 10_000_000 and first[4].number_format == "#,##0"
    total = ws[ws.max_row]
    assert total[3].value == "Tổng cộng" and total[4].value == 23_000_000
    payouts = wb["Chi"]
    assert payouts["G4"].value == "Kỷ niệm ngày Nhà giáo Việt Nam 20/11/2025"
    assert payouts.cell(payouts.max_row, 8).value == 10_000_000


def test_the_page_shows_the_balance_and_refuses_outsiders(client_as):
    page = client_as("chutich").get("/quy/tai-nang-tre/")
    assert page.status_code == 200
    assert "13.000.000 đồng" in page.content.decode() and "Nguyễn Thị Hiền" in page.content.decode()
    assert client_as("vanthu_mnhp").get("/quy/tai-nang-tre/").status_code == 403
    assert client_as("kiemtra").post("/quy/tai-nang-tre/", {"loai": "thu"}).status_code == 403
    bad = client_as("canbotdkt").post("/quy/tai-nang-tre/", {"loai": "chi", "chi-amount": "-5", "chi-date": "31/02/2025"})
    assert bad.status_code == 400
    assert client_as("canbotdkt").get("/quy/tai-nang-tre/?nam=abc").status_code == 404
