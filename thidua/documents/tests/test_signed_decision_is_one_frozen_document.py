"""A decision is one document: the office drafts it, the chairman previews exactly that draft
and signs it, and the page, the DOCX and the PDF are the one rendering made at the signature —
same number, date, title, căn cứ, articles, list and totals — handed out byte for byte ever
after, whatever the ledger says later."""
import hashlib
import io
import re
import subprocess

import docx
import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.core.text import format_vnd
from thidua.documents.fmt import date_line
from thidua.documents.models import FrozenDecision
from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.org.models import Person
from thidua.proposals import services
from thidua.proposals.models import Decision, Nomination
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db

NOMINEES = [("Nguyễn Thị Mai", "LDTT"), ("Nguyễn Thị Mai", "CSTD_CO_SO"), ("Bùi Thị Thu", "LDTT")]
TITLE = "Về việc khen thưởng tổng kết năm 2025 của Trường Mầm non Hồng Phong"
EXTRA_BASIS = "Căn cứ Kế hoạch số 15/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân xã;"


def _today() -> str:
    return timezone.localdate().strftime("%d/%m/%Y")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _draft(flow, dossier, **changes):
    texts = services.texts_of(dossier)
    values = {"title": texts["title"], "legal_bases": "\n".join(texts["legal_bases"]),
              "articles": "\n".join(texts["articles"]), "recipients": "\n".join(texts["recipients"]),
              "register_number": texts["register_number"], **changes}
    return services.save_decision_draft(actor=flow.officer, dossier=dossier, **values)


def _sign_through_the_page(client_as, dossier, username="chutich"):
    """The chairman opens the draft's page, reads the preview and signs from it."""
    client = client_as(username)
    page = client.get(reverse("documents:draft", args=[dossier.pk]))
    assert page.status_code == 200
    seen = page.context["seen"]
    preview_url = reverse("documents:draft_pdf", args=[dossier.pk])
    assert preview_url in page.content.decode()
    response = client.post(reverse("proposals:dossier_sign", args=[dossier.pk]),
                           {"day": _today(), "seen": seen, "back": reverse("documents:draft", args=[dossier.pk])})
    return client, response


@pytest.fixture
def signed(demo_user, client_as, tmp_path):
    flow = Flow(demo_user)
    dossier = flow.voted(nominees=NOMINEES)
    texts = services.texts_of(dossier)
    _draft(flow, dossier, title=TITLE, legal_bases="\n".join(texts["legal_bases"] + [EXTRA_BASIS]))
    client, response = _sign_through_the_page(client_as, dossier)
    decision = Decision.objects.get(dossiers=dossier)
    assert response.status_code == 302 and response.url == reverse("proposals:decision", args=[decision.pk])
    return flow, dossier, decision, client


def test_the_page_the_docx_and_the_pdf_say_the_same_thing(signed, tmp_path):
    flow, dossier, decision, client = signed
    texts = services.texts_of(dossier)
    page = client.get(reverse("proposals:decision", args=[decision.pk])).content.decode()
    pdf_url = reverse("documents:signed_decision", args=[decision.pk, "pdf"])
    assert decision.number in page and pdf_url in page  # the page shows the signed document itself
    docx_bytes = client.get(reverse("documents:signed_decision", args=[decision.pk, "docx"])).content
    pdf_bytes = client.get(pdf_url).content
    (tmp_path / "qd.pdf").write_bytes(pdf_bytes)
    words, printed = _flat(docx_text(docx_bytes)), pdf_text(tmp_path / "qd.pdf")

    awarded = list(Nomination.objects.filter(dossier=dossier).select_related("award", "award_type", "person"))
    total = sum(n.award.amount or 0 for n in awarded)
    expected = [f"Số: {decision.number}", date_line("Nam Thanh Miện", decision.date), TITLE, EXTRA_BASIS,
                *texts["legal_bases"], *[a.split(". ", 1)[1] for a in texts["articles"]],
                *{n.person.full_name for n in awarded}, *{n.award_type.name for n in awarded},
                format_vnd(total, suffix=""), "Nguyễn Văn Thịnh"]
    for phrase in expected:
        assert _flat(phrase) in words, phrase
        assert _flat(phrase) in printed, phrase
    assert decision.number.startswith("0") or int(decision.number.split("/")[0]) >= 10  # "01", never "1"
    # Three awards, two people: Điều 1 counts people, not awards.
    assert "cho 02 cá nhân" in words and "cho 02 cá nhân" in printed
    # The signature names the person, not the account ("Chủ tịch UBND xã"); the original is not marked.
    assert re.search(r"CHỦ TỊCH\s+Nguyễn Văn Thịnh", docx_text(docx_bytes))
    assert "DỰ THẢO" not in printed and "DỰ THẢO" not in words


