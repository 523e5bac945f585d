"""Each rule on its own, through the one cue it should change (the trail in ``Hit.rules`` names it)."""

from __future__ import annotations

import pytest

from tension import Config, Scorer
from tension.rules import magnitude_factor


def hit(scorer: Scorer, text: str, cue: str, dyad: str = "us_china", **kw):
    doc = scorer.score(text, **kw)
    hits = [h for h in doc.dyads[dyad].hits if h.cue == cue]
    assert hits, f"no hit for {cue!r} in {text!r}:\n{doc.explain()}"
    return hits[0]


def has_rule(h, name: str) -> bool:
    return any(r.startswith(name) for r in h.rules)


def assert_turned(scorer: Scorer, text: str, cue: str, sign: int, rule: str) -> None:
    """The cue's hit went through ``rule`` and ends with the expected sign."""
    dyad = "us_dprk" if ("Kim" in text or "North Korea" in text) else "us_china"
    h = hit(scorer, text, cue, dyad)
    assert has_rule(h, rule)
    assert (h.weight > 0) == (sign > 0)


# --- negation -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, sign", [
    ("The U.S. did not impose tariffs on China.", "impose tariffs", -1),       # negated act: mild de-escalation
    ("There will be no deal between the U.S. and China.", "deal", +1),                          # negated cooperation: escalation
    ("Trump did not sign an agreement with Kim Jong Un.", "agreement", +1),
    ("Beijing and Washington do not want to see a trade war.", "trade war", -1),
])
def test_negation_flips(scorer, text, cue, sign):
    assert_turned(scorer, text, cue, sign, "negation")


def test_negated_agreement_passes_to_its_content(scorer):
    doc = scorer.score("Lighthizer says the US never agreed to remove tariffs on Chinese goods", date="2019-11-08")
    hits = {h.cue: h for h in doc.dyads["us_china"].hits}
    assert hits["agreed"].weight == 0 and hits["remove tariffs"].weight > 0
    assert "content of negated agreed" in hits["remove tariffs"].rules


def test_negated_statement_is_withdrawn_not_reversed(scorer):
    h = hit(scorer, "I am not accusing China of anything.", "accuse", speaker="USA")
    assert -1.0 < h.weight < 0            # a faint de-escalation, inside the neutral band


def test_not_blaming_is_an_exoneration(scorer):
    # "not blame" is a phrase of its own: the other side cleared of blame, a warm word (unlike the faint
    # withdrawal of a negated accusation above)
    h = hit(scorer, "I don't blame China for this.", "not blame", speaker="USA")
    assert h.weight <= -2 and not has_rule(h, "negation")


def test_negation_under_obligation_is_a_warning(scorer):
    h = hit(scorer, "China should not retaliate against the United States.", "retaliate")
    assert h.weight > 0 and h.mode == "statement"


def test_double_negation_cannot_be_ruled_out(scorer):
    h = hit(scorer, "A meeting between the United States and North Korea cannot be ruled out.", "meeting", "us_dprk")
    assert h.weight < 0
    assert not has_rule(h, "reversal")


def test_negation_window_is_limited(scorer):
    # the negator is too far from the cue to govern it
    h = hit(scorer, "The U.S. said it was not certain about the schedule or the venue of the next summit with Xi.",
            "summit")
    assert not has_rule(h, "negation")


# --- reversal and retraction ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue, sign", [
    ("Trump cancelled the meeting with Xi Jinping.", "meeting", +1),
    ("U.S.-China trade talks collapsed on Friday.", "trade talks", +1),
    ("Washington lifted the sanctions on Chinese telecom firm ZTE.", "sanctions", -1),
    ("Prior outreach from Trump was reportedly rejected by North Korea.", "outreach", +1),   # passive
    ("China urges a resolution to the U.S.-Sino trade war.", "trade war", -1),
])
def test_reversal(scorer, text, cue, sign):
    assert_turned(scorer, text, cue, sign, "reversal")


@pytest.mark.parametrize("text, cue, sign", [
    ("Beijing dashed hopes of an end to the trade war.", "trade war", +1),
    ("Trump rejected calls to lift the tariffs on Chinese goods.", "tariffs", +1),
    ("China lifted its suspension of trade talks with the U.S.", "trade talks", -1),
])
def test_reverser_of_a_reverser_leaves_the_cue_as_it_was(scorer, text, cue, sign):
    h = hit(scorer, text, cue)
    assert any(" of reversal(" in r for r in h.rules)
    assert (h.weight > 0) == (sign > 0)


def test_two_easers_do_not_cancel(scorer):
    h = hit(scorer, "China urges a calm resolution to the trade war.", "trade war")
    assert h.weight < 0 and not any(" of reversal(" in r for r in h.rules)


def test_grievance_as_subject_of_cooperation(scorer):
    h = hit(scorer, "Beijing says it is willing to work with Washington on fentanyl.", "work with")
    assert has_rule(h, "subject(fentanyl)")
    doc = scorer.score("Beijing says it is willing to work with Washington on fentanyl.")
    assert all(x.cue != "fentanyl" for x in doc.dyads["us_china"].hits)
    # an accusation not introduced as the subject stays
    assert hit(scorer, "Trump met Xi and accused China of intellectual property theft.",
               "intellectual property theft").weight > 0


def test_an_accusation_and_what_it_names_are_one_charge(scorer):
    doc = scorer.score("Trump accuses China of IP theft", date="2019-06-01")
    hits = doc.dyads["us_china"].hits
    assert [h.cue for h in hits] == ["ip theft"] and hits[0].weight == 4 and hits[0].actor == "USA"
    assert has_rule(hits[0], "charge(accuse)")
    # a measure's reason is counted with the measure
    doc = scorer.score("US sanctions Chinese firms over fentanyl", date="2019-06-01")
    assert [h.cue for h in doc.dyads["us_china"].hits] == ["sanctions"]


@pytest.mark.parametrize("text, head, subject, dyad", [
    ("US and China hold talks on a trade deal", "talks", "trade deal", "us_china"),
    ("We are not making progress with respect to the denuclearization of North Korea.", "progress",
     "denuclearization", "us_dprk"),
])
def test_cooperation_about_cooperation_is_one_event(scorer, text, head, subject, dyad):
    doc = scorer.score(text, speaker="USA", date="2019-06-01")
    hits = {h.cue: h for h in doc.dyads[dyad].hits}
    assert subject not in hits and has_rule(hits[head], f"subject({subject})")


def test_retraction_after_the_cue(scorer):
    h = hit(scorer, "Trump said 100 per cent tariffs on Chinese imports would not be sustainable.", "tariffs")
    assert has_rule(h, "retraction") and h.weight < 0


# --- enactment, modality, obligation, conditionals -----------------------------------------------------------

def test_enacting_verb_reaches_over_numbers(scorer):
    h = hit(scorer, "The U.S. slapped 25% tariffs on Chinese goods.", "tariffs")
    assert has_rule(h, "enacted") and h.mode == "act" and h.weight >= 6


def test_enacting_verbs_enact_measures_only(scorer):
    h = hit(scorer, "The U.S. extended the trade talks with China by two days.", "trade talks")
    assert not has_rule(h, "enacted") and h.weight < 0
    # a deadline put off is a pause, not a measure taken ("extends the deadline for new tariffs")
    h = hit(scorer, "The U.S. extends the deadline for new tariffs on China.", "extend the deadline")
    assert h.weight < 0 and has_rule(h, "absorbs")
    assert has_rule(hit(scorer, "The U.S. extended tariffs on Chinese solar panels.", "tariffs"), "enacted")


@pytest.mark.parametrize("text, cue", [
    ("Trump threatened to impose tariffs on Chinese goods.", "impose tariffs"),
    ("Trump threatens to hit all $505bn of Chinese imports with tariffs.", "tariffs"),
    ("The U.S. may impose sanctions on Chinese banks.", "impose sanctions"),
    # a measure not yet decided on is a possibility ("yet" before a preposition is no conjunction)
    ("Washington says no decision yet on new tariffs for Chinese goods.", "new tariffs"),
])
def test_threats_are_threats(scorer, text, cue):
    h = hit(scorer, text, cue)
    assert h.mode == "threat" and h.weight > 0
    assert has_rule(h, "threat") or has_rule(h, "modal")


