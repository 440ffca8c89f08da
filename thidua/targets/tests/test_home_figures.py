"""The home page of the officer and the chairman shows this year's figures, computed from the
data, against the 2026–2030 targets: each with its target, the share reached and a link to the
target's page (issue #16 item 3)."""
from decimal import Decimal

import pytest
from django.utils import timezone

from thidua.movements.selectors import registration_coverage
from thidua.targets.home import share_reached
from thidua.targets.models import Target

pytestmark = pytest.mark.django_db


def _target(direction, unit="%"):
    return Target(name="x", unit=unit, direction=direction, decimals=1)


@pytest.mark.parametrize("direction, actual, planned, share", [
    (Target.Direction.AT_LEAST, Decimal(37 * 100) / 42, Decimal(100), Decimal("88.1")),
    (Target.Direction.AT_LEAST, Decimal(95), Decimal(90), Decimal(100)),       # beyond the target: 100 %
    (Target.Direction.AT_MOST, Decimal("0.8"), Decimal(1), Decimal(100)),      # under the ceiling
    (Target.Direction.AT_MOST, Decimal(2), Decimal(1), Decimal("50.0")),       # twice the ceiling
    (Target.Direction.REACH, Decimal(1), Decimal(2), Decimal("50.0")),         # one level of two
    (Target.Direction.AT_LEAST, None, Decimal(90), None),                      # no figure yet
])
def test_the_share_reached_is_the_figure_over_its_target_at_most_100(direction, actual, planned, share):
    assert share_reached(_target(direction), actual, planned) == share


def _row(html: str, name: str) -> str:
    return html.split(f">{name}</a>")[1].split("</tr>")[0]


def test_the_officers_home_page_shows_this_years_registration_against_its_target_within_a_query_budget(
        client_as, demo_user, django_assert_max_num_queries):
    year = timezone.localdate().year
    coverage = registration_coverage(user=demo_user("canbotdkt"), year=year)
    by_hand = f"{Decimal(coverage['registered'] * 100) / coverage['expected']:.1f}".replace(".", ",")
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(54):
        response = client.get("/")
    html = response.content.decode()
    assert f"Số liệu năm {year} so với chỉ tiêu 2026–2030" in html
    row = _row(html, "Cơ quan, đơn vị đăng ký giao ước thi đua hằng năm")
    assert f"<td class=\"num\">{by_hand} %</td><td>từ 100,0 %</td>" in row
    assert f"<td class=\"num\">{by_hand} %</td>\n" in row  # the share of a 100 % target is the figure itself
    assert '/chi-tieu/dang-ky-thi-dua/' in html and 'href="/chi-tieu/"' in html
    # only figures computed from the data: an entered target is not among them
    assert "Thu nhập bình quân đầu người" not in html


def test_the_chairman_sees_the_figures_and_a_clerk_or_council_member_does_not(client_as):
    assert "so với chỉ tiêu 2026–2030" in client_as("chutich").get("/").content.decode()
    for username in ("vanthu_mnhp", "hoidong"):
        assert "so với chỉ tiêu 2026–2030" not in client_as(username).get("/").content.decode()
