"""Legacy Vietnamese text: TCVN3 (ABC), VNI-Windows and decomposed Unicode to Unicode NFC.

Old .xls/.doc files typed with the ".VnTime" (TCVN3) or "VNI-Times" (VNI) fonts store one
byte per glyph; read back as Latin-1/cp1252 they look like "NguyÔn ThÞ Mai" (TCVN3) or
"Nguyeãn Thò Mai" (VNI). ``to_unicode`` recognises such text and converts it; Unicode that is
merely decomposed (NFD, or "Windows-1258 style" base letter + combining tone) is composed.

Detection never touches ordinary text: a string holding any character outside Latin-1/cp1252
is Unicode already; otherwise every candidate reading (as is, TCVN3, VNI, UTF-8 read as
cp1252) is scored by how many of its words are valid Vietnamese syllables, and the text is
converted only when a reading is strictly better than the text as it stands. ASCII is
returned as is (after NFC and whitespace tidying).

Tables
------
TCVN3: the ABC subset of TCVN 5712:1993 (VN3) — the 7 base capitals Ă Â Ê Ô Ơ Ư Đ and all
67 lower-case letters at 0xA1–0xFE (the positions of the full VN1 table; its other capitals
sit on C0/C1 control codes and common Latin-1 letters, so they are not read). Capitals typed with the upper-case fonts (".VnTimeH") share the lower-case codes;
a word whose other letters are capitals is upper-cased after decoding ("NGUYÔN" → "NGUYỄN").
VNI-Windows: a base vowel followed by a mark byte ("e" + "ã" = "ễ"), the single bytes for
đ/Đ, ơ/Ơ, ư/Ư and the toned i/y letters.
"""
from __future__ import annotations

import re
import string
import unicodedata

from django import forms

# --- TCVN3 (ABC) --------------------------------------------------------------------------
# Byte -> letter, lower-case letters and base capitals (VN3, the .VnTime fonts).
_TCVN3_LOWER = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3_TABLE: dict[str, str] = {chr(b): u for b, u in _TCVN3_LOWER.items()}

