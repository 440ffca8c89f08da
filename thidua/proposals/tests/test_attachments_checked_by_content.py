"""Attachments: PDF, images or DOCX only, size-limited, the type read from the bytes."""
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.proposals import services

pytestmark = pytest.mark.django_db


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content,expected", [
    ("bien-ban.pdf", b"%PDF-1.7\n...", "application/pdf"),
    ("anh.jpg", b"\xff\xd8\xff\xe0 JFIF", "image/jpeg"),
    ("bao-cao.docx", None, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("scan.bin", b"\x89PNG\r\n\x1a\n....", "image/png"),  # the name does not matter, the bytes do
])
def test_accepted_types_are_recognised_by_their_bytes(flow, name, content, expected):
    dossier = flow.draft()
    upload = SimpleUploadedFile(name, content or docx_bytes(), content_type="text/plain")
    attachment = services.add_attachment(actor=flow.clerk, dossier=dossier, upload=upload, description="Biên bản")
    assert attachment.content_type == expected
    assert attachment.file.name.endswith(attachment.extension)


@pytest.mark.parametrize("name,content", [
    ("virus.pdf", b"MZ\x90\x00 not a pdf"),
    ("trang.html", b"<html><script>alert(1)</script>"),
    ("fake.docx", b"PK\x03\x04 broken zip"),
])
def test_other_content_is_refused_whatever_its_name(flow, name, content):
    dossier = flow.draft()
    with pytest.raises(ValidationError, match="không phải PDF"):
        services.add_attachment(actor=flow.clerk, dossier=dossier, upload=SimpleUploadedFile(name, content),
                                description="Tệp")


def test_large_files_are_refused(flow, settings):
    settings.PROPOSALS_MAX_ATTACHMENT_BYTES = 1024
    dossier = flow.draft()
    upload = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * 2000)
    with pytest.raises(ValidationError, match="quá lớn"):
        services.add_attachment(actor=flow.clerk, dossier=dossier, upload=upload, description="Tệp lớn")


def test_attachments_are_served_only_to_those_who_see_the_dossier(flow, client_as):
    dossier = flow.draft()
    attachment = services.add_attachment(actor=flow.clerk, dossier=dossier, description="Biên bản",
                                         upload=SimpleUploadedFile("b.pdf", b"%PDF-1.4 test"))
    url = f"/de-nghi/tep/{attachment.pk}/"
    own = client_as("vanthu_mnhp").get(url)
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert b"".join(own.streaming_content) == b"%PDF-1.4 test"
    assert client_as("vanthu_thcstg").get(url).status_code == 404
