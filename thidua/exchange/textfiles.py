"""Reading an uploaded report's bytes as text, saying so when the encoding had to be guessed.

UTF-8 (with or without BOM) and UTF-16 with its BOM are read as they are. Bytes in the legacy
Vietnamese font encodings (TCVN3/ABC, VNI) are read as cp1252 and converted downstream by
``core.legacy`` (as before). Anything else — a Windows-1258 text from an old Word, say — is
decoded with the encoding charset-normalizer finds most likely, composed to NFC (Windows-1258
writes tone marks as separate characters), and a Vietnamese warning tells the officer to check
the result: it is never read silently as garbage.
"""
from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from thidua.core.legacy import detect_encoding

NAMES = {"cp1258": "Windows-1258 (tiếng Việt)", "cp1252": "Windows-1252", "latin_1": "ISO-8859-1",
         "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}


def decode_text(data: bytes) -> tuple[str, str | None]:
    """(text, warning in Vietnamese or None)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    as_cp1252 = data.decode("cp1252", errors="replace")
    if detect_encoding(as_cp1252) in ("tcvn3", "vni"):
        return as_cp1252, None  # converted from the legacy font encoding by core.legacy
    best = charset_normalizer.from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    text = unicodedata.normalize("NFC", data.decode(encoding, errors="replace"))
    warning = ("Tệp không phải chữ Unicode (UTF-8): đã đoán bảng mã là %s. Hãy kiểm tra lại chữ tiếng Việt "
               "trong kết quả; nếu sai, mở tệp bằng Word hoặc Notepad, lưu lại dưới dạng UTF-8 rồi tải lên lại."
               % NAMES.get(encoding, encoding))
    return text, warning
