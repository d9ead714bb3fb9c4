"""Strategic developments war reporting tells without a shot: closures, evacuations, a dam
breached, withdrawals noted, troops landed; and incursions, debris that hits a house.

Every sentence here is written for these tests, in the style of wire copy and of
military statements.
"""

import pytest

from geonews.activity import events

DAY = "2025-11-20"


def rows(text: str) -> list[tuple[str, str, str]]:
    frame = events(text, date=DAY)
    return [(row.place_name, row.sub_type, row.modality) for row in frame.itertuples()]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Turkey closed the Bosphorus to warships on Monday.", "Bosphorus"),
        ("Moldova said it had closed its airspace near Chisinau for three hours.", "Chisinau"),
    ],
)
def test_a_passage_closed_is_a_closure(text, place):
    assert rows(text) == [(place, "Closure", "actual")]


def test_a_town_blocked_by_troops_is_no_closure():
    text = "Russian units blocked Lysychansk from the south after heavy fighting."
    assert [sub for _, sub, _ in rows(text)] == ["Armed clash"]


def test_an_evacuation_is_where_people_left_not_where_they_went():
    text = (
        "Around 300 people were evacuated from Kupiansk and taken to Kharkiv and other cities,"
        " including Poltava."
    )
    assert rows(text) == [("Kupiansk", "Evacuation", "actual")]


def test_an_evacuation_bus_is_no_evacuation():
    text = "A Russian drone hit an evacuation bus near Kupiansk on Monday."
    assert [sub for _, sub, _ in rows(text)] == ["Air/drone strike"]


def test_a_dam_breached_is_property_destroyed():
    text = "The breach of the Kakhovka dam flooded dozens of villages on Tuesday."
    assert [sub for _, sub, _ in rows(text)] == ["Property destruction"]


def test_an_incursion_is_fighting_and_a_potential_one_is_not_done():
    assert rows("The incursion into the Kursk region began on Tuesday, the governor said.") == [
        ("Kursk Region", "Armed clash", "actual")
    ]
    text = "Kupiansk could become a potential springboard for further incursions."
    assert [modality for _, _, modality in rows(text)] == ["hypothetical"]


def test_debris_that_damages_a_house_is_the_strike_there():
    text = "Russian troops shelled Toretsk. Debris later damaged a shop in Kostiantynivka."
    assert ("Kostiantynivka", "Air/drone strike", "actual") in rows(text)


def test_troops_landed_are_a_troop_movement():
    text = "Ukrainian intelligence released a video of the landing of special forces near Kherson."
    assert rows(text) == [("Kherson", "Troop movement", "actual")]


def test_withdrawals_noted_by_the_general_staff_are_its_claim():
    text = (
        "The Ukrainian General Staff said it had noted withdrawals of Russian troops around"
        " Chernihiv and Sumy."
    )
    frame = events(text, date=DAY)
    assert list(frame.sub_type) == ["Withdrawal", "Withdrawal"]
    assert set(frame.claimant) == {"Ukraine's General Staff"}
    assert set(frame.status) == {"claimed"}


def test_the_village_of_a_new_name_is_not_the_last_village():
    text = (
        "Russian troops shelled Toretsk. Drone debris damaged a shop in the village of Zzyzxovka."
    )
    assert [place for place, _, _ in rows(text)] == ["Toretsk"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kyiv's claims of taking control of Sudzha could not be verified.", "Claimed capture"),
        ("Ukrainian forces pushed across the Oskil River on Tuesday.", "Advance"),
        ("Last week its forces thrust into the Kharkiv region.", "Advance"),
        ("Russian units are pressing towards Kostiantynivka from the east.", "Advance"),
        ("Russian troops are closing in on Kupiansk, the analysts wrote.", "Advance"),
        ("Ukrainian saboteurs tried to infiltrate the Bryansk region overnight.", "Armed clash"),
        ("A state of emergency was declared in the Kursk region on Wednesday.",
         "Emergency declared"),
        ("Several aviation munitions detonated at an airfield near Saky, the ministry said.",
         "Munitions detonated"),
    ],
)  # fmt: skip
def test_how_reporting_words_a_development(text, kind):
    assert [sub for _, sub, _ in rows(text)] == [kind]


def test_commanders_who_left_a_town_withdrew_from_it():
    text = "Ukrainian commanders have left the town of Kupiansk, a Russian lawmaker said."
    assert rows(text) == [("Kupiansk", "Withdrawal", "actual")]
    assert list(events(text, date=DAY).status) == ["claimed"]


