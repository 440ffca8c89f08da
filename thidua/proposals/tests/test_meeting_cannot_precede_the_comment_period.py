"""A council meeting dated before the public comment period of a dossier ends cannot take the
dossier: the service refuses, and so does the dossier page's form, in Vietnamese."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.proposals import services
from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db


def _early_meeting(flow, dossier):
    """A meeting on the last day of the comment period (the period ends at the end of it)."""
    return services.schedule_meeting(actor=flow.officer, term=flow.term, held_on=dossier.published_until,
                                     location="Hội trường UBND xã")


def _comment_period_over(flow):
    dossier = flow.end_publicity(flow.published())
    return dossier


def test_the_service_refuses_a_meeting_dated_within_the_comment_period(flow):
    dossier = _comment_period_over(flow)
    with pytest.raises(ValidationError, match="trước khi hết thời gian lấy ý kiến nhân dân"):
        services.put_on_agenda(actor=flow.officer, dossier=dossier, meeting=_early_meeting(flow, dossier))
    assert Dossier.objects.get(pk=dossier.pk).meeting_id is None


def test_the_page_refuses_it_too_and_a_later_meeting_is_accepted(flow, client_as):
    dossier = _comment_period_over(flow)
    early = _early_meeting(flow, dossier)
    client = client_as("canbotdkt")
    page = client.post(reverse("proposals:dossier_agenda", args=[dossier.pk]), {"meeting": early.pk}, follow=True)
    text = page.content.decode()
    until = dossier.published_until
    assert f"đến hết ngày {until:%d/%m/%Y}" in text and f"từ ngày {until + datetime.timedelta(days=1):%d/%m/%Y}" in text
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.PUBLISHED

    later = services.schedule_meeting(actor=flow.officer, term=flow.term, held_on=until + datetime.timedelta(days=1))
    client.post(reverse("proposals:dossier_agenda", args=[dossier.pk]), {"meeting": later.pk})
    assert Dossier.objects.get(pk=dossier.pk).meeting_id == later.pk
