"""No public page ever shows a citizen ID, a date of birth or an address from the demo data:
every person gets a CCCD and a birth date, every household an address, then every URL
pattern of the public app is visited (with every exemplar, year, sector and many
certificate codes) and its HTML scanned."""
import datetime
import re

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import URLPattern, get_resolver

from thidua.awards.models import Award
from thidua.org.models import Household, Person
from thidua.public.models import Exemplar, ExemplarPhoto, Sector

pytestmark = pytest.mark.django_db
DIGITS_12 = re.compile(r"(?<!\d)\d{12}(?!\d)")
DATES = re.compile(r"\b\d{2}/\d{2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")


def _give_everybody_private_data():
    ids, births = set(), set()
    people = list(Person.objects.all())
    for p in people:
        p.citizen_id = f"0{p.pk % 96 + 1:02d}{p.pk % 2}{p.pk % 97:02d}{p.pk:06d}"[:12]
        p.date_of_birth = datetime.date(1950 + p.pk % 50, 1 + p.pk % 12, 1 + p.pk % 28)
        ids.add(p.citizen_id)
        births |= {p.date_of_birth.strftime("%d/%m/%Y"), p.date_of_birth.isoformat()}
    Person.objects.bulk_update(people, ["citizen_id", "date_of_birth"], batch_size=500)
    Household.objects.update(address="Số 17 ngõ Kín, xóm Riêng Tư")
    return ids, births


def _patterns(urlconf: str, prefix: str) -> list[tuple[str, str]]:
    return [(prefix + str(p.pattern), p.name) for p in get_resolver(urlconf).url_patterns if isinstance(p, URLPattern)]


def _urls(photo: ExemplarPhoto) -> dict[str, list[str]]:
    exemplars = list(Exemplar.objects.all())
    years = sorted(set(Award.objects.values_list("year", flat=True)))
    sample = (list(Award.objects.filter(~Q(award_type__code="GIA_DINH_VAN_HOA")))
              + list(Award.objects.filter(award_type__code="GIA_DINH_VAN_HOA").order_by("?")[:60])
              + list(Award.objects.filter(household__members__isnull=False)))
    codes = sorted({a.verification_code for a in sample})[:150] + ["khong-co-ma"]
    first = exemplars[0]
    return {
        "board": ["/cong-khai/"] + [f"/cong-khai/?nam={y}" for y in years],
        "exemplars": ["/cong-khai/guong-dien-hinh/"] + [f"/cong-khai/guong-dien-hinh/?linh-vuc={s}" for s in Sector.values],
        "exemplar": [f"/cong-khai/guong-dien-hinh/{e.slug}/" for e in exemplars],
        "photo": [f"/cong-khai/anh/{photo.pk}/"],
        "feed": ["/cong-khai/tin.atom"], "embed": ["/cong-khai/nhung/"],
        "poster": ["/cong-khai/bang-vang-a3.pdf"] + [f"/cong-khai/bang-vang-a3.pdf?nam={y}" for y in years[-2:]],
        "verify_lookup": ["/cong-khai/xac-minh/", "/cong-khai/xac-minh/?ma=abc"],
        "verify_document": ["/cong-khai/xac-minh-van-ban/"],
        "certificate": [f"/cong-khai/xac-minh/{c}" for c in codes[:20]] + [f"/xac-minh/{c}" for c in codes],
        # Staff pages: an anonymous visitor is sent to the login page, and sees nothing.
        "manage": ["/cong-khai/quan-ly/"], "manage_create": ["/cong-khai/quan-ly/them/"],
        "manage_detail": [f"/cong-khai/quan-ly/{first.pk}/"], "manage_edit": [f"/cong-khai/quan-ly/{first.pk}/sua/"],
        "manage_publish": [f"/cong-khai/quan-ly/{first.pk}/cong-bo/"],
        "manage_photo_delete": [f"/cong-khai/quan-ly/anh/{photo.pk}/xoa/"],
        "radio": ["/cong-khai/quan-ly/ban-tin/"], "promote_practice": ["/cong-khai/quan-ly/cach-lam-hay/1/neu-guong/"],
    }


def test_no_public_page_shows_a_citizen_id_birth_date_or_address(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ids, births = _give_everybody_private_data()
    exemplar = Exemplar.objects.public().first()
    photo = ExemplarPhoto(exemplar=exemplar, content_type="image/gif", size=35, alt_text="Ảnh")
    from django.core.files.base import ContentFile
    photo.image.save("x", ContentFile(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01"
                                      b"\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
    # Every pattern of the public app (its /cong-khai/ URLs and the root /xac-minh/<code>).
    patterns = _patterns("thidua.public.urls", "/cong-khai/") + _patterns("thidua.public.root_urls", "/")
    urls = _urls(photo)
    assert {name for _, name in patterns} == set(urls), "a new public URL pattern needs to be crawled here"

    anonymous = Client()
    visited = 0
    for addresses in urls.values():
        for url in addresses:
            response = anonymous.get(url)
            assert response.status_code in (200, 302, 404, 405), (url, response.status_code)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode("utf-8", errors="replace")
            assert not (set(DIGITS_12.findall(text)) & ids), url
            assert not (set(DATES.findall(text)) & births), url
            assert "ngõ Kín" not in text and "Riêng Tư" not in text, url
            visited += 1
    assert visited > 120
