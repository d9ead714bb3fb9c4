import datetime as dt
import importlib.util
import json
import math
from pathlib import Path

import pytest

from geonews.activity.taxonomy import EVENT_TYPES
from geonews.errors import DataError, InvalidInput
from geonews.evaluate import (
    MAX_ERROR_KM,
    EventReport,
    Report,
    auc,
    evaluate,
    evaluate_events,
    haversine,
    load_gold,
    main_eval,
    match_mentions,
)
from geonews.mentions import Mention
from geonews.places import Place

ROOT = Path(__file__).resolve().parents[2]
WAR_NEWS = ROOT / "tests" / "data" / "war_news.jsonl"
SHARED = ROOT / ".." / "shared" / "data" / "geoparse"


def place(name, lat, lon, gid=None):
    return Place(name, lat, lon, id=f"test:{name}", geonameid=gid)


def doc_with(text, *names, coords=None, roles=None):
    """A gold document whose toponyms are the first occurrence of each name."""
    tops = []
    for i, name in enumerate(names):
        start = text.index(name)
        t = {"start": start, "end": start + len(name), "name": name}
        if coords and coords[i]:
            t["lat"], t["lon"] = coords[i]
        if roles and roles[i]:
            t["role"] = roles[i]
        tops.append(t)
    return {"doc_id": "t", "dataset": "unit", "text": text, "toponyms": tops}


def mention(text, surface, p=None, role="literal", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, p, role=role)


# --- distances and curves ------------------------------------------------------------------


def test_haversine_one_degree_on_the_equator():
    # 2 * pi * 6371.0088 / 360 = 111.195 km
    assert haversine(0, 0, 0, 1) == pytest.approx(111.195, abs=1e-3)
    assert haversine(0, 1, 0, 0) == haversine(0, 0, 0, 1)


def test_haversine_antipodes_is_half_the_circumference():
    assert haversine(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088)
    # 20,039 km is half the equator of the WGS84 ellipsoid; the sphere is 0.12 % shorter
    assert haversine(90, 0, -90, 0) == pytest.approx(MAX_ERROR_KM, rel=2e-3)


def test_auc_by_hand():
    # sorted ys = [0, ln(101)/ln(20039), ln(1001)/ln(20039)], trapezoid over 2 intervals
    y1, y2 = math.log(101) / math.log(20039), math.log(1001) / math.log(20039)
    expected = ((0 + y1) / 2 + (y1 + y2) / 2) / 2
    assert auc([1000, 0, 100]) == pytest.approx(expected)
    assert auc([]) is None
    assert auc([0]) == 0.0


def test_auc_caps_errors_at_the_maximum():
    assert auc([10**6]) == auc([MAX_ERROR_KM])


# --- recognition and resolution ------------------------------------------------------------

TEXT = "Shelling hit Kharkiv and Sumy; talks opened in Geneva."


def gold3():
    return doc_with(
        TEXT,
        "Kharkiv",
        "Sumy",
        "Geneva",
        coords=[(49.98177, 36.25475), (50.91741, 34.79906), (46.20222, 6.14569)],
    )


def test_two_of_three_within_161_km():
    def predict(text):
        return [
            mention(text, "Kharkiv", place("Kharkiv", 49.98177, 36.25475)),  # 0 km
            mention(text, "Sumy", place("Sumy", 50.91741 + 1.0, 34.79906)),  # ~111 km
            mention(text, "Geneva", place("Geneva, Illinois", 41.88753, -88.30535)),
        ]

    r = evaluate([gold3()], predict)
    assert (r.n_gold, r.n_predicted, r.n_matched) == (3, 3, 3)
    assert r.precision == r.recall == r.f1 == 1.0
    assert r.acc_161km == pytest.approx(2 / 3)
    assert r.n_resolution == 3 and r.n_unresolved == 0
    far = haversine(46.20222, 6.14569, 41.88753, -88.30535)
    assert r.median_error_km == pytest.approx(111.195, abs=0.01)
    assert r.mean_error_km == pytest.approx((0 + 111.195 + far) / 3, abs=0.01)
    assert r.auc == pytest.approx(auc([0.0, 111.195, far]), abs=1e-4)


