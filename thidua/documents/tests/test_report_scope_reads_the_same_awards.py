"""The reports read a commune's awards by ids from indexed parts (``awards.selectors.award_ids``),
falling back to one OR query when there are too many: both give the same awards."""
import pytest

from thidua.awards import selectors
from thidua.documents.reports import scope
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("years", [{}, {"year_from": 2021, "year_to": 2025}, {"year_to": 2022}])
def test_the_id_list_and_the_or_query_read_the_same_awards(monkeypatch, years):
    paths = scope.commune_paths(Organisation.objects.get(code="xa-nam-thanh-mien"))
    by_ids = list(scope.awards(paths, **years).values_list("pk", flat=True))
    monkeypatch.setattr(selectors, "LISTING_ID_LIMIT", 0)
    by_or = list(scope.awards(paths, **years).values_list("pk", flat=True))
    assert sorted(by_ids) == sorted(by_or) and by_ids
