"""Entity drift: named entities added, dropped, replaced or generalised.

Entities (:func:`claimtrack.extract.entities.extract_entities`) are compared by
:func:`claimtrack.extract.entities.entity_key`, which folds case and accents, drops
legal suffixes and maps name words across languages, so a name that is
merely translated ("Fondation Linux" / "Linux Foundation") or re-spelled
("Nvidia Corp." / "NVidia") is the same entity.  Steps, each on what the
previous ones left unmatched:

1. equal keys, or keys at least 90 % alike (rapidfuzz ratio);
2. generalisation: the target name is a proper token prefix of the source
   name ("Google Cloud" -> "Google", "Microsoft Azure" -> "Microsoft"), or
   the reverse (a specialisation), unless, across languages, the other text
   says the missing words in its own language ("Kestrel Island" / "l'île de
   Kestrel"), or the short name with the words around it translates the
   long one ("Gaza Strip" / "la bande de Gaza"); a name reduced to its last
   word ("Soumith Chintala" -> "Chintala") is the same name, not drift;
3. same entity written differently: an acronym of a name on either side
   ("AWS" / "Amazon Web Services"), of names joined by links in any word
   order ("Democratic Republic" of "Congo" / "RDC"), or every word of the
   name present in the other text (a name that the other side writes in
   lower case or that the extractor missed there; a place CLDR knows only as
   written, so "Austria" is not "Australie");
   3a. across languages, a name CLDR translates (:mod:`claimtrack.lang.cldr`:
   territories, time-zone cities, languages) whose translation the other
   side holds ("Ecuador" / "Équateur", "Brussels" / "bruxelloise");
   3b. calendar words are not names;
   3c. across languages, names the embedder finds translated among the other
   side's words and phrases (:meth:`EntityCheck._translated`); an
   organisation name only with its complement ("England" of "Bank of
   England": not "Banque de France");
   3d. an acronym in parentheses and the name before it are one name
   ("Telecommunications Commission (CRTC)" / "Conseil ... (CRTC)");
4. what is left on both sides is paired by position as a replacement; the
   rest is added or dropped.
"""

from __future__ import annotations

import re
from typing import ClassVar

import numpy as np
from rapidfuzz import fuzz

from ... import lang as _lang
from ...lang import cldr
from ...extract.entities import POSSESSIVE as _POSSESSIVE, entity_key, name_key
from ...models import Drift, DriftType, Entity
from ...text import fold, opens_sentence
from ..check import DriftCheck, no_counterpart, quote
from ..context import PairContext, Side
from ..matching import pair_by_position

__all__ = ["EntityCheck"]

_CALENDAR = frozenset(
    fold(w) for c in _lang.SUPPORTED for w in (*_lang.get(c).dates.months, *_lang.get(c).dates.weekdays)
)


_CALENDAR_MODIFIERS = _lang.union(lambda d: d.dates.calendar_modifiers)
_POSSESSIVE_AS_WRITTEN = re.compile(_POSSESSIVE + r"(?=\W*$)", re.IGNORECASE)
_DETERMINERS = _lang.union(lambda d: d.names.determiners)
_GAP_PUNCT = re.compile(r"[.,;:!?()\[\]«»\"“”—–]")
_EXPANSION_WORDS = 8
"""At most this many words between an expansion's nearest name and the
parenthesis holding its acronym ("Conseil de la radiodiffusion et des
télécommunications canadiennes (CRTC)": six)."""


def _words(e: Entity) -> list[str]:
    t = re.sub(_POSSESSIVE, "", fold(e.text))
    return [w.strip(".,") for w in t.replace("-", " ").replace("'", " ").split() if w.strip(".,")]


def _key(e: Entity) -> str:
    return name_key(e.text)


def _variants(e: Entity, side: Side) -> list[str]:
    """The key, plus the key without a sentence-initial first word ("Bringing
    PyTorch" at the start of a quote is probably "PyTorch")."""
    keys = [_key(e)]
    ws = e.text.split()
    if len(ws) > 1 and opens_sentence(side.text, e.start):
        keys.append(entity_key(" ".join(ws[1:])))
    return keys


def _letters(k: str) -> str:
    return "".join(sorted(k)) if k.isalpha() and 2 <= len(k) <= 5 else ""


def _prefix(short: list[str], long: list[str]) -> bool:
    return 0 < len(short) < len(long) and long[: len(short)] == short


