"""Recognition: every place the text names, and nothing that only carries a place's name.

The sentences are written for these tests, in the style of real war reporting.
"""

from __future__ import annotations

import pytest

from geonews import geoparse


def names(text):
    return [m.text for m in geoparse(text)]


def places(text):
    return [(m.text, m.place.name if m.place else None) for m in geoparse(text)]


# -- a place the text names is never lost ---------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # the other name in brackets, in either order, with a lead-in or without
        "Shelling of Vuhledar (Russian: Ugledar) went on. Defending Vuhledar cost the "
        "brigade dearly, and Vuhledar fell in October. tass.example/vuhledar/",
        "Ugledar (Vuhledar) was stormed. Defending Ugledar was costly; Ugledar fell.",
        "Units pushed into Dzerzhinsk (Toretsk). Holding Dzerzhinsk, officials said, "
        "matters. Dzerzhinsk is shelled daily. Source: news.example/dzerzhinsk/",
        "Forces took Artemovsk (Bakhmut). Storming Artemovsk took months; Artemovsk is "
        "now in ruins.",
    ],
)
def test_a_name_given_with_its_other_name_keeps_every_mention(text):
    got = places(text)
    first = got[0][0]
    assert sum(1 for t, _ in got if t == first) == text.count(first)  # the URL is lower case
    assert len({p for _, p in got}) == 1  # one place under both names


def test_a_gerund_is_no_given_name_and_a_cued_place_is_no_surname():
    text = (
        "Capturing Vovchansk would be the biggest gain of the offensive. Troops inside "
        "Vovchansk fought house to house, and Vovchansk’s police chief stayed."
    )
    assert names(text) == ["Vovchansk"] * 3


def test_a_headline_verb_does_not_make_the_subject_a_surname():
    text = (
        "Ukrainian Forces Abandon Vuhledar\n"
        "The town of Vuhledar had held for two years. Vuhledar lies on high ground."
    )
    assert names(text) == ["Vuhledar"] * 3


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Special forces landed on Cape Tarkhankut at night.", "Tarkhankut"),
        ("Patrols crossed Lake Ladoga on the ice.", "Ladoga"),
    ],
)
def test_a_geographic_head_is_no_given_name(text, name):
    assert name in names(text)


def test_weak_person_evidence_still_holds_without_a_place_cue():
    # "Jorge Hartley": an unknown given name; nothing in the text says Hartley is a place
    assert "Hartley" not in names("Jorge Hartley spoke. Hartley left early.")
