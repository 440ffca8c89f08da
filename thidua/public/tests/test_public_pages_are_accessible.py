"""The public pages' basic accessibility: Vietnamese language, one h1, a skip link to the main
landmark, labelled inputs, described images, a viewport for phones, no external resources."""
from html.parser import HTMLParser

import pytest

from thidua.awards.models import Award
from thidua.public.models import Exemplar

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.labels, self.inputs, self.h1 = [], set(), [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag == "input" and attrs.get("type") not in ("hidden", "submit"):
            self.inputs.append(attrs)
        if tag == "h1":
            self.h1 += 1


def _pages():
    exemplar = Exemplar.objects.public().first()
    award = Award.objects.filter(person__isnull=False).first()
    return ["/cong-khai/", "/cong-khai/guong-dien-hinh/", f"/cong-khai/guong-dien-hinh/{exemplar.slug}/",
            "/cong-khai/xac-minh/", "/cong-khai/xac-minh-van-ban/", f"/xac-minh/{award.verification_code}",
            "/xac-minh/khong-co"]


def test_public_pages_meet_the_basics(client):
    for url in _pages():
        html = client.get(url).content.decode()
        page = _Page()
        page.feed(html)
        assert '<html lang="vi">' in html and 'name="viewport"' in html, url
        assert page.h1 == 1, url
        assert ('a', {"class": "skip", "href": "#noi-dung"}) in page.tags and 'id="noi-dung"' in html, url
        for tag, attrs in page.tags:
            if tag == "img":
                assert attrs.get("alt"), (url, attrs)
            for key in ("src", "href"):
                assert not (attrs.get(key) or "").startswith(("http://", "https://", "//")), (url, attrs)
        for attrs in page.inputs:
            assert attrs.get("id") in page.labels, (url, attrs)
