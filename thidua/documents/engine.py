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
from jinja2 import StrictUndefined, Undefined, meta, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

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


class UnsafeTemplate(TemplateError):
    """A template that reaches for something other than the document's own data."""


# Calls a template may make: methods of plain values (``name.upper()``), loop helpers, its own
# macros and ``range``; never a method of a record or of anything the context did not hand it.
_CALLABLE_OWNERS = (str, int, float, dict, list, tuple, LoopContext)


class DocumentEnvironment(ImmutableSandboxedEnvironment):
    """Jinja for document templates: sandboxed (no ``_`` attributes, no mutation of values),
    no globals but ``range`` (no ``lipsum``, ``cycler``, ``joiner``, ``namespace``), and every
    parsed part kept so ``refusal`` can read what the template asked for, even in a branch
    the sample data never takes."""

    def __init__(self, *, strict: bool = False):
        super().__init__(autoescape=True, undefined=StrictUndefined if strict else Undefined)
        self.globals = {"range": self.globals["range"]}
        self.parsed: list[nodes.Template] = []

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        self.parsed.append(tree)
        return tree

    def is_safe_callable(self, obj) -> bool:
        owner = getattr(obj, "__self__", None)
        allowed = obj is self.globals["range"] or isinstance(obj, Macro) or isinstance(owner, _CALLABLE_OWNERS)
        return allowed and super().is_safe_callable(obj)

    def refusal(self, context: dict) -> str | None:
        """Why the parsed template may not be used (Vietnamese), or None."""
        allowed = set(context) | set(self.globals)
        unknown, internal = set(), set()
        for tree in self.parsed:
            unknown |= meta.find_undeclared_variables(tree) - allowed
            for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
                name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
                if isinstance(name, str) and name.startswith("_"):
                    internal.add(name)
        reasons = []
        if internal:
            reasons.append("truy cập phần bên trong của chương trình (" + ", ".join(sorted(internal)) + ")")
        if unknown:
            reasons.append("dùng tên không có trong dữ liệu của văn bản (" + ", ".join(sorted(unknown)) + ")")
        return "; ".join(reasons) or None


def _render(source: bytes, context: dict, *, strict: bool = False, built_in: bool = False) -> bytes:
    """Render in the sandbox; the template sees only ``context``. An uploaded template that
    names anything else is refused (``UnsafeTemplate``); ``strict`` (the upload check) also
    fails on a name or attribute the sample data does not have."""
    env = DocumentEnvironment(strict=strict)
    tpl = DocxTemplate(io.BytesIO(source))
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except (SecurityError, UndefinedError) as exc:
        raise UnsafeTemplate(env.refusal(context) or f"dùng tên hoặc thuộc tính không được phép ({exc})") from exc
    reason = None if built_in else env.refusal(context)
    if reason:
        raise UnsafeTemplate(reason)
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
            return _render(template, context, strict=True)
        except TemplateError:
            raise
        except Exception as exc:  # docxtpl raises Jinja, lxml, zip errors alike
            raise TemplateError(str(exc)) from exc
    custom = uploaded_template(kind)
    if custom is not None:
        try:
            return _render(custom, context)
        except UnsafeTemplate as exc:  # stored before uploads were checked: refuse, never fall back silently
            log.error("Mẫu văn bản đã lưu (%s) bị từ chối: %s", kind, exc)
            raise UnsafeTemplate(f"Mẫu văn bản đã lưu cho loại này bị từ chối vì {exc}. Quản trị hệ thống "
                                 f"cần tải lên mẫu khác hoặc trở về mẫu có sẵn.") from exc
        except Exception:
            log.exception("Uploaded template %s failed to render; using the built-in one.", kind)
    return _render(default_template(kind), context, built_in=True)


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