def test_threatening_with_a_measure_is_one_threat(scorer):
    hits = scorer.score("Trump threatens China with new tariffs", date="2019-05-05").dyads["us_china"].hits
    assert [h.cue for h in hits] == ["new tariffs"]          # the verb is absorbed, not counted again
    assert hits[0].mode == "threat" and hits[0].actor == "USA"  # made by the one who threatens


def test_threat_then_act_keeps_the_act(scorer):
    doc = scorer.score("Beijing vowed to retaliate after Washington slapped 25% tariffs on Chinese goods.")
    modes = {h.cue: h.mode for h in doc.dyads["us_china"].hits}
    assert modes == {"retaliate": "threat", "tariffs": "act"}


def test_hedged_cooperation_is_weaker(scorer):
    plain = hit(scorer, "Trump will meet Xi Jinping in Busan.", "meet")
    hedged = hit(scorer, "Trump hopes to meet Xi Jinping in Busan.", "meet")
    assert hedged.weight < 0 and abs(hedged.weight) < abs(hit(scorer, "Trump met Xi Jinping in Busan.", "met").weight)
    assert plain.weight < 0


def test_obligation_turns_cooperation_into_demand(scorer):
    h = hit(scorer, "We're going to be fine with China, but we have to have a fair deal.", "deal", speaker="USA")
    assert h.weight > 0 and h.category == "deal" and has_rule(h, "obligation")


def test_conditional(scorer):
    h = hit(scorer, "North Korea's Kim Jong Un is open to talks only if the US drops its demands.", "talks", "us_dprk")
    assert has_rule(h, "conditional") and h.weight < 0


# --- intensity ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, factor", [
    ("100 per cent tariffs", 1.6), ("a 25% tariff", 1.2), ("tariffs on $200 billion of goods", 1.3),
    ("$505bn of imports", 1.4), ("50 Billion Dollars of goods", 1.15), ("a 5% rise", 1.0), ("no numbers", 1.0),
])
def test_magnitude_factor(text, factor):
    assert magnitude_factor(text.lower())[0] == factor


def test_boosters_and_capitals(scorer):
    plain = hit(scorer, "China accused the U.S. of bullying.", "bullying")
    boosted = hit(scorer, "China accused the U.S. of massive bullying.", "bullying")
    shouted = hit(scorer, "China accused the U.S. of BULLYING.", "bullying")
    assert boosted.weight > plain.weight and shouted.weight > plain.weight


def test_boost_is_capped(scorer):
    h = hit(scorer, "The U.S. imposed massive huge sweeping 100% tariffs on $500 billion of Chinese goods.", "tariffs")
    assert h.weight <= 6 * Config().max_boost + 1e-9


# --- contrast and time ------------------------------------------------------------------------------------------

def test_contrast_weakens_before_and_strengthens_after(scorer):
    before = hit(scorer, "We're going to be fine with China, but tariffs will go up.", "going to be fine", speaker="USA")
    alone = hit(scorer, "We're going to be fine with China.", "going to be fine", speaker="USA")
    assert abs(before.weight) < abs(alone.weight)
    assert has_rule(before, "contrast")


@pytest.mark.parametrize("text", [
    "Trump and Kim Jong Un have met three times in his first term.",
    "Back in 2018, Trump met Kim Jong Un in Singapore.",
])
def test_historical_mentions_weigh_less(scorer, text):
    h = hit(scorer, text, "met", "us_dprk", date="2025-10-18")
    assert has_rule(h, "historical") and abs(h.weight) < abs(h.base_weight)


def test_earlier_year_needs_a_document_date(scorer):
    h = hit(scorer, "In 2018 Trump met Kim Jong Un in Singapore.", "met", "us_dprk")
    assert not has_rule(h, "historical")


def test_a_year_after_since_is_not_history(scorer):
    h = hit(scorer, "Tensions between Washington and Pyongyang have eased since the 2017 crisis", "tensions",
            "us_dprk", date="2018-08-01")
    assert not has_rule(h, "historical")
    h = hit(scorer, "In 2017 tensions between Washington and Pyongyang eased", "tensions", "us_dprk",
            date="2018-08-01")
    assert has_rule(h, "historical")


def test_former_as_a_title_is_not_history(scorer):
    # "former" names who speaks today; "former presidents" and "the former administration" speak of the past
    h = hit(scorer, "Washington blames Beijing, says former ambassador", "blame", date="2019-05-20")
    assert not has_rule(h, "historical") and h.weight == h.base_weight
    doc = scorer.score("Former presidents let China take advantage of us", speaker="USA", date="2019-05-20")
    assert any(has_rule(h, "historical") for h in doc.dyads["us_china"].hits), doc.explain()


# --- absorption --------------------------------------------------------------------------------------------------

def test_failure_absorbs_the_talks_it_reports(scorer):
    doc = scorer.score("Trump blamed China for the latest setback in trade talks.")
    cues = [h.cue for h in doc.dyads["us_china"].hits]
    assert "setback" in cues and "trade talks" not in cues


def test_conflict_noun_absorbs_its_growth_verb(scorer):
    doc = scorer.score("The U.S.-China trade war escalated sharply.")
    cues = [h.cue for h in doc.dyads["us_china"].hits]
    assert cues == ["trade war"]


def test_growth_noun_before_its_conflict_carries_it(scorer):
    # "escalation of the trade war" is one event, counted at the noun of growth, where its negation stands
    doc = scorer.score("China does not want escalation of the trade war with the U.S.", date="2018-05-17")
    hits = doc.dyads["us_china"].hits
    assert [h.cue for h in hits] == ["escalation"]
    assert has_rule(hits[0], "absorbs(trade war)") and has_rule(hits[0], "negation") and hits[0].weight < 0
    # not across a clause: "an escalation, and the trade war goes on" are two
    doc = scorer.score("China warned of an escalation; the trade war with the U.S. goes on", date="2018-05-17")
    assert {h.cue for h in doc.dyads["us_china"].hits} >= {"escalation", "trade war"}


def test_counterfactual_weighs_little(scorer):
    """'would have' says it did not happen: far weaker than a plain future."""
    plain = hit(scorer, "The U.S. will impose tariffs on China.", "impose tariffs")
    counter = hit(scorer, "The U.S. would have imposed tariffs on China.", "impose tariffs")
    assert 0 < counter.weight < plain.weight / 2


def test_war_breaking_out_is_not_reversed(scorer):
    h = hit(scorer, "War broke out between North Korea and the United States.", "war", "us_dprk")
    assert h.weight > 0 and not has_rule(h, "reversal")


def test_headline_label_weighs_little(scorer):
    label = hit(scorer, "Trade war: Beijing and Washington agree to a truce.", "trade war")
    news = hit(scorer, "Beijing and Washington escalate the trade war.", "trade war")
    assert 0 < label.weight < news.weight / 2 and has_rule(label, "label")


def test_reverser_reaches_the_thing_exempted_from(scorer):
    h = hit(scorer, "The U.S. exempts smartphones, laptops and chips from its reciprocal tariffs on China.",
            "reciprocal tariffs")
    assert h.weight < 0 and has_rule(h, "reversal(exempt)")


def test_reversal_carries_to_what_the_target_is_of(scorer):
    doc = scorer.score("North Korea rejected the US offer of dialogue.")
    weights = {h.cue: h.weight for h in doc.dyads["us_dprk"].hits}
    assert weights["offer"] > 0 and weights["dialogue"] > 0


def test_talks_absorb_the_verb_that_resumes_them(scorer):
    doc = scorer.score("U.S.-China trade talks are scheduled to resume in October.", date="2019-09-20")
    assert [h.cue for h in doc.dyads["us_china"].hits] == ["trade talks"]


def test_a_demand_belongs_to_who_demands(scorer):
    h = hit(scorer, "The U.S. urged China to open its markets to American farmers.", "open its market to")
    assert h.weight > 0 and h.actor == "USA"


# --- the threat word and what it threatens ----------------------------------------------------------------

def test_threat_noun_and_its_measure_are_one_threat(scorer):
    noun = hit(scorer, "The White House issued a threat to put tariffs on all Chinese imports.", "tariffs")
    verb = hit(scorer, "The White House threatened to put tariffs on all Chinese imports.", "tariffs")
    assert noun.mode == verb.mode == "threat" and noun.weight == pytest.approx(verb.weight)
    of = scorer.score("Beijing faces the threat of new tariffs from Washington.").dyads["us_china"]
    assert [h.cue for h in of.hits] == ["new tariffs"] and of.hits[0].mode == "threat"


