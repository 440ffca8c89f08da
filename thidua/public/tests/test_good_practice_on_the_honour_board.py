"""A new factor or good practice found in an inspection, promoted in one step, is an exemplar of
the honour board: on the public board, in the Atom feed and in the year's annual report."""
from __future__ import annotations

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.documents.reports.builder import build_annual
from thidua.inspections import services as inspection_services
from thidua.org.models import Organisation, Person
from thidua.public import services
from thidua.public.models import Exemplar


@pytest.fixture
def practice(db, demo_user):
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    return inspection_services.record_practice(
        actor=demo_user("canbotdkt"), commune=commune, person=Person.objects.get(full_name="Nguyễn Thị Hiền"),
        title="Sổ tay thi đua điện tử của tổ chuyên môn", source="unit_report",
        reporting_unit=Organisation.objects.get(code="thcs-thanh-giang"),
        practice="Mỗi tổ chuyên môn ghi kết quả thi đua hằng tuần trên bảng tính dùng chung.",
        result="Rút ngắn thời gian tổng hợp thi đua cuối kỳ từ 5 ngày xuống 1 ngày.")


def test_a_promoted_practice_is_on_the_board_the_feed_and_the_annual_report(practice, client_as, client):
    officer = client_as("canbotdkt")
    answer = officer.post(f"/cong-khai/quan-ly/cach-lam-hay/{practice.pk}/neu-guong/",
                          {"sector": "thcs", "consent_note": "Cô Hiền đồng ý bằng văn bản ngày 05/12/2026."})
    assert answer.status_code == 302
    exemplar = Exemplar.objects.get(practice=practice)
    assert exemplar.is_public and exemplar.display_name == "Bà Nguyễn Thị Hiền"
    practice.refresh_from_db()
    assert practice.promoted_on == timezone.localdate()

    client.logout()
    board = client.get("/cong-khai/").content.decode()
    assert "Bà Nguyễn Thị Hiền" in board and "Sổ tay thi đua điện tử" in board

    feed = feedparser.parse(client.get("/cong-khai/tin.atom").content)
    titles = [e.title for e in feed.entries]
    assert any("Bà Nguyễn Thị Hiền" in t and "Sổ tay thi đua điện tử" in t for t in titles)

    report = build_annual(commune=practice.commune, year=practice.year).text()
    section = report.split("IV. GƯƠNG ĐIỂN HÌNH TIÊN TIẾN", 1)[1].split("V. ĐÁNH GIÁ CHUNG", 1)[0]
    assert "Nhân tố mới, cách làm hay" in section
    assert "Nguyễn Thị Hiền: Sổ tay thi đua điện tử của tổ chuyên môn (biểu dương trên Bảng vàng)" in section


def test_promotion_needs_the_persons_consent_and_happens_once(practice, demo_user):
    officer = demo_user("canbotdkt")
    with pytest.raises(ValidationError, match="đồng ý công bố"):
        services.promote_practice(actor=officer, practice=practice, sector="thcs", consent_note="  ")
    assert not Exemplar.objects.filter(practice=practice).exists()
    services.promote_practice(actor=officer, practice=practice, sector="thcs", consent_note="Đồng ý bằng văn bản.")
    with pytest.raises(ValidationError, match="đã được nêu gương"):
        services.promote_practice(actor=officer, practice=practice, sector="thcs", consent_note="Lần nữa.")


def test_the_public_text_of_a_promoted_practice_carries_no_private_data(practice, demo_user, client):
    person = practice.person
    person.date_of_birth = datetime.date(1985, 7, 21)
    person.save()
    services.promote_practice(actor=demo_user("canbotdkt"), practice=practice, sector="thcs",
                              consent_note="Đồng ý bằng văn bản.")
    exemplar = Exemplar.objects.get(practice=practice)
    for url in ("/cong-khai/", f"/cong-khai/guong-dien-hinh/{exemplar.slug}/", "/cong-khai/tin.atom",
                "/cong-khai/nhung/"):
        text = client.get(url).content.decode()
        assert "21/07/1985" not in text and "1985-07-21" not in text
        if person.citizen_id:
            assert person.citizen_id not in text
