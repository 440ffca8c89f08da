"""The demo's households and reviews look like the commune's: 17 villages of 150–250
households, about 96 % recognised in 2024 and 2025, a few exclusions; loading it again
changes nothing."""
import pytest
from django.core.management import call_command
from django.db.models import Count

from thidua.awards.models import Award
from thidua.org.models import Household, Organisation
from thidua.targets.models import HouseholdReview, Target, VillageReview

pytestmark = pytest.mark.django_db


def test_households_and_reviews_of_the_17_villages():
    villages = Organisation.objects.filter(kind="village", parent__code="xa-nam-thanh-mien")
    sizes = dict(Household.objects.filter(village__in=villages).values_list("village__name").annotate(n=Count("id")))
    assert len(sizes) == 17 and all(150 <= n <= 250 for n in sizes.values())
    for year in (2024, 2025):
        entries = HouseholdReview.objects.filter(review__year=year, review__status="decided")
        share = entries.filter(award__isnull=False).count() / entries.count()
        assert 0.95 <= share <= 0.97, (year, share)
        assert 5 <= entries.filter(has_exclusion=True).count() <= 60
    assert VillageReview.objects.filter(year=2025, status="meeting").count() == 1


def test_loading_the_demo_again_changes_nothing():
    counts = (Target.objects.count(), Household.objects.count(), HouseholdReview.objects.count(), Award.objects.count())
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))
    assert counts == (Target.objects.count(), Household.objects.count(), HouseholdReview.objects.count(),
                      Award.objects.count())