def test_a_threat_with_nothing_after_it_is_a_threat_of_its_own(scorer):
    d = scorer.score("The threat of North Korea grows every day.", speaker="USA").dyads["us_dprk"]
    assert [h.cue for h in d.hits] == ["threat"] and d.tension > 0


def test_the_agent_of_a_passive_acts(scorer):
    # "by North Korea" right after the participle names who detained, not the Americans before it
    h = hit(scorer, "Three American citizens were detained by North Korea.", "detain", "us_dprk")
    assert h.actor == "PRK"
    assert hit(scorer, "Secretary Pompeo's emails got hacked by China.", "hack").actor == "CHN"
    # a name after "by" further on is not the passive's agent
    assert hit(scorer, "The U.S. imposed tariffs on goods shipped by Chinese firms.", "impose tariffs").actor == "USA"


def test_what_must_happen_until_is_demanded_of_the_other_side(scorer):
    # the step named after "until" is demanded, not taken
    h = hit(scorer, "We will not sign anything until China agrees to our terms.", "agree", speaker="USA")
    assert h.weight > 0 and has_rule(h, "demanded first(until)")
    # warm words and a meeting of the two are no step demanded of one; a clause of the past demands nothing
    text = "No final deal until my friend President Xi and I meet and agree on the last points."
    assert hit(scorer, text, "my friend", speaker="USA").weight < 0
    assert hit(scorer, text, "meet", speaker="USA").weight < 0
    assert hit(scorer, text, "agree", speaker="USA").weight < 0
    assert hit(scorer, "Stocks fell until the trade deal was announced.", "trade deal", date="2019-12-13").weight < 0


# --- what the rules read of the lexicon -----------------------------------------------------------------

def test_rule_tables_are_derived_from_the_lexicon(scorer):
    from tension.rules import RuleTables
    tables = RuleTables.from_lexicon(scorer.lexicon)
    cues = {c.phrase: c.weight for c in scorer.lexicon.cues}
    delay = next(m.value for m in scorer.lexicon.modifiers if m.phrase == "delay")
    assert tables.delay_factor == delay
    assert tables.blow_weight == next(m.value for m in scorer.lexicon.modifiers if m.phrase == "deal a blow to")
    assert tables.moods["trade"]["hopes"].weight == cues["trade hopes"]
    assert "talks" not in tables.moods["trade"]  # moods only: "trade talks" is no mood
    h = hit(scorer, "Washington deals China a heavy blow", "deal")
    assert h.weight == tables.blow_weight and has_rule(h, "a blow dealt")
    assert tables.warm_adjectives["great"] == cues["great relationship"]
    assert tables.warm_adjectives["strong"] == cues["strong relationship"]
    assert "relationship" not in tables.warm_adjectives  # the topic word itself is no adjective
    # a relationship said to be strong weighs as "strong relationship" does in cues.tsv
    h = hit(scorer, "Our relationship with China is very strong.", "relationship", speaker="USA")
    assert h.weight == cues["strong relationship"] and has_rule(h, "warm(strong)")
    # an extended deadline is put off by the "delay" reverser's value
    h = hit(scorer, "US, China agree to extend tariff deadline", "tariff deadline")
    assert list(h.rules) == [f"delayed(extend) x{delay:g}"] and h.weight < 0


def test_rules_without_their_tables_stay_idle():
    import dataclasses
    s = Scorer(config=Config(tone=False))
    s._rule_tables = dataclasses.replace(s._rule_tables, delay_factor=None, warm_adjectives={}, named_adjectives={},
                                         blow_weight=None, moods={})
    assert not has_rule(hit(s, "Shares climb on trade and Fed hopes", "trade", date="2019-09-10"), "shared mood")
    assert not has_rule(hit(s, "Washington deals China a heavy blow", "deal"), "a blow dealt")
    assert not has_rule(hit(s, "US, China agree to extend tariff deadline", "tariff deadline"), "delayed")
    h = hit(s, "Our relationship with China is very strong.", "relationship", speaker="USA")
    assert h.weight == 0 and not h.rules
    assert not has_rule(hit(s, "Lawmakers push tougher U.S. sanctions on Pyongyang", "sanctions", "us_dprk"), "named")


def test_a_name_inside_a_phrase_leaves_it_whole(scorer):
    from tension.rules import RuleTables
    tables = RuleTables.from_lexicon(scorer.lexicon)
    cues = {c.phrase: c.weight for c in scorer.lexicon.cues}
    assert tables.named_adjectives["tariffs"]["new"] == cues["new tariffs"]
    assert tables.named_adjectives["sanctions"]["tougher"] == cues["tougher sanctions"]
    # compounds are no adjective + head: a first word that is a cue ("trade talks") or a name ("china talks")
    assert {"trade", "china", "peace"}.isdisjoint(tables.named_adjectives.get("talks", {}))
    # nor is an inflected verb ("impose tariffs")
    assert "impose" not in tables.named_adjectives["tariffs"]
    h = hit(scorer, "Lawmakers push tougher U.S. sanctions on Pyongyang", "sanctions", "us_dprk")
    assert has_rule(h, "named(tougher u.s)") and h.weight > cues["sanctions"]
    h = hit(scorer, "U.S. trade official says illegal Chinese subsidies distort steel market", "subsidies")
    assert has_rule(h, "named(illegal chinese)") and h.weight == cues["illegal subsidies"]
    h = hit(scorer, "Soybean farmers fear new U.S.-China tariffs", "tariffs")  # two names between
    assert has_rule(h, "named(new u.s china)") and h.weight == cues["new tariffs"]
    # a word that is not next to the names is not read into the phrase
    h = hit(scorer, "New rules, U.S. tariffs stay on Chinese goods", "tariffs")
    assert not has_rule(h, "named")


def test_warm_adjective_that_is_a_cue_counts_once(scorer):
    doc = scorer.score("Relations with North Korea are warm.", speaker="USA")
    hits = doc.dyads["us_dprk"].hits
    warm = next(c.weight for c in scorer.lexicon.cues if c.phrase == "warm")
    assert [h.cue for h in hits if h.weight] == ["warm"] and sum(h.weight for h in hits) == warm


def test_asking_a_side_to_turn_a_measure_around_is_a_request(scorer):
    # the measure asked to be lifted is still in force: a demand, as "call for" and "ask for" are
    h = hit(scorer, "U.S. asks China to cut tariffs on American cars.", "cut tariffs")
    assert any(r.startswith("obligation(ask") for r in h.rules) and h.weight > 0
    # a question asked is no request: what it is about keeps its own reading
    h = hit(scorer, "Mnuchin was asked about lifting the tariffs on China.", "tariffs")
    assert not any(r.startswith("obligation") for r in h.rules)


def test_short_attribution_after_a_headline_colon_is_dropped(scorer):
    # "letter" is the source of the headline, not a letter between the sides
    doc = scorer.score("Hundreds of U.S. firms ask Trump to end tariffs on Chinese goods: letter")
    assert "letter" not in [h.cue for h in doc.dyads["us_china"].hits]
    assert any(h.cue == "tariffs" for h in doc.dyads["us_china"].hits)
    # a short head before a short tail may be a label with its news after the colon: kept
    doc = scorer.score("Trump on China: deal is near")
    assert [h.cue for h in doc.dyads["us_china"].hits] == ["deal"]


def test_playing_down_calms_a_conflict_but_leaves_a_deal_standing(scorer):
    h = hit(scorer, "The White House downplayed friction with China.", "friction")
    assert has_rule(h, "reversal(downplay)") and h.weight < 0
    h = hit(scorer, "U.S. critics play down the deal with China.", "deal")
    assert not has_rule(h, "reversal") and h.weight < 0


def test_outcome_verb_ends_the_search_for_a_subject(scorer):
    # "end in" names how the talks ended: the tensions are news of their own, not what the talks were about
    doc = scorer.score("U.S.-China talks ended in heightened tensions", date="2019-05-11")
    tensions = [h for h in doc.dyads["us_china"].hits if h.cue == "tensions"]
    assert tensions and tensions[0].weight > 0


def test_a_market_lifted_turns_nothing_around(scorer):
    h = hit(scorer, "A trade deal could lift markets, and optimism about the trade talks is high", "optimism",
            date="2019-11-25")
    assert not has_rule(h, "reversal") and h.weight < 0


