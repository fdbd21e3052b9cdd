"""Text typed in pre-Unicode Vietnamese encodings (TCVN3/ABC ".VnTime", VNI "VNI-Times").

Old province templates still carry cells typed with these fonts: Excel stores the raw bytes as
Latin-1 characters, so "Thủ tục hành chính" arrives as "Thñ tôc hµnh chÝnh" (TCVN3) or
"Thuû tuïc haønh chính" (VNI). We decide by converting with each table and counting how many
words become real Vietnamese syllables, so normal Unicode Vietnamese and English never fire.
"""

from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (TCVN 5712:1993 VN3, the ABC ".VnTime" fonts): one byte per precomposed letter. ---
# Capital letters with tone marks do not exist in VN3; uppercase text used ".VnTimeH" fonts
# that draw the lowercase codes as capitals (see ``to_unicode(..., upper=True)``).
_TCVN3_PAIRS: tuple[tuple[int, str], ...] = (
    (0xA1, "Ă"), (0xA2, "Â"), (0xA3, "Ê"), (0xA4, "Ô"), (0xA5, "Ơ"), (0xA6, "Ư"), (0xA7, "Đ"),
    (0xA8, "ă"), (0xA9, "â"), (0xAA, "ê"), (0xAB, "ô"), (0xAC, "ơ"), (0xAD, "ư"), (0xAE, "đ"),
    (0xB5, "à"), (0xB6, "ả"), (0xB7, "ã"), (0xB8, "á"), (0xB9, "ạ"),
    (0xBB, "ằ"), (0xBC, "ẳ"), (0xBD, "ẵ"), (0xBE, "ắ"), (0xC6, "ặ"),
    (0xC7, "ầ"), (0xC8, "ẩ"), (0xC9, "ẫ"), (0xCA, "ấ"), (0xCB, "ậ"),
    (0xCC, "è"), (0xCE, "ẻ"), (0xCF, "ẽ"), (0xD0, "é"), (0xD1, "ẹ"),
    (0xD2, "ề"), (0xD3, "ể"), (0xD4, "ễ"), (0xD5, "ế"), (0xD6, "ệ"),
    (0xD7, "ì"), (0xD8, "ỉ"), (0xDC, "ĩ"), (0xDD, "í"), (0xDE, "ị"),
    (0xDF, "ò"), (0xE1, "ỏ"), (0xE2, "õ"), (0xE3, "ó"), (0xE4, "ọ"),
    (0xE5, "ồ"), (0xE6, "ổ"), (0xE7, "ỗ"), (0xE8, "ố"), (0xE9, "ộ"),
    (0xEA, "ờ"), (0xEB, "ở"), (0xEC, "ỡ"), (0xED, "ớ"), (0xEE, "ợ"),
    (0xEF, "ù"), (0xF1, "ủ"), (0xF2, "ũ"), (0xF3, "ú"), (0xF4, "ụ"),
    (0xF5, "ừ"), (0xF6, "ử"), (0xF7, "ữ"), (0xF8, "ứ"), (0xF9, "ự"),
    (0xFA, "ỳ"), (0xFB, "ỷ"), (0xFC, "ỹ"), (0xFD, "ý"), (0xFE, "ỵ"),
)  # fmt: skip
TCVN3_TO_UNICODE: dict[str, str] = {chr(code): letter for code, letter in _TCVN3_PAIRS}
UNICODE_TO_TCVN3: dict[str, str] = {letter: chr(code) for code, letter in _TCVN3_PAIRS}
_TCVN3_TRANS = str.maketrans(TCVN3_TO_UNICODE)

