"""Spelling tolerance: a name no exact look-up finds, matched with a confidence floor.

Translated and machine-rewritten news misspells front-line names ("Lysekhansk",
"Bakhtmut", "Chassiv Yar") and writes villages in their Russian form ("Rabotino",
"Kreminnaya").  :func:`tolerant_matches` compares the name's *sound key*
(:func:`sound_key`: romanisation systems and the Russian and Ukrainian vowels folded
together) with the sound keys of every name of the war region's places (Ukraine and the
Russian oblasts on its border) by edit distance (``rapidfuzz``), and with the places the
loose romanisation key (:func:`~geonews.places.names.skeleton`) finds anywhere in the
context.  It answers only

* when the best match is at least :data:`FLOOR` similar (0-100), and
* when no other *name* comes within :data:`AMBIGUITY_GAP` of it (namesakes of the best
  name are fine: the resolver ranks them as it ranks exact namesakes);

otherwise the name stays unresolved, and :class:`Tolerance` says why.  A wrong place on the
map is worse than none.

Examples
--------
>>> from geonews.places.gazetteer import default_gazetteer
>>> found = tolerant_matches(default_gazetteer(), "bakhtmut", None)
>>> sorted({default_gazetteer().by_rowid(r).name for r in found.rowids})
['Bakhmut']
>>> tolerant_matches(default_gazetteer(), "volfino", {"UA": 3.0}).reason
'no name of the war region is spelt like it'
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import os
import re
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple
from zlib import crc32

from rapidfuzz import fuzz, process

from geonews.places import gazetteer as _gz
from geonews.places.gazetteer import Gazetteer
from geonews.places.names import SKELETON_MIN_KEY, key, skeleton

__all__ = [
    "AMBIGUITY_GAP",
    "COUNTRY_FLOOR",
    "FLOOR",
    "FOLD_FLOOR",
    "WAR_OBLASTS_RU",
    "Tolerance",
    "sound_key",
    "tolerant_matches",
]

#: Least similarity (rapidfuzz ``ratio`` of the sound keys, 0-100) of an answer found by
#: edit distance alone: a letter too many in seven ("Bakhtmut") passes, one wrong letter
#: in eight ("Rabotino" for Rogatin) or ten ("Lukashenko", Lukashivka) does not.
FLOOR = 91.0
#: Least similarity of an answer whose romanisation key agrees too ("Kreminnaya" and
#: Kreminna: the consonants are the same, only the ending differs).
FOLD_FLOOR = 86.0
#: The same for a country, whose names are few and well known ("Росія" and Russia).
COUNTRY_FLOOR = 80.0
#: Least similarity of a GeoNames alternate name to its place's own name for matching
#: through it: a spelling of the name ("Rogatin"), not another name (a village's old
#: name, which a loose match would make a second guess on top of the first).
SPELLING_OF_NAME = 75.0
#: A second, different name this close to the best one makes the match ambiguous.
AMBIGUITY_GAP = 4.0
#: Shortest sound key matched by edit distance, or loosely to a place smaller than a
#: well-known city (short names are too close to each other: "Reply" and Raypole).
MIN_SOUND = 6
#: Shortest name key (letters and spaces) looked up one letter away.
MIN_EDITED = 6
#: Head start of a match whose romanisation key agrees over one found by edit distance
#: alone, when the two are weighed against each other.
FOLD_BONUS = 5.0
#: With a context, a loose match outside the war region must be a city at least this big
#: (a village of central Russia is no plausible reading of a misspelt front-line name).
FAR_POPULATION = 50_000
#: Most names of the war region looked at per query (best first).
_LIMIT = 40
#: The Russian oblasts on Ukraine's border, where the war's Russian places lie.
WAR_OBLASTS_RU = frozenset({"Belgorod", "Bryansk", "Kursk", "Rostov", "Voronezh"})
#: The Ukrainian regions the fighting and the strikes reported by name are in: a village
#: elsewhere is matched by its exact name only (a misspelt name is a front-line name far
#: more often than a namesake in the west).
THEATRE_UA = frozenset(
    {
        "Chernihiv", "Crimea", "Dnipropetrovsk", "Donetsk", "Kharkiv", "Kherson", "Kyiv",
        "Kyiv Oblast", "Luhansk", "Mykolaiv", "Odesa", "Poltava", "Sevastopol", "Sumy",
        "Zaporizhzhia", "Zhytomyr",
    }
)  # fmt: skip

_RULES = (
    # German and French romanisations first: "Tschassiw Jar", "Tchassiv Iar" (ch),
    # "Dschankoj" (dzh), "Saporischschja" (German sch is both sh and zh)
    (re.compile(r"schtsch"), "shch"),
    (re.compile(r"tsch|tch"), "ch"),
    (re.compile(r"dsch|dj"), "dzh"),  # German "Dschankoj"; French "Djankoy", "Sudja"
    (re.compile(r"ou"), "u"),  # French "Marioupol", "Koupiansk"
    (re.compile(r"shch|sch|szcz"), "sh"),
    (re.compile(r"sz"), "sh"),
    # zh and sh, z and s sound alike across systems: German writes both hushing sounds
    # "sch" and a voiced s as "s" ("Saporischschja", Zaporizhzhia)
    (re.compile(r"zh"), "sh"),
    (re.compile(r"z"), "s"),
    (re.compile(r"kh|ch"), "h"),
    (re.compile(r"g"), "h"),
    (re.compile(r"tz|ts|c"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
    # Russian o and a sound alike unstressed; Russian e, i, y and Ukrainian i, y, e too
    (re.compile(r"[ao]"), "a"),
    (re.compile(r"[eiyj]"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)
#: Version of the kept name list's layout and sound keys (a new one makes old files
#: unread): 7 was used by two layouts at once (the romanisation rules, the near-name
#: filter), so their union is 8; 9 has two bits per entry and the well-known places; 10
#: keeps the row ids of those places by loose key (and no loose keys in the filter).
_VERSION = 10
#: Bits of the kept filter of near names (a power of two; 4 MB).  Each entry sets two
#: bits: about 935,000 entries fill 5.4% of it, so a probe with nothing near passes in
#: about 3 of 1,000 (with one bit of 2 MB it was 6 in 100, and every pass spells out 26
#: edits).
_FILTER_BITS = 1 << 25
_FILTER_MASK = _FILTER_BITS - 1
#: The second bit of an entry: the top bits of its CRC-32 times this odd constant (a
#: multiplicative hash, so that it does not follow the first bit, the CRC's low bits).
_FILTER_MIX = 0x9E3779B1
_FILTER_SHIFT = 32 - _FILTER_BITS.bit_length() + 1

log = logging.getLogger("geonews")


def _steps(rules) -> tuple:
    """:data:`_RULES` as cheaper steps with the same result, rule by rule.

    A rule of one literal string is ``str.replace`` (which scans and replaces as
    ``re.sub`` does); a rule of literal alternatives is tried only when one of them other
    than its replacement is in the text (no match, no change: ``c`` for ``c`` changes
    nothing); a class of letters replaced by one of them is a ``str.replace`` per other
    letter; any other rule is its regular expression.
    """
    steps: list[tuple[re.Pattern | None, str | tuple[str, ...] | None, str]] = []
    for rule, repl in rules:
        pattern = rule.pattern
        alternatives = tuple(a for a in pattern.split("|") if a != repl)
        if all(a.isalpha() for a in alternatives):
            if len(alternatives) == 1:
                steps.append((None, alternatives[0], repl))
            else:
                steps.append((rule, alternatives, repl))
        elif re.fullmatch(r"\[[a-z]+\]", pattern) and len(repl) == 1 and repl in pattern:
            steps += [(None, letter, repl) for letter in pattern[1:-1] if letter != repl]
        else:
            steps.append((rule, None, repl))
    return tuple(steps)


_STEPS = _steps(_RULES)


@functools.lru_cache(maxsize=65_536)
def sound_key(name: str) -> str:
    """A name as it sounds: romanisations folded, vowels in three classes, no doubles.

    Examples
    --------
    >>> sound_key("Robotyne"), sound_key("Rabotino")
    ('rabatini', 'rabatina')
    >>> sound_key("Lysychansk"), sound_key("Lysekhansk")
    ('lisihansk', 'lisihansk')
    """
    text = key(name)
    for rule, literal, repl in _STEPS:
        if rule is None:
            if literal in text:
                text = text.replace(literal, repl)
        elif literal is None:
            text = rule.sub(repl, text)
        else:
            for alternative in literal:
                if alternative in text:
                    text = rule.sub(repl, text)
                    break
    return "".join(text.split())


def _sound_key_by_rules(name: str) -> str:
    """:func:`sound_key` by the rules' regular expressions one after another (for tests)."""
    text = key(name)
    for rule, repl in _RULES:
        text = rule.sub(repl, text)
    return re.sub(r"\s+", "", text)


