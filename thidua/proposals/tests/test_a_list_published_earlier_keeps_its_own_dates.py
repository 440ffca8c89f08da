"""A list put up on the notice board earlier is recorded with the day it went up
(``publish_dossier(on=…)``, used by a round replayed on its own clock): the comment period runs
from that day, so it can really be over when the council meets. A day still to come is refused."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.proposals import services
from thidua.proposals.models import Dossier


def test_the_comment_period_runs_from_the_day_the_list_went_up(flow):
    dossier = flow.accepted()
    day = timezone.localdate() - datetime.timedelta(days=flow.round.publicity_days + 1)
    published = services.publish_dossier(actor=flow.officer, dossier=dossier, on=day)
    assert published.published_on == day
    assert published.published_until == day + datetime.timedelta(days=flow.round.publicity_days - 1)
    assert published.publicity_ended() and not published.publicity_open()
    meeting = services.schedule_meeting(actor=flow.officer, term=flow.term, held_on=timezone.localdate())
    assert services.put_on_agenda(actor=flow.officer, dossier=published, meeting=meeting).state == Dossier.State.AT_COUNCIL


def test_a_day_still_to_come_is_refused_and_nothing_changes(flow):
    dossier = flow.accepted()
    with pytest.raises(ValidationError, match="không được sau hôm nay"):
        services.publish_dossier(actor=flow.officer, dossier=dossier,
                                 on=timezone.localdate() + datetime.timedelta(days=1))
    again = Dossier.objects.get(pk=dossier.pk)
    assert again.state == Dossier.State.ACCEPTED and again.published_on is None
