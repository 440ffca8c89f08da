"""Browser: a script typed into a person's name and note is shown as text and never runs."""
import pytest

from thidua.org import services
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def test_a_stored_script_payload_is_displayed_but_never_executed(login_page, live_demo):
    unit = Organisation.objects.get(code="mn-hong-phong")
    person = services.create_person(actor=None, organisation=unit, position="Giáo viên",
                                    full_name="Cô " + PAYLOAD, gender="F", category="vien_chuc", note=PAYLOAD)
    page = login_page("canbotdkt")
    for path in (f"/ca-nhan/{person.pk}/", f"/to-chuc/{unit.pk}/", "/tim-kiem/?q=script", "/nhat-ky/"):
        page.goto(f"{live_demo.url}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined"), path
    page.goto(f"{live_demo.url}/ca-nhan/{person.pk}/")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