class Tolerance(NamedTuple):
    """What :func:`tolerant_matches` found: row ids with their similarity, or why none."""

    rowids: dict[int, float]  # the best name's places -> similarity (0-100)
    label: str  # "fold" (the romanisation key found it) or "fuzzy" (edit distance did)
    reason: str | None  # why nothing was answered (None when something was)
    variant: str | None = None  # the name key one letter away, when that found the places


def tolerant_matches(gz: Gazetteer, k: str, context: Mapping[str, float] | None) -> Tolerance:
    """The places the name key ``k`` is a misspelling or another romanisation of.

    Parameters
    ----------
    gz : Gazetteer
        Where the names come from.
    k : str
        The name's key (:func:`~geonews.places.names.key`); an exact look-up found nothing.
    context : mapping of country code to weight, or None
        The resolver's context: loose romanisation matches outside its countries are no
        answer (an empty mapping or None: anywhere).
    """
    edited = _one_letter_away(gz, k, context)
    if edited is not None:
        return edited
    sound = sound_key(k)
    names = _war_names(gz)
    scores: dict[int, tuple[float, str]] = {}  # rowid -> (similarity, the matched sound key)
    fold = set()
    if len(k) >= SKELETON_MIN_KEY:
        # with a context only a war-region or well-known place can be kept (the loop
        # below drops the others): the name list has those by loose key, no seek
        if context:
            rowids = [int(r) for r in names.skeleton_rows.get(skeleton(k), "").split()]
        else:
            rowids = gz.skeleton_matches(skeleton(k))
        for row in gz.records(rowids):
            rowid, kind = row[_gz.ROWID], row[_gz.KIND]
            known = kind in ("country", "region") or row[_gz.POPULATION] >= FAR_POPULATION
            if context and context.get(row[_gz.COUNTRY] or "", 0.0) <= 0:
                continue
            if not known and (len(sound) < MIN_SOUND or (context and rowid not in names.own)):
                continue
            own = names.own.get(rowid) or sound_key(row[_gz.NAME])
            strict = kind != "country"
            if not _ends_agree(sound, own, strict=strict):
                continue  # matched through another name, but unlike the place's own
            for other in names.by_row.get(rowid, (own,)):
                agree = _ends_agree(sound, other, strict=strict)
                sim = fuzz.ratio(sound, other) if agree else 0.0
                if sim > scores.get(rowid, (-1.0, ""))[0]:
                    scores[rowid] = (sim, other)
            fold.add(rowid)
    if len(sound) >= MIN_SOUND and _near_same_start(sound, names):
        names = _war_names(gz)
        for other, sim, _ in process.extract(
            sound,
            _letters_in_reach(sound, names),
            scorer=fuzz.ratio,
            score_cutoff=FOLD_FLOOR - AMBIGUITY_GAP,
            limit=_LIMIT,
        ):
            if not _ends_agree(sound, other):
                continue
            for rowid in names.rows[other]:
                if not _ends_agree(sound, names.own.get(rowid, other)):
                    continue
                if sim > scores.get(rowid, (-1.0, ""))[0]:
                    scores[rowid] = (sim, other)
    if not scores:
        return Tolerance({}, "fuzzy", "no name of the war region is spelt like it")
    by_sound: dict[str, float] = {}
    for rowid, (sim, other) in scores.items():
        lead = sim + (FOLD_BONUS if rowid in fold else 0.0)
        by_sound[other] = max(lead, by_sound.get(other, 0.0))
    ranked = sorted(by_sound.items(), key=lambda t: -t[1])
    best_sound, lead = ranked[0]
    chosen = {r: sim for r, (sim, other) in scores.items() if other == best_sound}
    best = max(chosen.values())
    if not chosen.keys() & fold:
        floor = FLOOR
    elif all(gz.record(r)[_gz.KIND] == "country" for r in chosen):
        floor = COUNTRY_FLOOR
    else:
        floor = FOLD_FLOOR
    if best < floor:
        return Tolerance(
            {}, "fuzzy", f"the nearest spelling {best_sound!r} is only {best:.0f}% alike"
        )
    best_rows = set(chosen)
    rival = next(
        (
            (other, sim)
            for other, sim in ranked[1:]
            if best_rows.isdisjoint(names.rows.get(other, ()))
        ),
        None,
    )  # another spelling of the same places is no rival
    if rival is not None and rival[1] > lead - AMBIGUITY_GAP:
        return Tolerance(
            {},
            "fuzzy",
            f"ambiguous spelling: {best_sound!r} ({best:.0f}%) and {rival[0]!r} "
            f"({rival[1]:.0f}%) are as alike",
        )
    return Tolerance(chosen, "fold" if chosen.keys() & fold else "fuzzy", None)


