"""Browser: an officer logs in, searches a person without diacritics and opens her page."""
import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_officer_finds_a_teacher_typed_without_diacritics_and_opens_her_page(login_page, live_demo):
    page = login_page("canbotdkt")
    page.fill("header input[name=q]", "nguyen thi mai")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/tim-kiem/**")
    result = page.locator("#people-results li", has_text="Nguyễn Thị Mai")
    assert "Trường Mầm non Hồng Phong" in result.inner_text()
    result.get_by_role("link", name="Nguyễn Thị Mai").click()
    page.wait_for_url("**/ca-nhan/**")
    assert page.locator("h1").inner_text() == "Nguyễn Thị Mai"
    assert page.get_by_text("Phó Hiệu trưởng").is_visible()
