"""Time expressions: find them in text and normalize them to EDTF against an anchor date.

INTERFACE STUB (owned by the reading/dates helper): keep the names below stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TimeExpr:
    text: str  # the words as they stand in the text
    start: int  # character offsets in the text that was searched
    end: int
    value: str | None  # EDTF, or None when it cannot be resolved (no anchor, say)


def find_times(text: str, anchor: dt.date | None) -> list[TimeExpr]:
    raise NotImplementedError