def test_precision_recall_f1_by_hand():
    def predict(text):
        # Kharkiv right, Sumy missed, "Shelling" spurious, Geneva right
        return [
            mention(text, "Shelling"),
            mention(text, "Kharkiv", place("Kharkiv", 49.98, 36.25)),
            mention(text, "Geneva", place("Geneva", 46.2, 6.15)),
        ]

    r = evaluate([gold3()], predict)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == pytest.approx(2 / 3)
    assert r.f1 == pytest.approx(2 / 3)
    assert r.n_resolution == 2 and r.acc_161km == 1.0


def test_unresolved_mention_counts_as_maximum_error():
    def predict(text):
        return [mention(text, "Kharkiv", None), mention(text, "Sumy", place("Sumy", 50.9, 34.8))]

    r = evaluate([gold3()], predict)
    assert r.n_unresolved == 1
    assert r.acc_161km == 0.5
    assert max(r.errors_km) == MAX_ERROR_KM


def test_no_predictions_gives_zero_recall_and_no_resolution_scores():
    r = evaluate([gold3()], lambda text: [])
    assert r.recall == 0.0 and r.precision is None and r.f1 is None
    assert r.acc_161km is None and r.auc is None and r.mean_error_km is None


def test_possessive_and_case_fold_to_the_same_surface():
    text = "Kyiv's allies met in BERLIN."
    gold = doc_with(text, "Kyiv", "BERLIN")
    pairs = match_mentions(gold, [mention(text, "Kyiv's"), Mention(21, 27, "Berlin")])
    assert [g["name"] for g, _ in pairs] == ["Kyiv", "BERLIN"]


def test_overlap_with_another_surface_is_not_a_match_unless_asked():
    text = "Fighting in the Pokrovsk-Myrnohrad area went on."
    gold = doc_with(text, "Pokrovsk")
    pair = Mention(16, 34, "Pokrovsk-Myrnohrad")
    assert match_mentions(gold, [pair]) == []
    assert len(match_mentions(gold, [pair], match="overlap")) == 1
    assert match_mentions(gold, [pair], match="exact") == []
    with pytest.raises(InvalidInput, match="'fuzzy'"):
        match_mentions(gold, [pair], match="fuzzy")


def test_generic_words_at_the_boundary_do_not_matter():
    text = "The Kremlin wants the Donetsk region; strikes in eastern Ukraine went on."
    gold = doc_with(text, "Kremlin", "Donetsk", "Ukraine")
    preds = [mention(text, "The Kremlin"), mention(text, "Donetsk region"),
             mention(text, "eastern Ukraine")]  # fmt: skip
    assert len(match_mentions(gold, preds)) == 3
    assert match_mentions(gold, preds, match="exact") == []
    # folding never empties a name that is only a generic word
    region = doc_with("The region held.", "region")
    assert len(match_mentions(region, [mention("The region held.", "region")])) == 1


def test_one_prediction_matches_one_gold_and_duplicate_predictions_count_once():
    text = "Pokrovsk-Myrnohrad area"
    gold = doc_with(text, "Pokrovsk", "Myrnohrad")
    m = mention(text, "Pokrovsk")
    r = evaluate([gold], lambda t: [m, m])
    assert (r.n_predicted, r.n_matched) == (1, 1)
    assert r.recall == 0.5


def test_cyrillic_surface_matches():
    text = "A sign reading «Покровськ» still stands."
    gold = doc_with(text, "Покровськ", coords=[(48.28, 37.18)])
    r = evaluate([gold], lambda t: [mention(t, "Покровськ", place("Pokrovsk", 48.28, 37.18))])
    assert r.f1 == 1.0 and r.acc_161km == 1.0


def test_role_accuracy_over_gold_with_roles():
    text = "Moscow insists; talks in Moscow and Geneva."
    gold = {
        "text": text,
        "toponyms": [
            {"start": 0, "end": 6, "name": "Moscow", "role": "metonym"},
            {"start": 25, "end": 31, "name": "Moscow", "role": "literal"},
            {"start": 36, "end": 42, "name": "Geneva"},  # no role: not scored
        ],
    }

    def predict(t):
        return [
            Mention(0, 6, "Moscow", role="literal"),
            Mention(25, 31, "Moscow", role="literal"),
            Mention(36, 42, "Geneva", role="metonym"),
        ]

    r = evaluate([gold], predict)
    assert r.n_roles == 2 and r.role_accuracy == 0.5