def test_a_step_eyed_is_a_threat(scorer):
    h = hit(scorer, "Washington eyes new curbs on Huawei", "curbs", date="2020-02-24")
    assert has_rule(h, "modal(eyes)") and h.mode == "threat" and 0 < h.weight < h.base_weight


def test_a_war_of_words_is_no_war(scorer):
    doc = scorer.score("Beijing and Washington trade a war of words over tariffs", date="2018-06-20")
    cues = {h.cue: h.category for h in doc.dyads["us_china"].hits}
    assert cues.get("war of words") == "tension" and "war" not in cues


def test_a_step_hoped_for_is_hedged(scorer):
    # the relief reverses the tariffs; the hope halves what the relief would be (a side's hope: one of
    # exporters is their plea, see test_relief_a_firm_hopes_for_is_a_plea)
    h = hit(scorer, "Beijing hopes for U.S. relief on the tariffs", "tariffs", date="2018-04-06")
    assert has_rule(h, "reversal(relief)") and has_rule(h, "hedge(hope for)") and -3 < h.weight < 0


def test_worry_about_the_trade_war_counts_once(scorer):
    doc = scorer.score("Traders fret over trade war", date="2018-10-29")
    hits = [h for h in doc.dyads["us_china"].hits if h.weight]
    assert [h.cue for h in hits] == ["fret over trade war"] and hits[0].category == "tension"


def test_a_purchase_a_measure_targets_is_what_it_restricts(scorer):
    doc = scorer.score("Beijing tightens control over rare earth exports to America", date="2019-06-01")
    hits = doc.dyads["us_china"].hits
    assert [h.cue for h in hits] == ["tighten control"] and has_rule(hits[0], "subject(rare earth exports)")


@pytest.mark.parametrize("text", [
    "In May, US tariffs on China rose",
    "Washington raised its tariffs on Chinese goods from May 10",
])
def test_the_month_may_is_no_modal(scorer, text):
    h = hit(scorer, text, "tariffs", date="2019-06-01")
    assert not has_rule(h, "modal(may)") and h.mode == "act"


def test_the_modal_may_still_hedges(scorer):
    h = hit(scorer, "China may retaliate against US tariffs", "retaliate", date="2019-06-01")
    assert has_rule(h, "modal(may)") and h.mode == "threat"


def test_hopefully_hedges_what_it_hopes_for(scorer):
    h = hit(scorer, "Hopefully China keeps buying our farm products", "buy", speaker="USA", date="2018-08-01")
    assert has_rule(h, "hedge(hopefully)") and -2 < h.weight < 0


def test_a_british_spelling_matches_the_cue(scorer):
    # "honour" is matched as the lexicon's "honor" (a spelling of another length, not folded in text.py)
    h = hit(scorer, "China vows to honour its commitments to the US", "honor its commitments", date="2020-05-01")
    assert h.weight < 0


# --- warned against -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("Washington warns Beijing against retaliation", "retaliation"),
    ("The U.S. cautioned China against delaying the trade deal", "trade deal"),
    ("Beijing warns the U.S. against new tariffs", "new tariffs"),
])
def test_what_a_side_is_warned_against_is_not_done(scorer, text, cue):
    doc = scorer.score(text, date="2019-05-10")
    h = next(h for h in doc.dyads["us_china"].hits if h.cue == cue)
    assert has_rule(h, "warned against") and h.weight == 0
    assert doc.dyads["us_china"].tension > 0  # the warning itself is the step


def test_a_warning_against_a_party_names_its_target(scorer):
    # "against" followed by a side names whom the warning is aimed at: the cue after it stays
    h = hit(scorer, "Trump warns against China's retaliation", "retaliation", date="2019-05-10")
    assert not has_rule(h, "warned against")


def test_a_conflict_warned_against_is_there_to_grow(scorer):
    h = hit(scorer, "China warns against escalating the trade war", "trade war", date="2019-05-10")
    assert not has_rule(h, "warned against") and h.weight > 0


# --- historical: a record measured over years ----------------------------------------------------------

def test_a_span_of_years_after_a_superlative_measures_a_record(scorer):
    h = hit(scorer, "Biggest tariff hike in two years hits Chinese goods", "tariff hike", date="2018-11-30")
    assert not has_rule(h, "historical")


def test_a_span_of_years_alone_is_still_the_past(scorer):
    h = hit(scorer, "Over two years the U.S. imposed tariffs on Chinese goods", "impose tariffs", date="2018-11-30")
    assert has_rule(h, "historical")


# --- bystanders: a third country that is no party to the trade war --------------------------------------

@pytest.mark.parametrize("text,date", [
    ("Spain's election result looms; trade war jitters hit markets", "2019-04-26"),  # a part of its own
    ("Trade war hurts South Africa's exports", "2019-09-10"),  # the owner of what is hurt
])
def test_a_bystander_leaves_the_trade_war_in_its_context(scorer, text, date):
    s = scorer.score(text, date=date).dyads["us_china"]
    assert s.relevant and s.tension > 0
    assert all(has_rule(h, "dyad context") for h in s.hits)


@pytest.mark.parametrize("text", [
    "Trade war jitters hit markets as Spain threatens duties",  # the country's own step, in the same part
    "Tariffs on South African exports hit markets",  # what a measure is aimed at
])
def test_a_third_country_in_the_trade_news_still_blocks_the_context(scorer, text):
    assert not scorer.score(text, date="2019-09-10").dyads["us_china"].relevant


def test_a_bystander_in_a_part_of_its_own_is_still_not_the_speakers_side(scorer):
    # the country is spared only the context's block: it is not made side B or side A
    s = scorer.score("Trade war fears weigh on stocks; Spain's banks rally", date="2019-05-13").dyads["us_china"]
    assert s.relevant and all(h.actor in ("", "USA", "CHN") and has_rule(h, "dyad context") for h in s.hits)


# --- a verb of cooling with an object -------------------------------------------------------------------

@pytest.mark.parametrize("text,verb", [
    ("Washington cools the trade fight with China", "cools"),
    ("China cooled tensions with the U.S.", "cooled"),
])
def test_cooling_a_conflict_eases_it(scorer, text, verb):
    s = scorer.score(text, date="2019-10-01").dyads["us_china"]
    assert s.tension < 0
    assert any(has_rule(h, f"reversal({verb})") for h in s.hits)


def test_a_subject_that_cools_leaves_the_conflict_after_it(scorer):
    # "as" opens another clause: the trade war there is not what cools
    s = scorer.score("Stocks cool as tensions with China flare", date="2019-10-01").dyads["us_china"]
    assert s.tension > 0


# --- pleas: "need" and a verb sharing the subject before a comma -----------------------------------------

@pytest.mark.parametrize("text,verb", [
    ("Farm groups need an end to the China tariffs", "need"),
    ("Shoe firms needed tariff relief", "needed"),
])
def test_what_a_firm_needs_is_a_plea(scorer, text, verb):
    s = scorer.score(text, date="2019-08-20").dyads["us_china"]
    assert s.relevant and s.tension == 0
    assert any(has_rule(h, "plea of no side") for h in s.hits)


def test_a_verb_after_a_comma_takes_the_subject_that_opens_its_clause(scorer):
    firm = scorer.score("Dell expands plants in U.S., asks for tariff relief", date="2019-08-20").dyads["us_china"]
    assert any(has_rule(h, "plea of no side") for h in firm.hits)
    side = scorer.score("U.S. rejects Chinese offer, asks for tariff cuts", date="2019-08-20").dyads["us_china"]
    assert side.tension > 0 and not any(has_rule(h, "plea of no side") for h in side.hits)


# --- a demand laid on rivals at home ------------------------------------------------------------------------

def test_a_demand_on_rivals_at_home_is_no_demand_on_the_other_side(scorer):
    doc = scorer.score("Pelosi should stop meddling in my China trade talks", speaker="USA", date="2019-05-10")
    h = next(h for h in doc.dyads["us_china"].hits if h.cue == "should stop")
    assert has_rule(h, "a demand at home") and h.weight == 0


def test_a_demand_that_rivals_stop_a_side_stays(scorer):
    doc = scorer.score("Congress must stop North Korea's weapons program", speaker="USA", date="2019-05-10")
    h = next(h for h in doc.dyads["us_dprk"].hits if h.cue == "must stop")
    assert not has_rule(h, "a demand at home") and h.weight > 0


