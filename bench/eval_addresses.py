"""Events on coded notes: how many land on a name the note gives only as an address.

Reads ``tests/data/coded_notes.txt`` (notes written for geonews in the style of
conflict-event coders: "On 2 April 2024, Russian forces shelled Kurakhove (Pokrovsk raion,
Donetsk)."). An event placed at a name written only inside the note's brackets is one at
the village's raion or oblast, which the note gives as where the village is: at a town
(the raion's centre, or the oblast's capital) it is a wrong place; at the oblast, a place
less precise than the note's, which is right only when the gazetteer lacks the village.

    python bench/eval_addresses.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonews

NOTES = Path(__file__).resolve().parent.parent / "tests" / "data" / "coded_notes.txt"
_BRACKETS = re.compile(r"\([^()]*\)")


def main() -> None:
    notes = [
        line.strip()
        for line in NOTES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    events = at_address = at_town = without = 0
    for note in notes:
        outside = _BRACKETS.sub("", note)
        frame = geonews.events(note)
        without += frame.empty
        for text, precision in zip(frame.place_text, frame.precision, strict=True):
            events += 1
            if text not in outside:
                at_address += 1
                at_town += precision != "region"  # the raion's town, or the oblast's capital
    print(
        f"{len(notes)} notes, {events} events, {at_address} at a name given only as an "
        f"address ({at_town} at a town there, {at_address - at_town} at the oblast), "
        f"{without} notes with no event"
    )


if __name__ == "__main__":
    main()
