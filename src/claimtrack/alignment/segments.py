"""Segments: the claims a translation rendered as one unit, diffed as one.

A translation often renders two sentences of one side as one sentence of the
other.  :func:`~claimtrack.alignment.align` then links the single claim to
both (its first partner by competitive linking, the second as a *merged*
partner).  Diffing each link on its own compares a sentence with a part of
its translation, and the rest of that translation shows up as an added
passage, name or figure.  So the drift of such a link is computed once, on
its *segment*: the single claim against its partners joined in text order,
and each finding goes back to the link of the partner it is about.

:func:`segments` groups accepted links into segments (the connected
components of the link graph that have one claim on one side); :func:`join`
makes the joined text (or :class:`~claimtrack.models.Claim`) of several
claims, and :func:`split_findings` sends a segment's findings back to its
links, their spans made relative to each link's own claims again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Claim, Drift

__all__ = ["Segment", "segments", "join", "split_findings", "JOINER"]

JOINER = "\n"
"""What joins the parts of a segment: a line break, which is a sentence end
for every check (``Side.sentences`` splits lines first), so no chunk, name or
figure of the joined text runs from one part into the next."""


@dataclass(frozen=True)
class Segment:
    """Links that share a claim: ``a`` and ``b`` are claim indices of each
    side in text order; ``links`` the indices of the links (into the list
    given to :func:`segments`) in the order of the joined side's claims.
    One of ``a`` / ``b`` has exactly one claim."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    links: tuple[int, ...]

    @property
    def joined(self) -> str | None:
        """``"a"`` or ``"b"``: the side whose claims are joined (None for a
        one-to-one link)."""
        if len(self.a) > 1:
            return "a"
        if len(self.b) > 1:
            return "b"
        return None


def segments(pairs: Sequence[tuple[int, int]]) -> list[Segment]:
    """The segments of links ``pairs`` ((a index, b index) each): a claim
    linked to several claims of the other side, none of which is linked to
    anything else, makes one segment with them; every other link is its own
    segment.  Sorted by the first link's position in ``pairs``."""
    by_a: dict[int, list[int]] = {}
    by_b: dict[int, list[int]] = {}
    for k, (i, j) in enumerate(pairs):
        by_a.setdefault(i, []).append(k)
        by_b.setdefault(j, []).append(k)
    out: list[Segment] = []
    done: set[int] = set()
    for k, (i, j) in enumerate(pairs):
        if k in done:
            continue
        star: list[int] | None = None
        if len(by_a[i]) > 1 and all(len(by_b[pairs[x][1]]) == 1 for x in by_a[i]):
            star = sorted(by_a[i], key=lambda x: pairs[x][1])
        elif len(by_b[j]) > 1 and all(len(by_a[pairs[x][0]]) == 1 for x in by_b[j]):
            star = sorted(by_b[j], key=lambda x: pairs[x][0])
        links = star if star is not None else [k]
        done.update(links)
        out.append(Segment(
            a=tuple(sorted({pairs[x][0] for x in links})),
            b=tuple(sorted({pairs[x][1] for x in links})),
            links=tuple(links),
        ))
    return out


def join(items: Sequence[Any]) -> tuple[Any, list[int]]:
    """The items joined with :data:`JOINER`, and where each one starts in the
    joined text.  Plain strings give a string; :class:`Claim` objects a Claim
    whose text is the joined text, whose quantities, dates and entities are
    the parts' (shifted, so ``diff_claims`` reads them at the right offsets)
    and whose speaker is the first part's resolved one (else the first
    speaker found)."""
    texts = [x if isinstance(x, str) else x.text for x in items]
    starts: list[int] = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(JOINER)
    text = JOINER.join(texts)
    if all(isinstance(x, str) for x in items):
        return text, starts
    claims: list[Claim] = list(items)
    base = claims[0].start

    def shifted(c: Claim, at: int, found: Sequence[Any]) -> list[Any]:
        d = base + at - c.start
        return [x.model_copy(update={"start": x.start + d, "end": x.end + d}) for x in found]

    speakers = [c.speaker for c in claims if c.speaker is not None]
    named = [s for s in speakers if s.name]
    joined = claims[0].model_copy(update={
        "text": text,
        "end": base + len(text),
        "speaker": (named or speakers)[0] if speakers else None,
        "quantities": tuple(q for c, at in zip(claims, starts) for q in shifted(c, at, c.quantities)),
        "dates": tuple(q for c, at in zip(claims, starts) for q in shifted(c, at, c.dates)),
        "entities": tuple(q for c, at in zip(claims, starts) for q in shifted(c, at, c.entities)),
    })
    return joined, starts


def _part(span: tuple[int, int] | None, starts: list[int], lengths: list[int]) -> tuple[int | None, tuple[int, int] | None]:
    """Which part a span of the joined text lies in, and the span relative to
    that part (None, span clipped to it, when it runs past the part's end)."""
    if span is None:
        return None, None
    k = max(x for x in range(len(starts)) if starts[x] <= span[0])
    s, e = span[0] - starts[k], span[1] - starts[k]
    return k, (s, min(e, lengths[k]))


def split_findings(found: Sequence[Drift], side: str, starts: list[int], lengths: list[int],
                   primary: int) -> list[list[Drift]]:
    """A segment's findings, one list per part of the joined ``side``
    (``"source"`` or ``"target"``): a finding goes to the part its span on
    that side lies in, with the span made relative to the part; a finding
    with no span there (an addition to the single claim's side, a figure
    only the single claim states) goes to part ``primary``, the first
    partner."""
    out: list[list[Drift]] = [[] for _ in starts]
    key = f"{side}_span"
    for d in found:
        k, span = _part(getattr(d, key), starts, lengths)
        if k is None:
            out[primary].append(d)
        else:
            out[k].append(d.model_copy(update={key: span}))
    return out