# --- talks: the matter first, then the partner ---------------------------------------------------------------

def test_talks_with_a_third_party_after_their_matter_are_with_it(scorer):
    doc = scorer.score("Pence talks North Korea with Australia's Turnbull", date="2018-02-20")
    assert not doc.dyads["us_dprk"].relevant


def test_talks_with_a_side_after_their_matter_stay(scorer):
    s = scorer.score("Pompeo talks denuclearization with Kim Yong Chol", date="2018-05-31").dyads["us_dprk"]
    assert s.tension < 0


def test_the_matter_of_talks_between_a_pair_is_found_past_the_pair(scorer):
    doc = scorer.score("Dialogue between the United States and China over trade tensions continues", date="2019-05-25")
    hits = doc.dyads["us_china"].hits
    assert any(any(r.startswith("subject(") for r in h.rules) for h in hits)
    assert doc.dyads["us_china"].tension < 0


def test_calm_never_turns_cooperation_around(scorer):
    doc = scorer.score("Xi urges calm in trade negotiations", date="2019-05-07")
    hits = doc.dyads["us_china"].hits
    assert hits and all(h.weight <= 0 for h in hits)
    assert not any(any(r.startswith("reversal(calm") for r in h.rules) for h in hits)


@pytest.mark.parametrize("text", [
    "France downgrades its outlook on trade war fears",  # an onlooker's forecast
    "The trade war is hurting everyone, Italy says",  # a source
])
def test_an_onlooker_of_a_war_word_leaves_the_context(scorer, text):
    s = scorer.score(text, date="2019-08-20").dyads["us_china"]
    assert s.relevant and s.tension > 0


def test_an_onlooker_of_a_tariff_still_blocks_the_context(scorer):
    assert not scorer.score("Tariffs will hurt exports, Italy says", date="2019-08-20").dyads["us_china"].relevant


def test_relief_a_firm_hopes_for_is_a_plea(scorer):
    h = hit(scorer, "Shoe makers hope for tariff relief", "tariff relief", date="2019-06-20")
    assert has_rule(h, "plea of no side") and h.weight == 0


def test_relief_a_side_hopes_for_stays_a_hope(scorer):
    h = hit(scorer, "Beijing hopes for tariff relief", "tariff relief", date="2019-06-20")
    assert not has_rule(h, "plea of no side") and h.weight < 0


def test_pressing_a_third_country_to_ban_a_chinese_firm_presses_china(scorer):
    s = scorer.score("U.S. lobbies Italy to block Huawei", date="2019-05-01").dyads["us_china"]
    assert s.tension > 0 and any(h.cue == "block huawei" and h.actor == "USA" for h in s.hits)
    assert not scorer.score("Italy moves to block Huawei", date="2019-05-01").dyads["us_china"].relevant


def test_a_deal_wished_for_in_a_condition_of_a_demand_is_no_step(scorer):
    s = scorer.score("Beijing must open its markets if it wants a trade deal", date="2019-05-20").dyads["us_china"]
    assert s.tension > 0 and not any(h.cue == "trade deal" and h.weight < 0 for h in s.hits)


def test_a_wish_that_opens_the_sentence_still_makes_an_offer(scorer):
    doc = scorer.score("If North Korea wants talks, we are ready", date="2019-05-20")
    assert not any(has_rule(h, "wished for(if ... wants) -> 0") for h in doc.dyads["us_dprk"].hits)


@pytest.mark.parametrize("text", [
    "Trade war escalates as countries trade tariff threats",
    "Digital trade war looms over tech taxes",
])
def test_a_trade_war_among_many_countries_is_no_pair_s(scorer, text):
    assert not scorer.score(text, date="2019-08-20").dyads["us_china"].relevant


def test_a_war_that_may_come_named_as_stakes_is_no_war(scorer):
    h = hit(scorer, "Chipmakers stand to lose from a trade war", "trade war", date="2018-04-27")
    assert has_rule(h, "stakes(to lose from) -> 0") and h.weight == 0
    h = hit(scorer, "Chipmakers stand to lose from the trade war", "trade war", date="2019-04-27")
    assert not has_rule(h, "stakes(to lose from) -> 0") and h.weight > 0


def test_a_market_that_eyes_talks_awaits_them(scorer):
    h = hit(scorer, "Investors eye the trade talks", "trade talks", date="2019-01-07")
    assert has_rule(h, "awaited by a market(eye)") and -1 < h.weight < 0


def test_a_topic_word_is_part_of_the_object_before_a_comma(scorer):
    doc = scorer.score("Negotiators discuss cutting the U.S.-China trade gap, farm purchase figure disputed",
                       date="2018-05-18")
    assert not any(any(r.startswith("reversal(cut") for r in h.rules) for h in doc.dyads["us_china"].hits)


def test_a_market_that_falls_over_a_measure_feels_it(scorer):
    h = hit(scorer, "Shares sink over the tariffs", "tariffs", date="2019-05-13")
    assert has_rule(h, "impact(sink over)") and h.weight > 0


def test_a_measure_requested_lifted_is_asked_for(scorer):
    h = hit(scorer, "China requests removal of the new tariffs", "new tariffs", date="2019-08-14")
    assert has_rule(h, "obligation(requests)") and h.weight > 0


def test_a_market_nervous_about_talks_awaits_them(scorer):
    h = hit(scorer, "Investors nervous over trade talks", "trade talks", date="2019-01-07")
    assert has_rule(h, "awaited by a market(nervous over)") and -1 < h.weight < 0
    h = hit(scorer, "Beijing nervous over trade talks", "trade talks", date="2019-01-07")
    assert not has_rule(h, "awaited by a market(nervous over)")


def test_a_firms_own_object_stops_a_reversal_reaching_past_from(scorer):
    h = hit(scorer, "Carmaker cuts prices to offset hit from trade war tariffs", "tariffs", date="2018-11-20")
    assert not has_rule(h, "reversal(cut") and h.weight > 0
    h = hit(scorer, "US exempts laptops from tariffs on Chinese goods", "tariffs", date="2019-12-15")
    assert has_rule(h, "reversal(exempt") and h.weight < 0


def test_a_saying_denied_doubts_what_was_said(scorer):
    h = hit(scorer, "Mnuchin denies he said tariffs on China would be lifted", "tariffs", date="2019-05-20")
    assert has_rule(h, "doubted(deny said)") and h.weight > 0
    h = hit(scorer, "Trade chief denies saying China tariffs are on hold", "tariffs", date="2018-11-15")
    assert has_rule(h, "doubted(deny saying)") and h.weight > 0


def test_an_application_for_relief_is_a_plea(scorer):
    h = hit(scorer, "U.S. firms apply for exclusions from China tariffs", "tariffs", date="2019-08-01")
    assert has_rule(h, "plea of no side(apply for)") and h.weight == 0


def test_a_place_after_in_is_not_the_subject_of_a_firms_opposition(scorer):
    h = hit(scorer, "U.S. companies in China oppose the tariffs", "oppose", date="2018-07-12")
    assert has_rule(h, "plea of no side(oppose)")
    h = hit(scorer, "Officials in Beijing oppose U.S. tariffs", "oppose", date="2018-07-12")
    assert not has_rule(h, "plea of no side") and h.weight > 0


def test_an_economy_on_track_is_no_talks_on_track(scorer):
    doc = scorer.score("U.S. growth on track despite tariff worries", date="2018-04-18")
    assert not any(h.cue == "on track" for h in doc.dyads["us_china"].hits)
    h = hit(scorer, "Trade talks with China on track, Kudlow says", "on track", date="2019-03-01")
    assert h.weight < 0


def test_a_pending_decision_holds_a_measure_over_the_other_side(scorer):
    h = hit(scorer, "Trump to decide on China tariffs after his G20 meeting", "tariffs", date="2019-06-07")
    assert has_rule(h, "modal(decide on)") and h.weight > 0
    h = hit(scorer, "Ross says Beijing must decide on the trade talks", "trade talks", date="2018-10-01")
    assert not has_rule(h, "modal(decide on)") and has_rule(h, "obligation(must)")


def test_a_deal_that_pressure_aims_to_force_is_its_background(scorer):
    h = hit(scorer, "U.S. pressure on Beijing aims to force a trade deal", "trade deal", date="2019-05-10")
    assert has_rule(h, "background(to)")


