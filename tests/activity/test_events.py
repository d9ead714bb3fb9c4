import datetime as dt

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import geonews
from geonews.activity import COLUMNS, EventExtractor, events, failures
from geonews.activity.areas import event_areas
from geonews.activity.taxonomy import ACLED, EVENT_STATUSES, EVENT_TYPES, MODALITIES, PRECISIONS
from geonews.corpus.read import Document
from geonews.mentions.parser import geoparse
from tests.handparser import parse as stand_in

# An original dispatch in wire style, dated Tuesday 2 December 2025 by its dateline.
DISPATCH = """MOSCOW, Dec 2, 2025 (Wire) - Russian President Vladimir Putin will meet U.S. envoy \
Steve Witkoff in Moscow on Tuesday for talks on a U.S. plan to end the war in Ukraine, the \
Kremlin said. Witkoff and Jared Kushner held talks with a Ukrainian delegation in Florida on \
Sunday, after earlier rounds of talks in Geneva and Abu Dhabi last month. Ukrainian President \
Volodymyr Zelenskiy, who visited Ireland on Monday, said Kyiv would not accept a deal that \
rewarded aggression.

Fighting raged on in Pokrovsk, which Moscow calls Krasnoarmeysk. Russia's defence ministry \
said on Monday its forces had captured the town. Ukraine's military said clashes were \
continuing there despite Russian claims that it had already fallen. Putin threatened on Monday \
to seize the rest of the Donetsk region by force if Kyiv did not withdraw its troops.

Moscow has increased its missile and drone assaults on Ukrainian targets, firing 5,660 \
missiles and drones across Ukraine last month, according to Ukraine's air force. On the eve of \
the talks, a Russian drone struck an apartment block in Dnipro, killing four people, the \
regional governor said. The report could not be independently verified."""

NOV = ("2025-11-01", "2025-11-30")
# What an analyst would write by hand: type, sub-type, place, precision, date, date_end,
# claimant, status, modality, quantity.
EXPECTED = [
    ("Diplomacy", "Talks", "Moscow", "settlement", "2025-12-02", None,
     "the Kremlin", "reported", "future", None),
    ("Diplomacy", "Talks", "Florida", "region", "2025-11-30", None,
     None, "reported", "actual", None),
    ("Diplomacy", "Talks", "Geneva", "settlement", *NOV, None, "reported", "actual", None),
    ("Diplomacy", "Talks", "Abu Dhabi", "settlement", *NOV, None, "reported", "actual", None),
    ("Diplomacy", "Visit", "Ireland", "country", "2025-12-01", None,
     None, "reported", "actual", None),
    ("Battles", "Armed clash", "Pokrovsk", "settlement", "2025-12-02", None,
     "Ukrainian military; Russian defence ministry", "contested", "actual", None),
    ("Strategic developments", "Threat", "Donetsk Oblast", "region", "2025-12-01", None,
     None, "reported", "conditional", None),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Ukraine", "country", *NOV,
     "Ukrainian air force", "reported", "actual", 5660),
    ("Explosions/Remote violence", "Air/drone strike", "Dnipro", "settlement", "2025-12-01",
     None, "regional governor", "claimed", "actual", 4),
]  # fmt: skip
FIELDS = [
    "event_type", "sub_type", "place_name", "precision", "date", "date_end", "claimant",
    "status", "modality", "quantity",
]  # fmt: skip


@pytest.fixture(params=["stand-in", "geoparse"])
def parse(request):
    """Each test runs with the stand-in recogniser and with the real geoparser."""
    return stand_in if request.param == "stand-in" else geoparse


def _rows(frame):
    out = []
    for rec in frame[FIELDS].itertuples(index=False):
        row = []
        for name, value in zip(FIELDS, rec, strict=True):
            if name in ("date", "date_end"):
                value = None if pd.isna(value) else value.date().isoformat()
            elif pd.isna(value):
                value = None
            elif name == "quantity":
                value = int(value)
            row.append(value)
        out.append(tuple(row))
    return out


@pytest.fixture(scope="module", params=["stand-in", "geoparse"])
def reference(request):
    parser = stand_in if request.param == "stand-in" else geoparse
    return events(DISPATCH, geoparser=parser, source="Wire", url="https://example.org/a")


def test_reference_dispatch_rows(reference):
    assert _rows(reference) == EXPECTED


