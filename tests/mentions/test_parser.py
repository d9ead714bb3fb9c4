import pytest

from geonews import InvalidInput
from geonews.mentions.parser import Geoparser, geoparse


def names(text, **kw):
    return [(m.text, m.place.name if m.place else None) for m in geoparse(text, **kw)]


def test_formerly_and_calls_resolve_to_the_same_place():
    text = (
        "Fighting continued in Pokrovsk (formerly Krasnoarmiisk), which Moscow calls Krasnoarmeysk."
    )
    ms = geoparse(text)
    places = {m.text: m.place.id for m in ms}
    assert places["Pokrovsk"] == places["Krasnoarmiisk"] == places["Krasnoarmeysk"]
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_possessive_hyphen_abbreviation_and_cyrillic():
    got = names("Kyiv's allies met U.S. envoys. The Pokrovsk-Myrnohrad area and Покровськ.")
    assert ("Kyiv", "Kyiv") in got
    assert ("U.S.", "United States") in got
    assert ("Pokrovsk", "Pokrovsk") in got and ("Myrnohrad", "Myrnohrad") in got
    assert ("Покровськ", "Pokrovsk") in got


def test_demonyms_and_common_words_are_not_mentions():
    got = names("Ukrainian and Russian officials said much of the European aid was nice.")
    assert got == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The battle for Donetsk airport raged on.",
         ("Donetsk airport", "Donetsk International Airport")),
        ("Shelling near the Zaporizhzhia nuclear plant went on.",
         ("Zaporizhzhia nuclear plant", "Zaporizhzhia Nuclear Power Plant")),
        ("Drones hit Saky airfield overnight.", ("Saky airfield", "Saky air base")),
    ],
)  # fmt: skip
def test_a_facility_named_after_its_town_is_the_facility(text, expected):
    assert names(text)[0] == expected


def test_a_facility_word_after_a_town_without_such_a_facility_leaves_the_town():
    assert names("The Kharkiv station was closed.") == [("Kharkiv", "Kharkiv")]


def test_a_sentence_opener_is_not_a_given_name():
    # "Yet Kiev" is not "Phil Hartley": an adverb before a name does not make it a surname
    assert names("Where was it? Yet Kiev is so good at tapping phones.") == [("Kiev", "Kyiv")]


def test_lower_case_hashtags_of_countries_and_major_places():
    got = names("Rebels again #ukraine #russia #kharkiv #nice #mobile")
    assert got == [("ukraine", "Ukraine"), ("russia", "Russia"), ("kharkiv", "Kharkiv")]


def test_region_forms_and_directions():
    ms = geoparse("Russia wants the rest of the Donetsk region and advances in eastern Ukraine.")
    by_text = {m.text: m.place for m in ms}
    assert by_text["Donetsk"].kind == "region" and by_text["Donetsk"].admin1 == "Donetsk"
    # the toponym is the country, as geoparsing corpora annotate it; the area is its part
    eastern = next(m for m in ms if m.text == "eastern Ukraine")
    assert (eastern.place.name, eastern.place.kind) == ("Ukraine", "country")
    assert (eastern.part.name, eastern.part.kind) == ("eastern Ukraine", "area")


@pytest.mark.parametrize("name", ["North Korea", "West Bank", "South Ossetia", "West Virginia"])
def test_a_compass_word_that_is_part_of_the_name_stays(name):
    (m,) = geoparse(f"Officials in {name} said so.")
    assert m.text == name and m.part is None and m.place.name == name


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Moscow insists the town has fallen.", "Moscow", "metonym"),
        ("Washington denied the report.", "Washington", "metonym"),
        ("Kyiv's allies pledged more air defence.", "Kyiv", "metonym"),
        ("The Kremlin said talks would continue.", "Kremlin", "metonym"),
        ("Talks between Kyiv and Moscow stalled.", "Moscow", "metonym"),
        ("Talks between Kyiv and Moscow stalled.", "Kyiv", "metonym"),
        ("Drones struck Kyiv overnight.", "Kyiv", "literal"),
        ("Envoys met in Moscow on Tuesday.", "Moscow", "literal"),
        ("Clashes continued in Pokrovsk.", "Pokrovsk", "literal"),
    ],
)
def test_roles(text, surface, role):
    (m,) = [m for m in geoparse(text) if m.text == surface]
    assert m.role == role


