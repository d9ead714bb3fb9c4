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
