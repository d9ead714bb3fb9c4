"""Which happenings real reporting describes, and how sure it is of them (issue 15, point 6).

Launch sites, orders and aims, headline regions, who speaks for which side: every
sentence here is written for these tests, in the style of wire copy, ministry statements
and Russian agency dispatches.
"""

import pytest

from geonews.activity import events
from geonews.mentions.parser import geoparse
from tests.handparser import parse as stand_in

DAY = "2025-11-20"


@pytest.fixture(params=["stand-in", "geoparse"])
def parse(request):
    """Each test runs with the stand-in recogniser and with the real geoparser."""
    return stand_in if request.param == "stand-in" else geoparse


# -- where a weapon set off from ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The missile that struck a school in Kharkiv was fired from launchers in Belgorod.",
        "Drones that hit Kharkiv overnight were launched from fields outside Belgorod.",
        "Russian artillery shelled Kharkiv across the border from positions near Belgorod.",
    ],
)
def test_a_launch_site_is_no_event_place(text, parse):
    frame = events(text, date=DAY, geoparser=parse)
    assert list(frame.place_name) == ["Kharkiv"]


def test_a_launch_site_alone_gives_no_event(parse):
    text = "The enemy launched the attack drones from a field near Belgorod."
    assert len(events(text, date=DAY, geoparser=parse)) == 0


# -- orders and aims ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The defence minister has ordered the withdrawal of troops from Kherson.", "future"),
        ("Moscow orders the retreat from Kherson", "future"),
        ("• The “capture” of Pokrovsk is a “top priority” for the command.", "hypothetical"),
        ("There is no point in talking about a withdrawal from Kherson, the adviser said.",
         "hypothetical"),
    ],
)  # fmt: skip
def test_an_order_or_an_aim_is_not_done(text, modality, parse):
    frame = events(text, date=DAY, geoparser=parse)
    assert list(frame.modality) == [modality]


# -- who speaks for a side ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Russian forces have advanced near Bakhmut, Acting DPR Head Ivan Petrenko said.",
        # the titled speaker's surname alone, later on
        "Acting DPR Head Ivan Petrenko visited a hospital.\n\n"
        "Petrenko said Russian troops had pushed forward near Bakhmut.",
        # a lawmaker who told a Russian agency, then "the lawmaker said"
        "Ukrainian units have retreated from Kupiansk, a State Duma deputy told TASS on Monday.",
        "Oleg Ivanov, a State Duma deputy, told TASS on Monday that the front was holding."
        '\n\n"Our troops took Kupiansk," the lawmaker said.',
        # the attribution in the next sentence
        "Russian troops have taken control of Myrnohrad.\n"
        "This was announced by the press service of the Russian Ministry of Defence.",
    ],
)
def test_a_sides_officials_claim(text, parse):
    frame = events(text, date=DAY, geoparser=parse)
    assert len(frame) == 1
    assert list(frame.status) == ["claimed"]


def test_a_claim_named_again_without_a_source_stays_claimed(parse):
    text = (
        "Russia's defence ministry said its units had defeated a Ukrainian brigade in heavy"
        " fighting near Kupiansk. The battle near Kupiansk lasted three days."
    )
    frame = events(text, date=DAY, geoparser=parse)
    assert list(frame.status) == ["claimed"]


# -- talks that were stopped, or a process, are no meeting -----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Protesters rallied in Kyiv against the decision to suspend EU accession talks.",
        "Moscow said it had broken off the talks with Kyiv for now.",
    ],
)
def test_talks_stopped_or_a_process_are_no_meeting(text, parse):
    frame = events(text, date=DAY, geoparser=parse)
    assert "Diplomacy" not in set(frame.event_type)


def test_talks_that_took_place_are_a_meeting(parse):
    frame = events("Delegations held talks in Geneva on Tuesday.", date=DAY, geoparser=parse)
    assert list(frame.event_type) == ["Diplomacy"]


# -- offensive operations, in ISW's and the General Staff's words ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Russian forces continued offensive operations near Myrnohrad on Tuesday.",
        "The enemy carried out 14 assaults near Myrnohrad over the past day.",
    ],
)
def test_offensive_operations_and_assaults_are_fighting(text, parse):
    frame = events(text, date=DAY, geoparser=parse)
    assert list(zip(frame.place_name, frame.event_type, strict=True)) == [("Myrnohrad", "Battles")]


def test_assault_rifles_are_no_fighting(parse):
    frame = events("Kyiv received assault rifles from Poland.", date=DAY, geoparser=parse)
    assert "Battles" not in set(frame.event_type)


def test_a_liberation_is_the_capturers_claim_even_unattributed(parse):
    frame = events("Russian troops liberated Myrnohrad, the ministry said.", date=DAY,
                   geoparser=parse)  # fmt: skip
    assert list(zip(frame.place_name, frame.status, strict=True)) == [("Myrnohrad", "claimed")]


def test_the_regions_institution_is_no_anaphor_for_the_region(parse):
    text = (
        "Drones struck the Belgorod region on Monday. According to the region's health "
        "ministry, ambulances were sent to the scene of the explosions in Belgorod."
    )
    frame = events(text, date=DAY, geoparser=parse)
    assert "the region" not in list(frame.place_text)


# -- a headline's label ---------------------------------------------------------------------
def test_a_place_labelling_a_headline_is_no_event_place_beside_another():
    text = "Moldova: Geneva Talks on Grain Resume\nDelegations held talks in Geneva on Monday."
    assert list(events(text, date=DAY).place_name) == ["Geneva"]


def test_a_label_alone_is_the_place():
    assert list(events("Kharkiv: a missile hit a school on Monday.", date=DAY).place_name) == [
        "Kharkiv"
    ]