def test_reference_dispatch_schema(reference):
    assert isinstance(reference, gpd.GeoDataFrame)
    assert list(reference.columns) == list(COLUMNS)
    assert reference.crs.to_epsg() == 4326
    for name, dtype in COLUMNS.items():
        if name != "geometry":
            assert str(reference[name].dtype) == dtype, name
    assert reference["event_id"].is_unique
    assert set(reference["event_type"]) <= set(EVENT_TYPES)
    assert set(reference["status"]) <= set(EVENT_STATUSES)
    assert set(reference["modality"]) <= set(MODALITIES)
    assert set(reference["precision"]) <= set(PRECISIONS)
    assert all(
        (t, s) in ACLED for t, s in zip(reference.event_type, reference.sub_type, strict=True)
    )
    assert set(reference.geom_type) == {"Point"}  # every precision at its place's point
    for row, area in zip(reference.itertuples(), event_areas(reference), strict=True):
        assert DISPATCH[row.sentence_start : row.sentence_end] == row.sentence
        assert row.source == "Wire" and row.url == "https://example.org/a"
        if row.precision == "settlement":
            assert area is row.geometry
        else:  # region and country shapes from the gazetteer, around the point
            assert area.geom_type in ("Polygon", "MultiPolygon")
            assert area.area > 0.5 and area.contains(row.geometry)


def test_reference_place_details(reference):
    pokrovsk = reference[reference.place_name == "Pokrovsk"].iloc[0]
    assert pokrovsk.geonameid == 704422 and pokrovsk.admin1 == "Donetsk"
    assert pokrovsk.country == "UA" and pokrovsk.place_text == "Pokrovsk"
    region = reference[reference.sub_type == "Threat"].iloc[0]
    assert region.admin1 == "Donetsk" and region.place_text in ("Donetsk", "Donetsk region")
    # the region's point is the oblast's own, and its shape covers Pokrovsk
    assert (round(region.geometry.y, 1), round(region.geometry.x, 1)) == (48.0, 37.6)
    assert event_areas(reference)[reference.index.get_loc(region.name)].contains(pokrovsk.geometry)
    assert "Moscow" not in set(reference[reference.event_type != "Diplomacy"].place_name)


def test_metonym_is_an_actor_not_a_place(parse):
    text = "Moscow has increased its missile and drone assaults on Ukrainian targets."
    frame = events(text, date="2025-12-02", geoparser=parse)
    assert _rows(frame) == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Ukraine", "country",
         "2025-12-02", None, None, "reported", "actual", None)
    ]  # fmt: skip


def test_contradiction_in_one_sentence_is_one_contested_event(parse):
    text = (
        "Clashes are continuing in Pokrovsk despite Russian claims that the town has "
        "already fallen, Ukraine's General Staff said."
    )
    frame = events(text, date="2025-12-02", geoparser=parse)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.event_type, row.place_name, row.status) == ("Battles", "Pokrovsk", "contested")
    assert row.claimant == "Ukraine's General Staff; Russian officials"


def test_claim_then_denial_across_sentences_merges(parse):
    text = (
        "Russia's defence ministry said its troops had liberated Kupiansk. "
        "Ukraine's military denied that the city had fallen."
    )
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row.sub_type, row.place_name, row.status) == (
        "Claimed capture",
        "Kupiansk",
        "contested",
    )
    assert row.claimant == "Russian defence ministry; Ukrainian military"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Russian forces reportedly shelled Kherson overnight.", "claimed"),
        ("Russia's defence ministry said its forces had captured Kupiansk.", "claimed"),
        ("Drones hit Odesa, officials said. The claim could not be independently verified.",
         "claimed"),
        ("Ukraine's military denied that Russian forces had captured Kupiansk.", "denied"),
        ("A missile hit Kharkiv on Sunday, the governor said.", "reported"),
    ],
)  # fmt: skip
def test_status(text, status, parse):
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(frame.status) == [status]


@pytest.mark.parametrize(
    ("text", "modality", "date"),
    [
        ("Zelenskiy will meet European leaders in Geneva on Friday.", "future", "2025-12-05"),
        ("Russia threatened to seize Kupiansk within weeks.", "conditional", None),
        ("Russian forces could advance on Sumy if the front collapses.", "conditional", None),
        ("Envoys met in Geneva on Friday.", "actual", "2025-11-28"),
    ],
)  # fmt: skip
def test_modality(text, modality, date, parse):
    frame = events(text, date="2025-12-02", geoparser=parse)
    assert len(frame) == 1
    assert frame.modality.iloc[0] == modality
    if date is None:  # what might happen has no date unless the text gives one
        assert pd.isna(frame.date.iloc[0])
    else:
        assert frame.date.iloc[0] == pd.Timestamp(date)


def test_quantities_and_subtypes(parse):
    frame = events(
        "Russia fired 143 drones and 12 ballistic missiles at Kyiv overnight. "
        "Artillery shelling killed two residents in Kherson.",
        date="2025-11-20",
        geoparser=parse,
    )
    assert list(zip(frame.place_name, frame.sub_type, frame.quantity, strict=True)) == [
        ("Kyiv", "Shelling/artillery/missile attack", 155),  # all munitions of the sentence
        ("Kherson", "Shelling/artillery/missile attack", 2),
    ]


