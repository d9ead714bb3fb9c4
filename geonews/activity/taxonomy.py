"""Event taxonomy and the lexicons that detect events, places, status and modality.

The taxonomy follows ACLED's event types so that analysts can compare counts,
plus a ``Diplomacy`` type that ACLED folds into Strategic developments but that
war reporting is full of.

===================================  =============================================
geonews event_type / sub_type        ACLED event type / sub-event type
===================================  =============================================
Battles / Armed clash                Battles / Armed clash
Battles / Government regains         Battles / Government regains territory (a
territory                            country's forces retake its own ground)
Battles / Non-state actor overtakes  Battles / Non-state actor overtakes territory
territory                            (a capture with fighting at the place)
Explosions/Remote violence /         Explosions/Remote violence /
Shelling/artillery/missile attack    Shelling/artillery/missile attack
Explosions/Remote violence /         Explosions/Remote violence / Air/drone strike
Air/drone strike                     (drones, aircraft or glide bombs alone; when
                                     missiles are named too, the missile attack)
Explosions/Remote violence /         Explosions/Remote violence / Remote
Remote explosive/landmine/IED        explosive/landmine/IED (bombs, mines, a blast
                                     with no weapon fired named)
Violence against civilians / Attack  Violence against civilians / Attack
Violence against civilians /         Violence against civilians /
Abduction/forced disappearance       Abduction/forced disappearance
Protests / Peaceful protest          Protests / Peaceful protest
Protests / Protest with              Protests / Protest with intervention
intervention                         (protesters detained, dispersed, beaten)
Strategic developments /             Battles / Government regains territory or
Claimed capture                      Non-state actor overtakes territory once
                                     confirmed; Strategic developments / Other
                                     while only claimed
Strategic developments / Withdrawal  Strategic developments / Other
Strategic developments / Advance     Strategic developments / Other
Strategic developments /             Strategic developments / Other
Troop movement
Strategic developments /             Strategic developments /
Non-violent transfer of territory    Non-violent transfer of territory
Strategic developments /             Strategic developments /
Disrupted weapons use                Disrupted weapons use (interceptions,
                                     shoot-downs, defusals)
Strategic developments / Agreement   Strategic developments / Agreement
Strategic developments / Arrests     Strategic developments / Arrests (held by
                                     police or a security service, no protest told)
Strategic developments / Closure     Strategic developments / Other (a strait,
                                     airspace, port or crossing closed)
Strategic developments / Evacuation  Strategic developments / Other
Strategic developments /             Strategic developments / Other
Emergency declared                   (a state of emergency, martial law, curfew)
Strategic developments /             Strategic developments / Other (an army's
Munitions detonated                  own munitions going off, no attack told)
Strategic developments /             Strategic developments / Looting/property
Property destruction                 destruction (a dam breached, no attack told)
Strategic developments / Threat      not coded by ACLED; kept, always with
                                     ``modality="conditional"``
Diplomacy / Talks                    Strategic developments / Agreement (or Other)
Diplomacy / Visit                    Strategic developments / Other
===================================  =============================================

The trigger words for each sub-type are in :data:`TRIGGERS`; the words of attribution
and the claimants are in :mod:`geonews.activity.attribution`.

ACLED codes a capture only once it is established; geonews keeps every capture
claim as ``Strategic developments / Claimed capture`` with ``status="claimed"``
(or ``"contested"`` when the text disputes it), which is what analysts filter on.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "ACLED",
    "EVENT_STATUSES",
    "EVENT_TYPES",
    "MODALITIES",
    "PRECISIONS",
    "SUB_TYPES",
]

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Strategic developments",
    "Diplomacy",
)
#: Event statuses, from undisputed to disputed (the map draws them solid to dotted).
EVENT_STATUSES = ("reported", "claimed", "contested", "denied")
MODALITIES = ("actual", "future", "conditional", "hypothetical")
PRECISIONS = ("settlement", "region", "country", "area")

BATTLE = "Battles"
EXPLOSION = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTEST = "Protests"
STRATEGIC = "Strategic developments"
DIPLOMACY = "Diplomacy"

SHELLING = "Shelling/artillery/missile attack"
REMOTE = "Remote explosive/landmine/IED"
AIR = "Air/drone strike"
DISRUPTED_USE = "Disrupted weapons use"
REGAINS = "Government regains territory"
#: The two sides of the war, as claimant sides and as country codes.
WAR_SIDES = ("RU", "UA")

#: (event_type, sub_type) -> (ACLED event type, ACLED sub-event type).
ACLED = {
    (BATTLE, "Armed clash"): ("Battles", "Armed clash"),
    (BATTLE, "Government regains territory"): ("Battles", "Government regains territory"),
    (BATTLE, "Non-state actor overtakes territory"): (
        "Battles",
        "Non-state actor overtakes territory",
    ),
    (EXPLOSION, SHELLING): ("Explosions/Remote violence", SHELLING),
    (EXPLOSION, AIR): ("Explosions/Remote violence", AIR),
    (EXPLOSION, REMOTE): ("Explosions/Remote violence", REMOTE),
    (VIOLENCE, "Attack"): ("Violence against civilians", "Attack"),
    (VIOLENCE, "Abduction/forced disappearance"): (
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (PROTEST, "Peaceful protest"): ("Protests", "Peaceful protest"),
    (PROTEST, "Protest with intervention"): ("Protests", "Protest with intervention"),
    (STRATEGIC, "Claimed capture"): ("Strategic developments", "Other"),
    (STRATEGIC, "Withdrawal"): ("Strategic developments", "Other"),
    (STRATEGIC, "Advance"): ("Strategic developments", "Other"),
    (STRATEGIC, "Troop movement"): ("Strategic developments", "Other"),
    (STRATEGIC, "Non-violent transfer of territory"): (
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (STRATEGIC, "Disrupted weapons use"): ("Strategic developments", "Disrupted weapons use"),
    (STRATEGIC, "Agreement"): ("Strategic developments", "Agreement"),
    (STRATEGIC, "Arrests"): ("Strategic developments", "Arrests"),
    (STRATEGIC, "Closure"): ("Strategic developments", "Other"),
    (STRATEGIC, "Emergency declared"): ("Strategic developments", "Other"),
    (STRATEGIC, "Munitions detonated"): ("Strategic developments", "Other"),
    (STRATEGIC, "Evacuation"): ("Strategic developments", "Other"),
    (STRATEGIC, "Property destruction"): ("Strategic developments", "Looting/property destruction"),
    (STRATEGIC, "Threat"): ("Strategic developments", "Other"),
    (DIPLOMACY, "Talks"): ("Strategic developments", "Agreement"),
    (DIPLOMACY, "Visit"): ("Strategic developments", "Other"),
}
SUB_TYPES = tuple(sub for _, sub in ACLED)

_I = re.IGNORECASE


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", _I)


# -- triggers ---------------------------------------------------------------------------
_PASSAGES = (
    r"(?:airspace|straits?|ports?|airports?|border crossings?|checkpoints?|crossing points?"
    r"|waterways?|(?:sea|shipping) lanes)"
)
#: What a closure closes, when the text names it: "closed its airspace", "shut the port".
PASSAGE = _words(_PASSAGES)
AIR_WEAPONS = _words(
    r"drones?|UAVs?|Shaheds?|Gerans?|air ?strikes?|airstrikes?|air raids?|(?:glide|aerial|guided)"
    r" bombs?|bomb(?:ed|ing|ings)|kamikaze|debris|KABs?|FABs?|UMPKs?"
)
#: What says the sky was attacked when a blast's weapon is not named: "explosions were
#: heard, air defence is working".
AIR_DEFENCE = _words(r"air defen[cs]e|anti-aircraft|air (?:raid )?(?:alert|sirens?)")
SHELL_WEAPONS = _words(
    r"missiles?|rockets?|artillery|shell(?:ed|ing|s)?|mortars?|ballistic|Iskanders?|Kinzhals?"
    r"|MLRS|HIMARS|barrages?|bombardments?|bombarded|cluster munitions?"
    r"|inflicted (?:fire )?(?:damage|losses|defeat)|fire (?:attacks?|damage|strikes?|raids?)"
    r"|fired (?:on|at|upon)|opened fire (?:on|at)"
)
GROUND = _words(r"troops|forces|infantry|soldiers|units|assault groups?|fighters|brigades?|tanks")
#: What is planted rather than fired: a blast with these is a remote explosive.
PLANTED = _words(
    r"(?:truck|car|roadside|improvised) bombs?|bombs? (?:planted|hidden)|IEDs?|landmines?|mines?"
    r"|explosive devices?|explosives|sabotage|saboteurs"
)
#: Police action against protesters: "Protest with intervention".
INTERVENTION = _words(
    r"detain(?:ed|s)?|arrest(?:ed|s)?|dispers(?:ed|e)|tear gas|rubber bullets|beat(?:en)?"
    r"|water cannons?|riot police"
)
CIVILIANS = _words(r"civilians?|residents|villagers|prisoners|POWs|detainees")

#: Weapons stopped before they hit: shoot-downs, interceptions, defusals (ACLED's
#: "Disrupted weapons use"); first in :data:`TRIGGERS`, so it wins at its position.
DISRUPTED = _words(
    r"shot down|shoot(?:s|ing)? down|downed|downing|intercept(?:ed|ion|ions|s|ing)?"
    r"|neutrali[sz](?:ed|ing)|defus(?:ed|ing)|defuse|(?:disarmed|disabled|defused) (?:an? |the )"
    r"(?:bomb|mine|explosive device|device)"
    r"|(?:repel(?:led|ling|s)?|repuls(?:ed|ing)|repulsion of|thwart(?:ed|ing)?|foil(?:ed|ing)?)"
    r" (?:an? |the )?(?:\w+ ){0,2}?(?:air|aerial|drone|UAV|missile|sea drone|naval drone)"
    r" (?:attacks?|assaults?|raids?|strikes?)"
    r"|(?:destroyed|destroying|eliminated|knocked out) (?:\w+ ){0,4}?(?:drones|UAVs|missiles"
    r"|Shaheds|unmanned (?:aerial|surface) vehicles|(?:guided )?rockets|glide bombs|aerial bombs"
    r"|sea drones|(?:unmanned|uncrewed) boats)"
    # the passive: "11 drones were destroyed", "the drone attack was repelled"
    r"|(?:drones|UAVs|missiles|Shaheds|rockets|(?:drone|missile|air|aerial|UAV) (?:attacks?"
    r"|raids?|strikes?))(?: (?:\w+,? ){0,5}?|,[^,.;]{1,60}, )"  # or ", this time on X, was"
    r"(?:was|were|had been|has been|have been) (?:\w+ )?"
    r"(?:destroyed|eliminated|neutrali[sz]ed|repelled|repulsed|thwarted|foiled)"
)
#: Words that say a weapon got through after all ("debris damaged a house"): a clause with
#: them keeps its strike alongside the interception.
IMPACT = _words(
    r"damag(?:ed|ing)|kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|explosions?|blasts?|fires?"
    r"|debris|fragments|hit|struck|destroyed (?:a|an|the|several|two|three) (?:house|home|building"
    r"|car|vehicle)s?"
)

#: (pattern, event_type, sub_type); "generic" sub_types are settled from context.
TRIGGERS: list[tuple[re.Pattern[str], str, str]] = [
    (DISRUPTED, STRATEGIC, "Disrupted weapons use"),
    (
        _words(
            r"clash(?:es|ed)?|fighting|fought|fierce fight(?:s|ing)?|battl(?:e|es|ed|ing)"
            r"|firefights?|skirmish(?:es)?|repel(?:led|s)?|repuls(?:ed|es)|storm(?:ed|ing|s)?"
            r"|defeated|routed"
            r"|counter-?attacks?|counter-?offensive|combat|engaged"
            # ISW and General Staff: "continued offensive operations near X", "assaults near X"
            r"|(?:offensive|assault|ground) (?:operations|actions|attacks?)"
            r"|(?<!sexual )assaults?(?!\s+(?:rifles?|weapons?|vehicles?|boats?|craft|charges?"
            r"|ladders?|helicopters?|aircraft|course))"
        ),
        BATTLE,
        "Armed clash",
    ),
    (AIR_WEAPONS, EXPLOSION, AIR),
    (SHELL_WEAPONS, EXPLOSION, SHELLING),
    # "the villages were also affected", "two civilians were killed in X": what the
    # previous sentence reported, here too
    (
        _words(
            r"(?:were|was|been)\s+(?:\w+\s+)?(?:affected|targeted|damaged)"
            r"|(?:came|come|comes|coming) under (?:fire|attack|shelling)|under fire"
            r"|(?:were|was|been)\s+(?:\w+\s+)?(?:killed|injured|wounded)"
        ),
        "",
        "follow-on",
    ),
    (
        _words(
            r"attack(?:s|ed)?|assaults?|assaulted|strikes?|struck|hit"
            # a side's losses told at a place: "the main losses were suffered near X"
            r"|suffered (?:\w+ ){0,2}?(?:losses|casualties)"
            r"|(?:losses|casualties) (?:[\w-]+ ){0,6}?(?:were|was) (?:suffered|sustained)"
        ),
        "",
        "generic",
    ),
    # a blast without its weapon named: settled from the sentence and the text before
    (_words(r"explosions?|blasts?|exploded|detonat(?:ed|ion|ions)"), "", "explosion"),
    (
        _words(r"executed|execution|tortur(?:ed|e)|shot dead|summarily killed|raped"),
        VIOLENCE,
        "Attack",
    ),
    (
        _words(
            r"abduct(?:ed|ion|s)?|kidnapp?(?:ed|ing)|deport(?:ed|ation)|forcibly (?:taken|moved)"
        ),
        VIOLENCE,
        "Abduction/forced disappearance",
    ),
    (
        _words(r"protest(?:s|ed|ers|ing)?|rall(?:y|ies|ied)|demonstrat(?:ion|ions|ors|ed)|picket"),
        PROTEST,
        "Peaceful protest",
    ),
    # a security service or police holding someone, no protest told (that is an intervention)
    (
        _words(r"detain(?:ed|s|ing)?|arrest(?:ed|s|ing)?|apprehend(?:ed|s|ing)?"),
        STRATEGIC,
        "Arrests",
    ),
    (
        _words(
            r"captur(?:ed|e|es|ing)|seiz(?:ed|e|es|ure|ing)"
            r"|t(?:ook|aken|ake|aking) (?:full )?control"
            r"|(?:has|had|have)\s+(?:already\s+)?fallen|fell to|liberat(?:ed|ion|e|es|ing)"
            r"|overr(?:an|un)|(?:has|had|have)\s+(?:\w+\s+)?taken(?!\s+to\b)|retook|retaken"
            r"|recaptur(?:ed|e|es|ing)|took(?!\s+(?:to|part|place|off|over|office)\b)"
            r"|regain(?:ed|s|ing)? (?:full )?control"
            r"|(?:pushed|drove|driven|forced|ousted|expelled)\s+(?:\w+\s+){0,3}?out\s+of"
        ),
        STRATEGIC,
        "Claimed capture",
    ),
    (
        _words(
            r"withdr(?:ew|awn|awals?|aw|aws|awing)|retreat(?:ed|s|ing)?|pull(?:ed|ing) (?:back|out)"
            r"|pull-?(?:back|out)s?"
            # "Ukrainian commanders have left the city", "the garrison fled"
            r"|(?:troops|forces|commanders|units|soldiers|servicemen|fighters|garrison)"
            r" (?:have |has |had )?(?:already |long |reportedly )?(?:left|fled|abandoned)"
        ),
        STRATEGIC,
        "Withdrawal",
    ),
    (
        _words(
            r"advanc(?:ed|es|ing|e)|gain(?:ed|s)? ground"
            r"|push(?:ed|ing) (?:forward|(?:on |ahead )?towards?)"
            r"|entered|enter(?:ing|s)?|broke into|pushed into|br(?:eak|oke|eaking|eaks) through"
            r"|push(?:ed|es|ing)? across|thrust(?:s|ing)? (?:into|across|towards?)"
            r"|improv(?:ed|ing) (?:their |its )?(?:tactical )?positions?"
            r"|(?:grind|grinding|press|pressing|push|pushing|inch|inching|creep|creeping)"
            r"\s+(?:forward|ahead|on)\b"
            r"|(?:press(?:ed|es|ing)?|inch(?:ed|es|ing)?|mov(?:ed|es|ing))"
            r"\s+(?:(?:forward|on|ahead)\s+)?towards?\b|clos(?:ed|es|ing) in on\b"
        ),
        STRATEGIC,
        "Advance",
    ),
    (
        _words(
            r"deploy(?:ed|ment|s)?|redeploy(?:ed|ing|ment)|reinforcements?|massing|amass(?:ed|ing)"
            r"|build-?up|(?:moved|sent|transferred|massed|brought in) (?:about |some |nearly |more"
            r" than |up to )?(?:[\d,]+ )?(?:\w+ )?(?:troops|soldiers|units|forces|reinforcements)"
            # troops put ashore or dropped: "the landing of special forces on the cape"
            r"|(?:amphibious|airborne|naval) landings?|landing of (?:\w+ ){0,3}?(?:troops|forces"
            r"|marines|paratroopers|commandos|units)|(?:troops|forces|marines|commandos) landed"
        ),
        STRATEGIC,
        "Troop movement",
    ),
    # a crossing into the other side's land by ground forces is fighting there
    (
        _words(r"incursions?|cross-border raids?|infiltrat(?:e|ed|es|ing|ion)"),
        BATTLE,
        "Armed clash",
    ),
    # what a government declares for a place at war: "a state of emergency was declared"
    (
        _words(
            r"(?:declared|declares|introduced|imposed|announced) (?:an? |the )?(?:\w+ )?"
            r"(?:state of emergency|martial law|curfew|emergency regime)"
            r"|(?:state of emergency|martial law|curfew|emergency regime) (?:was |has been"
            r" |had been |is )?(?:declared|introduced|imposed)"
        ),
        STRATEGIC,
        "Emergency declared",
    ),
    # an army's own munitions going off: the defender's account of a blast, no attack told
    (
        _words(
            r"(?:munitions|ammunition|ammo)(?: \w+){0,2}? (?:detonated|exploded|went off)"
            r"|detonation of (?:the )?(?:\w+ )?(?:munitions|ammunition)"
        ),
        STRATEGIC,
        "Munitions detonated",
    ),
    # what the war closes to passage: a strait, airspace, a port, a crossing; the verb
    # alone ("blocked Bosphorus") only when a strait or sea follows it
    (
        _words(
            r"(?:clos(?:ed|es|ing|ure of)|block(?:ed|ing|ade of)|shut(?:ting)?(?: down)?"
            r"|seal(?:ed|ing) off)(?: off| down)?(?: (?:the|its|their|all|access to))?"
            r"(?: [\w-]+){0,2}? "
            + _PASSAGES
            + r"|(?:closed|blocked|closure of|blockade of)(?= (?:the )?[\w-]+)"
        ),
        STRATEGIC,
        "Closure",
    ),
    # people moved out of harm's way; where they are taken is no event place
    (_words(r"evacuat(?:ed|ion|ions|ing|e)"), STRATEGIC, "Evacuation"),
    # a dam or a bridge brought down with no attack told: property destroyed
    (
        _words(
            r"(?:destruction|collapse|breach(?:ing)?|blowing up|bursting) of (?:the )?"
            r"(?:[\w-]+ ){0,3}?(?:dam|dike|dyke|reservoir)"
            r"|(?:dam|dike|dyke) (?:was |has been |had been )?(?:destroyed|breached|blown up"
            r"|collapsed|burst)"
        ),
        STRATEGIC,
        "Property destruction",
    ),
    (
        _words(r"handed over|hand over|ced(?:e|ed|ing)"),
        STRATEGIC,
        "Non-violent transfer of territory",
    ),
    (
        _words(r"threat(?:en)?(?:ed|s)?\s+(?:\w+\s+){0,2}?to|vow(?:ed|s)?\s+to|ultimatum"),
        STRATEGIC,
        "Threat",
    ),
    (
        _words(
            r"agreed (?:(?:in|at) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? )?(?:on|to)"
            r"|reached (?:an |a |the )?(?:agreement|deal|accord)"
            r"|(?:an |the )?agreement (?:on|was reached|was signed)"
            r"|signed (?:an? |the )?(?:agreement|deal|accord|memorandum)"
        ),
        STRATEGIC,
        "Agreement",
    ),
    (
        _words(
            r"talks|negotiat(?:ions?|ed|ing)|met|meet(?:s|ing|ings)?|summit|consultations"
            r"|discuss(?:ed|es|ions?)?|rounds? of talks"
        ),
        DIPLOMACY,
        "Talks",
    ),
    (
        _words(
            r"visit(?:ed|s|ing)?|arriv(?:ed|es|ing)|trip to|travel(?:l?ing|s|l?ed)? (?:on )?to"
            r"|head(?:ed|ing) to|flew to|fly to|tour of|stop(?:s|ped)? in"
            r"|(?:is|was|are|were) expected in"
        ),
        DIPLOMACY,
        "Visit",
    ),
]
#: All triggers in one pattern for lower-cased text (group ``t<i>`` is ``TRIGGERS[i]``):
#: one scan per sentence; the leftmost match wins, at one position the earlier entry.
#: Matching lower-cased text without IGNORECASE is several times faster in ``re``.
_INNER = [pattern.pattern.removeprefix(r"\b(?:").removesuffix(r")\b") for pattern, _, _ in TRIGGERS]
TRIGGER_ANY = re.compile(
    r"\b(?:" + "|".join(f"(?P<t{i}>{inner.lower()})" for i, inner in enumerate(_INNER)) + r")\b"
)
#: The same, case-insensitive, for text whose lower-casing changes its length.
TRIGGER_ANY_CI = re.compile(TRIGGER_ANY.pattern, _I)
TRIGGER_KINDS = {f"t{i}": (event_type, sub) for i, (_, event_type, sub) in enumerate(TRIGGERS)}

#: Phrases that look like triggers but are not events.
NOT_TRIGGERS = _words(
    r"(?:end|halt|stop|freeze) (?:to )?the (?:fighting|war)|in advance of"
    r"|advance(?:d)? (?:notice|talks)|met with (?:resistance|criticism|scepticism|skepticism)"
    r"|hit (?:back|out)|(?:deal|agreement|bargain|balance|compromise)\s+(?:\w+\s+){0,3}?struck"
    r"|struck (?:a|an|the) (?:deal|agreement|balance|chord|note|tone)"
    r"|deployment (?:points?|sites?|areas?|bases?)|points? of temporary deployment"
    r"|\w+-(?:carrying|capable)|air defen[cs]e"
    # what a base or a weapon is known for is background, not an event
    r"|(?:used|involved|employed|known|role) (?:in|for) (?:[\w'’]+[- ]){0,4}?(?:strikes|attacks"
    r"|raids|operations"
    r"|shelling|bombardments?)"
    # people are captured or taken, not places
    r"|(?:get|gets|got|getting|be|being) captured|taken (?:prisoner|captive|hostage)"
    r"|captur(?:ed|ing|e) (?:\d+ |several |two |three |a group of )?(?:\w+ )?(?:soldiers"
    r"|servicemen|prisoners|troops|fighters|militants|mercenaries|POWs)"
    # what a source left out did not happen by its word: "did not report any fighting near X"
    r"|(?:did|does|do|has|have|had) not (?:yet )?(?:report|mention)(?:ed)? (?:on )?(?:any |the )?"
    r"(?:[\w-]+ ){0,2}?[\w-]+"
    # talks that failed to agree agreed nothing: "ended without an agreement"
    r"|without (?:an? |any )?(?:\w+ )?(?:agreement|deal|accord)s?"
    # what serves an evacuation is no evacuation: "a drone hit an evacuation van"
    r"|evacuation (?:vans?|vehicles?|bus(?:es)?|convoys?|trains?|cars?|crews?|teams?|points?"
    r"|cent(?:re|er)s?|hubs?|routes?|deals?|plans?|talks|agreements?)"
    r"|(?:the|an?|its|their) (?:newly )?evacuated"
    # an official at the scene of an attack is no diplomatic visit
    r"|visit(?:ed|s|ing)? (?:the )?(?:scene|site of|wounded|injured|victims)"
    # talks stopped, or a process rather than a meeting: "suspend EU accession talks"
    r"|(?:suspend|halt|freez|froze|call(?:ed)? off|break(?:s|ing)? off|broke off|pull(?:ed|s)? out"
    r" of|walk(?:ed|s)? out of|cancel)\w* (?:\w+ ){0,3}?(?:talks|negotiations|meetings?|summit)"
    r"|accession (?:talks|negotiations)"
)

# -- status ---------------------------------------------------------------------------------
CONTESTED = re.compile(
    r"\bdespite\b[^.;]*\bclaims?\b|\bdisputed\b|\bcontested\b|\bcontradict\w*"
    r"|\bconflicting (?:reports|claims|accounts)\b",
    _I,
)
DENIED = _words(r"den(?:y|ied|ies)|rejected|refuted|dismissed|false|fake")
#: Phrases with denial words that do not deny.
NOT_DENIED = _words(r"neither confirm\w* nor den\w*|(?:confirm|den)\w* or den\w*")
NEGATION = re.compile(r"\b(?:not|never|no|neither)\s+(?:\w+\s+){0,2}$", _I)
HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|said to have|claim(?:s|ed|ing)?|unverified"
    r"|suggest(?:s|ed)|appear(?:s|ed)? to|seem(?:s|ed)? to|(?:are|is|were|was) believed to"
    r"|neither confirmed nor denied|did not (?:independently )?(?:confirm|verify)"
    r"|(?:has|have|had|did) not (?:yet )?(?:commented|comment)"
    r"|unconfirmed|no independent confirmation"
    r"|could not (?:be )?(?:independently )?(?:verif|confirm)\w*"
    r"|(?:was|were|has|have|had) not (?:been )?(?:independently )?(?:verif|confirm)\w*)\b",
    _I,
)
#: A side's own word for a capture: "liberated Kirovo", "the liberation of Artemovsk" is the
#: capturer's claim whoever else the sentence names (reporters write "took", "captured").
LIBERATED = re.compile(r"liberat", _I)
#: Hedges that can stand alone in the sentence after the claim ("This could not be verified.").
AFTERWORD = re.compile(
    r"\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*"
    r"|(?:was|were|has|have|had) not (?:been )?(?:independently )?(?:verif|confirm)\w*"
    r"|no independent confirmation|unverified|unconfirmed)\b",
    _I,
)

# -- modality -------------------------------------------------------------------------------
FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are|was|were) (?:due|set|scheduled|expected|planning|going|to)"
    r"|plans? to|planned to|intends? to|upcoming|later this (?:week|month)"
    # an order or a decision names what is to be done, not what was: "ordered the withdrawal"
    r"|order(?:s|ed)?|decid(?:e|es|ed) to)\b|'ll\b",
    _I,
)
CONDITIONAL = re.compile(
    r"\b(?:threat(?:en)?(?:ed|s)? to|vow(?:ed|s)? to|warn(?:ed|s)?|if|unless"
    r"|demand(?:ed|s)?|ultimatum|should|in case|in the event|insist(?:s|ed|ing)? that"
    r"|call(?:s|ed|ing)? (?:on|for)|urg(?:es|ed|ing)|want(?:s|ed)? (?:\w+ )?to"
    # pressure on someone to do it: "pressed Washington not to", "pressing Kyiv to accept";
    # "force Ukraine into ceding" (not "pressed on to the outskirts")
    r"|press(?:es|ed|ing)? (?!on\b|ahead\b|forward\b)\w+(?: \w+)? (?:not )?to"
    r"|(?:forc|pressur|coerc)(?:e|ing) (?:\w+ ){1,3}?into(?= +$)"
    r"|(?:push|pushing|compel|compelling) (?:\w+ ){1,3}?into(?= +$))\b",
    _I,
)
#: A condition anywhere in the clause: "Russian forces could advance if the front breaks".
IF_CLAUSE = re.compile(r"\b(?:if|unless|should (?:\w+ )?(?:fail|refuse|reject))\b", _I)
#: What could or would happen, or is only aimed at: "could advance", "would be a victory",
#: "the goal is the liberation of".
#: Right before a noun trigger, what the clause waits for: "ahead of the president's
#: visit to Washington", "in the run-up to the summit" (the visit has not happened yet).
AHEAD_OF = re.compile(
    r"\b(?:ahead of|in the run-up to|in preparation for|preparations? for)"
    r"\s+(?:[\w-]+(?:'s|’s)?\s+){0,3}$",
    _I,
)
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|may|might|can|potential(?:ly)?|possible|possibility|risk of"
    r"|hopes? (?:for|of)"
    r"|(?:goal|aim|priority|objective|task|intention|ambition|dream)s?\b[^.;]{0,40}?"
    r"\b(?:is|was|remains|of|to)|seek(?:s|ing)? to|aim(?:s|ed|ing)? (?:to|at)"
    # "no point in talking about a withdrawal": a topic, not a happening
    r"|(?:talk|talking|speak|speaking) (?:of|about))\b",
    _I,
)
#: "were forced to withdraw", "managed to enter": what the clause says was done, not planned.
DONE_TO = re.compile(
    r"\b(?:forced|had|managed|able|began|started|continued|went on|moved)\s+to\s*$", _I
)
#: "tried to break through", "an attempt to attack": the attempt happened.
ATTEMPT = re.compile(r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ied|ies|ying)|bid)\s+to\s+$", _I)
#: The verb after a noun or gerund trigger: "the meeting is expected to", "capturing X would
#: be"; close by, with no clause between.
VERB_AFTER = re.compile(
    r"[^,;.]{0,50}?\b(?:(?P<would>would|could|might)\s+(?:be|represent|mark|give|mean|open"
    r"|allow|deal|bring|become)|(?:is|are) (?:expected|due|scheduled|set|planned|going) to"
    r"|will (?:be|take place|start|begin|resume)"
    # "the liberation of X is an unconditional priority": an aim, not a claim
    r"|(?P<aim>(?:is|was|remains|are|were) (?:\S+ ){0,3}?(?:priority|goal|aim|objective|task"
    r"|priorities|goals|aims|objectives|tasks)))\b",
    _I,
)

# -- clauses, places ------------------------------------------------------------------------
CLAUSE_BREAK = re.compile(
    r"[,;:]\s+(?=(?:after|before|while|whereas|but|as|when|following|despite|although|though"
    r"|which|who|where|killing|wounding|injuring|according"
    # a second verb phrase of the same subject: "captured X, and are pressing towards Y"
    r"|and\s+(?:are|is|were|was|have|has|had|then|later|now))\b)|;|\s[—–]\s|\s--\s|\bbut\b"
    # without a comma, a second verb of the front: "liberated X and continued their
    # offensive towards Y", "captured X and pushed on towards Y"
    r"|\s(?=and\s+(?:continued|continue|continues|pushed|pressed|moved|began|launched"
    r"|resumed|went on)\b)",
    _I,
)
#: Clauses that describe a place named in the sentence rather than add a new event.
DESCRIPTIVE_CLAUSE = re.compile(
    r"(?:which|where|who|whose|known|formerly|also called|as the (?:town|city|village) is)\b",
    _I,
)
#: In a descriptive clause, what gives the place described another name ("which Moscow
#: calls Krasnoarmeysk"): a place named after it is that place again; any other place the
#: clause names ("which connects the Sea of Azov to the Black Sea") is only geography.
NAMING = re.compile(
    r"\b(?:call(?:s|ed)?|known|formerly|renamed|also|name[ds]?|spelt|spelled|in Russian"
    r"|in Ukrainian)\b[^,;]{0,25}$",
    _I,
)
#: Place mentions right after these are topics or titles, not where something happened.
TOPIC_BEFORE = re.compile(
    r"(?:\b(?:war|conflict|peace|invasion|crisis|ceasefire|truce|deal|plan|settlement|aid"
    r"|support)\s+(?:in|on|over|for|with|against|to|between)\s+(?:the\s+)?"
    r"|\b(?:talks|negotiations|agreement|accord|summit|meeting|consultations|discussions?"
    r"|deal|focus|return|future|fate|status|compromises?|concessions?)"
    r"\s+(?:on|over|about|regarding|of"
    r"|concerning)\s+(?:the\s+)?(?:(?:occupied|eastern|western|southern|northern)\s+)?"
    # "open to compromise over the contested eastern region of Donbas"
    r"(?:(?:[a-z-]+\s+){0,2}?(?:region|oblast|province|territory|territories)\s+of\s+)?"
    r"|\b(?:beyond|regarding|concerning)\s+(?:the\s+)?"
    # "Stepnohirsk, a town in Ukraine's Zaporizhzhia region": what the town is in
    r"|\b(?:a|an|the)\s+(?:\w+\s+)?(?:town|city|village|settlement|port|hamlet|district)"
    r"\s+in\s+(?:the\s+)?(?:\w+(?:'s|’s)\s+)?"
    r"|\b(?:envoy|ambassador|minister|president|leader|delegation|negotiators?|officials?)"
    r"\s+(?:to|of|for|from)\s+(?:the\s+)?"
    r"|\b(?:governor|mayor|head)\s+of\s+(?:the\s+)?"
    # owners and seats: "the seat of the administration of Kherson", "the Fleet of Russia"
    r"|\b(?:administration|government|authorities|regime|parliament|[Ff]leet|state|seat)"
    r"\s+of\s+(?:the\s+)?"
    r"|\b(?:with|between|by)\s+(?:the\s+)?"
    # "against" a rival or an accused, not a target: "the goal against Norwich"
    r"|\b(?:goals?|match|game|wins?|victory|defeat|vote|case|lawsuit|sanctions|measures"
    r"|campaign|crimes?|aggression|struggle|protests?|charges)\s+against\s+(?:the\s+)?"
    r"|\b(?:anyone|someone|people|delegates|refugees)\s+from\s+(?:the\s+)?)$",
    _I,
)
#: Place mentions after these are reference points ("a village northwest of Lyman", "25 km
#: from Kyiv", "pushed west from Toretsk"): kept only when the sentence names no other place.
REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|\bborders?\s+of"
    r"|\b(?:km|kilomet(?:re|er)s?|miles)"
    r"\s+(?:\w+\s+)?(?:from|of)|\bfrom|\bbordering|\bon\s+the\s+border\s+with"
    r"|\b(?:on\s+the|en)\s+(?:way|road|route)\s+to)\s+(?:the\s+)?$",
    _I,
)
#: Where people are taken is no event place: "evacuees were taken to Mykolaiv and other
#: cities, including Odesa", "residents have been evacuated to Zaporizhzhia"; the
#: evacuation is where they left.  The match ends where the destinations begin.
DESTINATION = re.compile(
    r"\b(?:evacuat\w*|taken|relocated|transported|bus(?:s)?ed)\b"
    r"(?:(?!\bfrom\b)[^.;]){0,80}?\b(?:to|into)\b",
    _I,
)
#: "from": where a list of destinations stops ("taken to Kharkiv from Kupiansk").
FROM = re.compile(r"\bfrom\b", _I)
#: A clause that sums up a stretch of the war rather than tells a happening: "Ukraine has
#: in recent months stepped up attacks in the Black Sea", "is not known to have launched
#: an attack on Crimea since the invasion began".
TREND = re.compile(
    r"\b(?:in|over|during) (?:the )?(?:recent|past|last) (?:few |several )?(?:months|years)\b"
    r"|\bsince the (?:start|beginning|outbreak) of the (?:war|invasion|conflict)\b"
    r"|\bsince the (?:[\w-]+ ){0,2}?invasion (?:began|started)\b|\bnot known to have\b",
    _I,
)
#: A region or country right after these is only the address of places the text leaves
#: unnamed: "two villages in Ukraine's Donetsk region", "a Russian airbase in Crimea".
ADDRESS_BEFORE = re.compile(
    r"\b(?:villages?|towns?|settlements?|communities|localities|locations|hamlets|positions"
    r"|air ?bases?|airfields?|bases?|plants?|refinery|refineries|depots?|facilit(?:y|ies))"
    r"\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?$",
    _I,
)
#: Where a weapon set off from is no event place ("a missile launched from Russia's Kursk
#: region", "launched the drones from Cape Chauda in occupied Crimea", "shelled Nikopol across
#: the river from occupied Enerhodar"): ACLED codes where it lands. The place follows
#: "from" with no target ("at", "on", "towards") between.
ORIGIN_BEFORE = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|fired|took off|taking off|lifted off|shell(?:ed|s|ing)"
    r"|bombard(?:ed|s|ing)|struck)\b"
    r"(?:(?!\b(?:at|on|against|towards?|into|targeting)\b)[^.;]){0,60}?\bfrom\s+"
    r"(?:(?!\b(?:at|on|against|towards?|into|targeting)\b)[^.;]){0,40}$",
    _I,
)
MODIFIER_AFTER = re.compile(
    r"(?:'s)?[\s-]+(?:envoys?|officials?|plan|president|delegations?|negotiators?|proposals?"
    r"|drafted|brokered|backed|led|based|made|special|secretary|administration|government"
    r"|military|forces|troops|army|navy|air force|leaders?|governor|mayor|war|conflict"
    r"|crisis|peace|talks|meeting|summit|negotiations|issue|question|settlement)\b"
    r"|'s\s+(?:\w+\s+){0,2}?(?:minister|president|leader|officials?|government|army|military"
    r"|forces|troops|navy|envoys?|delegation|spokes\w+|command|ministry|allies|air force"
    r"|general staff)\b"
    r"|(?:-[\w-]+)?\s+(?:highway|road|motorway|railway|direction|directions|axis|sector)\b"
    r"|\s+and\s+[A-Z][\w.]*\s+(?:officials|delegations?|negotiators|envoys|leaders|forces|troops)",
    _I,
)
#: A country or capital that does something is the state acting, not a place: "Kyiv retook
#: swathes of territory", "Russia launched drones"; one that suffers it stays a place
#: ("Kyiv was shelled", "Kyiv came under attack", "Kyiv saw heavy shelling").
ACTOR_VERB = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?"
    r"(?!(?:came|come|comes|saw|sees|faced|faces|suffered|suffers|endured|experienced|woke"
    r"|remained|remains|is|was|were|are|been|lies|lay|heard|needs|needed)\b)"
    r"(?:\w+ed|said|says|retake|retook|took|takes|struck|strikes|hit|hits|launched|launches"
    r"|fired|fires|sent|sends|stepped|wants|insists|claims|began|begins|built|drew|shot|won)\b"
)
#: A preposition of place right before a name: the name is where, not who ("a
#: bombardment across Ukraine killed 39" has no Ukraine acting).
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|over|on|at|into|throughout|inside|within|against)\s+(?:the\s+)?$", _I
)
#: Demonym + target noun: "Ukrainian targets" implies an event in Ukraine.  Not the
#: army's own "positions" or "front line": Russian positions lie in occupied Ukraine.
IMPLIED = re.compile(
    r"\b(?:on|at|against|into|across|targeting|targeted|hit|struck|shelled|attacked|bombed)"
    r"\s+(?:the\s+|several\s+|many\s+|other\s+)?(Ukrainian|Russian|Belarusian|Moldovan|Polish|Georgian)\s+(?:energy\s+|military\s+"
    r"|civilian\s+|border\s+|port\s+)?(?:targets?|cities|towns|villages|regions|territory"
    r"|infrastructure|facilities|grid|airfields?|soil|settlements)\b",
    _I,
)
DEMONYM_COUNTRY = {
    "ukrainian": "Ukraine",
    "russian": "Russia",
    "belarusian": "Belarus",
    "moldovan": "Moldova",
    "polish": "Poland",
    "georgian": "Georgia",
}
#: A wire dateline at the top of a dispatch or a claim: "DONETSK, 31 March - RIA Novosti."
#: (the agency files the story; it claims nothing), "KYIV, Dec 2 (Wire) -".
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’\-]{2,},\s")
#: What follows the place of a dateline further into a text ("MOSCOW (Sputnik) -",
#: "DONETSK, Nov. 14", "TIANJIN /China/"), when the place is written in capitals.
DATELINE_TAIL = re.compile(r"\s*(?:,|\(|/|[-–—])")
ANAPHOR = re.compile(
    r"\b(?:the|that|this) (?:(town|city|village|settlement|hamlet|locality)"
    r"|(region|oblast|province))\b(?!['’]s\b)|\bthere\b",  # "the region's health ministry": its
    _I,
)

#: The name that follows an anaphor's noun: "the village of Pervomaiskoye" names a village,
#: which is the last one named only if the name is the same.
NAMED_AFTER = re.compile(r"\s+of\s+([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)")
#: A settlement the text names by its kind: "the village of Kotlyne", "the town of X".  When
#: the gazetteer lacks the name, the event is there, and no reference point stands in for it.
NAMED_SETTLEMENT = re.compile(
    r"\b(?:village|town|city|settlement|hamlet)\s+of\s+([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)"
)

# -- quantities -----------------------------------------------------------------------------
_NUM_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
NUMBER_WORDS = {word: i + 1 for i, word in enumerate(_NUM_WORDS)}
QUANTITY = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_NUM_WORDS) + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(missiles?|drones?|rockets?|shells?|bombs?|munitions|UAVs?|strikes|attacks|people"
    r"|civilians|soldiers|troops|children|servicemen|residents|assaults)\b",
    _I,
)
#: Quantity nouns that count people or attacks (used only when no munitions are counted).
PEOPLE = frozenset(
    (
        "people", "civilians", "soldiers", "troops", "children", "servicemen", "residents",
        "assaults", "attacks", "strikes",
    )
)  # fmt: skip


@functools.cache
def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same case-insensitive pattern, for text that has already been lower-cased.

    ``re`` runs several times faster on lower-cased text without IGNORECASE (see
    :func:`geonews.activity.clauses.search_in`).
    """
    source = pattern.pattern
    if re.search(r"\\[SWDBAZ]|\(\?P", source):  # escapes whose meaning lower() would change
        raise ValueError(f"cannot lower-case pattern {source[:40]!r}")
    return re.compile(source.lower(), pattern.flags & ~re.IGNORECASE)