def test_admin_hint_picks_the_named_oblast():
    # Novoselivka is a village name in many oblasts; the text says which one
    for oblast in ("Zaporizhzhia", "Donetsk", "Poltava"):
        ms = geoparse(f"Russia claimed Novoselivka in the {oblast} region.")
        (m,) = [m for m in ms if m.text == "Novoselivka"]
        assert m.place.admin1 == oblast


def test_document_context_moves_resolution():
    # without context Krasnoarmeysk is Pokrovsk; a text about Saratov oblast says otherwise
    assert names("Krasnoarmeysk")[0][1] == "Pokrovsk"
    ms = geoparse("Krasnoarmeysk, a town in the Saratov region of Russia, held a fair.")
    assert ms[0].place.country == "RU" and ms[0].place.admin1 == "Saratov"


def test_one_resolution_per_surface_form_and_candidates():
    ms = geoparse("Pokrovsk was shelled. Later, Pokrovsk was shelled again.")
    assert ms[0].place == ms[1].place
    assert ms[0].candidates and ms[0].candidates[0].id != ms[0].place.id


def test_pipe_streams_in_order_with_tuples():
    gp = Geoparser()
    texts = [("Shelling hit Kherson.", {"id": 1}), ("Talks in Geneva.", {"id": 2})]
    out = list(gp.pipe(iter(texts), as_tuples=True))
    assert [ctx["id"] for _, ctx in out] == [1, 2]
    assert [ms[0].place.name for ms, _ in out] == ["Kherson", "Geneva"]


def test_pipe_takes_one_text_at_a_time():
    taken = []

    def texts():
        for text in ("Shelling hit Kherson.", "Talks in Geneva.", "Drones over Kyiv."):
            taken.append(text)
            yield text

    out = Geoparser().pipe(texts())
    assert taken == []
    assert next(out)[0].place.name == "Kherson" and len(taken) == 1
    assert [ms[0].place.name for ms in out] == ["Geneva", "Kyiv"]


def test_pipe_batch_size_is_deprecated_and_changes_nothing():
    gp = Geoparser()
    texts = ["Shelling hit Kherson.", "Talks in Geneva."]
    with pytest.warns(DeprecationWarning, match="no effect") as caught:
        out = gp.pipe(texts, batch_size=64)
    assert caught[0].filename == __file__
    assert list(out) == list(gp.pipe(texts))
    with pytest.warns(DeprecationWarning), pytest.raises(InvalidInput, match="at least 1"):
        gp.pipe(texts, batch_size=0)


def test_bad_input():
    with pytest.raises(InvalidInput, match="str"):
        geoparse(42)
    with pytest.raises(InvalidInput, match="characters long"):
        geoparse("x" * 3_000_000)
    with pytest.raises(InvalidInput, match="2024-13-45"):
        geoparse("Kyiv", date="2024-13-45")
    assert geoparse("") == []


def test_date_reads_alias_validity():
    # before the 2016 rename Artemivsk was the town's official name
    old = geoparse("Shelling near Artemivsk.", date="2010-05-01")[0]
    new = geoparse("Shelling near Artemivsk.", date="2024-05-01")[0]
    assert old.place.name == new.place.name == "Bakhmut"
    assert old.matched.endswith("@valid") and not new.matched.endswith("@valid")


def test_us_county_stands_at_the_centre_of_its_zip_codes():
    text = "Deputies in Laurel County searched near London, Ky., and Corbin, Ky., on Monday."
    (county,) = [m for m in geoparse(text) if m.text == "Laurel County"]
    assert county.place.kind == "county" and county.place.admin1 == "Kentucky"
    assert county.place.matched == "name"  # its own point, not one borrowed from the text
    assert 36.9 < county.place.lat < 37.3 and -84.4 < county.place.lon < -83.9
    # Cuyahoga County is around Cleveland, not at the centre of Ohio nor at Cuyahoga Falls
    (county,) = geoparse("Cuyahoga County voters went to the polls.")
    assert 41.3 < county.place.lat < 41.6 and -81.9 < county.place.lon < -81.4


def test_us_county_without_a_point_moves_to_the_text_places_in_its_state():
    # Loving County has no ZIP code of its own
    text = "Deputies in Loving County searched near Pecos, Texas, and Kermit, Texas, on Monday."
    (county,) = [m for m in geoparse(text) if m.text == "Loving County"]
    assert county.place.kind == "county" and county.place.admin1 == "Texas"
    assert county.place.matched.endswith("+text-centroid")
    assert 31.0 < county.place.lat < 32.2 and -104.0 < county.place.lon < -102.8


