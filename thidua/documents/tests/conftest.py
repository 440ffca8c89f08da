import io
import shutil
import subprocess

import docx
import pytest

from thidua.org.models import Organisation


@pytest.fixture
def commune(db):
    return Organisation.objects.get(code="xa-nam-thanh-mien")


@pytest.fixture
def inline_jobs(settings):
    """Tasks run as soon as they are queued (django-tasks' immediate backend)."""
    from thidua.ops.testing import IMMEDIATE_TASKS

    settings.TASKS = IMMEDIATE_TASKS


def docx_text(content: bytes) -> str:
    """Every paragraph of a .docx, tables included, one per line (python-docx opens it)."""
    document = docx.Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def pdf_text(path) -> str:
    """The text of a PDF (pdftotext, reading order), whitespace collapsed so that a cell
    wrapped over two lines reads as one phrase."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def _media_in_tmp(db, settings, tmp_path):
    """Every test reads the demo commune; generated files and uploaded templates go to a
    temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
