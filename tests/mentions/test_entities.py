import re

import pytest

from geonews.mentions import entities
from geonews.mentions.entities import has_thing_words


def _thing_words() -> list[str]:
    """Every word ``_ANY_THING`` lists, spelt out in each case it allows ("Ships", "ship")."""
    alternation = entities._ANY_THING.pattern.split("(?:", 1)[1].rsplit(")", 1)[0]
    out = []
    for alt in alternation.split("|"):
        alt = alt.removesuffix("s?")  # "[Mm]issiles?": the singular is enough
        m = re.fullmatch(r"\[(\w)(\w)\](\w+)", alt) or re.fullmatch(r"()(\w)(\w+)", alt)
        assert m, alt
        first, second, rest = m.groups()
        out += [c + rest for c in (first, second) if c]
    return out


@pytest.mark.parametrize("word", _thing_words())
def test_every_thing_word_is_found_in_running_text(word):
    # the search's first-letter lookahead must let every listed word through
    assert has_thing_words(f"Officials said the {word} was near the coast.")


@pytest.mark.parametrize(
    "text",
    ["Shelling hit Kupiansk.", "The relationship between the towns improved.", "Tankers sailed."],
)
def test_no_thing_word(text):
    assert not has_thing_words(text)


def test_model_numbers_count():
    assert has_thing_words("A Geran-2 hit it.")
    assert has_thing_words("The Magura V5 was seen.")