def test_spacy_pipeline_adds_candidates_the_rules_keep_out():
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra")
    nlp = spacy.blank("en")  # a real pipeline; no statistical model to download
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Much"}])
    text = "The mayor of Much said the town was quiet."
    assert Geoparser()(text) == []  # "Much" is a common word to the rules
    (m,) = Geoparser(nlp=nlp)(text)
    assert m.text == "Much" and m.place.country == "DE"


def test_user_aliases_are_found_in_running_text():
    from geonews import Resolver

    resolver = Resolver(aliases={"Avdeevka coke plant": "geonames:713122"})
    ms = Geoparser(resolver)("Drones hit the Avdeevka Coke Plant overnight.")
    assert [(m.text, m.place.name, m.matched) for m in ms] == [
        ("Avdeevka Coke Plant", "Avdiivka", "alias:user")
    ]


def test_front_named_after_an_oblast_is_the_oblast():
    (m,) = geoparse("Russia moved troops to the Zaporizhzhia front.")[1:]
    assert m.text == "Zaporizhzhia" and m.place.kind == "region"
    (m,) = geoparse("Fighting on the Pokrovsk front.")  # no oblast of that name: the town
    assert m.place.name == "Pokrovsk" and m.place.kind == "settlement"


def test_weak_person_evidence_yields_to_a_prominent_place():
    # "United Russia" looks like a given name and a surname; Russia is still a country
    got = names("Delegates of United Russia met on Monday. Russia holds elections in March.")
    assert got.count(("Russia", "Russia")) == 2


def test_a_word_written_lower_case_is_no_given_name():
    # "Historic" is an adjective here (it is written "historic" too), not a first name
    text = "Crowds filled Historic Yorktown. Yorktown holds a fair; the historic square was busy."
    assert names(text).count(("Yorktown", "Yorktown")) == 2


def test_speech_verb_makes_a_person_unless_a_place_cue_holds():
    text = 'Jordan Dyer was crowned. "It was the best year," Dyer said. Dyer thanked her family.'
    assert [t for t, _ in names(text) if t == "Dyer"] == []
    text = "Jordan Dyer said she loved it. The fair was held in Dyer, Ind., last week."
    (dyer,) = [m for m in geoparse(text) if m.text == "Dyer"]
    assert text[dyer.start - 3 : dyer.start] == "in " and dyer.place.admin1 == "Indiana"
    # a place that speaks is not a town: it stays a (metonymic) mention
    assert [(m.text, m.role) for m in geoparse("Kremlin said talks would go on.")] == [
        ("Kremlin", "metonym")
    ]


def test_abbreviated_names_across_a_full_stop():
    got = names("Flights link Tampa and St. Petersburg. He lives near Greenwood, W. Va., too.")
    assert ("St. Petersburg", "St. Petersburg") in got
    assert ("W. Va.", "West Virginia") in got


def test_a_middle_initial_makes_a_person():
    assert names("George W. Bush visited. Crowds greeted Bush warmly.") == []


def test_dotted_abbreviations_are_not_acronyms():
    got = names("She moved from L.A. to Washington, D.C., last year.")
    assert ("L.A.", "Los Angeles") in got and ("D.C.", "Washington") in got


def test_city_council_names_the_city():
    ms = geoparse("Dublin City Council met on Monday. Kansas City Council met too.")
    assert [m.text for m in ms] == ["Dublin", "Kansas City"]
    # "New York City" is the city's own name, not New York with "City" after it
    assert [m.text for m in geoparse("New York City Council met.")] == ["New York City"]


def test_a_common_word_that_is_a_small_place_needs_a_place_cue():
    assert names("Time and again, she asked. Any delay was ruled out.") == []
    assert names("Forest rangers met the Supreme Court clerk.") == []
    # a cue ("in Forest") or a prominent place (Lincoln, Nebraska) keeps the mention
    assert [t for t, _ in names("Forest rangers in Forest, Ind., met.")] == ["Forest", "Ind."]
    assert names("The council of Lincoln approved the budget.") == [("Lincoln", "Lincoln")]


def test_common_words_come_from_a_frequency_list():
    from geonews.mentions.lexicon import is_common_word

    assert is_common_word("Time") and is_common_word("forest")
    assert not is_common_word("Pokrovsk") and not is_common_word("Meredith")


