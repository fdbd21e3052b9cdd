"""TCVN3 (ABC) and VNI text: detected only when it is there, converted exactly."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kstthc_desktop.importers.legacy import (
    TCVN3_TO_UNICODE,
    detect_legacy,
    fix_legacy,
    from_unicode,
    to_unicode,
)

# Phrases from the seed plans.
SEED_PHRASES = [
    "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021",
    "Văn phòng UBND tỉnh; Trung tâm Phục vụ hành chính công",
    "Các sở, ban, ngành thuộc UBND tỉnh, Ban Quản lý các khu công nghiệp, UBND cấp huyện, UBND cấp xã",
    "Lĩnh vực quản lý Nhà nước về Tôn giáo",
    "Trước ngày 31/8/2022",
    "Tổ chức tập huấn, bồi dưỡng chuyên môn, nghiệp vụ về kiểm soát thủ tục hành chính",
    "Thường xuyên trong năm 2021",
    "Sản phẩm dự kiến hoàn thành: Báo cáo sáng kiến, phương án, giải pháp cải cách",
    "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
    "Lĩnh vực Dân số - Sức khỏe sinh sản",
    "Công chức Tư pháp – Hộ tịch",
]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("phrase", SEED_PHRASES)
def test_round_trip_seed_phrases(phrase: str, encoding: str) -> None:
    legacy = from_unicode(phrase, encoding)
    assert legacy != phrase
    assert detect_legacy(legacy) == encoding
    assert to_unicode(legacy, encoding) == phrase


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Thñ tôc hµnh chÝnh", "Thủ tục hành chính"),
        ("KiÓm so¸t", "Kiểm soát"),
        ("Hµ Néi", "Hà Nội"),
        ("mÆt trËn", "mặt trận"),
        ("nghiÖp vô", "nghiệp vụ"),
        ("Tr\u00adíc ngµy 31/8/2022", "Trước ngày 31/8/2022"),
        ("V¨n phßng UBND tØnh", "Văn phòng UBND tỉnh"),
        ("§¬n vÞ chñ tr×", "Đơn vị chủ trì"),
        ("KÕ HO¹CH", "KẾ HOẠCH"),  # capitals in a .VnTimeH font
    ],
)
def test_known_tcvn3(legacy: str, expected: str) -> None:
    assert detect_legacy(legacy) == "tcvn3"
    assert to_unicode(legacy, "tcvn3") == expected


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("Thuû tuïc haønh chính", "Thủ tục hành chính"),
        ("Kieåm soaùt", "Kiểm soát"),
        ("ñöôïc", "được"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Thôøi gian hoaøn thaønh", "Thời gian hoàn thành"),
    ],
)
def test_known_vni(legacy: str, expected: str) -> None:
    assert detect_legacy(legacy) == "vni"
    assert to_unicode(legacy, "vni") == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Thủ tục hành chính",
        "hành chính",  # Unicode made only of Latin-1 letters
        "Cà phê",
        "Có",
        "Administrative procedure control plan 2021",
        "Café crème, naïve résumé, Müller",
        "31/8/2022",
        "(1) (2) (3)",
        "Số\nTT",
    ],
)
def test_no_false_alarm(text: str) -> None:
    assert detect_legacy(text) is None


def test_tcvn3_table_is_complete() -> None:
    letters = set(TCVN3_TO_UNICODE.values())
    for base in "aăâeêioôơuưy":
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            letter = unicodedata.normalize("NFC", base + tone)
            assert letter.isascii() or letter in letters, letter
    assert {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ", "đ"} <= letters
    assert all(0xA1 <= ord(ch) <= 0xFE for ch in TCVN3_TO_UNICODE)


def test_font_name_settles_doubt() -> None:
    # One short word is not enough evidence alone, but a .VnTime font is.
    assert fix_legacy("Hµ", ".VnTime") == ("Hà", "tcvn3")
    assert fix_legacy("Hµ", ".VnTimeH") == ("HÀ", "tcvn3")
    assert fix_legacy("Thủ tục", ".VnTime") == ("Thủ tục", None)


WORDS = [
    "thủ", "tục", "hành", "chính", "kiểm", "soát", "một", "cửa", "liên", "thông", "năm", "UBND",
    "cấp", "xã", "tỉnh", "Văn", "phòng", "Sở", "Tư", "pháp", "báo", "cáo", "Quý", "III", "tháng",
    "trước", "ngày", "31/8/2022", "Hải", "Dương", "Lê", "Lợi", "đề", "xuất", "giải", "pháp", "và",
    "the", "plan", "report", "office", "café", "hà", "nội", "có", "không",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_unicode_vietnamese_and_english_never_detected(words: list[str]) -> None:
    assert detect_legacy(" ".join(words)) is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([w for w in WORDS if not w.isascii()]), min_size=3, max_size=12))
def test_legacy_round_trip_property(words: list[str]) -> None:
    text = " ".join(words)
    for encoding in ("tcvn3", "vni"):
        legacy = from_unicode(text, encoding)
        if detect_legacy(legacy) == encoding:
            assert to_unicode(legacy, encoding) == text or to_unicode(legacy, encoding) == text.upper()
