"""/quy/: receipts, spending, commitments and balance per year for the office, the chairman and
the auditors; nobody else; bad input never gives a 500."""
import pytest

from thidua.core.text import format_vnd
from thidua.funds.ledger import fund_figures
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["canbotdkt", "chutich", "kiemtra"])
def test_office_chairman_and_auditor_read_the_funds(client_as, username):
    page = client_as(username).get("/quy/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "2025" in text and "38.000.000 đồng" in text  # 30 million budget + 8 million donations
    detail = client_as(username).get("/quy/2025/")
    assert detail.status_code == 200
    body = detail.content.decode()
    assert "Ông Vũ Văn Xa, thôn Tiên Động" in body
    figures = fund_figures(Organisation.objects.get(code="xa-nam-thanh-mien"), 2025)
    assert figures.spending > 0 and figures.spending_rows
    assert format_vnd(figures.spending) in body  # the commune's 2025 decisions in the ledger
    assert format_vnd(38_000_000 - figures.spending) in body  # balance
    assert f"{figures.spending_rows[0].decision_date:%d/%m/%Y}" in body


def test_others_are_refused(client_as):
    assert client_as("vanthu_mnhp").get("/quy/").status_code == 403
    assert client_as("hoidong").get("/quy/2025/").status_code == 403


def test_bad_input_is_answered_not_crashed(client_as):
    officer = client_as("canbotdkt")
    assert officer.get("/quy/abc/").status_code == 404
    assert officer.get("/quy/99999/").status_code == 404
    assert officer.post("/quy/2025/", {"kind": "donation", "amount": "x", "date": "hôm qua"}).status_code == 400
    assert officer.post("/quy/2025/", {"kind": "donation", "amount": "100", "date": "01/05/2025"}).status_code == 400
    assert officer.post("/quy/2025/thu/999999/xoa/").status_code == 404
    assert client_as("kiemtra").post("/quy/2025/", {"kind": "budget"}).status_code == 403


def test_the_office_opens_a_fund_and_records_a_receipt(client_as):
    officer = client_as("canbotdkt")
    response = officer.post("/quy/", {"year": "2027", "opening_balance": "0", "note": ""})
    assert response.status_code == 302 and response["Location"] == "/quy/2027/"
    assert officer.post("/quy/", {"year": "2027", "opening_balance": "0"}).status_code == 200  # already open: form error
    response = officer.post("/quy/2027/", {"kind": "budget", "date": "15/01/2027", "amount": "50000000",
                                           "reference": "QĐ giao dự toán"})
    assert response.status_code == 302
    assert "50.000.000 đồng" in officer.get("/quy/2027/").content.decode()
