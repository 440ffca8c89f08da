"""The one template system: docxtpl for every DOCX, WeasyPrint for every PDF.

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


def _render(source: bytes, context: dict) -> bytes:
    tpl = DocxTemplate(io.BytesIO(source))
    tpl.render(context, autoescape=True)
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


def render_pdf(template_name: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template_name, {**context, "font_face_css": font_face_css(), "for_pdf": True})
    return HTML(string=html, base_url=str(FONTS_DIR)).write_pdf()
