"""Normalisation of place names, so that unseen spellings still meet their place.

Two keys are used:

* :func:`key` — the exact key: case, diacritics, apostrophes, hyphens and spacing
  folded away, Cyrillic transliterated (Ukrainian or Russian, told apart by the
  letters used).  ``"Kostiantynivka"``, ``"KOSTIANTYNIVKA"`` and ``"Костянтинівка"``
  share it.
* :func:`skeleton` — a looser key that also folds the romanisation systems into
  each other (Kharkiv / Kharkov, Horlivka / Gorlovka, Vuhledar / Ugledar,
  Zaporizhzhia / Zaporozhye, Avdiivka / Avdeyevka).  It collides more often and
  is used only when the exact key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from geonews.errors import InvalidInput

__all__ = ["MAX_NAME_LENGTH", "SKELETON_MIN_KEY", "check_name", "key", "skeleton", "transliterate"]

#: Longest name accepted by the resolver (longer input is not a place name).
MAX_NAME_LENGTH = 200
#: Shortest name key the loose :func:`skeleton` key is used for: shorter names, stripped
#: of their vowels, fold into far too many others.
SKELETON_MIN_KEY = 4

_UK_ONLY = set("іїєґІЇЄҐ")
_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ъ": "",
    "ю": "iu",
    "я": "ia",
    "ё": "e",
    "э": "e",
    "ы": "y",
    "й": "i",
    "ў": "u",
}
#: Ukrainian national romanisation (2010), without the word-initial special cases.
_UKRAINIAN = {**_COMMON, "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "є": "ie"}
#: Russian, in the simple form English-language reporting uses.
_RUSSIAN = {**_COMMON, "г": "g", "и": "i", "і": "i", "ї": "i", "є": "e", "ґ": "g"}

_APOSTROPHES = re.compile(r"[\'\u2019\u02bc\u2018\u0060\u00b4\u02b9\u02bb\u2032]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./,]+")
_NON_ALNUM = re.compile(r"[^0-9a-z ]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: :func:`key` for ASCII text: apostrophes go, separators become spaces, other symbols go.
_ASCII_KEY = {
    i: (
        None
        if chr(i) in "'`"
        else " "
        if _SEPARATORS.fullmatch(chr(i))
        else chr(i)
        if chr(i) in "0123456789abcdefghijklmnopqrstuvwxyz"
        else None
    )
    for i in range(128)
}


def check_name(name: object) -> str:
    """Return ``name`` stripped, or raise :class:`~geonews.errors.InvalidInput`.

    Examples
    --------
    >>> check_name("  Pokrovsk ")
    'Pokrovsk'
    >>> check_name("")
    Traceback (most recent call last):
    ...
    geonews.errors.InvalidInput: place name must not be empty: ''
    """
    if not isinstance(name, str):
        raise InvalidInput(f"place name must be a str, not {type(name).__name__}: {name!r:.80}")
    stripped = name.strip()
    if not stripped:
        raise InvalidInput(f"place name must not be empty: {name!r}")
    if len(stripped) > MAX_NAME_LENGTH:
        raise InvalidInput(
            f"place name is {len(stripped):,} characters long (at most {MAX_NAME_LENGTH}): "
            f"{stripped[:40]!r}..."
        )
    if _CONTROL.search(stripped):
        raise InvalidInput(f"place name contains control characters: {stripped!r}")
    return stripped


def transliterate(text: str) -> str:
    """Romanise Cyrillic letters in ``text``; other characters pass through.

    Ukrainian rules apply when the text has a letter only Ukrainian uses
    (і, ї, є, ґ), Russian rules otherwise.

    Examples
    --------
    >>> transliterate("Костянтинівка")
    'Kostiantynivka'
    >>> transliterate("Красноармейск")
    'Krasnoarmeisk'
    """
    table = _UKRAINIAN if any(ch in _UK_ONLY for ch in text) else _RUSSIAN
    out = []
    for ch in text:
        low = ch.lower()
        rom = table.get(low)
        if rom is None:
            out.append(ch)
        elif ch != low and rom:
            out.append(rom[0].upper() + rom[1:])
        else:
            out.append(rom)
    return "".join(out)


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """Exact lookup key of a name.

    Examples
    --------
    >>> key("Kostiantynivka") == key("Костянтинівка") == key(" KOSTIANTYNIVKA")
    True
    >>> key("Kryvyi Rih"), key("Kryvyi-Rih"), key("Bila Tserkva's")
    ('kryvyi rih', 'kryvyi rih', 'bila tserkvas')
    >>> key("Zaporiz’ka")
    'zaporizka'
    """
    if name.isascii():  # most names: one translate, same result as the general path
        return " ".join(name.lower().translate(_ASCII_KEY).split())
    text = unicodedata.normalize("NFKC", name)
    text = transliterate(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("ß", "ss").replace("ø", "o").replace("ł", "l")
    text = text.replace("æ", "ae").replace("đ", "d").replace("ı", "i")
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    text = _NON_ALNUM.sub("", text)
    return " ".join(text.split())


_SKELETON_RULES = [
    (re.compile(r"\bvu"), "u"),  # Vuhledar / Ugledar, Vuhlehirsk / Uglegorsk
    (re.compile(r"shch|sch"), "sh"),
    (re.compile(r"zhzh"), "zh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"g"), "h"),
    (re.compile(r"tz|ts|c(?!h)"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
]
#: The rules above as :func:`skeleton` applies them (literal ones with str.replace).
_VU = _SKELETON_RULES[0][0]
_TS = _SKELETON_RULES[5][0]
_VOWELS = re.compile(r"(?<=[a-z])[aeiouyj]+")
_DOUBLES = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Loose key that folds romanisation systems together.

    Examples
    --------
    >>> skeleton("Kharkiv") == skeleton("Kharkov")
    True
    >>> skeleton("Horlivka") == skeleton("Gorlovka")
    True
    >>> skeleton("Vuhledar") == skeleton("Ugledar")
    True
    >>> skeleton("Zaporizhzhia") == skeleton("Zaporozhye")
    True
    >>> skeleton("Avdiivka") == skeleton("Avdeyevka")
    True
    """
    text = key(name)
    if "vu" in text:
        text = _VU.sub("u", text)
    text = text.replace("shch", "sh").replace("sch", "sh").replace("zhzh", "zh")
    text = text.replace("kh", "h").replace("g", "h")
    if "c" in text or "tz" in text or "ts" in text:
        text = _TS.sub("c", text)
    text = text.replace("w", "v").replace("ph", "f").replace("x", "ks").replace("q", "k")
    text = _VOWELS.sub("", text)
    text = _DOUBLES.sub(r"\1", text)
    return text.replace(" ", "")
