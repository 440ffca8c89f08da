"""A ward (phường) is no commune (xã): its decision speaks of the ward's council and fund, and
its name reads in lower case inside a sentence ("UBND phường Lê Chân"), as a commune's does."""
from __future__ import annotations

import io

import openpyxl
import pytest

from thidua.documents import official, render
from thidua.documents.data import IssuerBlock
from thidua.documents.reports import builder, output
from thidua.documents.tests.conftest import docx_text
from thidua.proposals.tests.conftest import Flow
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db


def test_a_commune_and_a_ward_sign_as_ubnd_xa_and_ubnd_phuong():
    b = Builder()
    assert b.commune("Xã Nam Thanh Miện").issuer_name == "UBND xã Nam Thanh Miện"
    assert b.commune("Phường Lê Chân").issuer_name == "UBND phường Lê Chân"


def test_a_special_zone_is_called_dac_khu_not_xa():
    zone = Builder().commune("Đặc khu Cát Hải")
    assert zone.issuer_name == "UBND đặc khu Cát Hải" and zone.level_word == "đặc khu"
    assert render.proper_name(IssuerBlock.commune_committee(zone.name)) == "Ủy ban nhân dân đặc khu Cát Hải"


def test_a_wards_decision_names_the_wards_council_and_fund(demo_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    dossier = flow.voted()
    ward = dossier.round.commune
    ward.name = "Phường Lê Chân"
    ward.save()
    data, _fingerprint = official.draft_data(dossier=dossier, viewer=flow.user("chutich"))

    text = docx_text(render.render_decision_docx(data))

    assert "Hội đồng Thi đua - Khen thưởng phường" in text
    assert "Quỹ thi đua, khen thưởng của phường" in text
    assert "Văn phòng Ủy ban nhân dân phường Lê Chân" in text
    assert "công chức phụ trách thi đua - khen thưởng phường" in text
    assert "khen thưởng xã" not in text and "của xã" not in text and "Phường Lê Chân," not in text


def test_a_wards_report_workbook_is_headed_ubnd_phuong():
    ward = Builder().commune("Phường Lê Chân")
    report = builder.build_report(kind="annual", commune=ward, year=2025)

    workbook = output.render_report_xlsx(report)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).worksheets[0]
    assert sheet["A1"].value.endswith("— UBND phường Lê Chân")
    assert "của UBND phường Lê Chân./." in docx_text(output.render_report_docx(report))