def test_losses_suffered_near_a_village_are_fighting_there():
    text = "The main losses of the Ukrainian forces were suffered near Vuhledar, the ministry said."
    assert rows(text) == [("Vuhledar", "Armed clash", "actual")]


def test_a_second_verb_of_the_same_subject_is_a_clause_of_its_own():
    # "captured Myrnohrad, and are pressing towards Pokrovsk": Pokrovsk was not captured
    text = "Russian units captured Myrnohrad, and are pressing towards Pokrovsk, analysts said."
    assert sorted(sub for _, sub, _ in rows(text)) == ["Advance", "Claimed capture"]
    assert dict((place, sub) for place, sub, _ in rows(text))["Pokrovsk"] == "Advance"


def test_a_second_verb_without_a_comma_is_a_clause_of_its_own_too():
    # the liberated village is missing from the gazetteer: Krasnoarmeysk (Pokrovsk), the
    # offensive's goal, is no capture
    text = (
        "Units of the Center group have liberated the settlement of Berdychi and continued"
        " their offensive towards Krasnoarmeysk, the ministry said."
    )
    assert ("Pokrovsk", "Claimed capture") not in [(p, s) for p, s, _ in rows(text)]
    text = "Russian forces captured Myrnohrad and pushed on towards Pokrovsk."
    assert dict((place, sub) for place, sub, _ in rows(text)) == {
        "Myrnohrad": "Claimed capture",
        "Pokrovsk": "Advance",
    }


@pytest.mark.parametrize(
    "text",
    [
        "On 19 November 2025, the SBU detained a suspected Russian agent in Odesa.",
        "The FSB said it had arrested a man in Belgorod who was planning sabotage.",
    ],
)
def test_someone_held_by_a_security_service_is_an_arrest(text):
    assert [sub for _, sub, _ in rows(text)] == ["Arrests"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Police detained 20 protesters at a rally in Kyiv.", "Protest with intervention"),
        ("Russian forces detained and tortured civilians in Kherson.", "Attack"),
    ],
)
def test_an_arrest_inside_another_event_of_its_sentence_is_that_event(text, sub):
    assert [s for _, s, _ in rows(text)] == [sub]


def test_ground_regained_is_a_government_regaining_territory():
    text = "On 18 November 2025, Ukrainian forces regained control of Kupiansk."
    assert [sub for _, sub, _ in rows(text)] == ["Government regains territory"]


def test_an_army_s_positions_are_no_country():
    # Russian positions lie in occupied Ukraine: no event in Russia
    text = "Ukrainian forces struck Russian positions near the front with HIMARS."
    assert "Russia" not in [place for place, _, _ in rows(text)]


def test_casualties_told_after_a_strike_are_that_strike_where_they_fell():
    text = "Russian drones attacked Kharkiv overnight. A man was injured in Chuhuiv."
    assert ("Chuhuiv", "Air/drone strike", "actual") in rows(text)
    # told alone, they say nothing of what happened
    assert rows("Two civilians were killed in Kostiantynivka on Monday.") == []


@pytest.mark.parametrize("word", ["direction", "sector"])
def test_a_front_sector_is_no_event_place(word):
    # the General Staff names sectors by a town: the fighting is at the villages
    text = f"In the Pokrovsk {word}, the occupiers attacked 43 times near Selydove."
    assert [place for place, _, _ in rows(text)] == ["Selydove"]
    assert rows(f"Fighting continued in the Pokrovsk {word}.") == []


def test_guided_bombs_by_their_russian_names_are_an_air_strike():
    assert rows("Three KABs hit the centre of Kharkiv, five people were injured.") == [
        ("Kharkiv", "Air/drone strike", "actual")
    ]


def test_blasts_while_air_defence_works_are_an_air_strike():
    # "air defence" reads as a claimant too; the blast is still from the sky
    assert rows("Explosions were heard in Odesa, air defence is working.") == [
        ("Odesa", "Air/drone strike", "actual")
    ]
    assert rows("A landmine exploded near Izium.") == [
        ("Izium", "Remote explosive/landmine/IED", "actual")
    ]


def test_a_blast_that_hit_something_is_what_the_blast_was():
    # no weapon fired is named: "hit" goes with the explosion, not a default shelling
    assert rows("An explosion hit a car in Melitopol.") == [
        ("Melitopol", "Remote explosive/landmine/IED", "actual")
    ]
    assert rows("A Russian missile hit Kharkiv; an explosion was heard.")[0][1] == (
        "Shelling/artillery/missile attack"
    )


def test_an_agreement_with_its_place_between_verb_and_object_is_an_agreement():
    assert rows("The two sides agreed in Riyadh to a maritime ceasefire.") == [
        ("Riyadh", "Agreement", "actual")
    ]
