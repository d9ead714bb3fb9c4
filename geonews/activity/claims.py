"""Who says so, and how sure the text is: claimants, their sides and the event's status.

:func:`find_claims` finds the claimants of a sentence with the span they speak for
("Russia's defence ministry said", "according to Ukraine's General Staff", "..., the
Kremlin said", "Ministry: ..."); :func:`resolve_claims` names those that stand for someone
("the ministry said", "he said": whoever spoke last); :func:`remember_speakers` keeps a
titled person's surname for when it speaks again alone; :func:`still_quoting` tells
whether a quotation runs on.  Across a document, :func:`follow_up` applies a sentence
that only comments on the events before ("The claim could not be verified"),
:func:`party_claims` makes what one side of the war says about the fighting ``claimed``,
:func:`capturer` reads which side a capture says took the place, and
:func:`join_claimants` writes the claimant column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geonews.activity import attribution as at
from geonews.activity import taxonomy as tx
from geonews.activity.clauses import clause_of, find_all, search_in
from geonews.activity.event import Event
from geonews.activity.triggers import Trigger
from geonews.mentions import Mention

__all__ = [
    "Claim",
    "capturer",
    "denied_triggers",
    "find_claims",
    "follow_up",
    "join_claimants",
    "own_retreat",
    "party_claims",
    "remember_speakers",
    "resolve_claims",
    "still_quoting",
]

#: How far before a capture word its subject ("Ukrainian forces have now retaken") stands.
_SUBJECT_REACH = 40


@dataclass(frozen=True, slots=True)
class Claim:
    """A claimant of a sentence: who, their side, where named, and the span they speak for.

    ``side_only`` marks a side named without a speaker ("despite Russian claims").
    """

    name: str
    side: str | None
    start: int
    end: int
    scope: tuple[int, int]
    side_only: bool = False


#: What makes an event-less sentence a statement of its own, about what may come, rather
#: than a comment on the events before it: a modal or a condition (not "may": the month).
_STATEMENT_OF_ITS_OWN = re.compile(r"\b(?:would|could|might|will|if|unless)\b", re.I)


def follow_up(sentence: str, named: list[tuple[str, str | None]], previous: list[Event]) -> None:
    """Apply an event-less sentence that comments on the previous one's events.

    "The claim could not be independently verified." makes them claimed; "Kyiv denied
    the claim." makes them contested, with the denier among the claimants; "This was
    reported by the ministry." names who says so.  A denial of what the sentence itself
    tells first ("reports of an evacuation appeared - they were denied") is not about them.
    """
    if not tx.AFTERWORD.search(sentence) and _STATEMENT_OF_ITS_OWN.search(sentence):
        return  # "Putin said the plan could form the basis of a settlement ... if Kyiv rejected it"
    denial = tx.DENIED.search(sentence)
    if denial is not None and tx.TRIGGER_ANY_CI.search(sentence, 0, denial.start()):
        denial = None  # it denies the happening told before it in this sentence
    if tx.AFTERWORD.search(sentence):
        for event in previous:
            if event.status == "reported":
                event.status = "claimed"
    elif denial is not None and not tx.NOT_DENIED.search(sentence):
        for event in previous:
            event.status = "contested" if event.claimants else "denied"
            event.claimants.extend(c for c in named if c not in event.claimants)
    elif named:
        for event in previous:
            if not event.claimants:
                event.claimants = list(named)


def party_claims(found: list[Event]) -> None:
    """Make what one side of the war says about the fighting ``claimed``.

    A belligerent's word on its own successes or the enemy's losses (captures, repelled
    assaults, shoot-downs, strikes on the other side) is one party's claim; its report of
    an attack suffered at home (the dead and the damage in its own towns, fighting on its
    own soil: that the enemy is there at all is no boast) and diplomacy are not.
    """
    for event in found:
        if event.status != "reported" or event.event_type == tx.DIPLOMACY or event.admitted:
            continue
        if event.modality != "actual":  # a demand or a threat is said, not claimed
            continue
        sides = {side for _, side in event.claimants if side in tx.WAR_SIDES}
        if any(name == at.SOURCE for name, _ in event.claimants):
            event.status = "claimed"  # an unnamed source is a hedge
            continue
        if event.sub_type == tx.DISRUPTED_USE:
            event.status = "claimed"  # shoot-downs are counted by the side that shot
            continue
        if not sides:
            continue
        if event.event_type in (tx.EXPLOSION, tx.VIOLENCE) and event.place.country in sides:
            continue  # the victim's own account of a strike
        if event.sub_type == "Armed clash" and event.place.country in sides:
            continue  # fighting on its own soil: the defender admits the enemy is there
        event.status = "claimed"


def find_claims(
    sentence: str,
    low: str | None,
    mentions: list[Mention],
    offset: int,
    speakers: dict[str, tuple[str, str | None]] | None = None,
) -> list[Claim]:
    """Who says what: claimants followed or preceded by an attribution verb, with scope.

    ``speakers`` are the surnames the document gave a title before ("Acting DPR Head
    Denis Pushilin"): "Pushilin said" is that claimant again.
    """
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    n = len(sentence)
    sides: list[Claim] = []  # named claimants first, then sides ("despite Russian claims")
    if "claim" in sentence or "assertion" in sentence:
        for match in at.SIDE_CLAIM.finditer(sentence):
            side = "RU" if match.group(1).lower().startswith(("russ", "mosc")) else "UA"
            name = at.SIDE_NAMES[side]
            sides.append(Claim(name, side, *match.span(), (match.end(), n), side_only=True))
    if search_in(at.ATTRIBUTION_ANY, sentence, low) is None:  # nobody says anything here
        return sides
    candidates: list[tuple[int, int, str, str | None]] = []
    for match in at.CLAIMANT_ANY.finditer(sentence):
        who, party = at.CLAIMANT_NAMES[str(match.lastgroup)]  # every group is named
        candidates.append((match.start(), match.end(), who, party))
    for surname, (who, party) in (speakers or {}).items():
        if surname in sentence:
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence):
                candidates.append((match.start(), match.end(), who, party))
    for mention in mentions:  # metonyms as speakers: "Washington said"
        if mention.role == "metonym" and mention.place is not None:
            country = mention.place.country
            candidates.append((mention.start - offset, mention.end - offset, mention.text, country))
    for start, end, name, party in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        after = at.ATTRIBUTION_AFTER.match(sentence, end)
        before = search_in(at.ATTRIBUTION_BEFORE, sentence, low, max(0, start - 30), start)
        if after is not None:
            tail = sentence[after.end() :].strip(" .,\"'”")
            scope = (0, start) if start > 0 and len(tail) < 3 else (after.end(), n)
            if sentence[:start].rstrip().endswith(","):  # "..., X said (on Sunday, using ...)"
                short = len(tail) < 25 or sentence[after.end() :].lstrip().startswith(",")
                scope = (0, start) if short else (after.end(), n)
        elif start <= 3 and at.ATTRIBUTION_COLON.match(sentence, end):  # "Ministry: ..."
            scope = (end, n)
        elif (
            not sentence[end:].strip(" .\n")
            and at.ATTRIBUTION_DASH.search(sentence, 0, start)
            and not tx.DATELINE.match(sentence)
        ):
            scope = (0, start)  # "Two attacks repelled - Russian Defence Ministry"
        elif before is not None:
            rest = sentence[end:].strip(" .,\"'”")
            said = before.group().lower()
            if "accord" in said or "cit" in said or said.rstrip().endswith(("by", "of", "from")):
                scope = (0, n)
            elif (
                not rest
                or sentence[end:].lstrip().startswith(",")  # "..., said X."
                or before.group().rstrip().lower().endswith(" by")  # "This was reported by X"
            ):
                scope = (0, before.start())
            else:
                continue
        else:
            continue
        taken.append((start, end))
        out.append(Claim(name, party, start, end, scope))
    return out + sides


#: The person's name a titled claimant ends with: "Acting DPR Head Denis Pushilin".
_TITLED_NAME = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][a-z]{2,})$")
#: What any such name holds somewhere in its sentence (a cheap test before the long search).
_ANY_NAME = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]{2}")


def remember_speakers(
    sentence: str, claims: list[Claim], speakers: dict[str, tuple[str, str | None]]
) -> None:
    """Note the surname of each titled person of a side, for when it speaks again alone.

    The title need not come with a verb of saying: "Acting DPR Head Ivan Petrenko visited
    a hospital. ... Petrenko said".
    """
    if _ANY_NAME.search(sentence) is None:
        return  # no first name and surname anywhere: no title can end with one
    titled = [(c.start, c.end, c.name, c.side) for c in claims if not c.side_only]
    for match in at.CLAIMANT_ANY.finditer(sentence):
        titled.append((match.start(), match.end(), *at.CLAIMANT_NAMES[str(match.lastgroup)]))
    for start, end, who, side in titled:
        if side not in tx.WAR_SIDES:
            continue
        name = _TITLED_NAME.search(sentence, start, end)
        if name is not None:
            speakers[name.group(1)] = (who, side)


def still_quoting(fragment: str, quoted: bool) -> bool:
    """Whether a quotation is open after ``fragment``, given whether it was before it."""
    if "\n\n" in fragment:  # a paragraph break closes what a quote left open
        quoted = False
        fragment = fragment.rsplit("\n\n", 1)[1]
    opens = fragment.count("“") + fragment.count("«")
    closes = fragment.count("”") + fragment.count("»")
    if opens != closes:
        return opens > closes
    return quoted != (fragment.count('"') % 2 == 1)


def capturer(
    masked: str, clause_start: int, trigger: Trigger, claimants: list[tuple[str, str | None]]
) -> str | None:
    """The side a capture says took the place.

    "Ukrainian forces retook", "liberated by Russian troops", "Ukrainian units were
    driven out of" (the other side); a liberation without its actor is the claimant's.
    """
    after = re.match(r"\s+by\s+(?:the\s+)?", masked[trigger.end :])
    if after is not None:
        word = at.SIDE_WORD.match(masked, trigger.end + after.end())
        if word is not None:
            return "RU" if word.group(1) else "UA"
    near = max(clause_start, trigger.start - _SUBJECT_REACH)  # the capture's own subject
    words = list(at.SIDE_ACTOR.finditer(masked, near, trigger.end))
    if words:
        side = "RU" if words[-1].group(1) else "UA"
        if at.PASSIVE_BEFORE.search(masked, words[-1].end(), trigger.start):
            side = "UA" if side == "RU" else "RU"
        return side
    if not masked[trigger.start : trigger.end].lower().startswith("liberat"):
        return None
    sides = {side for _, side in claimants if side in tx.WAR_SIDES}  # each liberates for itself
    return sides.pop() if len(sides) == 1 else None


#: A pronoun that makes the speaker the subject: "Russia said it has withdrawn its troops".
_OWN = re.compile(
    r"\b(?:its|our)\s+(?:[\w-]+\s+)?(?:troops|forces|units|soldiers|servicemen|army|military"
    r"|defenders|garrison)\b|\b(?:it|we)\s+(?:has\s+|had\s+|have\s+)?(?:withdr|pull|retreat)",
    re.I,
)


def own_retreat(
    masked: str, clauses: list[tuple[int, int]], triggers: list[Trigger], claims: list[Claim]
) -> str | None:
    """The side that tells of its own withdrawal in the sentence, if one does.

    "Russia said it has withdrawn its troops from Lyman", "Ukraine's army said its units
    pulled back from Avdiivka": what the losing side admits is no boast, so the sentence's
    events are reported, not claimed (:func:`party_claims`).
    """
    sides = {c.side for c in claims if c.side in tx.WAR_SIDES and not c.side_only}
    if len(sides) != 1:
        return None
    speaker = sides.pop()
    for trigger in triggers:
        if trigger.sub_type != "Withdrawal":
            continue
        clause = clause_of(clauses, trigger.start)
        near = max(clause[0], trigger.start - _SUBJECT_REACH)
        side = capturer(masked, clause[0], trigger, [])
        if side == speaker or (side is None and _OWN.search(masked, near, trigger.end)):
            return speaker
    return None


def resolve_claims(
    claims: list[Claim], carried: list[tuple[str, str | None]], sentence: str
) -> list[Claim]:
    """Name the claimants that stand for someone: "the report said", "the ministry said".

    An anaphor ("the report", "he") is the claimant named before it in the sentence ("the
    General Staff said it had noted"), else whoever spoke last in the document; a defence
    ministry without its country belongs to the side the sentence names first, else to
    the side of whoever spoke last.
    """
    out: list[Claim] = []
    for claim in claims:
        if claim.name == at.ANAPHOR_CLAIMANT:
            before = [
                c
                for c in claims
                if c.start < claim.start and not c.side_only and c.name != at.ANAPHOR_CLAIMANT
            ]
            if before:
                named = max(before, key=lambda c: c.start)
                out.append(replace(claim, name=named.name, side=named.side))
                continue
            out.extend(replace(claim, name=name, side=side) for name, side in carried)
        elif claim.name == at.DEFENCE_MINISTRY and claim.side is None:
            side = next((s for _, s in carried if s in tx.WAR_SIDES), None)
            word = at.SIDE_WORD.search(sentence)
            if word is not None:
                side = "RU" if word.group(1) else "UA"
            if side is not None:
                name = f"{'Russian' if side == 'RU' else 'Ukrainian'} defence ministry"
                claim = replace(claim, name=name, side=side)
            out.append(claim)
        else:
            out.append(claim)
    return out


def join_claimants(claimants: list[tuple[str, str | None]]) -> str | None:
    """The claimant column: each name once, a bare side left out when one of it is named."""
    named_sides = {side for name, side in claimants if name not in at.SIDE_NAMES.values()}
    names: list[str] = []
    for name, side in claimants:
        if name in at.SIDE_NAMES.values() and side in named_sides:
            continue  # "Russian claims" when the Russian claimant is named elsewhere
        if name not in names:
            names.append(name)
    return "; ".join(names) if names else None


def denied_triggers(
    sentence: str, low: str | None, clauses: list[tuple[int, int]], triggers: list[Trigger]
) -> set[int]:
    """The triggers (by ``id``) a denial in the sentence denies.

    A denial denies what its own clause tells, else the event told just before it:
    "amid the shelling, reports of an evacuation appeared - they were denied by the
    governor" denies the evacuation, not the shelling.
    """
    if not triggers or search_in(tx.NOT_DENIED, sentence, low) is not None:
        return set()
    out: set[int] = set()
    for denial in find_all(tx.DENIED, sentence, low):
        at = denial.start()
        clause = clause_of(clauses, at)
        inside = [t for t in triggers if clause[0] <= t.start < clause[1]]
        if not inside:
            before = [t for t in triggers if t.start < at]
            after = [t for t in triggers if t.start > at]
            if before:
                inside = [max(before, key=lambda t: t.start)]
            elif after:
                inside = [min(after, key=lambda t: t.start)]
        out.update(id(t) for t in inside)
    return out
