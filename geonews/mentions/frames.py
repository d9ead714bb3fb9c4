"""Word classes the role rules read: which heads, verbs and prepositions make a place an actor.

A place name is an actor ("metonym") or a location ("literal") according to the slot it
fills, and political reporting fills a handful of slots over and over:

* the **agent** of a finite verb ("Russia holds", "Kyiv and its allies insist", "the U.S.
  is prepared to press"), unless the verb says where something is or what happened to it
  (:data:`LOCATIVE_VERBS`, the passive of :data:`AFFECT_VERBS`);
* the **dependent of a head noun**, as a possessive ("Moscow's demands"), a premodifier
  ("Kyiv troops"), a hyphen pair ("Russia-Ukraine talks") or through a preposition
  ("envoys from Ukraine", "a gain for Russia", "talks with Moscow"): the head's class
  decides — :data:`ACTOR_HEADS` make an actor, :data:`PLACE_HEADS` and the attack-target
  heads (:data:`ATTACK_HEADS` + on/against) a location;
* the **object** of a verb that takes a person ("press Russia", "urged Kyiv"), against
  one that takes a place ("struck Kyiv", "visited Moscow");
* a **location** after in/near/outside and the other :data:`SPATIAL_PREPOSITIONS`.

The lists are word classes, not sentences: each holds the common words of its kind in
English news, and every entry must make sense for any place name.
"""

from __future__ import annotations