def test_a_city_that_says_something_is_still_the_city():
    text = "About 55 Gainesville residents marched to say that Gainesville says no to bias."
    assert names(text) == [("Gainesville", "Gainesville")] * 2


def test_a_given_name_before_a_known_surname_or_a_middle_initial():
    text = '"She was kind," Nadia Moayyad said. Ms. Moayyad moved to Texas in 1973.'
    assert [t for t, _ in names(text)] == ["Texas"]
    assert names("In the Honda, driver Virginia L. Lane, 77, was hurt.") == []


def test_a_street_named_after_a_place_is_not_the_place():
    assert names("Water mains broke on Wichita Street. Crews left Wichita Drive at noon.") == []
    # the state's highway patrol and the county's numbered road keep the place
    got = [t for t, _ in names("The Florida Highway Patrol closed Oxford Road 5.")]
    assert got == ["Florida", "Oxford"]


def test_an_abbreviation_written_as_a_word_is_the_word():
    # "ACT" (Australian Capital Territory) and "Mass" (Massachusetts) are words in title case
    assert names("The Clean Air Act passed before Mass on Sunday.") == []
    got = names("Fires burned across the ACT and in Mass., officials said.")
    assert got == [("ACT", "Australian Capital Territory"), ("Mass.", "Massachusetts")]
    assert names("US and UK officials met.") == [("US", "United States"), ("UK", "United Kingdom")]


def test_a_common_word_that_is_a_city_only_by_an_alternate_name_is_the_word():
    # GeoNames lists "Soul" for Seoul and "Drug" for Durg among their alternate names
    assert names("Soul music and Drug policy were on the agenda.") == []
    assert names("Flights to Seoul and Rome resumed.") == [("Seoul", "Seoul"), ("Rome", "Rome")]


def test_a_hyphenated_name_with_a_part_that_is_no_place_is_a_persons_name():
    got = names("Matthew Holder-Wooloff, 15, from Bicester, spoke.")
    assert got == [("Bicester", "Bicester")]  # Holder is a town, Wooloff is not a place
    # a demonym or a party initial beside a place keeps the place
    got = names("Egyptian-US relations cooled. Sen. Robert Ford, D-Charleston, said so.")
    assert [t for t, _ in got] == ["US", "Charleston"]


def test_longer_capitals_are_acronyms_unless_a_place_has_that_name():
    # "AMLO" is only an alternate spelling of Amloh (India); DPRK is a country's, KYIV a name
    got = names("AMLO met the DPRK delegation. KYIV: drones struck overnight.")
    assert got == [("DPRK", "North Korea"), ("KYIV", "Kyiv")]


def test_a_title_that_ends_a_sentence_is_no_title():
    # "envoy." ends the sentence; "Gen." is an abbreviated title before a name
    assert names("He met the envoy. Kyiv was quiet.") == [("Kyiv", "Kyiv")]
    assert names("Gen. Kherson spoke.") == []


def test_region_named_often_outweighs_a_region_named_once():
    # Jackson, Mississippi is the bigger Jackson; a text about Georgia that mentions one
    # Mississippi town in passing means Jackson, Georgia
    text = (
        "Schools in Jackson reopened. In Georgia, the state board met in Atlanta; Georgia "
        "teachers in Athens and Macon agreed, though a Biloxi district did not."
    )
    by_text = {m.text: m.place for m in geoparse(text)}
    assert by_text["Jackson"].admin1 == "Georgia"
    assert by_text["Biloxi"].admin1 == "Mississippi"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # Paris, Tennessee among its neighbours, not Paris, France
        ("Teams from Paris, Huntingdon and Camden met in McKenzie on Monday.", "Tennessee"),
        # Huntsville, Texas (beside Crockett and Madisonville), not Huntsville, Alabama
        (
            "Crews from Huntsville and Walker County cleared roads near Crockett and Madisonville.",
            "Texas",
        ),
    ],
)
def test_names_settle_where_their_senses_cluster(text, state):
    ms = geoparse(text)
    assert len(ms) == 4
    assert {m.place.admin1 for m in ms} == {state}


def test_a_name_after_the_article_is_the_sea_not_the_town():
    text = (
        "Forecasters in Colorado expect storms in the tropical Atlantic to reach the United "
        "States; the Atlantic season starts in June."
    )
    atlantic = [m.place for m in geoparse(text) if m.text == "Atlantic"]
    assert len(atlantic) == 2 and {p.kind for p in atlantic} == {"sea"}
    # without the article the Iowa town keeps its name
    (town,) = [
        m.place
        for m in geoparse("Police in Atlantic said the Iowa town was quiet.")
        if m.text == "Atlantic"
    ]
    assert town.kind == "settlement" and town.admin1 == "Iowa"


