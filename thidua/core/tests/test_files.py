"""Uploads are judged by their bytes, never by their names."""
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.files import sniff, validate_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(*parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for part in parts:
            package.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("content, kind", [
    (b"%PDF-1.7\n", "pdf"), (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpg"), (PNG, "png"),
    (b"GIF89a" + b"\x00" * 10, "gif"), (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
    (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
    (_zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
    (_zip("anything.txt"), None), (b"MZ\x90\x00", None), (b"<script>alert(1)</script>", None),
])
def test_the_type_comes_from_the_content(content, kind):
    assert sniff(SimpleUploadedFile("x.bin", content)) == kind


def test_a_png_named_jpg_is_refused_when_the_name_must_agree_and_accepted_as_png_otherwise():
    upload = SimpleUploadedFile("anh.jpg", PNG)
    with pytest.raises(ValidationError, match="đuôi không khớp"):
        validate_upload(upload, allowed=("jpg", "png"), max_bytes=1024)
    assert validate_upload(upload, allowed=("jpg", "png"), max_bytes=1024, check_extension=False) == "png"


def test_too_big_empty_and_wrong_type_are_refused_in_vietnamese():
    with pytest.raises(ValidationError, match="quá lớn .* tối đa 0,5 MB"):
        validate_upload(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 600_000), allowed=("pdf",), max_bytes=524_288)
    with pytest.raises(ValidationError, match="rỗng"):
        validate_upload(SimpleUploadedFile("a.pdf", b""), allowed=("pdf",), max_bytes=1024)
    with pytest.raises(ValidationError, match="không phải PDF"):
        validate_upload(SimpleUploadedFile("a.pdf", PNG), allowed=("pdf",), max_bytes=1024)
