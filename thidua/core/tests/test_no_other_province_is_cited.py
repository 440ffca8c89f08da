"""A Hải Phòng instance never cites another province's regulation (issue #19, item 4): no page of
the access matrix, asked by every role, and no document the system generates (every template
kind, the decision PDF, the annual and five-year reports, the exports the pages offer) contains
"Bắc Ninh" or its QĐ 86/2025/QĐ-UBND. Provenance notes of the rules ("chưa kiểm chứng", "kế
thừa — chưa") appear only on the administrator's rule pages, never in an official document."""
from __future__ import annotations

import io
import re
import subprocess
import unicodedata
import zipfile

import pytest
from django.urls import reverse

from .access_matrix import MATRIX, ROLE_NAMES

FOREIGN = ("bắc ninh", "86/2025/qđ-ubnd")
PROVENANCE = ("chưa kiểm chứng", "kế thừa — chưa")
ADMIN_RULE_PAGES = {"awards:catalogue", "awards:parameter_edit", "awards:regulation", "exchange:national"}


def text_of(content: bytes, content_type: str = "") -> str:
    """What a reader sees in a response or a file: HTML/JSON/CSV as text, DOCX/XLSX by the text
    of their XML parts, PDF through pdftotext."""
    if content[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
        text = re.sub(r"<[^>]+>", "", "".join(parts))
    elif content[:5] == b"%PDF-":
        text = subprocess.run(["pdftotext", "-q", "-", "-"], input=content, capture_output=True,
                              check=True).stdout.decode("utf-8", "replace")
    else:
        text = content.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text).casefold()


def offending(text: str, *, provenance_allowed: bool = False) -> list[str]:
    words = FOREIGN + (() if provenance_allowed else PROVENANCE)
    return [w for w in words if w in text]


def test_the_reader_finds_the_words_wherever_they_are():
    """(the check can fail: a word in a DOCX, split across runs, or in a PDF is found)"""
    from docx import Document

    doc = Document()
    paragraph = doc.add_paragraph("Căn cứ Quyết định 86/2025/QĐ-UBND tỉnh ")
    paragraph.add_run("Bắc ").bold = True
    paragraph.add_run("Ninh")
    buffer = io.BytesIO()
    doc.save(buffer)
    assert offending(text_of(buffer.getvalue())) == list(FOREIGN)
    assert offending(text_of("Tham số (chưa kiểm chứng)".encode())) == ["chưa kiểm chứng"]


@pytest.mark.parametrize("name", sorted(n for n, e in MATRIX.items() if e.get_allowed))
def test_no_page_of_the_access_matrix_cites_another_province(name, world, clients):
    entry = MATRIX[name]
    url = reverse(name, kwargs=entry.args(world) if entry.args else None)
    problems = []
    for role in ROLE_NAMES:
        headers = {"HTTP_AUTHORIZATION": world.tokens[role]} if entry.api and world.tokens.get(role) else {}
        response = clients[role].get(url, **headers)
        if response.status_code != 200 or getattr(response, "streaming", False):
            continue
        found = offending(text_of(response.content, response.get("Content-Type", "")),
                          provenance_allowed=role == "admin" and name in ADMIN_RULE_PAGES)
        if found:
            problems.append(f"{role}: {found}")
    assert not problems, f"{name} ({url}): " + "; ".join(problems)


def test_no_generated_document_cites_another_province(world):
    from thidua.documents import ledger, render, samples
    from thidua.documents.models import TemplateKind
    from thidua.documents.reports import builder, output

    commune = world.unit_a.commune()
    documents = {
        TemplateKind.DECISION: render.render_decision_docx(samples.decision(commune.name)),
        "decision-pdf": render.render_decision_pdf(samples.decision(commune.name)),
        TemplateKind.SUBMISSION: render.render_submission_docx(samples.submission(commune.name)),
        "submission-pdf": render.render_submission_pdf(samples.submission(commune.name)),
        TemplateKind.MINUTES: render.render_minutes_docx(samples.minutes(commune.name)),
        TemplateKind.INVITATION: render.render_invitation_docx(samples.invitation(commune.name)),
        TemplateKind.ACHIEVEMENT: render.render_achievement_docx(samples.achievement()),
        "achievement-pdf": render.render_achievement_pdf(samples.achievement()),
        "certificate-docx": render.render_certificate_docx(ledger.certificate_data(world.award_a)),
        "certificate-pdf": render.render_certificate_pdf(ledger.certificate_data(world.award_a)),
    }
    annual = builder.build_report(kind="annual", commune=commune, year=2025)
    five = builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)
    documents["annual"] = output.render_report_docx(annual)
    documents["five-year"] = output.render_report_docx(five)
    documents["five-year-xlsx"] = output.render_report_xlsx(five)
    assert set(TemplateKind.values) <= {str(k) for k in documents} | {TemplateKind.REPORT.value}
    problems = {str(kind): offending(text_of(content)) for kind, content in documents.items()}
    assert not {k: v for k, v in problems.items() if v}, problems
    # the minutes print the council's vote rule applied, with its source: the council's working
    # rules, never the repealed ND 98/2023 nor the check screens' note on it
    minutes = text_of(documents[TemplateKind.MINUTES])
    assert "nguyên tắc biểu quyết áp dụng" in minutes and "quy chế hoạt động của hội đồng" in minutes
    assert "98/2023" not in minutes and "hết hiệu lực" not in minutes