def test_a_measure_called_the_wrong_way_is_opposed(scorer):
    h = hit(scorer, "Senate leader: tariffs not the way to go with China", "tariffs", date="2018-07-11")
    assert has_rule(h, "retraction(not the way to go)") and h.weight < 0


def test_a_charge_denied_as_a_claim_of_it_stays_a_dispute(scorer):
    h = hit(scorer, "U.S. denies Beijing's claim of 'weaponizing' student visas", "weaponize", date="2019-10-25")
    assert not has_rule(h, "reversal(deny)") and h.weight > 0


def test_a_belief_held_as_a_state_and_denied_doubts_its_complement(scorer):
    h = hit(scorer, "Don't be so optimistic that the trade talks will make progress", "trade talks", date="2019-06-19")
    assert has_rule(h, "doubted(don't optimistic)") and h.weight > 0
    h = hit(scorer, "Don't be so optimistic that the trade talks will make progress", "optimistic", date="2019-06-19")
    assert has_rule(h, "negation(don't)") and h.weight > 0


def test_sanctions_said_to_loom_are_a_threat(scorer):
    h = hit(scorer, "Traders brace as new North Korea sanctions loom", "sanctions loom", "us_dprk", date="2018-10-23")
    assert h.mode == "threat" and h.weight > 0


def test_what_a_negated_deal_was_to_do_is_not_done(scorer):
    h = hit(scorer, "White House says there is no deal with Beijing to lift the ban on ZTE", "ban", date="2018-05-22")
    assert has_rule(h, "content of denied deal") and h.weight > 0


def test_a_deal_a_looming_deadline_is_for_is_its_goal(scorer):
    h = hit(scorer, "Deadline looms for a U.S.-China trade deal", "trade deal", date="2019-02-25")
    assert has_rule(h, "goal of deadline")


def test_talks_that_end_with_no_more_said_concluded_a_round(scorer):
    h = hit(scorer, "Stocks edge higher after U.S.-China trade talks end", "trade talks", date="2019-01-10")
    assert not has_rule(h, "reversal(end)") and h.weight < 0
    h = hit(scorer, "Trade talks end abruptly as the Chinese delegation leaves", "trade talks", date="2019-05-10")
    assert has_rule(h, "reversal(end)") and h.weight > 0


def test_talks_that_end_with_the_deal_uncertain_failed(scorer):
    h = hit(scorer, "Trade talks with Beijing end with an agreement still uncertain", "trade talks", date="2019-05-10")
    assert has_rule(h, "reversal(end)") and h.weight > 0


def test_talks_named_as_the_arena_of_a_standing_are_its_setting(scorer):
    h = hit(scorer, "Slowing economy gives Washington the upper hand in trade talks with Beijing", "trade talks",
            date="2019-01-06")
    assert has_rule(h, "arena(hand in)")
    h = hit(scorer, "Big differences remain in the trade talks with Beijing", "trade talks", date="2019-05-10")
    assert has_rule(h, "arena(differences in)")
    h = hit(scorer, "U.S. and China resolve differences in trade talks", "differences", date="2019-04-26")
    assert h.weight < 0


def test_a_measure_said_to_work_is_a_boast_of_it(scorer):
    h = hit(scorer, "Ross says the tariffs on Chinese goods are really working", "tariffs", date="2019-10-10")
    assert has_rule(h, "boasted(working)") and h.weight >= 3
    h = hit(scorer, "Economists say the tariffs on Chinese goods aren't working", "tariffs", date="2019-10-10")
    assert not has_rule(h, "boasted")


def test_pressure_on_a_third_country_to_act_on_side_b_is_pressure_through_it(scorer):
    h = hit(scorer, "Washington steps up pressure on Britain to reverse its Huawei decision", "pressure",
            date="2020-03-04")
    assert h.weight > 0


def test_a_third_country_hearing_an_extradition_is_no_party(scorer):
    h = hit(scorer, "Canadian judge approves extradition of Huawei finance chief", "extradition", date="2019-03-01")
    assert h.weight > 0
    doc = scorer.score("Hong Kong suspends extradition bill after mass protests", date="2019-06-15")
    assert not doc.dyads["us_china"].relevant


def test_the_g7_is_a_third_party_to_us_china_only(scorer):
    doc = scorer.score("G7 finance ministers fail to settle trade row before summit", date="2018-06-02")
    assert not doc.dyads["us_china"].relevant
    h = hit(scorer, "G7 condemns North Korea missile launch", "missile launch", "us_dprk", date="2019-05-10")
    assert h.weight > 0


def test_where_a_firms_shares_trade_names_no_party(scorer):
    doc = scorer.score("China detains chairman of U.S.-listed education firm over fraud", date="2019-12-13")
    assert not doc.dyads["us_china"].relevant


def test_a_country_firms_relocate_to_is_a_destination(scorer):
    h = hit(scorer, "Electronics makers relocate to Thailand to dodge tariffs on Chinese goods", "tariffs",
            date="2019-07-01")
    assert h.weight > 0


def test_a_sentence_opening_with_a_pronoun_acts_as_the_one_named_before(scorer):
    # "He" is the person the sentence before named first, "They" the country: they act, not the speaker
    h = hit(scorer, "I had a great meeting with President Xi of China. He agreed to buy our farm products.", "buy",
            speaker="USA", date="2019-06-29")
    assert h.actor == "CHN"
    h = hit(scorer, "Our Country has lost Trillions with China. They have stolen our Intellectual Property.",
            "stolen", speaker="USA", date="2019-08-01")
    assert h.actor == "CHN"
    # "They" after a third country is that country's: no cooperation of North Korea with the US
    doc = scorer.score("Iran just test-fired a missile. They are also working with North Korea.", speaker="USA",
                       date="2017-09-23")
    assert all(h.cue != "working with" for h in doc.dyads["us_dprk"].hits)


def test_the_subject_of_a_threat_it_will_suffer_is_its_target(scorer):
    # "China will pay a big price": the speaker warns China, China threatens no one
    h = hit(scorer, "China will pay a big price if they do not make a deal", "pay a big price", speaker="USA",
            date="2019-05-01")
    assert h.actor == "USA" and h.weight > 0
    h = hit(scorer, "North Korea launched two more missiles. They will regret it if they continue.", "will regret it",
            "us_dprk", speaker="USA", date="2019-05-10")
    assert h.actor == "USA"
    h = hit(scorer, "North Korea says the U.S. will pay dearly", "pay dearly", "us_dprk", date="2017-08-10")
    assert h.actor == "PRK"


def test_what_is_to_be_used_to_do_a_thing_is_no_past(scorer):
    # "to be used to" serves a purpose; "used to" alone tells of the past
    h = hit(scorer, "China says the levies are to be used to fight the trade war with the U.S.", "trade war",
            date="2018-07-09")
    assert not has_rule(h, "historical")
    h = hit(scorer, "China and the U.S. used to fight a trade war", "trade war", date="2018-07-09")
    assert has_rule(h, "historical(used to)")


def test_a_second_stop_after_a_comma_is_no_call_of_the_first_to(scorer):
    # "for China to make a deal and stop playing games" calls for both; past a comma the "and stop" is a clause
    # of its own, not the second verb of the "to"
    h = hit(scorer, "It is time for China to make a deal and stop playing games", "play games", speaker="USA",
            date="2019-01-21")
    assert has_rule(h, "called to stop")
    h = hit(scorer, "It is time for China to make a deal, and stop playing games", "play games", speaker="USA",
            date="2019-01-21")
    assert not has_rule(h, "called to stop")


def test_a_gapped_verb_with_its_preposition_leaves_room_for_the_object(scorer):
    # "infringe on sovereignty" splits after its preposition: the owner stands between ("on its sovereignty")
    h = hit(scorer, "North Korea says U.S. drills infringe on its sovereignty", "infringe on sovereignty", "us_dprk",
            date="2019-05-25")
    assert h.actor == "USA" and h.weight > 0
    # the verb of such a cue is found inside a quotation too ("an 'invasion' of its sovereignty")
    h = hit(scorer, "China calls the U.S. demand an 'invasion' of its sovereignty", "invasion of sovereignty",
            date="2019-05-25")
    assert h.actor == "USA"
    # a word of a clause of its own may not stand between: "infringe on" and "sovereignty" across "and"
    doc = scorer.score("China says U.S. firms infringe on patents and sovereignty is at stake", date="2019-05-25")
    assert all(h.cue != "infringe on sovereignty" for h in doc.dyads["us_china"].hits)


