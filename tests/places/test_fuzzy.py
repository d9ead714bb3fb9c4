"""Spelling tolerance: misspellings reach their place, near misses and rivals do not."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, process

from geonews.errors import UnknownPlace
from geonews.places import fuzzy
from geonews.places.designators import core_of
from geonews.places.fuzzy import FLOOR, sound_key, tolerant_matches
from geonews.places.gazetteer import default_gazetteer
from geonews.places.names import skeleton
from geonews.places.resolver import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Bakhtmut", "Bakhmut"),  # a letter too many
        ("Lysekhansk", "Lysychansk"),  # kh for ch, e for y
        ("Kreminnaya", "Kreminna"),  # the Russian ending
        ("Chassiv Yar", "Chasiv Yar"),  # a doubled letter
    ],
)
def test_misspelling_reaches_its_place(resolver, spelling, expected):
    place = resolver.resolve(spelling)
    assert place.name == expected
    assert place.matched.split(":")[0] in {"fuzzy", "fold", "edit"}


def test_a_loose_match_must_look_like_the_name(resolver):
    # the romanisation key of "Kreminnaya" (k-r-m-n) is shared by towns that sound nothing
    # like it; only the one spelt alike is an answer
    assert resolver.resolve("Kreminnaya").admin1 == "Luhansk"


def test_near_miss_under_the_floor_is_unresolved_with_its_reason(resolver):
    # one wrong consonant in eight letters from Rogatin is too far (Robotyne, the village
    # meant, is not in the gazetteer)
    with pytest.raises(UnknownPlace, match=r"spelt like it|% alike"):
        resolver.resolve("Rabotino")


def test_two_names_as_alike_are_no_answer():
    gz = default_gazetteer()
    found = tolerant_matches(gz, "spirny", {"UA": 3.0, "RU": 1.6})
    assert found.rowids == {} and found.reason


def test_loose_match_far_from_the_war_needs_a_well_known_city(resolver):
    # a village of central Russia is no reading of a Ukrainian village's name
    assert resolver.get("Zmiivka") is None
    assert resolver.unresolved_reason("Zmiivka")


def test_common_words_and_people_stay_unresolved(resolver):
    for word in ("Kitchen", "Putin", "Zelensky", "Tuesday", "Reply"):
        assert resolver.get(word) is None, word


def test_sound_key_folds_romanisations():
    assert sound_key("Scherbynivka") == sound_key("Shcherbynivka")
    assert sound_key("Guliaypole") == sound_key("Huliaipole")
    assert FLOOR > 85


@pytest.mark.parametrize(
    ("foreign", "english"),
    [
        # German: sch for both zh and sh, tsch for ch, dsch for dzh, w for v, j for y
        ("Saporischschja", "Zaporizhzhia"),
        ("Tschassiw Jar", "Chasiv Yar"),
        ("Dschankoj", "Dzhankoi"),
        ("Lyssytschansk", "Lysychansk"),
        # French: tch for ch, dj for dzh, ou for u, i for y
        ("Tchassiv Iar", "Chasiv Yar"),
        ("Sudja", "Sudzha"),
        ("Iassynouvata", "Yasynuvata"),
    ],
)
def test_sound_key_folds_german_and_french_romanisations(foreign, english):
    assert sound_key(foreign) == sound_key(english)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Tschassiw Jar", "Chasiv Yar"),
        ("Tchassiv Iar", "Chasiv Yar"),
        ("Zaporischschja", "Zaporizhzhia"),
        ("Sudja", "Sudzha"),
    ],
)
def test_foreign_romanisation_reaches_its_place(resolver, spelling, name):
    assert resolver.resolve(spelling).name == name


def test_the_folds_keep_different_sounds_apart():
    # "sch" is zh or sh, never ch; a French "ch" (sh) stays unlike an English "ch"
    assert sound_key("Schakhtarsk") != sound_key("Chakhtarsk")
    assert sound_key("Tschernihiw") == sound_key("Chernihiv")


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("people republic of donetsk", "donetsk"),
        ("the peoples republic of luhansk", "luhansk"),
        ("lugansk republic", "lugansk"),
        ("donetsk popular republic", "donetsk"),
        ("republic", None),
        ("kramatorsk", None),
    ],
)
def test_republic_core(name, core):
    assert core_of(name) == core


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Donetsk Republic", "iso3166-2:UA-14"),
        ("People Republic of Donetsk", "iso3166-2:UA-14"),
        ("Lugansk Republic", "iso3166-2:UA-09"),
        ("Lugansk People Republic", "iso3166-2:UA-09"),
    ],
)
def test_republic_names_are_their_region(resolver, name, region):
    place = resolver.resolve(name)
    assert (place.id, place.kind, place.matched) == (region, "region", "republic")


def _small_name_list(edit_keys):
    return fuzzy._names({}, {}, edit_keys, fuzzy._near_filter(edit_keys))


@pytest.mark.parametrize(
    "query",
    [
        "pokrvosk",  # neighbours swapped
        "pokrosk",  # a letter left out
        "pokrowsk",  # a letter wrong
        "pokrovvsk",  # a letter added
        "pokrovsak",  # a vowel before the last consonant
        "pokrovsz",  # a wrong last consonant
        "kurakhovee",  # the last letter doubled
        "kurakhov",  # a letter taken off the end: no edit
        "nowherevillage",  # nothing near at all
        "bakhmut gate",  # a space inside
    ],
)
def test_known_edits_find_what_every_spelled_out_edit_finds(query):
    # the filter of near names only skips edits that can find nothing
    keys = frozenset({"pokrovsk", "kurakhove", "bakhmut", "bakhmut rate", "kramatorsk"})
    names = _small_name_list(keys)
    assert fuzzy._known_edits(query, names) == fuzzy._edits(query) & keys


def test_filter_of_near_names_holds_every_key_less_one_letter():
    names = _small_name_list(frozenset({"kramatorsk"}))
    held = ["kramatorsk"[:j] + "kramatorsk"[j + 1 :] for j in range(1, 10)]
    assert all(names.may_hold(text) for text in held)
    assert sum(names.may_hold(f"zzz{i}yyy") for i in range(200)) < 10  # almost empty


def test_filter_of_near_names_answers_many_probes_at_once():
    names = _small_name_list(frozenset({"kramatorsk"}))
    probes = ["zzz1yyy", "kramtorsk", "zzz2yyy", "kamatorsk"]
    assert names.holding(probes) == [i for i, p in enumerate(probes) if names.may_hold(p)]
    assert {1, 3} <= set(names.holding(probes))


_SOUNDS = {
    "pakravsk": [1],
    "pakravska": [2],
    "pakrafsk": [3],
    "pakravi": [4],
    "parkavsk": [5],
    "pakravskii": [6],
    "bahmut": [7],
    "bahmuta": [8],
    "bahmat": [9],
    "lisihansk": [10],
    "liskansk": [11],
    "pakrav": [12],
    "aliksandrapalskaia": [13],  # out of reach of the short ones
}


@pytest.mark.parametrize(
    "sound", ["pakravsk", "pakravska", "pakrovsk", "bahmuta", "bahmutu", "lisihanska", "pakraua"]
)
def test_same_start_check_agrees_with_a_scan_of_every_key_starting_alike(sound):
    names = fuzzy._names(_SOUNDS, {}, frozenset(), b"\0" * (fuzzy._FILTER_BITS // 8))
    cutoff = fuzzy.FOLD_FLOOR - fuzzy.AMBIGUITY_GAP
    near = process.extract(
        sound, names.by_start.get(sound[:2], ()), scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
    )
    expected = any(fuzzy._ends_agree(sound, other) for other, _, _ in near)
    assert fuzzy._near_same_start(sound, names) is expected


@pytest.mark.parametrize("sound", ["pakravsk", "bahmut", "lisihanska", "pakravskiii", "pak"])
def test_scan_within_reach_finds_what_a_scan_of_every_key_finds(sound):
    names = fuzzy._names(_SOUNDS, {}, frozenset(), b"\0" * (fuzzy._FILTER_BITS // 8))
    cutoff = fuzzy.FOLD_FLOOR - fuzzy.AMBIGUITY_GAP

    def scan(keys):
        found = process.extract(sound, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=3)
        return [(other, sim) for other, sim, _ in found]

    assert len(fuzzy._within_reach(len(sound), names)) < len(names.keys)
    assert scan(fuzzy._within_reach(len(sound), names)) == scan(names.keys)
    assert scan(fuzzy._letters_in_reach(sound, names)) == scan(names.keys)


def test_letter_bound_keeps_every_key_the_scan_can_find():
    # keys one to four letters from each other: the cut-off falls among them
    import random

    rnd = random.Random(5)
    base = ["pakravsk", "bahmut", "lisihansk", "kastiantinivka", "sivirsk", "uhlidar"]
    sounds = {}
    for word in base:
        for _ in range(60):
            chars = list(word)
            for _ in range(rnd.randint(0, 4)):
                i = rnd.randrange(len(chars))
                chars[i : i + rnd.randint(0, 1)] = rnd.choice(["", "a", "s", "k", "1", "ii"])
            sounds.setdefault("".join(chars) or word, [len(sounds)])
    names = fuzzy._names(sounds, {}, frozenset(), b"\0" * (fuzzy._FILTER_BITS // 8))
    cutoff = fuzzy.FOLD_FLOOR - fuzzy.AMBIGUITY_GAP
    pruned = 0
    for sound in [*list(sounds)[::3], "pakrausk", "bahmutt", "zzzzzzz"]:
        kept = fuzzy._letters_in_reach(sound, names)
        window = fuzzy._within_reach(len(sound), names)
        pruned += len(window) - len(kept)
        found = process.extract(sound, window, scorer=fuzz.ratio, score_cutoff=cutoff, limit=40)
        again = process.extract(sound, kept, scorer=fuzz.ratio, score_cutoff=cutoff, limit=40)
        assert [(k, s) for k, s, _ in again] == [(k, s) for k, s, _ in found], sound
    assert pruned > 0  # the bound cuts something


def test_sound_key_steps_give_what_the_rules_give_one_after_another():
    import random

    from geonews.places.fuzzy import _sound_key_by_rules

    rnd = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz  chtszkgjoueiy"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 16))) for _ in range(20_000)]
    words += ["Tschassiw Jar", "Dschankoj", "Saporischschja", "ckh", "ttsch", "Szczecin", "Phoox"]
    words = [w for w in words if w.strip()]
    assert [sound_key.__wrapped__(w) for w in words] == [_sound_key_by_rules(w) for w in words]


def test_kept_loose_key_rows_are_the_index_rows_of_places_the_match_can_keep():
    # the spelling step reads these instead of seeking the index: the same row ids, in
    # the same order (most populous first), for every loose key a kept place has
    import random

    gz = default_gazetteer()
    names = fuzzy._war_names(gz)
    useful = names.own.keys() | names.known
    skeletons = [s for (s,) in gz._db.execute("SELECT skel FROM skeletons")]
    sample = random.Random(3).sample(skeletons, 3000)
    sample += [skeleton(n) for n in ("Rabotino", "Kreminnaya", "Bakhmut", "Ugledar", "Madrid")]
    for skel in sample:
        expected = [r for r in gz.skeleton_matches(skel) if r in useful]
        assert [int(r) for r in names.skeleton_rows.get(skel, "").split()] == expected, skel
    assert sum(bool(names.skeleton_rows.get(s)) for s in sample) > 100