def test_a_bare_name_the_text_also_gives_as_a_county_is_that_county():
    text = (
        "Barrow County commissioners met Monday. Schools in Barrow reopen next week, and "
        "Barrow deputies will patrol nearby Winder."
    )
    by_text = {m.text: m.place for m in geoparse(text)}
    assert by_text["Barrow"].id == by_text["Barrow County"].id
    assert by_text["Barrow"].admin1 == "Georgia"
    # the county seat of the same name, in the county's own state, stays a town
    by_text = {m.text: m.place for m in geoparse("DeKalb County officials met in DeKalb.")}
    assert by_text["DeKalb"].kind == "settlement" and by_text["DeKalb"].admin1 == "Illinois"


def test_names_listed_before_counties_are_counties():
    text = "The combined population of Douglas, Sarpy and Lancaster counties continues to grow."
    by_text = {m.text: m.place for m in geoparse(text)}
    assert by_text["Lancaster"].kind == "county" and by_text["Lancaster"].admin1 == "Nebraska"
    assert by_text["Sarpy"].kind == "county" and by_text["Sarpy"].admin1 == "Nebraska"
    # a listed name the recogniser leaves out ("Love") does not break the list
    (grayson,) = geoparse("Girls from Cooke, Grayson and Love counties will compete.")
    assert grayson.place.name == "Grayson County"
    text = "Storms hit Becker, Clay, Douglas, Grant, Mahnomen, Swift and Wilkin counties."
    ms = geoparse(text)
    assert {m.text for m in ms} >= {"Becker", "Clay", "Mahnomen"}
    assert {(m.place.kind, m.place.admin1) for m in ms} == {("county", "Minnesota")}


def test_a_common_word_that_names_a_sea_or_a_curated_site_stays():
    # "Pentagon" and "Atlantic" are common English words, but what they name is prominent
    got = [(m.text, m.place.kind) for m in geoparse("Pentagon officials watched the Atlantic.")]
    assert got == [("Pentagon", "feature"), ("Atlantic", "sea")]


def test_a_name_listed_with_states_is_the_state():
    ms = geoparse("Tech jobs moved from states such as California or Washington.")
    assert [(m.text, m.place.kind) for m in ms] == [
        ("California", "region"),
        ("Washington", "region"),
    ]
    ms = geoparse("Trips to Alaska, Hawaii, Florida and Washington took weeks.")
    assert ms[-1].place.kind == "region" and ms[-1].place.admin1 == "Washington"
    # listed with cities it stays the city
    ms = geoparse("He flew from Kyiv to Washington and Moscow.")
    assert ms[1].place.admin1 == "District of Columbia"


def test_country_bias_as_for_the_resolver_and_the_geoparser():
    text = "Officials in Dzerzhinsk said the plant reopened."
    (war,) = geoparse(text)
    (ru,) = geoparse(text, country_bias="RU")
    assert (war.place.country, ru.place.country) == ("UA", "RU")
    assert ru == Geoparser(country_bias="RU")(text)[0]
    assert geoparse(text, country_bias={"RU": 5.0})[0].place.country == "RU"


def test_context_is_the_deprecated_name_of_country_bias():
    text = "Officials in Dzerzhinsk said the plant reopened."
    with pytest.warns(DeprecationWarning, match="country_bias") as caught:
        old = geoparse(text, context="RU")
    assert caught[0].filename == __file__  # stacklevel=2: the caller's line
    assert old == geoparse(text, country_bias="RU")
    with pytest.raises(TypeError, match="not both"):
        geoparse(text, country_bias="RU", context="RU")


def test_county_lists_across_line_breaks_and_after_long_runs_of_space():
    # the county-list pattern splits white space one way (it was quadratic in a run of it)
    text = "The combined population of Douglas,\nSarpy and\n\nLancaster counties grew."
    kinds = {m.text: (m.place.kind, m.place.admin1) for m in geoparse(text)}
    assert kinds == {"Sarpy": ("county", "Nebraska"), "Lancaster": ("county", "Nebraska")}
    assert [m.text for m in geoparse("Drones hit Kyiv" + "\n" * 50_000 + " counties")] == ["Kyiv"]