__all__ = [
    "ACTOR_HEADS",
    "ACTOR_PREDICATES",
    "AFFECT_VERBS",
    "AGENTIVE_ADJECTIVES",
    "ATTACK_HEADS",
    "FACILITY_WORDS",
    "LOCATIVE_VERBS",
    "PLACE_HEADS",
    "RELATION_HEADS",
    "SPATIAL_PREPOSITIONS",
    "TERRITORIAL_TITLES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Heads whose possessor, premodifier or of/from-complement is an actor: people and bodies
#: that act for a state, what a state wants, decides, owns as a power or does.
ACTOR_HEADS = _words(
    """
    administration administrations adviser advisers advisor advisors agencies agency aggression
    aid aims allies ally ambassador ambassadors ambitions ambition approval armed armies army
    arsenal assistance attorney authorities backers backing behalf blessing blueprint budget
    bureau cabinet campaign capabilities chancellor chancellery claim claims commander
    commanders commitment commitments complicity concessions conditions consent constitution
    consul consulate control counterpart counterparts counteroffensive counter-offensive court
    decision decisions defence defense delegate delegates delegation delegations demand demands
    denial deputies deputy diplomacy diplomat diplomats draft economy elections election embassy
    emissary emissaries envoy envoys exports failure foreign forces formula gains gain general
    generals government governments guarantees guarantee guarantor guilt head influence initiative
    intelligence intentions interest interests invasion involvement justice law laws leader
    leaders leadership legislature memorandum military militia militias minister ministers
    ministry mission navy negotiator negotiators objections offer offers officer officers official
    officials ombudsman parliament partner partners peacekeepers plan plans pledge pledges policy
    policies position positions premier president presidency pressure priorities priority
    proposal proposals propaganda prosecutor prosecutors protection proxies proxy rejection
    reparations representative representatives request requests resolve response retaliation
    regime refusal role sanctions secretary security senate service services side sides soldiers
    sovereignty spokesman spokeswoman spokesperson stance strategy support supporters team
    terms terrorists threat threats troops ultimatum units victory view views vision vote
    warplanes warships withdrawal affairs battalion battalions brigade brigades regiment
    regiments division divisions corps fleet guard advance advances retreat losses agency
    independence force permission anyone someone nobody everyone police chief chiefs
    """
)

#: Heads whose dependent is where they are: parts, surroundings and contents of a place.
PLACE_HEADS = _words(
    """
    airport airports airspace area areas beaches border borders bridge bridges buildings capital
    centre center cities city coast coastline countryside district districts downtown east edge
    environs frontier heart heartland hinterland hospitals houses inhabitants interior landscape
    locals mountains neighbourhood neighbourhoods neighborhood neighborhoods north oblast outskirts
    part parts people periphery population port ports province provinces railway rear region
    regions residents rest river rivers roads schools shore skies soil south streets suburb suburbs
    territory territories towns villages weather west outskirt climate streets metro
    """
)

#: Heads of an attack: their dependent ("the Kursk attack", "strikes on Ukraine") is the target.
ATTACK_HEADS = _words(
    """
    airstrike airstrikes assault assaults attack attacks barrage bombardment bombardments bombing
    bombings incursion incursions invasion missiles drones offensive offensives operation
    operations raid raids shelling strike strikes blast blasts explosion explosions
    """
)

#: Heads that relate two actors: a hyphen pair or "between X and Y" before them is two actors.
RELATION_HEADS = _words(
    """
    accord agreement alliance backchannel backchanneling ceasefire conflict consultations contacts
    cooperation deal detente dialogue dispute exchange exchanges feud framework meeting meetings
    negotiations pact partnership peace rapprochement relations relationship rift rivalry row
    spat standoff summit swap talks tensions thaw ties trade treaty truce war wars
    """
)

#: Titles of a region's or a city's own officials: "the Belgorod Governor" names a territory.
TERRITORIAL_TITLES = _words(
    """
    governor governors mayor mayors gubernatorial regional municipal city
    """
)

#: Words of a facility's name: "Kursk Nuclear Power Plant" is a place in Kursk.
FACILITY_WORDS = _words(
    """
    airbase airfield airport base bay bridge cathedral church dam depot factory harbour harbor
    hospital hotel institute maritime monastery museum nuclear oil plant port power railway
    refinery school shipyard square stadium station street terminal university works
    """
)

#: Adjectives whose subject is an agent: "Russia was ready to", "the U.S. is prepared to".
AGENTIVE_ADJECTIVES = _words(
    """
    able adamant afraid dependent reliant angry anxious aware bound capable careful committed
    concerned confident determined eager engaged entitled firm furious guilty happy hesitant
    interested involved keen
    likely obliged open opposed poised prepared ready reluctant responsible right satisfied
    serious set sincere unable unhappy unlikely unwilling willing worried wrong
    """
)

#: Nouns after "is a/the ...": "Europe was a reliable ally" is an actor.
ACTOR_PREDICATES = _words(
    """
    aggressor ally belligerent champion enemy friend guarantor leader mediator member partner
    party player sponsor supporter
    """
)

#: Verbs whose subject is a location, not an agent: "Kyiv lies on the Dnipro".
LOCATIVE_VERBS = _words(
    """
    be been being is are was were lie lies lay lying border borders bordered bordering neighbour
    neighbours neighbor neighbors sit sits sat stand stands stood stretch stretches stretched
    remain remains remained house houses housed boast boasts saw seen witness witnessed
    experience experienced suffer suffers suffered wake wakes woke awoke shake shakes shook
    tremble trembled burn burns burned burning flood floods flooded freeze froze swelter
    sweltered plunge plunged fall falls fell fallen come came contain contains include
    includes cover covers span spans
    """
)

#: Verbs whose object is a place, and whose past participle after a place is a passive
#: ("Kyiv hit by missiles"): with no object after it, the place is what was affected.
AFFECT_VERBS = _words(
    """
    attacked battered bombarded bombed captured cut damaged destroyed devastated encircled
    engulfed flattened hammered hit liberated occupied overrun plunged pounded retaken rocked
    ruined seized shaken shelled stormed struck surrounded taken targeted
    """
)

#: Prepositions after which a place is where something is.
SPATIAL_PREPOSITIONS = _words(
    """
    in near at outside across into inside around over toward towards through within throughout
    along off via onto behind beneath above below beyond past underneath amid amidst among
    """
)
