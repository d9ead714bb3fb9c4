"""Whose voice an event is told in, across the sentences of a dispatch.

A claimant speaks on in what goes on with their account ("also"), until the reporter
tells events in no one's voice; "it said" and "the ministry said" still name whoever
spoke last.  Every sentence here is written for these tests, in the style of wire copy
and ministry statements.
"""

from geonews.activity import events

DAY = "2025-11-20"


def rows(text: str) -> list[tuple[str, str, str | None]]:
    frame = events(text, date=DAY)
    return [(row.place_name, row.status, row.claimant) for row in frame.itertuples()]


def test_the_reporters_own_sentence_ends_the_claimants_voice():
    text = (
        "The Kremlin said Ukrainian drones hit Belgorod overnight. Russian missiles struck"
        " Kharkiv on Sunday morning. Russian attacks also hit Zaporizhzhia and Kherson."
    )
    assert rows(text) == [
        ("Belgorod", "reported", "the Kremlin"),  # the victim's own account of a strike
        ("Kharkiv", "reported", None),
        ("Zaporizhzhia", "reported", None),
        ("Kherson", "reported", None),
    ]


def test_it_said_names_whoever_spoke_last():
    text = (
        "The Russian Defence Ministry said its forces repelled an attack near Tetkino."
        " Missile strikes destroyed two launchers near Yunakivka, it said."
    )
    assert rows(text)[-1] == ("Yunakivka", "claimed", "Russian defence ministry")


def test_the_ministry_said_reaches_past_the_reporters_sentence():
    text = (
        "The Russian Defence Ministry said its forces repelled an attack near Tetkino."
        " Missile strikes destroyed two launchers near Yunakivka. The ministry said the enemy"
        " lost 40 soldiers."
    )
    assert rows(text)[-1] == ("Yunakivka", "claimed", "Russian defence ministry")


def test_a_barrage_against_a_city_is_a_strike_there():
    text = "Russian forces launched a barrage of missiles and drones against Kharkiv overnight."
    assert [place for place, _, _ in rows(text)] == ["Kharkiv"]


def test_what_a_base_is_for_is_no_event():
    text = "The airfield near Engels plays a key role in Russia's long-range missile operations."
    assert rows(text) == []


def test_a_denial_denies_what_its_clause_tells():
    text = (
        "Amid heavy shelling of Shebekino, reports of an evacuation of Shebekino appeared"
        " online – they were denied by the governor."
    )
    statuses = {sub: status for _, status, sub in _kinds(text)}
    assert statuses == {"Shelling/artillery/missile attack": "reported", "Evacuation": "denied"}


def test_a_denial_of_the_sentences_own_report_leaves_the_events_before():
    text = (
        "Russian forces shelled Shebekino overnight, the governor said. Against the backdrop"
        " of the shelling, reports of an evacuation spread online, but the governor denied them."
    )
    assert [status for _, status, _ in _kinds(text)] == ["reported"]


def test_a_denial_of_the_claim_before_still_contests_it():
    text = (
        "Russia's defence ministry claimed its forces had captured Bilohorivka. Kyiv denied the"
        " claim."
    )
    assert [status for _, status, _ in _kinds(text)] == ["contested"]


def _kinds(text: str) -> list[tuple[str, str, str]]:
    frame = events(text, date=DAY)
    return [(row.place_name, row.status, row.sub_type) for row in frame.itertuples()]


def test_a_side_that_tells_of_its_own_withdrawal_admits_it():
    text = (
        "Russia's defence ministry said its troops had withdrawn from Kupiansk as the Ukrainian"
        " counter-offensive advanced."
    )
    assert {status for _, status, _ in _kinds(text)} == {"reported"}


def test_a_side_that_notes_the_enemys_withdrawal_claims_it():
    text = (
        "The Ukrainian General Staff said it had noted withdrawals of Russian troops around"
        " Chernihiv."
    )
    assert [status for _, status, _ in _kinds(text)] == ["claimed"]


def test_a_statement_about_what_may_come_does_not_speak_for_the_events_before():
    text = (
        "European leaders, gathering at a summit in Johannesburg, said the plan needed work."
        " Putin said the plan could form the basis of a settlement, but warned that his troops"
        " would take more land if Kyiv rejected it."
    )
    assert rows(text) == [("Johannesburg", "reported", None)]


def test_a_comment_on_the_events_before_still_speaks_for_them():
    assert rows("Russian forces shelled Kherson. Kyiv denied the claim.")[0][1] == "denied"
    text = "Russian forces shelled Kherson. This was reported by the regional governor."
    assert rows(text) == [("Kherson", "reported", "regional governor")]
    # "May" the month is no modal
    text = "Russian forces shelled Kherson. This was reported by the regional governor on 3 May."
    assert list(events(text, date="2025-05-04").claimant) == ["regional governor"]
