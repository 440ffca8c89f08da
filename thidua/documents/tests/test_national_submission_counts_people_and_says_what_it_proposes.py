"""The tờ trình of a dossier sent up for the national level says what it proposes as an
official would — "Về việc đề nghị công nhận danh hiệu “Chiến sĩ thi đua cơ sở”, “Lao động tiên
tiến”" (titles recognised, forms given, names as the catalogue writes them) — counts the people
proposed, not the nominations (a person proposed for two awards is one of "02 cá nhân"), and
names its own committee ("Ủy ban nhân dân xã Nam Thanh Miện"), in the DOCX and the PDF."""
import datetime

from thidua.documents import national, render
from thidua.proposals.tests.conftest import Flow

from .conftest import docx_text, pdf_text

TITLE = "Về việc đề nghị công nhận danh hiệu “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến”"


def test_the_national_submission_counts_two_people_for_three_nominations_and_names_its_committee(
        demo_user, tmp_path):
    flow = Flow(demo_user)
    dossier = flow.draft(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO"), ("Nguyễn Thị Mai", "LDTT"),
                                   ("Bùi Thị Thu", "LDTT")])
    nominations = list(dossier.nominations.select_related("award_type", "person"))
    assert len(nominations) == 3
    data = national.submission_data(dossier, nominations, datetime.date(2026, 1, 5))
    assert data.title == TITLE
    pdf = tmp_path / "tt.pdf"
    pdf.write_bytes(render.render_submission_pdf(data))
    for text in (docx_text(render.render_submission_docx(data)), pdf_text(pdf)):
        assert TITLE in text
        assert ("Ủy ban nhân dân xã Nam Thanh Miện kính đề nghị xem xét, công nhận danh hiệu "
                "“Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến” cho 02 cá nhân có thành tích xuất sắc") in text
        assert "Ủy ban nhân dân xã Nam Thanh Miện kính trình xem xét, quyết định./." in text
        assert "03 tập thể" not in text and "Ủy ban nhân dân xã kính" not in text


def test_a_form_of_reward_is_proposed_to_be_given():
    class Type:
        class Kind:
            TITLE = "title"

        def __init__(self, name, kind):
            self.name, self.kind = name, kind

    assert national.proposed_awards([Type("Bằng khen của Thủ tướng Chính phủ", "form")]) == \
        "tặng Bằng khen của Thủ tướng Chính phủ"
    assert national.proposed_awards([Type("Bằng khen của Thủ tướng Chính phủ", "form"),
                                     Type("Chiến sĩ thi đua toàn quốc", "title")]) == \
        "tặng Bằng khen của Thủ tướng Chính phủ và công nhận danh hiệu “Chiến sĩ thi đua toàn quốc”"