def test_region_event_and_admin_qualifier(parse):
    frame = events(
        "Russian forces advanced near Huliaipole in the Zaporizhzhia region, analysts said. "
        "Fierce fighting continued across the Zaporizhzhia region.",
        date="2025-11-20",
        geoparser=parse,
    )
    assert list(
        zip(frame.place_name, frame.precision, frame.sub_type, frame.claimant, strict=True)
    ) == [
        ("Huliaipole", "settlement", "Advance", "analysts"),
        ("Zaporizhzhia Oblast", "region", "Armed clash", None),
    ]
    assert event_areas(frame)[1].contains(frame.geometry.iloc[0])


def test_event_in_eastern_ukraine_is_placed_on_the_area_not_the_country():
    # geoparse gives the country with the area as its part; the event takes the part
    frame = events("Russian forces shelled towns in eastern Ukraine on Monday.", date="2025-11-20")
    (row,) = frame.itertuples()
    assert (row.place_name, row.place_text, row.precision) == (
        "eastern Ukraine",
        "eastern Ukraine",
        "area",
    )
    donetsk, lviv = shapely.Point(37.80, 48.02), shapely.Point(24.03, 49.84)
    (area,) = event_areas(frame)
    assert area.contains(donetsk) and not area.contains(lviv) and area.contains(row.geometry)


def test_sentence_without_place_or_trigger_gives_nothing(parse):
    frame = events("Fighting continued. The weather in Kyiv was cold.", geoparser=parse)
    assert len(frame) == 0 and list(frame.columns) == list(COLUMNS)


def test_date_from_dateline_or_argument(parse):
    text = "KYIV, 14 March 2025 - A drone hit Kharkiv yesterday."
    assert events(text, geoparser=parse).date.iloc[0] == pd.Timestamp("2025-03-13")
    other = events("A drone hit Kharkiv yesterday.", date=dt.date(2025, 1, 1), geoparser=parse)
    assert other.date.iloc[0] == pd.Timestamp("2024-12-31")
    undated = events("A drone hit Kharkiv yesterday.", geoparser=parse)
    assert undated.date.isna().all()


def test_failures_are_accounted_for():
    def flaky(text):
        if "boom" in text:
            raise RuntimeError("parser broke")
        return stand_in(text)

    docs = [
        Document("ok", "Drones hit Odesa."),
        Document("bad", "boom in Odesa"),
        Document("empty", "   "),
        {"doc_id": "notext", "text": None},
    ]
    frame = events(docs, geoparser=flaky, date="2025-11-20")
    assert list(frame.doc_id) == ["ok"]
    assert frame.attrs["documents"] == 4
    table = failures(frame)
    assert list(table.doc_id) == ["bad", "empty", "notext"]
    assert "RuntimeError: parser broke" in table.reason.iloc[0]
    with pytest.raises(RuntimeError, match="parser broke"):
        events(docs, geoparser=flaky, errors="raise")
    with pytest.raises(geonews.InvalidInput, match="'ignore'"):
        events(docs, geoparser=flaky, errors="ignore")


def test_streams_documents_one_at_a_time(parse):
    pulled = []

    def stream():
        for i in range(5):
            pulled.append(i)
            yield Document(str(i), f"Shelling hit Kherson on day {i}.")

    seen = []

    def watching(text):
        seen.append(len(pulled))
        return parse(text)

    events(stream(), geoparser=watching, date="2025-11-20", dedupe=False)
    assert seen == [1, 2, 3, 4, 5]  # each document parsed before the next is pulled


def test_dedupe_across_documents_keeps_all_sources(parse):
    docs = [
        Document("a", "A missile struck Kharkiv on Monday.", date=dt.date(2025, 12, 2),
                 source="Wire A", url="https://a.example/1"),
        Document("b", "Russian missiles hit Kharkiv, the governor said.",
                 date=dt.date(2025, 12, 1), source="Wire B", url="https://b.example/2"),
        Document("c", "A missile struck Kharkiv.", date=dt.date(2025, 12, 20), source="Wire C"),
    ]  # fmt: skip
    frame = events(docs, geoparser=parse)
    assert len(frame) == 2
    first = frame.iloc[0]
    assert first.source == "Wire A; Wire B"
    assert first.url == "https://a.example/1; https://b.example/2"
    assert first.claimant == "regional governor"
    assert len(events(docs, geoparser=parse, dedupe=False)) == 3


def test_progress_bar_only_when_asked(capsys, parse):
    events(["Drones hit Odesa."], geoparser=parse, progress=True)
    assert "events" in capsys.readouterr().err
    events(["Drones hit Odesa."], geoparser=parse)  # not a terminal under pytest
    assert capsys.readouterr().err == ""