def test_no_pressure_to_take_a_step_says_it_need_not_be_taken(scorer):
    # "under no pressure to make a deal" is "no need to make a deal": the deal is denied, as after "not"
    h = hit(scorer, "We are under no pressure to make a deal with China", "deal", speaker="USA", date="2018-09-13")
    assert has_rule(h, "negation(no pressure to)") and h.weight > 0
    # without the "no" the pressure is an obligation laid on the other side
    h = hit(scorer, "China is under pressure to make a deal with us", "deal", speaker="USA", date="2018-09-13")
    assert has_rule(h, "obligation(under pressure to)")


def test_a_deal_named_by_one_side_is_the_subjects_deal_with_it(scorer):
    # "Britain confident of U.S. trade deal": Britain's deal with the U.S., whoever else the sentence names
    doc = scorer.score("Britain confident of U.S. trade deal despite Huawei concerns", date="2020-01-29")
    assert not any(h.cue == "trade deal" for h in doc.dyads["us_china"].hits)
    # more than words of hope or reach between them, and the subject is someone else's
    h = hit(scorer, "Trump says new U.S. law on Hong Kong doesn't help China trade talks", "trade talks",
            date="2019-11-28")
    assert h.weight < 0


def test_a_periods_figure_said_to_rise_is_data(scorer):
    # "China's rare earth exports rise in May": the month's figure, no step
    doc = scorer.score("China's rare earth exports rise in May", date="2019-06-20")
    assert not doc.dyads["us_china"].relevant
    h = hit(scorer, "China's rare earth exports rise in May as the U.S. trade war drags on", "rare earth exports",
            date="2019-06-20")
    assert not has_rule(h, "figure reported")  # (a partner named: more bought from it)
    # "may" as a modal names no period: the rise is news of a step
    h = hit(scorer, "China's rare earth exports may rise after the truce with the U.S.", "rare earth exports",
            date="2019-06-20")
    assert not has_rule(h, "figure reported")


def test_a_months_figure_with_no_partner_and_no_trade_war_is_data(scorer):
    # "China September soybean imports ease on falling feed demand": a statistic, neither fewer purchases nor more
    h = hit(scorer, "China August rare earth exports dip on weak overseas demand", "rare earth exports",
            date="2019-09-08")
    assert has_rule(h, "figure reported (dip)") and h.weight == 0
    # the other side named as the partner: more (or fewer) bought from it
    h = hit(scorer, "China's October soybean imports from U.S. climb as cargoes arrive", "soybean imports",
            date="2019-11-08")
    assert not has_rule(h, "figure reported") and h.weight < 0
    # the trade war named beside the fall: fewer purchases
    h = hit(scorer, "China February soybean imports slump to four-year low amid tariffs", "soybean imports",
            date="2019-03-08")
    assert has_rule(h, "fewer purchases") and h.weight > 0


def test_cooperation_one_side_tells_the_other_to_give_is_demanded(scorer):
    h = hit(scorer, "China tells U.S. to respect its sovereignty", "respect", date="2019-05-25")
    assert has_rule(h, "obligation(tell)") and h.weight > 0
    # no one told between: a report, no demand
    h = hit(scorer, "Trump says he told reporters that China respects the deal", "respect", date="2019-05-25")
    assert not has_rule(h, "obligation") and h.weight < 0


def test_a_doubt_that_a_measure_can_be_borne_leaves_the_measure(scorer):
    h = hit(scorer, "Analysts doubt China can withstand new U.S. tariffs", "tariffs", date="2019-05-12")
    assert not has_rule(h, "doubted") and h.weight > 0
    h = hit(scorer, "Analysts doubt China will impose new tariffs on U.S. goods", "new tariffs", date="2019-05-12")
    assert has_rule(h, "doubted") and h.weight < 0


def test_needs_met_are_no_meeting(scorer):
    doc = scorer.score("Amazon turns to a Chinese firm on the U.S. blacklist to meet thermal camera needs",
                       date="2020-04-29")
    assert all(h.cue != "meet" for h in doc.dyads["us_china"].hits)
    assert hit(scorer, "Trump to meet Xi in Osaka as the needs of farmers grow", "meet", date="2019-06-20")


def test_the_one_met_before_a_talk_verb_is_the_partner(scorer):
    # "Trump to meet Xi to discuss trade": a meeting with Xi, not talk of China
    h = hit(scorer, "Trump to meet Xi to discuss trade", "meet", date="2019-06-20")
    assert h.weight < 0
    # a side named only after the talk verb is the matter: "met his generals ... to discuss North Korea"
    doc = scorer.score("Trump met his generals at the Pentagon to discuss North Korea", date="2017-09-03")
    assert not doc.dyads["us_dprk"].relevant


def test_a_partitive_after_a_reverser_adds_no_distance(scorer):
    h = hit(scorer, "China backtracked on nearly all aspects of its trade deal with the U.S.", "trade deal",
            date="2019-05-08")
    assert has_rule(h, "reversal(backtrack on)") and h.weight > 0
    # without a partitive the same distance is too far: the deal is not what is turned
    h = hit(scorer, "China backtracked on claims made in the Beijing press about its trade deal", "trade deal",
            date="2019-05-08")
    assert not has_rule(h, "reversal")


def test_a_measures_effect_turned_around_leaves_the_measure_felt(scorer):
    h = hit(scorer, "Automakers look to cut tariff costs on Chinese parts", "tariff", date="2019-05-16")
    assert has_rule(h, "impact(") and not has_rule(h, "reversal") and h.weight > 0
    # the measure itself cut is relief
    h = hit(scorer, "The U.S. will reduce the tariffs on Chinese goods", "tariffs", date="2019-12-16")
    assert has_rule(h, "reversal") and h.weight < 0


def test_a_conflict_discussed_is_the_talks_matter(scorer):
    h = hit(scorer, "Trump and Xi discuss trade war", "trade war", date="2019-06-20")
    assert has_rule(h, "discussed(discuss)") and h.weight == 0
    # the talk verb does not compound with the conflict after it as a noun would ("trade talks jitters")
    assert hit(scorer, "Xi to meet Trump to discuss trade tensions", "discuss", date="2019-06-20").weight < 0
    h = hit(scorer, "Xi to meet Trump to discuss trade tensions", "trade tensions", date="2019-06-20")
    assert has_rule(h, "discussed(discuss)") and not has_rule(h, "absorbs")


def test_a_hedge_reaches_past_the_topic_word_of_a_compound(scorer):
    # "China trade deadline": the topic word opens the compound, the hedge governs its head
    h = hit(scorer, "No decision yet on whether to push back China trade deadline: Trump adviser", "deadline", date="2019-02-14")
    assert has_rule(h, "hedge(no decision yet on whether)")
    # a live cue between them still stops it: the hedge is the talks', not the tariffs'
    h = hit(scorer, "Undecided on whether to hold talks as tariffs rise", "tariffs", date="2019-02-14")
    assert not has_rule(h, "hedge")


def test_talk_trade_is_talks_with_whoever_it_names(scorer):
    assert hit(scorer, "U.S. officials to talk trade with China", "talk trade", date="2018-04-05").weight < 0
    # (willing to talk is a cue of its own, which overlaps it and reads the same)
    assert hit(scorer, "U.S. willing to talk trade with China", "willing to talk", date="2018-04-05").weight < 0
    # with no side named it puts nothing in the trade-war context
    doc = scorer.score("Trump talks trade with auto executives", date="2018-04-05")
    assert not doc.dyads["us_china"].relevant


def test_a_virus_name_in_another_accounts_repost_is_no_label_of_the_speakers(scorer):
    doc = scorer.score("RT @newsdesk: Senate argues over relief money as the Wuhan Virus spreads", speaker="USA",
                       date="2020-04-20")
    assert not doc.dyads["us_china"].relevant
    # the speaker's own account reposted, and the speaker's own words, keep it
    for text in ("RT @realDonaldTrump: The Chinese Virus hit our economy", "The Chinese Virus hit our economy"):
        assert hit(scorer, text, "chinese virus", speaker="USA", date="2020-04-20").weight > 0