# --- VNI Windows ("VNI-Times"): base letter + one mark byte; a few letters are single bytes. ---
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# Marks after "a" for ă (breve) + tone, and after a/e/o for the circumflex + tone.
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_CIRC = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# Single-byte letters (lowercase; the uppercase byte is the Latin-1 uppercase of each).
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_SINGLE_UPPER = {k.upper(): v.upper() for k, v in _VNI_SINGLE.items()}
_VNI_BASES = set("aeiouyAEIOUY")


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _build_vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Both directions of VNI as {legacy sequence: Unicode letter} and its inverse."""
    forward: dict[str, str] = {}
    for upper in (False, True):
        case = str.upper if upper else (lambda s: s)
        for base in "aeiouy":
            for mark, tone in _VNI_TONES.items():
                forward[case(base) + case(mark)] = case(_compose(base, tone))
        for mark, tone in _VNI_BREVE.items():
            forward[case("a") + case(mark)] = case(_compose("a", "\u0306", tone))
        for base in "aeo":
            for mark, tone in _VNI_CIRC.items():
                forward[case(base) + case(mark)] = case(_compose(base, "\u0302", tone))
        for single, letter in _VNI_SINGLE.items():
            forward[case(single)] = case(letter)
        for single, base in (("ô", "o"), ("ö", "u")):
            for mark, tone in _VNI_TONES.items():
                forward[case(single) + case(mark)] = case(_compose(base, "\u031b", tone))
    # i and y use single bytes for some tones; the inverse must prefer those.
    inverse: dict[str, str] = {}
    for seq, letter in sorted(forward.items(), key=lambda kv: len(kv[0]), reverse=True):
        inverse[letter] = seq
    for single, letter in (*_VNI_SINGLE.items(), *_VNI_SINGLE_UPPER.items()):
        inverse[letter] = single
    return forward, inverse


VNI_TO_UNICODE, UNICODE_TO_VNI = _build_vni_tables()
_VNI_PAIRS = {k: v for k, v in VNI_TO_UNICODE.items() if len(k) == 2}
_VNI_SINGLES = {k: v for k, v in VNI_TO_UNICODE.items() if len(k) == 1}


def _vni_decode(text: str) -> str:
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if i + 1 < n:
            pair = text[i : i + 2]
            letter = _VNI_PAIRS.get(pair)
            # A mark only combines with a letter that starts or continues a word.
            if letter is not None and (ch in _VNI_BASES or ch in "ôöÔÖ"):
                out.append(letter)
                i += 2
                continue
        out.append(_VNI_SINGLES.get(ch, ch))
        i += 1
    return "".join(out)


def to_unicode(text: str, encoding: str, upper: bool = False) -> str:
    """Convert legacy-encoded text; ``upper`` for ".VnTimeH"-style capital fonts."""
    if encoding == "tcvn3":
        result = text.translate(_TCVN3_TRANS)
    elif encoding == "vni":
        result = _vni_decode(text)
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    result = unicodedata.normalize("NFC", result)
    if upper or (encoding == "tcvn3" and _looks_all_caps(text)):
        result = result.upper()
    return result


def from_unicode(text: str, encoding: str) -> str:
    """The inverse (for tests and for building fixtures): Unicode → legacy characters."""
    text = unicodedata.normalize("NFC", text)
    table = UNICODE_TO_TCVN3 if encoding == "tcvn3" else UNICODE_TO_VNI
    if encoding == "tcvn3":
        # VN3 has no toned capitals: those were typed lowercase in a capital font.
        return "".join(table.get(ch, table.get(ch.lower(), ch)) for ch in text)
    return "".join(table.get(ch, ch) for ch in text)


def _looks_all_caps(text: str) -> bool:
    """TCVN3 capitals are lowercase codes in a capital font; the ASCII letters give it away."""
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


# --- Detection: which reading turns the most words into Vietnamese syllables? ---

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
_NUCLEI = frozenset(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê
    ui uô uơ ươ ưa ưi ưu uy yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu ua uô""".split()
)
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_VIETNAMESE_UNICODE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300-\u036f\u1ea0-\u1ef9]"
)
_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")


def _syllable_ok(word: str) -> bool:
    """A loose but sufficient check that ``word`` is one Vietnamese syllable (≤ 1 tone mark)."""
    word = word.lower()
    tones = 0
    plain: list[str] = []
    for ch in word:
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0]
        if base in "aeiouy":
            kept = [m for m in parts[1:] if m not in _TONE_MARKS]
            tones += len(parts) - 1 - len(kept)
            ch = unicodedata.normalize("NFC", base + "".join(kept))
        plain.append(ch)
    if tones > 1:
        return False
    stripped = "".join(plain)
    for onset in _ONSETS:
        if not stripped.startswith(onset):
            continue
        rest = stripped[len(onset) :]
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)] if coda else rest
            if nucleus in _NUCLEI:
                return True
            # "gi" and "qu" onsets swallow their vowel ("gì", "quá").
            if (
                onset in ("g", "q")
                and nucleus[:1] in ("i", "u")
                and (nucleus[1:] in _NUCLEI or not nucleus[1:])
            ):
                return True
    return False


def _score(text: str) -> int:
    """Valid minus invalid syllables among words that hold non-ASCII letters."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        score += 1 if _syllable_ok(word) else -1
    return score


def might_be_legacy(text: str) -> bool:
    """Cheap pre-check: Latin-1 letters and no Unicode Vietnamese (most cells stop here)."""
    return not text.isascii() and not _VIETNAMESE_UNICODE.search(text) and bool(_LATIN1_HIGH.search(text))


def detect_legacy(text: str | None) -> str | None:
    """ "tcvn3", "vni" or None. Only fires when a legacy reading clearly beats reading as-is."""
    if not text or text.isascii():
        return None
    if _VIETNAMESE_UNICODE.search(text) or not _LATIN1_HIGH.search(text):
        return None
    if any(ord(ch) > 0x2122 for ch in text):  # other scripts: leave alone
        return None
    as_is = _score(text)
    best: tuple[int, str] | None = None
    for encoding in ("tcvn3", "vni"):
        score = _score(to_unicode(text, encoding))
        if score > as_is and score > 0 and (best is None or score > best[0]):
            best = (score, encoding)
    return best[1] if best else None


def fix_legacy(text: str, font_name: str | None = None) -> tuple[str, str | None]:
    """Convert ``text`` if it is legacy-encoded; a ".Vn…"/"VNI-…" font name settles doubts.

    Returns the (possibly converted) text and the encoding used (None = unchanged).
    """
    encoding = detect_legacy(text)
    font = (font_name or "").strip().lower()
    if encoding is None and font and not text.isascii() and not _VIETNAMESE_UNICODE.search(text):
        if font.startswith(".vn") and _LATIN1_HIGH.search(text):
            encoding = "tcvn3"
        elif font.startswith("vni") and _LATIN1_HIGH.search(text):
            encoding = "vni"
    if encoding is None:
        return text, None
    upper = encoding == "tcvn3" and font.startswith(".vn") and font.endswith("h")
    return to_unicode(text, encoding, upper=upper), encoding
