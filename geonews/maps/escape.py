r"""Everything a page shows from data passes through here.

Data strings - news text, front-line file properties, geocoder answers, names a
user passed - reach a map in two ways, and each has one function:

* :func:`text` for markup (popups, tooltips, legends, layer names): HTML-escaped,
  braces as entities, lone surrogates replaced;
* :func:`script_json` for values inside a ``<script>``: JSON with ``<``, ``>``,
  ``&``, ``'``, U+2028/U+2029 and lone surrogates as ``\u`` escapes, and every
  brace of a string that could open a Jinja tag (``{{``, ``{%``, ``{#``) too.

Why braces: branca renders an element's script as a Jinja template and then
parses the *result* again as a template, so a ``{{ ... }}`` that reached the
script text would run as Python.  geonews's own elements render once, as finished
text (:mod:`geonews.maps.elements`), so nothing from data is ever parsed as a
template; the brace escapes also cover the folium elements that still go through
branca (layer names, the layer control).

Examples
--------
>>> text('<img src=x onerror="alert(1)"> {{ 7 * 7 }}')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#123;&#123; 7 * 7 &#125;&#125;'
>>> script_json({"status": "{{ 7 * 7 }}</script>"})
'{"status":"\\u007b{ 7 * 7 }}\\u003c/script\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

__all__ = ["script_json", "text"]

_SURROGATE = re.compile("[\ud800-\udfff]")

# In JSON text a structural "{" is always followed by '"' or "}", so a "{" followed
# by "{", "%" or "#" lies inside a string: escaping exactly those leaves no Jinja tag.
_SCRIPT_UNSAFE = re.compile("[<>&'\u2028\u2029\ud800-\udfff]|\\{(?=[{%#])")
_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "{": "\\u007b",
}


def text(value: Any) -> str:
    """Escape a value for HTML markup on a map page.

    Parameters
    ----------
    value : object
        Anything; it is turned into a string first.

    Returns
    -------
    str
        HTML-escaped text (quotes included), with ``{`` and ``}`` as character
        references and lone surrogates as U+FFFD, safe as element content, as a
        quoted attribute value and inside markup that branca reads as a template.

    Examples
    --------
    >>> text("Pokrovsk & <b>Myrnohrad</b>")
    'Pokrovsk &amp; &lt;b&gt;Myrnohrad&lt;/b&gt;'
    """
    escaped = html.escape(_SURROGATE.sub("\ufffd", str(value)), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def script_json(obj: Any) -> str:
    r"""Encode a value as JSON that is safe inside a ``<script>`` element.

    Parameters
    ----------
    obj : object
        Anything :func:`json.dumps` takes.

    Returns
    -------
    str
        Compact JSON; the browser decodes the escapes back to the original strings.

    Examples
    --------
    >>> script_json(["a\u2028b", "{% raw %}"])
    '["a\\u2028b","\\u007b% raw %}"]'
    """
    encoded = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    return _SCRIPT_UNSAFE.sub(_script_escape, encoded)


def _script_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SCRIPT_ESCAPES.get(char) or f"\\u{ord(char):04x}"
