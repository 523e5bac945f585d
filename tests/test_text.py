"""Normalization keeps a way back to the original characters; segmentation knows abbreviations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tension.text import _BOUNDARY, _cuts, clause_breaks, normalize, sentences


@pytest.mark.parametrize("raw, folded", [
    ("Plain ASCII U.S. text", "plain ascii u.s. text"),
    ("\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee", "china"),              # mathematical bold (posts)
    ("we\u2019re going to be fine", "we're going to be fine"),                 # curly apostrophe
    ("Chi\u200bna", "china"),                                                  # zero-width space inside a name
    ("<p>Trade &amp; tariffs</p>", " trade & tariffs "),                       # tags and entities
    ("tariffs\x00\x07on", "tariffs on"),                                       # control characters
    ("\ufb01ne", "fine"),                                                      # ligature
])
def test_normalize_folds(raw: str, folded: str) -> None:
    assert normalize(raw).folded == folded


@pytest.mark.parametrize("raw, needle", [
    ("<b>\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee</b> imposes tariffs", "imposes tariffs"),
    ("A &amp; B: Chi\u200bna\u2019s tariffs", "tariffs"),
    ("x\ufb01ne \u2014 talks", "talks"),
])
def test_offsets_point_at_original(raw: str, needle: str) -> None:
    nt = normalize(raw)
    s = nt.folded.index(needle)
    o0, o1 = nt.to_original(s, s + len(needle))
    assert raw[o0:o1] == needle


def test_offsets_of_rewritten_span_cover_it() -> None:
    raw = "<b>\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee</b>"
    nt = normalize(raw)
    s = nt.folded.index("china")
    o0, o1 = nt.to_original(s, s + 5)
    assert raw[o0:o1] == "\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee"


def test_lengths_always_equal() -> None:
    nt = normalize("\u0130stanbul \u00c9TATS-UNIS <i>x</i> &#8212;")
    assert len(nt.text) == len(nt.folded)


def test_unclosed_tag_does_not_swallow_text() -> None:
    nt = normalize("<div class='a' tariffs imposed on China")
    assert "tariffs imposed" in nt.folded


@pytest.mark.parametrize("text, expected", [
    ("Mr. Xi met U.S. officials in Jan. 2019. Talks resumed.", 2),
    ("The U.S. and China agreed. Markets rose! Did they? Yes.", 4),
    ("Headline one\nHeadline two", 2),
    ("....China does not want Tariffs!", 1),
    ("Kim Jong Un met Mr. Trump in Singapore. It was a great meeting.", 2),
    ("", 0),
    # text tokenized with spaces around periods: a spaced period after a single letter or before a number
    ("China blames U . S for trade frictions", 1),
    ("Boeing order worth USD 3 . 6 billion", 1),
    ("Tariffs start Dec . 15 on Chinese goods", 1),
    ("The talks ended . The war goes on", 2),
    # a period glued between a lower-case word and a capitalized one, as posts type it; not after an
    # abbreviation or inside one
    ("China wants a deal.Not yet!", 2),
    ("Gen.Mattis met the U.S.Navy chief", 1),
    # a country abbreviation before a word that can only open a sentence ends one; before a noun it does not
    ("It can reach the U.S. It won't happen!", 2),
    ("The U.S. Treasury and U.S. China trade", 1),
    # a letter after an apostrophe is no single-letter abbreviation; "No." is one only before a number
    ("They didn't. We are putting tariffs on China!", 2),
    ("Beijing said no. Very disappointing!", 2),
    ("China is No. 1 in steel output", 1),
])
def test_sentences(text: str, expected: int) -> None:
    assert len(sentences(normalize(text))) == expected


@pytest.mark.parametrize("text, words", [
    ("fine with china, but we need a deal", ["but"]),
    ("talks resumed; tariffs stay", [";"]),
    ("although talks resumed tariffs stay", ["although"]),
    # an opening concession ends at its comma, where the main clause starts; one later in the sentence does not
    ("although talks resumed, tariffs stay", ["although", ","]),
    ("\"while china wants a deal, tariffs stay", ["while", ","]),
    ("tariffs stay although talks resumed, sadly", ["although"]),
    ("no clause break here", []),
    # "yet" as a conjunction opens a clause; as an adverb it does not
    ("washington offered a truce, yet beijing imposed tariffs", ["yet"]),
    ("tariffs have not yet taken effect", []),
    ("north korea fires yet another missile", []),
    ("china has yet to respond", []),
    ("talks have not started yet! more soon", []),
    ("no decision yet on new tariffs", []),
])
def test_clause_breaks(text: str, words: list[str]) -> None:
    assert [w for _, w in clause_breaks(text, 0, len(text))] == words


# abbreviations, single letters, look-alikes whose case-insensitive match is wider than str.lower() ("İnc",
# "ſt", the Kelvin sign), words glued to them, runs of periods, closing quotes, lower- and upper-case next words
_SPLIT_WORDS = ["Mr", "mr", "U.S", "u.s", "U.S.A", "Inc", "INC", "\u0130nc", "\u017ft", "\u212ao", "co", "approx",
                "Messrs", "e.g", "x", "N", "\u00e9", "Jan", "sept", "Xi", "talks", "Talks", "a.b", "", "6", "15%",
                "It", "We", "D.C", "e.u", "didn't", "he's", "No", "no", "NO", "o'x"]
_SPLIT_GLUE = ["", "", "_", "9", "\u00e9", ".", "x"]
_SPLIT_PUNCT = [".", ".", ". ", "..", "...", "!", "?!", '."', ".)", "", " ", " .", " . "]
_SPLIT_SPACE = [" ", " ", "  ", "\n", "\t", "\u2028", "\u00a0", ""]
_split_piece = st.tuples(st.sampled_from(_SPLIT_GLUE), st.sampled_from(_SPLIT_WORDS), st.sampled_from(_SPLIT_PUNCT),
                         st.sampled_from(_SPLIT_SPACE)).map("".join) | st.text(max_size=3)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(_split_piece, max_size=20).map("".join))
def test_sentence_cuts_are_the_boundary_regex(text: str) -> None:
    """The fast splitter cuts where the reference regex _BOUNDARY (with its look-behinds) does."""
    assert _cuts(text) == [m.end() for m in _BOUNDARY.finditer(text)]


@pytest.mark.parametrize("text, words", [
    ("at the #SingaporeSummit today", "at the #Singapore Summit today"),
    ("#USChinaTrade and #NorthKorea", "#US China Trade and #North Korea"),
    ("#MAGA #KAG2020 #1 #tradewar", "#MAGA #KAG2020 #1 #tradewar"),       # nothing to cut
])
def test_camel_case_hashtags_are_cut_into_words(text, words):
    assert normalize(text).text == words


def test_a_word_of_a_cut_hashtag_maps_back_onto_the_hashtag():
    text = "at the #SingaporeSummit today"
    nt = normalize(text)
    i = nt.text.find("Summit")
    s, e = nt.to_original(i, i + len("Summit"))
    assert text[s:e] == "#SingaporeSummit"
