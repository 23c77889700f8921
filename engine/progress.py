"""Progress reporting and cancellation for long engine loops, without depending on QGIS.

The Processing adapter wraps a ``QgsProcessingFeedback`` in :class:`Progress`; plain callers pass ``None``.
"""
from __future__ import annotations

from typing import Callable, Optional

from .errors import Cancelled


class Progress:
    def __init__(self, set_fraction: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None,
                 info: Optional[Callable[[str], None]] = None,
                 warn: Optional[Callable[[str], None]] = None):
        self._set = set_fraction
        self._is_canceled = is_canceled
        self._info = info
        self._warn = warn

    def update(self, fraction: float) -> None:
        """Report progress in [0, 1] and raise :class:`Cancelled` if the user asked to stop."""
        if self._set is not None:
            self._set(max(0.0, min(1.0, float(fraction))))
        self.check()

    def check(self) -> None:
        if self._is_canceled is not None and self._is_canceled():
            raise Cancelled("cancelled by the user / ユーザーが中止しました")

    def info(self, message: str) -> None:
        if self._info is not None:
            self._info(message)

    def warn(self, message: str) -> None:
        if self._warn is not None:
            self._warn(message)

    def sub(self, start: float, end: float) -> "Progress":
        """A child progress mapping [0, 1] onto [start, end] of this one."""
        parent = self

        def set_fraction(f: float) -> None:
            parent.update(start + (end - start) * f)

        return Progress(set_fraction, self._is_canceled, self._info, self._warn)


NO_PROGRESS = Progress()


def ensure(progress: Optional[Progress]) -> Progress:
    return progress if progress is not None else NO_PROGRESS
