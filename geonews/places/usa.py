"""How US news writes the states: the AP-style abbreviations (facts about usage).

One table for both of its readers: the gazetteer index, where each abbreviation is a name
of its state, and recognition (:mod:`geonews.mentions.lexicon`), where a short word with
its full stop ("Fla.", "Calif.") is a place name.

Examples
--------
>>> AP_STATES["CA"], AP_STATES["WV"]
(('Calif.',), ('W.Va.', 'W. Va.'))
"""

from __future__ import annotations

__all__ = ["AP_STATES"]

#: AP-style abbreviations of US states by postal code, as US news writes them.
AP_STATES: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",),
    "AZ": ("Ariz.",),
    "AR": ("Ark.",),
    "CA": ("Calif.",),
    "CO": ("Colo.",),
    "CT": ("Conn.",),
    "DE": ("Del.",),
    "FL": ("Fla.",),
    "IL": ("Ill.",),
    "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",),
    "LA": ("La.",),
    "MD": ("Md.",),
    "MA": ("Mass.",),
    "MI": ("Mich.",),
    "MN": ("Minn.",),
    "MS": ("Miss.",),
    "MO": ("Mo.",),
    "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",),
    "NH": ("N.H.",),
    "NJ": ("N.J.",),
    "NM": ("N.M.",),
    "NY": ("N.Y.",),
    "NC": ("N.C.",),
    "ND": ("N.D.",),
    "OK": ("Okla.",),
    "OR": ("Ore.",),
    "PA": ("Pa.",),
    "RI": ("R.I.",),
    "SC": ("S.C.",),
    "SD": ("S.D.",),
    "TN": ("Tenn.",),
    "VT": ("Vt.",),
    "VA": ("Va.",),
    "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
    "TX": ("Tex.",),
    "GA": ("Ga.",),
}
