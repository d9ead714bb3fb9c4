"""Roles: the slot a place name fills decides whether it is an actor or a location.

One group of sentences per mechanism of :mod:`geonews.mentions.roles`; the sentences are
written for these tests in the style of wire and monitoring reports.
"""

from __future__ import annotations

import pytest

from geonews import geoparse
from geonews.mentions.roles import Tokens, can_be_actor, role_of


def role(text: str, surface: str) -> str:
    (m, *_) = [m for m in geoparse(text) if m.text == surface]
    return m.role


def check(cases):
    return pytest.mark.parametrize(("text", "surface", "expected"), cases)


@check(
    [
        # the agent slot of any finite verb, found by its form, not a list of verbs
        ("Russia holds a third of the region.", "Russia", "metonym"),
        ("Moscow orders a pullback from the river.", "Moscow", "metonym"),
        ("Ukraine mourns the victims of the strike.", "Ukraine", "metonym"),
        ("Officials fear the plan fails if Kyiv doesn't sign it.", "Kyiv", "metonym"),
        ("Russia last week halted grain exports.", "Russia", "metonym"),
        ("Moscow targeted Odesa with drones.", "Moscow", "metonym"),
        ("Ukraine struck back on Friday.", "Ukraine", "metonym"),
        # ... but not of a verb that says where a place is or what happened to it
        ("Kyiv was hit by drones overnight.", "Kyiv", "literal"),
        ("Kyiv lies on the Dnipro river.", "Kyiv", "literal"),
        ("Kharkiv has been shelled again.", "Kharkiv", "literal"),
        ("Kyiv targeted in a massive drone attack", "Kyiv", "literal"),
        ("Kharkiv suffered a blackout.", "Kharkiv", "literal"),
        ("Russia suffered heavy losses near the river.", "Russia", "metonym"),
    ]
)
def test_agent_of_a_finite_verb(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("Russia is ready to resume talks.", "Russia", "metonym"),
        ("The U.S. is prepared to press Moscow harder.", "U.S.", "metonym"),
        ("Ukraine is not known to have used the missiles.", "Ukraine", "metonym"),
        ("Russia was sincerely interested in a deal.", "Russia", "metonym"),
        ("Kyiv is increasingly reliant on Western aid.", "Kyiv", "metonym"),
        ("Kyiv is a city of three million people.", "Kyiv", "literal"),
    ]
)
def test_copula_with_an_agentive_predicate(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("Russia, which has rejected the plan, wants more.", "Russia", "metonym"),
        (
            "Turkey, a NATO member with ties to both sides, has offered to mediate.",
            "Turkey",
            "metonym",
        ),
        ("How can Russia respond?", "Russia", "metonym"),
    ]
)
def test_subject_past_a_relative_clause_an_apposition_or_an_inversion(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("Both Kyiv and Moscow deny targeting civilians.", "Kyiv", "metonym"),
        ("Both Kyiv and Moscow deny targeting civilians.", "Moscow", "metonym"),
        ("Kyiv and its European allies insist on a ceasefire.", "Kyiv", "metonym"),
        ("Security advisers from Britain, France and Germany met on Sunday.", "France", "metonym"),
        ("Security advisers from Britain, France and Germany met on Sunday.", "Germany", "metonym"),
        ("Drones hit Kharkiv and Kyiv overnight.", "Kyiv", "literal"),
        ("Drones hit Kharkiv and Kyiv overnight.", "Kharkiv", "literal"),
    ]
)
def test_conjuncts_share_the_slot_of_their_coordination(text, surface, expected):
    assert role(text, surface) == expected


def test_a_comma_run_without_and_is_not_a_coordination():
    ms = geoparse("Ukraine, Moscow orders the retreat: a new phase")
    assert [(m.text, m.role) for m in ms] == [("Ukraine", "literal"), ("Moscow", "metonym")]


