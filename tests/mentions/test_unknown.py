"""Names the gazetteer lacks as written, taken where a strong place cue stands.

The sentences are written for these tests, in the style of translated war reporting.
"""

from __future__ import annotations

import pytest

from geonews import geoparse


def places(text):
    return [(m.text, m.place.name if m.place else None) for m in geoparse(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assault groups entered Kreminnaya and Bakhtmut overnight.",
            [("Kreminnaya", "Kreminna"), ("Bakhtmut", "Bakhmut")],
        ),
        (
            "Heavy losses were reported near Staromayorsky on Tuesday.",
            [("Staromayorsky", "Staromaiorske")],
        ),
        (
            "Artillery shelled Dnepryany twice after midnight.",
            [("Dnepryany", "Dnipryany")],
        ),
        (
            "Drones struck the village of Verbovoy in the Zaporizhzhia region.",
            [("Verbovoy", "Verbove"), ("Zaporizhzhia", "Zaporizhzhia Oblast")],
        ),
        (
            # a list that starts with a known name carries the cue on
            "Shells fell on Avdiivka and Bakhtmut again.",
            [("Avdiivka", "Avdiivka"), ("Bakhtmut", "Bakhmut")],
        ),
        (
            # the region after the name is a cue too
            "Fires broke out in Kreminnaya, Luhansk region, late on Sunday.",
            [("Kreminnaya", "Kreminna"), ("Luhansk", "Luhansk Oblast")],
        ),
        (
            # once taken, the name is a mention wherever it recurs
            "Troops entered Kreminnaya at dawn. Kreminnaya is now cut off.",
            [("Kreminnaya", "Kreminna"), ("Kreminnaya", "Kreminna")],
        ),
    ],
)
def test_unknown_spelling_in_a_place_context_is_a_mention(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Troops entered Kreminnaya and Bakhtmut.",
    ],
)
def test_without_the_rule_nothing_would_be_found(text):
    # the names are not in the gazetteer as written: only the context makes them spans
    from geonews.places import default_gazetteer

    gz = default_gazetteer()
    assert not gz.has_key("kreminnaya") and not gz.has_key("bakhtmut")
    assert len(places(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # no cue: an unknown capitalised word is not a place
        "Bakhtmut is a word the gazetteer does not know.",
        # a cue, but nothing of the war region is spelt like it
        "Soldiers entered Zxqwerty at night.",
        # months, common words and people after a cue stay out
        "Fighting flared near Christmas and outside Parliament.",
        "The decision struck Shoigu as premature.",
        "Talks were held near Lukashenkov's residence.",
    ],
)
def test_no_cue_or_no_match_is_no_mention(text):
    assert [n for n, _ in places(text) if n not in ("Kyiv",)] == []


def test_a_context_name_whose_match_the_text_rules_out_is_dropped():
    # the only tolerant match of "Rabotin" is a village hundreds of km from Orikhiv and
    # Tokmak, which the disambiguator refuses; a name taken only from its context is then
    # no mention at all (not an unresolved one)
    text = "Units pushed towards Rabotin from Orikhiv and Tokmak."
    assert places(text) == [("Orikhiv", "Orikhiv"), ("Tokmak", "Tokmak")]


def test_a_context_name_with_namesakes_is_no_mention():
    # "Pervomaiskoye" is a loose spelling of a dozen Pervomaiske: no single reading
    assert places("Shells hit the village of Pervomaiskoye overnight.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the corrected name's own namesakes are far smaller: the town is meant
        ("Russian forces shelled Konstiantynivka on Monday.", "Kostiantynivka"),
        ("Fighting continued near Hulyaipole overnight.", "Huliaipole"),
        ("Russian forces shelled Nikopl again.", "Nikopol"),
    ],
)
def test_a_context_name_much_bigger_than_its_namesakes_is_a_mention(text, expected):
    ((_, place),) = places(text)
    assert place == expected


def test_a_lower_case_word_before_region_is_no_oblast_cue():
    # ", the region" names no oblast: "Bakhtmut" has no cue here
    assert places("Bakhtmut, the region's governor wrote, is calm.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second word alone is another place (Kakhovka; a village "Bila" in Ternopil)
        ("Russian forces shelled Nova Kachowka on Monday.", [("Nova Kachowka", "Nova Kakhovka")]),
        ("Bila Tserkwa came under fire again.", [("Bila Tserkwa", "Bila Tserkva")]),
        ("Russian forces shelled Krasny Lyman at dawn.", [("Krasny Lyman", "Lyman")]),
        # a two-word name the gazetteer lacks: its second word is another village, Maiachka
        ("Stara Mayachka came under fire again.", []),
        # known two-word names and names abroad are read as they are
        ("Fishermen left Nova Scotia.", [("Nova Scotia", "Nova Scotia")]),
    ],
)  # fmt: skip
def test_a_name_opened_by_an_adjective_is_read_whole(text, expected):
    assert places(text) == expected
