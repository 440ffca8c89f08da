"""Deadlines of the flow count Vietnamese working days (core.workdays: weekends, national
holidays, Tết by the lunar calendar, the administrator's days): the office's 5 working days
to process a submitted dossier, the 10 working days to send a signed decision down."""
import datetime

import pytest
from django.utils import timezone

from thidua.core.models import CalendarDay
from thidua.core.workdays import add_working_days
from thidua.proposals.models import Decision, Dossier
from thidua.proposals.selectors import processing_due, sending_down_due

pytestmark = pytest.mark.django_db
D = datetime.date


def submitted_on(dossier: Dossier, day: D) -> Dossier:
    Dossier.objects.filter(pk=dossier.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 9)))
    return Dossier.objects.get(pk=dossier.pk)


def test_a_dossier_submitted_the_friday_before_tet_is_due_after_the_holidays(flow, client_as):
    # Tết Đinh Mùi 2027: 04/02 (29 Tết) to 10/02 (mùng 5) are days off.
    dossier = submitted_on(flow.submitted(), D(2027, 1, 29))
    assert processing_due(dossier) == D(2027, 2, 12)  # five weekdays would say 05/02
    client = client_as("canbotdkt")
    page = client.get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()
    assert 'id="han-xu-ly">12/02/2027' in page
    queue = client.get("/de-nghi/").content.decode().split('id="can-xu-ly"')[1].split("</table>")[0]
    assert "12/02/2027" in queue and "05/02/2027" not in queue


def test_a_day_off_the_administrator_adds_moves_the_processing_deadline(flow, client_as):
    dossier = submitted_on(flow.submitted(), D(2026, 12, 10))  # Thursday
    assert processing_due(dossier) == D(2026, 12, 17)
    CalendarDay.objects.create(day=D(2026, 12, 14), name="Nghỉ bầu cử bổ sung (địa phương)")
    assert processing_due(dossier) == D(2026, 12, 18)
    assert 'id="han-xu-ly">18/12/2026' in client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()


def test_a_signed_decision_is_sent_down_within_ten_working_days(flow, client_as):
    assert sending_down_due(Decision(kind=Decision.Kind.AWARD, date=D(2027, 1, 29))) == D(2027, 2, 19)
    dossier = flow.decided()
    due = add_working_days(dossier.decision.date, 10)
    client = client_as("vanthu_mnhp")
    expected = f'id="han-gui-quyet-dinh">chậm nhất {due:%d/%m/%Y}'
    assert expected in client.get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()
    assert expected in client.get(f"/de-nghi/quyet-dinh/{dossier.decision_id}/").content.decode()


def test_a_province_decision_has_no_sending_down_deadline_of_the_commune():
    assert sending_down_due(Decision(kind=Decision.Kind.PROVINCE, date=D(2027, 1, 29))) is None
