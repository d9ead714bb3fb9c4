import pytest

from geonews.activity.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lt. Gen. Oleksandr Syrskyi visited Kharkiv. Col. Petrov said so.",
            ["Lt. Gen. Oleksandr Syrskyi visited Kharkiv.", "Col. Petrov said so."],
        ),
        (
            "U.S. envoy Steve Witkoff met U.N. officials in Geneva. Talks ended.",
            ["U.S. envoy Steve Witkoff met U.N. officials in Geneva.", "Talks ended."],
        ),
        (
            "The plan was drafted in the U.S. The Kremlin said it would study it.",
            ["The plan was drafted in the U.S.", "The Kremlin said it would study it."],
        ),
        (
            'He said: "We will hold." Then he left! Was it over? Yes.',
            ['He said: "We will hold."', "Then he left!", "Was it over?", "Yes."],
        ),
        ("J. D. Vance spoke on Dec. 1. Gov. Syniehubov said 2 died.",
         ["J. D. Vance spoke on Dec. 1.", "Gov. Syniehubov said 2 died."]),
        ("HEADLINE WITHOUT FULL STOP\n\nBody text here.",
         ["HEADLINE WITHOUT FULL STOP", "Body text here."]),
        ("", []),
    ],
)  # fmt: skip
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_index_the_original_text():
    text = "  First one.   Second one.  "
    assert split_sentences(text) == [(2, 12), (15, 26)]


def test_runs_of_marks_end_one_sentence():
    # a sentence end may not start inside a run of marks (that made long runs quadratic)
    text = "Drones hit Kyiv" + "." * 5000 + " Then Odesa?! Yes."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Drones hit Kyiv" + "." * 5000, "Then Odesa?!", "Yes."]


def test_a_list_of_names_under_a_colon_is_one_sentence():
    text = "Drones were downed over three regions:\n\n • Sumy,\n • Kharkiv,\n • Odesa.\nMore later."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [text[: text.index("\nMore")], "More later."]


def test_bulleted_sentences_are_sentences_of_their_own():
    text = (
        "Key events on day 300:\n• Russian drones hit a power plant in Sumy overnight.\n"
        "• Talks resume in Geneva on Monday, officials said."
    )
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "Key events on day 300:",
        "• Russian drones hit a power plant in Sumy overnight.",
        "• Talks resume in Geneva on Monday, officials said.",
    ]


def test_a_wall_of_initials_does_not_end_sentences():
    # every "A." is an initial; the word before each full stop is read backwards, a bounded
    # number of characters, so a long wall costs time linear in its length
    text = "A. " * 3000 + "Smith visited Kharkiv. Then he left."
    assert sentences(text) == [text[: text.index(" Then")], "Then he left."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the U.S.", "U.S"),
        ("near Київ.", "Київ"),
        ("file_name.", "file_name"),
        ("Drones hit Kyiv!.", ""),
        ("x" * 60 + ".", "x" * 40),
    ],
)
def test_the_word_before_a_full_stop(text, expected):
    from geonews.activity.sentences import _token_before

    assert _token_before(text, len(text) - 1) == expected
