"""The public API contract, the seed article, and bad input."""

from __future__ import annotations

import json

import pytest

import tension
from tension import Config, Document, DyadScore, Hit, InputError, Scorer
from tension.text import normalize


def test_public_names():
    for name in ("score", "Scorer", "Config", "Document", "DyadScore", "Hit", "TensionError", "InputError",
                 "LexiconError"):
        assert hasattr(tension, name)


def test_result_shape(scorer):
    doc = scorer.score("Trump threatened to impose tariffs on China; Beijing vowed to retaliate.")
    assert isinstance(doc, Document)
    assert set(doc.dyads) == {"us_china", "us_dprk"}
    d = doc.dyads["us_china"]
    assert isinstance(d, DyadScore) and d.relevant
    assert -100 <= d.tension <= 100 and d.tension > 0
    assert d.escalation >= 0 and d.deescalation >= 0
    assert d.threat + d.act == pytest.approx(d.escalation)
    assert d.net == pytest.approx(d.escalation - d.deescalation)
    assert set(d.by_actor) <= {"USA", "CHN"} and d.by_actor
    h = d.hits[0]
    assert isinstance(h, Hit)
    assert [f for f in ("start", "end", "text", "cue", "category", "mode", "actor", "base_weight", "rules",
                        "weight") if not hasattr(h, f)] == []
    text = "Trump threatened to impose tariffs on China; Beijing vowed to retaliate."
    for h in d.hits:
        assert text[h.start:h.end] == h.text


def test_not_relevant_is_zero(scorer):
    d = scorer.score("Apple reported record iPhone sales in Europe.").dyads["us_china"]
    assert not d.relevant and d.tension == 0 and d.escalation == 0 and d.hits == ()


def test_deterministic(scorer, seed_text):
    a = scorer.score(seed_text, date="2025-10-18").to_dict()
    b = Scorer(config=Config(tone=False)).score(seed_text, date="2025-10-18").to_dict()
    assert a == b


def test_module_level_score_has_tone():
    doc = tension.score("This is a great and wonderful deal between the U.S. and China.")
    assert doc.tone is not None and doc.tone > 0
    assert doc.dyads["us_china"].tension < 0


def test_to_dict_is_json(scorer, seed_text):
    doc = scorer.score(seed_text, speaker=None, date="2025-10-18")
    data = json.loads(doc.to_json())
    assert data["date"] == "2025-10-18" and data["lexicon_version"]
    assert data["dyads"]["us_china"]["hits"][0]["rules"] is not None


def test_explain_names_every_hit(scorer):
    doc = scorer.score("The U.S. put Huawei on the entity list; China condemned the move.")
    text = doc.explain()
    assert "us_china: tension +" in text and "entity list" in text and "us_dprk: not relevant" in text


# --- the seed article ---------------------------------------------------------------------------------------

def test_seed_us_china(scorer, seed_text):
    d = scorer.score(seed_text, date="2025-10-18").dyads["us_china"]
    assert d.relevant and d.escalation > 0 and d.deescalation > 0
    cats = {h.category for h in d.hits if h.weight > 0}
    assert {"meeting", "export_control"} <= cats          # the threat to scrap the meeting, the rare-earth curbs
    scrap = next(h for h in d.hits if h.cue == "meeting" and h.weight > 0)
    assert scrap.mode == "threat" and any(r.startswith("reversal(scrap)") for r in scrap.rules)
    negative = {h.cue for h in d.hits if h.weight < 0}
    assert {"tariffs", "going to be fine", "meet"} <= negative  # "would not be sustainable", "still planned to meet"
    tariffs = next(h for h in d.hits if h.cue == "tariffs")
    assert any(r.startswith("retraction") for r in tariffs.rules)


def test_seed_us_dprk(scorer, seed_text):
    d = scorer.score(seed_text, date="2025-10-18").dyads["us_dprk"]
    assert d.relevant and d.tension < 0
    outreach = next(h for h in d.hits if h.cue == "outreach")
    assert outreach.weight > 0                              # the rejected outreach is escalation
    assert any(h.cue == "talks" and h.weight < 0 for h in d.hits)   # "open to future talks"