def _suffix(short: list[str], long: list[str]) -> bool:
    return 0 < len(short) < len(long) and long[-len(short) :] == short


_LINKS = frozenset().union(*(_lang.get(c).names.name_links for c in _lang.SUPPORTED))
"""Words linking the parts of a name (``Names.name_links``), in any
supported language: names cross languages ("Athletico de Kolkata")."""


def _acronym_letters(e: Entity) -> str:
    """The initials of a name's words other than links ("Democratic Republic" -> "dr")."""
    return "".join(w[0] for w in _words(e) if w not in _LINKS)


def _link_groups(ents: list[Entity], side: Side) -> list[list[int]]:
    """Runs of two names or more that name links join ("Democratic Republic"
    of "Congo")."""
    out: list[list[int]] = []
    run = [0] if ents else []
    for k in range(1, len(ents)):
        if _joined(side.text[ents[k - 1].end : ents[k].start]):
            run.append(k)
        else:
            if len(run) > 1:
                out.append(run)
            run = [k]
    if len(run) > 1:
        out.append(run)
    return out


def _acronym(e: Entity) -> str:
    ws = [w for w in _words(e) if w not in _LINKS]
    return "".join(w[0] for w in ws) if len(ws) > 1 else ""


def _present(e: Entity, other: Side) -> bool:
    return _words_present(_words(e), other)


def _words_present(words: list[str], other: Side) -> bool:
    """Every word (folded) other than a name link is in ``other``'s words, or
    begins one of them (five letters: "bruxell" in "bruxelloise"), or is
    spelled nearly alike (rapidfuzz ratio at least 80)."""
    return _holds(words, other.folded_parts)


def _holds(words: list[str], have: frozenset[str]) -> bool:
    words = [w.strip(".,") for w in words if w.strip(".,") not in _LINKS]
    if not words:
        return True
    for w in words:
        if w in have:
            continue
        if len(w) >= 5 and any(h.startswith(w[:5]) for h in have):
            continue
        if len(w) >= 4 and any(fuzz.ratio(w, h) >= 80 for h in have if abs(len(h) - len(w)) <= 2):
            continue
        return False
    return True


def _spelled_alike(e: Entity, phrase: str) -> bool:
    """A capitalised word of the phrase is the name's word spelled another way ("Irak" / "Iraq")."""
    caps = [fold(w) for w in re.findall(r"\w+", phrase) if w[:1].isupper()]
    return any(fuzz.ratio(w, c) >= 75 for w in _words(e) if len(w) >= 4 for c in caps if len(c) >= 4)


def _missing(e: Entity, other: Side) -> str:
    """The words of the name that ``other`` does not hold (the whole name when
    it holds none of them or all of them)."""
    have = other.folded_words
    text = _plain(e)
    ws = text.split()
    rest = [w for w in ws if fold(w).strip(".,") not in have]
    return " ".join(rest) if rest and len(rest) < len(ws) else text


def _complement(e: Entity) -> str:
    """The capitalised words after the first link word of a name: what an
    organisation name says it belongs to ("England" of "Bank of England",
    "France" of "Banque de France"); empty when there is none."""
    ws = _plain(e).split()
    for k, w in enumerate(ws):
        if k and fold(w) in _LINKS:
            return " ".join(x for x in ws[k + 1 :] if x[:1].isupper())
    return ""


def _plain(e: Entity) -> str:
    """The name as written, less a possessive ending ("Ecuador's" -> "Ecuador")."""
    return re.sub(_POSSESSIVE_AS_WRITTEN, "", e.text)


def _cldr_present(e: Entity, side: Side, other: Side) -> bool:
    """CLDR names what the name names in the other language ("Ecuador" /
    "Équateur", "Brussels" / "Bruxelles", "German" / "allemand"), and
    ``other`` holds that name or a word derived from it (:func:`_stems_held`:
    "bruxelloise" holds "Bruxelles")."""
    text = _plain(e)
    ws = text.split()
    forms = [text] + ([" ".join(ws[1:])] if len(ws) > 1 and fold(ws[0]) in _DETERMINERS else [])
    for form in forms:
        for name in cldr.translations(form, side.lang, other.lang):
            if _stems_held(_split(name), other.folded_parts):
                return True
    # the other way round: a name of the other side translates into this one
    # ("Brussels" -> "Bruxelles", which "Bruxellois" begins with)
    mine = frozenset(_words(e))
    for f in other.entities:
        for name in cldr.translations(_plain(f), other.lang, side.lang):
            if _stems_held(_split(name), mine):
                return True
    return False