def test_a_gathering_and_the_talks_it_names_are_one_event(scorer):
    for text, first, second in (("We look forward to more talks with China", "look forward to", "talk with"),
                                ("Trump and Xi to meet for talks", "meet", "talks")):
        doc = scorer.score(text, speaker="USA" if text.startswith("We") else None, date="2019-08-01")
        cues = [h.cue for h in doc.dyads["us_china"].hits]
        assert first in cues and second not in cues, doc.explain()
        assert has_rule(hit(scorer, text, first, speaker="USA" if text.startswith("We") else None,
                            date="2019-08-01"), f"absorbs({second})")
    # a gathering named apart from the talks, past other words, is its own: "met ... and later held talks"
    doc = scorer.score("Trump met Xi at the summit and later both sides held talks", date="2019-06-29")
    assert {"talks"} <= {h.cue for h in doc.dyads["us_china"].hits}


def test_a_breach_of_un_resolutions_charges_its_subject(scorer):
    h = hit(scorer, "North Korea violated U.N. resolutions, Bolton says", "violate u.n. resolutions", "us_dprk",
            date="2019-05-25")
    assert h.weight > 0 and not has_rule(h, "reversal")


def test_two_gathering_nouns_side_by_side_stay_one_compound(scorer):
    # the head noun, last, stands for the phrase ("the big Summit Meeting" is a meeting, once)
    h = hit(scorer, "Kim agrees to dismantle the test site ahead of the big Summit Meeting", "meeting", "us_dprk",
            speaker="USA", date="2018-05-12")
    assert has_rule(h, "absorbs(summit)")


def test_a_release_named_as_the_time_of_what_followed_is_background(scorer):
    doc = scorer.score("American student dies days after release from North Korean custody", date="2017-06-19")
    assert "release" not in {h.cue for h in doc.dyads["us_dprk"].hits}
    # the release itself is news
    assert hit(scorer, "North Korea announces release of American student", "release", "us_dprk",
               date="2017-06-13").weight < 0


def test_until_before_a_date_sets_a_time_not_a_condition(scorer):
    h = hit(scorer, "Phones spared until December as U.S. delays some China tariffs", "tariffs", date="2019-08-13")
    assert h.weight < 0 and not has_rule(h, "demanded first")
    # before a clause it still demands a step first
    h = hit(scorer, "Sanctions will stay until North Korea denuclearizes", "denuclearize", "us_dprk", speaker="USA",
            date="2019-05-20")
    assert has_rule(h, "demanded first(until)")


def test_a_measure_moved_to_a_later_date_after_it_is_put_off(scorer):
    h = hit(scorer, "Some China Tariffs will be pushed to December 15th", "tariffs", speaker="USA", date="2019-08-13")
    assert has_rule(h, "rescheduled(pushed to)") and h.weight < 0
    h = hit(scorer, "The tariff increase on Chinese imports was moved to October 15th", "tariff increase",
            date="2019-09-12")
    assert has_rule(h, "rescheduled(moved to)")
    # moved to a rate, not a date, it is raised
    h = hit(scorer, "Tariffs on Chinese goods pushed to 25% by Trump", "tariffs", date="2019-05-10")
    assert not has_rule(h, "rescheduled") and h.weight > 0


def test_the_noun_stop_of_a_trip_turns_nothing_around(scorer):
    h = hit(scorer, "Trump's Beijing stop yields $250 billion in deals", "deal", date="2017-11-09")
    assert h.weight < 0 and not has_rule(h, "reversal")
    # a stop put "to" something ends it
    doc = scorer.score("Trump wants to put a stop to the talks with China", date="2019-05-10")
    assert any(has_rule(h, "reversal(stop)") for h in doc.dyads["us_china"].hits)


def test_a_third_country_asking_both_sides_to_end_their_conflict_tells_of_it(scorer):
    h = hit(scorer, "France urges U.S. and China to avoid escalation in trade tensions", "escalation",
            date="2019-05-07")
    assert h.weight > 0 and "asked of both by a third party: the conflict stands" in h.rules
    # one side asking the other is its own call for peace
    h = hit(scorer, "China urges the U.S. to avoid escalation in trade tensions", "escalation", date="2019-05-07")
    assert h.weight < 0


def test_a_comma_list_of_third_parties_is_tied_to_the_side_from_its_last_name(scorer):
    text = "U.S. sanctions Russian, Chinese tech firms over funds for North Korea"
    assert hit(scorer, text, "sanctions", "us_dprk", date="2018-08-22").weight > 0
    # no side tied to the list: the firms are the third parties' own
    doc = scorer.score("U.S. sanctions Russian, Iranian firms over oil sales to Syria", date="2018-11-20")
    assert not doc.dyads["us_dprk"].relevant


@pytest.mark.parametrize("text", [
    "Trump cancels Pompeo's trip to Pyongyang, blaming China for the lack of progress",
    "Trump cancels Pompeo's Pyongyang trip and blames China for lack of progress",
])
def test_a_failure_blamed_for_is_the_blame_verbs_reason(scorer, text):
    """A failure named after a verb of blame, past a comma or an "and", is what the blame is for: the trip is
    cancelled (the reverser turns the trip, not the blame), and the blame stays a charge against China."""
    trip = hit(scorer, text, "pyongyang trip" if "Pyongyang trip" in text else "trip to", "us_dprk", date="2018-08-24")
    assert has_rule(trip, "reversal") and trip.weight > 0
    assert not any(h.cue.lower().startswith("blam") and h.weight < 0
                   for h in scorer.score(text, date="2018-08-24").dyads["us_china"].hits)


@pytest.mark.parametrize("text, credited", [
    ("Our economy was greatly helped by Tariffs from China!", True),
    ("We are receiving Billions of Dollars in Tariffs from China.", True),
    ("Farmers were hurt by Tariffs from China.", False),
])
def test_a_bare_measure_credited_with_a_gain_is_a_boast(scorer, text, credited):
    """'helped by tariffs', 'billions of dollars in tariffs' lift a bare "tariffs" as 'the tariffs are working' does."""
    h = hit(scorer, text, "tariffs", speaker="USA", date="2019-06-01")
    assert has_rule(h, "credited") is credited


@pytest.mark.parametrize("text, kept", [
    ("We have made tremendous progress with the China Virus.", False),
    ("Great progress against the Wuhan Virus!", False),
    ("We have made tremendous progress with China, despite the China Virus.", True),
])
def test_progress_on_a_disease_is_no_step_with_the_side_it_blames(scorer, text, kept):
    """Progress with or against a disease named by its insulting name is the fight against it: the insult
    stays, the progress is no step with China; progress with China itself stays."""
    hits = scorer.score(text, speaker="USA", date="2020-10-26").dyads["us_china"].hits
    assert any(h.category == "insult" and h.weight > 0 for h in hits)
    assert any(h.category == "progress" for h in hits) is kept


@pytest.mark.parametrize("text, cue", [
    ("The Chinese Plague has now hit Europe very hard.", "chinese plague"),
    ("Big spike in the China Plague in Europe!", "china plague"),
])
def test_the_pandemic_named_for_china_is_an_insult_of_the_speaker(scorer, text, cue):
    """'China Plague' is named as 'China Virus' is: the speaker's insult, not a charge made by China."""
    h = hit(scorer, text, cue, speaker="USA", date="2020-10-12")
    assert h.category == "insult" and h.actor == "USA" and h.weight > 0


def test_if_not_opens_the_warning_of_an_offer(scorer):
    """"If not," after an offer or demand opens its other branch: the warning keeps the weight its own modal
    gives it, where a plain condition ("if talks fail") discounts it as a possibility."""
    warned = hit(scorer, "China can buy more of our soybeans. If not, we will raise tariffs!", "raise tariffs",
                 speaker="USA", date="2019-05-05")
    plain = hit(scorer, "If talks fail, we will raise tariffs on China!", "raise tariffs", speaker="USA",
                date="2019-05-05")
    assert has_rule(warned, "ultimatum(if not)") and not has_rule(warned, "conditional")
    assert has_rule(plain, "conditional(if)")
    assert warned.weight > plain.weight > 0
    # "if not for" is no branch of an offer
    past = hit(scorer, "If not for the tariffs, we will never get a deal with China", "tariffs", speaker="USA",
               date="2019-05-05")
    assert not has_rule(past, "ultimatum")
