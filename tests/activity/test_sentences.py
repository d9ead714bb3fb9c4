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