def _one_letter_away(gz: Gazetteer, k: str, context) -> Tolerance | None:
    """The places of the one name key a letter away from ``k``, or None.

    One letter swapped with its neighbour ("Pokrovks"), left out ("Kurakove"), doubled
    or added ("Butcha") or wrong ("Kakhovca"), in a key of at least :data:`MIN_EDITED`
    letters; never a letter added to or taken off the end ("Berdychi" is not Berdychiv).
    Only places of the war region or well-known ones count.  None when no such key is
    found, or several that name different places: the sound comparison is tried next.
    """
    if len(k) < MIN_EDITED:
        return None
    names = _war_names(gz)
    found: dict[str, list[int]] = {}
    for variant in _known_edits(k, names):  # then the index
        hits = gz.hits_text(variant)
        if hits is None:
            continue
        rows = []
        sound = sound_key(variant)
        for item in hits.split():  # "rowid:n", "rowid:a", "rowid:@kind"
            rowid_text, code = item.split(":", 1)
            rowid = int(rowid_text)
            row = gz.record(rowid)
            if context and context.get(row[_gz.COUNTRY] or "", 0.0) <= 0:
                continue
            if code == "a" and sound not in names.by_row.get(rowid, ()):
                continue  # one of a big city's hundred names in other languages: no anchor
            kind = row[_gz.KIND]
            known = row[_gz.POPULATION] >= FAR_POPULATION or kind in ("country", "region")
            if (rowid in names.own or known) and rowid not in rows:
                rows.append(rowid)
        if rows:
            found[variant] = rows
    if not found:
        return None
    if len(found) > 1:
        # two names a letter away, unless they are spellings of the same places: the
        # sound comparison decides then
        places = [frozenset(r) for r in found.values()]
        if any(p.isdisjoint(places[0]) for p in places[1:]):
            return None
    variant = min(found, key=lambda v: (-len(found[v]), v))
    return Tolerance(dict.fromkeys(found[variant], 100.0), "edit", None, variant)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = "aeiouy"
