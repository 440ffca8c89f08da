"""The ledger page reads its rows through indexed parts (``ledger_listing``): the same rows, in
the same order, as the scoped ``ledger`` for every kind of account and filter."""
import pytest

from thidua.awards import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["canbotdkt", "vanthu_mnhp", "vanthu_thcstg", "chutich", "quantri", "kiemtra"])
@pytest.mark.parametrize("year, code", [(None, ""), (2025, ""), (2024, "LDTT"), (None, "GIA_DINH_VAN_HOA")])
def test_the_ledger_page_lists_exactly_the_scoped_ledger(demo_user, username, year, code):
    user = demo_user(username)
    expected = list(selectors.ledger(user=user, year=year, code=code).values_list("pk", flat=True))
    assert list(selectors.ledger_listing(user=user, year=year, code=code).values_list("pk", flat=True)) == expected


def test_a_scope_too_wide_for_an_id_list_reads_the_ledger_itself(demo_user, monkeypatch):
    user = demo_user("canbotdkt")
    monkeypatch.setattr(selectors, "LISTING_ID_LIMIT", 3)
    expected = list(selectors.ledger(user=user).values_list("pk", flat=True))
    assert len(expected) > 3
    assert list(selectors.ledger_listing(user=user).values_list("pk", flat=True)) == expected