# --- VNI-Windows --------------------------------------------------------------------------
# Mark bytes (lower-case form; the capital form is the same Latin-1 letter in upper case).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}

    def put(seq: str, text: str) -> None:
        table[seq] = unicodedata.normalize("NFC", text)
        table[seq.upper()] = unicodedata.normalize("NFC", text).upper()

    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            put(base + mark, base + tone)
    for base in "aeo":  # â ê ô and their tones
        for mark, tone in _VNI_CIRCUMFLEX.items():
            put(base + mark, base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():  # ă and its tones
        put("a" + mark, "a\u0306" + tone)
    for base, horned in (("ô", "o\u031b"), ("ö", "u\u031b")):  # ơ ư and their tones
        put(base, horned)
        for mark, tone in _VNI_TONES.items():
            put(base + mark, horned + tone)
    for single, letter in (("ñ", "đ"), ("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ")):
        put(single, letter)
    return table


VNI_TABLE: dict[str, str] = _build_vni()

# --- decoding -----------------------------------------------------------------------------
_CP1252_EXTRA = set(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_UPPER_BASES = set("ĂÂÊÔƠƯĐ")


def _fix_upper_font_words(text: str) -> str:
    """TCVN3 capitals typed with .VnTimeH come out as lower-case letters inside capital words."""
    def fix(match: re.Match) -> str:
        word = match.group(0)
        rest = word[1:]
        evidence = [c for c in rest if c.isascii() or c in _UPPER_BASES]
        if evidence and all(c.isupper() for c in evidence if c.isalpha()) and any(c.isalpha() for c in evidence):
            return word.upper()
        return word

    return re.sub(r"\w+", fix, text)


def decode_tcvn3(text: str) -> str:
    """TCVN3 (ABC) text read as Latin-1/cp1252 -> Unicode NFC."""
    decoded = "".join(TCVN3_TABLE.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", _fix_upper_font_words(decoded))


def decode_vni(text: str) -> str:
    """VNI-Windows text read as Latin-1/cp1252 -> Unicode NFC."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if len(pair) == 2 and pair in VNI_TABLE:
            out.append(VNI_TABLE[pair])
            i += 2
            continue
        out.append(VNI_TABLE.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _decode_utf8_mojibake(text: str) -> str | None:
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None


# --- scoring: how Vietnamese does a reading look? ---------------------------------------
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
# Vowel clusters: those that end a syllable, those that need a final consonant, and both.
_OPEN = {"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
         "ưi", "ưu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "iêu", "yêu"}
_CLOSED = {"ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oo", "oă", "uâ"}
_EITHER = {"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"}
_MARKED = "ăâêôơư"


def _tone_positions(nucleus: str, has_coda: bool) -> set[int]:
    """Where the tone mark may sit in a vowel cluster (old and new spelling both accepted)."""
    marked = [i for i, c in enumerate(nucleus) if c in _MARKED]
    if marked:
        return {marked[-1]}  # ươ -> on ơ; uyê -> on ê; âu -> on â
    if len(nucleus) == 1:
        return {0}
    if has_coda:
        return {len(nucleus) - 1}
    if len(nucleus) == 3:
        return {1}
    if nucleus in ("oa", "oe", "uy"):
        return {0, 1}  # hòa / hoà, thủy / thuỷ
    return {0}


def is_vietnamese_syllable(word: str) -> bool:
    """True for a word (any case) that is a well-formed Vietnamese syllable: onset, vowel
    cluster, final consonant, at most one tone mark and that mark on the right vowel."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone, tone_at, letters = None, None, []
    for c in decomposed:
        if c in _TONES:
            if tone is not None:
                return False
            tone, tone_at = c, len(letters) - 1
        elif unicodedata.combining(c):
            if not letters:
                return False
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + c)
        else:
            letters.append(c)
    base = "".join(letters)
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rest = base[len(onset):]
        for coda in (*_CODAS, ""):
            if not rest.endswith(coda):
                continue
            nucleus = rest[:len(rest) - len(coda)] if coda else rest
            if coda and nucleus not in _CLOSED and nucleus not in _EITHER:
                continue
            if not coda and nucleus not in _OPEN and nucleus not in _EITHER:
                continue
            if coda in ("c", "ch", "p", "t") and tone not in ("\u0301", "\u0323"):
                continue  # a stop final takes the acute or the dot below
            if tone_at is not None and tone_at - len(onset) not in _tone_positions(nucleus, bool(coda)):
                continue
            return True
    return False


_EDGE_PUNCTUATION = string.punctuation + "“”‘’…–—«»·•"
_INNER_SEPARATORS = re.compile(r"[-/.,;:()\[\]'\"0-9]+")


def _score(text: str) -> int:
    """Valid minus invalid syllables among the words holding a non-ASCII character. A word
    with a symbol inside it ("Nguyá»…n", "Tr\xadêng") is invalid."""
    score = 0
    for token in text.split():
        core = token.strip(_EDGE_PUNCTUATION)
        for part in _INNER_SEPARATORS.split(core):
            if not part or part.isascii():
                continue
            if all(c.isalpha() for c in part):
                score += 1 if is_vietnamese_syllable(part) else -1
            else:
                score -= 1
    return score


def _is_single_byte_text(text: str) -> bool:
    return all(ord(c) < 0x100 or c in _CP1252_EXTRA for c in text)


def detect_encoding(text: str) -> str:
    """'ascii', 'unicode', 'tcvn3', 'vni' or 'utf8-mojibake' — what ``to_unicode`` sees."""
    if not text or text.isascii():
        return "ascii"
    if not _is_single_byte_text(unicodedata.normalize("NFC", text)):
        return "unicode"
    # Ties between readings go to VNI when it joined letter pairs (a vowel followed by a mark
    # byte is VNI's signature), then to the earlier reading; the text as is wins any tie.
    best, best_rank = "unicode", (_score(text), 0)
    readings = [("vni", decode_vni(text)), ("tcvn3", decode_tcvn3(text))]
    mojibake = _decode_utf8_mojibake(text)
    if mojibake is not None and mojibake != text:
        readings.append(("utf8-mojibake", mojibake))
    for name, reading in readings:
        joined = len(text) - len(reading) if name == "vni" else 0
        rank = (_score(reading), joined)
        if rank[0] > best_rank[0] or (name != "unicode" and best != "unicode" and rank > best_rank):
            best, best_rank = name, rank
    return best


_SPACES = re.compile(r"[ \t\u00a0]+")


def to_unicode(text: str | None) -> str:
    """Any of the encodings above -> Unicode NFC; runs of spaces collapsed, ends stripped.
    Line breaks are kept (multi-line fields, pasted reports)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    kind = detect_encoding(text)
    if kind == "tcvn3":
        text = decode_tcvn3(text)
    elif kind == "vni":
        text = decode_vni(text)
    elif kind == "utf8-mojibake":
        text = unicodedata.normalize("NFC", _decode_utf8_mojibake(text) or text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


# --- forms --------------------------------------------------------------------------------
class LegacyTextField(forms.CharField):
    """A CharField that stores legacy-encoded or decomposed input as Unicode NFC."""

    def to_python(self, value):
        value = super().to_python(value)
        return to_unicode(value) if value else value


_SKIPPED_FIELDS = (forms.EmailField, forms.URLField, forms.SlugField, forms.GenericIPAddressField,
                   forms.UUIDField, forms.RegexField)


class LegacyTextFormMixin:
    """Converts every CharField value (TCVN3, VNI, NFD -> NFC) after the form's own cleaning.

        class PersonForm(LegacyTextFormMixin, forms.ModelForm): ...

    Fields named in ``legacy_text_exclude`` are left alone, and so are passwords and e-mail,
    URL, slug and similar validated fields."""

    legacy_text_exclude: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if name in self.legacy_text_exclude or not isinstance(field, forms.CharField) \
                    or isinstance(field, _SKIPPED_FIELDS) or isinstance(field.widget, forms.PasswordInput):
                continue
            value = cleaned.get(name)
            if isinstance(value, str) and value and not value.isascii():
                cleaned[name] = to_unicode(value)
        return cleaned