def test_each_basis_article_and_recipient_of_a_saved_draft_stays_its_own_paragraph(signed, tmp_path):
    """The office saved the draft (one basis, article, recipient a line): the signed DOCX keeps
    each as a paragraph of its own and the PDF starts each on a line of its own — never the
    căn cứ, or Điều 1, 2 and 3, run together into one paragraph."""
    flow, dossier, decision, client = signed
    texts = services.texts_of(dossier)
    assert len(texts["legal_bases"]) >= 4 and len(texts["articles"]) == 3 and len(texts["recipients"]) == 3
    docx_bytes = client.get(reverse("documents:signed_decision", args=[decision.pk, "docx"])).content
    document = docx.Document(io.BytesIO(docx_bytes))
    paragraphs = [p.text for p in document.paragraphs]
    for item in texts["legal_bases"] + texts["articles"]:
        assert item in paragraphs, item
    in_cells = [p.text.strip(" -") for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for recipient in texts["recipients"]:  # "Nơi nhận" sits in the signature table's left cell
        assert recipient in in_cells, recipient
    (tmp_path / "qd.pdf").write_bytes(client.get(reverse("documents:signed_decision", args=[decision.pk, "pdf"])).content)
    layout = subprocess.run(["pdftotext", "-layout", str(tmp_path / "qd.pdf"), "-"], check=True,
                            capture_output=True, text=True).stdout
    starts = [line.strip() for line in layout.splitlines()]
    for item in texts["articles"] + [b for b in texts["legal_bases"] if b.startswith("Căn cứ")]:
        assert any(line.startswith(item[:25]) for line in starts), item


def test_two_downloads_are_the_same_signed_bytes_and_pyhanko_validates_them(signing_certificate, demo_user,
                                                                             client_as):
    from thidua.documents import signing

    flow = Flow(demo_user)
    dossier = flow.voted(nominees=NOMINEES[:1])
    client, _response = _sign_through_the_page(client_as, dossier)
    decision = Decision.objects.get(dossiers=dossier)
    url = reverse("documents:signed_decision", args=[decision.pk, "pdf"])
    first, second = client.get(url).content, client.get(url).content
    assert first == second
    assert hashlib.sha256(first).hexdigest() == FrozenDecision.objects.get(decision=decision).pdf_sha256
    status = signing.verify_pdf(first)
    assert status.valid, status.message


def test_changing_the_ledger_afterwards_does_not_change_the_decision(signed):
    flow, dossier, decision, client = signed
    urls = [reverse("documents:signed_decision", args=[decision.pk, kind]) for kind in ("pdf", "docx")]
    award = Nomination.objects.filter(dossier=dossier).first().award
    urls += [reverse("documents:decision_pdf", args=[award.pk]), reverse("documents:decision_docx", args=[award.pk])]
    before = [client.get(url).content for url in urls]
    assert before[0] == before[2] and before[1] == before[3]  # by the award or by the decision: one document
    Person.objects.filter(full_name="Bùi Thị Thu").update(full_name="Bùi Thị Thu Hà")
    award.__class__.objects.filter(pk=award.pk).update(amount=(award.amount or 0) + 1_000_000)
    assert [client.get(url).content for url in urls] == before


def test_a_draft_changed_after_the_preview_is_not_signed(demo_user, client_as):
    flow = Flow(demo_user)
    dossier = flow.voted(nominees=NOMINEES[:1])
    client = client_as("chutich")
    seen = client.get(reverse("documents:draft", args=[dossier.pk])).context["seen"]
    _draft(flow, dossier, title="Về việc tặng danh hiệu khác")
    response = client.post(reverse("proposals:dossier_sign", args=[dossier.pk]), {"day": _today(), "seen": seen}, follow=True)
    assert "Dự thảo đã được sửa sau khi bạn xem" in response.content.decode()
    assert not Decision.objects.filter(dossiers=dossier).exists()


def test_the_preview_is_the_draft_marked_as_such(demo_user, client_as, tmp_path):
    flow = Flow(demo_user)
    dossier = flow.voted(nominees=NOMINEES[:1])
    _draft(flow, dossier, title=TITLE)
    pdf = client_as("chutich").get(reverse("documents:draft_pdf", args=[dossier.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    (tmp_path / "du-thao.pdf").write_bytes(pdf.content)
    printed = pdf_text(tmp_path / "du-thao.pdf")
    assert "DỰ THẢO" in printed and TITLE in printed and "Nguyễn Văn Thịnh" in printed


def test_a_vice_chairman_signs_for_the_chairman_by_name(demo_user, client_as):
    flow = Flow(demo_user)
    dossier = flow.voted(nominees=NOMINEES[:1])
    client, _response = _sign_through_the_page(client_as, dossier, username="phochutich")
    decision = Decision.objects.get(dossiers=dossier)
    words = docx_text(client.get(reverse("documents:signed_decision", args=[decision.pk, "docx"])).content)
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in words and "Vũ Văn Nguyễn" in words


def test_a_decision_rebuilt_from_the_ledger_says_so(client_as, commune, demo_user):
    from thidua.awards import services as award_services
    from thidua.awards.models import AwardType

    import datetime

    award = award_services.record_award(
        actor=demo_user("canbotdkt"), subject=Person.objects.get(full_name="Vũ Thị Thanh"),
        award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=2024, issuer=commune,
        decision_number="55/QĐ-UBND", decision_date=datetime.date(2024, 12, 20), amount=450_000)
    words = docx_text(client_as("canbotdkt").get(reverse("documents:decision_docx", args=[award.pk])).content)
    assert "BẢN TÁI TẠO TỪ SỔ KHEN THƯỞNG" in words