_CONSONANTS = "bcdfghjklmnpqrstvwxz"


def _edits(k: str) -> set[str]:
    """Keys one letter from ``k``, never at its end (see :func:`_one_letter_away`)."""
    out = set()
    n = len(k)
    for i in range(1, n - 1):  # never the first letter: misspellings keep a name's start
        out.add(k[:i] + k[i + 1] + k[i] + k[i + 2 :])  # neighbours swapped
        out.add(k[:i] + k[i + 1 :])  # a letter left out (not the last)
        for c in _LETTERS:
            out.add(k[:i] + c + k[i + 1 :])  # a letter wrong (not the last)
    for i in range(1, n - 1):
        for c in _LETTERS:
            out.add(k[:i] + c + k[i:])  # a letter added (not at the end)
    if k[-1] not in _VOWELS:
        for c in _VOWELS:
            out.add(k[:-1] + c + k[-1])  # a vowel left out before the last consonant
    if k[-1] not in _VOWELS:
        for c in _CONSONANTS:
            out.add(k[:-1] + c)  # a wrong last consonant ("Taganrok")
    out.add(k[:-1] + k[-1] + k[-1])  # the last letter doubled ("Khersonn" undone below)
    if n > 1 and k[-1] == k[-2]:
        out.add(k[:-1])
    out.discard(k)
    return {v for v in out if v.strip() == v and "  " not in v}


