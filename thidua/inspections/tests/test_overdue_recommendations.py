"""A recommendation past its deadline (in Vietnamese working days) is in the officer's work
queue and in the notices, once; a closed one or one still within its time is not."""
from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from thidua.accounts.models import Notification, NotificationKind
from thidua.inspections import services
from thidua.inspections.models import Recommendation


def test_the_deadline_counts_working_days_skipping_the_weekend_and_tet(world):
    friday = datetime.date(2026, 2, 13)  # Tết Bính Ngọ falls on 17/02/2026
    r = world.recommend("Bổ sung biên bản họp xét.", issued_on=friday, working_days=2)
    # Sat 14, Sun 15 are weekend; 16–20/02 the Tết holiday; Mon 23 and Tue 24 are working days.
    assert r.due_on == datetime.date(2026, 2, 24)
    assert r.responsible_position == "Giáo viên"


def test_a_recommendation_past_its_deadline_is_in_the_officers_queue(world, client_as):
    long_ago = timezone.localdate() - datetime.timedelta(days=60)
    late = world.recommend("Cập nhật sổ theo dõi khen thưởng của trường.", issued_on=long_ago)
    world.recommend("Niêm yết danh sách đề nghị khen thưởng.", issued_on=timezone.localdate())
    done = world.recommend("Bổ sung minh chứng tiêu chí 3.", issued_on=long_ago)
    services.close_recommendation(actor=world.officer, recommendation=done, closed_on=timezone.localdate(),
                                  outcome="Đã bổ sung.")

    page = client_as("canbotdkt").get("/de-nghi/").content.decode()
    section = page.split('id="kien-nghi-qua-han"', 1)[1].split("</section>", 1)[0]
    assert "Cập nhật sổ theo dõi khen thưởng của trường." in section
    assert f"/kiem-tra/kien-nghi/{late.pk}/" in section
    assert "Niêm yết danh sách" not in section      # still within its time
    assert "Bổ sung minh chứng" not in section       # closed

    clerk_page = client_as("vanthu_thcstg").get("/de-nghi/").content.decode()
    assert 'id="kien-nghi-qua-han"' not in clerk_page  # the office's queue, not the clerk's


def test_the_notices_tell_the_officer_and_the_units_clerk_once_per_recommendation(world):
    late = world.recommend("Cập nhật sổ theo dõi khen thưởng của trường.",
                           issued_on=timezone.localdate() - datetime.timedelta(days=60))
    call_command("send_deadline_notices", stdout=open("/dev/null", "w"))
    notices = Notification.objects.filter(kind=NotificationKind.RECOMMENDATION_OVERDUE,
                                          url=f"/kiem-tra/kien-nghi/{late.pk}/")
    assert set(notices.values_list("user__username", flat=True)) == {"canbotdkt", "vanthu_thcstg"}
    body = notices.first().body
    assert "Nguyễn Thị Hiền" in body and f"{late.due_on:%d/%m/%Y}" in body

    call_command("send_deadline_notices", stdout=open("/dev/null", "w"))  # the next morning's run
    assert notices.count() == 2


def test_closing_needs_the_outcome_and_closes_once(world):
    r = world.recommend("Bổ sung minh chứng.", issued_on=timezone.localdate())
    with pytest.raises(ValidationError, match="kết quả khắc phục"):
        services.close_recommendation(actor=world.officer, recommendation=r, closed_on=timezone.localdate(), outcome=" ")
    services.close_recommendation(actor=world.officer, recommendation=r, closed_on=timezone.localdate(),
                                  outcome="Đã bổ sung đủ.")
    assert Recommendation.objects.get(pk=r.pk).is_closed
    with pytest.raises(ValidationError, match="đã hoàn thành"):
        services.close_recommendation(actor=world.officer, recommendation=r, closed_on=timezone.localdate(),
                                      outcome="Lần nữa.")


def test_the_scheduled_morning_run_sends_the_recommendation_notices_too(world):
    """The scheduler runs the task, not the command: it must send every registered notice."""
    from thidua.proposals.tasks import send_deadline_notices

    late = world.recommend("Lập sổ theo dõi phong trào.", issued_on=timezone.localdate() - datetime.timedelta(days=60))
    counts = send_deadline_notices.call()
    assert Notification.objects.filter(kind=NotificationKind.RECOMMENDATION_OVERDUE,
                                       url=f"/kiem-tra/kien-nghi/{late.pk}/").count() == 2
    assert any("kiến nghị" in label and count >= 2 for label, count in counts.items())


def test_an_overdue_recommendation_is_on_the_officers_home_page(world, client_as):
    late = world.recommend("Niêm yết công khai danh sách.", issued_on=timezone.localdate() - datetime.timedelta(days=60))
    home = client_as("canbotdkt").get("/").content.decode()
    assert "Kiến nghị sau kiểm tra đã quá hạn" in home and f"/kiem-tra/kien-nghi/{late.pk}/" in home
    assert f"/kiem-tra/kien-nghi/{late.pk}/" not in client_as("vanthu_thcstg").get("/").content.decode()
