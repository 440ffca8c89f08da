"""Checking uploaded photos: images only (by their first bytes, not their name), size-limited,
and stripped of embedded metadata (EXIF/XMP may carry GPS coordinates — a home address — and
the camera owner's name). Pure Python; Pillow, when present, also checks the image decodes."""
from __future__ import annotations

import io
import struct

from django.core.exceptions import ValidationError

from thidua.core.files import MIME_TYPES, sniff_head

MAX_BYTES = 3 * 1024 * 1024
ALLOWED = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/gif": "GIF"}


def sniff(head: bytes) -> str | None:
    """The image type (MIME) from the file's magic bytes, or None."""
    content_type = MIME_TYPES.get(sniff_head(head) or "")
    return content_type if content_type in ALLOWED else None


_JPEG_DROP = {0xE1, 0xED, 0xFE}            # APP1 (Exif, XMP), APP13 (IPTC), COM
_PNG_DROP = {b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"}
_WEBP_DROP = {b"EXIF", b"XMP "}


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(data[:2])
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("JPEG segment")
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[i:]
            return bytes(out)
        if marker == 0x01 or 0xD0 <= marker <= 0xD9:
            out += data[i:i + 2]
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2:i + 4])
        if length < 2 or i + 2 + length > len(data):
            raise ValueError("JPEG length")
        if marker not in _JPEG_DROP:
            out += data[i:i + 2 + length]
        i += 2 + length
    raise ValueError("JPEG without image data")


def _strip_png(data: bytes) -> bytes:
    out = bytearray(data[:8])
    i = 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i:i + 4])
        kind = data[i + 4:i + 8]
        end = i + 12 + length
        if end > len(data):
            raise ValueError("PNG chunk")
        if kind not in _PNG_DROP:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    raise ValueError("PNG without IEND")


def _strip_webp(data: bytes) -> bytes:
    body = bytearray()
    i = 12
    while i + 8 <= len(data):
        kind = data[i:i + 4]
        (length,) = struct.unpack("<I", data[i + 4:i + 8])
        end = i + 8 + length + (length & 1)
        if i + 8 + length > len(data):
            raise ValueError("WEBP chunk")
        chunk = bytearray(data[i:min(end, len(data))])
        if kind == b"VP8X" and length >= 1:
            chunk[8] &= ~0x0C & 0xFF  # clear the EXIF and XMP flags
        if kind not in _WEBP_DROP:
            body += chunk
        i = end
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + bytes(body)


def clean_image(data: bytes) -> tuple[bytes, str]:
    """(bytes without metadata, content type) of an uploaded photo, or a ValidationError with
    a Vietnamese reason."""
    if not data:
        raise ValidationError("Tệp ảnh rỗng.")
    if len(data) > MAX_BYTES:
        raise ValidationError(f"Ảnh quá lớn: tối đa {MAX_BYTES // (1024 * 1024)} MB.")
    content_type = sniff(data[:16])
    if content_type is None:
        raise ValidationError("Tệp không phải ảnh JPEG, PNG, WEBP hoặc GIF.")
    try:
        if content_type == "image/jpeg":
            data = _strip_jpeg(data)
        elif content_type == "image/png":
            data = _strip_png(data)
        elif content_type == "image/webp":
            data = _strip_webp(data)
    except (ValueError, struct.error, IndexError):
        raise ValidationError("Ảnh bị hỏng hoặc không đúng định dạng.") from None
    try:
        from PIL import Image
    except ImportError:  # optional: the magic-byte check above stands on its own
        return data, content_type
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != ALLOWED[content_type]:
                raise ValueError(image.format)
            image.verify()
    except Exception:  # Pillow raises many kinds for a broken or hostile file
        raise ValidationError("Ảnh bị hỏng hoặc không đúng định dạng.") from None
    return data, content_type
