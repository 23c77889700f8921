"""The shared vocabulary of Sonae's parser (engine.parsing, engine.coordinates): blank marks, dash variants,
bilingual reason texts and the error one value raises. QGIS-free."""
from __future__ import annotations

import re
import unicodedata

from .rules import load_rules

_RULES = load_rules("number_units.json")


def _k(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


BLANKS = {_k(b) for b in _RULES["blank_marks"]}
_DASHES = str.maketrans({"−": "-", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "﹣": "-", "－": "-"})


# --- reasons (bilingual, never mixed inside one sentence) ---------------------------------------------------

REASONS = {
    "not_number": ("not a number", "数値として読めません"),
    "range": ("more than one number (a range or a note); write one value", "数値が複数あります（範囲や注記）。1つの値にしてください"),
    "separators": ("digit grouping cannot be read (use 1,234 or 1234.5)", "桁区切りが読めません（1,234 や 1234.5 の形にしてください）"),
    "unit": ("unit not allowed here", "この項目では使えない単位です"),
    "percent": ("a percentage is not expected here; write the value itself", "ここでは百分率は使えません。値そのものを書いてください"),
    "not_finite": ("infinite or undefined value", "無限大または未定義の値です"),
    "double_sign": ("two signs (minus and S/W)", "符号が二重です（マイナスとS/W）"),
    "axis": ("a longitude written in the latitude column or the reverse (N/S vs E/W)", "緯度の列に経度（またはその逆）が書かれています（N/SとE/W）"),
    "minutes": ("minutes or seconds of 60 or more", "分または秒が60以上です"),
    "out_of_range": ("outside -90..90 (latitude) or -180..180 (longitude)", "緯度は-90〜90、経度は-180〜180の範囲外です"),
    "approximate": ("an approximate value (約, 程度)", "概数（約・程度など）です"),
    "not_coordinate": ("not a coordinate (decimal degrees or 度分秒)", "座標として読めません（10進の度または度分秒）"),
}


def reason_text(code: str) -> tuple[str, str]:
    """(English, Japanese) for a reason code; unit codes look like 'unit:kwh'."""
    base, _, extra = code.partition(":")
    en, ja = REASONS.get(base, REASONS["not_number"])
    if extra:
        en, ja = f"{en} ({extra})", f"{ja}（{extra}）"
    return en, ja


class NumberError(ValueError):
    def __init__(self, text, code):
        en, ja = reason_text(code)
        super().__init__(f"'{text}': {en}")
        self.text, self.code, self.en, self.ja = text, code, en, ja
