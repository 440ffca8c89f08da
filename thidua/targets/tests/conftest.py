import datetime

import pytest

from thidua.org import services as org_services
from thidua.org.models import Organisation
from thidua.targets import services

HEADS = ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Vũ Thị Dung", "Lê Văn Đức", "Bùi Thị Hà",
         "Đỗ Văn Hải", "Hoàng Thị Lan", "Đào Văn Minh", "Phan Thị Nga", "Đinh Văn Phúc", "Ngô Thị Quỳnh"]


@pytest.fixture
def small_village(db):
    """A small village of 12 households (the demo's have about 200: deciding one writes ~200
    ledger rows, each audited, which is slow for a test)."""
    commune = Organisation.objects.get(code="xa-nam-thanh-mien")
    village = org_services.create_organisation(actor=None, code="thon-thu-nghiem", name="Thôn Thử Nghiệm",
                                               kind=Organisation.Kind.VILLAGE, parent=commune)
    for name in HEADS:
        org_services.create_household(actor=None, village=village, head_name=name)
    return village


@pytest.fixture
def small_review(small_village, demo_user):
    """The small village's 2025 review, its meeting held (every household proposed)."""
    officer = demo_user("canbotdkt")
    review = services.open_village_review(actor=officer, village=small_village, year=2025)
    return services.record_meeting(actor=officer, review=review, meeting_date=datetime.date(2025, 11, 10))
