import random
import re

from kiosk.core.codes import candidates, clean_scan, generate_code


def test_generated_codes_are_long_random_and_url_safe():
    codes = {generate_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert re.fullmatch(r"[A-Z2-7]{21}", code)  # 21 base32 chars = 105 bits >= 104 random bits


def test_seeded_codes_are_reproducible():
    assert generate_code(random.Random(5)) == generate_code(random.Random(5))
    assert generate_code(random.Random(5)) != generate_code(random.Random(6))


def test_clean_scan_strips_noise():
    assert clean_scan("  ABC\r\n") == "ABC"
    assert clean_scan("\x02ABC\x03\x00") == "ABC"
    assert clean_scan("\ufeff\u200bABC") == "ABC"


def test_candidates_from_urls():
    assert candidates("https://t.example/e/1/ABC?x=1") == ["https://t.example/e/1/ABC?x=1", "ABC"]
    assert candidates("https://t.example/checkin?code=XYZ")[1] == "XYZ"
    assert candidates("www.t.example/t/Q%20R") [-1] == "Q R"
    assert candidates("") == []
    assert candidates("x" * 100_000) == []


def test_clean_scan_takes_what_a_decoder_hands_over():
    assert clean_scan(1234567) == "1234567"  # a numeric barcode read as a number
    assert clean_scan("\ud800AB C") == "AB C"  # a lone surrogate from a broken decode is dropped


def test_candidates_edge_cases():
    # the fragment, once: a code that is both parameter and last segment is not repeated
    assert candidates("https://t.example/app#TICKET-9") == ["https://t.example/app#TICKET-9", "app", "TICKET-9"]
    assert candidates("https://t.example/ABC?code=ABC") == ["https://t.example/ABC?code=ABC", "ABC"]
    # a URL Python cannot split gives only itself
    assert candidates("https://[::1/x?code=Q") == ["https://[::1/x?code=Q"]
    # too long to be a code (the URL itself, a parameter) is not one; an empty parameter neither
    url = "https://t.example/?code=" + "A" * 600 + "&t=&c=OK"
    assert candidates(url) == ["OK"]
    assert candidates("x" * 2048) == [] and candidates("A" * 512) == ["A" * 512]


def test_candidates_length_limit_and_bare_hosts():
    # a scan up to four codes long is looked at, URL and all; longer is noise
    pad = "https://t.example/?code=OK&x="
    at_limit = pad + "y" * (2048 - len(pad))
    assert candidates(at_limit) == ["OK"]
    assert candidates(at_limit + "y") == []
    # a bare host (and port) is a host, not a code in a path
    assert candidates("www.t.example") == ["www.t.example"]
    assert candidates("www.t.example:8080") == ["www.t.example:8080"]
