"""Errors the engine raises for bad input, bilingual so the Processing adapter can show them as they are."""


class SonaeInputError(ValueError):
    """Bad input a user can fix. ``ja`` and ``en`` name the layer/file, the field or row, and the fix."""

    def __init__(self, en: str, ja: str):
        super().__init__(f"{ja}\n{en}")
        self.en = en
        self.ja = ja


class Cancelled(RuntimeError):
    """The user cancelled a long-running computation."""
