"""What both aligners accept and share: texts of their inputs, the key of the
canonical orientation, scores clipped to 0..1."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

__all__ = ["text_of", "texts_key", "clip01"]


def text_of(x: Any) -> str:
    """``x`` itself when it is a ``str``, else its ``.text`` string (TypeError otherwise)."""
    if isinstance(x, str):
        return x
    text = getattr(x, "text", None)
    if isinstance(text, str):
        return text
    raise TypeError(f"expected a str or an object with a .text str attribute, got {type(x).__name__}")


def texts_key(texts: Sequence[str]) -> tuple[int, str]:
    """Order key of one side: the aligners run with the lower-keyed side first,
    so that aligning (b, a) is exactly aligning (a, b) mirrored."""
    return (len(texts), hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest())


def clip01(x: float) -> float:
    """``x`` clipped to 0..1 (0 when not finite)."""
    if not math.isfinite(x):
        return 0.0
    return float(min(1.0, max(0.0, x)))
