"""What a movement accepts as uploads: plan documents (PDF/DOCX) and evidence
(PDF/DOCX/XLSX/JPEG/PNG), checked by content in ``thidua.core.files``."""
from __future__ import annotations

from thidua.core.files import validate_upload

MAX_PLAN_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

PLAN_TYPES = ("pdf", "docx")
EVIDENCE_TYPES = ("pdf", "docx", "xlsx", "jpg", "png")


def validate_plan_document(upload) -> None:
    validate_upload(upload, allowed=PLAN_TYPES, max_bytes=MAX_PLAN_BYTES)


def validate_evidence(upload) -> None:
    validate_upload(upload, allowed=EVIDENCE_TYPES, max_bytes=MAX_EVIDENCE_BYTES)
