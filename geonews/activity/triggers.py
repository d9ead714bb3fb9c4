"""Event triggers: the words that say something happened, and what kind of thing.

:func:`find_triggers` reads the lexicons of :mod:`geonews.activity.taxonomy` (ACLED-aligned
types and sub-types) and settles the generic words: "attack", "hit" or an explosion take
their kind from the weapons or troops the sentence names, or from the event reported just
before ("the villages were also affected"); an infinitive of purpose ("met in Geneva to
discuss") is part of the event before it; what a threat threatens is the threat.
:func:`drop_intercepted` keeps a shoot-down as one event, not also the strike it stopped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from geonews.activity import taxonomy as tx
from geonews.activity.clauses import clause_of, search_in

__all__ = ["Trigger", "drop_intercepted", "find_triggers", "is_trigger_word"]

#: "met ... to discuss": how far an infinitive of purpose stands from the event it serves.
_PURPOSE_GAP = 60


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event trigger: its kind and its span in the sentence."""

    event_type: str
    sub_type: str
    start: int
    end: int


def find_triggers(
    masked: str, low: str | None, recent: tuple[str, str] | None = None
) -> list[Trigger]:
    """Event triggers of a sentence, with the generic words ("attack", "hit") settled.

    ``recent`` is the kind of event the sentence before reported: "the villages were also
    affected" and an attack without weapons or troops named go on with it.
    """
    found: list[Trigger] = []
    shelling = weapons = generic = False
    if low is not None:
        matches = tx.TRIGGER_ANY.finditer(low)
    else:  # a few letters lower-case to two characters: keep offsets right
        matches = tx.TRIGGER_ANY_CI.finditer(masked)
    for match in matches:
        event_type, sub_type = tx.TRIGGER_KINDS[str(match.lastgroup)]  # every group is named
        found.append(Trigger(event_type, sub_type, match.start(), match.end()))
        generic = generic or sub_type == "generic"
        weapons = weapons or event_type == tx.EXPLOSION
        shelling = shelling or sub_type == tx.SHELLING
    if not found:
        return []
    out = []
    ground = search_in(tx.GROUND, masked, low) is not None
    blast = any(t.sub_type == "explosion" for t in found)
    for trig in found:
        phrase = masked[trig.start : trig.end].lower()
        if trig.sub_type == "follow-on" and recent is not None:
            trig = Trigger(*recent, trig.start, trig.end)
        elif trig.sub_type == "follow-on" and "under" not in phrase:
            continue  # "were affected", with nothing reported before: by what?
        elif trig.sub_type == "explosion":  # "an explosion on the bridge"
            kind = _blast(masked, low, weapons, shelling, recent)
            trig = Trigger(*kind, trig.start, trig.end)
        elif trig.sub_type in ("generic", "follow-on"):  # "came under attack"
            word = phrase.rsplit(" ", 1)[-1]
            if weapons or word in ("fire", "shelling"):
                kind = (tx.EXPLOSION, tx.SHELLING if shelling or not weapons else tx.AIR)
            elif search_in(tx.CIVILIANS, masked, low) and not ground:
                kind = (tx.VIOLENCE, "Attack")
            elif word.startswith(("strike", "struck", "hit")):  # "forces launched strikes"
                if blast:  # "an explosion hit a car": what the blast was
                    kind = _blast(masked, low, weapons, shelling, recent)
                elif recent is not None and recent[0] == tx.EXPLOSION:
                    kind = recent
                else:
                    kind = (tx.EXPLOSION, tx.SHELLING)
            elif ground or word.startswith("assault"):
                kind = (tx.BATTLE, "Armed clash")
            elif recent is not None and recent[0] == tx.EXPLOSION:
                kind = recent  # "the city came under attack again" after the shelling
            else:
                kind = (tx.BATTLE, "Armed clash")
            trig = Trigger(*kind, trig.start, trig.end)
        elif trig.event_type == tx.PROTEST and search_in(tx.INTERVENTION, masked, low):
            trig = Trigger(tx.PROTEST, "Protest with intervention", trig.start, trig.end)
        elif trig.event_type == tx.EXPLOSION and shelling:  # missiles named: a missile attack
            trig = Trigger(tx.EXPLOSION, tx.SHELLING, trig.start, trig.end)
        out.append(trig)
    # "met in Geneva to discuss", "stops in Geneva to meet": the purpose of the event before
    out = [
        t
        for t in out
        if not (
            masked[max(0, t.start - 3) : t.start].lower() == "to "
            and any(
                o.event_type == t.event_type and 0 < t.start - o.end <= _PURPOSE_GAP for o in out
            )
        )
    ]
    threats = [t.start for t in out if t.sub_type == "Threat"]
    if threats:  # "threatened to seize ... if Kyiv did not withdraw": one threat
        first = min(threats)
        out = [
            t
            for t in out
            if t.sub_type == "Threat" or t.start < first or t.event_type == tx.DIPLOMACY
        ]
    return out


def drop_intercepted(
    triggers: list[Trigger], clauses: list[tuple[int, int]], masked: str, low: str | None
) -> list[Trigger]:
    """Drop the strikes of a clause that says they were shot down or intercepted.

    "Air defence shot down 20 drones over the Kursk region" is one event, the
    interception; the drones are its object, not a second, air-strike event — unless the
    clause says something got through ("debris damaged a house").
    """
    stopped = [t for t in triggers if t.sub_type == tx.DISRUPTED_USE]
    if not stopped:
        return triggers
    out = []
    for trig in triggers:
        if trig.event_type == tx.EXPLOSION:
            clause = clause_of(clauses, trig.start)
            if any(clause[0] <= t.start < clause[1] for t in stopped) and not search_in(
                tx.IMPACT, masked, low, *clause
            ):
                continue
        out.append(trig)
    return out


@functools.lru_cache(maxsize=4096)
def is_trigger_word(surface: str) -> bool:
    """Whether ``surface`` is a trigger word as a whole ("Artillery" read as a place name)."""
    return tx.TRIGGER_ANY_CI.fullmatch(surface) is not None


def _blast(masked: str, low: str | None, weapons: bool, shelling: bool, recent) -> tuple[str, str]:
    """What a blast with no weapon of its own was: planted, fired, or as the sentence before."""
    if search_in(tx.PLANTED, masked, low):
        return (tx.EXPLOSION, tx.REMOTE)
    if weapons:
        return (tx.EXPLOSION, tx.SHELLING if shelling else tx.AIR)
    if recent is not None and recent[0] == tx.EXPLOSION:
        return recent
    return (tx.EXPLOSION, tx.REMOTE)
