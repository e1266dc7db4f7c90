"""The spaCy pipeline as built for the extractors: a blank line always ends a sentence."""

from __future__ import annotations

from realpolitik import nlp
from realpolitik.config import Config


def _sentences(text: str, disable: tuple[str, ...] = ()) -> list[str]:
    return [s.text.strip() for s in nlp.load(Config.from_env().model, disable)(text).sents]


def test_a_byline_and_the_lede_after_it_are_two_sentences():
    text = ("Lena Farrow, Secretary of State\n\nThe United States is designating two former ministers "
            "of Ruritania for their involvement in significant corruption.")
    assert _sentences(text) == ["Lena Farrow, Secretary of State",
                                "The United States is designating two former ministers of Ruritania "
                                "for their involvement in significant corruption."]


def test_a_headline_is_its_own_sentence():
    text = "Minister attacks port sale\n\nA senior minister has said the sale of the port was a mistake."
    assert _sentences(text)[0] == "Minister attacks port sale"


def test_a_single_line_break_is_left_to_the_parser():
    text = "Officials met in Geneva on Monday and\nagreed to meet again in March."
    assert len(_sentences(text)) == 1


def test_the_component_sits_before_whatever_segments():
    names = nlp.load(Config.from_env().model).pipe_names
    assert names.index(nlp.PARAGRAPH_BREAKS) < names.index("parser")
