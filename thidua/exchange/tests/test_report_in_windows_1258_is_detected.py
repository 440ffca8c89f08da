"""A report saved in Windows-1258 (old Vietnamese Word) is not read silently as garbage: the
encoding is detected (charset-normalizer), the names come out right, and the officer is warned
in Vietnamese to check them."""
import io
import json
import unicodedata

import pytest
from django.core.management import call_command

from thidua.exchange.tests.test_read_report_generalises import MADE_UP
from thidua.exchange.textfiles import decode_text

TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """How Windows-1258 stores Vietnamese: base letters precomposed, tone marks apart."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += (base + "".join(p for p in parts if p in TONES)).encode("cp1258")
    return bytes(out)


def test_windows_1258_text_is_decoded_with_a_warning():
    text, warning = decode_text(windows_1258(MADE_UP))
    assert text == unicodedata.normalize("NFC", MADE_UP)
    assert "Windows-1258" in warning and "kiểm tra lại" in warning


def test_utf8_and_legacy_font_text_need_no_warning():
    assert decode_text(MADE_UP.encode("utf-8")) == (MADE_UP, None)
    assert decode_text(MADE_UP.encode("utf-16"))[1] is None


def test_the_read_report_command_reads_windows_1258_and_warns(tmp_path):
    path = tmp_path / "bao-cao-1258.txt"
    path.write_bytes(windows_1258(MADE_UP))
    out, err = io.StringIO(), io.StringIO()
    call_command("read_report", str(path), stdout=out, stderr=err)
    names = {r["name"] for r in json.loads(out.getvalue())}
    assert "Đỗ Minh Khôi" in names and "Trịnh Thu Hằng" in names
    assert "Cảnh báo" in err.getvalue() and "Windows-1258" in err.getvalue()


@pytest.mark.django_db
def test_the_report_page_reads_windows_1258_and_warns_the_officer(client_as):
    upload = io.BytesIO(windows_1258(MADE_UP))
    upload.name = "bao-cao.txt"
    response = client_as("canbotdkt").post("/du-lieu/doc-bao-cao/", {"tep": upload}, follow=True)
    html = response.content.decode()
    assert "Đỗ Minh Khôi" in html
    assert "Windows-1258" in html and "kiểm tra lại" in html
