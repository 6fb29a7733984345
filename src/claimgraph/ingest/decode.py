"""Bytes to text: refuse binary formats, honour BOMs, prefer UTF-8, else ask charset-normalizer."""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from claimgraph.errors import BINARY, EMPTY, UNDECODABLE, InputError

log = logging.getLogger(__name__)

# Leading bytes of formats that are never a report's text (file(1) magic numbers).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (old Office)"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"RIFF", "RIFF (audio/video)"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"wOFF", "WOFF font"),
)
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_LATIN_SINGLE_BYTE = re.compile(r"^(?:cp125\d|latin_?1|iso8859_(?:1|2|15)|mac_(?:roman|latin2))$")


def binary_kind(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, or None for anything else."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            # "MZ"/"ID3"/"BZh" are also plausible first letters of text: demand a NUL nearby.
            if len(magic) <= 3 and name not in ("JPEG", "gzip") and b"\x00" not in data[:512]:
                continue
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a BOM, else None. Text in a Latin, Greek or Cyrillic script has
    a NUL as (nearly) every other byte, on the odd positions (little-endian) or the even ones."""
    sample = data[: 1 << 16]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.02:
        encoding = "utf-16-le"
    elif zeros_even > 0.4 and zeros_odd < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:4096])
    if "\x00" in text or printable < 0.95 * min(len(text), 4096):
        return None
    return text


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes to ``str``; raise :class:`InputError` (EMPTY, BINARY, UNDECODABLE)."""
    if not data.strip():
        raise InputError(path, "empty file", EMPTY)
    kind = binary_kind(data)
    if kind:
        raise InputError(path, f"binary file ({kind}), not text", BINARY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not valid {encoding} despite its BOM ({exc.reason})", UNDECODABLE)
            if "\x00" in text:
                raise InputError(path, "binary file (NUL characters), not text", BINARY)
            return text.lstrip("\ufeff")
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(path, "binary file (NUL bytes), not text", BINARY)
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "no text encoding fits (not UTF-8, and no other encoding detected)", UNDECODABLE)
    log.debug("%s: decoded as %s", path, best.encoding)
    if _LATIN_SINGLE_BYTE.match(best.encoding):
        # Short Western text is often guessed as cp1250/latin-2/mac_roman; cp1252 (a superset of
        # Latin-1's printable range, and what Windows editors write) reads it right far more often.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)
