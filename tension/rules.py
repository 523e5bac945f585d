"""The rules that turn cue matches into weighted evidence.

Each rule is a small function over one sentence: it reads positions (token indices, clause numbers) of
the cues and modifiers found there and adjusts the cues' weights, modes and rule trails. Rules run in the
order of :data:`RULES`; every adjustment is recorded in the hit's ``rules`` so a reader can see why a
number is what it is. Settings come from :class:`~tension.config.Config`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Callable, Iterable, NamedTuple, Sequence

from .config import Config
from .cues import Match, inflections
from .lexicon import Cue, Lexicon, Modifier
from .text import TOKEN_RE, ZERO_WIDTH, char_before

__all__ = ["Item", "CueState", "SentenceView", "RuleTables", "RULES", "apply_rules"]

# the words that open a noun phrase, from which the sets below are built: articles, possessives and
# demonstratives
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})
NEAR_DEMONSTRATIVES = frozenset({"this", "that"})
# the pronouns that open a clause as its subject (a pronoun standing for a name is no item of a list)
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})

COOPERATION = frozenset({"talks", "meeting", "deal", "truce", "progress", "cooperation", "praise",
                         "reassurance", "purchase", "goodwill"})
RELIEF = frozenset({"tariff_relief", "sanctions_relief"})  # a measure turned around in one phrase ("lift tariffs")
PURCHASES = frozenset({"purchase"})  # goods bought from the other side
FAILURE = frozenset({"talks_failed", "meeting_cancelled"})
CONFLICT_NOUNS = frozenset({"trade_war", "tension"})
GROWTH = frozenset({"tension"})
RESUMING = frozenset({"cooperation"})
RESUMING_VERBS = frozenset({"resume"})  # "talks scheduled to resume": the talks carry it
GROWTH_VERBS = frozenset({"escalate", "intensify", "worsen", "heat up", "flare up", "deteriorate", "sour"})
MAGNITUDE_CATEGORIES = frozenset({"tariff_imposed", "tariff_threat", "retaliation", "tariff_relief",
                                  "purchase", "sanction", "trade_barrier"})
PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "be", "being", "get", "got", "gets", "have", "has",
                         "had"})
SKIPPABLE = frozenset({"reportedly", "also", "now", "later", "then", "again", "all", "finally", "already",
                       "officially", "formally", "effectively", "quickly", "abruptly", "suddenly"})
# the verbs of what a step hinges on, a condition that trails the step it is said of, right before it: "any
# tariff relief is contingent on a deal" grants none yet (not "warns that benefits hinge on it", no warning
# on a condition)
HINGES = frozenset({"hinge on", "hinge upon", "depend on", "depend upon", "contingent on", "contingent upon",
                    "conditional on", "conditioned on"})
TRAILING_CONDITIONS = frozenset({"only if", "unless", "provided that", "as long as"}) | HINGES
_MEETINGS = frozenset({"meeting", "talks"})  # the categories of gatherings: talks and meetings
# the words that may stand between a gathering and the talks or meeting it names ("meet for more talks")
_GATHERING_LINKS = frozenset({"for", "more", "further", "new", "fresh", "the", "a", "another"})
_PUNCT_BETWEEN = re.compile(r"[,;:!?]")  # (a period inside a sentence is an abbreviation: "U.S.")
# conditions whose clause names what must be done first (what a step hinges on too: "access hinges on
# scrapping the tariffs" demands they go)
DEMANDED_FIRST = frozenset({"until", "unless"}) | HINGES
_HINGE_REACH = 2  # the words between a step and the verb it hinges by ("relief is contingent on")
# what one side can be required to do first (not words, nor a meeting of the two)
UNTIL_DEMANDS = frozenset({"deal", "truce", "cooperation", "purchase", "goodwill", "denuclearization",
                           "tariff_relief", "sanctions_relief", "progress"})
TARGET_PREPS = frozenset({"on", "against", "to", "toward", "towards", "with", "at", "from", "into", "over",
                          "about"})


class Item(NamedTuple):
    """A match placed in its sentence.

    ``tok``/``tok_end`` count only tokens that carry meaning for the windows (articles and actor names
    count zero, so "a resolution to the U.S.-Sino trade war" is as close as "a resolution to the trade
    war"); ``raw`` is the index of the first token in ``SentenceView.tokens``. Immutable, and a tuple: a
    sentence read builds one per match. Rules tell items apart by identity (``is``), never by value.
    """

    match: Match
    tok: int
    tok_end: int
    clause: int
    raw: int = 0

    @property
    def entry(self):  # noqa: ANN201 - Cue | Modifier | Alias
        return self.match.entry


@dataclass(slots=True)
class CueState:
    """A cue being scored: its weight and mode so far and the trail of rules that changed them."""

    item: Item
    cue: Cue
    weight: float
    mode: str
    rules: list[str] = field(default_factory=list)
    polarity: bool = False  # negated, reversed or retracted already
    dropped: bool = False
    caps: bool = False  # written in capitals in the original ("TARIFFS")
    anchor: int | None = None  # where the acting side is looked for, when not at the cue ("urged ... to")
    topic: str = ""  # the topic it takes from what it absorbed ("a setback in nuclear talks" is about security)
    turner: Item | None = None  # the verb that turned it around ("Britain downplays the Huawei threat")
    breach: Item | None = None  # the verb that broke it, leaving it standing ("China is not enforcing the sanctions")
    undone: bool = False  # promised and not done: a broken promise, no longer a possibility ("said they would buy")
    standing: bool = False  # said to stay as it is: the state of things, not news of a step ("tariffs remain")
    absorbed_by: CueState | None = None  # the cooperation whose matter it is ("working with us on the North Korea problem")
    in_place: bool = False  # set to 0 and named all the same: news of its dyad with no step ("Tesla urges tariff
    # exemption", "markets shrug off trade fears"), which makes the dyad relevant


@dataclass(slots=True)
class SentenceView:
    """What the rules see of one sentence."""

    folded: str
    tokens: list[str]
    cues: list[CueState]  # in text order (by token index)
    mods: list[Item]
    clause_contrast: dict[int, tuple[float, str]]  # clause -> (factor, "contrast", "label" or "source")
    years_before: frozenset[int]  # clauses that name a year earlier than the document's date
    clause_text: dict[int, str] = field(default_factory=dict)  # clause -> its folded text (for magnitudes)
    actors: list[Item] = field(default_factory=list)  # the actors named, in order
    tables: RuleTables | None = None  # what the rules read of the lexicon (None: those rules stay idle)
    speaker: str | None = None  # the speaker's actor code, whom the first-person words stand for
    first_person: list[Item] = field(default_factory=list)  # the speaker's "I", "we", "our" (with a speaker)
    # what name_tokens and after_raw find, kept for the sentence: the rules ask them again and again
    names_found: frozenset[int] | None = None
    token_counts: dict[tuple[int, int], int] = field(default_factory=dict)


# the nouns of a relationship said to be warm ("relations with China are excellent")
RELATION_WORDS = frozenset({"relationship", "relations", "ties"})


@dataclass(frozen=True)
class RuleTables:
    """What a few rules weigh by the lexicon's own entries, derived once per lexicon (the rules never read
    the lexicon itself), so that a value written once in a table cannot drift from a copy of it in code.

    ``warm_adjectives``: the adjective of each praise cue "<adjective> relationship" with its weight, for a
    relationship said to be warm through a copula ("our relationship is excellent" weighs as "excellent
    relationship"); ``delay_factor``: the value of the "delay" reverser, by which an extended deadline is
    multiplied (put off, as a delayed step is); ``named_adjectives``: per head cue ("tariffs"), the
    adjectives of the cues "<adjective> <head>" that weigh more than it, with their weight, for the phrase
    with a name between its words ("new U.S. tariffs" weighs as "new tariffs"); ``blow_weight``: the value of
    the "deal a blow to" impact word, the weight of a blow dealt to a side named between ("deals China a
    blow"); ``moods``: per topic cue ("trade"), the cues "<topic> <mood>" ("trade hopes") by their mood word,
    for a mood shared with another topic ("trade and Fed hopes"); ``imposers``: the actors on side A of the
    dyads, whose measures they themselves may leave unenforced ("the U.S. will not enforce the new tariffs"
    relieves them, while a third country not enforcing sanctions breaches them); ``sides``: the actors on
    either side of a dyad, whom a step may leave out ("for all countries except China"); ``undone_value``:
    the value of the "never did" modifier, by which a promise named as broken in a relative clause weighs;
    ``handles``: the social-media handles of the actors (folded, without the "@"), by which a repost of the
    speaker's own account is told from a repost of another's; ``raise_value``: the value of the "raise"
    enacting verb, the weight of a measure lifted to a level ("lifts levies on Chinese goods to 25%").
    """

    warm_adjectives: dict[str, float] = field(default_factory=dict)
    delay_factor: float | None = None
    named_adjectives: dict[str, dict[str, float]] = field(default_factory=dict)
    blow_weight: float | None = None
    moods: dict[str, dict[str, Cue]] = field(default_factory=dict)
    imposers: frozenset[str] = frozenset()
    sides: frozenset[str] = frozenset()
    undone_value: float | None = None
    handles: dict[str, str] = field(default_factory=dict)
    raise_value: float | None = None

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> RuleTables:
        warm: dict[str, float] = {}
        for c in lexicon.cues:
            words = c.phrase.split(" ")
            if c.category == "praise" and len(words) == 2 and words[1] in RELATION_WORDS:
                warm[words[0]] = c.weight
        delay = next((m.value for m in lexicon.modifiers if m.phrase == "delay" and m.type == "reverser"), None)
        # "<adjective> <head>" cues that weigh more than their head alone ("new tariffs" 5, "tariffs" 0.5): the
        # first word must be no cue and no name of its own ("trade talks", "china talks" are compounds), and
        # the phrase matched as written (an inflected verb, "impose tariffs", is no adjective)
        heads = {c.phrase: c for c in lexicon.cues}
        names = {a.alias.lower() for a in lexicon.aliases}
        named: dict[str, dict[str, float]] = {}
        for c in lexicon.cues:
            words = c.phrase.split(" ")
            head = heads.get(words[-1])
            if len(words) == 2 and c.match == "exact" and head is not None and head.category == c.category \
                    and abs(head.weight) < abs(c.weight) and words[0] not in heads and words[0] not in names:
                named.setdefault(head.phrase, {})[words[0]] = c.weight
        blow = next((m.value for m in lexicon.modifiers if m.phrase == "deal a blow to" and m.type == "impact"), None)
        # the market moods of a topic cue ("trade hopes", "tariff worries"), for a mood shared with another
        # topic ("trade and Fed hopes")
        moods: dict[str, dict[str, Cue]] = {}
        for c in lexicon.cues:
            words = c.phrase.split(" ")
            if len(words) == 2 and c.match == "exact" and c.category in MOOD_CATEGORIES and words[0] in heads:
                moods.setdefault(words[0], {})[words[1]] = c
        imposers = frozenset(a for d in lexicon.dyads.values() for a in d.side_a)
        sides = imposers | frozenset(a for d in lexicon.dyads.values() for a in d.side_b)
        # the weight a promise not kept keeps, as the "undone" modifiers write it ("never did")
        undone = next((m.value for m in lexicon.modifiers if m.phrase == "never did" and m.type == "undone"), None)
        handles = {a.alias.lower().lstrip("@"): a.actor for a in lexicon.aliases if a.kind == "handle"}
        # the weight of a measure raised, as the "raise" enacting verb writes it (for one lifted to a level)
        raised = next((m.value for m in lexicon.modifiers if m.phrase == "raise" and m.type == "enact"), None)
        return cls(warm, delay, named, blow, moods, imposers, sides, undone, handles, raised)


def _mods(view: SentenceView, *types: str) -> list[Item]:
    return [m for m in view.mods if m.entry.type in types]


def _fmt(x: float) -> str:
    return f"{x:g}"


def deny(c: CueState, cfg: Config, why: str) -> None:
    """Weigh cue ``c`` as denied, the way a negation weighs what it negates (``negation_escalation`` for
    escalation, ``negation_cooperation`` for cooperation), noting ``why``: a doubted report, an untrue claim, a
    question answered "No"."""
    f = cfg.negation_escalation if c.weight > 0 else cfg.negation_cooperation
    c.weight *= f
    c.polarity = True
    c.rules.append(f"{why} x{_fmt(f)}")


def after_raw(view: SentenceView, item: Item) -> int:
    """The index in ``view.tokens`` of the first token after ``item`` (a cue, actor or modifier)."""
    m = item.match
    span = (m.start, m.end)
    n = view.token_counts.get(span)
    if n is None:
        n = view.token_counts[span] = len(TOKEN_RE.findall(view.folded, m.start, m.end))
    return item.raw + n


def past_names(view: SentenceView, j: int) -> tuple[int, Item | None]:
    """The first token at or after ``j`` that starts no actor name, skipping the names that follow one
    another from ``j`` ("U.S.-China"), and the last name skipped (None when ``j`` starts none)."""
    starts = {a.raw: a for a in view.actors}
    last = None
    while j in starts:
        last = starts[j]
        j = after_raw(view, last)
    return j, last


def name_tokens(view: SentenceView) -> frozenset[int]:
    """The indexes of the tokens that belong to an actor's name (found once per sentence: its actors are fixed
    when it is read)."""
    if view.names_found is None:
        view.names_found = frozenset(k for a in view.actors for k in range(a.raw, after_raw(view, a)))
    return view.names_found


# ---------------------------------------------------------------------------------------------------------
# 1. absorption


_BROAD_TOPICS = frozenset({"general", "diplomacy"})


def _take_topic(to: CueState, of: CueState, overwrite: bool = False) -> None:
    """A cue that stands for another, or has it as its subject, takes its topic when that one says more
    ("trade tensions thaw" is about the trade war); unless ``overwrite``, a topic already taken stays."""
    if of.cue.topic not in _BROAD_TOPICS and (overwrite or not to.topic):
        to.topic = of.cue.topic


def _subject_to(view: SentenceView, c: CueState, f: CueState) -> bool:
    """Whether ``f`` is the infinitive said of ``c``: "the standoff (with Beijing) to de-escalate"."""
    names = name_tokens(view)
    between = [t for k, t in enumerate(view.tokens[after_raw(view, c.item):f.item.raw], after_raw(view, c.item))
               if k not in names]
    return between in (["to"], ["with", "to"])


def _next_clause_subject(view: SentenceView, start: int, later: CueState) -> bool:
    """Whether a comma, a conjunction and then a name stand between ``start`` and a cue: the cue is in a clause
    with a subject of its own (", and China will buy")."""
    m = _JOINED_CLAUSE.search(view.folded, start, later.item.match.start)
    return m is not None and any(m.end() <= a.match.start < later.item.match.start for a in view.actors)


_JOINED_CLAUSE = re.compile(r", (?:and|but|while|as|so) ")


def _new_subject_between(view: SentenceView, first: CueState, later: CueState) -> bool:
    """Whether a comma and then a name stand between two cues: the later one has a subject of its own."""
    comma = view.folded.find(",", first.item.match.end, later.item.match.start)
    return comma >= 0 and any(comma < a.match.start < later.item.match.start for a in view.actors)


def conflict_as_matter(view: SentenceView, cfg: Config) -> None:
    """A conflict named after "to" right after a cue is what that cue is about, not news of its own: "no
    military solution to the North Korea crisis" rules force out, and says nothing new of the crisis. A
    conflict that may come, named as what someone has to lose or gain in, is the measure of their stakes, no
    news of it either: "Apple has the most to lose from a trade war" (set to 0 in place: the news is of the
    dyad; what one has to lose in "the" trade war is lost in a real one)."""
    for c in view.cues:
        if c.dropped or c.cue.category not in CONFLICT_NOUNS or c.item.raw < 2:
            continue
        k = c.item.raw - 1
        s = k - (view.tokens[k] in ("a", "an"))  # (a war that may come; what one loses in "the" war is real)
        if s >= 2 and view.tokens[s] in ("in", "from") and view.tokens[s - 1] in _STAKES \
                and view.tokens[s - 2] == "to" and c.weight != 0:
            set_in_place(c, f"stakes(to {view.tokens[s - 1]} {view.tokens[s]})")
            continue
        if view.tokens[k] == "the":
            k -= 1
        if view.tokens[k] != "to":
            continue
        p = next((o for o in view.cues if o is not c and not o.dropped and o.cue.category not in CONFLICT_NOUNS
                  and after_raw(view, o.item) == k), None)
        if p is not None:
            c.dropped = True
            p.rules.append(f"matter({c.cue.phrase})")


_STAKES = frozenset({"lose", "gain"})  # what one has "to lose" or "to gain" in a conflict

# the words that make a retaliation the reason of the step before it: "tariffs in retaliation", "as retaliation"
_REASON_OF = frozenset({"in", "as", "for"})
_REGARDED = frozenset({"seen", "viewed", "regarded", "described", "characterized", "characterised", "interpreted",
                       "perceived", "labeled", "labelled", "branded", "dismissed", "denounced", "condemned", "treated"})


def retaliation_reason(view: SentenceView, cfg: Config) -> None:
    """A retaliation named as the reason of a step is that step, counted once.

    "China imposes tariffs on U.S. goods in retaliation" reports one act, and "will not impose new tariffs in
    retaliation" denies it, the reason with it; "won't target U.S. chipmakers for retaliation" says the same.
    The step is the escalating cue before it in its clause (not past a word that opens a phrase of its own).
    """
    for r in view.cues:
        if r.dropped or r.cue.category != "retaliation" or r.item.raw < 2:
            continue
        k = r.item.raw - 1
        if view.tokens[k] not in _REASON_OF:
            k -= 1  # "in apparent retaliation", "as a retaliation"
            if view.tokens[k] not in _REASON_OF:
                continue
        if view.tokens[k] == "as" and view.tokens[k - 1] in _REGARDED:
            continue  # "should not be seen as retaliation" says what the step is taken for, not why it was taken
        step = None
        for c in view.cues:
            if c.item.raw >= k:
                break
            if (not c.dropped and c.item.clause == r.item.clause and c.cue.weight >= 1
                    and c.cue.category != "retaliation" and k - c.item.raw <= 10):
                step = c
        if step is None or _barrier_between(view, step.item.raw, k):
            continue
        r.dropped = True
        step.rules.append(f"absorbs({r.cue.phrase}: its reason)")


def _blamed_across_comma(view: SentenceView, c: CueState, f: CueState) -> bool:
    """Whether failure ``f`` comes after cooperation ``c`` past a comma, or past a verb of blame of its own, as
    what someone is blamed "for" there ("..., blaming China for the lack of progress", "scraps Pompeo's trip and
    blames China for lack of progress"): the reason of a new verb, not the fate of ``c`` ("China was close to a
    deal, then they backed out" is one event)."""
    if f.item.raw < c.item.raw:
        return False
    words = view.tokens[c.item.raw:f.item.raw]
    if "for" not in words:
        return False
    return "," in view.folded[c.item.match.end:f.item.match.start] or not _BLAMING.isdisjoint(words)


# the verbs of blame whose reason follows "for" ("blames China for lack of progress")
_BLAMING = frozenset(form for verb in ("blame", "fault") for form in inflections(verb))


def _gathering_names(view: SentenceView, f: CueState, o: CueState, gap: list[str]) -> bool:
    """Whether gathering ``f`` names gathering ``o`` after it as what it is for, ``gap`` the words between: a
    linking word or two ("meet for talks", "look forward to more talks"), a verb phrase's own preposition
    ("look forward to meeting Xi"), or its partner "with" ... "for" ("sit down with U.S. for talks"); not across
    a comma ("A year after the Singapore handshake, nuclear talks remain frozen"), and not two nouns side by
    side, a compound whose head the noun-compound loop of :func:`absorb` keeps ("the big Summit Meeting")."""
    if not gap and f.cue.phrase.rpartition(" ")[2] not in _PHRASE_ENDING_PREPS:
        return False
    linked = len(gap) <= 2 and _GATHERING_LINKS.issuperset(gap) \
        or 3 <= len(gap) <= 5 and gap[0] == "with" and gap[-1] == "for"
    return linked and not _PUNCT_BETWEEN.search(view.folded, f.item.match.end, o.item.match.start)


_FAILED_AIMS = COOPERATION | {"denuclearization"}


def _turned_near(view: SentenceView, c: CueState) -> bool:
    """Whether a reverser turns the cue around: one up to three words before it with no other cue between
    ("cancels Pyongyang visit"), or up to two after it ("the trip was called off")."""
    for m in view.mods:
        if m.entry.type != "reverser":
            continue
        if 0 <= c.item.tok - m.tok_end <= 3:
            lo, hi = m.tok_end, c.item.tok
        elif 0 <= m.tok - c.item.tok_end <= 2:
            lo, hi = c.item.tok_end, m.tok
        else:
            continue
        if not any(o is not c and lo <= o.item.tok < hi for o in view.cues):
            return True
    return False


def absorb(view: SentenceView, cfg: Config) -> None:
    """One event is counted once, however many cue words report it.

    A failure noun swallows the cooperation it reports on ("the latest setback in trade talks": the talks
    are what failed); a conflict noun swallows the verb that reports its growth ("the trade war
    escalated", "escalating the trade war": one escalation, boosted, not two); talks swallow the verb that resumes them ("talks
    scheduled to resume"); a pause swallows the measure it puts off ("extends the deadline for new
    tariffs").
    """
    for f in view.cues:
        if f.dropped:
            continue
        if f.cue.category == "truce":
            # a pause over a measure is one event: "extends the deadline for new tariffs" delays the tariffs;
            # so is a pause in the conflict named right before it: "trade tensions thaw", "trade war truce"
            m = _attached(view, f)
            if m is None:
                # (or "on"/"before" it: "a grace period before new duties", "a pause on new tariffs")
                o, gap = _next_cue(view, f)
                m = o if gap in (["on"], ["before"]) else None
            if m is not None and m.cue.category in ENACTABLE and m.weight > 0:
                m.dropped = True
                f.rules.append(f"absorbs({m.cue.phrase})")
            for c in view.cues:
                # (or "to" before it: "expects the tariff standoff to de-escalate")
                if (c is not f and not c.dropped and c.cue.category in CONFLICT | {"talks_failed"}
                        and c.item.clause == f.item.clause
                        and (0 <= f.item.tok - c.item.tok_end <= 1 or _subject_to(view, c, f))):
                    c.dropped = True
                    _take_topic(f, c, overwrite=True)  # "trade tensions thaw" is about the trade war
                    f.rules.append(f"absorbs({c.cue.phrase})")
            ask = max((m for m in view.mods if m.entry.type == "obligation" and m.raw < f.item.raw
                       and m.clause == f.item.clause), key=lambda m: m.raw, default=None)
            if f.cue.phrase in _DEESCALATING and not (ask is not None and _joint_call(view, ask, f)):
                # the conflict a de-escalation takes as its object is the one it eases: "seek to de-escalate the
                # trade war", "de-escalation of trade tensions" (one easing, no news of the war; but both sides
                # called on to de-escalate it is news of the conflict and a call for peace, as "urges U.S. and
                # China to avoid escalation" is: "Lagarde urges US and China to 'de-escalate' trade fight")
                o, gap = _next_cue(view, f)
                if (o is not None and not o.dropped and o.cue.category in CONFLICT and o.weight > 0
                        and len(gap) <= 4 and (not gap or gap[0] not in _NOT_OBJECT - {"in"})
                        and BARRIERS.isdisjoint(gap)
                        and not _PUNCT_BETWEEN.search(view.folded, f.item.match.end, o.item.match.start)):
                    o.dropped = True
                    _take_topic(f, o, overwrite=True)
                    f.rules.append(f"absorbs({o.cue.phrase})")
            continue
        if f.cue.category in FAILURE:
            # (and the aim that failed: "little progress on denuclearization" is no step toward it)
            victims = _FAILED_AIMS
        elif f.cue.category in CONFLICT_NOUNS:
            victims = GROWTH
        elif f.cue.category in COOPERATION and f.cue.phrase not in RESUMING_VERBS:
            victims = RESUMING
        else:
            continue
        for c in view.cues:
            if c.dropped or c is f or c.item.clause != f.item.clause:
                continue
            if victims is GROWTH:
                # the verb after the noun ("the trade war escalated"), or before it with the noun its object
                # ("escalating the trade fight"; "avoid escalating the trade war" then avoids the war's growth)
                ok = (c.cue.phrase in GROWTH_VERBS or c.cue.phrase in _GROWTH_NOUNS) and (
                    0 < c.item.tok - f.item.tok_end <= 3 or _grows_object(view, c, f))
            elif victims is RESUMING:
                ok = c.cue.phrase in RESUMING_VERBS and 0 < c.item.tok - f.item.tok_end <= 4
            else:
                # at most three words between them, either way ("no progress in deputy-level trade talks")
                # (not across a word that opens a phrase of its own: "still willing to meet Trump after the
                # summit cancellation" offers a meeting the cancellation came before)
                # (nor a truce said after it, which ends it: "expects the standoff to de-escalate")
                # (nor a failure named after a comma as what someone is blamed "for": "cancels Pompeo's trip to
                # North Korea, blaming China for the lack of progress" cancels the trip)
                ok = c.cue.category in victims and (0 <= c.item.tok - f.item.tok_end <= 4
                                                    or 0 <= f.item.tok - c.item.tok_end <= 4) \
                    and not _barrier_between(view, c.item.raw, f.item.raw) \
                    and not _blamed_across_comma(view, c, f) \
                    and not (c.cue.category == "truce" and c.item.raw > f.item.raw) \
                    and not (c.item.raw < f.item.raw and "without" in view.tokens[max(c.item.raw - 2, 0):c.item.raw]) \
                    and not (c.item.raw > f.item.raw and _new_subject_between(view, f, c)) \
                    and not (c.item.raw < f.item.raw and f.cue.phrase.endswith(" remain")) \
                    and not _turned_near(view, c)
                # (nor a cooperation with a subject of its own after a comma: "After the Hanoi walkout, Trump and
                # Kim meet at the DMZ" is a meeting, not the walkout told again)
                # (nor a cooperation said to be missing before it: "talks end without agreement, sides remain far
                # apart" are two reports of one failure)
                # (nor one that a reverser turns around, an event of its own: in "cancels Pyongyang visit, says
                # denuclearization progress is lacking" the visit is called off, and the failure is its reason)
                # (nor the progress before what is said to remain, which is what is left besides it: "some
                # progress, big issues remain")
            if ok and victims is GROWTH and c.cue.phrase in _GROWTH_NOUNS and c.item.raw < f.item.raw:
                # the noun of growth before the conflict it names ("no wish to see escalation in trade
                # tensions") stands where the words about the two stand: it carries the conflict's weight
                f.dropped = True
                c.weight = f.weight * 1.2
                c.mode = f.mode
                _take_topic(c, f, overwrite=True)
                c.rules.append(f"absorbs({f.cue.phrase}) x1.2")
                break
            if ok:
                c.dropped = True
                _take_topic(f, c, overwrite=True)  # "a setback in nuclear talks": about what the talks were about
                if victims is GROWTH:
                    f.weight *= 1.2
                    f.rules.append(f"absorbs({c.cue.phrase}) x1.2")
                elif victims is RESUMING:
                    f.rules.append(f"absorbs({c.cue.phrase})")
                else:
                    f.rules.append(f"absorbs({c.cue.phrase})")
    # talks held to talk are one event: "a video call to discuss military ties", "met to discuss trade"; and
    # so are a gathering and the talks or meeting it names right after it (_gathering_names)
    for f in view.cues:
        if f.dropped or f.cue.category not in _MEETINGS:
            continue
        o, gap = _next_cue(view, f)
        if o is not None and o.cue.category in _MEETINGS and not o.polarity and (
                gap == ["to"] or _gathering_names(view, f, o, gap)):
            o.dropped = True
            f.rules.append(f"absorbs({o.cue.phrase})")
    # a resumed measure is a measure taken again: "the US will resume tariffs on China" resumes no cooperation
    for f in view.cues:
        if f.dropped or f.cue.phrase not in RESUMING_VERBS:
            continue
        m, gap = _next_cue(view, f)
        if m is not None and m.weight > 0 and m.cue.category in ENACTABLE and len(gap) <= 2:
            f.dropped = True
            _acted_on(m, cfg)
            m.rules.append(f"absorbs({f.cue.phrase})")
    # a conflict that a verb of settling takes as its object is the one it ends: "meet to settle differences",
    # "settled their trade dispute" (one settlement, no news of the conflict; a verb, so no compound below)
    # (and a deal that a verb of keeping takes as its object stands for it: "failed to honor the trade deal"
    # fails the deal, which the negation then reaches)
    for f in view.cues:
        if f.dropped or f.polarity or f.cue.phrase not in _KEEPING:
            continue
        o = _object_cue(view, f)
        if o is not None and o.cue.category in AGREEING and o.weight < 0:
            f.dropped = True
            o.rules.append(f"absorbs({f.cue.phrase})")
    for f in view.cues:
        if f.dropped or f.polarity or f.cue.phrase not in _SETTLING:
            continue
        o = _object_cue(view, f)
        if o is not None and o.cue.category in CONFLICT_NOUNS and o.weight > 0:
            o.dropped = True
            _take_topic(f, o, overwrite=True)
            f.rules.append(f"absorbs({o.cue.phrase})")
    # a cooperation noun that modifies the next one is part of its name: "trade talk deals" are deals,
    # "trade deal talks" are talks (no deal reached), "Phase 1 trade deal" one deal; the head noun, last,
    # stands for the phrase
    # (and so is a conflict noun before a measure: "Beijing waives trade-war tariff" waives a tariff, or
    # before the talks, deal or progress that would end it: "trade war progress", "trade war talks")
    for f in view.cues:
        if f.dropped or f.polarity or f.cue.phrase.rpartition(" ")[2] in _PHRASE_ENDING_PREPS \
                or f.cue.phrase in _DISCUSSING or f.cue.phrase in _DEESCALATING or f.cue.phrase in _SETTLING:
            # (a cue ending in its preposition modifies no noun: "hold call on trade deal implementation"; nor
            # does a talk verb, whose object is its matter: "to discuss trade tensions", nor a verb of easing:
            # "to de-escalate trade tensions")
            continue
        if f.weight < 0 and f.cue.category in COMPOUNDING:
            heads = COOPERATION | GROWTH  # (and worry about it: "trade deal uncertainty", "trade talks jitters")
        elif f.weight > 0 and f.cue.category in CONFLICT_NOUNS and not f.cue.phrase.endswith("ed") \
                and f.cue.phrase not in GROWTH_VERBS:
            # (a participle describes the talks, it names no conflict they would end: "strained trade talks"; and
            # a verb of growth is no noun: "escalates tariffs on Chinese goods" raises them)
            heads = ENACTABLE | CONFLICT_ENDINGS
        else:
            continue
        head, gap = _next_cue(view, f)
        if (head is not None and not gap and head.cue.category in heads
                and ((head.weight < 0) == (f.weight < 0) or head.cue.category in GROWTH | CONFLICT_ENDINGS)
                and _NOUN_GAP.fullmatch(view.folded, f.item.match.end, head.item.match.start)):
            f.dropped = True
            _take_topic(head, f)  # "trade talk optimism" is about the trade talks
            head.rules.append(f"absorbs({f.cue.phrase})")


# truce words that take the conflict they ease as their object ("de-escalate the trade war")
_DEESCALATING = frozenset({"de-escalate", "deescalate", "de-escalation"})
_SETTLING = frozenset({"settle"})  # deal verbs whose object is the conflict they end (see absorb)
_KEEPING = frozenset({"honor", "honour"})  # verbs of keeping a deal, which its object stands for (see absorb)


def _object_cue(view: SentenceView, verb: CueState) -> CueState | None:
    """The next live cue after ``verb`` when only an article or a possessive stands between ("settle their
    differences", "honor the trade deal"): the verb's object."""
    o, gap = _next_cue(view, verb)
    return o if o is not None and len(gap) <= 2 and _CONTENT_LEAD.issuperset(gap) else None


_NOUN_GAP = re.compile(r"[ -]")  # what stands between two nouns of one compound
_PHRASE_ENDING_PREPS = frozenset({"on", "with", "to", "for", "of", "in", "about", "against", "over"})
# the cooperation nouns that can modify another (warm words are adjectives: "warm letters" adds the warmth)
COMPOUNDING = COOPERATION - {"praise", "reassurance", "goodwill"}
# the cooperation nouns a conflict noun can name the purpose of ("trade war talks", "trade war progress")
CONFLICT_ENDINGS = frozenset({"talks", "deal", "progress"})
# "my relationship with Kim Jong Un is very good": a relationship said to be warm, by a copula and an
# adjective (the adjective before the noun is a cue of its own: "a very good relationship"); weighed as "good
# relationship" is in cues.tsv (RuleTables.warm_adjectives)
_COPULAS = frozenset({"is", "are", "remains", "remain", "continues", "continue", "stays", "has", "have", "been"})
_WARM_FILLERS = frozenset({"to", "be", "been", "a", "an", "the", "very", "really", "so", "truly", "extremely",
                           "incredibly", "now", "still", "always", "also", "probably", "perhaps", "maybe",
                           "likely"})


def warm_relationship(view: SentenceView, cfg: Config) -> None:
    """A relationship said to be good is warm words: "our relationship with them continues to be a very good
    one", "relations with China are excellent" (a negator on the way, as the lexicon's negators say, and no
    warmth: "relations are not good"; the adjective follows the copula with only fillers between)."""
    if view.tables is None or not view.tables.warm_adjectives:
        return
    warm = view.tables.warm_adjectives
    tokens = view.tokens
    negators = {m.raw for m in view.mods if m.entry.type == "negator"}
    for c in view.cues:
        if c.dropped or c.cue.category != "topic" or c.cue.phrase not in RELATION_WORDS:
            continue
        start = after_raw(view, c.item)
        r = c.item.raw
        called = r > 0 and (tokens[r - 1] in _CALLING or r > 1 and tokens[r - 1] in _OWNERS and tokens[r - 2] in _CALLING)
        for j in range(start, min(start + 7, len(tokens))):
            t = tokens[j]
            if called and t == "as":
                continue  # "describes relations as excellent"
            if t in BARRIERS or j in negators:
                break
            if called and t in warm and not any(o.item.raw == j and not o.dropped for o in view.cues):
                # said of it by a verb of calling, the adjective its complement: "calls relations with China
                # 'very good'", "called his relationship with Xi good"
                c.weight = warm[t]
                c.rules.append(f"warm({t}) -> {_fmt(c.weight)}")
                break
            if t in _COPULAS:
                k = j + 1
                while k < len(tokens) and tokens[k] in _WARM_FILLERS:
                    k += 1
                if k < len(tokens) and tokens[k] in warm \
                        and not any(o.item.raw == k and not o.dropped for o in view.cues):
                    # (an adjective that is a cue of its own, "relations are warm", already counts)
                    c.weight = warm[tokens[k]]
                    c.rules.append(f"warm({tokens[k]}) -> {_fmt(c.weight)}")
                elif k < len(tokens) and (tokens[k] in _BETTERING and tokens[k + 1:k + 2] not in _HEADING
                                          or tokens[k] == "getting" and tokens[k + 1:k + 2]
                                          and tokens[k + 1] in _BETTER) \
                        and not any(k <= o.item.raw <= k + 1 and not o.dropped for o in view.cues):
                    # a relationship said to grow warmer: "our relationship with North Korea is improving",
                    # "relations are getting better" (not one "building toward a crisis")
                    c.weight = _BETTERING_WEIGHT
                    c.rules.append(f"warming({tokens[k]}) -> {_fmt(c.weight)}")
                break


# what a relationship is said to be doing as it grows warmer ("relations are improving", "getting better"),
# weighed as a good relationship
_BETTERING = frozenset({"improving", "warming", "building", "strengthening", "deepening"})
_BETTER = frozenset({"better", "stronger", "closer", "warmer"})
_BETTERING_WEIGHT = -2.5
_HEADING = [["toward"], ["towards"], ["to"], ["into"], ["up"]]


# the verbs that say what a thing is called, and the words that may stand between them and the relation noun
# ("calls his relationship with Xi good", "describes bilateral ties as stable")
_CALLING = frozenset({"call", "calls", "called", "calling", "describe", "describes", "described", "describing"})
_OWNERS = frozenset({"his", "her", "their", "our", "its", "the", "my", "bilateral"})


_BLOW_ADJECTIVES = frozenset({"heavy", "major", "fresh", "new", "big", "severe", "serious", "huge", "crushing",
                              "body", "double", "final", "fatal", "further"})


def dealt_blow(view: SentenceView, cfg: Config) -> None:
    """To deal someone a blow is no deal: in "Washington deals China a heavy blow" the verb "deal" has a
    blow for its object, past the one it hits, and the blow weighs as the lexicon's "deal a blow to" (which
    reads the plain order) says a blow bites."""
    if view.tables is None or view.tables.blow_weight is None:
        return
    tokens = view.tokens
    deals = [c for c in view.cues
             if not c.dropped and c.cue.category == "deal" and tokens[c.item.raw].startswith("deal")]
    if not deals:
        return
    for c in deals:
        j, _ = past_names(view, after_raw(view, c.item))
        words = tokens[j:j + 3]
        if words[:1] == ["a"] and (words[1:2] == ["blow"] or (words[1:2] and words[1] in _BLOW_ADJECTIVES
                                                               and words[2:3] == ["blow"])):
            c.weight = view.tables.blow_weight
            c.mode = "act"
            c.polarity = True
            c.rules.append(f"a blow dealt, no deal -> {_fmt(c.weight)}")


# what a threat can put at risk: an accord or a channel that exists ("threatens the truce")
_AT_RISK = frozenset({"truce", "deal", "talks", "meeting", "progress", "cooperation"})
_THREAT_PUT_AT_RISK = -0.8  # as "jeopardize" and "put at risk" in modifiers.tsv
_AT_RISK_LEAD = ARTICLES | NEAR_DEMONSTRATIVES | {"their", "its", "fragile", "new", "nascent"}
# the verbs of strain put upon an accord, which put it at risk as a threat does ("strains the truce")
_STRAINING = frozenset({"strain", "strains", "straining", "tests"})  # (not "strained", "testing": adjectives too)


def threatened_accord(view: SentenceView, cfg: Config) -> None:
    """An accord threatened is put at risk: in "Huawei arrest threatens the trade truce" the verb has the truce
    for its object, and the news is the truce in danger (as "jeopardizes the truce"), not a threat made to a
    side. Only where the accord follows the verb at once (an article or a name between), not "threatens to
    end the truce" (a threat of a step) or "threatens China with tariffs"."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.category != "threat" or not tokens[c.item.raw].startswith("threaten"):
            continue
        if _put_at_risk(view, after_raw(view, c.item), tokens[c.item.raw]):
            c.dropped = True
    # (so does a verb of strain, a cue or not: "soybean buying tests the Busan truce", "curbs strain the truce")
    if _STRAINING.isdisjoint(tokens):
        return  # (most sentences: no token to look at one by one)
    for k, t in enumerate(tokens):
        if t in _STRAINING and k > 0 and _put_at_risk(view, k + 1, t):
            for c in view.cues:
                if c.item.raw == k and c.cue.category == "tension":
                    c.dropped = True  # the strain is the accord's, counted there


def _put_at_risk(view: SentenceView, j: int, verb: str) -> bool:
    """Puts the accord right after token ``j`` (past an article, a name or a word of kind) at risk; whether
    there was one."""
    tokens = view.tokens
    j, _ = past_names(view, j)
    while j < len(tokens) and (tokens[j] in _AT_RISK_LEAD or tokens[j] in VENUE_CITIES):  # ("the Busan truce")
        j, _ = past_names(view, j + 1)
    target = next((t for t in view.cues if t.item.raw == j and not t.dropped and not t.polarity), None)
    if target is None or target.weight >= 0 or target.cue.category not in _AT_RISK:
        return False
    target.weight *= _THREAT_PUT_AT_RISK
    target.polarity = True
    target.rules.append(f"put at risk({verb}) x{_fmt(_THREAT_PUT_AT_RISK)}")
    return True


# what a side "meets" when it keeps its word: no meeting ("meet its phase one purchase commitments")
_YARDSTICKS = frozenset({"commitment", "commitments", "obligation", "obligations", "pledge", "pledges", "promise",
                         "promises", "target", "targets", "goal", "goals", "quota", "quotas", "pace"})


def met_yardstick(view: SentenceView, cfg: Config) -> None:
    """To meet a commitment is no meeting: in "press China to meet its phase one purchase commitments" the verb
    has the commitments for its object, and the commitments' own cue says what is at stake (a few words may
    stand between, unlike the exclusions "meet targets", "meet the demand" of modifiers.tsv, fixed phrases);
    nor is meeting needs or figures ("turns to a Chinese firm to meet thermal camera needs")."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.category != "meeting" or c.cue.phrase != "meet":
            continue
        j = after_raw(view, c.item)
        for k in range(j, min(j + 5, len(tokens))):
            if tokens[k] in _YARDSTICKS:
                # (where the lexicon weighs the yardstick, "commitments", that cue says what was met; else the
                # verb stays, for what governs it to read: "demands Pyongyang meet its obligations")
                if any(o.item.raw == k and not o.dropped for o in view.cues):
                    c.dropped = True
                    c.rules.append(f"met({tokens[k]}): no meeting")
                break
            if tokens[k] in _MET_NEEDS:
                # what is supplied or matched is no meeting either: "to meet thermal camera needs"
                c.dropped = True
                c.rules.append(f"met({tokens[k]}): no meeting")
                break
            if tokens[k] in ("with", "and", "in", "at", "on", "to", ",", "."):
                break


# what a buyer's or a figure's "meet" has for its object, a few words on: needs filled, figures matched
_MET_NEEDS = frozenset({"needs", "requirements", "standards", "expectations", "forecasts", "estimates", "orders",
                        "criteria", "specifications"})


_NOTHING_BOUGHT = frozenset({"no", "none", "nothing"})


_SECURITIES = frozenset({"stocks", "shares", "equities", "bonds", "treasuries", "securities", "debt"})
_SECURITY_KINDS = [["tech"], ["government"], ["sovereign"], ["bank"], ["local"], ["onshore"]]


def bought_nothing(view: SentenceView, cfg: Config) -> None:
    """A purchase whose object is "no" or "none" did not happen: "China buys no U.S. soybeans", "bought none of
    the crop" are purchases denied, weighed as "did not buy" (the negator stands after the verb, where the
    negation rule does not look); one whose object is securities is an investment, no purchase between the
    sides ("fund managers buy Chinese stocks")."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.category != "purchase" or c.weight >= 0:
            continue
        j = after_raw(view, c.item)
        if j < len(tokens) and tokens[j] in _NOTHING_BOUGHT:
            deny(c, cfg, f"nothing bought({tokens[j]})")
            view.mods[:] = [m for m in view.mods if m.raw != j]  # (the negator is spent on the verb)
            continue
        # securities bought are an investment, no trade between the sides: "fund managers buy Chinese stocks",
        # "investors bought U.S. Treasuries" (the names and a word of kind may stand before the noun)
        k, _ = past_names(view, j + (tokens[j:j + 1] in (["more"], ["the"])))
        k, _ = past_names(view, k + (tokens[k:k + 1] in _SECURITY_KINDS))
        if k < len(tokens) and tokens[k] in _SECURITIES:
            c.dropped = True


# the words of an ordinary crime, a matter for the police and the courts, not between states
_PRIVATE_CRIMES = frozenset({"sexual", "rape", "raped", "raping", "rapist", "murder", "murdered", "murdering",
                             "manslaughter", "homicide", "drunk", "drunken", "dui", "shoplifting", "stalking",
                             "molest", "molested", "molesting", "groping", "prostitution"})
_POLICE_MATTERS = frozenset({"diplomatic_break", "accusation"})  # arrests, detentions, charges, suits


def private_crime(view: SentenceView, cfg: Config) -> None:
    """An arrest or a charge over an ordinary crime is a police matter, no step between the sides: "Chinese
    billionaire arrested in US, accused of sexual offence", "Chinese student charged with murder" (a crime
    word within a cue is an idiom of it: "they got away with murder on trade" stays a charge)."""
    held = [c for c in view.cues if not c.dropped and c.cue.category in _POLICE_MATTERS]
    if not held:
        return
    in_cues = {k for c in view.cues for k in range(c.item.raw, after_raw(view, c.item))}
    if any(t in _PRIVATE_CRIMES and k not in in_cues for k, t in enumerate(view.tokens)):
        for c in held:
            c.dropped = True


# words that say a meeting or talks went badly ("a tense meeting", "testy talks")
_STRAINED = frozenset({"tense", "testy", "frosty", "icy", "acrimonious", "heated", "stormy", "contentious",
                       "combative", "rancorous", "fractious", "bruising", "chilly", "frigid"})
_STRAINED_WEIGHT = 2.0  # as "sharp words" and "spar" in cues.tsv: strain shown, no step taken
# what may not stand between a word of strain and the meeting it describes (a name or a word of kind may:
# "a tense Anchorage meeting", "tense first talks")
_NOT_KINDS = frozenset({"and", "or", "but", "after", "before", "with", "of", "to", "as", "than", "while"})


# a call between the sides, and what makes one only scheduled: "officials to discuss trade in a phone call this
# week", "will be speaking with President Xi tonight" (the codebook's "to hold a call": procedural, no direction)
_CALLS = frozenset({"phone call", "call with", "speak with", "conversation with", "telephone conversation",
                    "phone conversation", "telephone call", "by phone", "by telephone", "speak to", "speaking to",
                    "video call"})
_CALL_VERBS = frozenset({"hold", "have", "discuss", "speak", "talk", "be"})
_SCHEDULED_FACTOR = 0.3  # as the "to hold" hedge of modifiers.tsv
_MET_AT = frozenset({"at", "in", "during"})  # where those who speak meet ("at the G20")
# the words before "to" that make it a plan, an aim or a wish rather than a schedule ("agreed to speak")
_NOT_SCHEDULED = frozenset({"agree", "agrees", "agreed", "plan", "plans", "planned", "want", "wants", "wanted",
                            "hope", "hopes", "hoped", "expect", "expects", "expected", "ready", "willing", "refuse",
                            "refuses", "refused", "declined", "declines", "need", "needs", "going", "likely",
                            "unlikely", "able", "unable"})


def scheduled_call(view: SentenceView, cfg: Config) -> None:
    """A call the sides are only to hold is procedural, as the codebook's "US and China trade officials to hold
    a call": "U.S., Chinese officials to discuss trade in phone call this week", "Will be speaking with President
    Xi tonight" (x0.3, as "to hold"; talks named before it in the same plan go with it). A call held ("spoke by
    phone", "had a very good call") keeps its weight, and so does one agreed or hoped for."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.phrase not in _CALLS or c.weight >= 0:
            continue
        lo = max(c.item.raw - 8, 0)
        start = next((k for k in range(c.item.raw - 1, lo - 1, -1)
                      if tokens[k] in ("to", "will") and tokens[k + 1:k + 2]
                      and (tokens[k + 1] in _CALL_VERBS or k + 1 == c.item.raw)), None)
        if start is None or (start > 0 and tokens[start - 1] in _NOT_SCHEDULED) \
                or _barrier_between(view, start, c.item.raw):
            continue
        end = after_raw(view, c.item)
        if not _MET_AT.isdisjoint(tokens[end:end + 5]):
            continue  # "will speak with Xi at the G20": a meeting in person, planned
        for o in view.cues:
            if o is c or (not o.dropped and o.cue.category == "talks" and start < o.item.raw < c.item.raw
                          and o.weight < 0 and not o.polarity):
                o.weight *= _SCHEDULED_FACTOR
                o.rules.append(f"scheduled({tokens[start]} ...) x{_fmt(_SCHEDULED_FACTOR)}")


def strained_gathering(view: SentenceView, cfg: Config) -> None:
    """A meeting or talks said to be tense are strain between the sides, not a warm meeting: "trade sharp words
    in a tense Anchorage meeting", "hold testy talks" (a name or a word of kind may stand between: "a tense
    first meeting")."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.category not in ("meeting", "talks") or c.weight >= 0:
            continue
        j = c.item.raw - 1
        while j >= 0 and c.item.raw - j < 3 and tokens[j] not in _STRAINED and tokens[j] not in _NOT_KINDS:
            j -= 1
        if j >= 0 and tokens[j] in _STRAINED:
            c.weight = _STRAINED_WEIGHT
            c.polarity = True
            c.rules.append(f"strained({tokens[j]}) -> {_fmt(_STRAINED_WEIGHT)}")


MOOD_CATEGORIES = frozenset({"tension", "progress"})  # market moods: worries, fears, jitters, hopes, optimism


def shared_mood(view: SentenceView, cfg: Config) -> None:
    """A mood said of two topics at once is a mood of each: "stocks rise on trade and Fed hopes" are trade
    hopes, "trade, Brexit worries" trade worries (one word between "and" or a comma and the mood word, and
    no cue there: "trade and tariff worries" reads its own cue). So is a mood named before its topic: "hopes
    for U.S.-China trade" are trade hopes, "fears over trade" trade fears."""
    if view.tables is None or not view.tables.moods:
        return
    tokens = view.tokens
    names: frozenset[int] | None = None
    for c in view.cues:
        moods = view.tables.moods.get(c.cue.phrase)
        if moods is None or c.dropped or c.polarity:
            continue
        if names is None:
            names = name_tokens(view)
        k = c.item.raw - 1
        j = after_raw(view, c.item)
        # (a mood before it is its own only where the topic ends its phrase: not "risks for trade growth", "cheer
        # for U.S. trade chief Lighthizer")
        after = view.folded[c.item.match.end:c.item.match.end + 1]
        ends = j >= len(tokens) or tokens[j] in BARRIERS or tokens[j] in _LIST_WORDS or after in (",", ";", ":", ".", "")
        while k >= 0 and (k in names or tokens[k] in ARTICLES):
            k -= 1  # (the sides named, or "the": "hopes for the U.S.-China trade")
        if ends and k >= 0 and tokens[k] not in _MOOD_PREPS:
            # (the topic last in a list the mood is of: "hopes for monetary policy, U.S.-China trade")
            at = next((x for x in range(k, max(k - 4, 0), -1) if tokens[x] in _MOOD_PREPS), None)
            if at is not None and not any(at < o.item.raw < c.item.raw for o in view.cues) \
                    and not any(at < m.raw < c.item.raw for m in view.mods):  # (nor a word of another item's)
                window = view.folded[max(c.item.match.start - 60, 0):c.item.match.start]
                rest = window[window.rfind(f" {tokens[at]} ") + 1:] if f" {tokens[at]} " in window else ""
                if "," in rest or " and " in rest:
                    k = at
        listed = j < len(tokens) and tokens[j] in _LIST_WORDS or after == ","
        if ends and k >= 1 and tokens[k] in _MOOD_PREPS and tokens[k - 1] in moods \
                and not any(o.item.raw == k - 1 and (o.cue.phrase != tokens[k - 1] or listed) for o in view.cues):
            # (a mood word that is a cue of its own stays one where more topics follow: "tensions over trade and
            # North Korea" are North Korea's too)
            mood = moods[tokens[k - 1]]
            for o in view.cues:  # (the mood word as a cue of its own, "fears", is this one)
                if o.item.raw == k - 1 and o.cue.phrase == tokens[k - 1]:
                    o.dropped = True
            c.rules.append(f"mood before it({tokens[k - 1]}) -> {mood.phrase} {_fmt(mood.weight)}")
            c.cue, c.weight, c.mode = mood, mood.weight, mood.mode
            continue
        joined = j < len(tokens) and tokens[j] == "and"
        if joined:
            j += 1
        elif "," not in view.folded[c.item.match.end:c.item.match.end + 2]:
            continue
        if j + 1 >= len(tokens) or tokens[j + 1] not in moods or any(o.item.raw == j for o in view.cues):
            continue
        mood = moods[tokens[j + 1]]
        for o in view.cues:  # the mood word as a cue of its own ("fears") is this one
            if o.item.raw == j + 1 and o.cue.phrase == tokens[j + 1]:
                o.dropped = True
        c.rules.append(f"shared mood({tokens[j + 1]}) -> {mood.phrase} {_fmt(mood.weight)}")
        c.cue, c.weight, c.mode = mood, mood.weight, mood.mode


# what joins a mood word to the topic after it ("hopes for trade", "fears over trade") (besides the sides' names
# and an article), and the words that go on a list
_MOOD_PREPS = frozenset({"for", "over", "about", "on"})
_LIST_WORDS = frozenset({"and", "or", "but"})


# moves downward, said of a figure or of purchases
_DOWN_MOVES = frozenset({"fall", "falls", "fell", "decline", "declines", "declined", "tumble", "tumbles", "tumbled",
                         "plunge", "plunges", "plunged", "shrink", "shrinks", "shrank"})
# the moves that make purchases fewer (not "drop" and "dwindle", reversers of their own in modifiers.tsv), and
# purchases left behind what was promised ("purchases are running behind the pace promised", "lag targets")
_SHORT_OF = frozenset({"below", "short", "shy"})  # falls only when what is missed follows ("below targets")
_FALLS = _DOWN_MOVES | _SHORT_OF | {"slump", "slumps", "slumped", "sank", "sink", "sinks", "slow", "slows", "slowed",
                                    "slowing", "lag", "lags", "lagged", "lagging", "trail", "trails", "trailed",
                                    "trailing", "behind"}
# the words before purchases that say they are few ("sluggish Chinese soybean buying")
_SCANT = frozenset({"sluggish", "weak", "tepid", "meager", "meagre", "scant", "lackluster", "lacklustre",
                    "paltry", "anemic", "anaemic"})
_FALL_REACH = 120  # characters: no eight words are longer
# a figure's rise, right after the goods it counts
_RISES = frozenset({"rise", "rises", "rose", "risen", "rebound", "rebounds", "rebounded", "jump", "jumps", "jumped",
                    "climb", "climbs", "climbed", "surge", "surges", "surged", "increase", "increases", "increased",
                    "grow", "grows", "grew", "hit", "hits"})
# a figure's easing, which a data report says of it ("soybean imports ease"; of a step, a reverser)
_EASES = frozenset({"ease", "eases", "eased", "dip", "dips", "dipped"})
# the months but May, whose name is also a modal, and the words before a month's name ("in May", "since early
# May"), where "may" is the month
MONTHS = frozenset({"january", "february", "march", "april", "june", "july", "august", "september", "october",
                    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                    "nov", "dec"})
BEFORE_MONTH = frozenset({"in", "on", "from", "by", "until", "till", "since", "early", "late", "mid", "last", "next",
                          "this", "of", "before", "after", "through", "during", "for"})
# the periods whose figures a data report gives
_PERIOD_WORDS = MONTHS | {"annual", "monthly", "quarterly", "year-on-year", "yearly", "first-quarter",
                          "second-quarter", "third-quarter", "fourth-quarter"}


def _a_period_named(tokens: list[str]) -> bool:
    """Whether a sentence names the period a figure is for: a month, a quarter or a year ("in May")."""
    return not _PERIOD_WORDS.isdisjoint(tokens) or any(
        t == "may" and k > 0 and tokens[k - 1] in BEFORE_MONTH for k, t in enumerate(tokens))


# trade balances that, said to move, are a figure reported, not a complaint
FIGURES = frozenset({"trade deficit", "trade imbalance"})
_MOVES = _DOWN_MOVES | {
    "narrow", "narrows", "narrowed", "narrowing", "widen", "widens", "widened", "widening", "shrunk", "shrinking",
    "swell", "swells", "swelled", "swollen", "jump", "jumps", "jumped", "rise", "rises", "rose", "drop", "drops",
    "dropped", "grow", "grows", "grew", "balloon", "balloons", "ballooned", "surge", "surges", "surged", "climb",
    "climbs", "climbed", "soar", "soars", "soared", "hits", "eases", "eased", "data", "figures"}


def reported_figure(view: SentenceView, cfg: Config) -> None:
    """A trade balance said to move is a figure reported, not a charge: "U.S. trade deficit with China
    narrows in July" tells the data (relevant, no direction), while "slams China over the huge trade
    deficit" and "our trade deficit with China is unacceptable" complain. Purchases said to fall are
    fewer purchases, turned around: "China's purchases of U.S. soybeans fell in June"."""
    tokens = view.tokens
    # (a figure for a period with no partner named is data, the trade war not named beside it: below)
    data = _a_period_named(tokens) and len({a.entry.actor for a in view.actors if a.match.kind == "actor"}) <= 1
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.category not in PURCHASES or c.weight >= 0:
            continue
        end = after_raw(view, c.item)
        stop = next((o.item.raw for o in view.cues if o is not c and o.item.raw >= end and o.weight != 0),
                    len(tokens))  # (past a topic word: "purchases of U.S. soybeans fell")
        fall = next((j for j in range(end, min(end + 8, stop)) if tokens[j] in _FALLS and (
            tokens[j] not in _SHORT_OF or not _YARDSTICKS.isdisjoint(tokens[j + 1:j + 5]))), None)
        if fall is None:
            # (or an adjective of scarcity a few words before, past names and goods: "sluggish Chinese soybean
            # buying")
            fall = next((j for j in range(max(c.item.raw - 3, 0), c.item.raw) if tokens[j] in _SCANT), None)
        rest = view.folded[c.item.match.end:c.item.match.end + _FALL_REACH]
        word = re.search(rf"\b{tokens[fall]}\b", rest) if fall is not None else None
        if data and fall is None:
            fall = next((j for j in range(end, min(end + 3, stop)) if tokens[j] in _EASES), None)
        if fall is not None and BARRIERS.isdisjoint(tokens[end:fall]) and (word is None
                                                                          or "," not in rest[:word.start()]):
            # (in its own phrase: "exports rise, snapping two months of declines" fell before, not now)
            if data and not any(o is not c and not o.dropped and o.weight != 0 for o in view.cues):
                # a month's figure said to fall, with no partner and nothing of the trade war named, is data:
                # "China September soybean imports ease on falling animal feed demand" (not "fall amid tariffs")
                c.weight = 0.0
                c.rules.append(f"figure reported ({tokens[fall]}) -> 0")
                continue
            c.weight *= cfg.negation_escalation
            c.polarity = True
            c.rules.append(f"fewer purchases({tokens[fall]}) x{_fmt(cfg.negation_escalation)}")
            for d in view.cues:
                if d is not c and not d.dropped and d.cue.category == "deal" and d.weight < 0 and (
                        d.cue.phrase.rpartition(" ")[2] in _YARDSTICKS
                        or tokens[after_raw(view, d.item):after_raw(view, d.item) + 1]
                        and tokens[after_raw(view, d.item)] in _YARDSTICKS | {"purchase", "purchases"}):
                    # the deal named as the yardstick the purchases fall short of is no step toward it: "far
                    # below Phase One targets"
                    d.weight = 0.0
                    d.rules.append(f"yardstick of fewer purchases({tokens[fall]}) -> 0")
        elif (rise := next((j for j in range(end, min(end + 3, stop)) if tokens[j] in _RISES), None)) is not None \
                and data:
            # a month's or year's figure said to rise, with no partner named, is data, no step: "China June rare
            # earth exports rise" (a fall stays fewer purchases, above; and a rise from the other side is more
            # bought from it: "China's November soybean imports from U.S. rise")
            c.weight = 0.0
            c.rules.append(f"figure reported ({tokens[rise]}) -> 0")
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.phrase not in FIGURES or c.weight <= 0:
            continue
        j = after_raw(view, c.item)
        if j < len(tokens) and tokens[j] == "with":  # "the trade deficit with China widened"
            j, _ = past_names(view, j + 1)
        if j < len(tokens) and tokens[j] in _MOVES:
            c.rules.append(f"figure reported ({tokens[j]}) -> 0")
            c.weight = 0.0


def named_between(view: SentenceView, cfg: Config) -> None:
    """A name inside a phrase leaves the phrase whole: "new U.S. tariffs", "fresh Chinese tariffs", "tougher
    US sanctions" and "illegal Chinese subsidies" weigh as "new tariffs", "tougher sanctions" and "illegal
    subsidies" do, which the matcher cannot see past the name (only actor names between the adjective and the
    head, at most three: "new U.S.-China tariffs")."""
    if view.tables is None or not view.tables.named_adjectives or not view.actors:
        return
    named = view.tables.named_adjectives
    heads = [c for c in view.cues if c.cue.phrase in named and not c.dropped and not c.polarity]
    if not heads:  # (most sentences: the names are looked up only for a head cue)
        return
    ends = {after_raw(view, a): a for a in view.actors}  # the token after each name -> the name
    for c in heads:
        adjectives = named[c.cue.phrase]
        j = c.item.raw
        skipped = 0
        while j in ends and skipped < 3:
            j = ends[j].raw
            skipped += 1
        if not skipped or j == 0:
            continue
        adjective = view.tokens[j - 1]
        weight = adjectives.get(adjective)
        if weight is None or abs(weight) <= abs(c.weight) \
                or any(o.item.raw == j - 1 and not o.dropped for o in view.cues):
            continue
        names = " ".join(view.tokens[j:c.item.raw])
        c.rules.append(f"named({adjective} {names}) {_fmt(c.weight)} -> {_fmt(weight)}")
        c.weight = weight


_LESS = frozenset({"less", "fewer"})
_COMPARATIVES = _LESS | {"more"}


def compared_purchases(view: SentenceView, cfg: Config) -> None:
    """Purchases set against each other are the trade balance, not purchases made: "China buys MUCH less from
    us than we buy from them" is the deficit complained of (a charge, weighed as a demand is), and the purchase
    after "than" is the other term of the comparison, no purchase of its own; a comparison with anything else
    ("more than ever before") leaves the purchase as it is."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.category not in PURCHASES or c.weight >= 0:
            continue
        first = after_raw(view, c.item)
        window = tokens[first:first + 7]
        if "than" not in window:
            continue
        than = window.index("than")
        comparative = next((t for t in window[:than] if t in _COMPARATIVES), None)
        at = first + than
        other = next((o for o in view.cues if o is not c and not o.dropped and o.cue.category in PURCHASES
                      and at < o.item.raw <= at + 3), None)
        if comparative is None or other is None:
            continue  # ("buys much more from us than ever before" is more buying)
        other.dropped = True  # the other term: "than we buy from them"
        c.weight = cfg.demand_weight if comparative in _LESS else 0.0
        c.mode = "statement"
        c.rules.append(f"compared({comparative} than {other.cue.phrase}) -> {_fmt(c.weight)}")


# what may stand between "than" and the other term of a comparison
_THAN_LEADS = frozenset({"any", "a", "an", "the", "even", "some"})


def comparison_term(view: SentenceView, cfg: Config) -> None:
    """A step named after "than" is the other term of a comparison, no step of its own: "Tariffs are bringing
    in far more money than any deal" praises the tariffs and makes no deal; "a deal is better than a trade war"
    fights no war. (Purchases set against each other are the trade balance: compared_purchases; "rather than"
    is a choice, a negator of its own.)"""
    tokens = view.tokens
    if "than" not in tokens:
        return
    for c in view.cues:
        if c.dropped or c.weight == 0 or c.cue.category in PURCHASES:
            continue
        raw = c.item.raw
        at = next((j for j in range(raw - 1, max(raw - 5, -1), -1) if tokens[j] == "than"), None)
        # (only articles and the like between: "more than doubles tariffs" is a verb's amount, no comparison)
        if at is None or (at > 0 and tokens[at - 1] in ("rather", "other")) \
                or not all(t in _THAN_LEADS for t in tokens[at + 1:raw]):
            continue
        c.rules.append(f"compared(than) {_fmt(c.weight)} -> 0")
        c.weight = 0.0
        c.polarity = True


_LESSENED = frozenset({"cooperation", "praise"})


def lessened(view: SentenceView, cfg: Config) -> None:
    """Help or warmth said to be less than it was is a complaint, as help denied is: "China has become much
    less helpful", "not as cooperative as it was" (weighed as a negated cooperation)."""
    tokens = view.tokens
    if "less" not in tokens and "not" not in tokens:
        return
    for c in view.cues:
        if c.dropped or c.cue.category not in _LESSENED or c.weight >= 0:
            continue
        j = c.item.raw - 1  # the word right before it ("much less helpful": the degree is the comparative's)
        if j >= 1 and tokens[j] in ("as", "so") and tokens[j - 1] == "not":
            word = "not " + tokens[j]
        elif j >= 0 and tokens[j] == "less" and not (j > 0 and tokens[j - 1] in ("no", "not", "nothing")):
            word = "less"
        else:
            continue
        c.weight *= cfg.negation_cooperation
        c.polarity = True
        c.rules.append(f"lessened({word}) x{_fmt(cfg.negation_cooperation)}")


_THREAT_LINKS = frozenset({"with", "of", "to"})


# the words of a wish for a deal between "want" and the deal ("wants to make a deal", "want a trade deal")
_WANTS = frozenset(inflections("want"))
_WISHED_DEAL = ARTICLES | {"to", "make", "do", "get", "sign", "reach", "strike", "cut", "trade", "so", "very", "badly",
                           "really", "desperately"}
# what makes the wish a claim of leverage: the wish given as what follows from the pressure ("that's why", "of
# course", "in any event"; need alone, "China wants a deal badly ... It will happen!", may be hope)
_LEVERAGE_OPENERS = (["that's", "why"], ["this", "is", "why"], ["that", "is", "why"], ["which", "is", "why"],
                     ["of", "course"], ["in", "any", "event"])


_NEEDS = _WANTS | frozenset(inflections("need"))
_INCENTIVES = frozenset({"incentive", "incentives"})
# what "more than" compares the wish with: "we do", "the U.S. does", "than Washington does"
_OUR_SIDE = frozenset({"we", "us", "the"})
_DO = frozenset({"do", "does", "did"})


def _more_than_other(view: SentenceView, c: CueState) -> bool:
    """Whether deal ``c`` wished for is compared with the other side's wish: "more than we do", "more than
    the U.S." (within a few words after the deal)."""
    tokens = view.tokens
    j = after_raw(view, c.item)
    at = next((i for i in range(j, min(j + 3, len(tokens) - 2)) if tokens[i] == "more" and tokens[i + 1] == "than"),
              None)
    if at is None:
        return False
    # (a name after "than" is left out as a party by the comparison rule: its verb follows it, "than
    # Washington does")
    return tokens[at + 2] in _OUR_SIDE or any(a.raw in (at + 2, at + 3) for a in view.actors) \
        or not _DO.isdisjoint(tokens[at + 3:at + 6])


def claimed_wish(view: SentenceView, cfg: Config) -> None:
    """The other side's wish for a deal, said by the speaker as what follows from pressure, is a claim of
    leverage, not a deal: in a post, "That's why China wants to make a deal so badly", "Of course China wants
    a deal", "In any event China wants a deal!" say the tariffs are biting, and the deal weighs nothing (what
    else the post says decides). A plain wish ("Kim Jong Un wants a deal so he can build a great economy",
    "China wants a deal badly ... It will happen!"), a side's own ("We want a deal") and news ("China says it
    wants a deal") are left to the hedges."""
    if view.tables is None:
        return
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or c.cue.category != "deal" or c.weight >= 0:
            continue
        k = c.item.raw - 1
        while k >= 0 and c.item.raw - k <= 5 and tokens[k] in _WISHED_DEAL:
            k -= 1
        if k > 0 and (tokens[k] in _INCENTIVES or tokens[k] == "for" and tokens[k - 1] in _INCENTIVES):
            # "weakness in China's economy gives Beijing incentive for a trade deal": pressure said to push a
            # side toward a deal is a claim of leverage, and no deal
            c.weight = 0.0
            c.mode = "statement"
            c.rules.append("leverage claimed(incentive) -> 0")
            continue
        if k < 0 or tokens[k] not in _NEEDS:
            continue
        if _more_than_other(view, c):
            # "China needs a deal more than we do", "wants a trade deal more than the U.S.": a claim of who has
            # the leverage, by whoever says it, and no deal
            c.weight = 0.0
            c.mode = "statement"
            c.rules.append(f"leverage claimed({tokens[k]} ... more than) -> 0")
            continue
        if view.speaker is None or tokens[k] not in _WANTS:
            continue
        subject = [a for a in view.actors if a.clause == c.item.clause and a.raw < k]
        if not subject or any(f.clause == c.item.clause and f.raw < k for f in view.first_person):
            continue
        code = subject[-1].match.entry.actor
        if code == view.speaker or code not in view.tables.sides or tokens[k - 1:k] in (["says"], ["said"]):
            continue
        start = subject[-1].raw
        while start > 0 and tokens[start - 1] in ARTICLES:
            start -= 1
        if not any(tokens[max(start - len(o), 0):start] == o for o in _LEVERAGE_OPENERS):
            continue
        c.weight = 0.0
        c.mode = "statement"
        c.rules.append(f"wished by the other side({tokens[k]}) -> 0")


def threat_with(view: SentenceView, cfg: Config) -> None:
    """"threatened China with new tariffs", "threatens 155% tariffs on China", "threatened North Korea with
    fire and fury", "the threat of new tariffs", "a threat to put tariffs on": the threat and what it
    threatens are one threat, not a threat plus an act. The threat word is absorbed; the measure becomes a
    threat made by whoever stands before it. The measure is the verb's object (the next cue, words between
    being numbers, articles and names) or follows "with", "of" or "to". A threat with no measure after it
    stays a threat of its own ("North Korea is a threat to the world", "the threat of North Korea")."""
    for f in view.cues:
        if f.dropped or f.cue.category != "threat":
            continue
        first = after_raw(view, f.item)
        after = sorted((c for c in view.cues if not c.dropped and c is not f and c.item.clause == f.item.clause
                        and c.item.raw >= first), key=lambda c: c.item.raw)
        content = None
        if after and after[0].weight > 0 and after[0].item.tok - f.item.tok_end <= 1:
            content = after[0]  # the direct object: "threatens (155%) tariffs"
        else:
            at = next((j for j in range(first, min(first + 5, len(view.tokens)))
                       if view.tokens[j] in _THREAT_LINKS or view.tokens[j] in BARRIERS), None)
            if at is not None and view.tokens[at] in _THREAT_LINKS:
                content = next((c for c in after if c.weight > 0 and at < c.item.raw <= at + 4), None)
        if content is None:
            continue
        f.dropped = True
        content.weight = max(content.weight, cfg.threat_floor) * cfg.threat_verb_factor
        content.mode = "threat"
        content.anchor = f.item.raw
        content.rules.append(f"threat({f.cue.phrase}) x{_fmt(cfg.threat_verb_factor)}")


SUBJECT_PREPS = frozenset({"on", "about", "regarding", "over", "toward", "towards", "in"})
SUBJECT_PHRASES = (["with", "respect", "to"], ["in", "regard", "to"], ["in", "regards", "to"])
GRIEVANCES = frozenset({"accusation", "criticism"})
SUBJECTS = GRIEVANCES | COOPERATION | CONFLICT_NOUNS | {"denuclearization"}
MEASURES = frozenset({"blacklist", "sanction", "export_control", "trade_barrier", "investment_ban"})
# the drugs whose control is cooperation between the sides, how much of a measure's weight such a control
# keeps, and the words after a drug that name whom a measure targets instead ("fentanyl traffickers")
_TALKS_MATTER = MEASURES | {"tariff_imposed", "tariff_threat"}  # measures talks can be about (subject_matter)
DRUGS = frozenset({"fentanyl"})
DRUG_CONTROL = 0.75
_DEALERS = frozenset({"traffickers", "trafficker", "dealers", "smugglers", "suppliers", "makers", "producers",
                      "kingpins", "companies", "firms", "networks", "rings", "gangs"})
_PURPOSEFUL = frozenset({"talks", "meeting"})


def _purpose(view: SentenceView, c: CueState) -> None:
    """Talks held "to end the trade war" are about it: the conflict their purpose names is their subject,
    not a conflict ended ("Talks to end the trade war stall" reports stalled talks)."""
    first = after_raw(view, c.item)
    tokens = view.tokens
    if first + 1 >= len(tokens) or tokens[first] != "to":
        return
    easer = next((m for m in view.mods if m.raw == first + 1 and m.entry.type == "easer"), None)
    if easer is None:
        return
    at = after_raw(view, easer)
    if at < len(tokens) and tokens[at] in DETERMINERS:
        at += 1
    g = next((g for g in view.cues if g.item.raw == at and not g.dropped and g.cue.category in CONFLICT_NOUNS),
             None)
    if g is not None:
        g.dropped = True
        view.mods[:] = [m for m in view.mods if m is not easer]  # the purpose's verb turns nothing around
        _take_topic(c, g)
        c.rules.append(f"subject({g.cue.phrase})")


_WITH_MATTERS = CONFLICT_NOUNS | {"denuclearization"}  # what help or progress "with" may be about
GRIEVANCE_PREPS = SUBJECT_PREPS | {"of", "for", "with", "to"}  # "accused of", "blamed for", "unhappy with", "not doing enough to help"
APOLOGIES = frozenset({"apology", "apologize"})  # what an apology is for is its subject, whatever it was


_FRAME_LEAD = frozenset({"the", "this", "that", "its", "their", "our", "a", "an", "phase", "one", "1", "first", "trade",
                         "new", "existing", "current", "january", "initial"})


# what makes a deadline an ultimatum: a firm one, or one set on the other side
_FIRM = frozenset({"hard", "firm", "final", "strict", "set", "sets", "setting", "gives", "gave", "issues", "issued",
                   "looming"})


def deadline_goal(view: SentenceView, cfg: Config) -> None:
    """A step named as the goal of an ultimatum is not taken: in "March 1 is a hard deadline for a China
    trade deal", "deadline looms for U.S.-China trade deal" and "sets a year-end deadline for the U.S. to change
    its approach in nuclear talks" the deal and the talks are what is demanded by then, and the deadline
    carries the item. (A deadline named
    without firmness, "says the March 1 deadline for a deal could slide", leaves the deal hoped for.)"""
    if "deadline" not in view.tokens and "deadlines" not in view.tokens:
        return
    for d in view.cues:
        if d.dropped or not d.cue.phrase.endswith(("deadline", "deadlines")):
            continue
        j = after_raw(view, d.item)
        if view.tokens[j:j + 1] in (["looms"], ["loom"]):
            j += 1  # a deadline that looms is firm: "deadline looms for U.S.-China trade deal"
        elif _FIRM.isdisjoint(view.tokens[max(d.item.raw - 3, 0):d.item.raw]):
            continue
        if j >= len(view.tokens) or view.tokens[j] not in ("for", "to"):
            continue
        for c in view.cues:
            if (c is not d and not c.dropped and c.weight < 0 and c.cue.category in COOPERATION
                    and c.item.clause == d.item.clause and j < c.item.raw <= j + 8
                    and not _barrier_between(view, j, c.item.raw)):
                c.weight = 0.0
                c.rules.append(f"goal of {d.cue.phrase} -> 0")


def framework(view: SentenceView, cfg: Config) -> None:
    """A deal or truce "under" which something happens is its frame, not news of a deal: "China falls short of
    purchase commitments under the trade deal", "tariffs cut under the phase one deal" (what happens under
    it weighs on its own; the deal weighs nothing more), and so is one named as what holds its terms ("the
    promises in the Phase 1 deal"); so are sanctions ("China bans North Korean coal
    under U.N. sanctions" is China's ban, no new sanctions)."""
    if "under" not in view.tokens and "of" not in view.tokens and "in" not in view.tokens:
        return
    names = None
    for c in view.cues:
        if c.dropped or c.cue.category not in _FRAMES or (c.weight >= 0) != (c.cue.category in _MEASURE_FRAMES):
            continue
        j = c.item.raw - 1
        if names is None:
            names = name_tokens(view)
        while j >= 0 and c.item.raw - j <= 5 and (view.tokens[j] in _FRAME_LEAD or j in names):
            j -= 1
        if j >= 0 and view.tokens[j] == "under":
            c.rules.append("frame(under) -> 0")
            c.weight = 0.0
        elif j >= 1 and view.tokens[j] == "of" and view.tokens[j - 1] in _DEAL_MATTERS and c.cue.category != "sanction":
            # "postpone the review of the phase one deal", "the terms of the deal": the deal is what the review
            # or its terms are of, no news of a deal made
            c.rules.append(f"matter({view.tokens[j - 1]} of) -> 0")
            c.weight = 0.0
        elif j >= 1 and view.tokens[j] == "in" and view.tokens[j - 1] in _DEAL_CONTENTS and c.cue.category == "deal":
            # "flexibility on some promises in the Phase 1 trade deal": what the deal holds, no deal made
            c.rules.append(f"matter({view.tokens[j - 1]} in) -> 0")
            c.weight = 0.0


_MEASURE_FRAMES = frozenset({"sanction"})  # measures under which something is done ("bans coal under U.N. sanctions")
_DEAL_MATTERS = frozenset({"review", "terms", "text", "details", "implementation", "anniversary"})  # "... of the deal"
_FRAMES = frozenset({"deal", "truce"}) | _MEASURE_FRAMES
# what a deal holds, named before "in" it ("the purchase commitments in the trade deal")
_DEAL_CONTENTS = frozenset({"promises", "commitments", "pledges", "provisions", "obligations", "targets", "terms",
                            "clauses", "purchases"})


_DISCUSSING = frozenset({"discuss"})  # talk verbs whose direct object is the matter talked of
_NOT_OBJECT = frozenset({"with", "to", "on", "about", "at", "in", "by"})  # (and BARRIERS: no object past them)


def _discussed(view: SentenceView, c: CueState) -> None:
    """A measure discussed, as the verb's object (up to two words before it, and the cues listed with it), is the
    talks' matter: "U.S. and China discuss chip export controls" are talks about the controls, no new controls
    (a lone grievance discussed may still complain: "discussed theft of American technology"); a conflict
    discussed is named in place, with no direction ("discuss trade war")."""
    end = after_raw(view, c.item)
    first = next((o for o in view.cues if o is not c and not o.dropped and o.item.raw >= end
                  and o.item.clause == c.item.clause), None)
    between = view.tokens[end:first.item.raw] if first is not None else []
    if first is None or len(between) > 2 or not _NOT_OBJECT.isdisjoint(between) or not BARRIERS.isdisjoint(between) \
            or any(m.entry.type in _TURNERS and end <= m.raw < first.item.raw for m in view.mods):
        return  # (a step discussed is news of its own: "discussed lifting some tariffs")
    o: CueState | None = first
    while o is not None:
        if o.cue.category in ENACTABLE and o.weight > 0:
            o.dropped = True
            c.rules.append(f"subject({o.cue.phrase})")
        elif o.cue.category in CONFLICT_NOUNS and o.weight > 0:
            # (so is a conflict discussed: "Trump and Xi discuss the trade war" are talks on it, as "talks on the
            # trade war" are; named in place, it keeps the text about its dyad)
            set_in_place(o, f"discussed({c.cue.phrase})")
        o = _coordinated(view, o)


def _talking_points(view: SentenceView) -> None:
    """A list of matters right after a talk ("We discussed Trade, Fentanyl, TikTok and other subjects",
    "talked Trade, Fentanyl") names what was talked of: a grievance in it is a matter of the talks, no new
    charge, where the list also holds a plain topic (a lone "discussed theft" may still complain)."""
    for c in view.cues:
        if c.dropped or c.cue.category != "talks" or c.weight >= 0:
            continue
        items = _listed_after(view, after_raw(view, c.item), c.item.clause, c)
        if c.cue.phrase in _DISCUSSING:
            _discussed(view, c)
        if len(items) < 2 or not any(o.cue.category == "topic" for o in items):
            continue
        for o in items:
            if o.cue.category in GRIEVANCES and o.weight > 0:
                o.dropped = True
                c.rules.append(f"subject({o.cue.phrase})")
    if _TALKED.isdisjoint(view.tokens):
        return
    # the same list after a verb of talk that is no cue ("We talked Fentanyl, Trade and TikTok", "the call
    # covered trade, fentanyl and TikTok")
    for k, t in enumerate(view.tokens):
        if t not in _TALKED:
            continue
        first = next((o for o in view.cues if o.item.raw > k), None)
        items = _listed_after(view, k + 1, first.item.clause, None) if first is not None else []
        for o in items:
            # (a measure talked of is the talks' matter, as one discussed; a grievance, in a list of two or more)
            if o.weight > 0 and (o.cue.category in ENACTABLE or o.cue.category in GRIEVANCES and len(items) > 1):
                o.dropped = True


# verbs of talk that name its matters right after them, a list of them
_TALKED = frozenset({"talked", "discussed", "covered", "addressed"})


def _listed_after(view: SentenceView, end: int, clause: int, c: CueState | None) -> list[CueState]:
    """The cues listed from token ``end`` on in ``clause``, one after another with only a conjunction between
    (``c``, the talk they follow, left out)."""
    items: list[CueState] = []
    for o in view.cues:
        if o is c or o.dropped or o.item.raw < end or o.item.clause != clause:
            continue
        gap = view.tokens[end:o.item.raw]
        if len(gap) > 1 or any(t not in COORDINATORS for t in gap):
            break
        items.append(o)
        end = after_raw(view, o.item)
    return items


def _cleared(cue: Cue) -> bool:
    """Whether a cue denies a charge in one phrase, a warm word that names its matter as the charge would
    ("not blaming Beijing for stalled talks")."""
    return cue.category == "praise" and cue.phrase.startswith("not ")


# the words that may stand between a deal or talks and the word of blame said of them ("the deal with China is
# not acceptable"), besides the partner's name
_PREDICATING = frozenset({"is", "are", "was", "were", "remains", "seems", "looks", "with", "the", "any", "so", "far",
                          "still", "totally", "completely", "very", "simply"})


def _predicated_of(view: SentenceView, c: CueState, words: frozenset[str] = _PREDICATING,
                   topical: bool = False) -> CueState | None:
    """The deal or talks a word ``c`` is said of, standing before it with only ``words`` (a copula, an adverb) or
    a partner's name between: blame ("trade deal with China is not acceptable", "China deal unacceptable") or,
    with ``words`` of progress, progress ("trade talks are moving along nicely"); with ``topical``, only a deal
    or talks whose topic says more than the broad ones."""
    names = name_tokens(view)
    for g in view.cues:
        if g.dropped or g.weight >= 0 or g.cue.category not in _BLAMED_ACCORDS or g.item.clause != c.item.clause \
                or g.item.raw >= c.item.raw or (topical and g.cue.topic in _BROAD_TOPICS):
            continue
        between = range(after_raw(view, g.item), c.item.raw)
        if len(between) <= 5 and all(view.tokens[k] in words or k in names for k in between) \
                and not _PUNCT.search(view.folded, g.item.match.end, c.item.match.start):
            return g
    return None


_BLAMED_ACCORDS = frozenset({"deal", "talks", "truce"})
# progress and reassurance said of a deal or talks before them, and the words that may stand between
_SAID_OF_ACCORDS = frozenset({"progress", "reassurance"})
_PREDICATING_PROGRESS = _PREDICATING | {"going", "moving", "continue", "continues", "now", "all", "really", "also",
                                        "have", "has", "been"}


def accord_topic(view: SentenceView, cfg: Config) -> None:
    """Progress or reassurance said of the deal or talks before it is about what they are about: in "Trade talks
    are moving along nicely, and we also discussed North Korea" the progress is the trade talks', and trade
    says nothing of US-North Korea (the deal or talks standing before it with only a copula, a partner's name
    or an adverb between)."""
    for c in view.cues:
        if c.dropped or c.cue.category not in _SAID_OF_ACCORDS or c.weight >= 0 or c.topic \
                or c.cue.topic not in _BROAD_TOPICS:
            continue
        g = _predicated_of(view, c, _PREDICATING_PROGRESS, topical=True)
        if g is not None:
            _take_topic(c, g)
            c.rules.append(f"said of({g.cue.phrase})")


def _pair_length(view: SentenceView, at: int) -> int:
    """How many words the pair named after "between" at token ``at`` takes beyond one ("between the U.S.
    and China": 4), or 0 when no "<name> and <name>" follows."""
    j, first = past_names(view, at + 1 + (view.tokens[at + 1:at + 2] == ["the"]))
    if first is None or view.tokens[j:j + 1] != ["and"]:
        return 0
    k, second = past_names(view, j + 1 + (view.tokens[j + 1:j + 2] == ["the"]))
    return k - at - 1 if second is not None else 0


def subject_matter(view: SentenceView, cfg: Config) -> None:
    """What a cue is about is its subject, not a second event.

    Cooperation: "willing to work with Washington on fentanyl" is no new accusation, "talks on a trade deal"
    are talks (no deal was reached), "progress with respect to the denuclearization" is one piece of
    progress, "a truce in the trade war" is the truce. A measure: the grievance it targets ("crack down on
    fentanyl", "sanctions over IP theft") is its reason, counted with it; so is what an apology is for ("an
    apology for testing the missiles": the tests are not news again). An accusation and what it names
    are one charge ("accused China of IP theft"), as heavy as the heavier of the two. Up to three words
    (the partner: "with Washington") may stand before the preposition; another cue there ends the search.
    """
    for c in view.cues:
        if not c.dropped and c.cue.category in _PURPOSEFUL and c.weight < 0:
            _purpose(view, c)
    _talking_points(view)
    for c in view.cues:
        if c.dropped:
            continue
        apology = c.cue.phrase in APOLOGIES and c.weight < 0
        subjects: frozenset[str]
        if apology:
            subjects = frozenset()  # any escalation: "an apology for testing the missiles" is for the tests
        elif c.cue.category in COOPERATION and c.weight < 0:
            # (and what talks are held on, a measure too: "hold call on export controls" is about them, no
            # new controls)
            subjects = SUBJECTS | _TALKS_MATTER if c.cue.category in _MEETINGS else SUBJECTS
        elif c.cue.category in MEASURES and c.weight > 0:
            # the grievance a measure targets is its reason; a purchase it targets is what it restricts
            # ("tighten control over rare earth exports", "a ban on soybean purchases"), no purchase made
            subjects = GRIEVANCES | PURCHASES
        elif c.cue.category in GRIEVANCES and c.weight > 0:
            # "accused China of IP theft": one accusation; "dissatisfaction with the negotiations": the talks
            # are what is complained of, no news of talks
            subjects = GRIEVANCES | COOPERATION
            said_of = _predicated_of(view, c) if c.cue.category == "criticism" else None
            if said_of is not None:
                # a word of blame said of the deal or talks before it: "trade deal with China is not
                # acceptable", "calls China deal unacceptable": the deal is what is blamed, none made
                said_of.dropped = True
                c.rules.append(f"said of({said_of.cue.phrase})")
                continue
        else:
            continue
        # (a charge denied in one phrase, "not blaming Beijing for stalled talks", names its matter as the
        # charge would: no news of stalled talks)
        preps = GRIEVANCE_PREPS if c.cue.category in GRIEVANCES or _cleared(c.cue) else SUBJECT_PREPS | {"of", "for"} \
            if apology else SUBJECT_PREPS
        first = after_raw(view, c.item)
        starts = {o.item.raw for o in view.cues if o is not c}
        prep = first - 1 if view.tokens[first - 1] in preps else None  # the cue ends in it: "crack down on"
        if (prep is None and first < len(view.tokens) and view.tokens[first] == "with"
                and c.cue.category in COOPERATION and c.weight < 0):
            # help "with" a process is help with its matter: "helping with the process of denuclearization"
            # (only such matter: "talks with China on a deal" are talks with a partner, about a deal)
            g = next((g for g in view.cues if not g.dropped and g.cue.category in _WITH_MATTERS
                      and g.item.clause == c.item.clause and first < g.item.raw <= first + 4), None)
            if g is not None and not any(first < o < g.item.raw for o in starts) \
                    and not any(first < k < g.item.raw for k in name_tokens(view)) \
                    and "," not in view.folded[c.item.match.end:g.item.match.start]:
                # (nothing between but words of the matter: no other cue, no partner: "negotiations with
                # China are complicated" are with China)
                g.dropped = True
                c.rules.append(f"subject({g.cue.phrase})")
                continue
        # ("between" and its pair count as the partner: "talks between the U.S. and China over the trade war")
        reach = 4 if view.tokens[first:first + 1] != ["between"] else 4 + _pair_length(view, first)
        for j in range(first, min(first + reach, len(view.tokens))):
            if prep is not None:
                break
            tok = view.tokens[j]
            if j in starts:
                break  # another cue comes first: "agrees to crack down on fentanyl" is about the crackdown
            if tok in _OUTCOME_FORMS and _names_outcome(view.tokens, j + 1):
                break  # "talks end in increased tension", "on upbeat note": how they ended, not their matter
            if tok in preps:
                prep = j
            elif view.tokens[j:j + 3] in SUBJECT_PHRASES:
                prep = j + 2
            if tok in BARRIERS:
                break
        grievance = c.cue.category in GRIEVANCES
        if prep is None and grievance:
            # a grievance said of the cooperation it stands before: "unfair trade deals", "lopsided deal"
            g = next((g for g in view.cues if g.item.raw == first and not g.dropped and g.weight < 0
                      and g.cue.category in COOPERATION
                      and not _PUNCT.search(view.folded, c.item.match.end, g.item.match.start)), None)
            if g is not None:
                g.dropped = True
                c.rules.append(f"subject({g.cue.phrase})")
            continue
        if prep is None:
            continue
        # (a comma between the preposition and a cue ends the preposition's phrase: "a visit in decades,
        # angering China"; the preposition is the cue's own last word or a token after it)
        phrase_from = c.item.match.end
        if prep >= first:
            for k, t in enumerate(TOKEN_RE.finditer(view.folded, c.item.match.end)):
                if k == prep - first:
                    phrase_from = t.end()
                    break
        for g in view.cues:
            if (g is not c and not g.dropped and g.item.clause == c.item.clause
                    and "," not in view.folded[phrase_from:g.item.match.start]
                    and prep < g.item.raw <= prep + (6 if apology else 4 if not grievance
                                                      or g.cue.category not in COOPERATION
                                                      else 2 + _count(view.tokens, prep, g.item.raw, _MATTER_WORDS))
                    and (g.cue.category in subjects or (apology and g.weight > 0))
                    and not any(view.tokens[k] in _OUTCOME_FORMS and _names_outcome(view.tokens, k + 1)
                                for k in range(prep + 1, g.item.raw))
                    and not _barrier_between(view, prep, g.item.raw)):
                # (not past a verb of ending with its outcome: "talks in Beijing end without agreement"; nor past
                # a word that opens a phrase of its own: "ministers meet in Tokyo as Pompeo lashes out at ...")
                # (cooperation complained of follows the preposition closely: "dissatisfaction with the China
                # negotiations", not "demand China ax subsidies in push for trade deal")
                if grievance and g.cue.category in COOPERATION:
                    g.dropped = True  # "unhappy with the trade talks": the talks are the complaint's matter
                    c.rules.append(f"subject({g.cue.phrase})")
                elif grievance:
                    # the charge is what it names, made by the accuser: keep the named grievance (its boosters
                    # and capitals apply), as heavy as the heavier of the two, its actor found before the verb
                    c.dropped = True
                    c.absorbed_by = g  # (the charge still counts where the grievance does not reach: "China not
                    # doing enough to rein in North Korea" is a charge against China)
                    g.rules.append(f"charge({c.cue.phrase})")
                    g.weight = max(g.weight, c.weight)
                    g.anchor = c.item.raw
                else:
                    g.dropped = True
                    g.absorbed_by = c  # (it still counts where the cooperation does not reach: scoring)
                    if (c.cue.category in MEASURES and g.cue.phrase in DRUGS and view.tokens[prep] == "on"
                            and not _DEALERS.intersection(view.tokens[after_raw(view, g.item):after_raw(view, g.item) + 2])):
                        # a measure on a drug itself is a drug control, cooperation against a shared scourge:
                        # "China tightens controls on fentanyl precursors" (not one on its dealers, nor one
                        # "over" fentanyl: "sanctions Chinese firms over fentanyl" is a measure for its reason)
                        c.weight = -abs(c.weight) * DRUG_CONTROL
                        c.rules.append(f"drug control({g.cue.phrase}) -> cooperation")
                        break
                    if c.cue.category in COOPERATION - PURCHASES:
                        # "negotiations on the Phase Two deal" are trade-war talks, "optimism on trade talks"
                        # trade-war progress, "China blinked in the trade war" gives way in it (a purchase
                        # "on" news is a market's: "buy on trade war worries")
                        _take_topic(c, g)
                    c.rules.append(f"subject({g.cue.phrase})")
                break


# ---------------------------------------------------------------------------------------------------------
# 2. polarity: negation, reversal, retraction


# Words that open a new phrase: a verb does not govern a cue beyond them ("stocks end a weak month as
# tariffs loom": "end" does not reach "tariffs").
BARRIERS = frozenset({"as", "after", "before", "because", "when", "since", "amid", "while", "despite", "until", "pending",
                      "if", "unless", "but", "whereas", "though", "although", "so"})
CONFLICT = frozenset({"trade_war", "tension"})
# reversers that rebut what the other side said, and what they rebut without taking it back
OUTCOME_VERBS = frozenset({"end"})  # "end in", "end with", "end on" name an outcome
_OUTCOME_FORMS = frozenset(f for v in OUTCOME_VERBS for f in inflections(v))
_OUTCOME_PREPS = (["in"], ["with"], ["on"], ["without"])


def _ended_at(view: SentenceView, rev: Item) -> bool:
    """Whether "end" says where or when talks or a meeting named before it ended, and no more: "U.S.-China trade
    talks end in London", "talks ended on Wednesday", "the summit ended Thursday" (not "talks end in failure",
    nor "the trade war could end in March", which is no meeting)."""
    tokens = view.tokens
    j = after_raw(view, rev)
    if j < len(tokens) and tokens[j] in _AT_PREPS:
        j += 1
    elif not date_at(tokens, j):
        return False
    if not (date_at(tokens, j) or tokens[j] in VENUE_CITIES or any(a.raw == j for a in view.actors)):
        return False
    return _meeting_before(view, rev)


def _ended_bare(view: SentenceView, rev: Item) -> bool:
    """Whether "end" closes its clause after talks or a meeting named before it, saying no more than that they
    ended: "after trade talks with China end", "as the latest round of talks ends, ..." (a round concluded, as
    "talks conclude"; not "talks end abruptly", nor "Trump ends the talks", whose talks come after the verb)."""
    j = after_raw(view, rev)
    # (what may follow: the clause's end, or a word opening a new phrase, "after the talks end - as it happened")
    if not (_CLAUSE_END.match(view.folded, rev.match.end) or (j < len(view.tokens) and view.tokens[j] in BARRIERS)):
        return False
    return _meeting_before(view, rev)


def _meeting_before(view: SentenceView, rev: Item) -> bool:
    """Whether the cue nearest before "end" (within six words, in its clause) is talks or a meeting: what ended."""
    before = _nearest_before(view, rev.tok, rev.clause, 6, raw=rev.raw)
    return before is not None and before.cue.category in _MEETINGS


_AT_PREPS = frozenset({"in", "on", "at"})
# cities where talks are held that the lexicon does not name as actors: a city before talks is their venue
# ("London talks with Chinese negotiators stretch into a second day"), and a city after talks ended "in" it their
# place ("trade talks end in London")
VENUE_CITIES = frozenset({"london", "geneva", "stockholm", "madrid", "paris", "osaka", "helsinki", "hanoi",
                          "panmunjom", "vienna", "rome", "bangkok", "manila", "busan", "anchorage", "alaska", "shanghai",
                          "tianjin", "kuala", "lumpur", "zurich", "bali", "hiroshima", "lima", "danang"})


# words before an outcome that say it did not come: "ended with no sign of progress", "with little progress"
_NO_OUTCOME = frozenset({"no", "little", "scant", "few", "scarcely", "hardly"})


def _names_outcome(tokens: list[str], j: int) -> bool:
    """Whether ``tokens[j]``, after "end", opens the outcome of a step that ended ("talks end with ...")."""
    return tokens[j:j + 1] in _OUTCOME_PREPS
REJECTIONS = frozenset({"reject", "rebuff", "spurn", "won't accept", "will not accept", "won't take", "will not take",
                        "refuse to accept", "refuses to accept", "refused to accept", "will never accept",
                        "cannot accept", "dismiss", "scoff at", "turn down", "push back against", "push back on"})
# pushing back is said of a side's own steps too ("Trump pushes back on export curbs" opposes them): it rebuts
# only a step named as the other side's
_PUSHBACK = frozenset({"push back against", "push back on"})
# adjectives that turn a deal or talks into a bad one ("a horrible deal with China"), never a hostile word into
# a good one
PEJORATIVES = frozenset({"horrible", "terrible", "bad", "worst", "one-sided", "lopsided", "disastrous"})
# doubts and worries turn a step of cooperation around ("worries about the talks"), never a measure or a
# hostile word ("worries over new tariffs" report the tariffs)
WORRIES = frozenset({"doubts", "concerns over", "concerns about", "worries about", "worries over"})
# retractions that hold up or fail cooperation ("talks are dragging on", "diplomacy hasn't worked") and leave a
# conflict or a measure standing ("the trade war drags on", "tariffs haven't worked")
STALLS = frozenset({"drag on", "bogged down", "hasn't worked", "has not worked", "haven't worked", "have not worked",
                    "didn't work", "did not work", "will take time", "will take a while", "will take a long time"})
# break a rule or a measure, or leave it unenforced
_UNENFORCED = frozenset({"not enforce", "not fully enforce", "fail to enforce", "not implement", "fail to implement",
                         "not comply with", "fail to comply with", "not abide by", "not follow", "not honor"})
BREACHES = frozenset({"violate", "violation of", "violations of", "breach", "break", "broke", "undermine", "flout",
                       "evade", "skirt", "circumvent", "dodge", "ignore", "defy", "defiance of", "in defiance of"}) | _UNENFORCED

# end a conflict or relieve a measure only: cooperation is never what is resolved, nor what a reprieve is
# from ("China, U.S. near deal on ZTE reprieve" is a deal), nor what is lifted ("lifts hopes for a trade
# deal"); nor does playing a deal down undo it ("the media downplay the deal with North Korea": hopes played
# down are "play down hopes" in modifiers.tsv)
RESOLVERS = frozenset({"resolve", "reprieve", "resolution", "resolutions", "solution", "solutions", "downplay",
                       "play down", "lift"})
_AGREE_VERBS = frozenset({"agree", "agrees", "agreed", "agreeing", "pledge", "pledges", "pledged", "promise",
                          "promises", "promised", "commit", "commits", "committed"})
_NAMING_VERBS = frozenset({"calling", "call", "using", "saying"})  # what an insult is used in ("stop calling it ...")
# nouns after a name that make it the word itself ("the 'Chinese virus' label"), not whom it names
_WORD_NOUNS = frozenset({"term", "label", "phrase", "moniker", "nickname", "slur", "tag"})
_DOCUMENTS = frozenset({"resolution", "resolutions"})  # nouns that also name a voted text (a U.N. resolution)
HOSTILE_WORDS = frozenset({"accusation", "criticism", "insult", "demand", "threat", "military_threat"})
REFERENTIAL = frozenset({"insult"})
# the barriers that open a clause with a subject of its own ("as soon as the drills are over"; "as", "amid",
# "despite" open phrases, "but" and "so" may be part of what follows: "but to no avail")
SUBJECT_OPENERS = BARRIERS - {"as", "amid", "despite", "but", "so"}


def _barrier_between(view: SentenceView, raw_a: int, raw_b: int) -> bool:
    lo, hi = sorted((raw_a, raw_b))
    return any(t in BARRIERS for t in view.tokens[lo + 1:hi])


def _nearest_after(view: SentenceView, tok: int, clause: int, window: int, live_only: bool = False,
                   raw: int | None = None, skip: frozenset[str] = frozenset()) -> CueState | None:
    best = None
    for c in view.cues:
        if c.dropped or (c.polarity and not live_only) or c.item.clause != clause or c.weight == 0:
            continue
        d = c.item.tok - tok
        if not (0 < d <= window and (best is None or d < best.item.tok - tok)):
            continue  # (the cheap tests first: the barrier test reads the tokens between)
        if c.cue.category in skip or (raw is not None and _barrier_between(view, raw, c.item.raw)):
            continue
        best = c
    return best


def _nearest_before(view: SentenceView, tok: int, clause: int | None, window: int, raw: int | None = None,
                    skip: frozenset[str] = frozenset()) -> CueState | None:
    best = None
    for c in view.cues:
        if c.dropped or c.polarity or (clause is not None and c.item.clause != clause) or c.weight == 0:
            continue
        d = tok - c.item.tok_end
        # (a cue that is a name too, "the Hanoi summit", counts no width: right before the verb it is at 0)
        if not ((0 < d or (d == 0 and raw is not None and c.item.raw < raw)) and d <= window
                and (best is None or d < tok - best.item.tok_end)):
            continue
        if c.cue.category in skip or (raw is not None and _barrier_between(view, raw, c.item.raw)):
            continue
        best = c
    return best


def _means_between(view: SentenceView, ob: Item, c: CueState) -> bool:
    """A passive verb with its means between an obligation and a cue: in "frictions must be resolved via
    talks" the talks are the way, not what is demanded."""
    return any(ob.raw < m.raw < c.item.raw and m.entry.type in ("reverser", "easer") and _passive_with_means(view, m)
               for m in view.mods)


# prepositions that name how, where or by whom a thing was done
_MEANS = frozenset({"in", "via", "through", "by", "with", "under", "during", "at"})


def _passive_with_means(view: SentenceView, rev: Item) -> bool:
    """A verb in the passive followed by how it is done ("the dispute could be resolved in a trade deal",
    "frictions must be resolved via talks"): what it acts on is its subject, before it, not the means."""
    nxt = after_raw(view, rev)
    return nxt < len(view.tokens) and view.tokens[nxt] in _MEANS and _is_passive(view, rev.raw)


def _is_passive(view: SentenceView, tok: int) -> bool:
    if view.tokens[tok].endswith("ing"):
        return False  # "is crumbling": the progressive, whose subject is its own ("their supply chain is crumbling")
    j = tok - 1
    while j >= 0 and view.tokens[j] in SKIPPABLE:
        j -= 1
    return j >= 0 and view.tokens[j] in PASSIVE_AUX


_TRAILING = frozenset({"again", "indefinitely", "today", "yesterday", "now", "for", "good", "at", "the", "last",
                       "minute", "moment", "until", "further", "notice", "without", "explanation", "on", "short"})


_OBJECT_PRONOUNS = frozenset({"it", "them"})


def _pronoun_object(view: SentenceView, rev: Item) -> CueState | None:
    """The step a verb's pronoun object stands for: the nearest live cue before the verb in its sentence,
    within 15 words ("we signed a great deal with China, and China broke it")."""
    nxt = after_raw(view, rev)
    if nxt >= len(view.tokens) or view.tokens[nxt] not in _OBJECT_PRONOUNS:
        return None
    if view.tokens[nxt + 1:nxt + 3] in (["off", "from"], ["out", "of"]):
        return None  # the one cut off from something is a party, no step: "..., cutting it off from American chips"
    return _live_cue_before(view, rev.raw)


def _live_cue_before(view: SentenceView, at: int) -> CueState | None:
    """The nearest live cue before token ``at`` in its sentence, within 15 words: what a pronoun there stands for."""
    before = [c for c in view.cues if not c.dropped and not c.polarity and c.weight != 0
              and c.item.raw < at and at - c.item.raw <= 15]
    return max(before, key=lambda c: c.item.raw, default=None)


def _caused_on_pronoun(view: SentenceView, rev: Item) -> CueState | None:
    """The step a pronoun stands for when a verb of causing has it undone: "I have ordered them withdrawn", "we
    want it lifted" (the participle after the pronoun turns around the nearest live cue before them, within 15
    words, as :func:`_pronoun_object` finds it)."""
    if rev.raw < 2 or view.tokens[rev.raw - 1] not in _OBJECT_PRONOUNS or view.tokens[rev.raw - 2] not in HAVING_DONE:
        return None
    return _live_cue_before(view, rev.raw - 2)


# verbs that have their object done to ("ordered them withdrawn", "wants it lifted")
HAVING_DONE = frozenset({"order", "orders", "ordered", "want", "wants", "wanted", "have", "has", "had", "get", "gets",
                         "got", "need", "needs", "needed"})


def _takes_pronoun(view: SentenceView, rev: Item) -> bool:
    """Whether a verb's object is "it" or "them", so that it governs no cue after it: in "he dropped them and
    praised Xi" the praise is not dropped (what "them" stands for is found by :func:`_pronoun_object`). The
    pronoun ends its phrase there: in "denies it has agreed to lift tariffs" it is the subject of what
    follows, and the denial reaches on."""
    return PRONOUN_OBJECT.match(view.folded, rev.match.end) is not None


# "it" or "them" after a verb, and then the end of its phrase: punctuation, the sentence's end, or a word that
# opens the next phrase (also how scoring finds a sentence that undoes the step named before it)
PRONOUN_OBJECT = re.compile(r" (?:it|them)(?=\s*(?:[.,;:!?)]|$)| (?:and|but|or|then|to|in|on|for|after|before|as|"
                            r"because|over|with|at|by|until|amid|now|today|again|altogether|entirely|immediately|"
                            r"quickly|quietly|too)\b)")


# words in -ly that are no adverbs ("rattles supply chains": "supply" is the verb's object)
_LY_NOUNS = frozenset({"supply", "ally", "rally", "family", "july", "italy", "assembly", "monopoly", "reply",
                       "apply", "rely", "fly", "anomaly", "bully", "jelly", "belly", "holy", "lily", "folly"})


def _adverb(word: str) -> bool:
    """Whether a word is an adverb in -ly ("abruptly"), as far as its ending tells."""
    return word.endswith("ly") and word not in _LY_NOUNS


# participles with no -ed
_BARE_PARTICIPLES = frozenset({"cut"})


def _level_next(view: SentenceView, rev: Item) -> bool:
    """Whether a level follows the verb at once ("cut to 54% from 120% under the de minimis change"): the verb
    has no object, and what it brought to that level came before it."""
    t = view.tokens[after_raw(view, rev):]
    if t[:1] == ["from"] and len(t) >= 4 and t[1][:1].isdigit():
        t = t[2:]  # "cut from 120% to 54%" (not "exempted from 125% tariffs": what it is exempted from)
    return len(t) >= 2 and t[0] == "to" and t[1][:1].isdigit()


# the words before "to" that set a collapse for a date ("set to expire", "due to lapse")
_DUE = frozenset({"set", "due", "scheduled", "poised", "expected", "likely", "about"})


def _headline_participle(view: SentenceView, rev: Item, level: bool) -> bool:
    """A participle that ends a headline with no auxiliary is a passive: "U.S.-North Korea meeting in New York
    postponed abruptly" (only adverbs after it), so it reaches back as far as "was postponed" does. ``level``:
    whether a level follows it at once (:func:`_level_next`)."""
    surface = view.folded[rev.match.start:rev.match.end]
    rest = view.tokens[after_raw(view, rev):]
    if level and (surface.split()[0].endswith("ed") or surface.split()[0] in _BARE_PARTICIPLES):
        # and one that gives the level it brought the measure to or from: "Tariffs on imports from China cut
        # to 30%", "duty lowered to 10% from 25% under the deal"
        return True
    if not surface.split()[0].endswith("ed"):  # ("postponed", "called off")
        return False
    if rest and rest[-1] in SAYING and len(rest) <= 6 and view.folded[rev.match.end:rev.match.end + 1] == ",":
        return True  # and a source after a comma: "... meeting in New York postponed, State Department says"
    if rest and (rest[0] in _CIRCUMSTANCES or _later(rest, 0)):
        # or a phrase of when or why, which no object would open: "Dec. 15 tariffs on Chinese goods suspended
        # under phase one deal", "... pushed back two weeks"
        return True
    return all(_adverb(w) or w in _TRAILING for w in rest)


# the prepositions that open a phrase of when or why after a verb
_CIRCUMSTANCES = frozenset({"under", "amid", "pending", "following", "after", "over", "as", "ahead", "until", "till"})


SAYING = frozenset({"says", "said", "say", "reports", "reported", "confirms", "confirmed", "announces", "announced"})


COORDINATORS = frozenset({"or", "and", "nor"})


def _next_cue(view: SentenceView, c: CueState) -> tuple[CueState | None, list[str]]:
    """The next live cue after ``c`` in its clause, and the tokens between them."""
    end = after_raw(view, c.item)
    for o in view.cues:  # (in text order: a sentence's cues are built from its matches, which are)
        if o.item.raw < end or o is c or o.dropped or o.polarity or o.item.clause != c.item.clause:
            continue
        return o, view.tokens[end:o.item.raw]
    return None, []


AGREEING = frozenset({"deal", "cooperation"})


_CONTENT_LEAD = frozenset({"a", "an", "the", "our", "their", "its", "this", "that"})


def _complement(view: SentenceView, c: CueState) -> CueState | None:
    """The cue that ``c`` takes as its content through "to": "agreed to remove tariffs", "agree to a deal"."""
    o, gap = _next_cue(view, c)
    if o is not None and o.weight != 0 and gap[:1] == ["to"] and all(t in _CONTENT_LEAD for t in gap[1:2]) \
            and len(gap) <= 2:
        return o
    return None


def _coordinated(view: SentenceView, c: CueState, words: int = 0) -> CueState | None:
    """The cue listed right after ``c`` (only commas, "or", "and", "nor" between them, and up to ``words``
    words of its own after the coordinator: "climate talks and military dialogue"), if any."""
    o, gap = _next_cue(view, c)
    if o is None or o.weight == 0:
        return None
    if len(gap) <= 1 and all(t in COORDINATORS for t in gap):
        return o
    if words and gap and gap[0] in COORDINATORS and len(gap) <= 1 + words \
            and BARRIERS.isdisjoint(gap[1:]) and not any(t in COORDINATORS for t in gap[1:]) \
            and not any(c.item.raw < a.raw < o.item.raw for a in view.actors):
        return o
    return None


# participles of a date set for a meeting: denied, the calendar is empty ("no meeting is scheduled")
_SCHEDULED = frozenset({"scheduled", "planned", "set", "slated", "arranged", "penciled", "pencilled"})


def _once_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether "once" opens a condition between two tokens ("lifted once a deal is signed"; not "once again")."""
    return any(view.tokens[k] == "once" and view.tokens[k + 1:k + 2] not in (["again"], ["more"])
               for k in range(start, end))


def _contrasted_name(view: SentenceView, neg: Item, c: CueState) -> bool:
    """Whether a negator sets a name against another, closed by a comma, before the cue: "Americans, not
    Chinese, pay Trump tariffs"."""
    comma = view.folded.find(",", neg.match.end, c.item.match.start)
    if comma < 0 or not view.folded[neg.match.end:comma].strip():
        return False
    return any(neg.match.end <= a.match.start and a.match.end <= comma for a in view.actors) \
        and len(TOKEN_RE.findall(view.folded, neg.match.end, comma)) <= 3


_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "with", "from", "over", "about", "after", "before", "during",
                                 "despite", "amid", "between"})
# verbs after which the noun that "no" stands before is their subject: "no president has been tougher"
_NO_SUBJECT_VERBS = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can"})
# verbs of changing one's ways: negated before a wrong, they say it goes on ("has not altered its unfair
# practices", "hasn't fixed", "did not address")
_CHANGING = frozenset(f for v in ("change", "alter", "modify", "reform", "fix", "address", "correct", "remedy",
                                  "abandon", "rectify") for f in inflections(v))
# words of impunity or permission: negated before a hostile act, they warn against it ("not get away with")
_PERMITTING = frozenset({"away", "allowed", "permitted"})
_PASSIVE_BE = frozenset({"be", "being", "get", "getting"})  # a passive after a negator: "won't be ripped off"


def _passive_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether a passive ("be"/"get" and a past participle) stands in tokens ``[start, end)``: "won't be
    ripped off", "will not be taken advantage of" (not a progressive: "will not be labeling China")."""
    toks = view.tokens
    return any(toks[k] in _PASSIVE_BE and k + 1 < len(toks) and (toks[k + 1].endswith("ed") or toks[k + 1] in _PARTICIPLES)
               for k in range(start, min(end, len(toks))))
# verbs of giving an account of something: negated, they complain that it stands unexplained
_ACCOUNTING = frozenset({"explain", "explained", "explaining", "justify", "justified", "justifying", "clarify",
                         "clarified", "clarifying", "account"})
# words of a link between two things: what is denied is the link, not the step named after it ("North Korea is
# not part of the trade negotiations", "the tariffs are not linked to the talks")
_DENIED_LINKS = frozenset({"part", "linked", "tied", "connected", "related"})


# what a matter does when it is brought up (with "up" after the first three); where it was (or was not) is
# named after one of _SETTINGS
_RAISED = frozenset({"came", "come", "comes", "brought", "raised", "mentioned"})


def _raised_in(between: list[str]) -> bool:
    """Whether words between a negator and a cue say a matter was (not) brought up in a setting: "never came
    up in his meeting", "was not raised at the talks" (not "did not come in person to the talks")."""
    raised = any(w in _RAISED and (w in ("raised", "mentioned") or between[k + 1:k + 2] == ["up"])
                 for k, w in enumerate(between))
    return raised and not _SETTINGS.isdisjoint(between)


def _denies_link(view: SentenceView, neg: Item) -> bool:
    """Whether a negator denies a link, its next word (after "be") one of ``_DENIED_LINKS`` ("is not part of", "will
    not be tied to"; not "did not take part in", a step not taken)."""
    rest = view.tokens[after_raw(view, neg):after_raw(view, neg) + 2]
    if rest[:1] in (["be"], ["being"]):
        rest = rest[1:]
    return bool(rest) and rest[0] in _DENIED_LINKS


# verbs and adjectives of belief: negated ("does not expect", "doesn't think", "sees no reason", "not confident"),
# they doubt their whole complement as it reads, not the first cue in it
_BELIEF = frozenset({"expect", "expects", "expected", "expecting", "think", "thinks", "thought", "believe",
                     "believes", "believed", "see", "sees", "saw", "foresee", "foresees", "anticipate",
                     "anticipates", "reason", "optimistic", "confident", "hopeful", "sure", "certain"})
# (and the words of a belief held as a state: "don't be too optimistic that talks will progress")
_BELIEF_LEAD = frozenset({"really", "necessarily", "any", "a", "the", "be", "too", "so", "overly", "very"})
# what is seen or heard of a step, denied as a belief is: "no sign North Korea is dismantling its sites", "no
# evidence that China is helping"; a negator that names a report itself governs it ("dismisses reports that
# talks have collapsed")
_SIGNS = frozenset({"sign", "signs", "evidence", "indication", "indications"})
_CLAIMS = frozenset({"claim", "claims"})
_CHARGES = GRIEVANCES | {"threat"}  # what a claim charges a side with (a threat laid at its door is a charge too)
_REPORTS = frozenset({"report", "reports", "rumor", "rumors", "rumour", "rumours", "speculation"}) | _CLAIMS
# what a denying verb may answer: a report or claim, or one's own words taken back ("walks back comments that")
_SAID_ITEMS = _REPORTS | {"comment", "comments", "remark", "remarks", "statement", "statements"}


def _doubt_of(view: SentenceView, neg: Item) -> int:
    """The token of the belief a negator denies right after it ("not expect", "no reason", "don't see any
    reason why"), or 0."""
    tokens = view.tokens
    j = first = after_raw(view, neg)
    own = j - 2 if tokens[j - 1] in ("that", "of") else j - 1
    if own > neg.raw and tokens[own] in _REPORTS:
        return own
    while j < len(tokens) and tokens[j] in _BELIEF_LEAD:
        j += 1
    if j < len(tokens) and ((tokens[j] in _SIGNS and (neg.entry.phrase == "no" or j > first))
                            # (a sign is a noun after "no" or a determiner: "won't sign" is a verb)
                            or tokens[j] in _BELIEF) and (tokens[j] != "reason" or (
            neg.entry.phrase == "no" and tokens[j + 1:j + 2] not in (["for"], ["to"]))):
        # ("no reason for consumers to pay the tariffs" denies a justification, no belief)
        if tokens[j] in ("see", "sees", "saw") and "reason" in tokens[j + 1:j + 3]:
            return tokens.index("reason", j + 1)
        return j
    return 0


_SETTINGS = frozenset({"in", "into", "at", "during", "amid"})
_DOUBT_ENDS = frozenset({"as", "while", "but", "though", "although", "because", "despite", "whereas"})
# doubts said of a clause ("doubts China will meet its purchase commitments"), which doubt what it says
_DOUBTING = frozenset({"doubt", "doubts", "dim hopes", "dash hopes", "dampen hopes"})


def _doubted_clause(view: SentenceView, m: Item) -> int:
    """Where the clause a doubt governs turns to its verb: the index of its modal ("will", "can") a few words
    after the doubt ("doubts China will meet its commitments", "doubt that Beijing can deliver"); 0 when
    there is none."""
    j = after_raw(view, m)
    for k in range(j, min(j + 5, len(view.tokens))):
        if view.tokens[k] in _CLAUSE_MODALS:
            return k
        if view.tokens[k] in _DOUBT_ENDS:
            break
    return 0


_CLAUSE_MODALS = frozenset({"will", "would", "can", "could"})


def doubted(view: SentenceView, cfg: Config) -> None:
    """A negated belief doubts what its complement says, read with its own negations and reversals: "does
    not expect the deal to fall apart" expects it to hold (de-escalation), "sees no reason the deal won't be
    signed" expects it signed, "doesn't think China will retaliate" expects no retaliation. Weighed as a
    negation of what the complement comes to."""
    denials = [(m, _denied_report(view, m) if m.entry.phrase in _DENYING else _doubted_clause(view, m))
               for m in _mods(view, "reverser", "easer") if m.entry.phrase in _DENYING or m.entry.phrase in _DOUBTING]
    for neg, at in [(n, _doubt_of(view, n)) for n in _mods(view, "negator")] + denials:
        if not at:
            continue
        if neg.entry.type == "negator":
            # a belief that is a cue itself is negated as any cue is: "don't be too optimistic that ..."
            held = next((c for c in view.cues if c.item.raw == at and not c.dropped and c.weight != 0), None)
            if held is not None:
                deny(held, cfg, f"negation({neg.entry.phrase})")
        for c in view.cues:
            if c.dropped or c.item.clause != neg.clause or not at < c.item.raw <= at + 12 or c.weight == 0:
                continue
            if not _DOUBT_ENDS.isdisjoint(view.tokens[at + 1:c.item.raw]) \
                    or "," in view.folded[neg.match.end:c.item.match.start]:
                # past a word that opens another clause, or a comma: "rejects reports ... as North Korea talks
                # stall", "don't be so optimistic that talks will progress, analyst warns"
                continue
            if view.tokens[at] in _CLAIMS and c.cue.category in _CHARGES:
                # a charge denied as a claim stays a dispute: "Beijing rejects claims that it stole technology",
                # "U.S. denies China's claim of 'weaponizing' visa decisions"
                continue
            if not _BEARING.isdisjoint(view.tokens[at + 1:c.item.raw]):
                # what is doubted is the bearing of a measure, which stands as a threat to its bearer: "I doubt
                # the stock market can absorb much higher tariffs"
                continue
            if view.tokens[c.item.raw - 1] in _SETTINGS or not _BACKGROUND.isdisjoint(
                    view.tokens[max(at + 1, c.item.raw - 3):c.item.raw]):
                # the setting of what is doubted stands: "does not see the issue spilling into trade talks",
                # "denies report that orders were cut after U.S. blacklisting"
                continue
            deny(c, cfg, f"doubted({neg.entry.phrase} {view.tokens[at]})")
    _denied_content(view, cfg)


# verbs of bearing a measure: a doubt that it can be borne doubts the bearer, not the measure
_BEARING = frozenset({"absorb", "absorbs", "absorbed", "absorbing", "withstand", "withstands", "weather", "weathers",
                      "handle", "handles", "survive", "survives", "tolerate", "tolerates", "afford", "shrug"})


def _denied_content(view: SentenceView, cfg: Config) -> None:
    """What an agreement denied or negated was to do, when a verb of its own turned it around, is denied with it:
    "Trump denies agreeing to roll back China tariffs" agreed to no rollback, and the tariffs stay; "no deal with
    China to lift ban on ZTE" lifts nothing (weighed as a
    negation of what the content comes to). (The reversal rule passes a denial on to a content not turned:
    "denies agreeing to buy more soybeans" leaves the agreement 0.)"""
    tokens = view.tokens
    for c in view.cues:
        if c.cue.category not in AGREEING or c.weight == 0:
            continue
        denied = c.turner is not None and c.turner.entry.phrase in _DENYING
        negated = c.turner is None and c.polarity and c.cue.weight < 0 < c.weight  # "there is no deal with ..."
        if not (denied or negated):
            continue
        j = after_raw(view, c.item)
        if tokens[j:j + 1] == ["with"]:
            j, _ = past_names(view, j + 1)  # past the partner: "no deal with China to ..."
        turner = next((m for m in view.mods if m.raw == j + 1 and m.entry.type in _TURNERS), None)
        if tokens[j:j + 1] != ["to"] or turner is None:
            continue
        content = next((o for o in view.cues if o is not c and not o.dropped and o.weight != 0 and o.turner is turner
                        and o.item.clause == c.item.clause and j < o.item.raw <= j + 6), None)
        if content is None:
            continue
        deny(content, cfg, f"content of denied {c.cue.phrase}")


# the words that call a report untrue after a copula ("reports that ... are false"), the nouns of news that can
# be so called, and the adverbs between ("is totally false")
UNTRUE = frozenset({"false", "fake", "untrue", "wrong", "incorrect", "inaccurate", "baseless", "nonsense"})
_NEWS_ITEMS = _REPORTS | {"story", "stories", "news", "article", "articles"}
_BE = frozenset({"is", "are", "was", "were"})
_SOURCE_PREPS = frozenset({"in", "by", "from"})  # the outlet a report ran in ("the story in the Times that")
_BE_NEGATED = frozenset({"isn't", "aren't", "wasn't", "weren't"})
_UTTERLY = frozenset({"totally", "completely", "entirely", "absolutely", "simply", "100%", "all"})


def false_report(view: SentenceView, cfg: Config) -> None:
    """What a report is said to say, when the report is then called untrue, is doubted as a denied report is:
    "Reports that I agreed to roll back the China tariffs are false" agreed to no rollback; weighed as a
    negation of what it comes to."""
    tokens = view.tokens
    if UNTRUE.isdisjoint(tokens) and "true" not in tokens:
        return
    _called_untrue(view, cfg)
    if "that" not in tokens:
        return
    for k in range(len(tokens) - 3):
        if tokens[k] not in _NEWS_ITEMS:
            continue
        th = k + 1
        if tokens[th] in _SOURCE_PREPS:
            # (past the outlet it ran in: "The story in the Wall Street Journal that I am about to raise Tariffs")
            th = next((x for x in range(k + 2, min(k + 8, len(tokens) - 2)) if tokens[x] == "that"), th)
        if tokens[th] != "that":
            continue
        for j in range(th + 2, min(th + 21, len(tokens) - 1)):
            if tokens[j] not in _BE:
                continue
            w = j + 1 + (tokens[j + 1] in _UTTERLY)
            if w < len(tokens) and (tokens[w] in UNTRUE or tokens[w:w + 2] == ["not", "true"]):
                break
        else:
            continue
        # (the word of untruth may have turned the report's content already, as a reverser, "fake", or as a
        # retraction, "is inaccurate", which leaves only its note)
        retracted = tuple(f"retraction({m.entry.phrase})" for m in view.mods if j <= m.raw <= w)
        for c in view.cues:
            if c.dropped or c.weight == 0 or not th < c.item.raw < j \
                    or (c.turner is not None and j <= c.turner.raw <= w) \
                    or (retracted and any(r.startswith(retracted) for r in c.rules)) \
                    or (c.cue.category in CONFLICT_NOUNS and not c.polarity):
                # (a conflict named in the report is its setting, not what it claims: "reports that China is
                # winning the trade war are false" leave the trade war; one said to be over is denied)
                continue
            deny(c, cfg, f"doubted({tokens[k]} ... {' '.join(tokens[j:w + 1])})")
        return


# the verbs that call a report something ("calls the report inaccurate")
_REPORT_CALLERS = _CALLING | {"labels", "labeled", "labelled", "brands", "branded", "deems", "deemed"}


def _called_untrue(view: SentenceView, cfg: Config) -> None:
    """What a report is about, when a verb of calling names the report untrue after it, is doubted: "Trump calls
    report on hidden North Korean missile bases 'inaccurate'" tells of no bases found."""
    tokens = view.tokens
    for v, t in enumerate(tokens):
        if t not in _REPORT_CALLERS:
            continue
        k = v + 1 + (tokens[v + 1:v + 2] in (["the"], ["a"], ["this"], ["that"]))
        if tokens[k:k + 1] == ["new"] or tokens[k:k + 1] == ["latest"]:
            k += 1
        if k >= len(tokens) or tokens[k] not in _NEWS_ITEMS:
            continue
        w = next((j for j in range(k + 2, min(k + 16, len(tokens))) if tokens[j] in UNTRUE), None)
        if w is None or _barrier_between(view, k, w):
            continue
        for c in view.cues:
            if c.dropped or c.weight == 0 or not k < c.item.raw < w \
                    or (c.cue.category in CONFLICT_NOUNS and not c.polarity):
                continue
            deny(c, cfg, f"doubted({t} {tokens[k]} ... {tokens[w]})")
        return


def _denied_report(view: SentenceView, verb: Item) -> int:
    """The token of the report or claim a denying verb answers, one to five words after it and followed by
    "that" ("denies Trump trade adviser's claim that ...") or, for a claim, "of"; or of the saying it denies
    right after it ("denies he said ..."); or 0."""
    tokens = view.tokens
    start = after_raw(view, verb)
    k = start
    if tokens[k:k + 1] == ["having"] or not _DENIED_SAYERS.isdisjoint(tokens[k:k + 1]):
        k += 1
    if not _ASIDE_WORDS.isdisjoint(tokens[k:k + 1]):
        k += 1
    if k > start or tokens[start:start + 1] == ["saying"]:
        # what the denier is said to have said: "denies he said China tariffs were on hold", "denied saying
        # the tariffs would be lifted", "denies having said ..."
        return k if tokens[k:k + 1] and tokens[k] in _DENIED_SAYING else 0
    for k in range(start, min(start + 5, len(tokens) - 1)):
        if tokens[k] in BARRIERS:
            return 0
        if tokens[k] in _SAID_ITEMS and (tokens[k + 1] == "that" or tokens[k] in _CLAIMS and tokens[k + 1] == "of"):
            return k  # (a claim "of" names what is claimed: "denies China's claim of 'weaponizing' visas")
    return 0


# the subject and the verb of a saying denied right after a denying verb ("denies he said", "denied ever saying")
_DENIED_SAYERS = frozenset({"he", "she", "they", "we", "i"})
_ASIDE_WORDS = frozenset({"had", "has", "have", "ever", "once"})
_DENIED_SAYING = frozenset({"said", "says", "saying", "told", "suggested", "claimed"})
_ASPECT = frozenset({"be", "being", "been"})
# the object and particle of a verb that carries its object somewhere add no distance either: "will not lure it
# back to talks" denies the talks as "will not return to talks" does
_CARRIED = frozenset({"it", "them", "him", "her", "us"})


# the subjects that open a clause after an elliptical "if not" ("if not we will raise Tariffs")
_CLAUSE_SUBJECTS = SUBJECT_PRONOUNS | {"we", "i", "you", "there", "then"}


# the negators a retraction phrase may open with ("not ready", "isn't on the table", "won't happen")
_OPENING_NEGATORS = frozenset({"not", "no", "never", "isn't", "won't", "wasn't", "aren't", "didn't", "doesn't",
                               "can't", "cannot"})


def negation(view: SentenceView, cfg: Config) -> None:
    """Negators flip the cues they govern; a negated reverser is cancelled (double negation).

    A negator governs the nearest cue after it: "did not impose tariffs" -> mild de-escalation; "no deal"
    -> escalation; "will not meet Xi before the tariff deadline" flips the meeting, not the deadline;
    "a meeting cannot be ruled out" -> "cannot" cancels "ruled out", so the meeting stays de-escalation.
    """
    reversers = _mods(view, "reverser", "collapse", "easer", "retraction")
    cancelled: set[int] = set()
    # (a promise-not-kept phrase that ends in its negator and does not end its clause negates what follows:
    # "They didn't sign the deal" denies the deal, where "They didn't!" takes back a promise before it)
    negators = _mods(view, "negator") + [
        m for m in _mods(view, "undone")
        if m.entry.phrase.endswith(("not", "n't")) and not _CLAUSE_END.match(view.folded, m.match.end)] + [
        # (a retraction that opens with its negator and has no cue before it in its clause denies what follows,
        # as its negator alone would: "Trump says not ready to make a trade deal", "not close to a deal")
        m for m in _mods(view, "retraction")
        if m.entry.phrase.split()[0] in _OPENING_NEGATORS
        and not any(not c.dropped and c.item.clause == m.clause and c.item.tok < m.tok for c in view.cues)]
    for neg in negators:
        if _doubt_of(view, neg):
            continue  # a negated belief governs its whole complement, after it is read (doubted)
        # an insulting name ("Little Rocket Man") refers to someone; "no impact on Little Rocket Man" does not
        # take the insult back
        # (not past a word that opens a new phrase: in "won't improve if the trade war intensifies" the war is
        # the condition's, not what is denied)
        # (the auxiliaries of aspect and voice right after it add no distance: "will not be signing any new
        # deal" denies the deal as "will not sign a deal" does)
        in_condition = "if" in view.tokens[max(0, neg.raw - 4):neg.raw]
        if in_condition and view.folded[neg.match.end:neg.match.end + 2].lstrip()[:1] == ",":
            continue  # a condition's verb left out, "If they don't, we'll charge them 200% tariffs": it denies nothing after it
        if neg.raw > 0 and view.tokens[neg.raw - 1] == "if" and neg.entry.phrase == "not" \
                and view.tokens[neg.raw + 1:neg.raw + 2] and view.tokens[neg.raw + 1] in _CLAUSE_SUBJECTS:
            continue  # the same without its comma: "but if not we will raise Tariffs" opens a clause of its own
        window = cfg.negation_window + _count(view.tokens, neg.raw + 1, neg.raw + 3, _ASPECT) + _steps_toward(
            view, after_raw(view, neg)) + (
            2 if any(view.tokens[k] == "back" and view.tokens[k - 1] in _CARRIED
                     for k in range(neg.raw + 3, min(neg.raw + 5, len(view.tokens)))) else 0)
        # (but a name denied of someone is taken back: "he is not a rabid dog")
        # (or the name right after it, bare: "Kim isn't Rocket Man anymore", "he is not Rocket Man")
        denied_name = ((0 < neg.raw and view.tokens[neg.raw - 1] in _BE or neg.entry.phrase in _BE_NEGATED)
                       and (view.tokens[neg.raw + 1:neg.raw + 2] in (["a"], ["an"]) or any(
                           c.item.raw == neg.raw + 1 and c.cue.category in REFERENTIAL for c in view.cues)))
        nearest = _nearest_after(view, neg.tok_end, neg.clause, window, raw=neg.raw,
                                 skip=frozenset() if denied_name else REFERENTIAL)
        if nearest is not None and in_condition and "," in view.folded[neg.match.end:nearest.item.match.start]:
            # a condition ends at its comma: "if he doesn't (comply), very bad things could happen" threatens all
            # the same (an aside, "won't, says Trump, make a deal", does not end the reach)
            nearest = None
        if nearest is not None and neg.entry.phrase == "no" and (
                not (_PLACE_PREPOSITIONS | _NO_SUBJECT_VERBS).isdisjoint(view.tokens[neg.raw + 1:nearest.item.raw])
                or "," in view.folded[neg.match.end:nearest.item.match.start]):
            # "no" negates its own noun: "no preconditions in trade talks" says nothing against the talks, and
            # "no president has been tougher on China" boasts (the noun is the subject of its own verb); a comma
            # after its noun ends a list's item: "no rockets, and our hostages are home" denies only the rockets
            # (while "no plans to block", "no sign of a deal" reach on; "no reduction in the tariffs" still
            # cancels its reverser, below)
            nearest = None
        if nearest is not None and _contrasted_name(view, neg, nearest):
            # "Americans, not Chinese, pay Trump tariffs": the negator sets one name against another, and the
            # comma after that name closes its reach (an aside right after it, "not, at my suggestion,
            # retaliated", does not)
            nearest = None
        if nearest is not None and not _ACCOUNTING.isdisjoint(view.tokens[neg.raw + 1:nearest.item.raw]):
            # what is not explained or justified happened all the same: "have not explained the executive's
            # arrest" complains of the arrest, it does not deny it
            nearest = None
        if nearest is not None and _denies_link(view, neg):
            nearest = None  # "not part of the trade negotiations": the link is denied, the talks stand
        if nearest is not None and _raised_in(view.tokens[neg.raw + 1:nearest.item.raw]):
            # "Taiwan never came up in his meeting with Xi": what was not raised is the matter, and the meeting
            # where it was not is news as it was (nor does a verb of raising carry the negation on to it)
            continue
        if nearest is not None and "by" in view.tokens[neg.raw + 1:nearest.item.raw]:
            # the agent of a passive is not what is denied: "will not be affected by the tariff war"
            nearest = None
        if nearest is not None and nearest.cue.category in AGREEING:
            kept = _agreed_removal(view, nearest, cancelled)
            if kept is not None:
                # "never agreed to lift the Tariffs": the removal agreed to is denied, the measure stays
                _kept(kept, cfg, f"kept(negated {nearest.cue.phrase} to remove) x1")
                nearest.rules.append(f"negation({neg.entry.phrase}) passes to {kept.cue.phrase} -> 0")
                nearest.weight = 0.0
                nearest.polarity = True
                continue
            # "never agreed to remove tariffs": what was not agreed is the content, not the agreeing
            content = _complement(view, nearest)
            if content is not None:
                content.rules.append(f"content of negated {nearest.cue.phrase}")
                nearest.rules.append(f"negation({neg.entry.phrase}) passes to {content.cue.phrase} -> 0")
                nearest.weight = 0.0
                nearest.polarity = True
                nearest = content
        if nearest is None:
            # a negated intention reaches as far as the intention does: "has no plan to go to China for
            # trade talks" denies the talks planned
            intent = next((m for m in view.mods if m.entry.type == "modal" and m.raw == after_raw(view, neg)), None)
            if intent is not None:
                nearest = _nearest_after(view, intent.tok_end, neg.clause, cfg.modal_window, raw=intent.raw,
                                         skip=REFERENTIAL)
        if nearest is None:
            # so does a negated enacting verb, as far as it reaches: "won't go ahead with new China tariffs"
            verb = next((m for m in view.mods if m.entry.type == "enact" and m.raw == after_raw(view, neg)), None)
            if verb is not None:
                nearest = _nearest_after(view, verb.tok_end, neg.clause, 4, raw=verb.raw, skip=REFERENTIAL)
        if nearest is not None and _next_clause_subject(view, neg.match.end, nearest):
            # "will remain at 10% rather than going to 25% in January, and China will buy...": a comma, a
            # conjunction and a name open a clause with a subject of its own, past the negator's reach
            nearest = None
        if (nearest is not None and nearest.weight > 0 and nearest.cue.category == "accusation"
                and _passive_between(view, after_raw(view, neg), nearest.item.raw)):
            # a wrong the subject will not suffer is a vow against it: "we won't be ripped off anymore", "China
            # will not be bullied" (the wrong is charged, not denied)
            continue
        if (nearest is not None and nearest.weight > 0 and nearest.cue.category == "accusation"
                and not _CHANGING.isdisjoint(view.tokens[neg.raw + 1:nearest.item.raw])):
            # a wrong not changed goes on: "has not fundamentally altered its unfair practices" charges them
            continue
        if nearest is not None and nearest.weight > 0 and not _PERMITTING.isdisjoint(view.tokens[neg.raw + 1:nearest.item.raw]):
            # a wrong not let go on is asserted, and warned against: "China is not going to get away with
            # stealing", "won't be allowed to steal our jobs" (a cooperation not allowed is denied: "not allowed
            # to buy")
            continue
        if nearest is None:
            # nothing after it to deny: a negated predicate of the cue before it, its subject ("trade talks
            # will not resume", "the truce may not last", "a deal cannot be reached this year")
            nearest = _negated_subject(view, neg)
        in_reach = [nearest] if nearest is not None else []
        if nearest is not None:
            head = _same_phrase(view, nearest)
            if head is not None:
                in_reach.append(head)  # "no 'phase two' U.S.-China deal": the deal its words name is negated too
        # a list shares its negator: "no more rocket launches, nuclear tests or missile flights"; but a comma
        # may close what is denied ("If China does not make a deal, tariffs will go up", "will not back down,
        # retaliates with tariffs"): after one, the list must go on for the next cue to be one of its items
        while in_reach:
            nxt = _coordinated(view, in_reach[-1])
            if nxt is None:
                # (an item after "or" may bring words of its own: "has not tested a nuclear weapon or long range
                # missile" denies both; after "and" it may not, "no deal and new tariffs" deny only the deal)
                nxt = _coordinated(view, in_reach[-1], words=2)
                if nxt is None or _next_cue(view, in_reach[-1])[1][:1] not in (["or"], ["nor"]) \
                        or any(in_reach[-1].item.raw < m.raw < nxt.item.raw for m in view.mods):
                    break  # (nor past a word that governs the item itself: "or lift its tariffs")
            # (its last item need not be a cue: "no more rocket launches, nuclear testing or research")
            if "," in view.folded[in_reach[-1].item.match.end:nxt.item.match.start] and _coordinated(view, nxt) is None \
                    and view.tokens[after_raw(view, nxt.item):after_raw(view, nxt.item) + 1] not in (["or"], ["nor"]):
                break
            in_reach.append(nxt)
        rev = next((r for r in reversers if r.clause == neg.clause and id(r) not in cancelled
                    and 0 < r.tok - neg.tok_end <= cfg.negation_window), None)
        if rev is not None and (not in_reach or rev.tok < min(c.item.tok for c in in_reach)):
            cancelled.add(id(rev))
            kept = _nearest_after(view, rev.tok_end, rev.clause, cfg.reverser_window, raw=rev.raw)
            if kept is None and _is_passive(view, rev.raw):
                # and in the passive, the measure before it: "tariffs on Chinese goods will not be lifted"
                kept = _nearest_before(view, rev.tok, rev.clause, 12, raw=rev.raw)
            if kept is not None and kept.weight > 0 and kept.cue.category in ENACTABLE:
                # "won't lift China tariffs": the measure not removed stays in force, news as "rejected calls to
                # lift the tariffs" is
                _kept(kept, cfg, f"kept({neg.entry.phrase} {rev.entry.phrase}) x1")
            continue
        obliging = [m for m in view.mods if m.entry.type == "obligation" and m.clause == neg.clause
                    and 0 <= neg.tok - m.tok_end <= 1]
        for target in in_reach:
            target.polarity = True
            meeting = _deferred_to_meeting(view, target) if target.weight < 0 else None
            if meeting is not None:
                # "won't sign the trade deal until he meets Xi": the deal is put off to a meeting of the
                # two, not refused; it weighs as a step still hoped for
                target.weight *= cfg.hedge_factor
                target.rules.append(f"negation({neg.entry.phrase}) until {meeting.cue.phrase}: "
                                    f"deferred x{_fmt(cfg.hedge_factor)}")
                continue
            if target.weight < 0 and target.cue.category in ("meeting", "talks") \
                    and not _SCHEDULED.isdisjoint(view.tokens[after_raw(view, target.item):after_raw(view, target.item) + 7]):
                # "no meeting is scheduled", "no talks are planned yet": a calendar with nothing on it, no
                # meeting refused or failed
                target.weight = 0.0
                target.rules.append(f"negation({neg.entry.phrase}) of a date not set -> 0")
                continue
            if target.weight > 0 and obliging and target.cue.category in ENACTABLE \
                    and _bystander_plea(view, obliging[-1]):
                # firms asking a side not to take a measure: its plea, no side's demand nor the measure
                # dropped ("Retailers urge Trump not to impose tariffs on Chinese-made goods")
                _plead(target, f"{obliging[-1].entry.phrase} {neg.entry.phrase}")
                continue
            if target.weight > 0 and obliging:
                # "China should not retaliate": a warning, so still (mild) escalation
                target.weight = cfg.demand_weight
                target.mode = "statement"
                target.rules.append(f"negation({neg.entry.phrase}) under obligation -> demand {_fmt(cfg.demand_weight)}")
                continue
            if target.weight > 0 and target.cue.mode == "statement" and target.cue.category not in CONFLICT:
                # "I don't blame them" withdraws a statement: at most a faint de-escalation (conflict denied
                # or not wanted, "does not want trade tensions", weighs as an act denied does)
                factor = cfg.negation_escalation / 2
            elif target.weight > 0:
                factor = cfg.negation_escalation
            else:
                factor = cfg.negation_cooperation
            # (a retraction or a promise-not-kept phrase read as a negator denies as "not" does: its own value is
            # for what comes before it; "in that they didn't buy" had kept the purchase as cooperation)
            strength = 1.0 if neg.entry.type in ("retraction", "undone") else neg.entry.value
            target.weight *= factor * strength
            target.rules.append(f"negation({neg.entry.phrase}) x{_fmt(factor * strength)}")
    view.mods[:] = [m for m in view.mods if id(m) not in cancelled]


# what a subject of its own does when it comes about or goes on: denied, the subject is ("talks will not
# resume", "the truce may not last"); a passive participle after "be" says the same ("cannot be reached")
_COMING_ABOUT = frozenset({"resume", "start", "begin", "restart", "happen", "last", "hold", "survive", "stick",
                           "proceed", "continue", "materialize", "materialise", "come", "happening", "happened",
                           "materializing", "materialized"})
_COMING_ABOUT_PAIRS = frozenset({("take", "place"), ("take", "effect"), ("go", "ahead"), ("get", "done"), ("be", "reached"),
                                 ("be", "signed"), ("be", "done"), ("be", "completed"), ("be", "finalized"),
                                 ("be", "agreed"), ("be", "held"), ("be", "struck"), ("be", "resumed"),
                                 ("be", "finished"), ("be", "inked"), ("be", "sealed"), ("be", "concluded"),
                                 ("be", "clinched"), ("be", "finalised")})
# participles of a step done, after a negated copula: "if a trade deal is not reached", "talks have not been held"
_DONE = frozenset({"reached", "signed", "done", "completed", "finalized", "finalised", "agreed", "held", "struck",
                   "resumed", "concluded", "sealed", "clinched", "finished", "inked"})
_GOODS = frozenset({"goods", "products", "imports", "exports", "of", "worth", "billion",
                    "million"})
# what may stand between a subject and the negator of its verb: auxiliaries, modals and adverbs
_BEFORE_NEGATOR = frozenset({"will", "would", "may", "might", "could", "can", "should", "shall", "is", "are", "was",
                             "were", "be", "been", "do", "does", "did", "has", "have", "had", "likely",
                             "probably", "still", "now", "again", "ever"}) | SKIPPABLE


def _agreed_removal(view: SentenceView, agreed: CueState, cancelled: set[int]) -> CueState | None:
    """The measure an agreement would have removed: "agreed to lift the Tariffs on China" (a reverser right
    after "to", the measure after it past a determiner); the reverser is spent (added to ``cancelled``)."""
    j = after_raw(view, agreed.item)
    if view.tokens[j:j + 1] != ["to"]:
        return None
    rev = next((m for m in view.mods if m.raw == j + 1 and m.entry.type in ("reverser", "easer")), None)
    if rev is None:
        return None
    k = after_raw(view, rev)
    if k < len(view.tokens) and view.tokens[k] in DETERMINERS:
        k += 1
    target = next((c for c in view.cues if c.item.raw == k and not c.dropped and c.weight > 0
                   and c.cue.category in ENACTABLE), None)
    if target is not None:
        cancelled.add(id(rev))
    return target


def _negated_subject(view: SentenceView, neg: Item) -> CueState | None:
    """The cue a negated verb of coming about has as its subject: "U.S.-China trade talks may not start
    anytime soon", "the trade truce will not last", "a trade deal with China cannot be reached this year"
    (only auxiliaries, modals or the names of its parties between the cue and the negator)."""
    tokens = view.tokens
    after = after_raw(view, neg)
    # (a negator may hold the verb itself: "will not take effect", kept whole so "will not take" reads no rebuff)
    own = tuple(neg.entry.phrase.split()[-2:]) in _COMING_ABOUT_PAIRS
    if after >= len(tokens) and not own:
        return None
    named_after = neg.entry.phrase == "no longer" and after in name_tokens(view)
    # ("our most dangerous problem is no longer North Korea": what it no longer is, is the subject's name)
    if not own and tokens[after] not in _COMING_ABOUT and tuple(tokens[after:after + 2]) not in _COMING_ABOUT_PAIRS \
            and tokens[after] not in _DONE and not (tokens[after] == "been" and tokens[after + 1:after + 2]
                                                    and tokens[after + 1] in _DONE) \
            and not named_after:
        return None
    subject = max((c for c in view.cues if not c.dropped and not c.polarity and c.weight != 0
                   and c.item.clause == neg.clause and c.item.raw < neg.raw), key=lambda c: c.item.raw, default=None)
    if subject is None:
        return None
    names = name_tokens(view)
    # (and what the subject is of: "progress in talks with North Korea is not happening", the talks absorbed
    # into the progress)
    inner = {k for c in view.cues if c.absorbed_by is subject
             for k in range(c.item.raw, after_raw(view, c.item))}
    between = range(after_raw(view, subject.item), neg.raw)
    if all(tokens[k] in _BEFORE_NEGATOR or k in names or k in inner
           or tokens[k] in ("with", "between", "and", "the", "in", "on")
           or (tokens[k] in _GOODS and subject.cue.category in ENACTABLE) or tokens[k][0].isdigit()
           for k in between):
        # (a measure's goods may stand between: "new tariffs on Chinese goods will not take effect")
        return subject
    return None


def _deferred_to_meeting(view: SentenceView, c: CueState) -> CueState | None:
    """The meeting or talks of the two that a negated step waits for: "won't sign the deal until he meets
    with Xi" (an "until" within six words after the step, the meeting within four after it)."""
    tokens = view.tokens
    start = after_raw(view, c.item)
    for j in range(start, min(start + 6, len(tokens))):
        if tokens[j] == "until":
            return next((m for m in view.cues if not m.dropped and m.cue.category in _MEETINGS
                         and j < m.item.raw <= j + 4 and m.item.clause == c.item.clause), None)
        if tokens[j] in BARRIERS:
            return None
    return None


def _same_phrase(view: SentenceView, c: CueState) -> CueState | None:
    """A cue of the same category right after ``c`` in one noun phrase (only names, articles or quotes
    between them, no comma): "'phase two' U.S.-China deal" names one deal with two cues."""
    cues = view.cues  # (in text order: look only at the few right after c)
    for k in range(cues.index(c) + 1, len(cues)):
        d = cues[k]
        if d.item.tok - c.item.tok_end > 1:
            break
        if (not d.dropped and d.item.clause == c.item.clause and d.cue.category == c.cue.category
                and d.item.tok >= c.item.tok_end and d.item.raw > c.item.raw
                and "," not in view.folded[c.item.match.end:d.item.match.start]):
            return d
    return None


# verbs that keep someone "from" doing something: what they are kept from is not done ("bars state firms from
# buying U.S. soybeans")
_BARRING = frozenset({"bar", "bars", "barred", "barring", "ban", "bans", "banned", "banning", "block", "blocks",
                      "blocked", "blocking", "prohibit", "prohibits", "prohibited", "prohibiting", "forbid", "forbids",
                      "forbade", "forbidden", "stop", "stops", "stopped", "stopping", "restrict", "restricts",
                      "restricted", "keep", "keeps", "kept", "discourage", "discourages", "discouraged"})


def barred_from(view: SentenceView, cfg: Config) -> None:
    """A purchase or a cooperation someone is kept from is not made: in "China bars operators from buying
    Micron chips" the buying is turned around (a reversal of the reverser's value, -1), as "halts purchases"
    would be. The verb is at most six words before the "from" that opens the cue's phrase."""
    tokens = view.tokens
    if "from" not in tokens and "stop" not in tokens:
        return
    for c in view.cues:
        raw = c.item.raw
        if c.dropped or c.polarity or c.weight >= 0 or raw < 2 \
                or (c.cue.category not in PURCHASES and c.cue.category not in COOPERATION):
            continue
        if tokens[raw - 1] == "stop" and any(d.cue.category == "demand" and after_raw(view, d.item) == raw
                                             for d in view.cues):
            how = "stop"  # a demand to stop it: "operators should stop buying from Micron" (the demand's own "stop")
        elif tokens[raw - 1] == "from":
            verb = next((j for j in range(raw - 2, max(raw - 8, -1), -1) if tokens[j] in _BARRING), None)
            if verb is None or any(t in BARRIERS for t in tokens[verb + 1:raw - 1]):
                continue
            how = f"{tokens[verb]} ... from"
        else:
            continue
        c.weight = -c.weight
        c.polarity = True
        c.rules.append(f"barred({how}) x-1")


# the verbs that lend their subject to the verb after "to" ("tensions appeared to ease", "talks began to stall")
_RAISING = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed", "begin", "begins", "began",
                      "start", "starts", "started", "continue", "continues", "continued"})
# reversers that also name a weapon, and the nouns of its trade after which they do ("torpedo sale")
_WEAPON_NAMES = frozenset({"torpedo"})
_ARMS_TRADE = frozenset({"sale", "package"})  # (not "deal": "could torpedo deal with China")


# words after which a reverser is a noun ("a relief", "including stops"; not a possessive, which may point back
# to the cue before it: "the truce and its suspension")
_NOUN_LEAD = ARTICLES | {"including", "some", "several", "many", "two", "three"}


def _noun_after_lead(view: SentenceView, rev: Item) -> bool:
    """Whether a reverser stands as a noun, right after an article, a number or "including" ("is a relief",
    "came as a relief", "a visit including stops"): what it turns around is its complement after it, not a
    cue before it."""
    return rev.raw >= 1 and view.tokens[rev.raw - 1] in _NOUN_LEAD


# the nouns of a relief from a measure, which a lapse ends ("the exclusions expire", "the waiver lapses")
_RELIEF_NOUNS = frozenset({"exclusion", "exemption", "waiver", "reprieve", "carve-out", "carve-outs"})
_LAPSES = frozenset({"expire", "lapse", "run out"})


def _relief_ended(view: SentenceView, rev: Item) -> bool:
    """Where a lapse ("expire", "lapse") ends a relief that turned a measure around ("most exclusions from the
    China tariffs expire"), the measure stands again: its turn is undone (and True is returned)."""
    if rev.entry.phrase not in _LAPSES:
        return False
    for c in view.cues:
        t = c.turner
        if (t is None or c.dropped or t.entry.phrase not in _RELIEF_NOUNS or t.clause != rev.clause
                or not t.raw < rev.raw or rev.raw - t.raw > 10 or t.entry.value == 0):
            continue
        c.weight /= t.entry.value
        c.rules.append(f"relief ended({t.entry.phrase} {rev.entry.phrase}) x{_fmt(1 / t.entry.value)}")
        return True
    return False


_STOPS = frozenset({"stop", "quit", "cease"})  # the bare verbs of a call to stop a wrong


def _called_to_stop(view: SentenceView, rev: Item) -> bool:
    """Whether reverser ``rev`` is a bare "stop" that calls for a stop rather than tells of one: opening the
    sentence ("Stop stealing our jobs!"), or in a "for ... to stop" ("it is time for China to stop cheating"),
    also as the second of two such verbs ("for China to make a deal and stop playing games")."""
    tokens, k = view.tokens, rev.raw
    if tokens[k] not in _STOPS:
        return False
    if k == 0:
        return True
    if k >= 2 and tokens[k - 1] == "and":
        # the second verb of a "to" before it: "for China to finally do a Real Deal and stop playing around"
        # (within its clause: no comma or semicolon between, which the tokens do not hold; the text does)
        to = next((j for j in range(k - 2, max(-1, k - 10), -1) if tokens[j] == "to"), None)
        at = view.folded.rfind(" to ", 0, rev.match.start)
        if to is None or at < 0 or any(ch in view.folded[at:rev.match.start] for ch in ",;"):
            return False
        k = to + 1
    return tokens[k - 1] == "to" and "for" in tokens[max(0, k - 6):k - 1]


# the words before the noun "stop" of a trip ("a brief stop", "his last stop")
_STOP_LEAD = ARTICLES | POSSESSIVE_DETERMINERS | {"these", "those", "first", "last", "final", "brief", "next", "short"}


def _stop_on_a_trip(view: SentenceView, rev: Item) -> bool:
    """Whether the reverser ``rev`` is the noun "stop" of a trip: after a determiner, a possessive or a place
    named after one ("Trump's Beijing stop", "his last stop"), with no "to", "on" or "of" after it ("put a stop
    to the trade war" ends it)."""
    tokens = view.tokens
    if tokens[rev.raw] not in ("stop", "stops") or rev.raw == 0 \
            or tokens[rev.raw + 1:rev.raw + 2] in (["to"], ["on"], ["of"]):
        return False
    before = rev.raw - 1
    place = next((a for a in view.actors if after_raw(view, a) == rev.raw), None)
    if place is not None:
        before = place.raw - 1
        if before < 0:
            return False
    word = tokens[before]
    return word in _STOP_LEAD or (word.endswith("'s") and (place is not None or before == rev.raw - 1))


def reversal(view: SentenceView, cfg: Config) -> None:
    """Reversers turn the governed cue around.

    Three kinds, by how they govern:

    - ``reverser``, a transitive verb or noun: the cue after it (``reverser_window`` tokens: "cancel the
      meeting", "exempts phones and laptops from tariffs"), else the cue before it (3 tokens, or the clause
      when it is passive or perfect: "outreach ... was reportedly rejected"). It does not turn a conflict
      around ("suspends oil imports as the trade spat intensifies" says nothing of ending the spat);
    - ``collapse``, an intransitive verb: only the cue before it ("trade talks collapsed", "tariffs will
      come down");
    - ``easer``: like a reverser, and it may turn a conflict around ("end the trade war", "ease tensions").

    No reach crosses a word that opens a new phrase ("as", "after", "because"...). A reverser that governs
    another turns it back rather than the cue: "dashed hopes of an end to the trade war", "rejected calls to
    lift the tariffs", "lifted the suspension of talks" leave the war, the tariffs and the talks as they were.
    """
    movers = _mods(view, "reverser", "collapse", "easer")
    cancelled: set[int] = set()
    for rev in movers:
        if id(rev) in cancelled:
            continue
        if rev.entry.phrase in _DENYING and _denied_report(view, rev):
            continue  # a report or claim denied doubts its complement (doubted), it turns nothing around
        kind = rev.entry.type
        if kind != "collapse" and _price_move(view, rev):
            # "stocks ease on trade deal news", "shares halt slide on hopes of a deal": the verb moves a price,
            # and what follows "on" is why, not what it acts on
            continue
        if rev.entry.phrase in OUTCOME_VERBS and (_ended_at(view, rev) or _ended_bare(view, rev)):
            # "trade talks end in London", "talks ended on Wednesday", "after the talks end": a round finished,
            # none broken off
            continue
        if rev.entry.phrase in OUTCOME_VERBS and _names_outcome(view.tokens, after_raw(view, rev)):
            # "talks end with increased tensions": what follows is how it ended, not what was ended; the
            # verb is said of its subject, which failed when the outcome is hostile ("summit ends with no
            # deal") and was simply concluded when it is not ("summit ends with joint statement", "talks end
            # on upbeat note")
            outcome = next((o for o in view.cues if o.item.raw > rev.raw and not o.dropped
                            and o.item.clause == rev.clause), None)
            if outcome is not None and outcome.weight < 0 and _NO_OUTCOME.isdisjoint(
                    view.tokens[after_raw(view, rev):outcome.item.raw]) and not any(
                    m.entry.type == "retraction" and m.clause == outcome.item.clause
                    and 0 <= m.tok - outcome.item.tok_end <= 3 for m in view.mods):
                # (but "talks end with no sign of progress", "with little progress" failed, and so did talks
                # that end with the deal "uncertain" or "elusive": the retraction after the outcome says so)
                continue
            if outcome is None and view.tokens[after_raw(view, rev)] == "with":
                continue  # an outcome the lexicon does not weigh: it ended, no more ("ends with signed statement")
            kind = "collapse"
        if view.tokens[max(rev.raw - 2, 0):rev.raw] in _COUNTERFACTUAL:
            continue  # "China could have stopped the plague": what might have been turned was not
        if _stop_on_a_trip(view, rev):
            continue  # "Trump's Beijing stop yields $250 billion in deals": a place on a trip, nothing stopped
        if rev.entry.phrase in _WEAPON_NAMES and view.tokens[after_raw(view, rev):after_raw(view, rev) + 1] \
                and view.tokens[after_raw(view, rev)] in _ARMS_TRADE:
            continue  # "approves torpedo sale to Taiwan": the weapon sold, nothing torpedoed
        if view.tokens[after_raw(view, rev):after_raw(view, rev) + 1] and \
                view.tokens[after_raw(view, rev)] in _SETTING_OUT.get(rev.entry.phrase, ()):
            continue  # "Pompeo heads off on trip to North Korea": he sets out, and the trip goes ahead
        if kind == "collapse" and _relief_ended(view, rev):
            continue  # "exclusions from the China tariffs expire": the relief ends, the tariffs stand in full
        inner = _inner_reverser(view, rev, movers, cfg.reverser_window) if kind != "collapse" else None
        if inner is not None:
            cancelled.add(id(inner))
            kept = _nearest_after(view, inner.tok_end, inner.clause, cfg.reverser_window, raw=inner.raw)
            if kept is not None:  # "rejected calls to lift the tariffs"
                _kept(kept, cfg, f"reversal({rev.entry.phrase}) of reversal({inner.entry.phrase}) x1")
            continue
        skip = CONFLICT if kind == "reverser" and not _war_object(view, rev) else frozenset()
        target = None
        level = _level_next(view, rev)  # ("cut to 30%": no object after the verb)
        if kind != "collapse" and not _passive_with_means(view, rev) and not _takes_pronoun(view, rev) \
                and not level:
            # (the barrier words counted from the verb's last word: "doubts if" holds its own "if")
            # (a partitive after the verb adds no distance: "backtracked on almost all aspects of the deal")
            # (nor does a verb of naming: "drops labelling China as a currency manipulator" turns the label)
            # (its "as" opens no new phrase)
            naming = _naming_reach(view, after_raw(view, rev)) or _instrument_reach(view, after_raw(view, rev))
            target = _nearest_after(view, rev.tok_end, rev.clause,
                                    cfg.reverser_window + _partitive(view, after_raw(view, rev)) + naming
                                    + _dated(view, after_raw(view, rev)),
                                    raw=after_raw(view, rev) + naming if naming else after_raw(view, rev) - 1,
                                    skip=skip)
            if target is not None and view.tokens[after_raw(view, rev):after_raw(view, rev) + 1] == ["by"]:
                # "earnings dampened by trade woes", "talks halted by new tariffs": the agent of the passive
                # does the turning, it is not what is turned
                target = None
            if target is not None and _once_between(view, after_raw(view, rev), target.item.raw):
                target = None  # "will be lifted once a deal is signed": the deal is the condition, not what is lifted
            effect = view.tokens[after_raw(view, target.item):after_raw(view, target.item) + 1] if target else []
            if target is not None and target.weight > 0 and target.cue.category in ENACTABLE \
                    and _OBJECT_DETERMINERS.issuperset(view.tokens[after_raw(view, rev):target.item.raw]) \
                    and effect and effect[0] in _EFFECT_NOUNS:
                # "to cut tariff impact", "cut tariff costs": what is cut is the measure's effect on the one who
                # bears it, and the measure bites all the same
                _felt(target, effect[0], cfg)
                target = None
            if target is not None and _COMMA.match(view.folded, rev.match.end) \
                    and not _JOINED_VERB.search(view.folded, max(0, rev.match.start - 12), rev.match.start):
                # "currencies drop, on China plan to cut tariffs": a verb that ends its phrase at a comma
                # acts on nothing after it ("denies Tesla, GM, Uber tariff relief" lists its objects); but a
                # verb joined to another between commas shares its object: "will cut, and then eliminate, its
                # 40% Tariff on American cars"
                target = None
            if target is not None and (target.cue.category in _LABELS or target.cue.phrase in _RETALIATORY):
                # "will halt 'provocative' war games": a word of blame before the noun it labels; the verb acts
                # on the noun, and the label goes with it (so does a word of retaliation: "suspend tit-for-tat
                # port fees")
                head, gap = _next_cue(view, target)
                if head is not None and not gap and head.weight > 0:
                    target.dropped = True
                    target = head
            if target is not None and target.cue.category == "retaliation" and view.tokens[target.item.raw - 1] == "in":
                # "halts Boeing deliveries in retaliation for U.S. tariffs": the reason given, not what is halted
                target = None
            if target is not None and "at" in view.tokens[after_raw(view, rev):target.item.raw]:
                target = None  # "U.S. flag lowered at Chengdu consulate": where it happened, not what was lowered
            if target is not None and _object_before_comma(view, rev, target):
                # "Trump scraps Pompeo trip, blames China": the verb had its object before the comma, and
                # what follows is the next verb's
                target = None
            if target is not None and rev.entry.phrase not in DENIALS \
                    and not _MODALS.isdisjoint(view.tokens[after_raw(view, rev):target.item.raw]):
                # "trade tensions easing could help growth": a modal opens the next verb's phrase, and what
                # follows it is that verb's (a denial takes that phrase with it: "denies report it will pause
                # tariffs" denies the pause)
                target = None
        if target is None and kind != "collapse" and not level:
            target = _after_from(view, rev, skip)
        if target is None and kind == "collapse" and view.tokens[after_raw(view, rev):after_raw(view, rev) + 1] == ["of"]:
            # the noun of a collapse names what collapsed after "of": "blames China for the collapse of trade talks"
            target = _nearest_after(view, rev.tok_end, rev.clause, 3, raw=rev.raw)
        if target is None and kind == "collapse" and rev.entry.phrase in _COOLING and rev.raw > 0:
            # a verb of cooling with a subject and the conflict right after it cools that conflict: "U.S. cools
            # trade war with China", "Beijing cooled tensions" (as "calms" does)
            after = _nearest_after(view, rev.tok_end, rev.clause, 2, raw=rev.raw)
            if after is not None and after.cue.category in CONFLICT:
                target = after
        if target is None and kind == "collapse":
            target = _attributive(view, rev)  # "the failed summit", "stalled trade talks"
            if target is not None and rev.raw > 0 and view.tokens[rev.raw - 1] in _RESTORING:
                continue  # "hoping to revive stalled nuclear talks": the talks are sought again, not stalled
        if target is None and kind == "collapse":
            target = _hoped_for(view, rev)  # "hopes fade for a trade deal", "dwindling hopes for a deal"
        if target is not None and kind != "collapse" and target.weight > 0 and _own_object_then_cause(view, rev, target):
            continue  # "Dow cuts 2019 spending forecast on trade tensions": the tensions are why, not what is cut
        if target is not None and rev.entry.phrase in _RAISERS and _raised_to(view, target):
            continue  # "lifting the Tariff ... to 125%": lifted to a level is raised, not removed
        if target is None and kind != "collapse":
            target = _pronoun_object(view, rev)  # "we signed a great deal with China, and China broke it"
        if target is None and kind != "collapse":
            target = _caused_on_pronoun(view, rev)  # "... new Sanctions on North Korea. I have ordered them withdrawn"
        if target is None and _noun_after_lead(view, rev):
            # "the truce is a relief for markets", "a long trip including stops in Argentina": a noun (after an
            # article or "including") turns around what follows it, if anything, never what comes before
            continue
        if target is None:
            passive = _is_passive(view, rev.raw)
            headline = not passive and _headline_participle(view, rev, level)
            passive = passive or headline
            back = 12 if passive else 3 if kind != "collapse" else 6
            if view.tokens[max(rev.raw - 2, 0):rev.raw - 1] and view.tokens[rev.raw - 2] in _RAISING \
                    and view.tokens[rev.raw - 1] == "to":
                back += 2  # (a verb of seeming adds no distance: "tensions appeared to ease")
            if kind == "collapse" and rev.raw > 1 and view.tokens[rev.raw - 1] == "to" \
                    and view.tokens[rev.raw - 2] in _DUE:
                back += 2  # (the words of a date set count for nothing: "... products set to expire Dec. 31")
            target = _nearest_before(view, rev.tok, rev.clause, back, raw=rev.raw, skip=skip)
            if target is None and kind == "collapse":
                # further back over the subject's own predicate joined by "and" and a modal: "the 145% tariff is
                # very high and will come down" (not over another subject: "and prices will come down")
                far = _nearest_before(view, rev.tok, rev.clause, 10, raw=rev.raw, skip=skip)
                if far is not None and _same_subject_on(view, far, rev):
                    target = far
            if headline and target is not None and _COMMA.search(view.folded, target.item.match.end, rev.match.start):
                continue  # "... on the tariff list, drugs excluded": the participle has a subject of its own
            if (target is not None and not passive
                    and _COMMA.search(view.folded, target.item.match.end, rev.match.start)):
                continue  # "on trade talk hopes, OPEC cuts": the verb's subject is after the comma
            if (target is not None and target.cue.category in AGREEING and rev.raw > 1
                    and view.tokens[rev.raw - 1] == "to" and view.tokens[rev.raw - 2] in _AGREE_VERBS):
                # "China agreed to halt North Korea bank transactions": the verb is what was agreed to, it does
                # not turn the agreement around
                continue
            if target is not None and kind == "easer" and passive and target.weight < 0:
                continue  # eased in the passive, it is conflict: "elements of the talks to be resolved" end no talks
            if (target is not None and target.cue.category in _TO_DO and rev.raw > 0
                    and view.tokens[rev.raw - 1] == "to" and after_raw(view, target.item) == rev.raw - 1):
                # what pressure is put on a side to do: "presses Beijing to halt coal imports" halts no pressure;
                # and what a threat threatens: "threatens to halt all trade" turns no threat around
                continue
            if (target is not None and kind != "collapse" and not passive and _has_object(view, rev)
                    and not (rev.entry.phrase in _INTRANSITIVE and _only_auxiliaries(view, target, rev))):
                # "trade hopes lift stocks", "communication with the U.S. to avoid misjudgment": the verb's
                # object follows it; "missile launches will end" has the cue as its subject
                continue
        if target is None:
            continue
        if kind == "collapse" and target.weight > 0 and target.cue.category in ENACTABLE and _negated_verb(view, rev):
            # "tariffs won't come down until China changes": a measure said not to end stays in force (the
            # negator is spent on the verb)
            _kept(target, cfg, f"kept(not {rev.entry.phrase}) x1")
            continue
        if (rev.entry.phrase in _DISREGARD | _DOWNPLAY and target.weight > 0 and target.cue.category in ENACTABLE
                and _firm_subject(view, rev)):
            # "Huawei shrugs off U.S. ban", "ZTE plays down impact of U.S. penalty": the firm a measure targets
            # speaks of its impact; the measure stands, named, and nobody eased it
            set_in_place(target, f"{NAMED_STANDING}({rev.entry.phrase})")
            continue
        if (rev.entry.phrase in _DISREGARD | _PUT_ASIDE_VERBS and rev.raw > 0
                and not _DISREGARDERS.isdisjoint(view.tokens[max(0, rev.raw - 6):rev.raw])):
            if target.mode in ("act", "threat") and rev.entry.phrase in _DISREGARD:
                # "stocks shrug off North Korea's nuclear test", "markets brush off Trump's 'nuclear button' boast": a
                # market moves on, the step or threat stands; so do people who live with it: "Guam residents shrug
                # off North Korea's threat"
                continue
            if target.cue.category in CONFLICT and target.weight > 0:
                # a mood a market or firms set aside is neither calmed between the sides nor grown: "markets
                # brush off trade fears", "stocks rally, setting aside trade fears" report the market
                set_in_place(target, f"{SET_ASIDE}({rev.entry.phrase})")
                continue
        if kind == "collapse" and rev.entry.phrase in _MISFIRES and (
                target.cue.category == "military_test" or target.cue.category in ENACTABLE and target.weight > 0):
            # "a North Korean missile fails shortly after launch": a test that fails was fired all the same; "U.S.
            # sanctions have failed": a measure that failed was in force and did not work, nobody lifted it
            continue
        if target.cue.category in REFERENTIAL and _NAMING_VERBS.isdisjoint(view.tokens[after_raw(view, rev):target.item.raw]) \
                and _WORD_NOUNS.isdisjoint(view.tokens[after_raw(view, target.item):after_raw(view, target.item) + 1]):
            # "Rocket Man must be stopped": an insulting name refers to someone, stopping him takes nothing back
            # (stopping the name itself does: "will stop calling it the 'Chinese virus'", and so does easing
            # off the name as a word: "eases off 'Chinese virus' label")
            continue
        if target.cue.category == "criticism" and target.weight > 0 and target.cue.phrase.rpartition(" ")[2] in _PACTS:
            # "walked away from a bad deal": what is left is the deal, and the blame of it stands (no deal)
            continue
        if (target.cue.category == "accusation" and target.weight > 0 and rev.entry.phrase in _STOPPERS
                and _side_a_subject(view, rev) and not _naming_reach(view, after_raw(view, rev))):
            # "We will act to stop the theft of our intellectual property": the wronged side stopping a wrong
            # acts against it; the wrongdoer stopping it ("China agreed to stop stealing") gives way (but
            # the side that stops calling the other a name takes its charge back: "Treasury stops calling
            # China a manipulator")
            continue
        if ((target.cue.category in GRIEVANCES or _cleared(target.cue)) and target.item.raw < rev.raw
                and not GRIEVANCE_PREPS.isdisjoint(view.tokens[after_raw(view, target.item):rev.raw])):
            # "blames U.S. for stalled nuclear talks": the collapse is what the grievance is about, it turns
            # no grievance around
            continue
        if (rev.entry.phrase in _EVADING and rev.raw > 0 and view.tokens[rev.raw - 1] == "to"
                and target.weight > 0 and target.cue.category in ("tariff_imposed", "tariff_threat")
                and target.item.raw > rev.raw and not _cooperating(view)):
            # "GoPro moves production out of China to avoid tariffs": a firm's way around a measure leaves it in
            # force and felt, as "hit by tariffs" does (a deal or truce "to avoid tariffs" averts them: turned)
            value = EVADED_MEASURE
            if target.weight < value:
                target.rules.append(f"evaded({rev.entry.phrase}) {_fmt(target.weight)} -> {_fmt(value)}")
                target.weight = value
            continue
        if target.cue.weight < 0 and _joined(view, rev, target.item.raw):
            continue  # "reduce and remove tariffs": two verbs on one object, the relief cue says it already
        if rev.entry.phrase in RESOLVERS and target.weight < 0:
            continue  # "committed to resolving issues in the trade deal": what is resolved is in the way of it
        if rev.entry.phrase in _DOCUMENTS and target.cue.category in MEASURES \
                and view.tokens[after_raw(view, rev):after_raw(view, rev) + 1] != ["of"]:
            # "the Security Council passes a resolution imposing new sanctions": a resolution that names a
            # measure is the document that enacts it; it resolves conflicts, not measures (but the resolution
            # "of" a measure settles it: "ZTE seeks resolution of U.S. export ban")
            continue
        if rev.entry.phrase in PEJORATIVES and target.weight > 0:
            continue  # "the terrible plague from China", "China's horrible theft": hostility called bad stays hostile
        if rev.entry.phrase in WORRIES and target.weight > 0:
            continue  # "stocks slide on worries over U.S. tariffs": a measure worried about is reported, not undone
        if rev.entry.phrase in _CALMING and target.weight < 0:
            # calm soothes a conflict, never cooperation: "China urges calm in trade talks", "will keep calm in
            # face of trade talk challenges" call off no talks
            continue
        if (rev.entry.phrase in REJECTIONS and target.weight > 0
                and (rev.entry.phrase not in _PUSHBACK or _others_step(view, rev, target))) or (
                rev.entry.phrase in _DISREGARD | DENIALS and target.weight > 0 and target.cue.category in GRIEVANCES
                and (rev.entry.phrase not in DENIALS or target.cue.phrase in _CHARGE_NOUNS
                     or any(r.startswith("charge(") for r in target.rules) or _named_charge(view, rev, target))):
            # (a charge denied as a charge is answered too: "Beijing denies U.S. accusation of currency
            # manipulation"; a wrong denied, "denies stealing", keeps the denial's weak turn below)
            # (a charge shrugged off is answered too: "Beijing brushes off U.S. criticism")
            # "rejects Washington's gangster-like demands": a rebuttal answers hostility with more of it, it
            # does not take the hostile words back (as "withdraws" would); a denial ("denies stealing")
            # keeps its own weak turn
            target.rules.append(f"rebutted({rev.entry.phrase}) x1")
            target.polarity = True
            continue
        if rev.entry.phrase in BREACHES and target.weight > 0 and not _own_measure_unenforced(view, rev):
            # "violated U.S. sanctions", "in breach of export controls": a measure broken stands, and breaking
            # it is the charge ("fighting extradition, says her rights were violated" keeps the extradition);
            # only an agreement is undone by a breach ("breached the truce")
            target.rules.append(f"breached({rev.entry.phrase}) x1")
            target.polarity = True
            target.breach = rev
            continue
        if rev.entry.phrase in DENIALS and target.cue.category in AGREEING:
            # "denies it has agreed to remove tariffs": what is denied is the content agreed, as with "never
            # agreed to" (negation)
            content = _complement(view, target)
            if content is not None and not content.polarity:
                target.rules.append(f"reversal({rev.entry.phrase}) passes to {content.cue.phrase} -> 0")
                target.weight = 0.0
                target.polarity = True
                content.rules.append(f"content of denied {target.cue.phrase}")
                target = content
        if target.weight > 0 and target.cue.category == "accusation" and _called_to_stop(view, rev):
            # "Time for China to stop cheating", "Stop stealing our technology!": a wrong told to stop goes on,
            # and the call is a demand (not "China stopped cheating", nor "agrees to stop", a pledge)
            target.rules.append(f"called to stop({rev.entry.phrase}) -> demand {_fmt(cfg.demand_weight)}")
            target.weight = cfg.demand_weight
            target.mode = "statement"
            target.polarity = True
            continue
        _acted_on(target, cfg)
        value = rev.entry.value
        if rev.entry.phrase in DENIALS and target.weight < 0:
            # a denial is weak against a charge ("denies stealing" leaves some doubt), but cooperation denied
            # did not happen, as cooperation negated: "China denies any trade talks are underway"
            value = min(value, cfg.negation_cooperation)
        sign = target.weight > 0
        target.weight *= value
        target.polarity = True
        target.rules.append(f"reversal({rev.entry.phrase}) x{_fmt(value)}")
        target.turner = rev
        # a list shares its verb, as it shares a negator: "a halt to nuclear tests and missile launches"
        # (of one kind, a list may give each item a word of its own: "suspends climate talks and military
        # dialogue")
        item = _coordinated(view, target, words=1)
        while item is not None and not item.polarity and not item.dropped and (item.weight > 0) == sign \
                and item.cue.category == target.cue.category:
            _acted_on(item, cfg)
            item.weight *= value
            item.polarity = True
            item.turner = rev
            item.rules.append(f"reversal({rev.entry.phrase}, listed with {target.cue.phrase}) x{_fmt(value)}")
            item = _coordinated(view, item, words=1)
        # what the target is of goes with it: "rejects the US offer of dialogue"
        nxt = _attached(view, target)
        if nxt is not None:
            nxt.weight *= rev.entry.value
            nxt.polarity = True
            nxt.rules.append(f"reversal({rev.entry.phrase}, via {target.cue.phrase}) x{_fmt(rev.entry.value)}")


def _war_object(view: SentenceView, rev: Item) -> bool:
    """Whether a reverser's direct object is a trade war: "U.S. and China pause trade war for 90 days" halts the
    war itself (while "suspends oil imports as the trade spat intensifies" says nothing of ending the spat)."""
    j = after_raw(view, rev)
    names = name_tokens(view)
    while j < len(view.tokens) and (view.tokens[j] in DETERMINERS or j in names):
        j += 1
    return any(c.item.raw == j and c.cue.category == "trade_war" and not c.dropped for c in view.cues)


_PACTS = frozenset({"deal", "deals", "agreement", "agreements", "talks"})  # what a word of blame may be said of
_LABELS = frozenset({"criticism", "insult"})  # words of blame that may stand as a noun's adjective
_RETALIATORY = frozenset({"tit-for-tat", "retaliatory"})  # words of retaliation that may stand as one


_SUBJECT_FORMS = frozenset({"i", "we"})  # the first-person words that can be a verb's subject
# verbs that stop a wrong from going on (not those that withdraw a charge: "U.S. drops currency manipulator
# label", "suspends litigation against China" take the accuser's own charge back)
_STOPPERS = frozenset({"stop", "prevent"})


_RAISERS = frozenset({"lift"})  # verbs that raise what they lift "to" a level and remove it otherwise


def _raised_to(view: SentenceView, target: CueState) -> bool:
    """Whether "to" and a figure follow the cue within six words ("lifting the Tariff ... to 125%"), and no
    higher figure it comes down "from" ("lift tariffs to 30% from 145%" still lowers them)."""
    tokens = view.tokens
    j = after_raw(view, target.item)
    to = frm = None
    for k in range(j, min(j + 9, len(tokens) - 1)):
        figure = _FIGURE.match(tokens[k + 1])
        if figure and tokens[k] == "to" and to is None:
            to = float(figure.group())
        elif figure and tokens[k] == "from" and frm is None:
            frm = float(figure.group())
    return to is not None and (frm is None or to > frm)


_FIGURE = re.compile(r"\d+(?:\.\d+)?$")


def lifted_to(view: SentenceView, cfg: Config) -> None:
    """A measure lifted "to" a level is raised, not removed: "lifts tariffs on Chinese goods to 125%" (the
    relief phrase "lift tariffs" read as an increase, weighed as tariffs imposed)."""
    for c in view.cues:
        if c.dropped or c.cue.category != "tariff_relief" or c.weight >= 0 or not c.cue.phrase.startswith(_LIFTS):
            continue
        if _raised_to(view, c):
            c.weight = -c.weight
            c.rules.append(f"raised to a level -> {_fmt(c.weight)}")
    if view.tables is None or view.tables.raise_value is None:
        return
    value = view.tables.raise_value
    for m in view.mods:
        if m.entry.type != "reverser" or m.entry.phrase not in _RAISERS:
            continue
        # the verb "lift" before a measure that goes "to" a level raises it as "raise" does: "Washington lifts
        # levies on $200 billion in Chinese goods to 25%"
        lifted = _nearest_after(view, m.tok_end, m.clause, cfg.reverser_window, raw=m.raw)
        if lifted is not None and lifted.cue.category == "tariff_imposed" and 0 < lifted.weight < value \
                and _raised_to(view, lifted):
            lifted.rules.append(f"enacted(lifted to a level) {_fmt(lifted.weight)} -> {_fmt(value)}")
            lifted.weight = value


_LIFTS = ("lift ", "lifts ", "lifted ", "lifting ")


def rate_change(view: SentenceView, cfg: Config) -> None:
    """A tariff said to go from one rate to another is cut or raised by the two numbers: "China tariff goes
    from 145% to 30%", "the U.S. tariff is now 30%, down from 145%" cut it (weighed as relief, -``threat_floor``),
    "from 10% to 25%" raises it (in force: at least ``threat_floor``)."""
    for c in view.cues:
        if c.dropped or c.polarity or c.weight <= 0 or c.cue.category not in _RATED:
            continue
        rest = view.folded[c.item.match.start:c.item.match.start + _RATE_REACH]
        m = _FROM_TO.search(rest)
        if m is not None:
            old, new = float(m.group(1)), float(m.group(2))
        else:
            m = _DOWN_UP_FROM.search(rest)
            if m is None:
                continue
            new, old = float(m.group(1)), float(m.group(3))
        if new < old:
            c.weight = -max(c.weight, cfg.threat_floor)
            c.mode = "act"
            c.polarity = True
            c.rules.append(f"rate cut({_fmt(old)}% to {_fmt(new)}%) -> {_fmt(c.weight)}")
        elif new > old:
            _acted_on(c, cfg)
            c.rules.append(f"rate raised({_fmt(old)}% to {_fmt(new)}%)")


_RATED = frozenset({"tariff_imposed", "tariff_threat"})
_RATE_REACH = 100  # characters after the cue where its rates are looked for
_RATE = r"(\d{1,4}(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b|pct\b)"  # a rate (also _PCT, the magnitudes' rates)
_FROM_TO = re.compile(rf"\bfrom {_RATE} to {_RATE}")
_DOWN_UP_FROM = re.compile(rf"{_RATE},? (down|up) from {_RATE}")


def _others_step(view: SentenceView, rev: Item, target: CueState) -> bool:
    """Whether the step a verb acts on is named as another's than the verb's subject: a name right before it
    ("new U.S. tariffs", "Washington's demands") that is not the name nearest before the verb ("Beijing pushed
    back against new U.S. tariffs")."""
    owner = next((a for a in view.actors if rev.raw < a.raw < target.item.raw and target.item.raw - a.raw <= 3), None)
    subject = max((a for a in view.actors if a.raw < rev.raw), key=lambda a: a.raw, default=None)
    if owner is None or subject is None:
        return False
    return getattr(owner.match.entry, "actor", None) != getattr(subject.match.entry, "actor", None)


def _object_before_comma(view: SentenceView, rev: Item, target: CueState) -> bool:
    """Whether a comma stands between a verb and the cue after it, with the verb's own object before the comma
    (words that no name or cue accounts for): what follows the comma is the next verb's. A cue that opens what
    follows the comma needs one such word before it ("scraps Pompeo trip, blames China"), one further on two
    ("plan to cut equity holdings, cite trade war fear"): a list of names goes on after its comma to the cue
    ("denies Tesla, GM, Uber tariff relief", "rejects GM, Volvo tariff relief requests")."""
    comma = view.folded.find(",", rev.match.end, target.item.match.start)
    if comma < 0:
        return False
    if view.tokens[:1] and view.tokens[0] in _OPENING_SUBCLAUSE and rev.raw > 0:
        return True  # the comma closes the clause the sentence opens with: "If Xi skips G20, more tariffs will follow"
    need = 1 if not view.folded[comma + 1:target.item.match.start].strip() else 2
    # (a topic word of no weight is a word of the object: "cutting trade gap, $200 billion target disputed")
    spans = [(a.match.start, a.match.end) for a in view.actors] + [
        (c.item.match.start, c.item.match.end) for c in view.cues if c.cue.weight != 0]
    own = 0
    for t in TOKEN_RE.finditer(view.folded, rev.match.end, comma):
        if t.group() in _OBJECT_DETERMINERS or any(a <= t.start() < b for a, b in spans):
            continue
        if target.cue.category == "military_test" and t.group() in _WEAPON_KINDS:
            continue  # a kind of weapon listed before another, the test after both: "suspend nuclear, ICBM tests"
        own += 1
        if own >= need:
            return True
    if own:
        # a name after the comma followed by a word of its own is the next clause's subject and verb: "halts
        # drills, North Korea fires missiles" (a list of names runs on to the cue: "denies Tesla, GM tariff relief")
        names = [a for a in view.actors if comma < a.match.start < target.item.match.start]
        if names and any(t.group() not in _OBJECT_DETERMINERS for t in TOKEN_RE.finditer(
                view.folded, max(a.match.end for a in names), target.item.match.start)):
            return True
    return False


# words that open a sentence with a clause of their own, which its first comma closes (those of concession,
# "although", "while", end their clause there already: text.clause_breaks)
_OPENING_SUBCLAUSE = frozenset({"if", "unless", "when", "whenever", "once", "until", "because", "since", "after",
                                "before"})
# the kinds of weapon a list names before the test they share ("nuclear, ICBM tests")
_WEAPON_KINDS = frozenset({"nuclear", "atomic", "missile", "missiles", "ballistic", "rocket", "hydrogen",
                           "intercontinental"})
_TURNERS = frozenset({"reverser", "easer", "collapse"})
_COOLING = frozenset({"cool", "cools", "cooled"})  # collapse verbs that also take the conflict as their object
_CALMING = frozenset({"calm", "soothe"})  # easers of a mood or conflict only
# cues whose verb takes what is to be done after "to": a demand and a threat ("threatens to halt all trade")
_TO_DO = frozenset({"demand", "threat"})
# a modal of the past before a verb: what it says might have happened did not ("could have stopped")
_COUNTERFACTUAL = [[m, "have"] for m in ("could", "should", "would", "might", "may")] + [["to", "have"]]
# phrasal verbs that mean setting out when a preposition of destination follows ("heads off on a North Korea
# trip", "headed off to Beijing"): a departure, nothing averted
_SETTING_OUT = {"head off": frozenset({"on", "to", "for"})}


DENIALS = frozenset({"deny"})
# verbs that deny what a report or claim named after them says, with its source between: "denies the adviser's
# claim that the deal is over" (the phrases "deny report that", "deny claim that" are negators of their own)
_DENYING = DENIALS | {"dismiss", "reject", "walk back"}  # ("walks back comments that the deal is over")


def _own_measure_unenforced(view: SentenceView, rev: Item) -> bool:
    """Whether a measure is left unenforced by an actor on side A of a dyad, named last before the verb in its
    clause: its own measure, relieved ("the U.S. will not enforce the new tariffs"), where anyone else's not
    enforcing it is a breach ("China is not enforcing the sanctions")."""
    return rev.entry.phrase in _UNENFORCED and _side_a_subject(view, rev, speaker_words=False)


def _side_a_subject(view: SentenceView, rev: Item, speaker_words: bool = True) -> bool:
    """Whether the subject of verb ``rev`` is on side A of a dyad (``RuleTables.imposers``): the actor named
    last before it in its clause, or, with ``speaker_words``, the speaker's first-person subject (modifiers.tsv,
    first_person: "we", "I", "we're"; not "us" or "our": "will work with us to stop the flow of Fentanyl" is
    China's step) when it comes later and the speaker is on side A."""
    if view.tables is None:
        return False
    before = [(a.raw, a.match.entry.actor) for a in view.actors if a.clause == rev.clause and a.raw < rev.raw]
    if speaker_words and view.speaker is not None:
        before += [(m.raw, view.speaker) for m in view.first_person if m.clause == rev.clause and m.raw < rev.raw
                   and m.match.entry.phrase.partition("'")[0] in _SUBJECT_FORMS]
    if not before:
        return False
    raw, actor = max(before)
    # (not one named before a subordinate clause that holds the verb: in "threatens to cut China off if it
    # fails to enforce the sanctions" the one who fails is no threatener)
    return actor in view.tables.imposers and BARRIERS.isdisjoint(view.tokens[raw + 1:rev.raw])


_OBJECT_DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | NEAR_DEMONSTRATIVES


def _grows_object(view: SentenceView, verb: CueState, noun: CueState) -> bool:
    """Whether a verb of growth takes the conflict noun right after it as its object: after a determiner
    ("escalating the trade war") or as a finite verb ("escalates tensions"); a participle right before
    the noun is its attribute ("investors downplay escalating trade war" reports a growing war)."""
    between = view.tokens[after_raw(view, verb.item):noun.item.raw]
    surface = view.folded[verb.item.match.start:verb.item.match.end]
    if between and surface in _GROWTH_NOUNS:
        # the noun of growth with the conflict after "of" or "in": "an escalation in U.S.-China trade tensions"
        return between[0] in ("of", "in") and len(between) <= 4 and not _barrier_between(view, verb.item.raw,
                                                                                          noun.item.raw)
    if between:
        return len(between) == 1 and between[0] in _OBJECT_DETERMINERS
    return not surface.endswith(("ing", "ed"))


# the nouns of a conflict's growth, which name the conflict after "of" or "in"
_GROWTH_NOUNS = frozenset({"escalation", "escalations", "intensification", "deterioration", "worsening"})


# what a market report moves: "stocks", "yields", "oil prices" ... and the moves themselves ("halt slide",
# "cut losses")
MARKET_WORDS = frozenset({"stocks", "stock", "shares", "equities", "markets", "market", "yields", "bonds",
                          "treasuries", "prices", "price", "oil", "gold", "copper", "dollar", "yuan", "currencies",
                          "currency", "futures", "index", "indexes", "indices", "rally", "slide", "losses", "gains",
                          "selloff", "rout", "street", "dow", "nasdaq", "nikkei", "ftse", "dax", "peso", "euro", "sterling",
                          "ruble", "won", "rupee"})
# a market or its traders, named as what shrugs a step off ("investors shrug off", "Wall Street hits records,
# shrugging off")
_MARKET_SUBJECTS = MARKET_WORDS | {"investors", "traders", "records", "record"}
# people who live with a threat and take it calmly: the threat stands ("Guam residents shrug off North Korea's threat")
_BYSTANDERS = frozenset({"residents", "locals", "tourists", "villagers", "shoppers", "commuters", "people",
                         "citizens", "public", "islanders", "visitors"})
# the ones who plead for relief from a measure without being a side: firms and their trade groups, growers,
# investors ("U.S. business groups urge Trump to postpone the tariff hike", "soybean growers call for an end
# to the tariffs")
_PRIVATE_PARTIES = frozenset({
    "firm", "firms", "company", "companies", "business", "businesses", "industry", "industries", "group", "groups",
    "lobby", "lobbies", "association", "associations", "chamber", "chambers", "coalition", "retailer", "retailers",
    "brand", "brands", "chain", "chains", "maker", "makers", "automaker", "automakers", "carmaker", "carmakers",
    "chipmaker", "chipmakers", "manufacturer", "manufacturers", "producer", "producers", "importer", "importers",
    "exporter", "exporters", "supplier", "suppliers", "grower", "growers", "farmer", "farmers", "rancher",
    "ranchers", "investor", "investors", "executive", "executives", "ceo", "ceos", "giant", "giants", "dealer",
    "dealers", "shipper", "shippers", "union", "unions", "economist", "economists"})

# those whose shrug leaves a step standing (firms too: "luxury goods makers shrug off the trade war")
_DISREGARDERS = _MARKET_SUBJECTS | _BYSTANDERS | _PRIVATE_PARTIES
_MEASURE_OBJECT_PREPS = frozenset({"on", "of", "for", "against", "to"})  # what a measure is on: "tariffs on oil"


DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | {"these", "those"}
# the words before cooperation complained of that keep it the matter of the complaint, as a determiner does:
# "'not sincere' about wanting more trade talks" complains of the talks
_MATTER_WORDS = DETERMINERS | {"more", "further", "new", "wanting", "seeking", "pursuing"}


HOPE_WORDS = frozenset({"hope", "hopes", "optimism", "prospect", "prospects", "chance", "chances", "expectations"})


def _hoped_for(view: SentenceView, rev: Item) -> CueState | None:
    """The cooperation or relief whose hopes an intransitive verb says are dying: "hopes fade for a trade deal",
    "dwindling hopes of a deal", "hopes fade for a delay of the tariffs" (the hopes are the verb's subject, or
    the participle stands before them)."""
    tokens = view.tokens
    after = after_raw(view, rev)
    if rev.raw > 0 and tokens[rev.raw - 1] in HOPE_WORDS:
        at = after  # "hopes fade for ..."
    elif after < len(tokens) and tokens[after] in HOPE_WORDS:
        at = after + 1  # "fading hopes for ..."
    else:
        return None
    if at >= len(tokens) or tokens[at] not in ("for", "of"):
        return None
    for c in view.cues:
        # (relief is hoped for too: "hopes fade for tariff relief", "for a delay of the tariffs")
        if (at < c.item.raw <= at + 4 and not c.dropped and c.weight < 0 and c.item.clause == rev.clause
                and ((not c.polarity and c.cue.category in COOPERATION | RELIEF) or c.turner is not None)):
            return c
    return None


_CAUSES = frozenset({"on", "over", "citing"})


def _own_object_then_cause(view: SentenceView, rev: Item, target: CueState) -> bool:
    """Whether a transitive verb has an object of its own before the cue it would reach, and the cue comes
    after a word that gives a cause: "cuts 2019 spending forecast on trade tensions", "slashes capex over
    Huawei ban" (not "cut tariffs on Chinese goods": the cue is the object)."""
    start = after_raw(view, rev)
    between = view.tokens[start:target.item.raw]
    if not between or between[0] in _CAUSES or _CAUSES.isdisjoint(between):
        return False
    return not any(start <= c.item.raw < target.item.raw for c in view.cues if c is not target and not c.dropped)


def _count(tokens: list[str], start: int, end: int, words: frozenset[str]) -> int:
    """How many of ``tokens[start:end]`` are in ``words``."""
    return sum(1 for t in tokens[start:end] if t in words)


# verbs that set going again what stalled or failed ("revive stalled talks", "salvage the faltering truce")
_RESTORING = frozenset(f for v in ("revive", "restart", "resume", "salvage", "rescue", "restore", "unblock",
                                   "jumpstart", "reboot", "unfreeze", "resurrect", "relaunch", "reopen")
                       for f in inflections(v)) | {"jump-start", "jump-starts", "jump-started", "jump-starting"}


def _same_subject_on(view: SentenceView, c: CueState, rev: Item) -> bool:
    """Whether the words between a cue and a verb after it go on with the cue as their subject: a predicate,
    then "and" with a modal or "is" right after it ("is very high and will come down"), no comma."""
    between = view.tokens[after_raw(view, c.item):rev.raw]
    joins = [k for k, t in enumerate(between) if t in ("and", "but")]
    return bool(joins) and not _COMMA.search(view.folded, c.item.match.end, rev.match.start) and all(
        between[k + 1:k + 2] and between[k + 1] in _AUXILIARIES for k in joins)


def _attributive(view: SentenceView, rev: Item) -> CueState | None:
    """The cooperation an intransitive verb's participle stands in front of, as an adjective: "the failed
    summit", "stalled trade talks", "a faltering truce" (not "failed to reach a deal": a verb); and what
    the verb, used as a transitive one, acts on: "China is stalling the negotiations"."""
    surface = view.folded[rev.match.start:rev.match.end]
    if not surface.endswith(("ed", "ing")):
        return None
    nxt = after_raw(view, rev)
    if surface.endswith("ing") and nxt < len(view.tokens) and view.tokens[nxt] in DETERMINERS:
        nxt += 1
    first = nxt  # (a cue may open with a name of its own: "the failed Hanoi summit")
    nxt, last = past_names(view, nxt)  # the names of its parties between them: "troubled U.S.-China trade talks"
    gap = rev.match.end if last is None else last.match.end  # where the words between them start
    for c in view.cues:
        if c.item.raw == first and first != nxt:
            gap = rev.match.end
        elif c.item.raw != nxt:
            continue
        if (not c.dropped and not c.polarity
                and (c.weight < 0 and c.cue.category in COOPERATION
                     or c.weight > 0 and c.cue.category in CONFLICT and surface.endswith("ing")
                     and rev.entry.phrase in _DYING_DOWN)
                and not _PUNCT.search(view.folded, gap, c.item.match.start)):
            # (not over punctuation: "talks are stalling, the negotiations go on"); a conflict dying down is
            # one too: "receding trade fears", "waning U.S.-China tensions"
            return c
    return None


_PUNCT = re.compile(r"[,;:.!?()\[\]\"]")
# the verbs of a feeling or conflict dying down, whose present participle in front of it says so ("fading trade
# war worries")
_DYING_DOWN = frozenset({"wane", "subside", "recede", "abate", "dissipate", "fade", "cool", "evaporate"})


def _price_move(view: SentenceView, rev: Item) -> bool:
    """Whether a reversing verb reports a price move with its cause after "on" or "over": its subject is a market word
    ("stocks ease on", "stocks rally, then ease on") and "on" follows it, a market word it moves ("halt
    slide on", "cut losses on") or the way it moved ("oil settles higher on"); or it is itself the direction
    a market word went ("trade war leads stocks lower")."""
    tokens = view.tokens
    k = rev.raw - 1
    while k >= 0 and tokens[k] in SKIPPABLE:
        k -= 1
    if k < 0 or tokens[k] not in MARKET_WORDS:
        return False
    if tokens[rev.raw] in _PRICE_DIRECTIONS:
        return True  # a direction after a market word is where the price went: "trade war leads stocks lower"
    nxt = after_raw(view, rev)
    while nxt < len(tokens) and (tokens[nxt] in MARKET_WORDS or tokens[nxt] in _PRICE_DIRECTIONS):
        nxt += 1
    return nxt < len(tokens) and tokens[nxt] in ("on", "over")


_CHARGE_NOUNS = frozenset({"accusation", "allegation"})  # a charge named as such
_MISFIRES = frozenset({"fail", "failure", "end in failure"})  # what a test or a measure does that still makes it one
# nouns that name what a denial answers as a charge (beside the cue, "denies U.S. hacking charges", or between
# the verb and it, "denies U.S. claims it manipulates its currency")
_CHARGE_WORDS = _CHARGE_NOUNS | frozenset({"charge", "charges", "claim", "claims", "allegations", "accusations"})


def _named_charge(view: SentenceView, rev: Item, target: CueState) -> bool:
    """Whether a denial answers the cue as a charge, a noun of charging standing between the two (at most four
    words apart) or right after the cue: "Beijing denies U.S. hacking charges" keeps the dispute, while
    "denies stealing" turns the wrong weakly around."""
    start = after_raw(view, rev)
    end = after_raw(view, target.item)
    if not start <= target.item.raw <= start + 4:
        return False
    return not _CHARGE_WORDS.isdisjoint(view.tokens[start:target.item.raw]) \
        or (end < len(view.tokens) and view.tokens[end] in _CHARGE_WORDS) \
        or target.cue.phrase.partition(" ")[0] in _CHARGE_WORDS
_DISREGARD = frozenset({"shrug off", "shake off", "brush off"})  # verbs by which a market ignores news
_DOWNPLAY = frozenset({"play down", "downplay"})  # and by which a firm makes light of a measure's impact

_PUT_ASIDE_VERBS = frozenset({"set aside"})  # and by which it puts a mood aside
_PRICE_DIRECTIONS = frozenset({"higher", "lower", "up", "down", "flat", "slightly", "sharply", "modestly"})


def _firm_subject(view: SentenceView, rev: Item) -> bool:
    """Whether the subject of verb ``rev`` is a firm the lexicon names ("Huawei shrugs off ..."): the last name
    before it in its clause, with at most a few words between."""
    before = [a for a in view.actors if a.clause == rev.clause and a.raw < rev.raw]
    return bool(before) and before[-1].entry.kind == "firm" and rev.raw - after_raw(view, before[-1]) <= 3


# words after a verb that leave it without an object of its own: "tariffs set to end on Friday", "...eased
# after the call" (adverbs in -ly too)
_MODALS = frozenset({"will", "would", "could", "may", "might", "must", "should", "shall", "can"})
_NO_OBJECT = _MODALS | frozenset({"on", "in", "at", "by", "for", "from", "with", "after", "before", "as", "next", "this",
                        "last", "today", "tomorrow", "and", "or", "but", "to", "until", "amid", "over", "if",
                        "when", "soon", "later", "early", "again", "altogether", "entirely", "too", "now", "yet",
                        "though", "although", "while", "despite", "because", "since", "which", "that", "who",
                        "so", "than", "weighs", "remains", "is", "are", "was", "were", "means", "mean"})


def _has_object(view: SentenceView, rev: Item) -> bool:
    """Whether a verb is followed by a word of its own object (one that is no cue: "avoid misjudgment"),
    so that it cannot govern a cue before it."""
    nxt = after_raw(view, rev)
    if nxt >= len(view.tokens):
        return False
    word = view.tokens[nxt]
    if word[0].isdigit() and view.tokens[nxt + 1:nxt + 2] in (["million"], ["thousand"]):
        return True  # a count of things is an object ("trade war ends 1 million jobs promise"), a date is not
    if word in _NO_OBJECT or _adverb(word) or word[0].isdigit():
        return False
    # punctuation between them ends the verb's phrase: "as trade worries ease, the dollar slips"
    nxt_token = TOKEN_RE.search(view.folded, rev.match.end)
    gap = view.folded[rev.match.end:nxt_token.start() if nxt_token else rev.match.end]
    return not any(ch in gap for ch in ",;:.!?()")


_AUXILIARIES = _MODALS | frozenset({"to", "soon", "be", "is", "are", "was", "were", "set", "due", "expected"})


# reversers that often take no object: after a cue and auxiliaries alone the cue is their subject even when
# a word follows ("missile launches will end the press was startled", a run-on); a verb that takes one, "cut",
# has the word after it for its object ("the trade war may cut global growth": the war is not cut)
_INTRANSITIVE = frozenset({"end", "stop", "cease", "halt", "ease", "fade", "subside", "cool", "wane", "abate"})


def _only_auxiliaries(view: SentenceView, c: CueState, rev: Item) -> bool:
    """Whether auxiliaries and modals alone, at least one, stand between cue ``c`` and verb ``rev``."""
    between = view.tokens[after_raw(view, c.item):rev.raw]
    return bool(between) and all(w in _AUXILIARIES for w in between)


def _kept(c: CueState, cfg: Config, why: str) -> None:
    """A measure kept in force by a removal that did not happen ("won't lift", "rejected calls to lift",
    "never agreed to lift", "won't come down"): news, not a mention, and not to be turned again."""
    _acted_on(c, cfg)
    c.polarity = True
    c.rules.append(why)


# the effects of a measure named after it as a compound ("tariff impact", "tariff costs"): a verb that turns
# them around turns the effect, not the measure
_EFFECT_NOUNS = frozenset({"impact", "impacts", "cost", "costs", "pain", "burden", "hit", "exposure", "bill",
                           "effect", "effects", "fallout", "damage", "toll", "headwinds"})


def _felt(c: CueState, noun: str, cfg: Config) -> None:
    """A measure whose effect is named as what is eased is in force and felt, as after an impact word."""
    if not _acted_on(c, cfg, f"impact({noun})"):
        c.rules.append(f"impact({noun})")


def _acted_on(c: CueState, cfg: Config, why: str = "acted on") -> bool:
    """A measure that is acted on is news, not a passing mention: "pauses the planned tariffs" lifts a weak
    bare "tariffs" to ``threat_floor`` (``why`` in its trail); whether it was lifted."""
    if 0 < c.weight < cfg.threat_floor:
        c.rules.append(f"{why} {_fmt(c.weight)} -> {_fmt(cfg.threat_floor)}")
        c.weight = cfg.threat_floor
        return True
    return False


def _joined(view: SentenceView, rev: Item, raw: int) -> bool:
    """Whether only "and" or "or" stands between reverser ``rev`` and the token at ``raw``: two verbs on one
    object ("reduce and remove tariffs", "suspend or lift sanctions")."""
    return view.tokens[after_raw(view, rev):raw] in (["and"], ["or"])


def _inner_reverser(view: SentenceView, rev: Item, movers: list[Item], window: int) -> Item | None:
    """A transitive reverser or easer that ``rev`` governs: within its reach, in its clause, before any cue;
    one of the two must be a reverser."""
    for other in movers:
        if other is rev or other.entry.type == "collapse" or other.clause != rev.clause:
            continue
        if rev.entry.type == other.entry.type == "easer":
            continue  # two easers work together: "a calm resolution", "ease and end the trade war"
        if other.entry.phrase.startswith("from "):
            continue  # the verb's own "from": "prevent competition from turning into conflict" keeps it off
        if _joined(view, rev, other.raw):
            continue  # two verbs on one object: "reduce and remove tariffs", "suspend or lift sanctions"
        if not 0 < other.tok - rev.tok_end <= window or _barrier_between(view, rev.raw, other.raw):
            continue
        if _COMMA.search(view.folded, rev.match.end, other.match.start):
            continue  # the next verb's after a comma: "skips the forum, dashing hopes for a meeting"
        if any(not c.dropped and c.weight != 0 and c.item.clause == rev.clause
               and rev.tok_end <= c.item.tok < other.tok for c in view.cues):
            continue  # a cue comes first: "cancel talks to end the war" cancels the talks
        return other
    return None


_COMMA = re.compile(r"\s*[,;]")  # (.match: right after a word; .search: anywhere between)
_JOINED_VERB = re.compile(r", (?:and|or) (?:then )?$")  # (a verb joined to the one before it, set off by commas)


def _after_from(view: SentenceView, rev: Item, skip: frozenset[str]) -> CueState | None:
    """"exempts phones and laptops from the reciprocal tariffs": the cue right after a "from" that follows
    the reverser within 8 tokens (the thing something is exempted, removed or released from), or past a list
    of examples between commas: "exempts some U.S. farm goods, including pork and soybeans, from extra tariffs"."""
    aside = False  # (inside a list of examples, whose "and" and commas open no new clause)
    j = rev.raw
    while (j := j + 1) < min(rev.raw + 9 + 6 * aside, len(view.tokens)):
        if view.tokens[j] in _EXAMPLES:
            aside = True
        elif (view.tokens[j] in BARRIERS or view.tokens[j] in _OWN_OBJECTS) and not aside:
            return None
        if view.tokens[j] == "from":
            for c in sorted(view.cues, key=lambda x: x.item.raw):
                if (j < c.item.raw <= j + 4 and not c.dropped and not c.polarity and c.weight != 0
                        and c.cue.category not in skip and (c.item.clause == rev.clause or aside)):
                    return c
            return None
    return None


_EXAMPLES = frozenset({"including", "like", "notably", "especially", "mainly", "mostly"})
# what a firm or a central bank cuts or lowers of its own, the verb's object before any "from": "Tesla cuts China
# car prices to absorb hit from trade war tariffs" cuts prices, and the tariffs stand
_OWN_OBJECTS = frozenset({"price", "prices", "rates", "jobs", "workers", "staff", "workforce", "headcount",
                          "output", "production", "costs", "spending", "forecast", "forecasts", "outlook",
                          "guidance", "dividend", "payroll", "wages"})


def _attached(view: SentenceView, c: CueState) -> CueState | None:
    """The cue that complements ``c`` through "of"/"for" ("offer of dialogue", "calls for talks")."""
    o, gap = _next_cue(view, c)
    if o is not None and o.weight != 0 and gap and gap[0] in ("of", "for") and len(gap) <= 2:
        return o
    return None


def undo_promises(view: SentenceView, undone: Modifier, at: Item | None = None) -> None:
    """Take back every step promised before ``at`` (the whole sentence when None: the promise was said
    not kept in the next one) as a broken promise: cooperation, and a step promised as a turn ("he would stop
    the sale of Fentanyl")."""
    for c in view.cues:
        if (c.dropped or c.weight >= 0 or c.undone or not (c.cue.category in _PROMISED or c.turner is not None)
                or (at is not None and (c.item.raw >= at.raw or ";" in view.folded[c.item.match.end:at.match.start]))):
            continue
        _break_promise(c, undone.value, f"undone({undone.phrase})")


def _break_promise(c: CueState, value: float, why: str) -> None:
    """A step promised and not taken: weighed by ``value`` (an ``undone`` modifier's), no longer a possibility."""
    c.weight *= value
    c.polarity = True
    c.undone = True
    c.rules.append(f"{why} x{_fmt(value)}")


_STATES = frozenset({"tension", "criticism", "threat", "military_threat", "insult"})


def end_state(view: SentenceView, cfg: Config) -> None:
    """The hostile state a sentence tells is over, said by a short retort after it ("... North Korea was our
    biggest and most dangerous problem. No longer - sleep well tonight!"): its words of tension, threat and
    blame are taken back, weighed as a cooperation denied is (``negation_cooperation``)."""
    for c in view.cues:
        if c.dropped or c.weight <= 0 or c.cue.category not in _STATES:
            continue
        c.weight *= cfg.negation_cooperation
        c.polarity = True
        c.rules.append(f"over(no longer) x{_fmt(cfg.negation_cooperation)}")


_CLAUSE_END = re.compile(r"\s*(?:[,;:.!?)\]\"]|-\s|$)")  # (.match: nothing but the clause's end after a word)
_PROMISED = frozenset({"deal", "purchase", "cooperation", "goodwill", "denuclearization", "tariff_relief",
                       "sanctions_relief", "truce"})


_RELATIVE_SUBJECTS_OF = frozenset({"they", "it", "he", "she", "we"})  # "what they agreed to", "the goods it agreed to buy"


def _breached_content(view: SentenceView) -> None:
    """A promise named in a relative clause after a promised step denied is what was broken: "is not buying what
    they agreed to", "is failing to buy the goods it agreed to purchase" (the agreement and what it promised
    weigh as a promise not kept, ``undone``), not a deal reached ("did not reveal what they agreed to" denies
    no step of the promise)."""
    if view.tables is None or view.tables.undone_value is None:
        return
    tokens = view.tokens
    for c in view.cues:
        j = c.item.raw
        if (c.dropped or c.polarity or c.weight >= 0 or c.cue.category not in AGREEING or j < 2
                or tokens[j - 1] not in _RELATIVE_SUBJECTS_OF or tokens[j - 2] in BARRIERS or tokens[j - 2] in ("and", "but")):
            continue
        # (the verb negated is the keeping of it: a step of the promised kind denied before the clause)
        if not any(o.polarity and o.weight > 0 and o.cue.category in _PROMISED and o.item.clause == c.item.clause
                   and o.item.raw < j - 1 for o in view.cues):
            continue
        for d in [c] + [o for o in view.cues if o is not c and not o.dropped and o.weight < 0
                        and o.cue.category in _PROMISED and j < o.item.raw <= j + 4]:
            _break_promise(d, view.tables.undone_value, "breached promise")


def retraction(view: SentenceView, cfg: Config) -> None:
    """A retraction after a cue withdraws it: "100 per cent tariffs would not be sustainable". What was
    promised and not done ("undone": "China agreed to buy our farm products, but never did") takes back every
    step promised before it in the sentence, the agreement with its content, as a broken promise."""
    _breached_content(view)
    for ret in _mods(view, "undone"):
        if ret.entry.phrase.endswith(("not", "n't")) and not _CLAUSE_END.match(view.folded, ret.match.end):
            continue  # "but did not" undoes at a clause's end only: "agreed to buy, but did not say how much"
        undo_promises(view, ret.entry, ret)
    for ret in _mods(view, "retraction"):
        # (a cue that is a name too, "the Singapore summit may not happen", is at no distance: found by its raw
        # index, not across a word that opens a new phrase; past one, the nearest cue: "seen as meaningless")
        # (not an insulting name: "negotiating with Rocket Man is a waste of time" dismisses the talks)
        target = _nearest_before(view, ret.tok, None, cfg.retraction_window, raw=ret.raw, skip=REFERENTIAL) \
            or _nearest_before(view, ret.tok, None, cfg.retraction_window, skip=REFERENTIAL)
        if target is None:
            continue
        between = view.tokens[target.item.raw + 1:ret.raw]
        if ";" in view.folded[target.item.match.end:ret.match.start] or not SUBJECT_OPENERS.isdisjoint(between) or any(
                between[j:j + 3] in (["as", "soon", "as"], ["as", "long", "as"]) for j in range(len(between) - 2)):
            # a clause with its own subject between them ("start negotiations as soon as the joint drills are
            # over": the drills end, not the talks; "unveils China tariffs; Bank leaves rates on hold"); "seen
            # as meaningless", "but to no avail" are not one
            continue
        if ret.entry.phrase in STALLS and target.weight > 0:
            continue  # "the trade war drags on" goes on: only cooperation is held up or fails so
        if any(t in _CAUSATIVES for t in between[:-1]):
            # the cue puts something else there: "tariffs put farm jobs in jeopardy" (not "put the trade war on
            # hold", where the cue comes after the verb, nor "the deal was left in limbo", where nothing comes
            # between the verb and the state)
            continue
        if target.cue.category in ENACTABLE:
            _acted_on(target, cfg)  # "100% tariffs would not be sustainable": the tariffs are news, not a mention
        # (searched in its own clause and those after it, not to the document's end)
        if _POSSIBLE_YET.search("".join(t for k, t in view.clause_text.items() if k >= ret.clause)):
            # "unlikely this year, though not impossible": judged unlikely and held open, the step is neither
            # expected nor ruled out
            target.weight = 0.0
            target.polarity = True
            target.rules.append(f"retraction({ret.entry.phrase}) held open -> 0")
            continue
        target.weight *= ret.entry.value
        target.polarity = True
        target.rules.append(f"retraction({ret.entry.phrase}) x{_fmt(ret.entry.value)}")
    _not_going_ahead(view, cfg)


def _not_going_ahead(view: SentenceView, cfg: Config) -> None:
    """A measure said not to go ahead or proceed, the verb after it with nothing to go ahead with, is not
    taken: "tariff hike due Oct. 15 will not go ahead after talks" (x-0.8, as a retraction; "will not go ahead
    with the tariffs" is the enacting verb negated, read by the negation rule)."""
    tokens = view.tokens
    for k in range(1, len(tokens) - 1):
        if not (tokens[k] in _GOING and tokens[k + 1] == "ahead" or tokens[k] in _PROCEEDING):
            continue
        end = k + 2 if tokens[k] in _GOING else k + 1
        neg = k - 1 if tokens[k - 1] != "be" else k - 2
        if tokens[end:end + 1] == ["with"] or neg < 0 or not (tokens[neg] in ("not", "never") or tokens[neg].endswith("n't")):
            continue
        # the nearest measure before it, within a headline's subject ("tariff hike due Oct. 15 will not ...")
        target = max((c for c in view.cues if not c.dropped and not c.polarity and c.weight > 0
                      and c.cue.category in ENACTABLE and after_raw(view, c.item) <= neg
                      and neg - after_raw(view, c.item) <= _SUBJECT_REACH and not _barrier_between(view, neg, c.item.raw)),
                     key=lambda c: c.item.raw, default=None)
        if target is None:
            continue
        _acted_on(target, cfg)
        target.weight *= _NOT_GOING_AHEAD
        target.polarity = True
        target.rules.append(f"retraction(not {tokens[k]}) x{_fmt(_NOT_GOING_AHEAD)}")


_GOING = frozenset({"go", "going", "goes"})
_PROCEEDING = frozenset({"proceed", "proceeding"})
_NOT_GOING_AHEAD = -0.8
_SUBJECT_REACH = 8  # tokens between a measure and the negated verb it is the subject of


# the verbs by which a subject puts its object in a state a retraction names ("puts jobs in jeopardy")
_CAUSATIVES = frozenset(f for v in ("put", "place", "leave") for f in inflections(v))


# a step judged unlikely and then held open: "unlikely this year but not impossible"
_POSSIBLE_YET = re.compile(r"\b(?:but|though|although|yet)\s+(?:still\s+)?(?:not\s+impossible|possible|not\s+ruled\s+out)\b")


def standing(view: SentenceView, cfg: Config) -> None:
    """A measure said to stay where it is ("sanctions will remain in place", "the tariffs stay", "Huawei stays on
    the entity list") is the state of things, not a step taken: weighed by the modifier's value, as a bare
    mention of tariffs in place is."""
    for mod in _mods(view, "standing"):
        target = _nearest_before(view, mod.tok, mod.clause, 4)
        if target is None and view.tokens[after_raw(view, mod):after_raw(view, mod) + 1] in (["on"], ["under"]):
            # "Huawei stays on the entity list", "remains under U.S. sanctions": the measure is where it stays
            target = _nearest_after(view, mod.tok_end, mod.clause, 4, raw=mod.raw)
        if target is None or target.polarity or target.weight <= 0 or target.cue.category not in ENACTABLE \
                or target.mode != "act":
            continue  # (a threat left standing is still a threat: "as the tariff deadline stays in place")
        if _PUNCT.search(view.folded, target.item.match.end, mod.match.start):
            continue
        target.weight *= mod.entry.value
        target.mode = "statement"
        target.standing = True
        target.rules.append(f"standing({mod.entry.phrase}) x{_fmt(mod.entry.value)}")


# a measure said to work: the auxiliaries before "working" or "worked", and the words that stop the search
_WORK_AUX = frozenset({"is", "are", "'re", "has", "have", "been", "was", "were", "really", "truly", "clearly",
                       "already", "now", "still", "definitely"})
_WORK_WORDS = frozenset({"working", "worked"})


def boasted(view: SentenceView, cfg: Config) -> None:
    """A measure said to work ("U.S. tariffs on China are working", "the sanctions have worked") is a boast of
    the pressure it puts on the other side, news of the measure as a step acted on is: a bare "tariffs" is
    lifted to ``threat_floor``. The verb follows the measure in its clause within six words, with an
    auxiliary before it and no negation ("the tariffs aren't working" argues against them), and is not "working
    with" or "working on" (cooperation)."""
    tokens = view.tokens
    if not _CREDIT_WORDS.isdisjoint(tokens):
        _credited(view, cfg)
    if _WORK_WORDS.isdisjoint(tokens):
        return
    for c in view.cues:
        if c.dropped or c.polarity or c.weight <= 0 or c.cue.category not in ENACTABLE:
            continue
        end = after_raw(view, c.item)
        for j in range(end, min(end + 7, len(tokens))):
            if tokens[j] not in _WORK_WORDS:
                continue
            if tokens[j - 1] not in _WORK_AUX or tokens[j + 1:j + 2] in (["with"], ["on"], ["for"], ["to"]) \
                    or any(t in _UNWILLING or t.endswith("n't") for t in tokens[end:j]) \
                    or _barrier_between(view, c.item.raw, j):
                break
            _acted_on(c, cfg)
            c.rules.append(f"boasted({tokens[j]})")
            break


# the phrases that credit a measure with a gain right before it ("helped by tariffs", "thanks to the tariffs",
# "billions of dollars in tariffs"), with the words that may stand between them and the measure
_CREDITS = (("helped", "by"), ("thanks", "to"), ("billions", "in"), ("billions", "from"), ("dollars", "in"),
            ("dollars", "from"))
_CREDIT_WORDS = frozenset(w for _, w in _CREDITS)
_CREDIT_BETWEEN = frozenset({"the", "our", "these", "those", "my", "all", "of"})


def _credited(view: SentenceView, cfg: Config) -> None:
    """A bare measure credited with a gain is a boast of it, as one said to work is: "GDP was greatly helped by
    Tariffs from China", "we are receiving Billions of Dollars in Tariffs" lift a weak "tariffs" to ``threat_floor``
    (not a measure negated or turned, which other rules weigh; "because of" is an impact modifier's)."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or not 0 < c.weight < cfg.threat_floor or c.cue.category not in ENACTABLE:
            continue
        j = c.item.raw - 1
        while j > 0 and tokens[j] in _CREDIT_BETWEEN:
            j -= 1
        if j >= 1 and (tokens[j - 1], tokens[j]) in _CREDITS:
            _acted_on(c, cfg, f"credited({tokens[j - 1]} {tokens[j]})")


# what may stand between an exception and the side it names ("but not for China", "except on China")
_EXCEPTED_PREPS = frozenset({"for", "on", "to", "from", "the", "of", "in"})


def excepted(view: SentenceView, cfg: Config) -> None:
    """A side named after an exception is left out of the step before it: relief for "all countries except
    China" is none for China, whose measures stay (weighed as relief denied, ``negation_cooperation``:
    "no tariff exception for China"), and a measure on "all imports other than those from China" spares it
    (weight 0). The step must not name that side itself before the exception ("sanctions Chinese firms except
    Huawei" still sanctions Chinese firms). A side named right before a ``left_out`` modifier ("left out of",
    "excluded from") is left out of the step right after it (``_left_out``: "China left out of tariff pause")."""
    sides = view.tables.sides if view.tables is not None else frozenset()
    for mod in _mods(view, "exception", "left_out"):
        if mod.entry.type == "left_out":
            _left_out(view, mod, sides, cfg)
            continue
        j = after_raw(view, mod)
        while j < len(view.tokens) and view.tokens[j] in _EXCEPTED_PREPS:
            j += 1
        _, name = past_names(view, j)
        if name is None:
            continue
        code = name.entry.actor
        if code not in sides:
            continue
        step = None
        for c in view.cues:
            if c.dropped or c.weight == 0 or c.item.raw >= mod.raw or mod.tok - c.item.tok_end > 15:
                continue
            step = c
        if step is None or ";" in view.folded[step.item.match.end:mod.match.start] or any(
                a.entry.actor == code and step.item.raw <= a.raw < mod.raw for a in view.actors):
            continue
        _except(step, mod, code, cfg)


def _except(step: CueState, mod: Item, code: str, cfg: Config) -> None:
    """Leave the side ``code`` out of ``step``: relief denied to it (weighed as ``negation_cooperation``), or a
    measure that spares it (weight 0)."""
    if step.weight < 0:
        step.weight *= cfg.negation_cooperation
        step.rules.append(f"excepted({mod.entry.phrase} {code}) x{_fmt(cfg.negation_cooperation)}")
    else:
        step.weight = 0.0
        step.rules.append(f"excepted({mod.entry.phrase}) -> 0")
    step.polarity = True



def _left_out(view: SentenceView, mod: Item, sides: frozenset[str], cfg: Config) -> None:
    """A side named right before "left out of" (or with "is" between) gets none of the step right after it:
    "China left out of tariff pause" is relief denied to China."""
    before = [a for a in view.actors if a.match.kind == "actor" and a.raw < mod.raw
              and mod.raw - after_raw(view, a) <= 1 and a.entry.actor in sides]
    if not before:
        return
    step = next((c for c in view.cues if not c.dropped and c.weight != 0 and c.item.clause == mod.clause
                 and 0 <= c.item.raw - after_raw(view, mod) <= 3), None)
    if step is not None:
        _except(step, mod, before[-1].entry.actor, cfg)


# ---------------------------------------------------------------------------------------------------------
# 3. modality


def _governing(view: SentenceView, c: CueState, types: tuple[str, ...], window: int, past_topics: bool = False,
               past_compound: bool = False) -> list[Item]:
    """Modifiers of ``types`` before ``c`` in its clause, within ``window``, with no other live cue between
    them ("vowed to retaliate after Washington slapped tariffs": the vow governs "retaliate" only); with
    ``past_topics``, a topic word is no such cue (a demand: "urges U.S. to stop trade bullying", where
    "trade" only names what the bullying is about); with ``past_compound``, only a topic word right before
    ``c`` is none, the first word of a compound that a cue matched across other words split ("will hold trade
    talks tonight with", where "talk with" matched "talks tonight with")."""
    out = []
    for m in view.mods:
        if m.entry.type not in types or m.clause != c.item.clause or not 0 < c.item.tok - m.tok_end <= window:
            continue
        if any(o is not c and not o.dropped and not (o.cue.category == "topic" and (
                past_topics or past_compound and after_raw(view, o.item) == c.item.raw))
               and m.tok_end < o.item.tok < c.item.tok for o in view.cues):
            continue
        out.append(m)
    return out


ENACTABLE = MEASURES | {"tariff_imposed", "tariff_threat", "retaliation"}
# the verbs of a way around a measure ("to avoid tariffs"), which leave it standing, and the weight of a
# measure so felt (a mild escalation: in force, and biting)
_EVADING = frozenset({"avoid", "dodge", "evade", "skirt", "circumvent"})  # (reversers, easers in modifiers.tsv)
EVADED_MEASURE = 2.0


def _cooperating(view: SentenceView) -> bool:
    """Whether the sentence holds a step of cooperation (a deal, truce, talks, a purchase): what it does "to
    avoid tariffs" averts them."""
    return any(not c.dropped and c.weight < 0 and c.cue.category in COOPERATION for c in view.cues)


# enacting verbs that, said of a deadline, put it off (weighed as the "delay" reverser turns a step around:
# RuleTables.delay_factor)
EXTENDERS = frozenset({"extend", "extension of"})


_CONDITIONS = frozenset({"if", "unless"})


# the words before a measure that put its taking effect later ("before the duties take effect"), and the words
# after its verb that make it a condition's outcome ("will kick in otherwise")
_NOT_YET = frozenset({"before", "until", "till", "ahead"})
_OTHERWISE = frozenset({"otherwise", "else"})


# enacting verbs that, said of a measure before them, may tell whom it strikes ("tariffs hit consumers"), and
# those it may be felt by: people, firms and the figures of an economy (not goods: "tariffs will hit Chinese goods"
# are imposed on them)
_STRIKING = frozenset({"hit"})
_FELT = frozenset({"consumers", "consumer", "shoppers", "buyers", "farmers", "growers", "workers", "jobs", "prices",
                   "profits", "profit", "earnings", "margins", "sales", "revenue", "economy", "growth", "demand",
                   "households", "families", "americans", "exporters", "importers", "retailers", "companies", "firms",
                   "businesses", "manufacturers", "industry", "markets", "stocks", "investors"})


def _felt_by(view: SentenceView, m: Item) -> bool:
    """Whether the word after verb ``m`` (past articles, possessives and names, and one word more: "iPhone
    prices") names who or what feels a measure ("will not hit U.S. farmers hard", "unlikely to hit
    consumers")."""
    tokens = view.tokens
    names = name_tokens(view)
    start = after_raw(view, m)
    j = start
    while j < min(start + 3, len(tokens)) and (tokens[j] in DETERMINERS or j in names):
        j += 1
    return any(tokens[k] in _FELT for k in range(j, min(j + 2, len(tokens))))


def enactment(view: SentenceView, cfg: Config) -> None:
    """An enacting verb makes a measure an act of full weight, whatever lies between them.

    "slapped 25% tariffs on Chinese goods", "raised duties to 25%", "tariffs were imposed": the bare
    measure word is weak on its own (a mention of tariffs in place); the verb says it was just done. An
    impact word does the same for a measure that bites ("tariffs will cost GM $1 billion", "farmers hit by
    tariffs"): a measure felt is in force, not a passing mention. The modifier's value is the weight the
    measure gets.
    """
    negators = _mods(view, "negator")
    for m in _mods(view, "enact", "impact"):
        if (m.entry.type == "enact" and m.raw > 0 and view.tokens[m.raw - 1] in _MARKET_SUBJECTS
                and view.tokens[max(0, m.raw - 2)] not in _MEASURE_OBJECT_PREPS):
            # a market's move enacts nothing: "stocks climb after ... the tariff standoff", "shares jump" (but
            # "tariffs on oil rise" are the tariffs)
            continue
        target = _nearest_after(view, m.tok_end, m.clause, 4, live_only=True)
        if (target is not None and target.weight < 0 and m.entry.type == "impact"
                and m.entry.phrase in _MARKET_FEELINGS and target.cue.category in COOPERATION
                and not any(r.entry.type in _TURNERS and m.raw < r.raw <= target.item.raw for r in view.mods)
                and _awaited_by_market(view, m, target, cfg)):
            # a market nervous about talks or a deal waits for them, as one that awaits them: "investors on edge
            # over trade talks" (not talks turned by a word of their own, for the turn is what unnerves: "fret
            # over stalled negotiations")
            continue
        if target is None and m.entry.type == "enact":
            target = _with_measure(view, m, cfg.threat_window)
        before = target is None or target.weight <= 0
        if before:
            # after the measure: "tariffs were imposed", "tariffs on $200bn of goods will rise to 25%"
            target = _nearest_before(view, m.tok, m.clause, 6)
            if target is None and m.entry.type == "enact":
                # a measure named with the goods it covers, a long list ("15% tariff on Chinese-made Apple Watch,
                # AirPods and smart speakers takes effect"): the list adds no distance
                far = _nearest_before(view, m.tok, m.clause, 14, raw=m.raw)
                if far is not None and view.tokens[after_raw(view, far.item):after_raw(view, far.item) + 1] in (
                        ["on"], ["against"]) and not any(far.item.raw < o.item.raw < m.raw for o in view.cues) \
                        and char_before(view.folded, m.match.start) != ",":
                    target = far
            if target is None and any(n.clause == m.clause and n.entry.phrase in _CHOICES and 0 <= m.tok - n.tok_end <= 1
                                      for n in negators):
                # a rise set aside is the measure's, as far back as its clause goes: "tariffs on $200 billion
                # will stay at 10% rather than going up to 25%"
                target = _nearest_before(view, m.tok, m.clause, 14)
            if target is not None and not _CONDITIONS.isdisjoint(view.tokens[target.item.raw:m.raw]):
                continue  # a condition's verb enacts no measure before it: "threatens tariffs if Beijing does not approve"
            if target is not None and (not _NOT_YET.isdisjoint(view.tokens[max(target.item.raw - 3, 0):target.item.raw])
                                       or not _OTHERWISE.isdisjoint(view.tokens[m.raw + 1:m.raw + 3])):
                # a measure that is to take effect later, "before the duties take effect", "until the ban kicks
                # in", or only if talks fail, "tariffs will kick in otherwise", is not in force
                continue
        if target is None or target.weight <= 0:
            continue
        if m.entry.phrase in EXTENDERS and target.cue.phrase.endswith("deadline") and not target.polarity \
                and view.tables is not None and view.tables.delay_factor is not None:
            # "extends the China trade deadline", "to extend tariff deadline": a deadline put off delays what
            # was to come at it, as "pushes back" does; it enacts nothing
            refusal = next((n for n in view.mods if n.entry.type in ("negator", "reverser") and n.clause == m.clause
                            and 0 <= m.tok - n.tok_end <= 2), None)
            if refusal is not None:
                # "will not extend the tariff deadline", "no extension of the deadline", "rules out extending
                # it": the deadline stands, and the refusal is spent on the extension
                target.polarity = True
                target.rules.append(f"extension refused({refusal.entry.phrase} {m.entry.phrase}) x1")
                view.mods[:] = [x for x in view.mods if x is not refusal]
                continue
            factor = view.tables.delay_factor
            target.weight *= factor
            target.polarity = True
            target.rules.append(f"delayed({m.entry.phrase}) x{_fmt(factor)}")
            continue
        if target.cue.category not in ENACTABLE:
            continue
        how = "enacted" if m.entry.type == "enact" else "impact"
        if before and m.entry.phrase in _STRIKING and _felt_by(view, m):
            how = "impact"  # "tariffs will hit consumers": felt by them, as an impact word says
        # a negator between the measure and its verb ("have not yet been imposed"); one before the measure
        # or a measure after an enacting verb is the negation rule's ("no tariffs were imposed", "did not slap
        # tariffs")
        if before:
            neg = next((n for n in negators if n.clause == m.clause and target.item.tok_end < n.tok
                        and 0 <= m.tok - n.tok_end <= 3), None)
        elif how == "impact":
            # a negator just before the impact word denies the impact, not the measure after it: "farmers will
            # not be hurt by China tariffs", "isn't concerned about the tariffs"
            neg = next((n for n in negators if n.clause == m.clause and 0 <= m.tok - n.tok_end <= 2), None)
        else:
            neg = None
        if neg is not None and how == "impact":
            # "trade war tariffs haven't impacted pricing": the measure is in force, it has not bitten; it
            # stays a mention, and the negator is spent on the impact
            target.polarity = True
            target.rules.append(f"impact({m.entry.phrase}) negated({neg.entry.phrase})")
            continue
        if neg is not None:
            # "tariffs on Chinese goods did not go into effect", "were not imposed": the measure was not
            # taken, which reads as "did not impose tariffs" does
            value = m.entry.value * cfg.negation_escalation * neg.entry.value
            target.rules.append(f"{how}({m.entry.phrase}) negated({neg.entry.phrase}) {_fmt(target.weight)} -> "
                                f"{_fmt(value)}")
            target.weight = value
            target.mode = "act"
            target.polarity = True
            continue
        if target.weight >= m.entry.value:
            continue
        if target.mode == "threat":  # "a threat to put tariffs on": the act is what is threatened
            value = max(target.weight, m.entry.value * cfg.threat_verb_factor)
            target.rules.append(f"{how}({m.entry.phrase}), threatened {_fmt(target.weight)} -> {_fmt(value)}")
            target.weight = value
            continue
        target.rules.append(f"{how}({m.entry.phrase}) {_fmt(target.weight)} -> {_fmt(m.entry.value)}")
        target.weight = m.entry.value
        target.mode = "act"


def _with_measure(view: SentenceView, m: Item, window: int) -> CueState | None:
    """The measure a verb takes "with", past its object: "will hit $300 billion worth of Chinese goods with
    a 10% tariff", "slapped Beijing's tech giants with sanctions"."""
    tokens = view.tokens
    for c in sorted(view.cues, key=lambda x: x.item.raw):
        if c.dropped or c.polarity or c.item.clause != m.clause or c.cue.category not in ENACTABLE:
            continue
        if not 0 < c.item.tok - m.tok_end <= window or c.item.raw <= m.raw:
            continue
        j = c.item.raw - 1
        while j > m.raw and (tokens[j] in ZERO_WIDTH or tokens[j] < ":"):
            j -= 1  # past "a", "10", "percent"
        if tokens[j] == "with" and BARRIERS.isdisjoint(tokens[m.raw:c.item.raw]):
            return c
    return None


_RELATIVE_SUBJECTS = frozenset({"we", "they", "i", "you", "he", "she", "it", "that", "which", "who"})
# a decision pending holds a measure over the other side ("to decide on $300 billion China tariffs"); of anything
# else it names what is to be decided ("China must decide on trade talks" stays the demand it is)
_DECIDING = frozenset({"decide on", "decide whether to"})


def modality(view: SentenceView, cfg: Config) -> None:
    """Threat verbs and modals make escalation a threat; modals and hedges soften cooperation.

    "threatened to impose tariffs" -> threat; a threat verb lifts a weak measure to ``threat_floor``
    ("threatens to hit imports with tariffs"), and so does a modal ("weighs tariffs on $300 billion
    more"); "may meet" -> x0.6; "reportedly" -> x0.8. Only the nearest modal counts ("may possibly" is one
    hedge, not two).
    """
    for c in view.cues:
        if c.dropped or c.undone:
            continue  # (a promise broken is no possibility: "said they would buy ..., but never did")
        j = after_raw(view, c.item)
        if j < len(view.tokens) and view.tokens[j] in _RELATIVE_SUBJECTS and view.tokens[j + 1:j + 3] in _COUNTERFACTUAL:
            # (a relative clause of its own, not the cue as a subject: "Rocket Man should have been handled")
            j += 1
            # "than any deal we could have made": what might have been made was not
            c.rules.append(f"counterfactual({' '.join(view.tokens[j:j + 2])}) -> 0")
            c.weight = 0.0
            continue
        mods = _governing(view, c, ("modal",), cfg.modal_window) + _governing(view, c, ("threat",), cfg.threat_window)
        # (a modal of the past governs the verb after it, not a cue that verb would have turned: in "China
        # could have stopped the plague" the plague is real, the stopping is what did not happen)
        mods = [m for m in mods if not (m.entry.phrase.endswith(" have") and any(
            r.entry.type in _TURNERS and m.raw < r.raw < c.item.raw for r in view.mods))
                and not (m.entry.phrase in _EYEING and m.raw > 0 and view.tokens[m.raw - 1] in _EYE_NOUN)
                and not (m.entry.phrase in _DECIDING and c.cue.category not in ENACTABLE)]
        if mods:
            m = max(mods, key=lambda x: x.tok)
            v = m.entry.value
            if m.entry.phrase in _EYEING and c.weight != 0 and _awaited_by_market(view, m, c, cfg):
                continue  # a market that eyes a step waits for it, as one that awaits it: "investors eye trade talks"
            if m.entry.type == "threat" and c.weight >= 0 and c.cue.category != "topic":
                # (a topic word names what the vow is about, no measure vowed: "vows to boost trade")
                c.weight = max(c.weight, cfg.threat_floor) * v
                c.mode = "threat"
                c.rules.append(f"threat({m.entry.phrase}) x{_fmt(v)}")
            elif c.weight > 0:
                if c.cue.category in ENACTABLE and not c.polarity:
                    # "weighs tariffs on $300 billion more": a measure in the making is news (one whose impact
                    # was denied stays a mention: "farmers will not be hurt by the tariffs")
                    _acted_on(c, cfg)
                c.weight *= v
                if c.mode == "act":
                    c.mode = "threat"
                c.rules.append(f"modal({m.entry.phrase}) x{_fmt(v)} -> threat")
            elif c.weight < 0:
                f = max(v, cfg.hedge_factor)
                c.weight *= f
                c.rules.append(f"modal({m.entry.phrase}) x{_fmt(f)}")
        # (a topic word left before a cue matched across other words is the first word of its compound: "will
        # hold trade talks tonight with", matched as "talk with")
        spread = c.item.tok_end - c.item.tok + 1 > c.cue.phrase.count(" ") + 1
        hedges = _governing(view, c, ("hedge",), cfg.modal_window, past_compound=spread)
        if not hedges and any(m.entry.type == "hedge" and _undecided(m) for m in view.mods):
            # a step left undecided is the whole step, its compound too: "no decision on whether to push back
            # China trade deadline" (the topic word opens the compound; a hedge of waiting stays with the
            # nearest word: "awaits Washington's reply to its trade offer")
            hedges = [h for h in _governing(view, c, ("hedge",), cfg.modal_window, past_compound=True)
                      if _undecided(h)]
        for h in hedges[-1:]:
            if h.entry.phrase.startswith("to ") and h.raw > 0 and view.tokens[h.raw - 1] in _WILLING:
                continue  # "willing to hold talks" offers them (the willingness rules weigh it), no date is set
            if h.entry.phrase in _AWAITING and _awaited_by_market(view, h, c, cfg):
                # a market waiting for a step: "investors await U.S.-China trade deal", "traders await the
                # outcome of the talks"
                continue
            if h.entry.phrase == "hope for" and _turned_measure(c) and _bystander_plea(view, h):
                # relief a firm or a third country hopes for is pleaded for, as relief it seeks is: "ABB hopes for
                # U.S. concessions on tariffs" (no relief given, the measure still in force)
                _plead(c, h.entry.phrase)
                continue
            c.weight *= h.entry.value
            c.rules.append(f"hedge({h.entry.phrase}) x{_fmt(h.entry.value)}")


def _undecided(m: Item) -> bool:
    """Whether hedge ``m`` leaves a step undecided ("undecided on whether", "no decision on whether")."""
    return m.entry.phrase.endswith(" whether")


def _awaited_by_market(view: SentenceView, m: Item, c: CueState, cfg: Config) -> bool:
    """Whether the subject of ``m`` (a word of waiting: "await", "eye", "on edge over") is a market, within
    three words before it; if so, step ``c`` is weighed as what the market waits for: the market is the news,
    the step a guide to it (``explainer_factor``)."""
    if _MARKET_SUBJECTS.isdisjoint(view.tokens[max(0, m.raw - 3):m.raw]):
        return False
    c.weight *= cfg.explainer_factor
    c.rules.append(f"awaited by a market({m.entry.phrase}) x{_fmt(cfg.explainer_factor)}")
    return True


_AWAITING = frozenset({"await", "wait for"})  # the hedges by which someone waits for a step
_EYEING = frozenset({"eye", "eyes"})  # the modals by which a market watches a step
# the impact words of a market's nerves, which about talks or a deal are a wait for them
_MARKET_FEELINGS = frozenset({"worried over", "concerned over", "anxious over", "nervous over", "fret over",
                              "on edge over", "nervous ahead of", "jittery ahead of", "cautious ahead of"})
# the words before "eye" as a noun, which makes no modal: "has a 'close eye' on tariffs", "all eyes on"
_EYE_NOUN = ARTICLES | POSSESSIVE_DETERMINERS | {"close", "keen", "watchful", "wary", "careful", "sharp", "all",
                                                 "with", "one"}


# what one side can be told it must do: cooperate, or give up its weapons ("it must denuclearize")
DEMANDABLE = COOPERATION | {"denuclearization"}


_ASKED_PRONOUNS = frozenset({"him", "them"})  # the one asked to disarm, named before


def _disarmer_named(view: SentenceView, c: CueState) -> bool:
    """Whether a name in the possessive owns the disarmament cue ``c``, at most two words between ("North
    Korea's complete denuclearization", "Pyongyang's full and verifiable denuclearization")."""
    return any(c.item.raw - 3 <= after_raw(view, a) <= c.item.raw and after_raw(view, a) >= 1
               and possessive(view.tokens[after_raw(view, a) - 1]) for a in view.actors)


def possessive(token: str) -> bool:
    """Whether a token ends a possessive ("china's", or the "s" split from a curly apostrophe)."""
    return token == "s" or token.endswith("'s")


def obligation(view: SentenceView, cfg: Config) -> None:
    """A side urging the other with no step named is a demand (_urged_without_step); an obligation in front
    of cooperation is a demand: "we have to have a fair deal", "North Korea must
    denuclearize" -> mild escalation (not a warm word after "should be": "should be a good meeting" expects it);
    so is one in front of a measure turned around: "China must lift its export controls", "has been given
    until November 10 to remove" them, and so is a side's request for that ("Beijing asks Washington to
    scrap the tariffs": the measure is still in force; "calls for talks" stays a call for talks). The same
    request from no side, firms, growers or a third country, is their plea: the measure named, no step
    ("US farmers call for an end to the tariffs", _bystander_plea). A call to end the conflict itself
    ("urges a resolution to the trade war") is not a demand."""
    _urged_without_step(view, cfg)
    for c in view.cues:
        if c.dropped or c.weight >= 0:
            continue
        # (a call to end the conflict itself, "urges a resolution to the trade war", stays a call for peace)
        # (a relief cue is a measure turned around in one phrase: "Beijing demands U.S. lift tariffs")
        turned_measure = _turned_measure(c)
        if not turned_measure and (c.polarity or c.cue.category not in DEMANDABLE):
            continue
        mods = [m for m in _governing(view, c, ("obligation",), cfg.modal_window, past_topics=True)
                if not _means_between(view, m, c) and not (m.raw == 0 and m.entry.phrase in _INVERTED)
                and _TIME_CLAUSE.isdisjoint(view.tokens[m.raw + 1:c.item.raw])]
        # (a step in a clause of time after the obligation only dates what is obliged: "sales should pick up
        # when the U.S. and China strike a trade deal" demands no deal)
        # (a sentence that opens with "Should" puts a condition or asks: "Should China choose to help with North
        # Korea, that would be wonderful", "Should we make a deal?" demand nothing)
        if not mods and turned_measure:  # "farmers call for an end to the tariffs": the tariffs still bite
            # (not a request for something about it: "U.S. seeks comments on tariff cuts" asks for comments)
            mods = [m for m in _governing(view, c, ("request",), cfg.modal_window, past_topics=True)
                    if SUBJECT_PREPS.isdisjoint(view.tokens[m.raw + 1:c.item.raw]) and not _negated_verb(view, m)
                    # ("told President Xi that we will lift the ban": what is told after "that" is reported
                    # news, no request; so is what is told or asked with no "to" after the one told, "Xi told
                    # Trump China will cut tariffs", "asked whether China would cut tariffs")
                    and "that" not in view.tokens[m.raw + 1:c.item.raw]
                    and (m.entry.phrase not in _TOLD_TO
                         or not _TOLD_TO[m.entry.phrase].isdisjoint(view.tokens[m.raw + 1:c.item.raw]))]
        if not mods and not turned_measure and c.cue.category == "denuclearization" and c.item.raw > 0 \
                and view.tokens[c.item.raw - 1] == "to":
            # disarmament asked of someone named: "we want North Korea to denuclearize", "told Kim to give up
            # his nukes" demand it, as "urges North Korea to denuclearize" does (not a wish for trade: "I want
            # China to buy our jet engines" hopes for purchases)
            # (or by a pronoun for one named before: "Said he wants them to denuclearize")
            mods = [m for m in _governing(view, c, ("request",), cfg.modal_window, past_topics=True)
                    if (any(m.raw < a.raw < c.item.raw for a in view.actors)
                        or not _ASKED_PRONOUNS.isdisjoint(view.tokens[m.raw + 1:c.item.raw]))
                    and not _negated_verb(view, m)]
        disarmer = False
        if not mods and not turned_measure and c.cue.category == "denuclearization" and _disarmer_named(view, c):
            # or with the one to disarm named as its owner: "reaffirm push for North Korea's complete
            # denuclearization", "seek Pyongyang's denuclearization" (asked of that one, whoever asks together)
            mods = [m for m in _governing(view, c, ("request",), cfg.modal_window, past_topics=True)
                    if not _negated_verb(view, m)]
            disarmer = bool(mods)
        if not mods and not turned_measure and c.item.raw > 0 and view.tokens[c.item.raw - 1] == "to":
            # cooperation one side tells the other to give, the one told named between: "China tells U.S. to
            # respect its sovereignty", "Trump tells Xi to make a deal" demand it, as "urges ... to" does
            mods = [m for m in _governing(view, c, ("request",), cfg.modal_window, past_topics=True)
                    if m.entry.phrase == "tell" and any(m.raw < a.raw < c.item.raw for a in view.actors)
                    and "that" not in view.tokens[m.raw + 1:c.item.raw] and not _negated_verb(view, m)]
        if not mods and not turned_measure and c.cue.category in _TERMED and not c.polarity:
            # a deal or talks whose terms are laid down after it, its subject: "any trade deal with China must be
            # on our terms", "a deal would need to be tilted in U.S. favor", "the deal has to be right", "trade
            # talks must cover currency"
            mods = _terms_laid_down(view, c)
        if mods and not turned_measure and c.cue.category == "praise" and mods[-1].entry.phrase == "should" \
                and view.tokens[after_raw(view, mods[-1]):after_raw(view, mods[-1]) + 1] == ["be"]:
            continue  # "should be a good meeting": a warm word expected ("there has to be good faith" demands it)
        if mods and not turned_measure and (
                mods[-1].entry.phrase in CALL_VERBS and _direct_object(view, mods[-1], c)
                or _conflict_to_settle(view, mods[-1], c)
                or c.cue.phrase in _MUTUAL_STEPS and mods[-1].entry.phrase in _CALLS_FOR
                and view.tokens[c.item.raw - 1] != "to"):
            # "China urges dialogue for stable ties", "Xi urges cooperation with U.S.": urged with no one
            # named to do it, cooperation is called for, a hope for it (not "urges U.S. to resume talks", a
            # step asked of the other side); so is the conflict itself to be settled, which asks nothing of
            # the other side: "differences with the U.S. should be settled through dialogue"
            c.weight *= cfg.hedge_factor
            c.mode = "statement"
            c.rules.append(f"called for({mods[-1].entry.phrase}) x{_fmt(cfg.hedge_factor)}")
            continue
        if mods and not turned_measure and not disarmer and _joint_call(view, mods[-1], c):
            # "urges Trump, China's Xi to meet on trade", "called on both sides to resume talks": a call on
            # the two of them together to cooperate is a call for peace, not a demand of one on the other
            # (told together to drop a measure, "China & E.U. told to drop their tariffs", both are pressed)
            c.weight *= cfg.hedge_factor  # a call for a step, not the step: words, weighed as a hope
            c.mode = "statement"
            c.rules.append(f"joint call({mods[-1].entry.phrase}) x{_fmt(cfg.hedge_factor)}")
            continue
        if mods and not turned_measure and mods[-1].entry.phrase in _MODAL_OBLIGATIONS and _self_obliged(view, mods[-1]):
            # "China's Xi: Should strengthen communication with U.S.", "China should work with the U.S., Wang Yi
            # says": a side's own resolve to cooperate, no demand on the other
            c.weight *= cfg.hedge_factor
            c.mode = "statement"
            c.rules.append(f"own resolve({mods[-1].entry.phrase}) x{_fmt(cfg.hedge_factor)}")
            continue
        if mods and not turned_measure and mods[-1].entry.phrase in _MODAL_OBLIGATIONS and _advised(view, mods[-1], c):
            # "Cramer: Trump has to play nice with China", "the U.S. must talk to North Korea, analysts say": a
            # bystander's advice that a side cooperate is a call for it, no demand of one side on the other
            c.weight *= cfg.hedge_factor
            c.mode = "statement"
            c.rules.append(f"advice({mods[-1].entry.phrase}) x{_fmt(cfg.hedge_factor)}")
            continue
        if mods and turned_measure and _bystander_plea(view, mods[-1]):
            # firms, trade groups or a third country asking for relief from a measure are no side demanding
            # it, and the relief is not granted: the measure is named, with no step ("Tesla urges tariff
            # exemption for Chinese-made car parts", "U.S. business groups urge Trump to postpone the tariff hike")
            _plead(c, mods[-1].entry.phrase)
            continue
        if mods:
            c.rules.append(f"obligation({mods[-1].entry.phrase}) -> demand {_fmt(cfg.demand_weight)}")
            c.weight = cfg.demand_weight
            c.mode = "statement"
            c.anchor = mods[-1].raw  # the one who demands stands before "urged", "must" (a raw token index)
            content = _complement(view, c) if c.cue.category in AGREEING else None
            if content is not None and content.weight < 0 and not content.polarity:
                # "must live up to the Singapore agreement": what is to be kept is the demand's content, no
                # agreement reached
                content.weight = 0.0
                content.rules.append(f"content of demand({c.cue.phrase}) -> 0")


_TERMS_AUXILIARIES = frozenset({"would", "will"})  # what may stand between a deal and the obligation after it


_TERMED = frozenset({"deal", "talks"})  # steps whose terms may be laid down after them
# the verbs of what a deal or talks must take in ("must include enforcement", "talks must cover currency")
_AGENDA_VERBS = frozenset({"include", "cover", "address", "tackle", "contain"})


def _terms_laid_down(view: SentenceView, c: CueState) -> list[Item]:
    """The obligation right after deal or talks ``c`` that lays down what they must be or take in ("must be
    on our terms", "would need to be tilted", "any deal with China has to be fair", "must include
    enforcement", "talks must cover currency"), as a one-item list; else empty. The partner ("with China") and
    a "would" or "will" may stand between them. Not "should", which may only expect the deal ("the deal should
    be signed soon")."""
    start = after_raw(view, c.item)
    if view.tokens[start:start + 1] == ["with"]:  # the partner named: "with China", "with the United States"
        partner = next((a for a in view.actors if start < a.raw <= start + 2), None)
        if partner is not None:
            start = after_raw(view, partner)
    for m in view.mods:
        if (m.entry.type == "obligation" and m.entry.phrase != "should" and m.clause == c.item.clause
                and start <= m.raw <= start + 1 and _TERMS_AUXILIARIES.issuperset(view.tokens[start:m.raw])):
            nxt = view.tokens[after_raw(view, m):after_raw(view, m) + 1]
            # (what a deal must be; talks that "must be held" are called for, no terms)
            if nxt and (nxt[0] in _AGENDA_VERBS or nxt[0] == "be" and c.cue.category == "deal"):
                return [m]
        if (m.entry.type == "negator" and m.entry.phrase in _CANNOT and c.cue.category == "deal"
                and m.raw == start and m.clause == c.item.clause):
            # what a deal cannot be lays its terms down too: "a deal can't be 50-50", "cannot be one-sided" (not
            # what cannot be done with it: "a deal cannot be reached", "can't be signed this week")
            nxt = view.tokens[after_raw(view, m):after_raw(view, m) + 2]
            if len(nxt) == 2 and nxt[0] == "be" and not nxt[1].endswith("ed") and nxt[1] not in _DONE_WORDS:
                return [m]
    return []


_CANNOT = frozenset({"cannot", "can't"})
_DONE_WORDS = frozenset({"done", "made", "struck", "found", "met", "held", "won", "undone", "ruled"})


# the names in a hit's trail of the rules that leave a cue at 0 and its dyad relevant all the same
# (CueState.in_place): a measure named in a plea, a mood a market sets aside, a measure named as standing
PLEA = "plea of no side"
SET_ASIDE = "set aside by a market"
NAMED_STANDING = "named as standing"  # a measure its target firm makes light of, or said to have little effect
# the verbs of a plea whose subject is the one who pleads (not "told to", "given until", "under pressure to",
# whose subject is the one pressed, nor "must", "should", said of the one to act)
_PLEA_VERBS = frozenset({"urge", "ask", "ask for", "call for", "call on", "seek", "lobby for", "plead for", "push for",
                         "appeal for", "press for", "presses", "want", "need", "hope for", "requests", "requested",
                         "requesting", "demand", "insist on", "fight for", "apply for"})


def set_in_place(c: CueState, why: str) -> None:
    """Set cue ``c`` to 0 and keep it as the news it names (``in_place``: its dyad is relevant all the same),
    with ``why`` in its trail."""
    c.weight = 0.0
    c.in_place = True
    c.rules.append(f"{why} -> 0")


def _plead(c: CueState, verb: str) -> None:
    """Read measure ``c`` as named in a plea of no side: no step, and in force (named in news of its dyad all
    the same: ``in_place``)."""
    set_in_place(c, f"{PLEA}({verb})")
    c.mode = "statement"
    c.standing = True


# the verbs by which one side lays a demand on the other it names right after them ("urges the U.S. to",
# "called on Beijing to", "demands China")
_URGING = frozenset({"urge", "demand", "call on", "called on"})


def _urged_without_step(view: SentenceView, cfg: Config) -> None:
    """A side that urges the other, named right after the verb, with no step of weight in the sentence, lays a
    demand on it all the same: "China urges U.S. against taking trade relations to a dangerous place", "urges
    U.S. to show sincerity in trade actions". The demand is carried by the first topic word after the verb
    (what it is about), weighed as one. Not a call made by a firm or a third country ("Ford urges U.S., China
    to resolve trade issues"), nor one laid on two parties at once, nor a sentence with a step of its own (the
    obligation rule reads that)."""
    if view.tables is None or any(not c.dropped and c.weight != 0 for c in view.cues):
        return
    sides = view.tables.sides
    for m in view.mods:
        if m.entry.type != "obligation" or m.entry.phrase not in _URGING or _negated_verb(view, m):
            continue
        j = after_raw(view, m)
        j += view.tokens[j:j + 1] == ["the"]
        urged = next((a for a in view.actors if a.raw == j), None)
        if urged is None or urged.match.entry.actor not in sides or urged.match.entry.kind == "firm":
            continue
        # (one party urged: no other name within the next few words, "urges U.S., China to")
        if any(j < a.raw <= j + 3 and a.match.entry.actor != urged.match.entry.actor for a in view.actors):
            continue
        urger = [a for a in view.actors if a.clause == m.clause and a.raw < m.raw]
        if not urger or _bystander_plea(view, m) or any(a.match.entry.actor == urged.match.entry.actor for a in urger):
            continue
        topic = next((c for c in view.cues if not c.dropped and c.cue.category == "topic" and c.item.raw > j
                      and c.item.clause == m.clause), None)
        if topic is None:
            continue
        topic.weight = cfg.demand_weight
        topic.mode = "statement"
        topic.anchor = m.raw  # (the one who urges stands before the verb)
        topic.rules.append(f"urged({m.entry.phrase}) -> demand {_fmt(cfg.demand_weight)}")
        return


def _turned_measure(c: CueState) -> bool:
    """Whether cue ``c`` is a measure turned around (relief: "an end to the tariffs", "tariff relief")."""
    return (c.polarity and c.cue.weight > 0 and c.cue.category not in CONFLICT) or (
        not c.polarity and c.cue.category in RELIEF)


def _bystander_plea(view: SentenceView, m: Item) -> bool:
    """Whether request ``m`` ("urges", "seeks", "calls for") is made by no side of a dyad: a firm or trade group
    (a private party named before it, or a firm of a side's, "ZTE urges"), a third country, or a name the
    lexicon does not know with no side named before it ("Tesla urges", "Apple asks U.S. to waive tariffs"). Not a
    side's government or people ("Beijing urges", "China's commerce ministry urges"), the speaker ("I have
    asked China to remove"), nor an unnamed one ("They urge")."""
    if view.tables is None or m.entry.phrase not in _PLEA_VERBS:
        return False
    return _no_side_subject(view, m.raw, m.clause, m.match.start)


# a measure said to have no or little effect ("U.S. sanctions have no immediate impact", "the ban will have
# limited impact"): the words between the measure and the effect, and the effect words
_EFFECT_AUX = frozenset({"have", "has", "had", "will", "would", "to", "so", "far", "yet"})
_SMALL = frozenset({"no", "little", "limited", "minimal", "negligible", "marginal"})
_EFFECT_KINDS = frozenset({"immediate", "major", "significant", "material", "real", "big", "short-term", "direct"})
_EFFECTS = frozenset({"impact", "effect", "effects"})


def small_effect(view: SentenceView, cfg: Config) -> None:
    """A measure said to have no or little effect is named as standing and weighed by its effect, no step:
    "Huawei says U.S. sanctions have no immediate impact on operations", "the ban will have limited impact"
    (set to 0 in place, as a market or firm shrugging it off; as the tariffs named beside an impact denied)."""
    tokens = view.tokens
    if _EFFECTS.isdisjoint(tokens):
        return
    for c in view.cues:
        if c.dropped or c.weight <= 0 or c.cue.category not in ENACTABLE:
            continue
        j = after_raw(view, c.item)
        while j < len(tokens) and tokens[j] in _EFFECT_AUX:
            j += 1
        if j == after_raw(view, c.item) or j >= len(tokens) or tokens[j] not in _SMALL:
            continue
        j += 2 if j + 1 < len(tokens) and tokens[j + 1] in _EFFECT_KINDS else 1
        if j < len(tokens) and tokens[j] in _EFFECTS:
            set_in_place(c, f"{NAMED_STANDING}({tokens[j - 1]} {tokens[j]})")


_OPPOSING = frozenset(inflections("oppose"))


def private_opposition(view: SentenceView, cfg: Config) -> None:
    """Opposition voiced by no side, firms, trade groups or a third country ("Retailers oppose proposed
    tariffs on apparel", "U.S. business groups oppose Trump's China tariffs"), is their plea about a measure,
    no charge of one side against the other: set to 0 in place (the measure it names counts on its own)."""
    if view.tables is None:
        return
    for c in view.cues:
        if c.dropped or c.cue.category != "criticism" or c.weight <= 0 \
                or view.tokens[c.item.raw] not in _OPPOSING or not _no_side_subject(view, c.item.raw, c.item.clause):
            continue
        _plead(c, view.tokens[c.item.raw])


# the parties of a country's politics at home (also read by scoring: a truce or talks of theirs is no trade one)
HOME_POLITICS = frozenset({"democrats", "republicans", "congress", "pelosi", "schumer"})
# the same with the rivals' short names and former presidents (scoring.py adds the words of party and Congress)
HOME_PEOPLE = HOME_POLITICS | frozenset({"dems", "obama", "biden"})
# a side's own rivals at home and its press, whom a demand may be laid on ("The Democrats should stop ...")
HOME_RIVALS = HOME_PEOPLE | frozenset({"media", "cnn", "msnbc", "nbc", "news", "press", "hillary"})


def demand_at_home(view: SentenceView, cfg: Config) -> None:
    """A demand laid on a side's own rivals at home or on its press is a quarrel at home, no demand of one
    side on the other: "The Democrats should stop talking about what I should do with North Korea", "the Fake
    News Media must stop" (set to 0 in place: the news is still of the dyad), and so is what they are told
    to stop, their own doing ("should stop complaining about my North Korea policy"). Not a demand that they
    stop a side named right after it ("Congress must stop China's theft")."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.category != "demand" or c.weight <= 0 or c.item.raw == 0:
            continue
        subject = tokens[max(0, c.item.raw - 3):c.item.raw]
        if HOME_RIVALS.isdisjoint(subject) or not BARRIERS.isdisjoint(subject) \
                or any(c.item.raw - 3 <= a.raw < c.item.raw and tokens[a.raw] not in HOME_RIVALS for a in view.actors):
            continue
        j = after_raw(view, c.item)
        j += tokens[j:j + 1] == ["the"]
        if any(a.raw == j for a in view.actors):
            continue
        set_in_place(c, "a demand at home")
        for o in view.cues:  # (and what they are told to stop is their own doing: "should stop complaining")
            if o.item.raw == j and not o.dropped and o.weight != 0:
                set_in_place(o, "the doing of rivals at home")


def _no_side_subject(view: SentenceView, raw: int, clause: int, at: int | None = None) -> bool:
    """Whether the subject of the verb at token ``raw`` (at ``at`` in the text, when known) is no side of a
    dyad (see _bystander_plea)."""
    assert view.tables is not None
    before = view.tokens[:raw]
    start = max((i + 1 for i, t in enumerate(before) if t in BARRIERS), default=0)
    subject = before[start:]
    if view.speaker is not None and any(f.clause == clause and f.raw < raw for f in view.first_person):
        return False
    if at is not None and view.speaker is None and view.folded.endswith(", ", 0, at):
        # a verb right after a comma shares the subject that opens its clause: "Apple wants to make computers
        # in U.S., needs tariff relief" is Apple's plea (the U.S. is where it makes them)
        k = start + (before[start:start + 1] == ["the"])
        opener = next((a for a in view.actors if a.raw == k), None)
        if opener is not None:
            return opener.match.entry.actor not in view.tables.sides or opener.match.entry.kind == "firm"
        return k < raw and before[k] not in SUBJECT_PRONOUNS and before[k] != "it"
    names = [a for a in view.actors if a.clause == clause and start <= a.raw < raw]
    if not names:
        return bool(subject) and SUBJECT_PRONOUNS.isdisjoint(subject) and "it" not in subject
    # a side's government or people named anywhere before it may be the subject ("The US State Department
    # said it supports Seoul's efforts and urged Pyongyang to return to talks"); not a side's firms or
    # growers ("American soybean growers call for", "Huawei urges")
    for k, a in enumerate(names):
        end = names[k + 1].raw if k + 1 < len(names) else raw
        if k + 1 < len(names) and names[k + 1].match.entry.kind == "firm" and view.tokens[a.raw].endswith("'s") \
                and after_raw(view, a) == names[k + 1].raw:
            continue  # the firm's country, in the possessive: "China's ZTE seeks" is the firm's plea
        if a.raw > 0 and view.tokens[a.raw - 1] == "in" and not _PRIVATE_PARTIES.isdisjoint(view.tokens[start:a.raw]):
            continue  # where the firms named before it do business: "U.S. companies in China mostly oppose tariffs"
        if a.match.entry.actor in view.tables.sides and a.match.entry.kind != "firm" \
                and _PRIVATE_PARTIES.isdisjoint(view.tokens[a.raw + 1:end]):
            return False
    return True


def pressed_to(view: SentenceView, cfg: Config) -> None:
    """What a side is pressed to do is the pressure's content, no step of its own: in "U.S. presses China to
    resume talks" and "presses Beijing to end forced technology transfer" the demand is the news, and the talks
    or the reform are not (yet) taken. The step must follow the demand cue at once, after its "to"."""
    for p in view.cues:
        if p.dropped or p.cue.category != "demand" or p.weight <= 0:
            continue
        end = after_raw(view, p.item)
        if view.tokens[end:end + 1] != ["to"]:
            continue
        c = next((o for o in view.cues if not o.dropped and o.weight < 0 and o.item.raw == end + 1), None)
        if c is not None:
            c.weight = 0.0
            c.rules.append(f"content of demand({p.cue.phrase}) -> 0")


# the request verbs that ask a step of someone only through the words given: "tells China to cancel its
# tariffs", "asked (only) for partial sanctions relief"
_TOLD_TO = {"tell": frozenset({"to"}), "ask": frozenset({"to", "for"})}


# a share of what follows named before it: "(almost) all aspects of", "key parts of", "much of", "most of"
_PARTITIVE = re.compile(r"(?:(?:almost|nearly|virtually) )?(?:(?:all|most|much|many|some|parts|part|key|core|major|"
                        r"several|large) )*(?:aspects?|parts?|elements?|provisions?|much|most|many|some|all|portions?|"
                        r"pieces?) of ")


# the forms of the verbs (and nouns) that give a side a name, which stand between a verb that turns the name and
# the name: "stops calling China a manipulator", "ends the designation of China as a currency manipulator"
NAMING_FORMS = frozenset({"calling", "labelling", "labeling", "branding", "designating", "naming", "dubbing",
                           "terming", "designation"})


def _naming_reach(view: SentenceView, at: int) -> int:
    """The words a naming verb or noun at token ``at`` adds before the name it gives (itself, and up to its
    "as": "labelling China as a manipulator", "designation of China as"), or 0 when there is none."""
    k = at + 1 if view.tokens[at:at + 1] in (["the"], ["its"], ["their"]) else at  # ("ends its labelling of")
    if k >= len(view.tokens) or view.tokens[k] not in NAMING_FORMS:
        return 0
    return next((j - at for j in range(k + 4, k, -1) if view.tokens[j:j + 1] == ["as"]), k - at + 1)


# the instrument of a step and the relative clause that says what it sought: "revokes Trump orders that sought
# to ban TikTok", "rescinds the rule that would have barred Huawei"; or the work toward a step: "suspends all
# planning for a major joint military exercise" (the instrument or the work turned turns the step)
_INSTRUMENT_CLAUSE = re.compile(
    r"(?:\S+ ){0,2}?(?:executive )?(?:orders?|rules?|polic(?:y|ies)|measures?|directives?|decrees?|memos?|"
    r"regulations?|proclamations?) (?:that|which) (?:had )?(?:sought|seeks?|aimed|aims?|tried|tries|would(?: have)?|"
    r"(?:was|were) meant|(?:was|were) designed) (?:to )?"
    r"|(?:all |the |its |their |further )?(?:planning|preparations?|preparatory work) for (?:the |a |an |its |their )?")


def _instrument_reach(view: SentenceView, at: int) -> int:
    """The words of an instrument and its relative clause starting at token ``at`` ("Trump orders that sought
    to"), or of the work toward a step ("all planning for a"), which stand between a verb that turns the
    instrument or the work and the step, or 0."""
    return _phrase_words(_INSTRUMENT_CLAUSE, view, at, 9)


def _dated(view: SentenceView, at: int) -> int:
    """The number of words of a date inside the noun phrase starting at token ``at`` ("the scheduled March 1
    increase in tariffs": the month and its day add no distance), or 0."""
    tokens = view.tokens[at:at + 5]
    for k in range(len(tokens) - 1):
        if tokens[k] in MONTHS and tokens[k + 1].isdigit():
            return 2
    return 0


_STEPS_TOWARD = re.compile(r"(?:\S+ )?(?:(?:any|meaningful|concrete|real|serious|significant|tangible|further|"
                           r"major|genuine) ){0,2}(?:steps?|moves?|progress) towards? ")


def _steps_toward(view: SentenceView, at: int) -> int:
    """The words of a step toward an aim starting at token ``at`` or one word after it ("taken meaningful steps
    toward denuclearization": the steps are the aim's, denied with it), which add no distance, or 0."""
    return _phrase_words(_STEPS_TOWARD, view, at, 5)


def _partitive(view: SentenceView, at: int) -> int:
    """The number of words of a partitive phrase starting at token ``at`` ("almost all aspects of"), or 0."""
    return _phrase_words(_PARTITIVE, view, at, 6)


def _phrase_words(pattern: re.Pattern[str], view: SentenceView, at: int, reach: int) -> int:
    """The number of words of the phrase ``pattern`` matches at token ``at`` (read over ``reach`` tokens, each
    followed by a space), or 0: the words that add no distance between a verb and the step it governs."""
    m = pattern.match(" ".join(view.tokens[at:at + reach]) + " ")
    return len(m.group().split()) if m else 0


def _conflict_to_settle(view: SentenceView, m: Item, c: CueState) -> bool:
    """Whether cue ``c`` is a passive after obligation ``m`` ("should be settled", "must be resolved") whose
    subject is a conflict named before it in the clause ("differences", "disputes", "the trade war")."""
    if view.tokens[after_raw(view, m):c.item.raw] != ["be"]:
        return False
    return any(not o.dropped and o.cue.category in CONFLICT_NOUNS and o.item.clause == c.item.clause
               and o.item.raw < m.raw for o in view.cues)


# steps both sides take, which a call names as its aim ("Xi calls on Trump for trade compromise"): a call for
# peace, whoever is called on (not the verb: "urges China to compromise" asks China to give ground)
_MUTUAL_STEPS = frozenset({"compromise", "compromises"})
_CALLS_FOR = frozenset({"urge", "call on", "called on", "call for"})
# the words that open a clause of time: a step after one, past an obligation, is when, not what, is obliged
_TIME_CLAUSE = frozenset({"when", "once", "whenever", "after", "before"})
_INVERTED = frozenset({"should"})  # an obligation word that opens a condition or a question when it opens a sentence
# obligation verbs that take what is called for as their object ("urges dialogue")
CALL_VERBS = frozenset({"urge"})


def _direct_object(view: SentenceView, m: Item, c: CueState) -> bool:
    """Whether cue ``c`` is the object of verb ``m`` itself: nothing but articles and adjectives between them,
    no name and no infinitive ("urges dialogue", "urged renewed cooperation"; not "urges U.S. to talk")."""
    between = view.tokens[after_raw(view, m):c.item.raw]
    if len(between) > 2 or "to" in between:
        return False
    return not any(after_raw(view, m) <= a.raw < c.item.raw for a in view.actors)


def _negated_verb(view: SentenceView, m: Item) -> bool:
    """Whether a negator stands right before modifier ``m`` ("does not seek regime change": nothing is
    asked for)."""
    return any(n.entry.type == "negator" and 0 <= m.raw - after_raw(view, n) <= 1 for n in view.mods)


_BOTH = frozenset({"both", "sides", "parties"})


def _joint_call(view: SentenceView, ob: Item, c: CueState) -> bool:
    """Whether an obligation is laid on two parties at once: two actors named between it and the "to" of the
    cue's infinitive, or "both (sides)", "the parties" ("urges Trump, China's Xi to meet"; not "urges a new
    structure for the U.S.-China deal" nor "urge Trump to postpone the China tariff hike"), or two parties
    as its subject ("the US and China must focus on striking a deal")."""
    tokens = view.tokens
    if _joint_subject(view, ob):
        return True
    try:
        to = tokens.index("to", ob.raw, c.item.raw)
    except ValueError:
        return False
    if not _BOTH.isdisjoint(tokens[ob.raw:to]):
        return True
    urged = {a.entry.actor for a in view.actors if ob.raw < a.raw < to}
    if len(urged) >= 2:
        return True
    if len(urged) == 1 and c.cue.category in _MEETINGS:
        # one party urged to meet another named after the cue, by neither of them: "Moon urges Trump to meet
        # Kim again" calls for the two to meet (while "North Korea urges U.S. to resume talks" asks a step of
        # the other side)
        end = after_raw(view, c.item)
        partner = {a.entry.actor for a in view.actors if end <= a.raw <= end + 2} - urged
        urger = {a.entry.actor for a in view.actors if a.raw < ob.raw and a.clause == ob.clause}
        return bool(partner) and urger.isdisjoint(partner | urged)
    return False



# what may stand between two listed names
_LIST_JOINS: tuple[list[str], ...] = ([], ["and"], ["or"], ["and", "the"], ["or", "the"])


def listed_with(view: SentenceView, last: Item, items: Iterable[Item]) -> list[Item]:
    """``last`` and the names listed right before it, nearest first: "the US and Britain", "US, Britain",
    "U.S.-Britain", "UK, U.S. and ...", "China and the United States" (nothing, or "and"/"or" with or without
    "the", between each two)."""
    group = [last]
    if view.tokens[last.raw] in SUBJECT_PRONOUNS:
        return group  # a pronoun standing for a name is no item of a list: "tells Xi he is open to talks"
    for it in sorted((it for it in items if it.raw < last.raw), key=lambda it: -it.raw):
        if it.raw < group[-1].raw and view.tokens[after_raw(view, it):group[-1].raw] in _LIST_JOINS:
            if it.raw > 0 and view.tokens[it.raw - 1].endswith("ing") and view.tokens[it.raw - 1] != "including" \
                    and "," in view.folded[it.match.end:group[-1].match.start]:
                break  # a participle's object before a comma ends the list: in "Defying Trump, UK refuses ..." the
                # UK acts alone (not a pair after it: "citing U.S.-South Korea air drills")
            group.append(it)
    return group


_PAIR_NOUNS = frozenset({"sides", "countries", "nations", "leaders", "governments", "powers"})


def _joint_subject(view: SentenceView, ob: Item) -> bool:
    """Whether the obligation's subject is two parties together: "both U.S., China should make compromises",
    "the US and China must focus on a deal" (not "the U.S. says China must": a verb between them)."""
    tokens = view.tokens
    lead = tokens[max(ob.raw - 4, 0):ob.raw]
    if "both" in lead or any(a == "two" and b in _PAIR_NOUNS for a, b in pairwise(lead)):
        return True  # ("both sides", "the two sides must manage differences")
    before = [a for a in view.actors if a.raw < ob.raw and a.clause == ob.clause]
    if not before:
        return False
    last = max(before, key=lambda a: a.raw)
    if ob.raw - after_raw(view, last) > 1:
        return False
    return len({a.entry.actor for a in listed_with(view, last, before)}) >= 2


# the obligations said of the one obliged as its own modal ("China should", "must"), not verbs laid on another
_MODAL_OBLIGATIONS = frozenset({"must", "should", "have to", "has to", "need to", "needs to", "got to"})


def _subject_of(view: SentenceView, ob: Item) -> Item | None:
    """The name right before obligation ``ob`` in its clause, its subject ("China should ..."), or None."""
    return next((a for a in view.actors if a.clause == ob.clause and a.raw < ob.raw and after_raw(view, a) == ob.raw),
                None)


def _saying_after(view: SentenceView, ob: Item) -> int | None:
    """The index of the last word of saying after obligation ``ob`` ("..., Wang Yi says"), or None."""
    tokens = view.tokens
    return next((j for j in range(len(tokens) - 1, ob.raw, -1) if tokens[j] in SAYING), None)


def _self_obliged(view: SentenceView, ob: Item) -> bool:
    """Whether the one who speaks lays the obligation on its own side: a source before a colon and the
    obligation with no subject of its own ("China's Xi: Should strengthen communication with U.S."), or a
    subject of the same actor as the one who says it ("China should work with the U.S., Wang Yi says" names
    Wang Yi, China's)."""
    colon = view.folded.rfind(":", 0, ob.match.start)
    subject = _subject_of(view, ob)
    sayer = None
    quoted = colon >= 0 and not view.folded[colon + 1:ob.match.start].strip(" '\"")  # ("Xi: Should ...")
    if quoted:
        sayer = next((a for a in reversed(view.actors) if a.match.end <= colon), None)
    else:
        k = _saying_after(view, ob)
        if k is not None:
            sayer = next((a for a in view.actors if a.raw > k or after_raw(view, a) == k), None)
    if sayer is None:
        return False
    if subject is None:
        return quoted
    return subject.entry.actor == sayer.entry.actor and len(listed_with(view, subject, view.actors)) == 1


def _advised(view: SentenceView, ob: Item, c: CueState) -> bool:
    """Whether an obligation laid on a side named right before it, as its subject, to take step ``c`` after it
    is said by someone who is no side, in news: a source before a colon that names no one the lexicon knows
    ("Cramer: Trump has to ..."), or a sayer after it who is none ("..., analysts say"); not the terms of talks
    "with China" ("talks with China need to address currency, officials say")."""
    if view.speaker is None and view.tables is not None and c.item.raw > ob.raw:
        subject = _subject_of(view, ob)
        if subject is None or subject.entry.actor not in view.tables.sides \
                or subject.raw > 0 and view.tokens[subject.raw - 1] in TARGET_PREPS:
            return False
        colon = view.folded.rfind(":", 0, ob.match.start)
        if colon >= 0:
            head = TOKEN_RE.findall(view.folded, 0, colon)
            return 0 < len(head) <= _SOURCE_WORDS and not any(a.match.end <= colon for a in view.actors)
        k = _saying_after(view, ob)
        return k is not None and "," in view.folded[ob.match.end:] and \
            not any(a.raw > ob.raw and (a.raw > k or after_raw(view, a) == k) for a in view.actors)
    return False


_SOURCE_WORDS = 3  # a source named before a headline's colon ("Jim Cramer:", "Goldman economist:")
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})
_TOGETHER = frozenset({"i", "we", "both", "together"})


def _told_as_past(view: SentenceView, m: Item, c: CueState) -> bool:
    """Whether the clause a condition opens tells what did happen ("stocks fell until the trade deal was
    announced", "until China agreed"): then it demands nothing."""
    words = view.tokens[m.raw + 1:after_raw(view, c.item) + 3]
    if not _PAST_AUXILIARIES.isdisjoint(words):
        return True
    # a verb in the past ("until China agreed to the deal"), not a participle after "be" ("until the
    # tariffs are lifted")
    return any(w.endswith("ed") and len(w) > 3 and (k == 0 or words[k - 1] not in _PRESENT_BE)
               for k, w in enumerate(words[:c.item.raw - m.raw]))


_PRESENT_BE = PASSIVE_AUX - _PAST_AUXILIARIES - {"got", "have", "has"}  # "is", "are", "be", "been", "get"...


_WILLING = frozenset({"want", "wants", "wanted", "wish", "wishes", "like", "likes", "willing", "ready", "invited",
                      "interested", "prepared"})
_UNWILLING = frozenset({"not", "n't", "never", "no", "don't", "doesn't", "didn't", "isn't", "aren't", "won't"})


def _willingness(view: SentenceView, cond: Item) -> int:
    """The token of a wish that is the whole of an "if" condition ("if Chairman Kim wants", "if they are
    ready"), within four words of it and not denied ("if they don't want a deal" is a condition); 0 if none."""
    if cond.entry.phrase != "if":
        return 0
    tokens = view.tokens
    for j in range(cond.raw + 1, min(cond.raw + 6, len(tokens))):
        if tokens[j] in _UNWILLING:
            return 0
        if tokens[j] in _WILLING:
            return j
    return 0


def _past_perfect_if(view: SentenceView, cond: Item) -> bool:
    """Whether an "if" condition is in the past perfect, within five words: "if China had signed the deal",
    "if they hadn't stolen" (not "if they had a deal", a verb of having, nor "if we had to", an obligation)."""
    if cond.entry.phrase != "if":
        return False
    tokens = view.tokens
    for j in range(cond.raw + 1, min(cond.raw + 6, len(tokens) - 1)):
        if tokens[j] in _PERFECT:
            k = j + 1
            while k < len(tokens) - 1 and tokens[k] in _PERFECT_SKIP:
                k += 1
            return _participle(tokens[k])
    return False


def _participle(word: str) -> bool:
    """Whether ``word`` can be a past participle: regular ("signed") or one of _PARTICIPLES ("made")."""
    return word in _PARTICIPLES or (word.endswith("ed") and len(word) > 4)


# the past perfect of an "if" clause: what it says had happened did not, and what "would" have followed it is not
# the case ("If China had signed the deal, we would not be raising tariffs": no deal, and tariffs raised)
_PERFECT = frozenset({"had", "hadn't"})
_PERFECT_SKIP = frozenset({"not", "never", "already", "just", "only", "really", "actually", "simply", "ever"})
_PARTICIPLES = frozenset({"been", "made", "done", "met", "struck", "got", "gotten", "taken", "beaten", "given", "kept", "held",
                          "paid", "sold", "bought", "won", "lost", "left", "put", "cut", "let", "come", "gone",
                          "seen", "known", "shown", "told", "begun", "broken", "chosen", "spoken", "stolen",
                          "written", "sent", "spent", "built", "brought", "fought", "stood", "become", "withdrawn",
                          "drawn", "thrown", "hit", "run", "sat", "taught", "caught", "understood", "meant"})
_WOULD = frozenset({"would", "could", "might", "wouldn't", "couldn't"})


def _against_facts(c: CueState, cfg: Config, how: str) -> None:
    """Turn cue ``c`` around as stated against the facts, weighed as a condition is (``conditional_factor``)."""
    f = -cfg.conditional_factor
    c.weight *= f
    c.mode = "statement"
    c.rules.append(f"counterfactual({how}) x{_fmt(f)}")


def inverted_condition(view: SentenceView, cfg: Config) -> None:
    """A sentence that opens with a past-perfect condition is against the facts, as one with "if ... had" is
    (``conditional``): "Had the previous Administration done its job, China would not be ripping us off" tells
    that China is ripping us off."""
    tokens = view.tokens
    if len(tokens) < 4 or tokens[0] not in _PERFECT or not any(_participle(w) for w in tokens[2:7]):
        return
    would = next((j for j in range(3, len(tokens)) if tokens[j] in _WOULD), 0)  # where what follows it opens
    if not would:
        return
    for c in view.cues:
        if not c.dropped and c.weight != 0 and (c.item.raw < would or (
                would in range(c.item.raw - 5, c.item.raw) and not _turn_not_taken(view, c, would))):
            _against_facts(c, cfg, "had ... would")


def _counterfactual(view: SentenceView, c: CueState, cond: Item) -> bool:
    """Whether cue ``c`` is stated against the facts by a past-perfect "if" condition ``cond``: inside the
    condition itself, or in the clause of what "would" have followed it, before or after it."""
    if not _past_perfect_if(view, cond):
        return False
    tokens = view.tokens
    if c.item.clause == cond.clause and c.item.tok > cond.tok \
            and _WOULD.isdisjoint(tokens[cond.raw + 1:c.item.raw]):
        return True  # (in the condition: before the "would" of what follows it, whether a comma splits them or not)
    would = next((j for j in range(c.item.raw - 1, max(c.item.raw - 6, -1), -1) if tokens[j] in _WOULD), None)
    return would is not None and not _turn_not_taken(view, c, would)


def _turn_not_taken(view: SentenceView, c: CueState, would: int) -> bool:
    """Whether a verb that would turn cue ``c`` around stands after "would have" (at ``would``): the reversal
    rule has read it as not taken already ("would have lifted the sanctions" leaves them in place)."""
    return view.tokens[would + 1:would + 2] == ["have"] and any(
        r.entry.type in _TURNERS and would < r.raw < c.item.raw for r in view.mods)


# the words after "until" that make it a time's bound, no condition ("spared until December", "until next year")
# (the text's tokens are words without hyphens: "mid-December" is "mid" and "december")
_UNTIL_TIMES = frozenset({"next", "mid", "christmas"})


def _time_bound(view: SentenceView, m: Item) -> bool:
    """Whether the condition word ``m`` is "until" or "till" before a date or a time: "iPhones spared until
    December as U.S. delays some China tariffs" sets a time, demanding nothing of anyone."""
    if m.entry.phrase not in ("until", "till") or m.raw + 1 >= len(view.tokens):
        return False
    word = view.tokens[m.raw + 1]
    return date_at(view.tokens, m.raw + 1) or word in _UNTIL_TIMES or (word.isdigit() and len(word) == 4)


_IF_NOT = re.compile(r" not\s*[,;:]")  # "if not," opening the other branch of an offer


def conditional(view: SentenceView, cfg: Config) -> None:
    """A cue in a conditional clause is a possibility, and escalation under a condition is a threat.

    "if they don't make a deal, we will impose tariffs"; "open to talks only if the US discards..." (a
    trailing "only if", "unless", "as long as" reaches back over the clause it closes). A condition in the
    past perfect is against the facts, and so is what would have followed it: "If China had signed the deal,
    we would not be raising tariffs" tells of no deal and of tariffs raised.
    """
    # (the conditions of the sentence, once: "until" before a date bounds a time and is none)
    conditions = [m for m in view.mods if m.entry.type == "conditional" and not _time_bound(view, m)]
    for c in view.cues:
        if c.dropped:
            continue
        ifs = [m for m in view.mods if m.entry.phrase == "if" and abs(m.tok - c.item.tok) <= 14]
        before = [m for m in ifs if m.tok < c.item.tok]
        if ifs and c.weight != 0 and _counterfactual(view, c, before[-1] if before else ifs[0]):
            _against_facts(c, cfg, "if ... had")
            continue
        conds = [m for m in conditions if (
            (m.tok_end < c.item.tok and (m.clause == c.item.clause or c.item.tok - m.tok_end <= 12))
            # a trailing condition governs the clause it closes: "open to talks only if ..."
            or (m.entry.phrase in TRAILING_CONDITIONS
                and 0 < m.tok - c.item.tok_end <= (_HINGE_REACH if m.entry.phrase in HINGES else 6)))]
        if conds and conds[-1].entry.phrase in DEMANDED_FIRST and conds[-1].tok_end < c.item.tok \
                and c.weight < 0 and c.cue.category in UNTIL_DEMANDS - {"cooperation", "goodwill"} \
                and not _told_as_past(view, conds[-1], c) \
                and not _TOGETHER.isdisjoint(view.tokens[conds[-1].raw + 1:c.item.raw]) \
                and any(k.weight > 0 and k.cue.category in ENACTABLE and k.item.raw < conds[-1].raw
                        and not k.dropped for k in view.cues):
            # a step the two are to take together before a measure is lifted is not taken: "I will not lift the
            # Tariffs until we have a great deal" keeps the tariffs, no deal is reached (no demand of one side
            # either; with no measure kept, "no final deal until President Xi and I meet to agree" plans one)
            c.rules.append(f"condition({conds[-1].entry.phrase}) not met -> 0")
            c.weight = 0.0
            continue
        if conds and c.weight > 0 and c.polarity and c.cue.category in _MEETINGS \
                and conds[-1].entry.phrase in TRAILING_CONDITIONS and conds[-1].tok > c.item.tok_end:
            # a meeting refused unless something changes is refused now: "Kim won't meet Trump again unless
            # the U.S. changes its stance"
            c.rules.append(f"refused({conds[-1].entry.phrase}) x1")
            continue
        if conds and conds[-1].entry.phrase in DEMANDED_FIRST and conds[-1].tok_end < c.item.tok \
                and ((c.weight < 0 and (c.cue.category in UNTIL_DEMANDS or (c.polarity and c.cue.weight > 0)))
                     or (c.weight > 0 and c.polarity)) \
                and not _told_as_past(view, conds[-1], c) \
                and _TOGETHER.isdisjoint(view.tokens[conds[-1].raw + 1:c.item.raw]):
            # (a meeting awaited is still a meeting planned, warm words are no step to demand, and what the two
            # do together is no demand of one: "no final deal until my friend President Xi and I meet ... to
            # discuss and agree")
            # what must happen "until" something else can is demanded of whoever is to do it: "no deal until
            # China stops stealing our technology" (a wrong to be stopped first goes on), "sanctions remain
            # until North Korea denuclearizes"
            c.rules.append(f"demanded first({conds[-1].entry.phrase}) -> demand {_fmt(cfg.demand_weight)}")
            c.weight = cfg.demand_weight
            c.mode = "statement"
            continue
        wish = _willingness(view, conds[-1]) if conds and c.weight < 0 else 0
        if wish:
            if c.item.raw > wish and any(
                    o is not c and not o.dropped and o.weight > 0 and o.item.raw < conds[-1].raw for o in view.cues):
                # what a side is said to want, in an "if" that closes a demand, is the demand's condition, no
                # step: "China must open its markets if it wants a trade deal" (the demand is the news)
                c.rules.append(f"wished for({conds[-1].entry.phrase} ... {view.tokens[wish]}) -> 0")
                c.weight = 0.0
                continue
            # the other's wish as the only condition makes an offer, no restriction: "If Chairman Kim wants,
            # I would be happy to meet him", "if they're ready to talk, so are we"
            c.rules.append(f"offer({conds[-1].entry.phrase} ... {view.tokens[wish]})")
            continue
        if conds and c.weight > 0 and c.mode == "threat" and conds[-1].entry.phrase == "if" \
                and conds[-1].tok_end < c.item.tok and _IF_NOT.match(view.folded, conds[-1].match.end):
            # "If not, we will solve the problem without them!": the other branch of an offer made before it is
            # the warning itself, as firm as the threat's own modal makes it
            c.rules.append("ultimatum(if not) x1")
            continue
        if conds:
            c.weight *= cfg.conditional_factor
            if c.weight > 0 and c.mode == "act":
                c.mode = "threat"
            c.rules.append(f"conditional({conds[-1].entry.phrase}) x{_fmt(cfg.conditional_factor)}")


# ---------------------------------------------------------------------------------------------------------
# 4. intensity

_PCT = re.compile(_RATE)
_MONEY = re.compile(r"\$\s?(\d{1,4}(?:[.,]\d+)?)\s*(trillion|tn|billion|bn|b)\b"
                    r"|(\d{1,4}(?:[.,]\d+)?)\s*(trillion|billion) (?:dollars|usd)")


def magnitude_factor(text: str) -> tuple[float, str]:
    """The factor implied by the largest percentage or dollar amount in ``text``.

    >>> magnitude_factor("100 per cent tariffs")
    (1.6, '100%')
    >>> magnitude_factor("tariffs on $200 billion of goods")
    (1.3, '$200bn')
    >>> magnitude_factor("a 5% rise")
    (1.0, '')
    """
    best, label = 1.0, ""
    for m in _PCT.finditer(text):
        v = float(m.group(1))
        f = 1.6 if v >= 100 else 1.4 if v >= 50 else 1.2 if v >= 25 else 1.0
        if f > best:
            best, label = f, f"{m.group(1)}%"
    for m in _MONEY.finditer(text):
        num, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        v = float(num.replace(",", ""))
        bn = v * 1000 if unit in ("trillion", "tn") else v
        f = 1.4 if bn >= 300 else 1.3 if bn >= 100 else 1.15 if bn >= 10 else 1.0
        if f > best:
            best, label = f, f"${num}{'tn' if unit in ('trillion', 'tn') else 'bn'}"
    return best, label


# negators of a choice: what follows them is the step not taken ("stay at 10% rather than going up to 25%")
_CHOICES = frozenset({"instead of", "rather than", "in lieu of"})


def _sized_text(view: SentenceView, c: CueState) -> str:
    """The text of a cue's clause that can give its size: all of it, but what a choice after the cue sets
    aside ("tariffs will stay at 10% instead of rising to 25%": the 25% is not the measure's)."""
    text = view.clause_text.get(c.item.clause, "")
    choice = next((m for m in view.mods if m.entry.type == "negator" and m.entry.phrase in _CHOICES
                   and m.clause == c.item.clause and m.tok >= c.item.tok_end), None)
    if choice is None:
        return text
    cut = text.find(choice.entry.phrase)
    return text if cut < 0 else text[:cut]


def intensity(view: SentenceView, cfg: Config) -> None:
    """Boosters and diminishers just before a cue, magnitudes in its clause, and shouting in capitals.

    "massive tariffs" x1.3; "100 per cent tariffs" x1.6; "TARIFFS" x1.2; capped at ``max_boost``.
    """
    for c in view.cues:
        if c.dropped:
            continue
        factor = 1.0
        notes = []
        for m in view.mods:
            if m.entry.type in ("booster", "diminisher") and m.clause == c.item.clause and 0 < c.item.tok - m.tok_end <= 2:
                factor *= m.entry.value
                notes.append(f"{m.entry.type}({m.entry.phrase}) x{_fmt(m.entry.value)}")
        if c.cue.category in MAGNITUDE_CATEGORIES:
            f, label = magnitude_factor(_sized_text(view, c))
            if f > 1:
                if c.cue.category in ENACTABLE and not c.standing:
                    # a measure given its size is in force: "the total tariff is 145%" (one said to stay at its
                    # level is the state of things: "tariffs on China are still at 47%")
                    _acted_on(c, cfg)
                factor *= f
                notes.append(f"magnitude({label}) x{_fmt(f)}")
        if c.caps:
            factor *= 1.2
            notes.append("capitals x1.2")
        factor = min(factor, cfg.max_boost)
        if factor != 1.0:
            c.weight *= factor
            c.rules.extend(notes)


# ---------------------------------------------------------------------------------------------------------
# 5. contrast and time


def contrast(view: SentenceView, cfg: Config) -> None:
    """Cues before "but" count less and cues after it more; a concession ("although") counts less; a
    headline's label before a colon counts little, and a short attribution after it ("...: letter") not at
    all.

    "I think we're going to be fine with China, but we have to have a fair deal."
    """
    background = {k for k, (_, why) in view.clause_contrast.items() if why in ("concession", "regardless")}
    # a "despite" phrase is background to a step reported beside it; alone it is what the news is about
    # ("stocks rise despite rising U.S.-China tensions"), weighed as a concession of "although" is
    alone = bool(background) and all(c.dropped or c.item.clause in background for c in view.cues)
    for c in view.cues:
        f, why = view.clause_contrast.get(c.item.clause, (1.0, ""))
        if why == "regardless" and c.cue.category in COOPERATION and c.weight < 0 and not c.dropped:
            # "fund managers like China regardless of trade deal": a concession that does not say the deal is
            # there names it as a matter only (a conflict so named is there: "regardless of the trade war")
            set_in_place(c, "regardless of")
            continue
        if why == "regardless":
            why = "concession"
        if why == "concession" and alone:
            f, why = cfg.contrast_before, "contrast"
        if why == "source":  # the attribution after a headline's colon ("...: letter") tells who said it
            c.dropped = True
        elif not c.dropped and f != 1.0:
            c.weight *= f
            c.rules.append(f"{why} x{_fmt(f)}")


_AFTER = frozenset({"after", "following"})
# talks or a meeting "amid" which a step of the other kind is taken are its setting ("Amid trade talks, China
# urges U.S. to respect its sovereignty"), as "during" them
_AMID = frozenset({"amid", "amidst"})
# (any event after "since" is the time the news is measured from; a step before what is doubted stands, too:
# "denies report that orders were cut after U.S. blacklisting")
_BACKGROUND = _AFTER | {"since"}
# a meeting or talks named "before" or "ahead of" the news are its time marker, set against it as one "after"
# it is ("far apart on key issues ahead of trade talks"; not a deadline: "before the year-end deadline")
_AHEAD = frozenset({"before", "ahead"})
# a deal or truce named "before" the news is its time marker as talks are ("must change its ways before any trade
# deal is possible"), and one named as the aim of a step ("pressure to reach a deal") is set against it as well
_AIMED = frozenset({"deal", "truce"})
# units of time before "after" or "before" that make what follows the date of the news ("days after the summit")
_TIME_UNITS = frozenset({"hours", "days", "weeks", "months", "hour", "day", "week", "month"})
_AIMS = frozenset({"reach", "seal", "strike", "clinch", "secure", "sign", "finalize", "finalise", "conclude", "get",
                   "make", "close", "hammer", "nail", "cut", "ink", "force", "win", "extract", "land"})
# the words that name a meeting as the setting of what was said or done there ("acted in bad faith at the Hanoi
# summit", "says since the Singapore summit ..."): set against the news, background as an event "after" it is
# (weighed by Config.setting_factor)
_SETTING = frozenset({"at", "during", "since", "anniversary"})


# verbs that move a step in time, and the words of a date: a measure moved "from October 1 to October 15" is
# put off as a delayed one is
_MOVE_VERBS = frozenset({"move", "moves", "moved", "moving", "shift", "shifts", "shifted", "shifting", "push",
                         "pushes", "pushed", "pushing"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DATE_WORDS = MONTHS | WEEKDAYS | {"may"}
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


def date_at(tokens: list[str], j: int) -> bool:
    """Whether a date opens at token ``j`` ("October 15th", "Oct. 1", "Friday", "the 15th")."""
    if j < len(tokens) and tokens[j] == "the":
        j += 1
    return j < len(tokens) and (tokens[j].rstrip(".") in DATE_WORDS or _ORDINAL.fullmatch(tokens[j]) is not None)


def _later(tokens: list[str], k: int) -> bool:
    """Whether what follows a step moved back at ``k`` says when it now falls, or nothing: the end, a date ("to
    March 2", "until Dec. 15"), a span ("two weeks", "by a month") or an adverb ("indefinitely")."""
    if k >= len(tokens):
        return True
    if tokens[k] in ("to", "until", "till"):
        return date_at(tokens, k + 1)
    if tokens[k] == "by":
        k += 1
    return (k + 1 < len(tokens) and (tokens[k].isdigit() or tokens[k] in _COUNTS) and tokens[k + 1] in _TIME_UNITS) \
        or _adverb(tokens[k]) or tokens[k] == "again"


# the words that count a span of time ("two weeks", "a month")
_COUNTS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "several", "few", "another"})


def _new_dated(view: SentenceView, cfg: Config, factor: float) -> None:
    """A new date set for a measure, the date between "new" and "date" ("sets new March 2 date for tariff
    increases"), puts it off as the reverser "new date for" does with none between."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.polarity or c.weight <= 0 or c.cue.category not in ENACTABLE:
            continue
        raw = c.item.raw
        # ("date for" right before it, or a name between: "date for China tariff increases")
        at = next((k for k in range(raw - 1, max(raw - 4, 0), -1) if tokens[k] == "for" and tokens[k - 1] == "date"),
                  None)
        if at is None:
            continue
        new = next((j for j in range(at - 3, max(at - 6, -1), -1) if tokens[j] == "new"), None)
        if new is not None and date_at(tokens, new + 1):
            _put_off(c, cfg, factor, "new ... date for")


def _put_off(c: CueState, cfg: Config, factor: float, how: str) -> None:
    """Weigh measure ``c`` as put off to a later date (news of it, turned by the delay factor)."""
    _acted_on(c, cfg)
    c.weight *= factor
    c.polarity = True
    c.rules.append(f"rescheduled({how}) x{_fmt(factor)}")


def rescheduled(view: SentenceView, cfg: Config) -> None:
    """A measure moved from one date to another is put off, as a delayed one is: "agreed to move the increased
    Tariffs on $250 billion of goods from October 1st to October 15th" is a gesture, not a new rise."""
    tokens = view.tokens
    if view.tables is None or view.tables.delay_factor is None:
        return
    factor = view.tables.delay_factor  # the "delay" reverser's value, as for an extended deadline
    if "new" in tokens and "date" in tokens:
        _new_dated(view, cfg, factor)
    if _MOVE_VERBS.isdisjoint(tokens):
        return
    for c in view.cues:
        if c.dropped or c.polarity or c.weight <= 0 or c.cue.category not in ENACTABLE:
            continue
        raw = c.item.raw
        end = after_raw(view, c.item)
        # moved after it, in the passive: "some of the China Tariffs will be pushed to December 15th", past what
        # it is on ("the tariff increase on Chinese imports was moved to October 15th")
        at = end
        if at < len(tokens) and tokens[at] in ("on", "of"):
            at = next((j for j in range(at + 1, min(at + 9, len(tokens))) if tokens[j] in _AUXILIARIES
                       or tokens[j] in _MOVE_VERBS or not tokens[j][:1].isalnum()), at)
        verb = next((j for j in range(at, min(at + 4, len(tokens))) if tokens[j] not in _AUXILIARIES), None)
        if verb is not None and tokens[verb] in _MOVE_VERBS and verb + 1 < len(tokens) \
                and tokens[verb + 1] in ("to", "until") and date_at(tokens, verb + 2):
            _put_off(c, cfg, factor, f"{tokens[verb]} {tokens[verb + 1]}")
            continue
        if verb is not None and tokens[verb] in _MOVE_VERBS and tokens[verb + 1:verb + 2] == ["back"] \
                and _later(tokens, verb + 2):
            # pushed back, to a date, by a span or no more said: "tariff increase on $250 billion of Chinese
            # goods pushed back two weeks" (not "pushed back against", which resists)
            _put_off(c, cfg, factor, f"{tokens[verb]} back")
            continue
        # a move verb at most four words before the measure
        mover = next((j for j in range(raw - 1, max(raw - 5, -1), -1) if tokens[j] in _MOVE_VERBS), None)
        if mover is not None and tokens[end:end + 1] == ["back"] and _later(tokens, end + 1):
            # the measure between the verb and its particle: "pushes China tariff increase back to March 2"
            _put_off(c, cfg, factor, f"{tokens[mover]} ... back")
            continue
        if "from" not in tokens or mover is None:
            continue
        frm = next((j for j in range(end, min(end + 14, len(tokens))) if tokens[j] == "from" and date_at(tokens, j + 1)),
                   None)
        if frm is not None and any(tokens[j] == "to" and date_at(tokens, j + 1) for j in range(frm + 2, min(frm + 6, len(tokens)))):
            _put_off(c, cfg, factor, "from ... to")


def _first_start(view: SentenceView) -> int:
    """Where the first cue, name or modifier of the sentence starts (near the sentence's own start)."""
    return min([c.item.match.start for c in view.cues] + [a.match.start for a in view.actors]
               + [m.match.start for m in view.mods])


# the nouns of a side's standing in talks, or of what stands in their way, after which "in" names the talks as
# their arena ("a stronger hand in trade talks", "leverage in the talks", "toughens its stance in talks",
# "differences remain in trade talks"), a verb of persistence between; and the words that may stand before talks
_ARENA_NOUNS = frozenset({"hand", "leverage", "edge", "advantage", "chip", "chips", "card", "cards", "position",
                             "stance", "posture", "clout", "differences", "gaps", "disagreements", "divisions",
                             "obstacles", "hurdles", "snags"})
_PERSISTING = frozenset({"remain", "remains", "persist", "persists", "linger", "lingers"})
_ARENA_LEAD = frozenset({"the", "its", "their", "upcoming", "ongoing", "next", "latest", "any", "current"})


def arena(view: SentenceView, cfg: Config) -> None:
    """Talks named as the arena of a side's standing, or of what stands in their way, are its setting, not
    talks held: in "China's faltering economy gives US stronger hand in trade talks" the news is the stronger
    hand, in "strong growth gives U.S. leverage in trade talks" a claim of leverage, and in "three main
    differences remain in U.S. trade talks" the differences. The talks weigh ``setting_factor``, as a meeting
    named as the setting of what was said there does ("at the Hanoi summit")."""
    tokens = view.tokens
    if "in" not in tokens or _ARENA_NOUNS.isdisjoint(tokens):
        return
    names = name_tokens(view)
    for c in view.cues:
        if c.dropped or c.weight == 0 or c.cue.category not in _MEETINGS:
            continue
        j = c.item.raw - 1
        while j >= 0 and (tokens[j] in _ARENA_LEAD or j in names):
            j -= 1
        if j < 1 or tokens[j] != "in":
            continue
        noun = j - 2 if tokens[j - 1] in _PERSISTING and j >= 2 else j - 1
        if tokens[noun] in _ARENA_NOUNS:
            c.weight *= cfg.setting_factor
            c.rules.append(f"arena({tokens[noun]} in) x{_fmt(cfg.setting_factor)}")


# the words of a span of time after "after" that open a phrase of its own, whose comma may be left out ("After a
# furious year of missile launches and Nuclear testing a historic meeting ... is now taking place")
_SPANS = frozenset({"year", "years", "months", "decades", "weeks"})


def _span_opens(tokens: list[str], at: int) -> bool:
    """Whether "after" at ``at`` opens a span of time, "after (a) (furious) year(s) of": what follows "of" is the
    time before the news, its background even with no comma to close it."""
    j = at + 1
    if j < len(tokens) and tokens[j] in ("a", "an", "many", "several", "two", "three", "four", "five"):
        j += 1
    for k in (j, j + 1):
        if k + 1 < len(tokens) and tokens[k] in _SPANS and tokens[k + 1] == "of":
            return True
    return False


def background_after(view: SentenceView, cfg: Config) -> None:
    """An event named "after" the news, set against it, is its background: in "North Korea calls U.S. attitude
    'regrettable' after Pompeo talks" the talks are the setting and the complaint the news; weighed as a
    "despite" phrase is (``concession_factor``). An event after "after" that goes the same way ("cancels the
    summit after a hostile statement"), or alone ("stocks rise after U.S.-China talks"), keeps its weight. A
    meeting named as the setting ("at", "during", "since" the summit) is background in the same way: "accuses
    U.S. of bad faith at Hanoi summit" is the charge, not a summit held."""
    tokens = view.tokens
    if _AFTER.isdisjoint(tokens) and _SETTING.isdisjoint(tokens) and _AHEAD.isdisjoint(tokens) and "to" not in tokens \
            and _AMID.isdisjoint(tokens):
        return
    first = _first_start(view)  # (where an opening phrase starts)
    span_at = next((j for j in range(min(3, len(tokens))) if tokens[j] in _AFTER and _span_opens(tokens, j)), None)
    ending = {after_raw(view, o.item): o for o in view.cues if not o.dropped}  # (for the runs of cues)
    for c in view.cues:
        if c.dropped or c.weight == 0:
            continue
        # (any event after "since" is the time the news is measured from: "first major soybean purchase since the
        # trade war began")
        words = _AFTER | _SETTING | _AHEAD | _AMID if c.cue.category in _MEETINGS else \
            _BACKGROUND | _AHEAD if c.cue.category in _AIMED else _BACKGROUND
        # (counted from the start of the noun phrase the cue heads: "after a week of tit-for-tat threats")
        head = _phrase_start(c, ending)
        at = next((j for j in range(max(head - 5, 0), c.item.raw) if tokens[j] in words), None)
        if at is None and span_at is not None and span_at < c.item.raw \
                and "," not in view.folded[first:c.item.match.start]:
            at = span_at  # (a span of time opening the sentence reaches every cue in it: "After a year of missile
            # launches and Nuclear testing a historic meeting ...")
        if at is None and c.cue.category in _AIMED and c.weight < 0:
            # a deal named as what a hostile step aims at is its background too: "will never give in to U.S.
            # pressure to reach a deal" (the pressure is the news, not a deal reached)
            at = next((j for j in range(max(c.item.raw - 5, 0), c.item.raw - 1)
                       if tokens[j] == "to" and tokens[j + 1] in _AIMS), None)
        if at is None or (any(o.item.raw > at and o.item.raw < c.item.raw and not o.dropped for o in view.cues)
                          and not (at <= 2 and "," not in view.folded[first:c.item.match.start])
                          and not _one_phrase(view, at, c)):
            continue  # (every cue of an opening phrase is its background: "Months after tariffs and threats, ...")
        if c.cue.category in _MEETINGS and at > 0 and tokens[at] in _AFTER and tokens[at - 1] in _TIME_UNITS \
                and (any(o is not c and not o.dropped and o.weight != 0 for o in view.cues)
                     or any(a.raw < at - 1 for a in view.actors)):
            # a meeting held that dates the news ("days after the Xi-Trump summit") is a time marker: no meeting
            # of its own in the news (one planned, "days before a planned summit with Trump", is news of a plan)
            c.dropped = True
            c.rules.append(f"time marker({tokens[at - 1]} {tokens[at]}) -> dropped")
            continue
        if c.cue.category in _MEETINGS and tokens[at] == "since" and c.weight < 0:
            # a meeting the news is measured from is a time marker, relevant with no step of its own: "too early
            # to say whether North Korea changed its posture since the Singapore summit"
            c.weight = 0.0
            c.in_place = True
            c.rules.append("time marker(since) -> 0")
            continue
        opening = False
        if any(o is not c and not o.dropped and o.item.clause == c.item.clause and o.item.raw < at
               and (o.weight > 0) != (c.weight > 0) and o.weight != 0 for o in view.cues) or (
                opening := at <= 2 and any(o is not c and not o.dropped and o.item.raw > c.item.raw
                                and (o.weight > 0) != (c.weight > 0) and o.weight != 0
                                and ("," in view.folded[c.item.match.end:o.item.match.start] or at == span_at)
                                for o in view.cues)):
            # (or an opening phrase set against the clause after its comma, weighed as a setting is: "Months after
            # trading insults and nuclear threats, Trump agrees to meet Kim")
            f = cfg.concession_factor if (tokens[at] in _AFTER or tokens[at] in _AHEAD) and not opening \
                else cfg.setting_factor
            c.weight *= f
            c.rules.append(f"background({tokens[at]}) x{_fmt(f)}")


def _phrase_start(c: CueState, ending: dict[int, CueState]) -> int:
    """Where the run of cues that ends with ``c`` word to word starts ("tit-for-tat threats"); ``ending``: the
    live cues by the token after their last."""
    start = c.item.raw
    while (prev := ending.get(start)) is not None and prev is not c and prev.item.raw < start:
        start = prev.item.raw
    return start


def _one_phrase(view: SentenceView, at: int, c: CueState) -> bool:
    """Whether the cues between token ``at`` and cue ``c`` run into it word to word, one noun phrase with it:
    "after a week of tit-for-tat threats" (the threats and their kind are one event)."""
    between = sorted((o for o in view.cues if at < o.item.raw < c.item.raw and not o.dropped), key=lambda o: o.item.raw)
    chain = between + [c]
    return all(after_raw(view, a.item) == b.item.raw for a, b in pairwise(chain))


# the words after which a participle names what a thing already is: "assets of sanctioned diplomats", "on
# blacklisted chipmakers", "the sanctioned firms"
_ATTRIBUTIVE_AFTER = frozenset({"of", "on", "against", "with", "from", "to", "for", "at", "among", "the", "a", "an",
                                "its", "their", "these", "those", "other", "some", "all"})
# the words that make a participle a verb after all: "sanctioned by Washington", "blacklisted in May"
_PARTICIPLE_PHRASE = frozenset({"by", "in", "on", "for", "over", "from", "at", "with", "to", "after", "as", "and",
                                "or", "last", "this", "since", "under"})


def attributive(view: SentenceView, cfg: Config) -> None:
    """A measure named as a participle before a noun describes what the noun already is, and is background to
    the news, weighed as a concession is: "lifts restrictions on blacklisted Chinese chipmakers" lifts the
    restrictions; "unfreezes assets of sanctioned North Korean diplomats" is no new sanction. The participle
    opens its noun phrase ("the sanctioned firms", "of sanctioned banks"); with a subject it is a verb: "U.S.
    sanctioned Chinese firms"."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.weight == 0 or c.cue.category not in MEASURES:
            continue
        j = c.item.raw
        if not (0 < j < len(tokens) - 1 and tokens[j].endswith("ed") and after_raw(view, c.item) == j + 1
                and tokens[j - 1] in _ATTRIBUTIVE_AFTER and tokens[j + 1] not in _PARTICIPLE_PHRASE
                and tokens[j + 1][0].isalpha()):
            continue
        if view.folded[c.item.match.end:c.item.match.end + 1] in (",", ";", ":", ".") or c.item.match.end >= len(view.folded):
            continue  # ("firms that were sanctioned, ..."): the participle ends its phrase
        c.weight *= cfg.concession_factor
        c.rules.append(f"attributive({tokens[j]}) x{_fmt(cfg.concession_factor)}")


# a span of years up to now: "for 25 years", "over the past two decades", "in the last 30 years"
_SPAN_OF_YEARS = re.compile(r"\b(?:for|over|in) (?:the )?(?:past |last )?(?:\d+|two|three|four|five|six|seven|"
                            r"eight|nine|ten|many|several|twenty|thirty|forty|fifty) (?:years|decades)\b")


# the words that make a span of years the measure of a record ("weakest growth in over two years", "first
# visit in ten years"), not a time in the past
_RECORD = frozenset({"biggest", "largest", "highest", "lowest", "weakest", "strongest", "worst", "best", "fastest",
                     "slowest", "smallest", "steepest", "sharpest", "deepest", "longest", "heaviest", "greatest",
                     "first", "record", "most", "least"})


# a span of time up to now (modifiers of type "duration", and _SPAN_OF_YEARS): with a present or
# present-perfect verb the state goes on ("has been losing for many years"); with a past verb it is history
# ("for decades politicians promised")
_ONGOING = re.compile(r"\b(?:has|have|is|are|keeps?|continues?|still|hasn't|haven't|isn't|aren't)\b|'ve\b|'s been\b")


def historical(view: SentenceView, cfg: Config) -> None:
    """A clause about the past weighs less than news: "have met three times in his first term", "back in
    2018", "for 25 years"; the clause after it ("..., but today the two sides signed a deal") is news again.
    A span up to now is no history: "China has been ripping us off for years" goes on."""
    marked: dict[int, str] = {}
    for m in _mods(view, "historical", "duration"):
        if m.entry.type == "duration" and _ONGOING.search(view.clause_text.get(m.clause, "")):
            continue  # "China has been ripping us off for years": a state that goes on today
        if _LIKE_BEFORE.search(view.folded, max(m.match.start - 24, 0), m.match.start):
            continue  # the past a present step is likened to: "want to go back to ripping us off like they did
            # for decades"
        marked.setdefault(m.clause, m.entry.phrase)
    for k, text in view.clause_text.items():
        span = _SPAN_OF_YEARS.search(text)
        if span and not _ONGOING.search(text) and not _FUTURE_SPAN.search(text) \
                and _RECORD.isdisjoint(TOKEN_RE.findall(text, 0, span.start())):
            # (a span after a superlative measures a record, no past: "biggest tariff hike in two years")
            marked.setdefault(k, span.group())
    for k in view.years_before:
        marked.setdefault(k, "earlier year")
    # a clause that opens with "now" or "today" right after one about the past is the news set against it:
    # "In 2017 Trump threatened North Korea with fire and fury; now the two leaders exchange warm letters"
    present = {k + 1 for k in marked if k + 1 not in marked and _NOW.match(view.clause_text.get(k + 1, ""))}
    for c in view.cues:
        if c.dropped:
            continue
        why = marked.get(c.item.clause)
        if why:
            c.weight *= cfg.historical_factor
            c.rules.append(f"historical({why}) x{_fmt(cfg.historical_factor)}")
        elif c.item.clause in present:
            c.weight *= cfg.contrast_after
            c.rules.append(f"now, after the past x{_fmt(cfg.contrast_after)}")


# a span of years ahead, no past: "commits to buying $32 billion more over two years", "will phase out over five years"
_FUTURE_SPAN = re.compile(r"\b(?:will|would|shall|commits?|committed to|pledges?|pledged to|promises?|promised to|"
                          r"plans? to|aims? to|next|coming)\b")
_LIKE_BEFORE = re.compile(r"\b(?:like|as) (?:they|he|she|it|we|you|china|beijing) (?:did|have|had|used to)\b[^,;]*$")
_NOW = re.compile(r"[\s;:,]*(?:(?:but|and) )?(?:now|today|these days|nowadays)\b")
_WHAT_MEANS = frozenset({"means for", "mean for"})
# the titles of a guide, which make one only at the head of a headline or right after its colon ("Q&A: how
# the duties work", "Trade talks: what to watch"; not "experts weigh in on what's next for markets")
_GUIDE_TITLES = frozenset({"q&a", "q+a", "what to watch", "what's next", "timeline", "a guide", "guide to", "a look at",
                           "chart", "charts", "the key players", "what's on the agenda"})
_GUIDE_TAILS = frozenset({"explained", "by the numbers"})  # titles of a guide that close a headline
_TEXT_END = re.compile(r"[ .!?\"']*\Z")  # (only closing marks left: the title ends the headline)
_AFTER_COLON = re.compile(r":\s*(?:(?:a|an|the)\s+)?$")  # right after a colon ("North Korea talks: a timeline of")
_GUIDE_LEAD = frozenset({"a", "the", "an"})


# the words that open a relative clause, a phrase of its own ("a briefing from agencies who are working closely
# with China": the work is news, not the briefing's topic)
_RELATIVE_OPENERS = frozenset({"who", "which"})


_AGES = frozenset({"year-old"})  # an age that makes a report stale ("year-old Xinhua alert"), not a thing's


def explainer(view: SentenceView, cfg: Config) -> None:
    """A guide to the news is not news: "What the trade war means for your portfolio", "Factbox: US
    tariffs on Chinese goods". Every cue of the sentence keeps ``explainer_factor`` of its weight, so the
    text stays about the dyad without a direction. "means for" counts only after a "what" ("what X means
    for Y"); "the deal means more for China" is a claim. The title of a guide ("Q&A", "what to watch",
    "timeline") makes one only at the head of the headline or right after its colon. A procedure on a step
    (type ``procedure``: a hearing, a comment period) is weighed the same, but only in its own phrase. Neither
    reaches across a semicolon."""
    for m in _mods(view, "explainer", "procedure"):
        if m.entry.phrase in _WHAT_MEANS and "what" not in view.tokens[:m.raw]:
            continue
        if m.entry.phrase in _GUIDE_TITLES and not (
                _GUIDE_LEAD.issuperset(view.tokens[:m.raw])
                or _AFTER_COLON.search(view.folded, max(m.match.start - 12, 0), m.match.start)):
            continue
        if m.entry.phrase in _GUIDE_TAILS and (
                not _TEXT_END.match(view.folded, m.match.end)
                or m.entry.phrase == "explained" and char_before(view.folded, m.match.start) not in (",", ":")):
            continue  # a tail title ends the headline ("The trade war by the numbers"), "explained" after its comma:
            # "Trump's North Korea strategy, explained"
        if m.entry.phrase in _AGES and view.folded[max(m.match.start - 1, 0):m.match.start] == "-":
            continue  # the age of a thing, not of a report: "lifts four-year-old ban on U.S. poultry"
        for c in view.cues:
            lo, hi = sorted((m.match.start, c.item.match.start))
            if ";" in view.folded[lo:hi]:
                continue  # (a semicolon starts another story: "...; the Chinese ministry declines to comment")
            if not c.dropped and not (m.entry.type == "procedure" and (
                    c.item.clause != m.clause or _barrier_between(view, m.raw, c.item.raw)
                    or not _RELATIVE_OPENERS.isdisjoint(view.tokens[min(m.raw, c.item.raw):max(m.raw, c.item.raw)]))):
                # (a procedure frames its own clause: "to accept public comment before raising tariffs" still
                # raises them)
                c.weight *= cfg.explainer_factor
                c.rules.append(f"explainer({m.entry.phrase}) x{_fmt(cfg.explainer_factor)}")
        return


# a yes/no question: it opens with an auxiliary and ends with a question mark ("Is a deal near?", "Will Trump
# and Xi meet at the G20?")
_YES_NO = re.compile(r"[\s\"'(]*(?:(?:when|how (?:soon|close|near|far|likely|long)) )?"
                     r"(?:will|would|is|are|was|were|can|could|should|does|do|did|has|have|had|may|might)"
                     r" [^?]*\?[\s\"')]*$")
# (a question of when or how near a step is asks about it as much: "When will the U.S. and China sign a trade
# deal?", "How close are Washington and Beijing to a deal?"; a question of why a step was taken tells it)
# a yes/no question whether something has ended: "Is the trade war over?", "Is the summit off?"
_ASKED_ENDED = re.compile(r"[\s\"'(]*(?:is|are) [^?]*\b(?:over|off|dead|finished|done)[\s\"')]*\?[\s\"')]*$")


def question(view: SentenceView, cfg: Config) -> None:
    """A headline that asks a yes/no question about a step toward peace reports none: "Is a U.S.-China trade
    deal near?", "Will Washington lift the tariffs?" keep ``question_factor`` of their weight, relevant with no
    direction (hostility in a question is mostly told as a fact, and keeps its weight). Not said
    of a speaker's posts, whose questions are mostly rhetorical ("Why would I call China a currency
    manipulator when they are working with us?"), nor of questions that open with a question word."""
    if view.speaker is not None or not view.clause_text or "?" not in view.clause_text[max(view.clause_text)]:
        return
    text = "".join(view.clause_text[k] for k in sorted(view.clause_text))
    if _YES_NO.match(text) is None:
        return
    lead = 0 if not view.tokens or view.tokens[0] not in ("when", "how") else 1 if view.tokens[0] == "when" else 2
    if _ASKED_ENDED.match(text) is not None:
        # whether a conflict has ended is asked as much as whether a step toward peace is coming: "Is the trade
        # war over?" asks of an end (turned around, then weighed as a question)
        for c in view.cues:
            if not c.dropped and c.weight > 0 and c.cue.category in CONFLICT_NOUNS and not c.polarity:
                c.weight *= -cfg.question_factor
                c.polarity = True
                c.rules.append(f"asked ended x{_fmt(-cfg.question_factor)}")
        return
    for c in view.cues:
        # (what a subordinate clause tells is a fact the question stands on: "Could doomsday be nearing as the
        # trade war heats up?")
        # (and hostility asked about is mostly told as a fact: "Will the U.S.-China spat derail the deal?",
        # "Can farmers survive another year of Chinese retaliation?"; a step hoped for is what a question asks)
        if not c.dropped and c.weight < 0 and BARRIERS.isdisjoint(view.tokens[lead:c.item.raw]):
            c.weight *= cfg.question_factor
            c.rules.append(f"question x{_fmt(cfg.question_factor)}")


_PAUSES = frozenset({"moratorium", "moratoriums", "freeze", "halt", "pause", "suspension"})
_SITE_LEADS = frozenset({"engine", "launch", "test", "testing", "rocket"})  # nouns between a weapon and its site
_SITES = frozenset({"site", "sites", "facility", "facilities", "stand", "ground", "grounds", "range", "center"})
_BUILT = ("build", "built", "rebuild", "rebuilt", "restor", "expand", "upgrad")
_TAKEN_APART = ("dismantl", "destroy", "demolish", "close", "closing", "closure", "shut", "blow", "blew", "blown",
                "scrap", "tear")


def threat_verb(view: SentenceView, cfg: Config) -> None:
    """The verb of a threat modifier ("warns" in "warns of") is kept as a cue only where the modifier has no
    cue to govern and a side is named after it: "North Korea warns of a 'Christmas gift' for the U.S." is a
    warning, while in "China warns of countermeasures against U.S. tariffs" the modifier makes what follows a
    threat and its verb adds nothing (the matcher keeps both, see cues._verb_of_threat). On its own it weighs
    by the modifier's value, as the threat it would have made of a cue does."""
    for m in _mods(view, "threat"):
        own = [c for c in view.cues if m.match.start <= c.item.match.start and c.item.match.end <= m.match.end]
        if not own:
            continue
        governs = any(c.item.clause == m.clause and 0 < c.item.tok - m.tok_end <= cfg.threat_window
                      and not c.dropped and c.cue.category != "topic" for c in view.cues)
        # (on its own, a warning is about a side only if it names one after it: "warns of a 'Christmas gift'
        # for the U.S." threatens, "warns of significant work ahead" cautions)
        aimed = any(a.clause == m.clause and a.raw >= after_raw(view, m) for a in view.actors)
        for c in own:
            if governs or not aimed:
                c.dropped = True
            else:
                c.weight *= m.entry.value  # weighed as the warnings it would have made of a cue
                c.rules.append(f"warning on its own({m.entry.phrase}) x{_fmt(m.entry.value)}")


# the warning verbs (cues of a threat) whose "against" names what the one warned is not to do
_WARNING_VERBS = frozenset({"warn", "warning", "cautions", "cautioned"})
_WARNED_REACH = 3  # the words that may stand between the verb and "against": the one warned ("warns the U.S.")
_AGAINST_REACH = 4  # and between "against" and what is warned against ("against any hasty retaliation")


def warned_against(view: SentenceView, cfg: Config) -> None:
    """What a side is warned against is not done: in "warns China against delaying the trade deal" or "U.S.
    cautions Beijing against retaliating" the warning is the step, and the delay or the retaliation only
    what it forbids, set to 0 in place (it names the dyad's news). Not a conflict, which is there to grow
    ("warns against escalation of rhetoric between Washington and Pyongyang"), nor a party named after
    "against" ("warns against China", the warning's target)."""
    tokens = view.tokens
    for w in view.cues:
        if w.cue.category != "threat" or w.cue.phrase not in _WARNING_VERBS or w.dropped:
            continue
        start = after_raw(view, w.item)
        at = next((k for k in range(start, min(start + _WARNED_REACH + 1, len(tokens))) if tokens[k] == "against"),
                  None)
        if at is None or not BARRIERS.isdisjoint(tokens[start:at]):
            continue
        target = next((c for c in view.cues if c.item.raw > at and c.item.clause == w.item.clause
                       and not c.dropped), None)
        if target is None or target.item.raw - at > _AGAINST_REACH or target.cue.category == "threat" \
                or target.cue.category in CONFLICT or any(a.raw == at + 1 for a in view.actors):
            continue  # (a conflict warned against is there to grow: "warns against escalation of rhetoric")
        set_in_place(target, f"warned against({w.cue.phrase})")
        target.mode = "statement"


_FREE_OF = -0.5  # the factor of a hostile step named as what something is free of ("ICBM-free")


def free_of(view: SentenceView, cfg: Config) -> None:
    """A hostile step written as what something is free of lacks it, a mild turn toward calm: "an ICBM-free
    parade", "a sanctions-free zone" (x-0.5)."""
    folded = view.folded
    for c in view.cues:
        end = c.item.match.end
        if c.weight > 0 and folded.startswith("-free", end) and not folded[end + 5:end + 6].isalpha():
            c.weight *= _FREE_OF
            c.polarity = True
            c.rules.append(f"free of it (-free) x{_fmt(_FREE_OF)}")


def sum_offered(view: SentenceView, cfg: Config) -> None:
    """An offer of a sum is a reward or a bid, no offer made to the other side: "U.S. agencies warn of North
    Korean hackers, offer up to $5 million for tips"."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.phrase != "offer":
            continue
        k = after_raw(view, c.item)
        if tokens[k:k + 2] == ["up", "to"]:
            k += 2
        if k < len(tokens) and tokens[k][:1].isdigit():
            c.dropped = True
            c.rules.append("a sum offered")


def bare_rate(view: SentenceView, cfg: Config) -> None:
    """A rate laid on the other side's goods with the tariff word left out ("Another 10% on Chinese imports")
    is a tariff of its own only when no tariff is named before it in its clause: in "raises tariffs to 25% on
    Chinese goods" it is the rate of the tariffs named, one measure."""
    for c in view.cues:
        if c.dropped or not c.cue.phrase.startswith("% on "):
            continue
        if any(o is not c and not o.dropped and o.cue.category in TARIFF_STEPS and o.item.raw < c.item.raw
               and o.item.clause == c.item.clause for o in view.cues):
            c.dropped = True
            c.rules.append("rate of the tariff named")


# the categories of a tariff step, imposed, threatened or eased (scoring.py reads them too)
TARIFF_STEPS = frozenset({"tariff_imposed", "tariff_threat", "tariff_relief"})


def span_of_other(view: SentenceView, cfg: Config) -> None:
    """A span that stands for a truce ("the 90-day truce", "a 90-day clock") names no truce when it is the
    length of something else: "Chinese journalists face new 90-day visa limit", "a 90-day review"."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.category != "truce" or not c.cue.phrase.endswith("-day"):
            continue
        end = after_raw(view, c.item)
        if end < len(tokens) and tokens[end] in _OTHER_SPANS:
            c.dropped = True
            c.rules.append(f"span of a {tokens[end]}")


# the things a number of days measures that are no truce
_OTHER_SPANS = frozenset({"visa", "visas", "limit", "review", "stay", "quarantine", "isolation", "travel"})


# the things a government or a firm releases that are not people: documents, figures, products
_RELEASED_THINGS = frozenset({"list", "lists", "report", "reports", "data", "statement", "statements", "figures",
                              "numbers", "text", "details", "transcript", "plan", "plans", "readout", "schedule",
                              "document", "documents", "draft", "outline", "finding", "findings", "rule", "rules",
                              "guideline", "guidelines", "video", "videos", "footage", "photo", "photos", "result",
                              "results", "paper", "smartphone", "phone", "chip", "model"})


def released(view: SentenceView, cfg: Config) -> None:
    """What a release sets free, past an amount or a description: a thing that is no person makes it no
    goodwill step ("released a statement", "USTR releases $300 billion list covering nearly all Chinese
    imports" put out a document; a proposal, itself a cue, is left to the lexicon's exclusions), and people
    described by their detention are freed from it ("releases three detained Americans" ends the detention, as
    "release detained" does). A side or topic word named as the thing's matter is passed ("to release its
    annual China trade compliance report"); a cue of weight is not."""
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or c.cue.phrase != "release":
            continue
        if c.item.raw > 0 and view.tokens[c.item.raw - 1] in _RELEASED_THINGS:
            c.dropped = True  # the thing released named before the participle: "no details released"
            c.rules.append(f"released thing ({view.tokens[c.item.raw - 1]})")
            continue
        names = name_tokens(view)  # (found once per sentence)
        end = after_raw(view, c.item)
        matter = 0  # the side's names and topic words passed, which widen the reach by as many words
        for k in range(end, len(tokens)):
            if k >= end + 5 + matter:
                break
            held = next((o for o in view.cues if o.item.raw == k), None)
            if held is not None and held.cue.category == "diplomatic_break" and tokens[k].endswith("ed") \
                    and not held.dropped:
                # the people released, described by their detention: "releases three detained Americans" ends
                # the detention, as "release detained" does with nothing between
                held.dropped = True
                held.rules.append("released")
                break
            if held is not None and held.cue.weight != 0:
                break
            if k in names or held is not None:
                # a side or topic named as the thing's matter: "release annual China trade compliance report"
                matter += 1
                continue
            if tokens[k] in _RELEASED_THINGS:
                if matter and "," in view.folded[c.item.match.end:view.folded.find(tokens[k], c.item.match.end)]:
                    break  # (the thing past a comma is another phrase's: "American prisoners, report says")
                c.dropped = True
                c.rules.append(f"released thing ({tokens[k]})")
                break


_SPEECH_NOUNS = frozenset({"remarks", "comments", "rhetoric", "claims", "jibe", "jibes", "quip", "remark", "comment"})


def test_compound(view: SentenceView, cfg: Config) -> None:
    """A test named before another noun is that noun's matter, no test: a "missile test moratorium" or
    "nuclear test freeze" is a pause in testing (a step toward peace, which "end", "scrap" or "rethink" then
    turn around: "may end missile test moratorium" threatens to test again); a "missile test site" is a place,
    and taking one apart ("dismantling the key missile test site") is a step of denuclearization; "missile
    remarks" are words about tests."""
    if not any(c.cue.category == "military_test" or c.cue.phrase.endswith("test site") for c in view.cues):
        return
    tokens = view.tokens
    for c in view.cues:
        if c.dropped or not c.cue.phrase.endswith("test site") or c.weight != 0:
            continue
        # a test site named as such ("a major missile engine test site"): taken apart, a denuclearization step,
        # and the weapon named before it is what was tested there
        # (a site's name adds no distance: "blows up tunnels at Punggye-ri nuclear test site")
        names = name_tokens(view)
        start = max(c.item.raw - 5 - sum(1 for k in range(max(c.item.raw - 5, 0), c.item.raw) if k in names), 0)
        if any(t.startswith(_TAKEN_APART) for t in tokens[start:c.item.raw]):
            for g in view.cues:
                if g is not c and g.cue.category == "military_test" and start <= g.item.raw < c.item.raw:
                    g.dropped = True
            c.weight = -5.0
            c.mode = "act"
            c.rules.append("site taken apart -> -5")
            view.mods[:] = [m for m in view.mods if not (start <= m.raw < c.item.raw)]
    for c in view.cues:
        if c.dropped or c.cue.category != "military_test" or c.weight <= 0:
            continue
        k = after_raw(view, c.item)
        if k < len(tokens) and tokens[k] in _SPEECH_NOUNS:
            c.weight = 0.0  # what words are about, no test: "calls Japan's Abe 'an idiot' over missile remarks"
            c.rules.append(f"matter of({tokens[k]}) -> 0")
            continue
        # (a site of launches or engine tests is a test site: "the Sohae missile launch site", "a missile engine
        # site"; "missile sites" built are no test site: building them escalates)
        while k < len(tokens) and tokens[k] in _SITE_LEADS:
            k += 1
        if k >= len(tokens):
            continue
        tested = "test" in c.cue.phrase or "launch" in c.cue.phrase or k > after_raw(view, c.item)
        head = tokens[k]
        if not tested and head not in _SITES:
            continue
        if head in _PAUSES:
            pause = next((g for g in view.cues if g.item.raw == k and not g.dropped), None)
            if pause is not None:  # "moratorium" weighs itself; the test is what it pauses
                c.dropped = True
                pause.rules.append(f"pause of({c.cue.phrase})")
                continue
            mod = next((m for m in view.mods if m.raw == k and m.entry.type == "reverser"), None)
            if mod is None:
                continue
            view.mods[:] = [m for m in view.mods if m is not mod]  # the pause is this compound's, no verb of its own
            c.weight *= mod.entry.value
            c.rules.append(f"pause({head}) x{_fmt(mod.entry.value)}")
        elif head in _SITES:
            start = max(c.item.raw - 3, 0)
            taken_apart = any(t.startswith(_TAKEN_APART) for t in tokens[start:c.item.raw])
            if taken_apart:
                c.weight = -abs(c.weight) * 5 / 7  # (as "dismantle a test site", -5 on the test's scale of 7)
                c.mode = "act"
                c.rules.append(f"site({head}) taken apart -> {_fmt(c.weight)}")
                view.mods[:] = [m for m in view.mods if not (start <= m.raw < c.item.raw)]
            elif ("test" in c.cue.phrase or k > after_raw(view, c.item)) \
                    and not any(t.startswith(_BUILT) for t in tokens[start:c.item.raw]):
                # (a site built or rebuilt is a step toward testing again, and escalates as the test word does;
                # a "launch site" named as where a test was done keeps the launch: "a test at the launch site")
                c.weight = 0.0
                c.rules.append(f"site({head}) -> 0")


THANKS = frozenset({"thank", "thanks"})  # the praise cues that address someone named right after them
# words after "thank you" that name no one: "thank you very much, China", "thank you for the help"
_THANKS_NAMELESS = frozenset({"you", "for", "to", "very", "so", "all", "again", "and", "much", "everyone",
                              "everybody", "in", "from", "on", "the", "our", "my", "a", "that", "this", "god",
                              "folks", "guys", "both", "each", "too", "also", "as", "it", "u", "of"})
# titles before a name ("the President of China", "with Prime Minister Abe"), and those that also open a person
# named as a direct object or the one thanked ("met Senator Graham", "thank you Senator Graham"; "the" is not
# among these: "meeting the Chinese delegation" names its side a word later anyway)
TITLES = frozenset({"the", "president", "prime", "minister", "premier", "chairman", "chancellor", "secretary",
                    "vice", "foreign", "state", "supreme", "leader", "general", "king", "envoy", "ambassador"})
OBJECT_TITLES = (TITLES - {"the"}) | {
    "senator", "senators", "governor", "speaker", "congressman", "congresswoman", "admiral", "mr", "mrs", "ms",
    "treasury", "commerce", "defense", "dr", "representative", "rep", "sen", "gov"}


# the last words of an insulting name of a disease ("China virus", "kung flu"), and the verbs that report a
# name as someone's ("Trump calls it the 'Chinese virus'")
_DISEASE_WORDS = frozenset({"virus", "flu", "plague", "chinavirus"})
_NAMED_AS = _NAMING_VERBS | {"calls", "called", "dubs", "dubbed", "label", "labels", "labeled", "labelled", "terms",
                             "termed", "term", "name", "names", "named"}
# the words right before the side a name is given to ("labels China a currency manipulator", "the designation of
# China as"): the side is its object, the one who names it speaks
NAMERS = _NAMED_AS | NAMING_FORMS | {"brands", "branded", "brand", "designates", "designated", "designate", "of"}


def _disease_name(c: CueState) -> bool:
    """Whether the cue is an insulting name of a disease ("China virus", "kung flu", "China Plague")."""
    return c.cue.category in REFERENTIAL and c.cue.phrase.rpartition(" ")[2] in _DISEASE_WORDS


def press_name(view: SentenceView, cfg: Config) -> None:
    """An insulting name of a disease in news (no speaker), not reported as anyone's word and not in quotation
    marks, is the name the press itself gave the outbreak ("China virus fears spook U.S. shares", January
    2020): no insult, no step between the sides. Said by a side (a post's "China Virus") or reported as
    someone's word ("Trump calls it the 'Chinese virus'") it stays an insult."""
    if view.speaker is not None:
        return
    for c in view.cues:
        if c.dropped or not _disease_name(c):
            continue
        if view.folded[max(c.item.match.start - 1, 0):c.item.match.start] in ("'", '"') \
                or not _NAMED_AS.isdisjoint(view.tokens[:c.item.raw]):
            continue
        c.dropped = True
        c.rules.append("the press's name of a disease -> dropped")
        nxt = after_raw(view, c.item)
        for o in view.cues:  # (and the mood it names: "China virus fears" are fears of the disease)
            if o.item.raw == nxt and o.cue.category == "tension" and " " not in o.cue.phrase:
                o.dropped = True
                o.rules.append("a mood about a disease -> dropped")


# what stands between a step and the disease it is taken on ("progress with the China Virus")
_DISEASE_PREPS = frozenset({"with", "against", "on", "over", "in", "for"})


def disease_matter(view: SentenceView, cfg: Config) -> None:
    """Progress or work on a disease named by its insulting name is the fight against the disease, no step
    with the side the name blames: "We have made tremendous progress with the China Virus" keeps the insult and
    drops the progress (the preposition, and a determiner, right before the name)."""
    tokens = view.tokens
    for d in view.cues:
        if d.dropped or not _disease_name(d):
            continue
        j = d.item.raw - 1
        if j >= 0 and tokens[j] in DETERMINERS:
            j -= 1
        if j < 0 or tokens[j] not in _DISEASE_PREPS:
            continue
        c = next((c for c in view.cues if not c.dropped and c.weight < 0 and c.cue.category in COOPERATION
                  and after_raw(view, c.item) == j), None)
        if c is not None:
            c.dropped = True
            c.rules.append(f"on the disease ({d.cue.phrase}) -> dropped")


def thanks_addressee(view: SentenceView, cfg: Config) -> None:
    """Thanks go to whoever is named right after them: "Thank you Lou!", "thank you @LouDobbs", "thank you
    Senator Graham" thank a person who is no side, and thanks to one's own side ("thank you @SecPompeo") are
    no warm word to the other; thanks to a side's name ("thank you President Xi") or to no one named ("thank
    you very much, China") stay praise, as do thanks to a third country, which the dyads already set apart."""
    for c in view.cues:
        if c.dropped or c.cue.phrase not in THANKS or c.weight >= 0:
            continue
        tokens = view.tokens
        j = after_raw(view, c.item)
        if j < len(tokens) and tokens[j] == "you":
            j += 1
        while j < len(tokens) and tokens[j] in OBJECT_TITLES:
            j += 1
        if j >= len(tokens) or tokens[j] in _THANKS_NAMELESS or tokens[j] < ":":
            continue
        actor = next((a for a in view.actors if a.raw <= j < after_raw(view, a)), None)
        # (who thanks: the side named before the thanks, else the speaker; "Kim Jong Un thanks Trump" thanks the
        # other side, and stays praise)
        thanker = next((a for a in reversed(view.actors) if after_raw(view, a) <= c.item.raw), None)
        own = thanker.match.entry.actor if thanker is not None else view.speaker
        imposers = view.tables.imposers if view.tables is not None else frozenset()
        if actor is None or (actor.match.entry.actor in imposers and (own is None or own in imposers)):
            c.dropped = True
            c.rules.append(f"thanks to {'a person named' if actor is None else 'its own side'} -> 0")


def ultimatum(view: SentenceView, cfg: Config) -> None:
    """A step asked for with a penalty after "or" is an ultimatum: in "make the deal NOW, or face much higher
    tariffs" the deal is demanded (no deal made) and the tariffs are threatened (none imposed yet). The word
    after "or" says that a penalty follows ("face", "else", "risk", or the subject of its clause: "or the
    Tariffs go much higher", "or we will ..."); the step asked for is cooperation or relief named before "or"
    in its phrase (not "deal or no deal"; not across "after", "because"...)."""
    tokens = view.tokens
    if "or" not in tokens:
        return
    for j, t in enumerate(tokens):
        if t != "or" or j == 0 or j + 1 == len(tokens) or tokens[j + 1] not in _ULTIMATUM_OPENERS:
            continue
        penalties = [c for c in view.cues if not c.dropped and not c.polarity and c.weight > 0
                     and j < c.item.raw <= j + _ULTIMATUM_REACH]
        if not penalties:
            continue
        for c in view.cues:
            if (c.dropped or c.polarity or c.weight >= 0 or not j - _ULTIMATUM_REACH <= c.item.raw < j
                    or (c.cue.category not in DEMANDABLE and c.cue.category not in RELIEF)
                    or not BARRIERS.isdisjoint(tokens[c.item.raw:j])):
                continue
            c.rules.append(f"ultimatum(or) -> demand {_fmt(cfg.demand_weight)}")
            c.weight = cfg.demand_weight
            c.mode = "statement"
        for c in penalties:
            if c.mode == "act":
                c.weight *= cfg.threat_verb_factor
                c.mode = "threat"
                c.rules.append(f"ultimatum(or) x{_fmt(cfg.threat_verb_factor)} -> threat")


# the words after "or" that open the penalty of an ultimatum, and how far either side of "or" it reaches
_ULTIMATUM_OPENERS = frozenset({"face", "else", "risk", "we", "i", "they", "the", "there"})
_ULTIMATUM_REACH = 8


def hypothetical_pact(view: SentenceView, cfg: Config) -> None:
    """A deal named after "any" is a possibility, none made or near: "any US-China trade deal will send the
    market into a rebound", "any agreement is entirely up to the leaders". It keeps ``explainer_factor`` of its
    weight: named, with no step. (A deal refused, "won't accept any deal", is negated first and stays.)"""
    if "any" not in view.tokens:
        return
    for c in view.cues:
        if c.dropped or c.polarity or c.weight >= 0 or c.cue.category != "deal":
            continue
        lo = max(0, c.item.raw - 4)
        at = next((k for k in range(c.item.raw - 1, lo - 1, -1) if view.tokens[k] == "any"), None)
        if at is None or _barrier_between(view, at, c.item.raw):
            continue
        if any(n.entry.type == "negator" and at - 4 <= n.raw < at for n in view.mods):
            continue  # "won't accept any deal": refused, left to the negation rules
        c.weight *= cfg.explainer_factor
        c.rules.append(f"hypothetical(any) x{_fmt(cfg.explainer_factor)}")


# a repost: "RT @handle:" opening the text, with the handle reposted
_REPOST = re.compile(r"rt @(\w+)")


def reposted_label(view: SentenceView, cfg: Config) -> None:
    """A name for the virus that blames a country ("China virus", "Wuhan virus") is the speaker's label when
    the speaker uses it; in a repost of another account's words it is that account's name for the disease, no
    step of the speaker's (readers leave "RT @someone: ... when the Wuhan Virus was raging" out of the
    dyad). A repost of the speaker's own account is the speaker's word ("RT @realDonaldTrump: ...")."""
    if not view.folded.startswith("rt @"):
        return
    m = _REPOST.match(view.folded)
    handles = view.tables.handles if view.tables is not None else {}
    if m is None or view.speaker is not None and handles.get(m.group(1)) == view.speaker:
        return
    for c in view.cues:
        if not c.dropped and c.cue.category == "insult" and c.cue.phrase.endswith("virus"):
            c.rules.append(f"reposted(@{m.group(1)}) -> dropped")
            c.dropped = True


RULES: tuple[Callable[[SentenceView, Config], None], ...] = (
    free_of, bare_rate, sum_offered, span_of_other, released, reposted_label, threat_verb, test_compound, lifted_to, rate_change, absorb, conflict_as_matter, retaliation_reason, shared_mood, dealt_blow, threatened_accord, met_yardstick, bought_nothing, private_crime, strained_gathering, scheduled_call, named_between, reported_figure, warm_relationship, compared_purchases,
    comparison_term,
    framework, deadline_goal, subject_matter, accord_topic, thanks_addressee, press_name, disease_matter, private_opposition, demand_at_home, small_effect, lessened, claimed_wish, threat_with, enactment, rescheduled, warned_against, negation,
    barred_from, reversal,
    retraction,
    doubted, false_report, standing, boasted, excepted, obligation, pressed_to, ultimatum, modality, conditional, inverted_condition, hypothetical_pact, attributive,
    intensity, contrast, arena, background_after, historical, explainer, question,
)


# The rules that act only through the sentence's modifiers, with the modifier types each reads: in a sentence
# without any of them (most sentences have no modifier at all) the rule changes nothing and is not run. A
# rule that comes to read anything else must leave this table.
MODIFIER_RULES: dict[Callable[[SentenceView, Config], None], frozenset[str]] = {
    threat_verb: frozenset({"threat"}),
    enactment: frozenset({"enact", "impact"}),
    negation: frozenset({"negator", "undone", "retraction"}),
    doubted: frozenset({"negator", "reverser", "easer"}),
    reversal: frozenset({"reverser", "collapse", "easer"}),
    retraction: frozenset({"retraction", "undone", "negator"}),
    standing: frozenset({"standing"}),
    excepted: frozenset({"exception", "left_out"}),
    obligation: frozenset({"obligation", "request", "negator"}),  # (negator: "a deal can't be 50-50")
    modality: frozenset({"modal", "threat", "hedge"}),
    conditional: frozenset({"conditional"}),
    explainer: frozenset({"explainer", "procedure"}),
}
_RULES_WITHOUT_MODIFIERS = tuple(r for r in RULES if r not in MODIFIER_RULES)


def apply_rules(view: SentenceView, cfg: Config) -> None:
    """Run every rule of :data:`RULES`, in order, on one sentence."""
    rules: Sequence[Callable[[SentenceView, Config], None]]
    if view.mods:
        present = {m.entry.type for m in view.mods}  # (rules only ever drop modifiers: a superset later on)
        rules = [r for r in RULES if r not in MODIFIER_RULES or not present.isdisjoint(MODIFIER_RULES[r])]
    else:
        rules = _RULES_WITHOUT_MODIFIERS
    for rule in rules:
        rule(view, cfg)
