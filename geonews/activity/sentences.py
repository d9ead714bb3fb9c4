"""Sentence splitting for wire-style English that survives abbreviations.

A rule-based splitter (no model): a sentence ends at ``.``, ``!`` or ``?`` (with
any closing quotes or brackets) followed by white space and an upper-case letter,
a digit or an opening quote — except after titles and abbreviations such as
``Gen.``, ``Lt.``, ``Col.``, ``Mr.``, ``St.``, month abbreviations, single initials
(``J. Smith``) and dotted acronyms (``U.S.``, ``U.N.``).  A dotted acronym does end
the sentence when the next word is a typical sentence opener ("talks with the
U.S. The envoys ...").  Blank lines always end a sentence (headlines, datelines), and
so does a line that opens with a bullet, unless the bullets list what a sentence ending
with a colon introduces.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]

#: Words that take a full stop without ending the sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "brig",
        "cdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "st",
        "mt",
        "ft",
        "rev",
        "hon",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "corp",
        "ltd",
        "co",
        "jr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "al",
        "op",
    ]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "there",
        "but",
        "and",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "however",
        "meanwhile",
        "officials",
        "russia",
        "ukraine",
        "russian",
        "ukrainian",
        "president",
        "moscow",
        "kyiv",
    ]
)
#: Characters that open an item of a list: each item is a sentence of its own, unless the
#: list goes on a sentence that ends with a colon ("in four regions: • Odesa, • Sumy.").
_BULLETS = "•◽◾▪▫‣●○■□◦"
# A sentence end starts only at the first mark of a run ("?!", "..."): a match may
# not start inside a run, so a run of n marks is tried once, not n times (linear).
_END = re.compile(
    r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9А-ЯІЇЄҐ])|\n\s*\n"
    rf"|\n(?=[ \t]*[{_BULLETS}])"
)
#: How far back from a full stop the word before it is read.
_TOKEN_REACH = 40
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?(\w+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the sentences of ``text``.

    Offsets index the original string; leading and trailing white space is not
    part of a sentence.

    Parameters
    ----------
    text : str
        Plain text.

    Returns
    -------
    list of tuple of int

    Examples
    --------
    >>> t = "Lt. Gen. Ivan Petrov met U.S. officials. The talks ended. Gen. Smith left."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Lt. Gen. Ivan Petrov met U.S. officials.', 'The talks ended.', 'Gen. Smith left.']
    >>> t = "Envoys flew to the U.S. The talks resume on Monday."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Envoys flew to the U.S.', 'The talks resume on Monday.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        cut = match.end()
        if match.group().startswith(".") and not _ends_sentence(text, match.start(), cut):
            continue
        _add(spans, text, start, cut)
        start = cut
    _add(spans, text, start, len(text))
    return _join_lists(spans, text)


#: A list item longer than this that ends with a full stop is a sentence of its own.
_ITEM = 40


def _join_lists(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join the items of a list to the sentence that introduces it with a colon.

    Items that are names or phrases ("• Odesa region,") join; an item that is a sentence
    of its own (a longer one ending with a full stop) does not.
    """
    out: list[tuple[int, int]] = []
    open_list = False
    for start, end in spans:
        item = text[start] in _BULLETS
        closed = text[end - 1] in ".!?"
        if out and open_list and item and not (closed and end - start > _ITEM):
            out[-1] = (out[-1][0], end)
            open_list = not closed
            continue
        out.append((start, end))
        open_list = text[end - 1] == ":"
    return out


def _ends_sentence(text: str, dot: int, cut: int) -> bool:
    """Whether the full stop at ``dot`` ends a sentence (abbreviation checks)."""
    word = _token_before(text, dot)
    if not word:
        return True
    if _ACRONYM.match(word):  # U.S, U.N, a.m
        following = _NEXT_WORD.match(text, cut)
        return following is not None and following.group(1).lower() in _OPENERS
    if word.lower() in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: "J. Smith"


def _token_before(text: str, dot: int) -> str:
    """The run of word characters and full stops that ends right before ``dot``.

    Read backwards by hand: a regular expression searched over the window tries every
    start in it, which costs the square of the window at each of a wall of initials.
    """
    start, floor = dot, max(0, dot - _TOKEN_REACH)
    while start > floor and ((c := text[start - 1]).isalnum() or c in "._"):
        start -= 1
    return text[start:dot]


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