def test_geowebnews_non_toponyms_and_duplicate_spans_are_left_out():
    text = "Irish citizens met in Dublin."
    gold = {
        "text": text,
        "toponyms": [
            {"start": 0, "end": 5, "name": "Irish", "type": "Demonym"},
            {"start": 6, "end": 14, "name": "citizens", "type": "Non_Lit_Expression"},
            {"start": 22, "end": 28, "name": "Dublin", "type": "Literal", "lat": 53.3, "lon": -6.2},
            {"start": 22, "end": 28, "name": "Dublin", "type": "Literal", "lat": 53.3, "lon": -6.2},
        ],
    }
    r = evaluate([gold], lambda t: [Mention(22, 28, "Dublin", place("Dublin", 53.33, -6.25))])
    assert r.n_gold == 1 and r.f1 == 1.0
    assert r.n_roles == 1 and r.role_accuracy == 1.0  # "Literal" carries a role


def test_limit_scores_only_the_first_documents():
    calls = []

    def predict(text):
        calls.append(text)
        return []

    r = evaluate([gold3(), gold3(), gold3()], predict, limit=2)
    assert r.n_docs == 2 and len(calls) == 2 and r.n_gold == 6
    with pytest.raises(InvalidInput, match="-1"):
        evaluate([gold3()], predict, limit=-1)


def test_report_text_html_and_dict():
    r = evaluate([gold3()], lambda t: [mention(t, "Sumy", place("Sumy", 50.9, 34.8))],
                 name="<b>set</b>")  # fmt: skip
    text = str(r)
    assert "<b>set</b>" in text and "Acc@161km 1.000" in text and "R 0.333" in text
    page = r._repr_html_()
    assert "&lt;b&gt;set&lt;/b&gt;" in page and "<b>set</b>" not in page
    d = r.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["recall"] == pytest.approx(1 / 3) and "errors_km" not in d
    assert isinstance(r, Report)


# --- gold files -------------------------------------------------------------------------


def test_load_gold_reports_bad_lines(tmp_path):
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"text": "ok", "toponyms": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(DataError, match="line 2"):
        load_gold(bad_json)
    bad_span = tmp_path / "span.jsonl"
    doc = {"text": "Talks in Geneva", "toponyms": [{"start": 0, "end": 5, "name": "Geneva"}]}
    bad_span.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="'Talks'"):
        load_gold(bad_span)
    with pytest.raises(FileNotFoundError):
        load_gold(tmp_path / "absent.jsonl")


def test_war_news_gold_is_well_formed():
    docs = load_gold(WAR_NEWS)
    assert len(docs) >= 45
    assert len({d["doc_id"] for d in docs}) == len(docs)
    for d in docs:
        dt.date.fromisoformat(d["date"])
        assert d["dataset"] == "war_news"
        for t in d["toponyms"]:
            assert d["text"][t["start"] : t["end"]] == t["name"]
            assert t["role"] in ("literal", "metonym")
            assert -90 <= t["lat"] <= 90 and -180 <= t["lon"] <= 180
        for e in d["events"]:
            assert e["event_type"] in EVENT_TYPES
            assert e["status"] in ("reported", "claimed", "denied", "contested")
            assert e["modality"] in ("actual", "future", "conditional")
            assert e["precision"] in ("settlement", "region", "country", "area")
            assert e["place_text"] in d["text"]
            if e["date"] is not None:
                dt.date.fromisoformat(e["date"])


def test_war_news_covers_the_reference_dispatch():
    ref = load_gold(WAR_NEWS)[0]
    names = {t["name"] for t in ref["toponyms"]}
    assert {"Moscow", "Florida", "Geneva", "Abu Dhabi", "Ireland", "Pokrovsk"} <= names
    assert {"Krasnoarmeysk", "Donetsk", "Kremlin"} <= names
    rows = {(e["sub_type"], e["place"]): e for e in ref["events"]}
    assert rows[("Armed clash", "Pokrovsk")]["status"] == "contested"
    assert rows[("Threat", "Donetsk Oblast")]["modality"] == "conditional"
    strikes = rows[("Shelling/artillery/missile attack", "Ukraine")]
    assert strikes["quantity"] == 5660
    assert (strikes["date"], strikes["date_end"]) == ("2025-11-01", "2025-11-30")