@check(
    [
        # possessives: what a state wants or owns as a power, against its parts
        ("Moscow's demands have not changed.", "Moscow", "metonym"),
        ("It is in Kyiv's interests to wait.", "Kyiv", "metonym"),
        ("Ukraine's GUR intelligence agency said so.", "Ukraine", "metonym"),
        ("Russia's Battlegroup West reported gains.", "Russia", "metonym"),
        ("Shelling hit Kyiv's eastern suburbs.", "Kyiv", "literal"),
        ("Drones struck Ukraine's industrial heartland.", "Ukraine", "literal"),
        ("Fighting continues in Ukraine's Donetsk region.", "Ukraine", "literal"),
        ("Zelensky fired Kharkiv's police chief.", "Kharkiv", "literal"),
        # the occupation entities in any word order are actors, like "the DPR"
        ("Troops of the Lugansk Republic advanced.", "Lugansk Republic", "metonym"),
        (
            "Units of the People Republic of Donetsk attacked.",
            "People Republic of Donetsk",
            "metonym",
        ),
        ("The Republic of Crimea said its forces were ready.", "Republic of Crimea", "literal"),
        # a facility word as a modifier: the noun after it decides
        ("Putin updated Russia's nuclear doctrine.", "Russia", "metonym"),
        ("Russia's oil exports fell again.", "Russia", "metonym"),
        ("Drones hit Russia's nuclear plant at Kursk.", "Russia", "literal"),
        ("Drones hit Russia's oil refineries.", "Russia", "literal"),
        ("Strikes on Ukraine's power infrastructure went on.", "Ukraine", "literal"),
        # premodifiers
        ("Kyiv troops pushed forward.", "Kyiv", "metonym"),
        ("He met U.S. President Joe Biden.", "U.S.", "metonym"),
        ("Putin spoke about the Kursk attack.", "Kursk", "literal"),
        ("Since the Ukraine war began, prices rose.", "Ukraine", "literal"),
        # heads through a preposition
        ("It would be a symbolic victory for Moscow.", "Moscow", "metonym"),
        ("The EU keeps up pressure on Russia.", "Russia", "metonym"),
        ("Washington held talks with Kyiv.", "Kyiv", "metonym"),
        ("Top envoys from Ukraine convened in Geneva.", "Ukraine", "metonym"),
        ("Top envoys from Ukraine convened in Geneva.", "Geneva", "literal"),
        ("He met the President of Ukraine on Monday.", "Ukraine", "metonym"),
        ("The plan includes security guarantees for Kyiv.", "Kyiv", "metonym"),
        ("Moscow handed a memorandum to Ukraine.", "Ukraine", "metonym"),
        ("Kyiv claims to have retaken territory from Russia.", "Russia", "metonym"),
        ("Missile strikes against Kharkiv killed four.", "Kharkiv", "literal"),
        ("The shelling of Kharkiv went on all night.", "Kharkiv", "literal"),
        ("Attacks on Odesa have become more frequent.", "Odesa", "literal"),
        ("There are flights between London and Paris.", "Paris", "literal"),
        ("Officials met in Moscow on Tuesday.", "Moscow", "literal"),
    ]
)
def test_noun_head_frames(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("The deal risks potentially pushing Kyiv into accepting terms.", "Kyiv", "metonym"),
        ("The threat prompted Moscow to use a new missile.", "Moscow", "metonym"),
        ("Vietnam sees Russia as a key partner.", "Russia", "metonym"),
    ]
)
def test_object_of_a_verb_that_takes_a_person(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("The Russia-Ukraine war enters its fourth year.", "Russia", "metonym"),
        ("The Russia-Ukraine war enters its fourth year.", "Ukraine", "metonym"),
        ("The talks revived U.S.-Russia contacts.", "Russia", "metonym"),
        ("Patrols guard the Russia-Ukraine border.", "Ukraine", "literal"),
        ("Kremlin-backed forces advanced.", "Kremlin", "metonym"),
        ("A Kyiv-based analyst said so.", "Kyiv", "literal"),
    ]
)
def test_hyphen_pairs_and_compounds(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("DPR head Denis Pushilin reports gains near Avdiivka.", "DPR", "metonym"),
        ("Belgorod Governor Vyacheslav Gladkov said two people were hurt.", "Belgorod", "literal"),
        ("Engineers left the Kursk Nuclear Power Plant.", "Kursk", "literal"),
        ("A missile hit Kharkiv State University.", "Kharkiv", "literal"),
    ]
)
def test_entity_regions_titles_and_facilities(text, surface, expected):
    assert role(text, surface) == expected


@check(
    [
        ("Fighting in Kharkiv Region Persists as Talks Stall", "Kharkiv Region", "literal"),
        ("Russia Says Kyiv Talks Will Resume", "Russia", "metonym"),
        ("KYIV, Ukraine (AP) — Russian drones struck the city.", "KYIV", "literal"),
        ("KYIV, Ukraine (AP) — Russian drones struck the city.", "Ukraine", "literal"),
        ("MOSCOW (Reuters) - Russia said it shot down drones.", "Russia", "metonym"),
    ]
)
def test_headlines_and_datelines(text, surface, expected):
    assert role(text, surface) == expected


def test_who_can_be_an_actor():
    assert can_be_actor("region", 0, "DPR") and can_be_actor(
        "region", 0, "Luhansk People's Republic"
    )
    assert not can_be_actor("region", 0, "Donetsk Oblast")
    assert not can_be_actor("settlement", 60_000, "Pokrovsk")
    assert can_be_actor("country", 0, "Ukraine") and can_be_actor("settlement", 0, "Kremlin")


def test_role_of_reads_one_mention_without_a_document():
    text = "Kyiv and its allies insist."
    assert role_of(text, 0, 4, kind="settlement", population=2_900_000) == "metonym"
    assert role_of("Drones hit Kyiv.", 11, 15, kind="settlement", population=2_900_000) == "literal"


def test_tokens_split_possessives_hyphens_and_abbreviations():
    tk = Tokens("The U.S.-Russia talks, Kyiv's view, 1.3 billion")
    assert tk.low == [
        "the", "u.s.", "-", "russia", "talks", ",", "kyiv", "'s", "view", ",", "1.3", "billion",
    ]  # fmt: skip
    assert tk.span(4, 8) == (1, 2)


def test_roles_cost_little_on_a_wall_of_names():
    import time

    text = "Kyiv " * 4000
    geoparse("Warm-up: drones hit Kyiv.")
    t0 = time.process_time()
    ms = geoparse(text)
    assert len(ms) == 4000 and all(m.role == "literal" for m in ms)
    assert time.process_time() - t0 < 2.0
