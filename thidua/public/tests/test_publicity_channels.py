"""Where the commune already speaks: an Atom feed that validates, an iframe-safe block (the
only framable page), a printable A3 poster, share cards (Open Graph) on exemplar pages, and
radio bulletins written for listening."""
from __future__ import annotations

import html
import io
import re

import feedparser
import pytest
from django.utils import timezone

from thidua.awards.models import Award
from thidua.core.words import number_in_words
from thidua.public import radio
from thidua.proposals.tests.conftest import flow  # noqa: F401 — the proposal flow fixture
from thidua.public.models import Exemplar

pytestmark = pytest.mark.django_db


def test_the_feed_is_valid_atom_with_the_exemplars_and_the_honour_board(client):
    answer = client.get("/cong-khai/tin.atom")
    assert answer["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.startswith("Bảng vàng, gương điển hình")
    published = Exemplar.objects.public().count()
    assert published and len([e for e in feed.entries if "/guong-dien-hinh/" in e.link]) == min(published, 30)
    assert any(e.title.startswith("Bảng vàng thi đua, khen thưởng năm") for e in feed.entries)
    for entry in feed.entries:
        assert entry.id and entry.link.startswith("http") and entry.updated_parsed and entry.title


def test_only_the_embeddable_block_may_be_framed(client):
    embed = client.get("/cong-khai/nhung/")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert 'target="_blank"' in embed.content.decode()
    assert client.get("/cong-khai/")["X-Frame-Options"] == "DENY"


def test_an_exemplar_page_carries_its_share_card(client):
    exemplar = Exemplar.objects.public().filter(photos__isnull=False).first()
    if exemplar is None:  # the demo has no photo: give one
        from thidua.core.tests.access_world import _png
        from thidua.accounts.models import User
        from thidua.public import services

        exemplar = Exemplar.objects.public().first()
        services.add_photo(actor=User.objects.get(username="canbotdkt"), exemplar=exemplar, upload=_png(),
                           alt_text="Ảnh chân dung")
    page = client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").content.decode()
    meta = dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)"', page))
    assert html.unescape(meta["og:title"]).startswith(exemplar.display_name)
    assert html.unescape(meta["og:description"]) == exemplar.headline
    assert re.fullmatch(r"http://testserver/cong-khai/anh/\d+/", meta["og:image"])


def test_the_poster_is_an_a3_pdf(client):
    answer = client.get("/cong-khai/bang-vang-a3.pdf")
    assert answer["Content-Type"] == "application/pdf" and answer.content.startswith(b"%PDF-")
    from pyhanko.pdf_utils.reader import PdfFileReader

    first = PdfFileReader(io.BytesIO(answer.content)).root["/Pages"]["/Kids"][0].get_object()
    box = first["/MediaBox"]
    width, height = float(box[2]), float(box[3])
    assert abs(width - 841.89) < 1 and abs(height - 1190.55) < 1  # A3: 297 × 420 mm


def test_the_radio_text_of_a_decision_reads_amounts_and_dates_in_words(flow, client_as):
    dossier = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Bùi Thị Thu", "LDTT")])
    decision = dossier.decision
    awards = list(Award.objects.filter(decision_number=decision.number, decision_date=decision.date))
    total = sum(a.amount or 0 for a in awards)
    assert total > 0

    page = client_as("canbotdkt").get(f"/cong-khai/quan-ly/ban-tin/?thang={decision.date:%m/%Y}").content.decode()
    text = next(b.text for b in radio_bulletins(decision))
    assert text in page.replace("&#x27;", "'")
    assert f"ngày {number_in_words(decision.date.day)} tháng {number_in_words(decision.date.month)} năm " \
           f"{number_in_words(decision.date.year)}" in text.lower()
    assert f"tổng số tiền thưởng là {number_in_words(total)} đồng" in text.lower()
    assert "bà Nguyễn Thị Mai" in text and "Lao động tiên tiến" in text
    assert not re.search(r"\d", text), text  # nothing left for the announcer to convert


def radio_bulletins(decision):
    from thidua.public.selectors import month_decisions

    for d, awards in month_decisions(commune=decision.issuer, year=decision.date.year, month=decision.date.month):
        if d.pk == decision.pk:
            yield radio.decision_bulletin(d, awards)


def test_an_exemplar_bulletin_reads_its_numbers_as_words():
    exemplar = Exemplar(display_name="Ông Phạm Ngọc Gốt", role_line="Thôn Thống Nhất", headline="Hiến đất làm đường",
                        land_m2=123, money_vnd=20_000_000, published_on=timezone.localdate(),
                        achievements="Giấy khen UBND xã (2024)")
    text = radio.exemplar_bulletin(exemplar).text
    assert "một trăm hai mươi ba mét vuông" in text and "hai mươi triệu đồng" in text
    assert "Ủy ban nhân dân xã" in text and not re.search(r"\d", text)