def test_seed_south_korea_is_not_north_korea(scorer, seed_text):
    """"Trump is also likely to meet South Korean President Lee Jae Myung" says nothing of US-DPRK."""
    d = scorer.score(seed_text, date="2025-10-18").dyads["us_dprk"]
    start = seed_text.index("During the APEC Summit")
    end = seed_text.index("\n", start)
    assert d.relevant and not [h for h in d.hits if start <= h.start < end]


# --- actors ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, dyad, relevant", [
    ("South Korea fired a missile in a test.", "us_dprk", False),
    ("South Korean President Lee met Trump at the White House.", "us_dprk", False),
    ("Let us impose tariffs on steel.", "us_china", False),             # "us" the pronoun, no China
    ("The US imposed tariffs on China.", "us_china", True),
    ("China and the EU signed a trade deal.", "us_china", False),
    ("The U.S. imposed new tariffs on Canadian steel.", "us_china", False),
    ("North Korea test-fired an ICBM.", "us_dprk", True),               # aimed at the US and its allies
    ("Trump may hold the summit on the border of North and South Korea.", "us_dprk", True),  # North (Korea)
    ("Trump may hold the summit in the north, South Korea says.", "us_dprk", False),  # a direction
])
def test_actor_disambiguation(scorer, text, dyad, relevant):
    assert scorer.score(text).dyads[dyad].relevant is relevant


@pytest.mark.parametrize("text, actor", [
    ("FCC bans sales of Huawei equipment.", "USA"),          # the name right before the verb acts
    ("Beijing bans Micron chips in key infrastructure.", "CHN"),
    ("The U.S. slapped tariffs on Chinese goods.", "USA"),
    ("Tariffs on Chinese goods were raised by the U.S.", "USA"),
    # a side's name right before a measure says what it is on, when the other side acts before it
    ("Trump raises China tariffs again.", "USA"),
    ("The White House delays some China tariffs.", "USA"),
    ("Washington signs new Beijing sanctions.", "USA"),
    # but not where the measure is said to be on the other side
    ("Trump warns as China tariffs on U.S. jets take effect.", "CHN"),
])
def test_acting_side(scorer, text, actor):
    by_actor = scorer.score(text, date="2019-06-01").dyads["us_china"].by_actor
    assert max(by_actor, key=lambda a: abs(by_actor[a])) == actor


@pytest.mark.parametrize("text", ["Trump slams China's tariffs.", "Trump slams China’s tariffs."])
def test_a_possessive_before_a_measure_names_its_owner(scorer, text):
    """'China's tariffs' are China's, whoever acts before them (straight or curly apostrophe)."""
    hits = [h for h in scorer.score(text, date="2019-06-01").dyads["us_china"].hits if h.cue == "tariffs"]
    assert hits and hits[0].actor == "CHN"


@pytest.mark.parametrize("text, actor", [
    ("U.S. labels China a currency manipulator", "USA"),
    ("Treasury brands Beijing a currency manipulator as the yuan slides", "USA"),
    ("China firmly opposes currency manipulator label", "CHN"),
])
def test_a_side_given_a_name_is_its_object(scorer, text, actor):
    """The side right after a verb of naming is the one named; the charge is the namer's words."""
    hits = scorer.score(text, date="2019-08-06").dyads["us_china"].hits
    assert [h.actor for h in hits if "manipulator" in h.cue] == [actor]


def test_north_korea_does_not_block_the_trade_war_context(scorer):
    doc = scorer.score("Nixed U.S.-North Korea meeting, trade fears sink global shares", date="2018-05-25")
    assert [h.cue for h in doc.dyads["us_china"].hits] == ["trade fears"]   # the meeting is with North Korea
    assert [h.cue for h in doc.dyads["us_dprk"].hits] == ["meeting"]
    # a trade partner other than China still blocks it
    assert not scorer.score("Canada and the U.S. trade fears sink global shares",
                            date="2018-05-25").dyads["us_china"].relevant


def test_a_third_country_as_subject_takes_the_cue(scorer):
    doc = scorer.score("Trump hails Kim letter as Beijing retaliates with new tariffs", date="2019-06-14")
    assert {h.cue for h in doc.dyads["us_dprk"].hits} == {"hail", "letter"}   # not Beijing's retaliation
    assert "retaliate" in {h.cue for h in doc.dyads["us_china"].hits}
    assert scorer.score("The US and Britain sanction North Korea").dyads["us_dprk"].tension > 0