def test_war_news_file_is_what_the_script_builds():
    spec = importlib.util.spec_from_file_location(
        "make_war_news", ROOT / "scripts" / "make_war_news.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    places, surface = script._places()
    built = [script.build_doc(raw, places, surface) for raw in script.DISPATCHES]
    on_disk = [json.loads(line) for line in WAR_NEWS.read_text(encoding="utf-8").splitlines()]
    assert built == on_disk


def oracle(docs):
    """A predictor that answers with the gold itself (checks the harness end to end)."""
    by_text = {d["text"]: d for d in docs}

    def predict(text):
        return [
            Mention(
                t["start"],
                t["end"],
                t["name"],
                place(t["name"], t["lat"], t["lon"]),
                role=t.get("role", "literal"),
            )
            for t in by_text[text]["toponyms"]
        ]

    return predict


def test_gold_oracle_scores_perfectly_on_war_news():
    docs = load_gold(WAR_NEWS)
    r = evaluate(docs, oracle(docs))
    assert r.n_gold == sum(len(d["toponyms"]) for d in docs)
    assert (r.f1, r.acc_161km, r.auc, r.role_accuracy) == (1.0, 1.0, 0.0, 1.0)


def test_main_eval_uses_geonews_geoparse():
    from geonews.mentions import parser

    r = main_eval(WAR_NEWS, limit=3)
    assert r.n_docs == 3 and r.name == "war_news" and r.n_gold > 0
    # the same numbers as passing the parser's function explicitly
    again = evaluate(load_gold(WAR_NEWS), parser.geoparse, limit=3)
    assert (again.n_predicted, again.n_matched, again.errors_km) == (
        r.n_predicted,
        r.n_matched,
        r.errors_km,
    )


@pytest.mark.parametrize(
    ("name", "docs", "toponyms"),
    [("LGL", 588, 5088), ("GeoWebNews", 200, 2608), ("GeoCorpora", 6648, 3074)],
)
def test_shared_sets_load(name, docs, toponyms):
    path = SHARED / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"shared benchmark data not present at {path}")
    gold = load_gold(path)
    r = evaluate(gold, lambda text: [])
    assert (r.n_docs, r.n_gold) == (docs, toponyms)


# --- events ------------------------------------------------------------------------------

EV_DOC = {
    "dataset": "unit",
    "date": "2025-12-03",
    "text": "Talks in Moscow; fighting in Pokrovsk; strikes on Ukraine last month.",
    "events": [
        {"event_type": "Diplomacy", "sub_type": "Talks", "place": "Moscow",
         "place_text": "Moscow", "geonameid": 524901, "status": "reported",
         "modality": "actual", "claimant": None, "date": "2025-12-02", "date_end": None},
        {"event_type": "Battles", "sub_type": "Armed clash", "place": "Pokrovsk",
         "place_text": "Pokrovsk", "geonameid": 704422, "status": "contested",
         "modality": "actual", "claimant": "both sides", "date": "2025-12-03",
         "date_end": None},
        {"event_type": "Explosions/Remote violence",
         "sub_type": "Shelling/artillery/missile attack", "place": "Ukraine",
         "place_text": "Ukraine", "geonameid": 690791, "status": "reported",
         "modality": "actual", "claimant": "Ukraine's air force", "date": "2025-11-01",
         "date_end": "2025-11-30"},
    ],
}  # fmt: skip