def _known_edits(k: str, names: _Names) -> set[str]:
    """``_edits(k) & names.edit_keys``, without spelling out most of the edits.

    A letter wrong at ``i`` can give a known key only if ``k`` without its letter ``i`` is
    some known key without one letter, and a letter added only if ``k`` itself is: the
    26 letters are tried only where :meth:`_Names.may_hold` says so (it never says no
    wrongly).  The same holds for neighbours swapped at ``i`` (the swapped key less its
    letter ``i + 1`` is ``k`` less its letter ``i``) and the last letter doubled (less
    that letter it is ``k``), for keys of :data:`MIN_EDITED` letters or more (the
    filter's).  Letters left out and the end undoubled are few and looked up directly.
    """
    n, last = len(k), k[-1]
    left_out = [k[:i] + k[i + 1 :] for i in range(1, n - 1)]
    # one pass over the filter: every key less a letter, then k less its last letter, k
    held = set(names.holding([*left_out, k[:-1], k]))
    gated = n >= MIN_EDITED
    out = list(left_out)
    if not gated or n - 1 in held:
        out.append(k + last)  # the last letter doubled
    if k[-2] == last:
        out.append(k[:-1])
    for i in range(1, n - 1) if held or not gated else ():
        if i - 1 in held:
            head, tail = k[:i], k[i + 1 :]
            out += [head + c + tail for c in _LETTERS]  # a letter wrong
        if not gated or i - 1 in held:
            out.append(k[:i] + k[i + 1] + k[i] + k[i + 2 :])  # neighbours swapped
    if last not in _VOWELS and n - 2 in held:
        out += [k[:-1] + c for c in _CONSONANTS]  # a wrong last consonant
    if n - 1 in held:
        for i in range(1, n - 1):
            head, tail = k[:i], k[i:]
            out += [head + c + tail for c in _LETTERS]  # a letter added
        if last not in _VOWELS:
            out += [k[:-1] + c + last for c in _VOWELS]  # a vowel before the last consonant
    found = names.edit_keys.intersection(out)
    return {v for v in found if v != k and v.strip() == v and "  " not in v}


def _near_same_start(sound: str, names: _Names) -> bool:
    """Whether some war-region sound key starting like ``sound`` is near enough to it.

    :func:`tolerant_matches` keeps an edit-distance match only when both keys start and
    end alike (:func:`_ends_agree`): when none of those reaches the cut-off, the whole
    list need not be compared.
    """
    ends = _ends_of(sound)
    if ends is None:
        return False
    start, last, vowel_end = ends
    # the keys _ends_agree with sound: the same start and last consonant, and a vowel
    # ending only when sound has one
    groups = [names.by_ends.get((start, last, False), ())]
    if vowel_end:
        groups.append(names.by_ends.get((start, last, True), ()))
    cutoff = FOLD_FLOOR - AMBIGUITY_GAP
    return any(
        process.extractOne(sound, group, scorer=fuzz.ratio, score_cutoff=cutoff) is not None
        for group in groups
        if group
    )


def _ends_of(sound: str) -> tuple[str, str, bool] | None:
    """What :func:`_ends_agree` (strict) compares, or None for a key of vowels only.

    The first two letters, the last one before the final vowels, whether there are final
    vowels.  Two keys whose ends are ``(s, c, a)`` and ``(s, c, b)`` agree unless ``a`` is
    false and ``b`` true (a name does not lose its vowel ending).
    """
    core = sound.rstrip("aiu")
    if not core:
        return None
    return sound[:2], core[-1], len(core) < len(sound)


