"""An inspector reads the audit log of a signature: Vietnamese labels, no raw ids, local time,
money as the pages show it, related records by name with a link (issue #16, item 8)."""
import re

import pytest
from django.utils import timezone

from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.proposals.models import Decision

pytestmark = pytest.mark.django_db

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
RAW_ID = re.compile(r"#\d+")


def _cells(html: str, tag: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m).strip() for m in re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)]


def test_the_log_of_a_signed_decision_names_fields_and_records_in_vietnamese(flow, client_as):
    dossier = flow.decided(nominees=(("Nguyễn Thị Mai", "LDTT"),))
    decision = Decision.objects.get(pk=dossier.decision_id)
    award = Award.objects.get(decision_number=decision.number, decision_date=decision.date,
                              person=flow.person("Nguyễn Thị Mai"))
    assert AuditEntry.objects.filter(content_type__model="decision", object_id=str(decision.pk)).exists()

    html = client_as("kiemtra").get("/nhat-ky/", {"model": "proposals.decision",
                                                "object_id": decision.pk}).content.decode()
    labels = _cells(html, "dt")
    assert labels, "the decision's creation shows its fields"
    english = {f.name for f in Decision._meta.concrete_fields} - {"year"}
    assert not english & set(labels), f"English field names shown: {english & set(labels)}"
    assert "Người ký" in labels and "Ngày ký" in labels
    changes = " ".join(_cells(html, "dd"))
    assert not ISO_TIME.search(changes), "times are shown dd/mm/yyyy HH:MM, not ISO"
    assert decision.date.strftime("%d/%m/%Y") in changes
    signed_local = timezone.localtime(decision.signed_at).strftime("%d/%m/%Y %H:%M")
    assert signed_local in changes, "the signing time is shown in Asia/Ho_Chi_Minh time"
    assert flow.chairman.get_full_name() in changes, "the signer is named, not numbered"
    assert f'href="/de-nghi/quyet-dinh/{decision.pk}/"' in html, "the record links to its page"
    assert not RAW_ID.search(re.sub(r"<[^>]+>", " ", html)), "no raw '#id' is shown"

    html = client_as("kiemtra").get("/nhat-ky/", {"model": "awards.award", "object_id": award.pk}).content.decode()
    assert award.amount, "an LĐTT award carries its reward money"
    changes = " ".join(_cells(html, "dd"))
    assert f"{award.amount:,}".replace(",", ".") + " đồng" in changes, "money reads as the pages show it"
    assert "Nguyễn Thị Mai" in changes and "Lao động tiên tiến" in changes, "related records by name"
    assert "Tiền thưởng (đồng)" in _cells(html, "dt")
