"""Evidence of an inspection (minutes, scans, photos), checked by content in
``thidua.core.files``."""
from __future__ import annotations

from thidua.core.files import validate_upload

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = ("pdf", "docx", "xlsx", "jpg", "png")


def validate_evidence(upload) -> str:
    return validate_upload(upload, allowed=EVIDENCE_TYPES, max_bytes=MAX_EVIDENCE_BYTES)
