"""One template system: the administrator downloads a built-in .docx template, edits it and
uploads it back; documents then use it. A template that does not render is refused."""
import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.models import AuditEntry
from thidua.documents import defaults, render, samples
from thidua.documents.models import DocumentTemplate

from .conftest import docx_text


def _edited_default(kind: str, extra: str) -> bytes:
    document = docx.Document(io.BytesIO(defaults.default_template(kind)))
    document.add_paragraph(extra)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_the_admin_uploads_a_template_and_decisions_use_it(client_as):
    client = client_as("quantri")
    default = client.get("/van-ban/mau-van-ban/decision/tai-ve/?mac_dinh=1")
    assert default.status_code == 200 and default.content.startswith(b"PK")
    content = _edited_default("decision", "Mẫu riêng của xã: {{ number_line }}")
    response = client.post("/van-ban/mau-van-ban/", {
        "kind": "decision", "note": "Thêm dòng chân trang",
        "file": SimpleUploadedFile("quyet-dinh.docx", content)})
    assert response.status_code == 302
    row = DocumentTemplate.objects.get(kind="decision")
    assert row.original_name == "quyet-dinh.docx"
    assert AuditEntry.objects.filter(content_type__model="documenttemplate", object_id=str(row.pk)).exists()
    text = docx_text(render.render_decision_docx(samples.decision()))
    assert "Mẫu riêng của xã: Số:" in text and "/QĐ-UBND" in text
    # Back to the built-in one.
    client.post("/van-ban/mau-van-ban/", {"tro_ve": "decision"})
    assert not DocumentTemplate.objects.filter(kind="decision").exists()
    assert "Mẫu riêng của xã" not in docx_text(render.render_decision_docx(samples.decision()))


def test_a_broken_template_is_refused(client_as):
    client = client_as("quantri")
    broken = _edited_default("minutes", "{% for x in %}")
    response = client.post("/van-ban/mau-van-ban/", {"kind": "minutes", "file": SimpleUploadedFile("bb.docx", broken)})
    assert response.status_code == 200 and "Mẫu có lỗi" in response.content.decode()
    not_docx = client.post("/van-ban/mau-van-ban/", {"kind": "minutes",
                                                     "file": SimpleUploadedFile("bb.docx", b"not a zip")})
    assert "không phải tệp .docx" in not_docx.content.decode()
    assert not DocumentTemplate.objects.filter(kind="minutes").exists()


def test_only_the_administrator_replaces_templates(client_as):
    content = _edited_default("invitation", "x")
    response = client_as("canbotdkt").post("/van-ban/mau-van-ban/", {
        "kind": "invitation", "file": SimpleUploadedFile("gm.docx", content)})
    assert response.status_code == 403
    assert client_as("canbotdkt").get("/van-ban/mau-van-ban/").status_code == 200  # may read and download


def test_every_default_template_renders_its_sample(db):
    from thidua.documents.engine import render_docx
    from thidua.documents.models import TemplateKind

    for kind in TemplateKind.values:
        text = docx_text(render_docx(kind, samples.context_for(kind)))
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text, kind