def test_events_scored_by_hand():
    def extract(text, *, date=None):
        return [
            # right place by id, right type, right status, date inside the range
            {"event_type": "Explosions/Remote violence", "sub_type": "Air/drone strike",
             "place_name": "Ukraine", "geonameid": 690791, "status": "reported",
             "modality": "actual", "claimant": "Ukrainian air force", "date": "2025-11-15"},
            # right place by name (no id), wrong type, wrong status
            {"event_type": "Strategic developments", "sub_type": "Claimed capture",
             "place_name": "Pokrovsk", "geonameid": None, "status": "claimed",
             "modality": "actual", "claimant": "Russian defence ministry", "date": date},
            # a place the gold does not have
            {"event_type": "Diplomacy", "sub_type": "Visit", "place_name": "Dublin",
             "geonameid": 2964574, "status": "reported", "modality": "actual",
             "claimant": None, "date": date},
        ]  # fmt: skip

    r = evaluate_events([EV_DOC], extract)
    assert (r.n_gold, r.n_predicted, r.n_matched) == (3, 3, 2)
    assert r.place_recall == pytest.approx(2 / 3) and r.precision == pytest.approx(2 / 3)
    assert r.type_accuracy == 0.5 and r.status_accuracy == 0.5 and r.sub_type_accuracy == 0.0
    assert r.date_accuracy == 1.0 and r.n_dated == 2
    assert r.claimant_accuracy == 0.5  # "Ukrainian air force" ~ "Ukraine's air force"
    assert isinstance(r, EventReport) and "event type 0.500" in str(r)


def test_events_prefers_the_pairing_that_agrees_on_type():
    doc = {
        "text": "Huliaipole: advance claimed; fighting goes on.",
        "events": [
            {"event_type": "Strategic developments", "sub_type": "Advance",
             "place": "Huliaipole", "geonameid": 707898, "status": "claimed",
             "modality": "actual"},
            {"event_type": "Battles", "sub_type": "Armed clash", "place": "Huliaipole",
             "geonameid": 707898, "status": "reported", "modality": "actual"},
        ],
    }  # fmt: skip

    def extract(text, *, date=None):
        return [
            {"event_type": "Battles", "sub_type": "Armed clash", "place_name": "Huliaipole",
             "geonameid": 707898, "status": "reported"},
            {"event_type": "Strategic developments", "sub_type": "Advance",
             "place_name": "Gulyaipole", "geonameid": 707898, "status": "claimed"},
        ]  # fmt: skip

    r = evaluate_events([doc], extract)
    assert r.n_matched == 2 and r.type_accuracy == 1.0 and r.status_accuracy == 1.0


def test_events_accepts_a_geodataframe_with_missing_values():
    geopandas = pytest.importorskip("geopandas")
    pandas = pytest.importorskip("pandas")
    from shapely.geometry import Point

    frame = geopandas.GeoDataFrame(
        {
            "event_type": ["Diplomacy", "Battles"],
            "sub_type": ["Talks", "Armed clash"],
            "place_name": ["Moscow", "Pokrovsk"],
            "place_text": ["Moscow", "Krasnoarmeysk"],
            "geonameid": pandas.array([524901, pandas.NA], dtype="Int64"),
            "status": ["reported", "contested"],
            "modality": ["actual", "actual"],
            "claimant": [None, "both sides"],
            "date": pandas.to_datetime(["2025-12-02", None]),
        },
        geometry=[Point(37.6, 55.75), Point(37.18, 48.28)],
        crs="EPSG:4326",
    )
    r = evaluate_events([EV_DOC], lambda text, *, date=None: frame)
    assert r.n_matched == 2 and r.type_accuracy == 1.0 and r.status_accuracy == 1.0
    assert r.n_dated == 2 and r.date_accuracy == 0.5  # NaT is no date


def test_events_alternative_places_count():
    doc = {
        "text": "He visited Ireland and met the prime minister in Dublin.",
        "events": [
            {"event_type": "Diplomacy", "sub_type": "Visit", "place": "Dublin",
             "geonameid": 2964574, "status": "reported", "modality": "actual",
             "alt_places": ["Ireland"]},
        ],
    }  # fmt: skip
    r = evaluate_events(
        [doc],
        lambda text, *, date=None: [
            {"event_type": "Diplomacy", "place_name": "Ireland", "status": "reported"}
        ],
    )
    assert r.n_matched == 1


def test_events_gold_oracle_on_war_news():
    docs = load_gold(WAR_NEWS)
    by_text = {d["text"]: d for d in docs}

    def extract(text, *, date=None):
        return [{**e, "place_name": e["place"]} for e in by_text[text]["events"]]

    r = evaluate_events(docs, extract, limit=20)
    assert r.n_docs == 20 and r.n_gold == r.n_matched == r.n_predicted
    assert r.type_accuracy == r.status_accuracy == r.date_accuracy == 1.0
