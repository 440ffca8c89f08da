"""One instance serves many communes: an officer never reaches another commune's council."""
import datetime

import pytest

from thidua.org.models import Organisation
from thidua.proposals.models import CouncilTerm, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_term():
    home = Organisation.objects.get(kind=Organisation.Kind.COMMUNE, name="Xã Nam Thanh Miện")
    other = Organisation.objects.create(code="xa-khac", name="Xã Thanh Hà", kind=Organisation.Kind.COMMUNE,
                                        parent=home.parent)
    return CouncilTerm.objects.create(commune=other, name="Hội đồng TĐKT xã Thanh Hà 2026–2031",
                                      start=datetime.date(2026, 1, 1))


@pytest.mark.parametrize("route", ["thanh-vien/them/", "hop/them/"])
def test_another_communes_council_term_answers_404_and_takes_nothing(client_as, other_term, route):
    client = client_as("canbotdkt")
    url = f"/de-nghi/hoi-dong/nhiem-ky/{other_term.pk}/{route}"
    assert client.get(url).status_code == 404
    response = client.post(url, {"held_on": "20/12/2026", "place": "Hội trường", "title": "Họp xét"})
    assert response.status_code == 404
    assert not Meeting.objects.filter(term=other_term).exists() and not other_term.members.exists()


@pytest.mark.parametrize("url", ["/de-nghi/dot/them/"])
def test_an_office_user_above_the_communes_is_not_given_a_guessed_commune(client, other_term, url):
    from thidua.accounts.models import Role, User

    province = Organisation.objects.get(kind=Organisation.Kind.COMMUNE, name="Xã Nam Thanh Miện").parent
    officer = User.objects.create(username="canbo_tinh", role=Role.OFFICER, unit=province)
    client.force_login(officer)
    assert client.get(url).status_code == 403


def test_the_provinces_office_creates_the_provinces_own_council_term_never_a_communes(client, other_term):
    from thidua.accounts.models import Role, User

    province = Organisation.objects.get(kind=Organisation.Kind.COMMUNE, name="Xã Nam Thanh Miện").parent
    officer = User.objects.create(username="canbo_tinh", role=Role.OFFICER, unit=province)
    client.force_login(officer)
    assert client.get("/de-nghi/hoi-dong/nhiem-ky/them/").status_code == 200
    client.post("/de-nghi/hoi-dong/nhiem-ky/them/", {"name": "Hội đồng TĐKT thành phố 2026–2031", "start": "01/01/2026"})
    assert CouncilTerm.objects.get(name="Hội đồng TĐKT thành phố 2026–2031").commune == province
