"""The length of the public comment period is the province's rule, an editable parameter with
its source (rules.md: "Publicity (công khai) of the proposal list: Law Điều 84 khoản 5 [S]; its
length is local [U]" — issue #19 item 7), not a number buried in the code."""
import datetime

import pytest

from thidua.awards.models import RuleParameter
from thidua.proposals import services
from thidua.proposals.models import AwardRound

pytestmark = pytest.mark.django_db


def test_the_catalogue_holds_the_publicity_length_with_its_article():
    row = RuleParameter.objects.get(key="publicity_days")
    assert row.value_text == "5" and row.marker == "U"
    assert "Điều 84 khoản 5" in row.article


def test_a_new_round_takes_the_length_the_administrator_set(flow, client_as):
    RuleParameter.objects.filter(key="publicity_days").update(value_text="7")
    page = client_as("canbotdkt").get("/de-nghi/dot/them/").content.decode()
    assert 'value="7"' in page and "Điều 84 khoản 5" in page
    commune = flow.round.commune
    new = services.create_round(actor=flow.officer, commune=commune, name="Đợt chuyên đề thử", kind=flow.round.kind,
                                year=2026, deadline=datetime.date(2026, 12, 20))
    assert AwardRound.objects.get(pk=new.pk).publicity_days == 7
