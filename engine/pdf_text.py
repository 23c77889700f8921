"""Make a PDF's text layer searchable: map compatibility code points in ToUnicode CMaps to the characters printed.

Why: Qt's PDF engine writes, for every embedded glyph, the LOWEST code point the font's cmap maps to it
(QFontSubset::getReverseMap). Noto Sans CJK maps each Kangxi radical (U+2F00-U+2FD5) to the same glyph as the
unified ideograph (U+2F54 ⽔ and U+6C34 水 share a glyph), so 水 人 日 月 面 自 立 用 金 ... come out as radicals and
searching or copying 浸水 or 人数 fails; the katakana middle dot ・ (U+30FB) comes out as U+2027 the same way.

Fix: in each uncompressed ToUnicode CMap (Qt writes them uncompressed), replace every destination code in the
Kangxi Radicals / CJK Radicals Supplement blocks by the ideograph printed (rules/pdf_tounicode.json: NFKC and
Unicode's equivalent unified ideographs, checked against Noto Sans CJK JP's cmap; and U+2027 by U+30FB). The replacement
has the same byte length, so object offsets and the xref table stay valid. Source codes (glyph ids) are never
touched. Font-independent: any font whose cmap shares glyphs this way is fixed.
"""
from __future__ import annotations

import re

from .rules import load_rules

_CMAP = re.compile(rb"begincmap(.*?)endcmap", re.S)
_BLOCK = re.compile(rb"(begin(bfrange|bfchar))(.*?)(end\2)", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _replacements() -> dict[int, int]:
    table = load_rules("pdf_tounicode.json")["map"]
    return {int(k, 16): int(v, 16) for k, v in table.items()}


REPLACE = _replacements()


def _fix_dest(token: bytes) -> tuple[bytes, int]:
    """A destination hex string (UTF-16BE, 4 hex digits per unit): replace the compatibility units."""
    text = token.decode("ascii")
    if len(text) % 4:
        return token, 0
    units = [int(text[i:i + 4], 16) for i in range(0, len(text), 4)]
    fixed = [REPLACE.get(u, u) for u in units]
    n = sum(a != b for a, b in zip(units, fixed))
    if not n:
        return token, 0
    case_upper = text.upper() == text
    out = "".join(f"{u:04X}" if case_upper else f"{u:04x}" for u in fixed)
    return out.encode("ascii"), n


def _fix_block(kind: bytes, body: bytes) -> tuple[bytes, int, int]:
    fixed_total = unfixable = 0
    lines = body.split(b"\n")
    for i, line in enumerate(lines):
        tokens = list(_HEX.finditer(line))
        if kind == b"bfchar":
            if len(tokens) < 2:
                continue
            dests = tokens[1:2]
        else:
            if len(tokens) < 3:
                continue
            dests = tokens[2:]
            if b"[" not in line:
                lo, hi = int(tokens[0].group(1), 16), int(tokens[1].group(1), 16)
                first = tokens[2].group(1)
                if hi > lo and len(first) == 4 and int(first, 16) in REPLACE:
                    unfixable += hi - lo + 1      # a linear range of radicals: cannot be rewritten in place
                    continue
        new = bytearray(line)
        for m in reversed(dests):
            rep, n = _fix_dest(m.group(1))
            if n:
                new[m.start(1):m.end(1)] = rep
                fixed_total += n
        lines[i] = bytes(new)
    return b"\n".join(lines), fixed_total, unfixable


def fix_tounicode(data: bytes) -> tuple[bytes, int, int]:
    """(new PDF bytes, code points fixed, code points that could not be fixed). Same length as ``data``."""
    fixed = unfixable = 0

    def cmap_sub(m):
        nonlocal fixed, unfixable

        def block_sub(b):
            nonlocal fixed, unfixable
            body, n, u = _fix_block(b.group(2), b.group(3))
            fixed += n
            unfixable += u
            return b.group(1) + body + b.group(4)
        return b"begincmap" + _BLOCK.sub(block_sub, m.group(1)) + b"endcmap"

    out = _CMAP.sub(cmap_sub, data)
    if len(out) != len(data):      # never: every replacement keeps its length
        raise AssertionError("ToUnicode rewrite changed the PDF length")
    return out, fixed, unfixable


def fix_pdf_file(path: str) -> tuple[int, int]:
    """Rewrite ``path`` in place (same length). Returns (fixed, unfixable)."""
    with open(path, "rb") as fh:
        data = fh.read()
    out, fixed, unfixable = fix_tounicode(data)
    if fixed:
        with open(path, "r+b") as fh:
            fh.write(out)
    return fixed, unfixable


def compatibility_chars(text: str) -> int:
    """Count of Kangxi / CJK radical supplement code points in ``text`` (should be 0 in a searchable layer)."""
    return sum(1 for c in text if 0x2E80 <= ord(c) <= 0x2FDF)