def _near_filter(edit_keys) -> bytes:
    """The filter of near names: a Bloom filter, two bits per entry (CRC-32, same everywhere).

    It holds every known key of :data:`MIN_EDITED` letters or more without one of its
    letters but the first.
    """
    bits = bytearray(_FILTER_BITS // 8)
    texts = (
        e[:j] + e[j + 1 :] for e in edit_keys if len(e) >= MIN_EDITED for j in range(1, len(e))
    )
    for text in texts:
        h = crc32(text.encode())
        for bit in (h & _FILTER_MASK, (h * _FILTER_MIX & 0xFFFFFFFF) >> _FILTER_SHIFT):
            bits[bit >> 3] |= 1 << (bit & 7)
    return bytes(bits)


def _within_reach(length: int, names: _Names) -> list[str]:
    """The sound keys that can reach the edit-distance scan's cut-off against ``length``.

    The cut-off is :data:`FOLD_FLOOR` - :data:`AMBIGUITY_GAP`; the keys keep the order of
    ``names.keys``.  ``fuzz.ratio`` is 100 (1 - d / (a + b)) for keys of lengths a and b,
    where the edit distance d is at least their difference: the other keys score below
    the cut-off, and the scan's answer (best first, ties in list order) is the same
    without them.
    """
    keys = names.windows.get(length)
    if keys is None:
        reach = (100 - (FOLD_FLOOR - AMBIGUITY_GAP)) / 100 + 0.01  # a margin for rounding
        keys = [k for k in names.keys if abs(len(k) - length) <= reach * (len(k) + length)]
        names.windows[length] = keys
    return keys


def _letters_in_reach(sound: str, names: _Names) -> list[str]:
    """The keys :func:`_within_reach` of ``sound`` whose letters can reach the cut-off too.

    ``fuzz.ratio`` is 100 (1 - d / (a + b)), where d counts the letters inserted and
    deleted to turn one key into the other: every letter of one key that the other lacks
    costs at least one, so d is at least the number of letters (bits of
    :func:`_letter_mask`) in just one of the two keys.  A key whose bound already puts it
    below the cut-off scores below it, so the scan's answer (best first, ties in list
    order) is the same without it; the bound is one vector operation over the window
    (a scan of every key cost about 240 us, a quarter of that after this cut).
    """
    import numpy as np

    length = len(sound)
    window = names.letters.get(length)
    if window is None:
        keys = _within_reach(length, names)
        reach = (100 - (FOLD_FLOOR - AMBIGUITY_GAP)) / 100 + 0.01  # as _within_reach
        window = (
            np.array(keys, dtype=object),
            np.array([_letter_mask(k) for k in keys], dtype=np.uint32),
            reach * (np.array([len(k) for k in keys], dtype=np.float64) + length),
        )
        names.letters[length] = window
    keys, masks, most = window
    apart = masks ^ np.uint32(_letter_mask(sound))
    if hasattr(np, "bitwise_count"):  # numpy 2
        differing = np.bitwise_count(apart)
    else:  # pragma: no cover - numpy 1
        differing = np.unpackbits(apart.view(np.uint8).reshape(-1, 4), axis=1).sum(axis=1)
    return keys[differing <= most].tolist()


def _letter_mask(text: str) -> int:
    """The letters of ``text`` as bits (a-z, and one bit for every other character)."""
    mask = 0
    for ch in set(text):
        mask |= _LETTER_BITS.get(ch, _OTHER_BIT)
    return mask


_LETTER_BITS = {ch: 1 << i for i, ch in enumerate(_LETTERS)}
_OTHER_BIT = 1 << len(_LETTERS)


def _ends_agree(a: str, b: str, *, strict: bool = True) -> bool:
    """Whether two sound keys start and end alike (final vowels aside).

    Misspellings and other romanisations change the middle of a name or its vowel ending
    ("Kreminnaya", Kreminna); a different start or last consonant is another name or
    another word ("Berdychi" and Berdychiv, "Zakharova" and Zakharivka), and a name does
    not lose its vowel ending ("Medvedev" and Medvedevo).  Not ``strict`` (a country,
    whose names are few and well known: "Росія", "Ukrain..."), the first letter and the
    last consonant are enough.
    """
    if strict and a[-1:] not in "aiu" and b[-1:] in "aiu":
        return False
    if a[: 2 if strict else 1] != b[: 2 if strict else 1]:
        return False
    a, b = a.rstrip("aiu"), b.rstrip("aiu")
    return bool(a) and bool(b) and (a[-1] == b[-1] or not strict)


class _Names(NamedTuple):
    keys: list[str]  # distinct sound keys of the war region's names
    rows: dict[str, list[int]]  # sound key -> row ids
    by_row: dict[int, tuple[str, ...]]  # row id -> its names' sound keys
    own: dict[int, str]  # row id of every war-region settlement -> its own name's sound key
    edit_keys: frozenset[str]  # name keys of those settlements and of well-known places
    by_start: dict[str, list[str]]  # first two letters -> the sound keys (in keys' order)
    near: bytes  # the filter of near names (see _near_filter)
    known: frozenset[int]  # row ids of countries, regions and cities of FAR_POPULATION
    by_ends: dict[tuple[str, str, bool], list[str]]  # _ends_of -> the sound keys
    windows: dict[int, list[str]]  # a length -> the keys _within_reach of it (filled on use)
    letters: dict[int, tuple]  # a length -> those keys, their letter masks and most apart
    # loose key -> "rowid rowid ..." of the war-region settlements and well-known places
    # with it (as the index stores them: read as one string, parsed when looked up)
    skeleton_rows: dict[str, str]

    def may_hold(self, text: str) -> bool:
        """False when ``text`` is surely not in the filter of near names."""
        return bool(self.holding([text]))

    def holding(self, texts: list[str]) -> list[int]:
        """The positions in ``texts`` of those the filter of near names may hold.

        One call for many probes (a method call each cost more than the probe).
        """
        near, mask, mix, shift = self.near, _FILTER_MASK, _FILTER_MIX, _FILTER_SHIFT
        found = []
        for i, text in enumerate(texts):
            h = crc32(text.encode())
            low = h & mask
            if near[low >> 3] >> (low & 7) & 1:
                high = (h * mix & 0xFFFFFFFF) >> shift
                if near[high >> 3] >> (high & 7) & 1:
                    found.append(i)
        return found


#: Name lists read, by index file (a new ``Gazetteer`` on the same file shares its list).
_READ: dict[Path, _Names] = {}
#: Index files whose name lists are kept in memory at once.
_READ_MAX = 4
#: The gazetteer of the last call (weakly) and its name list.
_LAST: list = [lambda: None, None]


def _war_names(gz: Gazetteer) -> _Names:
    """Every name of the war region's settlements, by sound key.

    Built once per gazetteer index (about three seconds: every name of the index is read)
    and kept beside it, as the index file's name with ``.fuzzy-N.json``; the index's name
    changes with its sources, and so the kept file with it.  Read once per process.
    """
    last_gz, last_names = _LAST
    if last_gz() is gz:  # the gazetteer of the previous call: no path hashed and compared
        return last_names
    names = _READ.get(gz.path)
    if names is None:
        path = Path(gz.path)
        names = _read_or_build(gz, path)
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[path] = names
    _LAST[:] = [weakref.ref(gz), names]
    return names


def _read_or_build(gz: Gazetteer, path: Path) -> _Names:
    kept = path.with_suffix(f".fuzzy-{_VERSION}.json")
    try:
        kept_names = json.loads(kept.read_text(encoding="utf-8"))
        near = base64.b64decode(kept_names["near"], validate=True)
        if len(near) != _FILTER_BITS // 8:
            raise ValueError(f"the filter of near names has {len(near)} bytes")
        return _names(
            kept_names["rows"],
            kept_names["own"],
            kept_names["edit_keys"],
            near,
            kept_names["known"],
            kept_names["skeletons"],
        )
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        pass  # not built yet, or not readable: build it
    names = _build(gz)
    try:
        tmp = kept.with_suffix(f".{os.getpid()}.tmp")
        kept_names = {
            "rows": names.rows,
            "own": names.own,
            "edit_keys": sorted(names.edit_keys),
            "known": sorted(names.known),
            "near": base64.b64encode(names.near).decode("ascii"),
            "skeletons": names.skeleton_rows,
        }
        tmp.write_text(json.dumps(kept_names), encoding="utf-8")
        os.replace(tmp, kept)
    except OSError as err:  # a read-only cache folder: build it again next time
        log.debug("could not keep the fuzzy name list at %s: %s", kept, err)
    return names


def _build(gz: Gazetteer) -> _Names:
    db = gz._db
    own = {
        rowid: sound_key(name)
        for rowid, name, country, admin1, population in db.execute(
            "SELECT rowid, name, country, admin1, population FROM places WHERE kind='settlement' "
            "AND country IN ('UA', 'RU')"
        )
        if (country == "UA" and (admin1 in THEATRE_UA or population >= FAR_POPULATION))
        or admin1 in WAR_OBLASTS_RU
    }
    known = {
        rowid
        for (rowid,) in db.execute(
            "SELECT rowid FROM places WHERE population >= ? OR kind IN ('country', 'region')",
            (FAR_POPULATION,),
        )
    }
    by_sound: dict[str, list[int]] = {}
    edit_keys = set()
    for name_key, hits in db.execute("SELECT key, hits FROM names"):
        found = []
        for item in hits.split():  # "rowid:n" (own name), "rowid:a" (alternate), "rowid:@kind"
            rowid_text, how = item.split(":", 1)
            rowid = int(rowid_text)
            if rowid in own:
                found.append((rowid, how))
            elif rowid in known:
                edit_keys.add(name_key)
        if not found:
            continue
        edit_keys.add(name_key)
        sound = sound_key(name_key)
        if len(sound) < MIN_SOUND:
            continue
        for rowid, how in found:
            if how == "a" and fuzz.ratio(sound, own[rowid]) < SPELLING_OF_NAME:
                continue
            by_sound.setdefault(sound, []).append(rowid)
    useful = own.keys() | known
    skeleton_rows = {}
    for skel, places in db.execute("SELECT skel, places FROM skeletons"):
        kept = [r for r in places.split() if int(r) in useful]  # most populous first
        if kept:
            skeleton_rows[skel] = " ".join(kept)
    rows = {s: list(dict.fromkeys(r)) for s, r in by_sound.items()}
    return _names(rows, own, edit_keys, _near_filter(edit_keys), known, skeleton_rows)


def _names(
    rows: dict[str, list[int]], own: dict, edit_keys, near: bytes, known=(), skeleton_rows=None
) -> _Names:
    """The name list from its rows (sound key -> row ids) and own names (row id -> sound)."""
    by_row: dict[int, list[str]] = {}
    for sound, ids in rows.items():
        if not isinstance(sound, str):
            raise TypeError(f"a sound key must be a str: {sound!r}")
        for rowid in ids:
            by_row.setdefault(int(rowid), []).append(sound)
    own_names = {int(r): str(v) for r, v in own.items()}
    by_rows = {r: tuple(s) for r, s in by_row.items()}
    by_start: dict[str, list[str]] = {}
    by_ends: dict[tuple[str, str, bool], list[str]] = {}
    for sound in rows:
        by_start.setdefault(sound[:2], []).append(sound)
        ends = _ends_of(sound)
        if ends is not None:
            by_ends.setdefault(ends, []).append(sound)
    keys = frozenset(map(str, edit_keys))
    known_rows = frozenset(map(int, known))
    by_skeleton = dict(skeleton_rows or {})
    if not set(map(type, by_skeleton.values())) <= {str}:  # a kept file of another layout
        raise TypeError("the loose keys' row ids must be strings")
    return _Names(
        list(rows),
        rows,
        by_rows,
        own_names,
        keys,
        by_start,
        near,
        known_rows,
        by_ends,
        {},
        {},
        by_skeleton,
    )
