r"""Text at the entrance: one normal form for every document geonews reads.

:func:`clean` composes characters (Unicode NFC: a decomposed "Kyïv" is the same
string as the composed one) and replaces lone surrogates (which a JSON ``\ud800``
escape can produce, and which no file format can store) with U+FFFD.

Examples
--------
>>> clean("Kyi\u0308v") == "Kyïv", clean("bad \ud800 byte") == "bad \ufffd byte"
(True, True)
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean", "has_undecodable"]

_SURROGATE = re.compile("[\ud800-\udfff]")
# What a byte that did not decode becomes under errors="surrogateescape".
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def clean(text: str) -> str:
    """Return ``text`` in NFC with lone surrogates replaced by U+FFFD.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
    """
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def has_undecodable(text: str) -> bool:
    r"""Whether ``text``, decoded with ``errors="surrogateescape"``, held undecodable bytes.

    Examples
    --------
    >>> has_undecodable(b"ok \xff".decode("utf-8", "surrogateescape"))
    True
    """
    return _ESCAPED_BYTE.search(text) is not None
