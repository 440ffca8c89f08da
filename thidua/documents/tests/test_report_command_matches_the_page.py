"""`manage.py report five-year|annual` writes the same report as the page's generation job."""
import pytest
from django.core.management import CommandError, call_command

from thidua.documents.models import GenerationJob

from .conftest import docx_text


def test_five_year_command_writes_the_same_docx_as_the_page(client_as, commune, tmp_path, inline_jobs,
                                                             django_capture_on_commit_callbacks):
    out = tmp_path / "bao-cao.docx"
    call_command("report", "five-year", "--from", "2021", "--to", "2025", "--out", str(out), stdout=open("/dev/null", "w"))
    client = client_as("canbotdkt")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/van-ban/bao-cao/5-nam/tao/?xa={commune.pk}", {"tu": 2021, "den": 2025,
                                                                                "dinh_dang": "docx"})
    job = GenerationJob.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == f"/van-ban/tac-vu/{job.pk}/"
    assert job.status == GenerationJob.Status.DONE, job.error
    page = b"".join(client.get(f"/van-ban/tac-vu/{job.pk}/tai-ve/").streaming_content)
    command_text, page_text = docx_text(out.read_bytes()), docx_text(page)
    assert command_text == page_text
    assert "KẾT QUẢ PHONG TRÀO THI ĐUA YÊU NƯỚC VÀ CÔNG TÁC KHEN THƯỞNG 5 NĂM (2021-2025)" in command_text
    assert "MỤC TIÊU, NHIỆM VỤ VÀ CÁC GIẢI PHÁP CHỦ YẾU GIAI ĐOẠN 2026-2030" in command_text


def test_annual_command_and_commune_choice(commune, tmp_path):
    out = tmp_path / "nam.docx"
    call_command("report", "annual", "--year", "2025", "--out", str(out), "--commune", commune.code,
                 stdout=open("/dev/null", "w"))
    text = docx_text(out.read_bytes())
    assert "KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025" in text and "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" in text
    xlsx = tmp_path / "nam.xlsx"
    call_command("report", "annual", "--year", "2025", "--out", str(xlsx), stdout=open("/dev/null", "w"))
    assert xlsx.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("args, message", [
    (["five-year", "--from", "2021", "--to", "2025", "--out", "x.docx", "--commune", "khong-co"], "Không có xã"),
    (["five-year", "--from", "2025", "--to", "2021", "--out", "x.docx"], "Kỳ báo cáo"),
    (["annual", "--year", "2025", "--out", "x.pdf"], ".docx hoặc .xlsx"),
])
def test_bad_arguments_are_refused_with_a_message(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args)
