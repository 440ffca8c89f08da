"""The public Atom feed (Django's syndication framework) of the honour board and the
exemplars, for the commune's portal and anyone who follows it. Only published, consented
exemplars; no private data."""
from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from . import selectors

TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(7, 0), tzinfo=TZ)


class HonourBoardFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return selectors.home_commune()

    def title(self, commune):
        return f"Bảng vàng, gương điển hình — {commune.issuer_name}"

    def subtitle(self, commune):
        return f"Gương người tốt, việc tốt hằng tháng và bảng vàng thi đua, khen thưởng của {commune.issuer_name}."

    def link(self, commune):
        return reverse("public:board")

    def feed_url(self, commune):
        return reverse("public:feed")

    def author_name(self, commune):
        return commune.issuer_name

    def items(self, commune):
        return selectors.feed_entries(commune=commune, today=timezone.localdate())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.link

    def item_pubdate(self, item):
        return _moment(item.published)

    def item_updateddate(self, item):
        return item.updated or _moment(item.published)

    def item_categories(self, item):
        return [item.category] if item.category else []