def _stems_held(words: list[str], have: frozenset[str]) -> bool:
    """Every word (but a name link) is in ``have`` or is the stem of a word
    there: the word less its last three letters, four at least, begins it
    ("bruxelles" -> "bruxelloise", "syrie" -> "syriennes"; "australia" is
    not "austria")."""
    words = [w for w in words if w not in _LINKS]
    return bool(words) and all(
        w in have or (len(w) >= 4 and any(h.startswith(w[: max(4, len(w) - 3)]) for h in have)) for w in words
    )


def _split(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", fold(text)) if w]


_ACRONYM = re.compile(r"[^\W\d_][^\W_]*")


def _is_acronym(text: str) -> bool:
    core = text.replace(".", "")
    return 2 <= len(core) <= 10 and core.isupper() and bool(_ACRONYM.fullmatch(core))


def _alias_groups(side: Side) -> list[set[int]]:
    """Names that one parenthesis makes one: an acronym in parentheses and the
    name before it ("Canadian Radio-television and Telecommunications
    Commission (CRTC)", "Conseil de la radiodiffusion ... (CRTC)"), or a name
    in parentheses after an acronym ("DGSE (Directorate General for External
    Security)").  The name before the parenthesis is the nearest name ending at
    most ``_EXPANSION_WORDS`` words before it, with no punctuation between,
    and the names joined to it by name links ("and", "of", "de")."""
    ents, text = side.entities, side.text
    groups: list[set[int]] = []
    for k, e in enumerate(ents):
        if not _is_acronym(e.text):
            continue
        before, after = text[: e.start].rstrip(), text[e.end :].lstrip()
        group = {k}
        if before.endswith("(") and after.startswith(")"):
            left = len(before) - 1
            near = True
            for j in range(k - 1, -1, -1):
                gap = text[ents[j].end : left]
                words = gap.split()
                if _GAP_PUNCT.search(gap):
                    break
                if near:
                    if len(words) > _EXPANSION_WORDS:
                        break
                    near = False
                elif not all(fold(w) in _LINKS for w in words):
                    break
                group.add(j)
                left = ents[j].start
        elif after.startswith("("):
            close = text.find(")", e.end)
            for j in range(k + 1, len(ents)):
                if close < 0 or ents[j].start > close:
                    break
                group.add(j)
        if len(group) > 1:
            groups.append(group)
    return groups


def _cosines(pair: PairContext, queries: list[str], candidates: list[str]) -> np.ndarray:
    """Cosines of each query text to each candidate text, shape (queries, candidates),
    encoded in one call through the pair's cache."""
    vecs = pair.cache.encode(pair.embedder, queries + candidates)
    return np.asarray(vecs[: len(queries)] @ vecs[len(queries) :].T)


def _speaker_words(side: Side) -> frozenset[str]:
    name = side.speaker.name if side.speaker is not None else None
    return frozenset(fold(w).strip(".,") for w in name.split()) if name else frozenset()


def _is_speaker(e: Entity, speaker: frozenset[str]) -> bool:
    """The name is (part of) the side's speaker's name ("Marchetti" of Elena Marchetti)."""
    ws = _words(e)
    return bool(speaker) and bool(ws) and set(ws) <= speaker


def _phrases(side: Side) -> list[tuple[str, list[tuple[int, int]]]]:
    """What a name may be translated by on ``side``: content words, names, and
    phrases of 2-5 words holding a capital ("groupe d'étude sur l'Irak" for
    "Iraq Study Group", « Frères musulmans », « bande de Gaza ») or of two
    adjacent content words ("Northern Lights" / "aurores boréales"), each with
    its spans, sorted by text."""
    found: dict[str, list[tuple[int, int]]] = {}

    def add(s: int, e: int) -> None:
        found.setdefault(side.text[s:e], []).append((s, e))

    content = side.content_words(0, len(side.text))
    for t in content:
        add(t.start, t.end)
    for ent in side.entities:
        add(ent.start, ent.end)
    toks = side.tokens
    for i, t in enumerate(toks):
        for j in range(i + 1, min(i + 5, len(toks))):
            if any(any(c.isupper() for c in u.text) for u in toks[i : j + 1]):
                add(t.start, toks[j].end)
    starts = {t.start for t in content}
    for t, u in zip(toks, toks[1:]):
        if t.start in starts and u.start in starts:
            add(t.start, u.end)
    return sorted(found.items())


_AROUND = 5
"""Words around a short name that may translate the rest of a long one
("zone de la baie de" San Francisco: five)."""


def _windows(side: Side, e: Entity) -> list[str]:
    """The texts of ``side`` holding the name ``e`` and up to ``_AROUND``
    words before or after it, within its clause (no punctuation between)."""
    toks = side.tokens
    first = next((k for k, t in enumerate(toks) if t.end > e.start), None)
    last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].start < e.end), None)
    if first is None or last is None or last < first:
        return []
    lo = first
    while lo > 0 and first - lo < _AROUND and not _GAP_PUNCT.search(side.text[toks[lo - 1].end : toks[lo].start]):
        lo -= 1
    hi = last
    while (hi + 1 < len(toks) and hi - last < _AROUND
           and not _GAP_PUNCT.search(side.text[toks[hi].end : toks[hi + 1].start])):
        hi += 1
    out = {side.text[toks[i].start : toks[j].end] for i in range(lo, first + 1) for j in range(last, hi + 1)}
    out.discard(side.text[toks[first].start : toks[last].end])
    return sorted(out)


