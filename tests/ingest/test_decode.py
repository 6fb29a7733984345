"""Bytes to text: BOMs, legacy encodings and binary files."""

from __future__ import annotations

import codecs
import random

import pytest

from claimgraph.errors import BINARY, EMPTY, UNDECODABLE, InputError
from claimgraph.ingest.decode import binary_kind, decode_bytes
from tests.ingest.conftest import INGEST


def test_decode_cp1252_file_reads_accents_and_curly_quotes() -> None:
    text = decode_bytes((INGEST / "cp1252.txt").read_bytes(), "cp1252.txt")
    assert text.startswith("Fiancée of murdered Saudi journalist")
    assert "Agnès Callamard" in text and "“" in text


def test_decode_utf16_with_bom() -> None:
    text = decode_bytes((INGEST / "utf16-bom.txt").read_bytes(), "utf16-bom.txt")
    assert text.startswith("Escape room fire kills five teen girls in Koszalin, Poland")
    assert "\ufeff" not in text


def test_decode_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Gdańsk mayor".encode(), "x") == "Gdańsk mayor"


@pytest.mark.parametrize("name", ["pixel.png", "nul-byte.txt"])
def test_decode_binary_is_refused(name: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes((INGEST / name).read_bytes(), name)
    assert err.value.code == BINARY and name in str(err.value)


def test_decode_binary_kind_names_the_format() -> None:
    assert binary_kind(b"%PDF-1.7\n") == "PDF"
    assert binary_kind(b"PK\x03\x04rest") == "ZIP"
    assert binary_kind(b"\x1f\x8b\x08\x00") == "gzip"
    assert binary_kind(b"MZ is how the report begins") is None  # text, not an executable


def test_decode_empty_is_empty() -> None:
    with pytest.raises(InputError) as err:
        decode_bytes((INGEST / "empty.txt").read_bytes(), "empty.txt")
    assert err.value.code == EMPTY


def test_decode_noise_is_undecodable() -> None:
    rng = random.Random(1)
    noise = bytes(rng.randrange(1, 256) for _ in range(400))  # no NUL, not UTF-8, no code page reads it as text
    with pytest.raises(InputError) as err:
        decode_bytes(noise, "noise.bin")
    assert err.value.code == UNDECODABLE
