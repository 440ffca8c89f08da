import unicodedata

import pytest

from thidua.core.text import format_vnd, given_name_key, nfc, search_key
from thidua.core.words import amount_in_words, number_in_words


def test_search_key_drops_diacritics_and_d_stroke():
    assert search_key("Nguyễn Thị Mai") == "nguyen thi mai"
    assert search_key("ĐÀO Duy Kiên") == "dao duy kien"


def test_decomposed_input_is_stored_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Mai")
    assert decomposed != "Nguyễn Thị Mai"
    assert nfc("  " + decomposed + "  ") == "Nguyễn Thị Mai"


@pytest.mark.parametrize("amount, text", [
    (3_450_000, "3.450.000 đồng"), (710_000, "710.000 đồng"), (0, "0 đồng"), (3_450_000_000, "3.450.000.000 đồng"),
])
def test_money_is_written_with_dots(amount, text):
    assert format_vnd(amount) == text


def test_amounts_in_words_use_formal_wording():
    assert amount_in_words(3_450_000) == "Ba triệu bốn trăm năm mươi nghìn đồng"
    assert number_in_words(1015) == "một nghìn không trăm mười lăm"


def test_names_sort_by_given_name_in_vietnamese_order():
    names = ["Nguyễn Thị Ánh", "Vũ Thị Mỵ", "Trần Văn An", "Bùi Thị Đào", "Lê Thị Dung"]
    assert sorted(names, key=given_name_key) == ["Trần Văn An", "Nguyễn Thị Ánh", "Lê Thị Dung", "Bùi Thị Đào", "Vũ Thị Mỵ"]


def test_control_characters_never_reach_a_search_key():
    assert search_key("nguyen\x00thi\tmai\n") == "nguyen thi mai"


def test_the_vnd_words_filter_reads_khong_tram_above_a_million():
    from django.template import Context, Template

    rendered = Template("{{ amount|vnd_words }}").render(Context({"amount": 1_015_000}))
    assert rendered == "Một triệu không trăm mười lăm nghìn đồng"