def test_events_is_the_function_whatever_was_imported_first(parse):
    import geonews.activity.pipeline as pipeline

    assert geonews.events is pipeline.events  # not a module made callable
    assert list(pipeline.COLUMNS)[:2] == ["doc_id", "event_id"]
    assert len(geonews.events("Drones hit Odesa.", geoparser=parse)) == 1


def test_region_event_is_at_the_regions_point_and_drawn_as_its_shape(parse):
    rows = EventExtractor(geoparser=parse).extract(
        Document("d", "Fighting raged across the Donetsk region.")
    )
    assert rows[0]["precision"] == "region"
    assert rows[0]["geometry"].geom_type == "Point"
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
    assert event_areas(frame)[0].geom_type in ("Polygon", "MultiPolygon")
    # a place the gazetteer has no shape for, or no place id, keeps its point
    unknown = frame.assign(place_id=["iso3166-2:XX-99"])
    assert event_areas(unknown)[0] is frame.geometry.iloc[0]
    assert event_areas(frame, shape=lambda pid: None)[0] is frame.geometry.iloc[0]


def test_default_geoparser_is_the_real_one():
    assert _rows(events(DISPATCH)) == EXPECTED


def test_text_whose_lower_case_changes_length(parse):
    # "İ" lower-cases to two characters: the case-insensitive fallback keeps offsets right
    text = "İlkay wrote that Russian drones struck Odesa overnight, the regional governor said."
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(zip(frame.place_name, frame.sub_type, frame.claimant, strict=True)) == [
        ("Odesa", "Air/drone strike", "regional governor")
    ]
    assert text[frame.sentence_start.iloc[0] : frame.sentence_end.iloc[0]] == text


def test_denial_in_the_next_sentence_contests_the_claim(parse):
    text = "Russia's defence ministry said its forces had captured Kupiansk. Kyiv denied the claim."
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(zip(frame.place_name, frame.status, frame.claimant, strict=True)) == [
        ("Kupiansk", "contested", "Russian defence ministry; Ukrainian officials")
    ]


def test_protest_with_intervention(parse):
    text = "Protesters rallied in Kyiv on Sunday. Police detained dozens of protesters in Moscow."
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(zip(frame.place_name, frame.sub_type, strict=True)) == [
        ("Kyiv", "Peaceful protest"),
        ("Moscow", "Protest with intervention"),
    ]


def test_region_that_only_frames_the_towns_is_not_an_event(parse):
    text = (
        "In the Donetsk region, Ukrainian troops repelled 45 assaults near Pokrovsk and "
        "Myrnohrad over the past day, the General Staff said."
    )
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(frame.place_name) == ["Pokrovsk", "Myrnohrad"]
    assert list(frame.quantity) == [45, 45]


def test_a_region_opening_the_sentence_frames_towns_named_far_after_it(parse):
    text = (
        "In the Donetsk region, the regional governor said on his Telegram channel late "
        "on Sunday that shelling had damaged houses in Myrnohrad."
    )
    frame = events(text, date="2025-11-20", geoparser=parse)
    assert list(frame.place_name) == ["Myrnohrad"]


def test_a_region_opening_the_sentence_with_no_town_in_it_stays():
    text = "In the Kursk region, shelling damaged houses in several villages overnight."
    frame = events(text, date="2025-11-20")
    assert list(frame.precision) == ["region"]


def _subtypes(text):
    gdf = events(text, date="2025-11-20")
    return sorted(zip(gdf.sub_type, gdf.place_name, gdf.status, strict=True))


def test_withdrawal_and_claimed_capture_agree_so_stay_two_events():
    rows = _subtypes(
        "Ukrainian troops withdrew from Kurakhove on Monday, a brigade spokesman said. "
        "Russia's defence ministry said its forces had captured Kurakhove."
    )
    assert [r[:2] for r in rows] == [
        ("Claimed capture", "Kurakhove"),
        ("Withdrawal", "Kurakhove"),
    ]


def test_fighting_against_a_claim_of_capture_is_still_one_contested_event():
    rows = _subtypes(
        "Clashes are continuing in Pokrovsk despite Russian claims that the town has "
        "already fallen, Ukraine's military said."
    )
    assert rows == [("Armed clash", "Pokrovsk", "contested")]


def test_advance_and_fighting_in_one_town_are_two_events():
    rows = _subtypes("Russian troops have entered Siversk and street fighting is under way.")
    assert {r[0] for r in rows} == {"Advance", "Armed clash"}


def test_falling_debris_and_pushed_out_of():
    rows = _subtypes("Falling debris damaged homes in Brovary overnight, the governor said.")
    assert rows[0][:2] == ("Air/drone strike", "Brovary")
    rows = _subtypes("Russian forces pushed Ukrainian units out of Sudzha, Moscow said.")
    assert rows[0][:2] == ("Claimed capture", "Sudzha")
