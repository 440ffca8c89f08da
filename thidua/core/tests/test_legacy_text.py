"""Legacy Vietnamese text (TCVN3/ABC, VNI-Windows, decomposed Unicode) comes out as NFC."""
import unicodedata

import pytest
from django import forms

from thidua.core.legacy import (
    LegacyTextField, LegacyTextFormMixin, decode_tcvn3, decode_vni, detect_encoding,
    is_vietnamese_syllable, to_unicode,
)

# The bytes as an old .xls/.doc gives them, read as Latin-1/cp1252 (written out by hand).
TCVN3 = [
    ("NguyÔn ThÞ Mai", "Nguyễn Thị Mai"),
    ("Tr\xadêng MÇm non Hång Phong", "Trường Mầm non Hồng Phong"),
    ("§µo Duy Kiªn", "Đào Duy Kiên"),
    ("Vò ThÞ Nh¹n", "Vũ Thị Nhạn"),
    ("B»ng khen cña Chñ tÞch UBND tØnh", "Bằng khen của Chủ tịch UBND tỉnh"),
    ("ChiÕn sÜ thi ®ua c¬ së", "Chiến sĩ thi đua cơ sở"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
]
VNI = [
    ("Nguyeãn Thò Mai", "Nguyễn Thị Mai"),
    ("Tröôøng Maàm non Hoàng Phong", "Trường Mầm non Hồng Phong"),
    ("Ñaøo Duy Kieân", "Đào Duy Kiên"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Giaáy khen Chuû tòch UBND xaõ", "Giấy khen Chủ tịch UBND xã"),
    ("Hoaøng Thò Thu Thuûy", "Hoàng Thị Thu Thủy"),
    ("KT. CHUÛ TÒCH", "KT. CHỦ TỊCH"),
]


@pytest.mark.parametrize("legacy, text", TCVN3)
def test_tcvn3_string_comes_out_as_nfc_unicode(legacy, text):
    assert detect_encoding(legacy) == "tcvn3"
    result = to_unicode(legacy)
    assert result == text
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize("legacy, text", VNI)
def test_vni_string_comes_out_as_nfc_unicode(legacy, text):
    assert detect_encoding(legacy) == "vni"
    assert to_unicode(legacy) == text


def test_tcvn3_capitals_typed_with_the_upper_case_font_are_restored():
    # .VnTimeH shows the lower-case codes as capitals.
    assert to_unicode("NGUYÔN THÞ MAI") == "NGUYỄN THỊ MAI"
    assert decode_tcvn3("§µo") == "Đào"


@pytest.mark.parametrize("text", ["Nguyễn Thị Mai", "Trường Mầm non Hồng Phong", "Đào Duy Kiên"])
def test_nfd_string_comes_out_as_nfc(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert to_unicode(decomposed) == text


def test_windows_1258_style_combining_tones_are_composed():
    assert to_unicode("Nguye\u0302\u0303n") == "Nguyễn"


@pytest.mark.parametrize("text", [
    "Hà Tâm", "Hoàng", "Lê Hà", "Ánh", "ĐÀO DUY KIÊN", "Café crème", "José Martí", "São Paulo", "Müller",
    "Giấy khen UBND huyện (2021)", "CSTĐ cơ sở 04 năm liên tiếp 2020-2021", "Hồng", "Tâm",
])
def test_ordinary_unicode_is_never_mangled(text):
    assert to_unicode(text) == text


@pytest.mark.parametrize("text", ["Nguyen Thi Mai", "UBND", "2020-2021", "QĐ", ""])
def test_ascii_is_kept(text):
    assert to_unicode(text) == text


def test_every_line_of_the_seed_report_is_left_alone():
    from thidua.core.tests.seed import SEED as seed
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = " ".join(line.split())
        assert to_unicode(line) == unicodedata.normalize("NFC", line), line


def test_utf8_read_as_cp1252_is_repaired():
    assert to_unicode("Nguyá»…n Thá»‹ Mai") == "Nguyễn Thị Mai"


def test_decoders_alone():
    assert decode_vni("Tröôøng") == "Trường"
    assert decode_tcvn3("Tr\xadêng") == "Trường"


@pytest.mark.parametrize("word, ok", [
    ("người", True), ("hòa", True), ("hoà", True), ("khuỷu", True), ("nghiêng", True), ("học", True),
    ("xaõ", False), ("caỏp", False), ("tàt", False), ("chuồ", False), ("crème", False),
])
def test_syllable_check(word, ok):
    assert is_vietnamese_syllable(word) is ok


class _PersonLikeForm(LegacyTextFormMixin, forms.Form):
    full_name = forms.CharField()
    note = forms.CharField(required=False, widget=forms.Textarea)
    email = forms.EmailField(required=False)
    year = forms.IntegerField(required=False)


def test_form_mixin_converts_every_char_field():
    form = _PersonLikeForm(data={"full_name": "NguyÔn ThÞ Mai", "note": "Tröôøng Maàm non Hoàng Phong",
                                 "email": "", "year": "2024"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["full_name"] == "Nguyễn Thị Mai"
    assert form.cleaned_data["note"] == "Trường Mầm non Hồng Phong"
    assert form.cleaned_data["year"] == 2024


def test_legacy_text_field():
    field = LegacyTextField()
    assert field.clean(unicodedata.normalize("NFD", "Vũ Thị Nhạn")) == "Vũ Thị Nhạn"
    assert field.clean("§µo Duy Kiªn") == "Đào Duy Kiên"


def test_the_bundled_seed_is_the_shared_one():
    from thidua.core.tests.seed import BUNDLED_SEED, SHARED_SEED

    if not SHARED_SEED.exists():
        pytest.skip("no shared copy beside this checkout")
    assert BUNDLED_SEED.read_bytes() == SHARED_SEED.read_bytes()
