"""Every page of the app answers for the roles that may use it, refuses the others (403/404),
and bad input never gives a 500."""
import pytest

from thidua.awards.models import Award


@pytest.mark.parametrize("username", ["canbotdkt", "chutich", "phochutich", "hoidong", "kiemtra", "quantri"])
def test_commune_wide_roles_open_the_report_pages(client_as, username):
    client = client_as(username)
    assert "Báo cáo tổng kết 5 năm" in client.get("/van-ban/").content.decode()
    page = client.get("/van-ban/bao-cao/5-nam/?tu=2021&den=2025")
    assert page.status_code == 200 and 'hx-trigger="load"' in page.content.decode()
    preview = client.get("/van-ban/bao-cao/5-nam/xem-truoc/?tu=2021&den=2025")
    assert preview.status_code == 200 and "Cô Nguyễn Thị Mai" in preview.content.decode()


def test_a_unit_clerk_has_no_commune_report(client_as):
    client = client_as("vanthu_mnhp")
    index = client.get("/van-ban/")
    assert index.status_code == 200 and "Báo cáo tổng kết 5 năm" not in index.content.decode()
    assert client.get("/van-ban/bao-cao/5-nam/").status_code == 403
    assert client.post("/van-ban/bao-cao/5-nam/tao/", {"tu": 2021, "den": 2025, "dinh_dang": "docx"}).status_code == 403


@pytest.mark.parametrize("url", [
    "/van-ban/bao-cao/5-nam/?tu=abc&den=2025", "/van-ban/bao-cao/5-nam/?tu=2025&den=2010",
    "/van-ban/bao-cao/5-nam/xem-truoc/?tu=1&den=2", "/van-ban/bao-cao/nam/?nam=99999", "/van-ban/bao-cao/nam/?xa=abc",
    "/van-ban/quyet-dinh/?nam=abc&page=zz", "/van-ban/thanh-tich/?q=%00", "/van-ban/mau/quyet-dinh/",
    "/van-ban/mau/to-trinh/", "/van-ban/mau/bien-ban/", "/van-ban/mau/giay-moi/", "/van-ban/mau/quyet-dinh-pdf/",
    "/van-ban/mau-van-ban/", "/van-ban/mau-van-ban/report/tai-ve/",
])
def test_odd_input_never_gives_a_server_error(client_as, url):
    assert client_as("canbotdkt").get(url).status_code < 500


@pytest.mark.parametrize("url, status", [
    ("/van-ban/bao-cao/khac/", 404), ("/van-ban/bao-cao/nam/?xa=999999", 404), ("/van-ban/mau/khong-co/", 404),
    ("/van-ban/mau-van-ban/khong-co/tai-ve/", 404), ("/van-ban/tac-vu/999999/", 404),
    ("/van-ban/giay-khen/999999/pdf/", 404), ("/van-ban/quyet-dinh/999999/docx/", 404),
])
def test_unknown_things_are_not_found(client_as, url, status):
    assert client_as("canbotdkt").get(url).status_code == status


def test_a_renderer_failure_is_a_friendly_page(client_as, monkeypatch):
    from thidua.documents import render

    monkeypatch.setattr(render, "render_certificate_pdf", lambda data: 1 / 0)
    award = Award.objects.filter(person__full_name="Nguyễn Thị Mai").first()
    response = client_as("canbotdkt").get(f"/van-ban/giay-khen/{award.pk}/pdf/")
    assert response.status_code == 503 and "Không tạo được văn bản" in response.content.decode()


def test_anonymous_users_are_sent_to_login(client):
    response = client.get("/van-ban/")
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_person_and_unit_pages_link_to_their_documents(client_as):
    from thidua.org.models import Organisation, Person

    client = client_as("canbotdkt")
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    html = client.get(f"/ca-nhan/{mai.pk}/").content.decode()
    assert f"/van-ban/thanh-tich/{mai.pk}/" in html and f"/van-ban/ca-nhan/{mai.pk}/giay-khen/" in html
    assert "/van-ban/giay-khen/" in client.get(f"/van-ban/ca-nhan/{mai.pk}/giay-khen/").content.decode()
    school = Organisation.objects.get(code="thcs-thanh-giang")
    html = client.get(f"/to-chuc/{school.pk}/").content.decode()
    assert f"/van-ban/tap-the/{school.pk}/giay-khen/" in html
    listing = client.get(f"/van-ban/tap-the/{school.pk}/giay-khen/").content.decode()
    assert "Bằng khen của Bộ trưởng" in listing and "/van-ban/giay-khen/" in listing
