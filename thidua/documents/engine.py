"""The one template system: docxtpl for every DOCX, WeasyPrint for every PDF (tagged).

``render_docx(kind, context)`` uses the administrator's uploaded template of that kind when
there is one and it renders, else the built-in default. ``render_pdf(template, context)``
renders an HTML template (Liberation Serif from the app's static fonts) to PDF.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from django.template.loader import render_to_string
from docxtpl import DocxTemplate

from .defaults import default_template

log = logging.getLogger(__name__)

FONTS_DIR = Path(__file__).resolve().parent / "static" / "documents" / "fonts"


class TemplateError(Exception):
    """An uploaded template that cannot be rendered (bad Jinja, broken .docx)."""


def _issuer_name(issuer) -> str:
    """'ỦY BAN NHÂN DÂN XÃ NAM THANH MIỆN'; a council with its superior after a dash."""
    if issuer is None:
        return ""
    name = " ".join(getattr(issuer, "name_lines", []) or [])
    superior = " ".join(getattr(issuer, "superior_lines", []) or [])
    return f"{name} – {superior}" if name and superior else name or superior


def document_title(context: dict) -> str:
    """'QUYẾT ĐỊNH Về việc khen thưởng …' from the kind's heading and its subject line(s)."""
    subject = context.get("title") or " ".join(context.get("title_lines") or [])
    return " ".join(part for part in (context.get("doc_title", ""), subject) if part).strip()


def _core_properties(document, context: dict) -> None:
    """The DOCX's own description (File ▸ Properties, read by screen readers and archives): its
    title, the issuing body as author, Vietnamese as language; never the template's leftovers."""
    props = document.core_properties
    props.title = document_title(context)[:255]
    props.author = _issuer_name(context.get("issuer"))[:255]
    props.last_modified_by = props.author
    props.language = "vi-VN"
    props.comments = ""


def _render(source: bytes, context: dict) -> bytes:
    tpl = DocxTemplate(io.BytesIO(source))
    tpl.render(context, autoescape=True)
    _core_properties(tpl.docx, context)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def uploaded_template(kind: str) -> bytes | None:
    from .models import DocumentTemplate

    row = DocumentTemplate.objects.filter(kind=kind).first()
    if row is None or not row.file:
        return None
    try:
        with row.file.open("rb") as fh:
            return fh.read()
    except OSError:
        log.warning("Uploaded template %s is missing from storage; using the built-in one.", kind)
        return None


def render_docx(kind: str, context: dict, *, template: bytes | None = None) -> bytes:
    """DOCX bytes of a document kind. ``template`` forces a given .docx (used to check an
    upload before saving it); otherwise the uploaded one, falling back to the default."""
    if template is not None:
        try:
            return _render(template, context)
        except Exception as exc:  # docxtpl raises Jinja, lxml, zip errors alike
            raise TemplateError(str(exc)) from exc
    custom = uploaded_template(kind)
    if custom is not None:
        try:
            return _render(custom, context)
        except Exception:
            log.exception("Uploaded template %s failed to render; using the built-in one.", kind)
    return _render(default_template(kind), context)


def font_face_css() -> str:
    """@font-face rules for WeasyPrint, pointing at the app's own copy of Liberation Serif."""
    faces = [("Regular", "normal", "normal"), ("Bold", "bold", "normal"), ("Italic", "normal", "italic"),
             ("BoldItalic", "bold", "italic")]
    return "\n".join(
        f'@font-face {{ font-family: "Liberation Serif"; src: url("{(FONTS_DIR / f"LiberationSerif-{name}.ttf").as_uri()}");'
        f" font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in faces)


# Every PDF is tagged (PDF/UA-1, WeasyPrint's ``pdf/ua-1`` variant): a screen reader gets the
# headings, lists and tables of the HTML template, the document title from its <title> (shown
# as the window title) and its language from <html lang>.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def html_to_pdf(html: str) -> bytes:
    """The one place a PDF is written: HTML → tagged PDF."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(FONTS_DIR)).write_pdf(**PDF_OPTIONS)


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, {**context, "font_face_css": font_face_css(), "for_pdf": True})
    return html_to_pdf(html)
