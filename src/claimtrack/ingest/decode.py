"""Bytes to text: byte-order marks, binary signatures, strict UTF-8, then a legacy code page.

The rules are the "Decoding" section of :mod:`claimtrack.ingest`.
"""

from __future__ import annotations

import codecs

from ..errors import BinaryInputError, DecodingError

__all__ = ["decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 (legacy Office) document"),
)

_ALLOWED_CONTROLS = "\t\n\r\x0b\x0c"
_CONTROL_TABLE = {
    c: None
    for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if chr(c) not in _ALLOWED_CONTROLS
}
_MAX_CONTROL_SHARE = 0.02

_WESTERN = ("cp1252", "iso8859_15", "latin_1")
"""Legacy code pages preferred on ties (claimtrack reads English and French)."""
_WESTERN_CHAOS_SLACK = 0.05


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return (len(text) - len(text.translate(_CONTROL_TABLE))) / len(text)


def _looks_like_utf16(data: bytes) -> bool:
    quarter = len(data) // 4
    return quarter > 0 and (data[0::2].count(0) > quarter or data[1::2].count(0) > quarter)


def _detect_legacy(data: bytes, what: str) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 with the encoding charset-normalizer finds.

    Two passes: one restricted to the Western European code pages, one over
    every encoding; the Western candidate wins unless the other is clearly
    less chaotic (short inputs fit many code pages equally well).
    """
    from charset_normalizer import from_bytes

    western = from_bytes(data, cp_isolation=list(_WESTERN)).best()
    anything = from_bytes(data).best()
    if western is not None and (anything is None or western.chaos <= anything.chaos + _WESTERN_CHAOS_SLACK):
        candidates = {western.encoding, *western.could_be_from_charset}
        for encoding in _WESTERN:
            if encoding in candidates:
                try:
                    return data.decode(encoding), codecs.lookup(encoding).name
                except UnicodeDecodeError:
                    continue
        return str(western), codecs.lookup(western.encoding).name
    if anything is not None:
        return str(anything), codecs.lookup(anything.encoding).name
    raise DecodingError(
        f"{what} is neither UTF-8 nor in any legacy encoding charset-normalizer recognises; save it as UTF-8"
    )


def decode_bytes(data: bytes, what: str) -> tuple[str, str]:
    """Decode raw bytes; returns ``(text, encoding)``. Cost: linear in ``len(data)``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                unicode = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}[encoding]
                raise DecodingError(
                    f"{what} starts with a {unicode} byte-order mark but is not valid {unicode} "
                    f"(byte offset {exc.start}: {exc.reason})"
                ) from None
            break
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise BinaryInputError(f"{what} looks like {kind}, not text")
        if b"\x00" in data:
            hint = (
                "; if it is UTF-16 text without a byte-order mark, save it as UTF-8 or with a BOM"
                if _looks_like_utf16(data)
                else ""
            )
            raise BinaryInputError(f"{what} is binary data, not text (it contains NUL bytes){hint}")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect_legacy(data, what)
    share = _control_share(text)
    if share > _MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"{what} is binary data, not text ({share:.0%} of its characters are control characters)"
        )
    return text, encoding

