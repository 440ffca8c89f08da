"""Every DOCX the system makes says what it is in its own properties: the title (the kind of
document and its subject) and, as author, the issuing body — not the template's leftovers."""
import io

import docx
import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("slug, title_starts", [
    ("quyet-dinh", "QUYẾT ĐỊNH"), ("to-trinh", "TỜ TRÌNH"), ("bien-ban", "BIÊN BẢN"), ("giay-moi", "GIẤY MỜI"),
])
def test_each_sample_docx_names_its_title_and_issuing_body(client_as, slug, title_starts):
    response = client_as("canbotdkt").get(reverse("documents:sample", args=[slug]))
    assert response.status_code == 200
    props = docx.Document(io.BytesIO(response.content)).core_properties
    assert props.title.startswith(title_starts), props.title
    assert len(props.title) > len(title_starts)
    assert "NAM THANH MIỆN" in props.author, props.author
    assert props.language == "vi-VN"


@pytest.mark.django_db
def test_a_decision_docx_of_the_ledger_is_authored_by_its_issuer(client_as):
    from thidua.awards.models import Award

    award = Award.objects.exclude(decision_number="").filter(person__isnull=False).order_by("pk").first()
    response = client_as("canbotdkt").get(reverse("documents:decision_docx", args=[award.pk]))
    props = docx.Document(io.BytesIO(response.content)).core_properties
    assert props.title.startswith("QUYẾT ĐỊNH")
    assert props.author and props.author == props.author.upper()
