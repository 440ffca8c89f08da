"""Helpers shared by the movements tests (the demo commune is already loaded)."""
from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from thidua.org.models import EmulationBlock, Organisation

SCHOOLS = "Khối các trường học"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded plans and evidence go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def unit(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def schools_block(year: int = 2026) -> EmulationBlock:
    return EmulationBlock.objects.get(year=year, name=SCHOOLS)


def pdf(name: str = "minh-chung.pdf", size: int = 0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + b"0" * size
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def docx(name: str = "ke-hoach.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@pytest.fixture
def registration_open_2026(demo_user):
    """The demo's 2026 deadline (31/12/2026) is kept open even if the clock has passed it."""
    from thidua.movements import services
    from thidua.movements.models import RegistrationPeriod

    period = RegistrationPeriod.objects.get(year=2026)
    today = timezone.localdate()
    if period.deadline < today:
        services.set_registration_period(actor=demo_user("canbotdkt"), commune=period.commune, year=2026,
                                         deadline=today + datetime.timedelta(days=30))
    return RegistrationPeriod.objects.get(year=2026)