def test_speaker_first_person(scorer):
    text = "We will impose massive tariffs on China."
    assert scorer.score(text, speaker="USA").dyads["us_china"].by_actor.get("USA", 0) > 0
    assert scorer.score(text, speaker="realDonaldTrump").speaker == "USA"
    assert scorer.score(text).dyads["us_china"].relevant  # tariffs on China imply the US


def test_unknown_speaker_is_a_clear_error(scorer):
    with pytest.raises(InputError, match="speaker='Nobody'"):
        scorer.score("text", speaker="Nobody")


# --- bad input -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_string_raises_type_error(scorer, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        scorer.score(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b", "<p></p>"])
def test_empty_text(scorer, text):
    doc = scorer.score(text)
    assert all(not d.relevant and d.tension == 0 for d in doc.dyads.values())


def test_bad_date(scorer):
    with pytest.raises(InputError, match="date="):
        scorer.score("text", date="yesterday")


def test_bad_config():
    with pytest.raises(InputError, match="damping"):
        Config(damping=0)
    with pytest.raises(InputError, match="no setting"):
        Config().replace(dampen=1)
    with pytest.raises(InputError, match="tension.Config"):
        Scorer(config={"tone": False})


def test_index_is_bounded_and_does_not_grow_with_length(scorer):
    one = scorer.score("The U.S. imposed tariffs on China.").dyads["us_china"].tension
    many = scorer.score(" ".join(["The U.S. imposed tariffs on China."] * 500)).dyads["us_china"].tension
    assert 0 < one <= 100 and 0 < many <= 100
    mixed = scorer.score(" ".join(["The U.S. imposed tariffs on China. The U.S. and China signed a deal."] * 300))
    assert abs(mixed.dyads["us_china"].tension) < 50


def test_scorer_pickles_and_scores_the_same(scorer):
    """A Scorer travels to other processes (multiprocessing with spawn, cluster schedulers) by pickle."""
    import pickle

    text = "The U.S. imposed new tariffs on Chinese goods, Beijing vowed to retaliate."
    clone = pickle.loads(pickle.dumps(scorer))
    assert clone.score(text).to_dict() == scorer.score(text).to_dict()


def test_seizing_on_something_is_no_seizure(scorer):
    """"seize" is an enforcement act ("U.S. seizes a North Korean freighter"); "seizes on", "seize the
    moment" are exclusions that keep it from firing."""
    assert "seize" in {h.cue for h in scorer.score("U.S. seizes a North Korean coal freighter").dyads["us_dprk"].hits}
    doc = scorer.score("Beijing seizes on the trade truce to woo American farmers", date="2019-01-20")
    assert "seize" not in {h.cue for h in doc.dyads["us_china"].hits}
    assert doc.dyads["us_china"].tension < 0


@pytest.mark.parametrize("text, named", [
    ("talks between North and South Korea", {"PRK", "KOR"}),
    ("North & South Korean leaders", {"PRK", "KOR"}),
    ("North, South Korea agree to march together", {"PRK", "KOR"}),
    ("South and North Korea", {"KOR", "PRK"}),
    ("the north and South Korea", {"KOR"}),               # lower case: a direction
    ("Trump and South Korea", {"USA", "KOR"}),              # no 'Trump Korea' to stand for
])
def test_a_name_left_out_before_a_conjunction(scorer, text, named):
    """The first word of a name whose rest is left out ("North and South Korea") names it."""
    nt = normalize(text)
    found = {m.entry.actor for m in scorer.matcher.find(nt.folded, nt.text) if m.kind == "actor"}
    assert found == named


@pytest.mark.parametrize("text, cue, actor", [
    ("Wall Street slides as U.S.-China trade war intensifies", "trade war", ""),   # theirs together
    ("Trump-Xi summit yields a truce", "truce", ""),
    ("China's Xi, Trump agree to restart trade talks", "trade talks", ""),
    ("House backs Trump's China trade war", "trade war", "USA"),                 # a possessive owns it
    ("Beijing escalates the trade war", "trade war", "CHN"),                       # one side named: it acts
])
def test_a_pair_of_the_sides_holds_a_conflict_or_meeting_together(scorer, text, cue, actor):
    hits = [h for h in scorer.score(text, date="2019-06-01").dyads["us_china"].hits if h.cue == cue]
    assert hits and hits[0].actor == actor
