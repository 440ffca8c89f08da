"""Amounts in words as decisions write them (formal Vietnamese: every group after the first
reads its hundreds, "không trăm"), including the cases ICU gets wrong."""
import pytest

from thidua.core.text import icu_number_in_words as icu_words
from thidua.core.words import amount_in_words, number_in_words


@pytest.mark.parametrize("amount, words", [
    (0, "Không đồng"),
    (10_000, "Mười nghìn đồng"),
    (1_015_000, "Một triệu không trăm mười lăm nghìn đồng"),
    (3_450_000, "Ba triệu bốn trăm năm mươi nghìn đồng"),
    (3_450_000_000, "Ba tỷ bốn trăm năm mươi triệu đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_000_005, "Một triệu không trăm lẻ năm đồng"),
    (2_000_100, "Hai triệu một trăm đồng"),
    (1_001_000_000_000, "Một nghìn không trăm lẻ một tỷ đồng"),
    (1_000_001_000, "Một tỷ không trăm lẻ một nghìn đồng"),
])
def test_amounts_in_words(amount, words):
    assert amount_in_words(amount) == words


def test_units_after_tens_follow_vietnamese_usage():
    assert number_in_words(21) == "hai mươi mốt"
    assert number_in_words(11) == "mười một"
    assert number_in_words(24) == "hai mươi tư"
    assert number_in_words(14) == "mười bốn"
    assert number_in_words(15) == "mười lăm"
    assert number_in_words(105) == "một trăm lẻ năm"
    assert number_in_words(2024) == "hai nghìn không trăm hai mươi tư"


def test_agrees_with_icu_where_icu_is_formal_and_not_where_it_drops_khong_tram():
    for n in (0, 10_000, 1015, 3_450_000, 3_450_000_000, 10**12, 999_999_999):
        assert number_in_words(n) == icu_words(n)
    # ICU reads "không trăm" inside the first thousand only; formal writing needs it everywhere.
    assert icu_words(1_015_000) == "một triệu mười lăm nghìn"
    assert number_in_words(1_015_000) == "một triệu không trăm mười lăm nghìn"