def _linked(ents: list[Entity], i: int, side: Side, unmatched: list[int]) -> str | None:
    """The name ``ents[i]`` with the names that name links join after it
    ("House" + "of" + "Commons" -> "House of Commons"), when those are all
    matched already: the head of such a name is a generic word ("House",
    "Bank") that only the whole name translates, while the part after the
    link is what tells the name apart and must match on its own.  None when
    no link follows."""
    hi = i
    while hi + 1 < len(ents) and _joined(side.text[ents[hi].end : ents[hi + 1].start]):
        hi += 1
    if hi == i or any(k in unmatched for k in range(i + 1, hi + 1)):
        return None
    return side.text[ents[i].start : ents[hi].end]


def _joined(gap: str) -> bool:
    words = gap.split()
    return bool(words) and len(words) <= 2 and not _GAP_PUNCT.search(gap) and all(fold(w) in _LINKS for w in words)


_COGNATE_RATIO = 65
"""Least rapidfuzz ratio of a one-word name and a word spelled like it in the
other language ("Syrian" / "syriennes" 67, "Alawite" / "alaouites" 75)."""


def _cognate(query: str, texts: list[str], sims: np.ndarray, least: float) -> int | None:
    """The index of a one-word candidate that a one-word name is a cognate of:
    spelled alike (same first two letters, ratio at least ``_COGNATE_RATIO``)
    and close in meaning (cosine at least ``least``).  French writes in lower
    case the adjectives English capitalises ("Syrian forces" / "forces
    syriennes", "the Alawite sect" / "la secte des alaouites")."""
    q = _split(query)
    if len(q) != 1 or len(q[0]) < 4:
        return None
    w = q[0]
    best: int | None = None
    for k, t in enumerate(texts):
        c = _split(t)
        if len(c) == 1 and c[0][:2] == w[:2] and fuzz.ratio(w, c[0]) >= _COGNATE_RATIO and sims[k] >= least:
            if best is None or sims[k] > sims[best]:
                best = k
    return best


_ARTICLE_BEFORE = re.compile(r"\b(\w+)(?:['’]|\s+)$")


def _common_noun(e: Entity, side: Side) -> str | None:
    """A one-word name right after a determiner of its language that is
    neither an acronym nor a CLDR place ("la Chambre", "la Bourse", "the
    House") is a common noun that typography capitalises, as French does
    for an institution: returned with its determiner, to be compared at the
    looser ``entity_match_spelled`` ("the House" / "la Chambre"); else None.
    So is such a name whose other words are in lower case, as French writes
    an institution's name ("la Commission sénatoriale du renseignement")."""
    words = e.text.split()
    if (not words or any(not w.islower() for w in words[1:]) or _is_acronym(e.text) or not e.text[:1].isupper()
            or _is_place(e, side.lang)):
        return None
    head = max(0, e.start - 12)
    m = _ARTICLE_BEFORE.search(side.text[head : e.start])
    if m is None or fold(m.group(1)) not in side.data.names.determiners:
        return None
    return side.text[head + m.start() : e.end]


