"""Normalisation at the entrance: composed letters, no format characters, source offsets."""

from __future__ import annotations

import unicodedata

import pytest

from geonews import geoparse
from geonews.mentions.document import Document, Span, normalise
from geonews.places.names import key

SOFT_HYPHEN, ZWSP, ZWJ, BOM, LRM = "\u00ad", "\u200b", "\u200d", "\ufeff", "\u200e"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # decomposed letters: the composed name, not "Kyi" in Myanmar or "Ode" in Nigeria
        (unicodedata.normalize("NFD", "Missiles struck Kyïv before dawn."), "Kyïv", "Kyiv"),
        (unicodedata.normalize("NFD", "A drone hit a port in Odésa."), "Odésa", "Odesa"),
        # format characters inside a name, as a copy from a web page leaves them
        (f"Heavy fighting near Po{SOFT_HYPHEN}krovsk went on.", "Pokrovsk", "Pokrovsk"),
        (f"Units withdrew from Bakh{ZWJ}mut on Friday.", "Bakhmut", "Bakhmut"),
        (f"Shelling in Kra{ZWSP}matorsk killed two.", "Kramatorsk", "Kramatorsk"),
        (f"{BOM}Kharkiv{LRM} was hit again.", "Kharkiv", "Kharkiv"),
        ("Strikes on Zapo\ud800rizhzhia overnight.", "Zaporizhzhia", "Zaporizhzhia"),
    ],
)
def test_odd_unicode_in_running_text_finds_the_place(text, name, place):
    ms = geoparse(text)
    assert [m.place.name for m in ms] == [place]
    (m,) = ms
    # offsets index the caller's text; the mention's text is that very slice
    assert text[m.start : m.end] == m.text
    assert key(m.text) == key(name)


def test_offsets_after_several_changes_point_into_the_source():
    text = f"{BOM}Ode\u0301sa, Po{SOFT_HYPHEN}krovsk{ZWSP} and Kyi\u0308v{SOFT_HYPHEN}. Lviv too."
    ms = geoparse(text)
    assert [m.place.name for m in ms] == ["Odesa", "Pokrovsk", "Kyiv", "Lviv"]
    for m in ms:
        assert text[m.start : m.end] == m.text
    # a dropped character right after a name is not part of the mention
    assert [m.text[-1] for m in ms] == ["a", "k", "v", "v"]


def test_plain_and_already_normal_texts_are_read_as_given():
    for text in ("Drones hit Kyiv.", "Удари по Києву, “Kyiv’s” suburbs."):
        norm, offsets = normalise(text)
        assert norm is text and offsets is None
        assert Document.read(text).source is None


def test_normalised_text_matches_nfc_without_format_characters():
    text = f"Ode\u0301sa{SOFT_HYPHEN} {ZWJ}Kyi\u0308v \ud800x"
    norm, offsets = normalise(text)
    assert norm == "Odésa Kyïv x"
    assert offsets.start(norm.index("Kyïv")) == text.index("Kyi")
    assert offsets.end(norm.index("Kyïv") + 4) == text.index("v ") + 1


def test_spans_come_back_in_source_offsets():
    doc = Document.read(f"In Po{SOFT_HYPHEN}krovsk.")
    doc.spans = [Span(3, 11, "Pokrovsk", "pokrovsk")]
    (sp,) = doc.spans_in_source()
    assert (sp.start, sp.end, sp.text) == (3, 12, f"Po{SOFT_HYPHEN}krovsk")


def test_normalising_a_long_odd_text_is_linear_enough():
    # a million combining marks and format characters: one pass, no quadratic step
    text = ("a\u0301" + SOFT_HYPHEN) * 100_000 + " Kyiv"
    norm, offsets = normalise(text)
    assert norm == "á" * 100_000 + " Kyiv"
    assert offsets.start(len(norm) - 4) == len(text) - 4
