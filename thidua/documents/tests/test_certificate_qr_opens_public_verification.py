"""The certificate of any award carries a QR code for the public verification page
/xac-minh/<verification code>, made absolute with THIDUA_PUBLIC_BASE_URL."""
import urllib.parse

import segno

from thidua.awards.models import Award
from thidua.documents import ledger, render

from .conftest import pdf_text


def _award():
    return Award.objects.filter(person__full_name="Nguyễn Thị Mai", award_type__code="CSTD_TINH").first()


def test_the_verification_url_defaults_to_the_local_server(db, settings):
    del settings.THIDUA_PUBLIC_BASE_URL
    award = _award()
    assert ledger.verification_url(award.verification_code) == f"http://127.0.0.1:8000/xac-minh/{award.verification_code}"


def test_the_qr_code_encodes_the_absolute_url_from_the_setting(db, settings):
    settings.THIDUA_PUBLIC_BASE_URL = "https://thidua.namthanhmien.gov.vn/"
    award = _award()
    data = ledger.certificate_data(award)
    url = f"https://thidua.namthanhmien.gov.vn/xac-minh/{award.verification_code}"
    assert data.verification_url == url
    context = render.certificate_context(data)
    # The embedded image is exactly segno's QR code of that URL.
    assert context["qr"] == segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    svg = urllib.parse.unquote(context["qr"].split(",", 1)[1])
    assert svg.startswith("<?xml") or "<svg" in svg


def test_the_certificate_page_is_a_pdf_with_the_code_for_a_user_who_sees_the_award(client_as):
    award = _award()
    response = client_as("canbotdkt").get(f"/van-ban/giay-khen/{award.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_clerk_cannot_print_the_certificate_of_another_unit(client_as):
    award = Award.objects.filter(person__full_name="Nguyễn Thị Hiền").first()  # THCS Thanh Giang
    assert client_as("vanthu_mnhp").get(f"/van-ban/giay-khen/{award.pk}/pdf/").status_code == 404


def test_a_revoked_award_prints_as_revoked(db, tmp_path):
    award = _award()
    award.revoked = True
    data = ledger.certificate_data(award)
    pdf = tmp_path / "thu-hoi.pdf"
    pdf.write_bytes(render.render_certificate_pdf(data))
    assert data.revoked and "ĐÃ THU HỒI" in pdf_text(pdf)