def _is_place(e: Entity, code: str) -> bool:
    """The name is a territory or city CLDR knows in language ``code``."""
    ids = cldr.place_names(code).get(" ".join(_split(_plain(e))), ())
    return any(not i.startswith("L:") for i in ids)


def _places(text: str, code: str) -> set[str]:
    """The CLDR territories and cities named by the capitalised words (one to
    three) of ``text``; language names ("French") are adjectives as often as
    places and are left out."""
    names = cldr.place_names(code)
    ws = re.findall(r"\w+", text)
    out: set[str] = set()
    for n in (1, 2, 3):
        for k in range(len(ws) - n + 1):
            if ws[k][:1].isupper():
                out.update(i for i in names.get(fold(" ".join(ws[k : k + n])), ()) if not i.startswith("L:"))
    return out


def _places_differ(a: str, la: str, b: str, lb: str) -> bool:
    """Both texts name CLDR places and none is the same ("England"... is no
    territory, but "Bank of Canada" / "Banque de France" name two)."""
    pa, pb = _places(a, la), _places(b, lb)
    return bool(pa) and bool(pb) and not (pa & pb)


class EntityCheck(DriftCheck):
    name = "entity"
    drift_types: ClassVar[tuple[DriftType, ...]] = ("entity",)

    def check(self, pair: PairContext) -> list[Drift]:
        a, b = pair.content_entities  # attribution frames of the same speaker left out
        ka, kb = [_variants(e, pair.source) for e in a], [_variants(e, pair.target) for e in b]
        ua, ub = list(range(len(a))), list(range(len(b)))
        out: list[Drift] = []

        def take(i: int, j: int) -> None:
            ua.remove(i)
            ub.remove(j)

        # 1. same key / near-same key
        for i in list(ua):
            for j in ub:
                if any(x == y or fuzz.ratio(x, y) >= 90 or (_letters(x) and _letters(x) == _letters(y))
                       for x in ka[i] for y in kb[j]):
                    take(i, j)
                    break
        # 2. generalisation / short form
        for i in list(ua):
            wa = _words(a[i])
            for j in ub:
                wb = _words(b[j])
                if _suffix(wb, wa) or _suffix(wa, wb):
                    take(i, j)
                    break
                if _prefix(wb, wa) or _prefix(wa, wb):
                    take(i, j)
                    longer, other = (a[i], pair.target) if len(wa) > len(wb) else (b[j], pair.source)
                    if _present(longer, other):
                        break  # the full name is there too: only the extraction cut it short
                    if pair.source.lang != pair.target.lang and self._said(pair, _missing(longer, other), other):
                        break  # "Kestrel Island" / "l'île de Kestrel": the rest is there, translated
                    shorter = b[j] if longer is a[i] else a[i]
                    if pair.source.lang != pair.target.lang and self._said_around(pair, longer, shorter, other):
                        break  # "Gaza Strip" / "la bande de Gaza": the short name with its words around it
                    out.append(self.finding("entity", a[i].text, b[j].text, (a[i].start, a[i].end),
                                            (b[j].start, b[j].end), "minor"))
                    break
        # a short form on one side may still match several long ones there
        # ("Meta" ... "Meta AI"): a name whose key equals a matched name is matched
        # 3. acronyms and names present in the other text
        acr_all = {x for x in (_acronym(e) for e in list(a) + list(b)) if x}
        # an acronym of names joined by links, in any word order ("Democratic
        # Republic" of "Congo" / "RDC"): the names and the acronym are matched
        for idx, ents, side, other_idx, other_ents in ((ua, a, pair.source, ub, b), (ub, b, pair.target, ua, a)):
            for group in _link_groups(ents, side):
                letters = _letters("".join(_acronym_letters(ents[k]) for k in group))
                hits = [j for j in other_idx if letters and _letters(fold(other_ents[j].text).strip(".")) == letters]
                if hits and any(k in idx for k in group):
                    idx[:] = [k for k in idx if k not in group]
                    other_idx[:] = [j for j in other_idx if j not in hits]
        for idx, ents, side, other in ((ua, a, pair.source, pair.target), (ub, b, pair.target, pair.source)):
            for i in list(idx):
                e = ents[i]
                single = fold(e.text).strip(".")
                if single in acr_all:
                    idx.remove(i)
                elif _is_place(e, side.lang):
                    # a place CLDR knows is there as written, or translated (3a):
                    # "Austria" is not "Australie" however alike they are spelled
                    if set(_words(e)) <= other.folded_parts:
                        idx.remove(i)
                elif _present(e, other):
                    idx.remove(i)
        # 3a. across languages, a name CLDR translates and the other text holds
        # ("Ecuador" / "Équateur", "Brussels" / "bruxelloise", "German" / "allemand")
        if pair.source.lang != pair.target.lang:
            for idx, ents, side, other in ((ua, a, pair.source, pair.target), (ub, b, pair.target, pair.source)):
                for i in list(idx):
                    if _cldr_present(ents[i], side, other):
                        idx.remove(i)
        # 3b. calendar words ("Tuesday", "Dimanche", "mid-September") are not names
        for idx, ents in ((ua, a), (ub, b)):
            for i in list(idx):
                ws = _words(ents[i])
                if any(w in _CALENDAR for w in ws) and all(w in _CALENDAR or w in _CALENDAR_MODIFIERS for w in ws):
                    idx.remove(i)
        # 3c. across languages, a name the embedder finds translated on the other
        # side ("Espagne" / "Spain", "CEDH" / "ECHR") is the same name
        if pair.source.lang != pair.target.lang and (ua or ub):
            self._translated(pair, a, ua, b, ub)
        # 3d. a parenthesis makes an acronym and its expansion one name: when
        # one of them is matched, so is the other ("Telecommunications
        # Commission (CRTC)" / "... (CRTC)", "(MONUSCO)" after a matched name)
        for idx, side in ((ua, pair.source), (ub, pair.target)):
            for alias in _alias_groups(side):
                if any(k not in idx for k in alias):
                    idx[:] = [k for k in idx if k not in alias]
        # 4. replacements, additions, drops.  The speaker's name (when the side
        # knows its speaker) is only ever paired with the other speaker's: an
        # attribution dropped from a requote is not a company "replaced" by a person.
        spk_a, spk_b = _speaker_words(pair.source), _speaker_words(pair.target)
        for want in (True, False):
            ga = [i for i in ua if _is_speaker(a[i], spk_a) == want]
            gb = [j for j in ub if _is_speaker(b[j], spk_b) == want]
            out += self._pair_rest(pair, a, ga, b, gb)
        return out

    def _pair_rest(self, pair: PairContext, a: list[Entity], ua: list[int], b: list[Entity],
                   ub: list[int]) -> list[Drift]:
        out: list[Drift] = []
        sa = [(a[i].start, a[i].end) for i in ua]
        sb = [(b[j].start, b[j].end) for j in ub]
        xa, xb = pair_by_position(sa, len(pair.source.text), sb, len(pair.target.text))
        pa = [ua[k] for k in range(len(ua)) if k not in xa]
        pb = [ub[k] for k in range(len(ub)) if k not in xb]
        for i, j in zip(pa, pb):
            out.append(self.finding("entity", a[i].text, b[j].text, (a[i].start, a[i].end), (b[j].start, b[j].end),
                                    "major"))
        for k in xa:
            e = a[ua[k]]
            out.append(self.finding("entity", e.text, None, (e.start, e.end), None, "major"))
        for k in xb:
            e = b[ub[k]]
            out.append(self.finding("entity", None, e.text, None, (e.start, e.end), "major"))
        return out

    def _said_around(self, pair: PairContext, longer: Entity, shorter: Entity, other: Side) -> bool:
        """The short name with the words around it on its side (up to
        ``_AROUND`` before and after, within its clause) translates the long
        name (cosine at least ``entity_match``): French writes the generic words
        of a name in lower case, around it ("Gaza Strip" / "bande de Gaza",
        "San Francisco Bay Area" / "zone de la baie de San Francisco")."""
        windows = _windows(other, shorter)
        if not windows:
            return False
        query = _plain(longer)
        sims = _cosines(pair, [query], windows)[0]
        best = int(np.argmax(sims))
        lang = pair.target.lang if other is pair.source else pair.source.lang
        return float(sims[best]) >= pair.config.entity_match and not _places_differ(
            query, lang, windows[best], other.lang)

    def _complement_said(self, pair: PairContext, e: Entity, phrase: str) -> bool:
        """The name's complement (:func:`_complement`), if it has one, is in
        the phrase it matched, as written or translated (cosine at least
        ``entity_match`` with the phrase or one of its words: "England" /
        "Angleterre" 0.91, but "England" / "France" 0.56)."""
        comp = _complement(e)
        if not comp:
            return True
        words = re.findall(r"\w+", phrase)
        if _holds(_split(comp), frozenset(fold(w) for w in words)):
            return True
        return bool(_cosines(pair, [comp], [phrase, *words]).max() >= pair.config.entity_match)

    def _said(self, pair: PairContext, words: str, other: Side) -> bool:
        """Every word of ``words`` has a translation among the content words of
        ``other`` (cosine at least ``entity_match``: "Island" / "île" 0.88)."""
        cands = sorted({other.text[t.start : t.end] for t in other.content_words(0, len(other.text))})
        ws = words.split()
        if not cands or not ws:
            return False
        return bool((_cosines(pair, ws, cands).max(axis=1) >= pair.config.entity_match).all())

    def _translated(self, pair: PairContext, a: list[Entity], ua: list[int], b: list[Entity], ub: list[int]) -> None:
        """Across languages, drop from ``ua``/``ub`` the names the embedder
        finds translated on the other side.

        Each unmatched name is compared (cosine at least ``entity_match``) as
        the part the other side lacks (:func:`_missing`) and, when it heads a
        name whose other parts are matched, as the whole name ("House" of
        "House of Commons", :func:`_linked`), with the other side's content words, names and phrases
        (:func:`_phrases`).  A phrase that matches carries the names inside it:
        "Muslim Brotherhood" matching « Frères musulmans » matches "Frères"
        too, a French name whose other words French writes in lower case (only
        when the phrase holds no other name).  A
        match between texts naming different CLDR places ("Bank of England" /
        "Banque de France") does not count."""
        pa, pb = _phrases(pair.source), _phrases(pair.target)
        tau = pair.config.entity_match
        carried: list[tuple[list[int], list[Entity], int, int]] = []
        for idx, ents, side, other, other_side, other_idx, other_ents in (
            (ua, a, pair.source, pb, pair.target, ub, b),
            (ub, b, pair.target, pa, pair.source, ua, a),
        ):
            if not other or not idx:
                continue
            texts = [t for t, _ in other]
            queries: list[tuple[int, str, float]] = []
            for i in idx:
                queries.append((i, _missing(ents[i], other_side), tau))
                linked = _linked(ents, i, side, idx)
                if linked is not None:
                    queries.append((i, linked, tau))
                article = _common_noun(ents[i], side)
                if article is not None:
                    queries.append((i, article, pair.config.entity_match_spelled))
            sims = _cosines(pair, [q for _, q, _ in queries], texts)
            done: set[int] = set()
            for (i, q, least), row in zip(queries, sims):
                if i in done:
                    continue
                best = int(np.argmax(row))
                sim = float(row[best])
                if not (sim >= least or (sim >= pair.config.entity_match_spelled
                                         and _spelled_alike(ents[i], texts[best]))):
                    cognate = _cognate(q, texts, row, pair.config.entity_match_spelled)
                    if cognate is None:
                        continue
                    best = cognate
                if _places_differ(q, side.lang, texts[best], other_side.lang):
                    continue
                if not self._complement_said(pair, ents[i], texts[best]):
                    continue  # "Bank of England" / "Banque de France": one kind of body, another country
                done.add(i)
                carried += [(other_idx, other_ents, s, e) for s, e in other[best][1]
                            if sum(s <= f.start and f.end <= e for f in other_ents) == 1]
            idx[:] = [i for i in idx if i not in done]
        for other_idx, other_ents, s, e in carried:
            other_idx[:] = [j for j in other_idx if not (s <= other_ents[j].start and other_ents[j].end <= e)]

    def explain(self, type: DriftType, source_value: str | None, target_value: str | None) -> str:
        if source_value is None:
            return no_counterpart("name", target_value, "target", " (added)")
        if target_value is None:
            return no_counterpart("name", source_value, "source", " (dropped)")
        ws, wt = fold(source_value).split(), fold(target_value).split()
        if _prefix(wt, ws):
            return (f"The name was generalised: {quote(source_value)} in the source became the broader "
                    f"{quote(target_value)} in the target.")
        if _prefix(ws, wt):
            return (f"The name was specialised: {quote(source_value)} in the source became the narrower "
                    f"{quote(target_value)} in the target.")
        return f"The name was replaced: {quote(source_value)} in the source became {quote(target_value)} in the target."
