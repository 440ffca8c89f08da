"""Publicity: the nominee list is public (no login, no private data); citizens send objections
(name and contact required, rate-limited per address); each must be answered before the vote."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.proposals import services
from thidua.proposals.models import Objection

pytestmark = pytest.mark.django_db


def object_to(dossier, ip="203.0.113.7", **fields):
    data = {"name": "Trần Văn Bình", "contact": "0912 345 678", "content": "Đề nghị xem lại thành tích."}
    data.update(fields)
    return services.submit_objection(dossier=dossier, nomination=dossier.nominations.first(), ip=ip, **data)


def test_an_unanswered_objection_blocks_the_vote_with_a_clear_message(flow):
    dossier = flow.published()
    objection = object_to(dossier)
    dossier = flow.at_council(dossier)
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    nomination = dossier.nominations.get()
    with pytest.raises(ValidationError, match="1 ý kiến của nhân dân .* chưa được trả lời"):
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={nomination.pk: "yes"})
    services.answer_objection(actor=flow.officer, objection=objection,
                              answer="Đơn vị đã xác minh: thành tích đúng như báo cáo.")
    assert services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={nomination.pk: "yes"})


def test_the_vote_page_says_why_voting_is_refused(flow, client_as):
    dossier = flow.published()
    object_to(dossier)
    dossier = flow.at_council(dossier)
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    nomination = dossier.nominations.get()
    response = client_as("hoidong").post(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/",
                                         {f"n{nomination.pk}": "yes"}, follow=True)
    assert response.status_code == 200
    assert "chưa được trả lời" in response.content.decode()
    assert not nomination.ballots.exists()


def test_name_and_contact_are_required(flow):
    dossier = flow.published()
    with pytest.raises(ValidationError, match="họ tên"):
        object_to(dossier, name=" ")
    with pytest.raises(ValidationError, match="họ tên"):
        object_to(dossier, contact="")


def test_objections_are_rate_limited_per_address(flow):
    dossier = flow.published()
    for _ in range(3):
        object_to(dossier, ip="198.51.100.1")
    with pytest.raises(services.RateLimited):
        object_to(dossier, ip="198.51.100.1")
    object_to(dossier, ip="198.51.100.2")  # another address is not affected
    assert Objection.objects.filter(dossier=dossier).count() == 4
    assert "198.51.100" not in str(list(Objection.objects.values_list("ip_hash", flat=True)))


def test_objections_are_taken_only_while_the_list_is_published(flow):
    dossier = flow.accepted()
    with pytest.raises(ValidationError, match="không còn trong thời gian"):
        object_to(dossier)
    dossier = flow.end_publicity(services.publish_dossier(actor=flow.officer, dossier=dossier))
    with pytest.raises(ValidationError, match="không còn trong thời gian"):
        object_to(dossier)


def test_the_council_waits_for_the_end_of_the_publicity_period(flow):
    dossier = flow.published()
    assert dossier.published_until == timezone.localdate() + datetime.timedelta(days=flow.round.publicity_days - 1)
    with pytest.raises(ValidationError, match="Chưa hết thời gian công khai"):
        services.put_on_agenda(actor=flow.officer, dossier=dossier, meeting=flow.meeting())


def test_the_public_page_shows_names_and_titles_but_no_private_data(flow, client):
    mai = flow.person("Nguyễn Thị Mai")
    mai.citizen_id, mai.date_of_birth = "034180001234", datetime.date(1980, 3, 14)
    mai.save()
    dossier = flow.published()
    page = client.get(f"/de-nghi/cong-khai/{dossier.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Nguyễn Thị Mai" in html and "Lao động tiên tiến" in html
    for private in ("034180001234", "14/03/1980", "1980-03-14", "Hoàn thành xuất sắc nhiệm vụ. (Đã ghi"):
        assert private not in html
    listing = client.get("/de-nghi/cong-khai/").content.decode()
    assert "Trường Mầm non Hồng Phong" in listing


def test_a_citizen_sends_an_objection_from_the_public_page(flow, client):
    dossier = flow.published()
    nomination = dossier.nominations.get()
    response = client.post(f"/de-nghi/cong-khai/{dossier.pk}/", {
        "nomination": nomination.pk, "name": "Trần Văn Bình", "contact": "0912345678",
        "content": "Tôi đề nghị xem lại."}, REMOTE_ADDR="192.0.2.10", follow=True)
    assert response.status_code == 200
    assert "Đã nhận ý kiến" in response.content.decode()
    assert Objection.objects.get(dossier=dossier).nomination == nomination
    missing = client.post(f"/de-nghi/cong-khai/{dossier.pk}/", {"name": "", "contact": "", "content": "x"},
                          REMOTE_ADDR="192.0.2.10")
    assert missing.status_code == 200 and "Trường này là bắt buộc" in missing.content.decode()
    for _ in range(3):
        client.post(f"/de-nghi/cong-khai/{dossier.pk}/", {"name": "A", "contact": "a@b.vn", "content": "x"},
                    REMOTE_ADDR="192.0.2.10")
    limited = client.post(f"/de-nghi/cong-khai/{dossier.pk}/", {"name": "A", "contact": "a@b.vn", "content": "x"},
                          REMOTE_ADDR="192.0.2.10")
    assert limited.status_code == 429 and "thử lại sau" in limited.content.decode()


def test_an_unpublished_dossier_is_not_public(flow, client):
    dossier = flow.submitted()
    assert client.get(f"/de-nghi/cong-khai/{dossier.pk}/").status_code == 404
