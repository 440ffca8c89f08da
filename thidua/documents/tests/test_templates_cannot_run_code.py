"""Security issue #22, hole 1: an uploaded .docx template is Jinja that docxtpl renders on
the server. It may only read the document's own data: a template reaching for Python's
internals (``lipsum.__globals__``, ``''.__class__``) or for a name the document does not
have is refused at upload, and one already stored never runs code when a document is made."""
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.documents import render, samples
from thidua.documents.engine import TemplateError
from thidua.documents.models import DocumentTemplate

from .conftest import docx_text
from .test_uploaded_template_replaces_the_default import _edited_default


def _payload(marker) -> str:
    return "{{ lipsum.__globals__.os.popen('touch " + str(marker) + "').read() }}"


def _upload(client, kind: str, content: bytes):
    return client.post("/van-ban/mau-van-ban/", {"kind": kind, "file": SimpleUploadedFile("mau.docx", content)})


def test_template_reaching_for_python_internals_is_refused_at_upload(client_as, tmp_path):
    marker = tmp_path / "da-chay-lenh"
    response = _upload(client_as("quantri"), "decision", _edited_default("decision", _payload(marker)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mẫu bị từ chối" in page and "lipsum" in page
    assert not marker.exists(), "the template's command ran on the server"
    assert not DocumentTemplate.objects.filter(kind="decision").exists()


@pytest.mark.parametrize("text, named", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
    ("{{ title.__class__ }}", "__class__"),
    ("{{ signer['__dict__'] }}", "__dict__"),
    ("{% if False %}{{ cycler.__init__.__globals__ }}{% endif %}", "cycler"),
    ("{{ config }}", "config"),
    ("{{ range.__self__ }}", "__self__"),
])
def test_template_reaching_beyond_the_documents_data_is_refused_with_the_reason(client_as, text, named):
    response = _upload(client_as("quantri"), "minutes", _edited_default("minutes", text))
    page = response.content.decode()
    assert response.status_code == 200 and "Mẫu bị từ chối" in page and named in page
    assert not DocumentTemplate.objects.filter(kind="minutes").exists()


def test_template_using_only_the_documents_data_is_still_accepted(client_as):
    text = "{% for line in lines %}{{ loop.index }}. {{ line.name|upper }} {% endfor %}{{ title|default('') }}"
    response = _upload(client_as("quantri"), "decision", _edited_default("decision", text))
    assert response.status_code == 302
    assert "1. NGUYỄN THỊ MAI" in docx_text(render.render_decision_docx(samples.decision()))


def test_a_stored_template_that_reaches_for_internals_fails_safely_without_running(client_as, tmp_path):
    marker = tmp_path / "da-chay-lenh"
    row = DocumentTemplate(kind="decision", original_name="cu.docx")  # stored before the check existed
    row.file.save("decision.docx", ContentFile(_edited_default("decision", _payload(marker))), save=False)
    row.save()
    with pytest.raises(TemplateError, match="Mẫu văn bản đã lưu .* bị từ chối"):
        render.render_decision_docx(samples.decision())
    assert not marker.exists(), "the stored template's command ran on the server"
    response = client_as("canbotdkt").get("/van-ban/mau/quyet-dinh/")
    assert response.status_code == 503 and "Không tạo được văn bản" in response.content.decode()
    assert not marker.exists()
