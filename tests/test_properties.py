"""Property-based tests (hypothesis) for ``Scorer.score``.

Properties: never raises on any string; deterministic and independent of what was scored before; scores
stay in range and add up; every hit points at the characters of the original text that carry its cue;
unrelated text appended never makes a relevant dyad irrelevant; negating an escalation never raises the
tension; the speaker does not matter when every sentence already names both sides.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tension
import tension.text
from tension.cues import _phrase_forms
from tension.text import normalize

# derandomize: the same examples on every run (stable in CI); deadline off: the first call builds the automaton.
_FAST = settings(max_examples=300, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
_SLOW = settings(max_examples=100, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def prop_scorer() -> tension.Scorer:
    # a scorer of our own (same settings as the ``scorer`` fixture) so hypothesis' fixture check stays quiet
    return tension.Scorer(config=tension.Config(tone=False))


# ---------------------------------------------------------------------------------------------------------
# strategies

# lexicon words, actors, modifiers, markup, invisible marks, look-alikes, other scripts, punctuation
WORDS = [
    "tariffs", "tariff", "TARIFFS", "imposed", "impose", "slapped", "levied", "threatened to", "sanctions",
    "export controls", "entity list", "retaliate", "trade war", "trade talks", "talks", "deal", "truce",
    "meeting", "meet", "cancel", "scrap", "suspend", "lift", "ease tensions", "missile", "launched",
    "nuclear test", "summit", "China", "Chinese", "Beijing", "Xi", "Xi Jinping", "PRC", "U.S.", "US", "us",
    "USA", "U.S", "America", "Washington", "Trump", "White House", "Kim Jong Un", "North Korea",
    "Pyongyang", "DPRK", "South Korea", "Japan", "Apple", "Huawei", "not", "no", "never", "n't", "didn't",
    "won't", "cannot", "ruled out", "refused to", "but", "however", "although", "while", "if", "unless",
    "only if", "may", "will", "would", "reportedly", "would not be sustainable", "massive", "slightly",
    "100%", "25 per cent", "$200 billion", "$1 trillion", "in 2018", "2019", "back in", "we", "I", "our",
    "our country", "me", "Mr.", "Jan.", "e.g.", "...", "<b>", "</b>", "<div class='x'>", "</div>", "<br/>",
    "<script>alert(1)</script>", "<style>p{}</style>", "<", ">", "<!--", "-->", "&amp;", "&lt;", "&#39;",
    "&#x4e2d;", "&nbsp;", "&bogus;", "&", "\u200b", "\u200d", "\u202e", "\u202c", "\u2066", "\ufeff",
    "\u00ad", "\u00a0", "\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee", "\uff23\uff48\uff49\uff4e\uff41",
    "\u201c", "\u201d", "\u2019", "\u2014", "\u2026", "\u2212", "\u0130", "\ufb01", "\u2474", "\u00bd",
    "\u4e2d\u56fd", "\ubbf8\uad6d", "\u041a\u0438\u0442\u0430\u0439", "\u0639\u0631\u0628\u064a",
    "\u0301", ".", ",", ";", ":", "!", "?", "'", '"', "(", ")", "-", "\n", "\r\n", "\t", " ", "\x00",
    "\x07", "\x1b", "\x7f", "\x85", "\u2028",
]
SEPS = ["", " ", " ", " ", "\n", ". ", ", "]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.text(max_size=6))
mixed_text = st.lists(st.tuples(token, st.sampled_from(SEPS)), max_size=40).map(
    lambda parts: "".join(t + s for t, s in parts))
any_text = st.one_of(st.text(), mixed_text, mixed_text)
speakers = st.one_of(st.none(), st.sampled_from(["USA", "CHN", "PRK", "Trump", "realDonaldTrump", "@realDonaldTrump"]))
dates = st.one_of(st.none(), st.dates(), st.sampled_from(["2019-05-05", "2025-10-18", "2012-01-01"]))

# sports and business sentences naming no actor and no cue (some hold one-word modifiers: "climbed", "twice")
UNRELATED = [
    "The Lakers beat the Celtics 112-104 on Sunday night.",
    "Shares of the retailer climbed 3% in afternoon trading.",
    "The quarterback threw for 300 yards in the second half.",
    "Quarterly revenue came in at 4.2 billion dollars, ahead of forecasts.",
    "Rain is expected across the region through the weekend.",
    "The striker scored twice and the home side won the derby.",
    "The company named a new chief financial officer on Monday.",
    "Analysts expect the bakery chain to open 40 new stores this year.",
    "The marathon drew more than 30,000 runners.",
    "Coffee prices edged higher in London.",
    "The airline reported strong summer bookings.",
    "Fans lined the streets for the championship parade.",
]


def _score(scorer, text, speaker=None, date=None):
    return scorer.score(text, speaker=speaker, date=date)


def _forget_offset_cache() -> None:
    """Empty tension.text's module-level cache of edit positions (if it still exists), so the next call
    scores as the first call of a fresh process would."""
    cache = getattr(tension.text, "_STARTS", None)
    if cache is not None:
        cache.clear()


# ---------------------------------------------------------------------------------------------------------
# robustness


@_FAST
@given(text=any_text, speaker=speakers, date=dates)
def test_never_raises(prop_scorer, text, speaker, date):
    """Any string (control characters, Unicode, HTML fragments, lexicon words) scores without raising,
    whatever the speaker and date."""
    doc = _score(prop_scorer, text, speaker, date)
    assert set(doc.dyads) == {"us_china", "us_dprk"}
    doc.to_json()
    doc.explain()


@_FAST
@given(text=any_text, speaker=speakers, date=dates)
def test_deterministic(prop_scorer, text, speaker, date):
    """The same input scored twice gives the same ``to_dict()``."""
    a = _score(prop_scorer, text, speaker, date).to_dict()
    b = _score(prop_scorer, text, speaker, date).to_dict()
    assert a == b


# news sentences naming both sides, with markup put in place of some spaces or around them: every such
# text needs an offset map back to the original
NEWS = [
    "The U.S. imposed tariffs on China.",
    "China vowed to retaliate against Washington.",
    "Trump threatened to slap new tariffs on Beijing.",
    "North Korea fired a ballistic missile toward Japan.",
    "Washington added Huawei to the entity list and China condemned the move.",
    "Kim Jong Un said he is open to talks with Trump.",
]
MARKUP = ["<b>", "</b>", "<i>", "</i>", "<br/>", "&nbsp;", "<span class='x'>"]


@st.composite
def decorated(draw, sentence=None, count=None):
    """A NEWS sentence with ``count`` markup tokens put in place of spaces (or at either end)."""
    sent = sentence if sentence is not None else draw(st.sampled_from(NEWS))
    words = sent.split(" ")
    k = count if count is not None else draw(st.integers(1, 4))
    slots = draw(st.lists(st.integers(0, len(words)), min_size=min(k, len(words) + 1),
                          max_size=min(k, len(words) + 1), unique=True))
    tags = draw(st.lists(st.sampled_from(MARKUP), min_size=len(slots), max_size=len(slots)))
    put = dict(zip(slots, tags))
    out = []
    for i, w in enumerate(words):
        out.append(put.get(i, " " if i else ""))
        out.append(w)
    out.append(put.get(len(words), ""))
    return "".join(out)


@st.composite
def decorated_pair(draw):
    """Two decorations of the same sentence with the same number of markup tokens (so the same number of
    offset edits)."""
    sent = draw(st.sampled_from(NEWS))
    k = draw(st.integers(1, 4))
    return draw(decorated(sent, k)), draw(decorated(sent, k))


# Regression (found by these properties): NormText once cached its edit positions in a module dict keyed by
# id(edits); a freed text's id was reused, so offsets depended on what was scored before, and could crash.
@_SLOW
@given(pair=decorated_pair())
def test_history_independent(prop_scorer, pair):
    """Scoring a text gives the same result whatever was scored just before it: score(B) right after
    score(A) == score(B) as the first call of a fresh process."""
    first, second = pair
    _forget_offset_cache()
    _score(prop_scorer, first)
    b_after = _score(prop_scorer, second).to_dict()
    _forget_offset_cache()
    b_clean = _score(prop_scorer, second).to_dict()
    assert b_after == b_clean


def test_history_independent_minimal(prop_scorer):
    """The minimal example behind test_history_independent: the hit must cover the cue, not a tag."""
    _forget_offset_cache()
    _score(prop_scorer, "<b>x</b> The U.S. imposed tariffs on China.")
    text = "The U.S. imposed tariffs on China.<b>x</b>"
    hits = _score(prop_scorer, text).dyads["us_china"].hits
    assert [(h.start, h.end, h.text) for h in hits] == [(9, 24, "imposed tariffs")]


def test_never_raises_after_other_texts_minimal(prop_scorer):
    """The minimal crash: '<b>' * 21 + sentence, then '<b>' * 20 + sentence -> IndexError in NormText._map."""
    sentence = "The U.S. imposed tariffs on China."
    _forget_offset_cache()
    _score(prop_scorer, "<b>" * 21 + sentence)
    _score(prop_scorer, "<b>" * 20 + sentence)


@_SLOW
@given(sentence=st.sampled_from(NEWS), tag=st.sampled_from(MARKUP), n_first=st.integers(0, 60),
       fewer=st.integers(0, 8))
def test_never_raises_after_other_texts(prop_scorer, sentence, tag, n_first, fewer):
    """Scoring never raises, whatever was scored before: markup * n_first + sentence, then the same with
    a few tags fewer (markup * (n_first - fewer) + sentence)."""
    n_second = max(0, n_first - fewer)
    _forget_offset_cache()
    _score(prop_scorer, tag * n_first + sentence)
    _score(prop_scorer, tag * n_second + sentence)


# ---------------------------------------------------------------------------------------------------------
# numbers


@_FAST
@given(text=any_text, speaker=speakers, date=dates)
def test_scores_in_range_and_consistent(prop_scorer, text, speaker, date):
    """Every dyad: tension in [-100, 100] and finite; escalation, de-escalation >= 0;
    threat + act == escalation; an irrelevant dyad has tension 0."""
    doc = _score(prop_scorer, text, speaker, date)
    for d in doc.dyads.values():
        assert math.isfinite(d.tension) and -100.0 <= d.tension <= 100.0
        assert d.escalation >= 0 and d.deescalation >= 0
        assert d.threat >= -1e-9 and d.act >= -1e-9
        assert d.threat + d.act == pytest.approx(d.escalation, abs=1e-9)
        if not d.relevant:
            assert d.tension == 0


# ---------------------------------------------------------------------------------------------------------
# evidence offsets


def _forms(scorer) -> dict[str, set[str]]:
    cache = getattr(scorer, "_prop_forms", None)
    if cache is None:
        cache = {}
        for c in scorer.lexicon.cues:
            cache.setdefault(c.phrase, set()).update(_phrase_forms(c.phrase, c.match == "inflect"))
        scorer._prop_forms = cache
    return cache


@_FAST
@given(text=any_text, speaker=speakers, date=dates)
def test_hit_offsets_index_original(prop_scorer, text, speaker, date):
    """Every hit: 0 <= start <= end <= len(original) and ``text == original[start:end]``."""
    doc = _score(prop_scorer, text, speaker, date)
    for d in doc.dyads.values():
        for h in d.hits:
            assert 0 <= h.start <= h.end <= len(text)
            assert h.text == text[h.start:h.end]


@_FAST
@given(text=st.one_of(any_text, decorated(), mixed_text.map(lambda t: t + " The U.S. imposed tariffs on China.")),
       speaker=speakers, date=dates)
def test_hit_offsets_point_at_cue(prop_scorer, text, speaker, date):
    """Every hit's original span, normalized, holds a surface form of its cue ("imposed tariffs" for
    "impose tariffs"): the offsets point at the evidence, not just at some characters. (The offset cache is
    emptied first so this checks the mapping itself; its history dependence is test_history_independent.)"""
    forms = _forms(prop_scorer)
    _forget_offset_cache()
    doc = _score(prop_scorer, text, speaker, date)
    for d in doc.dyads.values():
        for h in d.hits:
            surface = " ".join(normalize(h.text).folded.split())
            assert any(f in surface for f in forms[h.cue]), (h.cue, h.text, h.start, h.end)


# ---------------------------------------------------------------------------------------------------------
# relevance under appended text


@_FAST
@given(text=any_text, extra=st.lists(st.sampled_from(UNRELATED), min_size=1, max_size=4),
       sep=st.sampled_from([" ", "\n", "\n\n"]), date=dates)
def test_appending_unrelated_keeps_relevance(prop_scorer, text, extra, sep, date):
    """Appending sports/business sentences that name no actor and hold no cue never turns a relevant dyad
    irrelevant."""
    before = _score(prop_scorer, text, date=date)
    after = _score(prop_scorer, text + sep + " ".join(extra), date=date)
    for name, d in before.dyads.items():
        if d.relevant:
            assert after.dyads[name].relevant, name


# ---------------------------------------------------------------------------------------------------------
# negation

US_NAMES = ["The U.S.", "The US", "Washington", "The United States", "Trump", "America",
            "The Trump administration", "The White House"]
CN_TARGETS = ["China", "Beijing", "Chinese goods", "Chinese imports", "Chinese firms"]
CN_NAMES = ["China", "Beijing", "The Chinese government", "Xi Jinping"]
US_TARGETS = ["U.S. goods", "American farmers", "Washington", "the United States", "American imports"]
# affirmative -> its grammatical negation
ASPECTS = [
    ("imposed", "did not impose"), ("imposed", "didn't impose"), ("has imposed", "has not imposed"),
    ("has imposed", "has never imposed"), ("will impose", "will not impose"), ("will impose", "won't impose"),
    ("imposes", "does not impose"), ("would impose", "would not impose"), ("is imposing", "is not imposing"),
    ("slapped", "did not slap"), ("has slapped", "has not slapped"), ("will slap", "will not slap"),
    ("levied", "did not levy"), ("will levy", "will not levy"), ("has levied", "has not levied"),
    ("threatened to impose", "did not threaten to impose"),
]
MEASURES = ["tariffs", "new tariffs", "25% tariffs", "duties", "sanctions", "new sanctions", "export controls",
            "tariffs and export controls"]


@_FAST
@given(us_acts=st.booleans(), us=st.sampled_from(US_NAMES), cn_t=st.sampled_from(CN_TARGETS),
       cn=st.sampled_from(CN_NAMES), us_t=st.sampled_from(US_TARGETS), aspect=st.sampled_from(ASPECTS),
       measure=st.sampled_from(MEASURES), date=st.sampled_from([None, "2019-05-05", "2012-01-01"]))
def test_negation_never_raises_tension(prop_scorer, us_acts, us, cn_t, cn, us_t, aspect, measure, date):
    """"X imposed tariffs on Y." vs "X did not impose tariffs on Y." (US/China either way round, several
    verbs, tenses and measures): the negated tension is never higher than the affirmative one."""
    actor, target = (us, cn_t) if us_acts else (cn, us_t)
    aff, neg = aspect
    t_aff = f"{actor} {aff} {measure} on {target}."
    t_neg = f"{actor} {neg} {measure} on {target}."
    a = _score(prop_scorer, t_aff, date=date).dyads["us_china"]
    n = _score(prop_scorer, t_neg, date=date).dyads["us_china"]
    assert n.tension <= a.tension, (t_aff, a.tension, t_neg, n.tension)


# ---------------------------------------------------------------------------------------------------------
# speaker

# Why this holds by design (tension/scoring.py): the speaker only (1) puts sentences "in play" for the
# rules, (2) joins ``present`` for every dyad, (3) stands for first-person words, (4) is the acting actor
# when no dyad member is named. When every sentence names both the US and China and there is no
# first-person word, (1) and (2) change nothing (both sides are already present, so each hit is "named"),
# (3) never fires, and (4) is never reached. Lower-case "us" is first person, so the texts never hold it.
SPK_SENTENCES = [
    "{us} imposed tariffs on {cn}.",
    "{us} threatened to slap new tariffs on {cn}.",
    "{cn} vowed to retaliate against {us}.",
    "{us} and {cn} resumed trade talks.",
    "{cn} did not impose sanctions on {us}.",
    "{us} added {cn} firms to the entity list.",
    "{us} may cancel the meeting with {cn}.",
    "{cn} and {us} signed a trade deal, but tensions remain.",
    "{us} will lift tariffs on {cn} if talks go well.",
    "{us} imposed massive 100% tariffs on {cn}.",
]
SPK_US = ["The U.S.", "Washington", "Trump", "The United States", "America", "The White House"]
SPK_CN = ["China", "Beijing", "Chinese", "Xi Jinping", "The Chinese government"]


@_FAST
@given(parts=st.lists(st.tuples(st.sampled_from(SPK_SENTENCES), st.sampled_from(SPK_US), st.sampled_from(SPK_CN)),
                      min_size=1, max_size=5),
       sep=st.sampled_from([" ", "\n"]), date=st.sampled_from([None, "2019-05-05", "2012-01-01"]))
def test_speaker_invariant_when_both_named(prop_scorer, parts, sep, date):
    """A text without first-person words whose every sentence names both the US and China scores the same
    us_china tension (and escalation, de-escalation) with speaker None and speaker "USA"."""
    text = sep.join(tpl.format(us=u, cn=c) for tpl, u, c in parts)
    a = _score(prop_scorer, text, None, date).dyads["us_china"]
    b = _score(prop_scorer, text, "USA", date).dyads["us_china"]
    assert a.relevant == b.relevant
    assert a.tension == pytest.approx(b.tension)
    assert a.escalation == pytest.approx(b.escalation)
    assert a.deescalation == pytest.approx(b.deescalation)


# ---------------------------------------------------------------------------------------------------------
# shortcuts taken for speed give the results of the long way

many_sentences = st.lists(st.one_of(any_text, st.sampled_from(NEWS), st.sampled_from(UNRELATED),
                                    st.sampled_from(SPK_SENTENCES).map(lambda t: t.format(us="The U.S.", cn="Japan"))),
                          min_size=1, max_size=8).map(" ".join)


@_FAST
@given(text=st.one_of(any_text, many_sentences))
def test_overlaps_resolved_per_run_as_over_the_whole_text(prop_scorer, text):
    """The matcher resolves overlaps run by run; resolving them over all candidates at once (longest first,
    then leftmost) gives the same matches."""
    from tension.cues import _take

    nt = normalize(text)
    matcher = prop_scorer.matcher
    whole: list = []
    heads: list = []
    cands = matcher._candidates(nt.folded, nt.text, heads)
    _take(cands, nt.text, whole)
    whole.sort(key=lambda m: m.start)
    if cands and heads:  # (the cues found across a gap are added after the overlaps are resolved, both ways)
        matcher._add_gapped(nt.folded, whole, heads)
    if cands:  # (and a name's first word before a conjunction and a name sharing the rest, "North and South Korea")
        matcher._add_elided(nt.folded, nt.text, whole)
    assert matcher.find(nt.folded, nt.text) == whole


@_FAST
@given(text=st.one_of(any_text, many_sentences), date=dates)
def test_sentences_skipped_by_may_hit_yield_nothing(prop_scorer, text, date, monkeypatch):
    """Reading every sentence worth it, instead of only those ``_may_hit`` lets through, changes nothing."""
    fast = _score(prop_scorer, text, None, date).to_dict()
    with monkeypatch.context() as m:
        m.setattr(prop_scorer, "_may_hit", lambda *a, **k: True)
        slow = _score(prop_scorer, text, None, date).to_dict()
    assert fast == slow


@_FAST
@given(text=st.one_of(any_text, many_sentences), speaker=speakers, date=dates)
def test_texts_skipped_as_worth_no_reading_yield_nothing(prop_scorer, text, speaker, date, monkeypatch):
    """Splitting and reading every text with a match, instead of only those ``_any_worth_reading`` lets
    through, changes nothing."""
    fast = _score(prop_scorer, text, speaker, date).to_dict()
    with monkeypatch.context() as m:
        m.setattr(prop_scorer, "_any_worth_reading", lambda *a, **k: True)
        slow = _score(prop_scorer, text, speaker, date).to_dict()
    assert fast == slow


@pytest.mark.parametrize("text", ["Tariffs are rising.", "Beijing imposed tariffs on Japan.", "Japan and Canada met.",
                                  "Chinese virus spreads.", "Talks with Seoul resumed.", "No tariffs. China replied."])
def test_texts_skipped_as_worth_no_reading_yield_nothing_minimal(prop_scorer, text, monkeypatch):
    for speaker, date in ((None, None), (None, "2012-01-01"), ("USA", "2019-05-05")):
        fast = _score(prop_scorer, text, speaker, date).to_dict()
        with monkeypatch.context() as m:
            m.setattr(prop_scorer, "_any_worth_reading", lambda *a, **k: True)
            assert _score(prop_scorer, text, speaker, date).to_dict() == fast


# sentences that rules other than their modifiers' change: capitals, magnitudes, absorption, an earlier year;
# and modifiers of one kind or two
PLAIN_NEWS = ["The U.S. TARIFFS on China.", "US tariffs on $300 billion of Chinese goods.",
              "The US-China trade war escalated.", "China blasts 25% US tariffs.",
              "Trade talks between the US and China hit a setback.", "In 2018 the US and China held talks.",
              "China may not retaliate against US tariffs.", "The US threatened to cancel talks with China.",
              "China urged the US to resume talks.", "If China retaliates, the US will impose tariffs.",
              "The US and China agreed to end the trade war.", "US-China trade talks collapsed.",
              "The US reportedly rolled back tariffs on China.",
              "The U.S. said 100 per cent tariffs on China would not be sustainable."]


def _all_rules_change_nothing(scorer, text, speaker, date, monkeypatch) -> None:
    import tension.rules

    fast = _score(scorer, text, speaker, date).to_dict()
    with monkeypatch.context() as m:
        m.setattr(tension.rules, "_RULES_WITHOUT_MODIFIERS", tension.rules.RULES)
        m.setattr(tension.rules, "MODIFIER_RULES", {})
        slow = _score(scorer, text, speaker, date).to_dict()
    assert fast == slow


@_FAST
@given(text=st.one_of(any_text, many_sentences, st.lists(st.sampled_from(PLAIN_NEWS + NEWS), min_size=1, max_size=4)
                      .map(" ".join)), speaker=speakers, date=dates)
def test_rules_skipped_without_modifiers_change_nothing(prop_scorer, text, speaker, date, monkeypatch):
    """Running every rule on every sentence, instead of leaving out those of MODIFIER_RULES whose modifiers
    the sentence lacks, changes nothing."""
    _all_rules_change_nothing(prop_scorer, text, speaker, date, monkeypatch)


@pytest.mark.parametrize("text", PLAIN_NEWS)
def test_rules_skipped_without_modifiers_change_nothing_minimal(prop_scorer, text, monkeypatch):
    _all_rules_change_nothing(prop_scorer, text, None, "2019-05-05", monkeypatch)
