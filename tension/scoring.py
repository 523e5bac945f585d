"""Scoring one document: matches -> sentences -> rules -> dyads -> a bounded index with its evidence."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date as Date, datetime
from functools import lru_cache
from itertools import accumulate, chain
from types import MappingProxyType
from typing import Any, Mapping

import ahocorasick

from .config import Config
from .cues import PERSONS, Match, Matcher, inflections
from .errors import InputError
from .lexicon import Alias, Dyad, Lexicon, load_lexicon
from .rules import (BARRIERS, BEFORE_MONTH, COORDINATORS, DATE_WORDS, HAVING_DONE, TARIFF_STEPS, possessive, NAMERS, NAMING_FORMS, WEEKDAYS, CONFLICT, CONFLICT_NOUNS, GRIEVANCES, HOME_PEOPLE, HOME_POLITICS, HOME_RIVALS, MARKET_WORDS, OBJECT_TITLES, PRONOUN_OBJECT, RELATION_WORDS, RELIEF, SAYING,
                    SUBJECT_OPENERS, SUBJECT_PRONOUNS, TARGET_PREPS, TITLES, UNTRUE, VENUE_CITIES, CueState, Item, RuleTables, SentenceView, after_raw, apply_rules, date_at, deny, end_state,
                    DETERMINERS, listed_with, name_tokens, undo_promises)
from .text import (CAPS_RUN, CONTRAST_WORDS, ITEM_BAR, PHRASE_END, TOKEN_RE, UNASSERTED_FORMS, ZERO_WIDTH, NormText, char_before, clause_breaks,
                   normalize, recase_shouting, sentences)

__all__ = ["Hit", "DyadScore", "Document", "Scorer", "score"]

# case-sensitive names that are common words too: in a stretch of capitals they are read as the words
_COMMON_IN_CAPS = frozenset({"Sessions", "Lawmakers", "Legislators", "Polish"})

# Item(...) goes through a Python-level __new__; the tuple constructor builds the same object in a quarter of
# the time (an item per match of every sentence read)
_new_item = tuple.__new__

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_SINCE = re.compile(r"\bsince (?:the |its |their )?$")


@dataclass(frozen=True)
class Hit:
    """One piece of evidence: a cue found in the text, what the rules did to it, and what it counts for.

    ``start``/``end`` index the original text; ``text`` is ``original[start:end]``. ``base_weight`` is the
    lexicon weight, ``weight`` the weight after ``rules``; positive escalates, negative de-escalates.
    """

    start: int
    end: int
    text: str
    cue: str
    category: str
    mode: str
    actor: str
    base_weight: float
    rules: tuple[str, ...]
    weight: float
    dyad: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "cue": self.cue,
                "category": self.category, "mode": self.mode, "actor": self.actor,
                "base_weight": self.base_weight, "rules": list(self.rules), "weight": self.weight,
                "dyad": self.dyad}


@dataclass(frozen=True)
class DyadScore:
    """The tension of one dyad in one document.

    ``tension`` = 100 * net / (escalation + deescalation + damping), in [-100, 100]: a ratio, so it does not
    grow with document length the way a sum would; |net| under ``Config.neutral_band`` reads as 0.
    ``threat`` + ``act`` = ``escalation`` (statements such as accusations count as threats, as in the GPR
    index's split between threats and realized acts).
    """

    dyad: str
    relevant: bool
    tension: float
    escalation: float
    deescalation: float
    threat: float
    act: float
    by_actor: Mapping[str, float]
    hits: tuple[Hit, ...]

    @property
    def net(self) -> float:
        return self.escalation - self.deescalation

    def to_dict(self) -> dict[str, Any]:
        return {"relevant": self.relevant, "tension": self.tension, "escalation": self.escalation,
                "deescalation": self.deescalation, "net": self.net, "threat": self.threat, "act": self.act,
                "by_actor": dict(self.by_actor), "hits": [h.to_dict() for h in self.hits]}


@dataclass(frozen=True)
class Document:
    """The result of scoring one text: a :class:`DyadScore` per dyad, the tone, and provenance."""

    text: str
    speaker: str | None
    date: Date | None
    dyads: Mapping[str, DyadScore]
    tone: float | None
    lexicon_version: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (numbers unrounded)."""
        return {"speaker": self.speaker, "date": self.date.isoformat() if self.date else None,
                "tone": self.tone, "lexicon_version": self.lexicon_version,
                "dyads": {k: v.to_dict() for k, v in self.dyads.items()}}

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def explain(self) -> str:
        """A readable breakdown: per dyad, the index, its parts and every hit with the rules applied."""
        lines = []
        for name, d in self.dyads.items():
            if not d.relevant:
                lines.append(f"{name}: not relevant")
                continue
            lines.append(f"{name}: tension {d.tension:+.1f}  (escalation {d.escalation:.2f} = threat "
                         f"{d.threat:.2f} + act {d.act:.2f}; de-escalation {d.deescalation:.2f})")
            if d.by_actor:
                lines.append("  by actor: " + ", ".join(f"{a} {w:+.2f}" for a, w in sorted(d.by_actor.items())))
            for h in d.hits:
                rules = "; ".join(h.rules) if h.rules else "-"
                lines.append(f"  {h.weight:+6.2f}  [{h.start}:{h.end}] {h.text!r}  {h.category}/{h.mode}"
                             f"  actor={h.actor or '?'}  base {h.base_weight:+g}  rules: {rules}")
        if self.tone is not None:
            lines.append(f"tone (TextBlob polarity, not part of the index): {self.tone:+.3f}")
        return "\n".join(lines)


def _parse_date(value: Any) -> Date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if isinstance(value, str):
        try:
            return Date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f"date={value!r} is not a date; pass a datetime.date or an ISO string like '2019-05-05'.")


# a sentence that holds a match: its number and the actors it names (codes)
_Named = tuple[int, set[str]]
_RETORT_TOKENS = 6  # at most this long, a sentence that comments on the one before speaks of it
_NO_LONGER = re.compile(r"no longer\b")  # a short retort that a state told before is over
_ERA = re.compile(r"[- ]era\b")  # a name that dates a measure: "Trump-era tariffs", "Obama era sanctions"
# the pronouns that stand for an actor named before them: True for a person (a leader, an official), False
# for a country or another actor
_PRONOUNS = {"he": True, "she": True, "his": True, "her": True, "they": False, "their": False}
_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS  # the ones that open a clause as its subject
_PRONOUN = re.compile(rf"(?:{'|'.join(_PRONOUNS)})\b")
_LEAD_PRONOUN = re.compile(r"[\s.'\"]*(?:" + "|".join(sorted(_SUBJECT_PRONOUNS)) + r")\b")


# what may follow a place name: the end of a phrase, or a word that starts another one
_AFTER_VENUE = re.compile(r"\s*(?:$|[.,;:!?)]|(?:on|for|to|next|this|last|in|at|with|from|after|before|during|ahead|"
                          r"today|tomorrow|yesterday|amid|as|by|later|until|over|where|when|"
                          # (a visitor's words said there: "Trump in Japan says he will meet Xi")
                          r"says|said|tells|told|warns|warned|vows|vowed|insists|insisted)\b)")


# words before a place name: "in" and "at", and where the speaker is off to ("then off to Singapore to meet
# ...", "on my way to Singapore"); a trip or a visit to a country has it as its other party, not as a place
# a source at a sentence's end: ", Japan says", ", Japan's foreign ministry said." (only a comma and a few words before)
_SOURCE_TAIL = re.compile(r"(?:'s(?:\s+[a-z]+){1,3})?\s+(?:says|said|reports|reported|claims|claimed|confirms|confirmed)\b"
                          r"[\s.!?\"')\]]*$")


def _is_source(folded: str, start: int, end: int, limit: float) -> bool:
    """Whether the name at ``[start, end)`` is the source named at the end of its sentence after a comma:
    "U.S. accuses North Korea of cheating on sanctions, Japan says"."""
    stop = len(folded) if limit == math.inf else int(limit)
    tail = _SOURCE_TAIL.match(folded, end, stop)  # (endpos, not a copy of the text up to the sentence's end)
    if tail is None:
        return False
    head = folded[max(0, start - 40):start]
    comma = head.rfind(",")
    return comma >= 0 and len(TOKEN_RE.findall(head, comma)) <= 3


_PRESS_LEAD = re.compile(r"(?:[:,\u2013\u2014-]|\baccording to|\bsaid|\bsays|\btold|\breported by)\s*(?:the\s+)?$")
_PRESS_TAIL = re.compile(r"(?:'s)?(?:\s+(?:reports?|reported|says|said))?\W*")


def _press_source(folded: str, start: int, end: int, limit: float) -> bool:
    """Whether an outlet's name at ``[start, end)`` is the source of its sentence: named after a colon, a comma
    or "according to" and ending the sentence, or with only "reports"/"reported" after it ("China to curb
    exports: WSJ", "..., the Washington Post reported")."""
    stop = len(folded) if limit == math.inf else int(limit)
    if _PRESS_LEAD.search(folded[max(0, start - 20):start]) is None:
        return False
    return _PRESS_TAIL.fullmatch(folded[end:stop]) is not None


# the words right before a firm that make it the target of a step
_TARGET_LEAD = re.compile(r"\b(?:into|on|against|over|targets?|targeting|targeted|summons|summoned|fines?|fined|bans?|"
                          r"banned|probes?|probed|investigates?|investigated|investigating|sanctions?|sanctioned|"
                          r"blacklists?|blacklisted|punish(?:es|ed)?|bars?|barred|restricts?|restricted|"
                          r"accus(?:e|es|ed|ing)|boycott(?:s|ed|ing)?|raid(?:s|ed)?|warn(?:s|ed)?|"
                          r"avoid(?:s|ed|ing)?(?:\s+(?:buying|using))?|shun(?:s|ned|ning)?|block(?:s|ed|ing)?|"
                          r"from\s+(?:buying|using|purchasing|ordering))"
                          r"(?:\s+(?:the|u\.s\.|us|american|u\.s\.-based))?\s+$")


# the verbs of a breach found against a firm named right before them: "China says Nvidia violated its
# anti-monopoly law" (the finding is the regulator's, the firm its target)
_BREACH_AFTER = re.compile(r"\s+(?:has |had )?(?:violated|breached|broke|broken|infringed)\b")


def _targeted(folded: str, start: int, end: int) -> bool:
    """Whether the name from ``start`` to ``end`` follows a word that makes it the target of a step ("probe
    into FedEx", "sanctions on Lockheed Martin", "summons Nvidia", "accuses Nvidia of violating", "bars firms
    from buying Nvidia's chips"), or is found in breach ("Nvidia violated the anti-monopoly law")."""
    return _TARGET_LEAD.search(folded, max(0, start - 30), start) is not None \
        or _BREACH_AFTER.match(folded, end) is not None


_NEAR = re.compile(r"\bnear $")  # a place named only as near where something happens


def _join_undoing(nt: NormText, spans: list[tuple[int, int]], matches: list[Match], token_mods: Mapping[str, Any]
                  ) -> list[tuple[int, int]]:
    """Join to the sentence before it a sentence that opens by undoing "it" or "them", the step that sentence
    named: in "We were planning a big meeting with North Korea. Sadly, I have cancelled it!" the meeting is
    called off, as in one sentence ("..., but I have cancelled it"); in "We were putting Tariffs on Chinese
    laptops on September 1st. Instead we are delaying them until December 15th" the tariffs are put off. (Only
    when no cue comes before the verb in its sentence: the pronoun stands for a step named before.)"""
    if len(spans) < 2:
        return spans  # (one sentence: none before it to join, and no scan of its pronouns)
    folded = nt.folded
    starts: list[int] | None = None
    cue_starts: list[int] = []
    joins: set[int] = set()  # the sentences joined to the one before
    # (the pronouns that end their phrase, found in one scan: most texts have none)
    # (the pronoun after the verb, "cancelled it", or between a verb of causing and the participle, "ordered them
    # withdrawn": its position and the undoing word's)
    found = [(p.start(), max(folded.rfind(" ", 0, p.start()) + 1, 0), p.start()) for p in PRONOUN_OBJECT.finditer(folded)]
    found += [(h.start(1), h.start(2), h.end(2)) for h in _HAD_DONE.finditer(folded)
              if folded[folded.rfind(" ", 0, h.start()) + 1:h.start()] in HAVING_DONE]
    for at, w0, w1 in found:
        if starts is None:
            starts = [st for st, _ in spans]
            cue_starts = [m.start for m in matches if m.kind == "cue"]
        i = bisect_right(starts, at) - 1
        if i <= 0:
            continue
        start = starts[i]
        w0 = max(w0, start)
        verb = token_mods.get(folded[w0:w1])
        if verb is None or verb.type not in _UNDOING or len(folded[start:min(w0, at)].split()) >= _UNDO_WORDS:
            continue
        before = bisect_left(cue_starts, starts[i - 1])
        first = bisect_left(cue_starts, start)
        if before < first and first == bisect_left(cue_starts, min(w0, at)):  # a cue before it, none in it before the verb
            joins.add(i)
    if not joins:
        return spans
    out = [spans[0]]
    for i in range(1, len(spans)):
        if i in joins:
            out[-1] = (out[-1][0], spans[i][1])
        else:
            out.append(spans[i])
    return out


# what opens an undoing sentence: a one-word reverser or easer ("cancelled", "lifted", "delaying") within its
# first words, with "it" or "them" right after it and then the end of its phrase (rules.PRONOUN_OBJECT)
_UNDOING = frozenset({"reverser", "easer"})
_UNDO_WORDS = 8  # (the verb among the sentence's first words: a pronoun further on may stand for anything)
# "it" or "them" and the word after them, read after a verb of causing (rules.HAVING_DONE: "ordered them withdrawn")
_HAD_DONE = re.compile(r" (it|them) ([a-z]+)\b")


_BEFORE_VENUE = re.compile(r"(?:\b(?:in|at|near)|\b(?:off|on|way) to) $")
# a journey to a place to meet someone there: the place is where they meet ("heading to Vietnam to meet Kim")
_BEFORE_TRIP = re.compile(r"\b(?:heads?|headed|heading|travels?|traveled|traveling|travelled|travelling|"
                          r"fl(?:y|ies|ew|ying)) to $")
_AFTER_TRIP = re.compile(r"\s+to\s+(?:meet|see|attend|sign|hold|discuss)\b")
_VENUE_ENDS = frozenset({"in ", "at ", "ar ", "to "})  # the last three characters of _BEFORE_VENUE and _BEFORE_TRIP


def _is_destination(folded: str, start: int) -> bool:
    """Whether the name at ``start`` is where production moves or goods are sent round, or the next of a list
    of such places ("shifts production to Vietnam and India", "firms relocate to Thailand", "steel rerouted
    through Vietnam"): no party to the measure that drives them, anywhere in the document."""
    lo = max(0, start - 60)
    last = folded[max(0, start - 3):start]
    if last in _DESTINATION_ENDS:
        return _DESTINATION.search(folded, lo, start) is not None
    if last not in _LIST_ENDS and last[1:] != ", ":
        return False  # (most names: no regex tried)
    tail = _LIST_TAIL.search(folded, lo, start)  # "... to Vietnam and India", "to Vietnam, Mexico"
    if tail is None:
        return False
    # (the name before may be of one to three words: "to South Korea and Vietnam")
    k = tail.start()
    for _ in range(3):
        k = folded.rfind(" ", lo, k)
        if k < 0:
            return False
        if folded[max(0, k - 2):k + 1] in _DESTINATION_ENDS and _DESTINATION.search(folded, lo, k + 1) is not None:
            return True
    return False


def _hurt_bystander(folded: str, start: int, end: int, a_starts: set[int]) -> bool:
    """Whether the name at ``start:end`` is only the owner of an economy or a market the news hurts ("risk to
    EU economy", "hits German exports", "Japan's stocks fall"): no party to the conflict, unless a measure
    is aimed at it ("tariffs on EU exports") or what it owns goes to or comes from side A, named where one
    of ``a_starts`` is ("German exports to the United States")."""
    owned = _HURT_OWNED.match(folded, end)
    if owned is None:
        return False
    traded = _TRADED.match(folded, owned.end())
    if traded is not None and traded.end() in a_starts:
        return False
    before = folded[max(0, start - 16):start].split()
    if before[-1:] == ["the"]:
        before.pop()
    return not before or (before[-1] not in _AIMED_AT and before[-1] not in ("from", "with"))


# what a bystander owns that a conflict hurts
_HURT_OWNED = re.compile(r"(?:'s)? (?:economy|economies|growth|gdp|exports|exporters|stocks|shares|markets|"
                         r"stock markets?|bourses?|factories|factory activity|manufacturing|manufacturers|output|"
                         r"profits|earnings|outlook|business confidence|consumer confidence)\b")
# how a bystander is spared the block of a third party (see Scorer._read_sentences): only hurt, looking on, or
# named in a part of its own
_HURT, _LOOKING_ON, _PART = 1, 2, 3
# a country that reports or forecasts its own or the world's economy: an onlooker of a conflict ("Japan sees
# global growth risks", "Japan downgrades second-quarter GDP", "Germany cuts its growth forecast")
_ONLOOKER = re.compile(r"(?:'s)? (?:sees|expects|forecasts|predicts|flags|downgrades|cuts|lowers|trims|revises)"
                       r"(?: [a-z0-9-]+){0,3}? (?:growth|gdp|economy|economic|outlook|forecasts?|risks?|"
                       r"exports|output|investment|inflation)\b")
# the words before a partner in trade ("exports to the U.S."), which with side A make a bystander a party
_TRADED = re.compile(r" (?:to|with|from) (?:the )?")


def _bystander_part(folded: str, span: tuple[int, int], start: int, end: int, ms: list[Match]) -> bool:
    """Whether the name at ``start:end`` stands in a part of its sentence of its own, cut off by a semicolon,
    a dash or a comma, that it opens or that holds a clause, with no step in it ("Stocks slip on tariffs,
    Argentina hit by capital controls"): the news of that part is another story. A name in a list is none
    ("tariffs on Canada, Mexico and Japan")."""
    lo, hi = span
    a = -1  # where the part's cut before the name is, and after it
    for cut in _PART_CUTS.finditer(folded, lo, start):
        a = cut.start()
    after = _PART_CUTS.search(folded, end, hi)
    b = after.start() if after is not None else hi
    if a < 0 and after is None:
        return False  # (a sentence of one part)
    part = folded[a + 1 if a >= 0 else lo:b]
    words = part.split()
    # (two words close the sentence as a cause of their own: "stocks weighed down by concerns over trade,
    # Italian budget"; earlier, two are a list's: "tariffs on Canadian, Mexican steel and aluminum")
    if len(words) < (2 if after is None and a >= 0 else 3) or _LIST_WORD.match(folded, end) is not None:
        return False
    if a >= 0 and folded[a] == "," and folded[a + 1:start].strip():
        return False  # (after a comma, only a part the name opens: "Argentina hit by ...")
    if (a < 0 or folded[a] == ",") and after is not None and after.group() == ", " \
            and not folded.startswith(", but ", b):
        return False  # (before a comma, only a clause set against the next: "Germany recession fears grow, but")
    if _SAYS_AT_END.search(part) is not None:
        return False  # (a part that says who speaks of the news is no other story: ", Mexican farm lobby says")
    return not any(m.kind == "cue" and m.entry.weight != 0 and a < m.start < b for m in ms)


_PART_CUTS = re.compile(r";| [-–—] |, ")  # what cuts a sentence into parts for a bystander (_bystander_part)
_SAYS_AT_END = re.compile(r"\b(?:says?|said|warns?|warned|fears?|feared|tells?|told|reports?|reported|"
                          r"thinks?|believes?|claims?|argues?|predicts?|sees?|expects?)\s*[.!?]*$")
_LIST_WORD = re.compile(r"(?:'s)? ?(?:and|or|&|,|$)")  # what follows a name in a list


# where production moves or goods are routed, which is no party to the measure that drives them ("moves toy
# production to Vietnam to avoid China tariffs", "Chinese steel rerouted through Vietnam to dodge duties")
_DESTINATION = re.compile(
    r"\b(?:(?:production|manufacturing|factories|factory|plants?|assembly|supply chains?|sourcing|operations)"
    r"(?: [a-z-]+){0,3} (?:to|into)"
    r"|relocat(?:e|es|ed|ing|ion)(?: [a-z-]+){0,3} (?:to|into)"
    r"|(?:re-?rout(?:e|es|ed|ing)|transship(?:s|ped|ping)?|rout(?:ed|ing)|shipped|funnell?ed)(?: [a-z-]+){0,4} (?:through|via))"
    r"(?: (?:countries such as|places like|nations like))? $")
_DESTINATION_ENDS = frozenset({"to ", "gh ", "ia "})  # the last three characters of _DESTINATION
_LIST_TAIL = re.compile(r"(?:,|,? and|,? or) $")  # what joins a name to the one before it in a list
_LIST_ENDS = frozenset({"nd ", "or "})  # the last three characters of _LIST_TAIL but the comma's
# a place left, named before what happens there or without what ("leaves South Korea without meeting Kim")
_BEFORE_LEAVING = re.compile(r"\b(?:leaves|left|leaving|departs|departed|departing) $")
_AFTER_LEAVING = re.compile(r"\s+(?:without|after|empty-handed)\b")
_LEFT_ENDS = frozenset({"es ", "ft ", "ng ", "ts ", "ed "})  # the last three characters of _BEFORE_LEAVING


# a name a thing is measured against: "worse on trade than China", "more than even China would dare", "higher
# than in China" (not "rather than", "other than": a choice or an exception, with rules of their own)
_COMPARED = re.compile(r"(?<!rather )(?<!other )\bthan (?:even |in |with |does |do |that of )?(?:the )?$")


# cues of force, whose comparison names a rival, not a measure ("a bigger nuclear button than Kim's")
_RIVALRIES = frozenset({"military_threat", "threat"})


def _is_compared(folded: str, start: int) -> bool:
    """Whether the name at ``start`` is only the measure of a comparison: it is no party to the sentence
    ("The EU treats us worse on trade than China does" is about the EU)."""
    lo = max(0, start - 24)
    # (most names have no "than" before them: a plain find spares the regex)
    return folded.find("than ", lo, start) >= 0 and _COMPARED.search(folded, lo, start) is not None


def _is_venue(folded: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is the place something happens: after "in", "at" or "off to",
    and ending a phrase ("the summit in Hanoi next week", "at the G-20 in Japan.", "then off to
    Singapore to meet"), or where a journey goes to meet someone ("heads to Vietnam to meet Kim"), which is
    no party to it. "In Canada trade talks" and "a stake in Chile's SQM" name
    a party."""
    if folded[max(0, start - 3):start] not in _VENUE_ENDS:
        # (both patterns end in one of these: most names are spared the regexes) or the place a journey
        # leaves: "Trump leaves South Korea without meeting Kim"
        return folded[max(0, start - 3):start] in _LEFT_ENDS and _BEFORE_LEAVING.search(
            folded, max(0, start - 12), start) is not None and _AFTER_LEAVING.match(folded, end) is not None
    if _BEFORE_VENUE.search(folded, max(0, start - 18), start) is not None:
        return _AFTER_VENUE.match(folded, end) is not None
    return (_BEFORE_TRIP.search(folded, max(0, start - 18), start) is not None
            and _AFTER_TRIP.match(folded, end) is not None)


# a name that says where a firm's shares trade ("U.S.-listed", "U.S. -listed", "Hong Kong-listed")
_LISTED = re.compile(r" ?-listed\b")
# a court named by its country ("in U.S. court", "a Chinese court", "U.S. jury hears"), and the words that
# make a case before it one between firms: a patent, a rival (see _read_sentences)
_COURT = re.compile(r" (?:court|courts|jury|juries|judge|judges)\b")
_FIRM_CASE_WORDS = re.compile(r"\b(?:patent|patents|rival|rivals|shareholders?)\b")


# an extradition named in a sentence, which a third country named there hears or grants (see _read_sentences)
_EXTRADITION = re.compile(r"\bextradit")


# conflicts and threats of force: where one happens is a party to it ("the vicious gas attack in Syria"); not
# where a test is fired ("a missile in Japan's direction")
_PLACED_EVENTS = frozenset({"tension", "military_threat"})


def _side_subject_near(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a side of the dyad is named at most two words before the cue in its clause, as its subject or
    owner ("US begins THAAD deployment in South Korea", "US THAAD deployment"): the place after the cue is
    where the side acts, not who acts."""
    raw, clause = st.item.raw, st.item.clause
    return any(it is not None and it.clause == clause and dyad.side_of(a) and 0 < raw - it.raw <= 2
               for _, a, it in sent.actors)


def _event_in(folded: str, before: Match, start: int) -> bool:
    """Whether the match ``before`` is a conflict or military cue standing right before "in" and the place
    name at ``start``."""
    return (before.kind == "cue" and before.entry.category in _PLACED_EVENTS
            and folded[before.end:start] in (" in ", " in the "))


# a place a weapon's flight passes over: "a missile over Japan", "flew over northern Japan", "across Hokkaido"
_OVER_ENDS = ("over ", "across ", "northern ", "southern ")
_OVER = re.compile(r"\b(?:over|across)(?: the)?(?: (?:northern|southern))? $")


def _flown_over(folded: str, ms: list[Match], start: int) -> bool:
    """Whether the name at ``start`` follows "over" or "across" a few words after a weapons test of the same
    sentence (``ms``, its matches so far): the place the missile flew over."""
    return _OVER.search(folded, max(0, start - 24), start) is not None and any(
        m.kind == "cue" and m.entry.category == "military_test" and start - m.end <= 40 for m in ms)


def _first_named(ms: list[Match], person: bool) -> str | None:
    """The first person (or the first other actor, international bodies aside) among a sentence's matches."""
    alias = _first_alias(ms, person)
    return None if alias is None else alias.actor


def _first_alias(ms: list[Match], person: bool) -> Alias | None:
    """The name (its lexicon entry) :func:`_first_named` finds, or None."""
    for m in ms:
        if m.kind == "actor" and m.entry.kind != "org" and (m.entry.kind in PERSONS) == person:
            return m.entry
    return None


@dataclass(slots=True)
class _Sent:
    """A sentence read: who it names where, and what the rules made of its cues."""

    start: int
    end: int
    names: set[str]  # the actors named here (codes)
    actors: list[tuple[int, str, Item]] = field(default_factory=list)  # (tok, actor code, item)
    view: SentenceView | None = None


class Scorer:
    """A reusable scorer: lexicons loaded and the matcher built once.

    Parameters
    ----------
    lexicon_dir : str or Path, optional
        A lexicon folder; default: ``$TENSION_LEXICON_DIR``, else the lexicons shipped with the package.
    config : Config, optional
        Rule settings; default ``Config()``.
    user_lexicons : str or list of str, optional
        Folders that extend or override the lexicons, merged in order (see the README: a row replaces the
        packaged row with the same phrase, alias, category or dyad; REMOVE deletes one).

    Examples
    --------
    >>> s = Scorer()
    >>> d = s.score("The U.S. imposed new tariffs on Chinese goods.").dyads["us_china"]
    >>> d.relevant, d.tension > 0, d.hits[0].category
    (True, True, 'tariff_imposed')
    """

    def __init__(self, lexicon_dir: Any = None, config: Config | None = None, user_lexicons: Any = ()):
        if config is not None and not isinstance(config, Config):
            raise InputError(f"config must be a tension.Config, got {type(config).__name__}; "
                             "build one with tension.Config(...).")
        self.config = config or Config()
        if isinstance(user_lexicons, (str, bytes)) or hasattr(user_lexicons, "__fspath__"):
            user_lexicons = [user_lexicons]
        self.user_lexicons: tuple[str, ...] = tuple(str(u) for u in (user_lexicons or ()))
        self.lexicon: Lexicon = load_lexicon(lexicon_dir, self.user_lexicons)
        self._matcher: Matcher | None = None
        self._empty: dict[str, DyadScore] = {}  # per dyad, the score of a text without hits (immutable, shared)
        self._no_hits: Mapping[str, DyadScore] | None = None  # the dyads of a text without hits (the same)
        self._speaker_codes = {a.alias.lower(): a.actor for a in self.lexicon.aliases}
        # the one-word names a CamelCase hashtag keeps whole ("#NoKo", "#TikTokBan"), cut, they name no one
        self._whole_names = frozenset(a.alias.lower() for a in self.lexicon.aliases if a.alias.isalnum())
        # the names as written ("Kim", "Xi", "US", "Trump", "North Korea"), for a stretch written wholly in
        # capitals, which is read in lower case save these (those whose case tells them from common words must
        # be found, the rest read as names are read elsewhere); shorter first, so a longer name's case wins
        # where they overlap; "the North" in its lower-case form; not the ones that are common words first: a
        # ticker's "TALK SESSIONS" or "POLISH" is no name
        cased = sorted({a.alias for a in self.lexicon.aliases
                        if a.alias not in _COMMON_IN_CAPS and a.alias != a.alias.lower()},
                       key=lambda x: (len(x), not x[:1].islower(), x))
        written: dict[str, str] = {}
        for x in cased:
            written.setdefault(x.lower(), x)
        self._name_auto = ahocorasick.Automaton()  # (one pass over a stretch finds them all)
        for low, x in written.items():
            self._name_auto.add_word(low, (len(low), x))
        self._name_auto.make_automaton()
        self._side_codes = frozenset(a for d in self.lexicon.dyads.values() for a in d.side_a | d.side_b)
        self._a_codes = frozenset(a for d in self.lexicon.dyads.values() for a in d.side_a)
        self._b_codes = frozenset(b for d in self.lexicon.dyads.values() for b in d.side_b)
        # per dyad, the actors that are not a third party to it: its sides and the international bodies
        self._scope = {name: d.side_a | d.side_b | d.no_block for name, d in self.lexicon.dyads.items()}
        # the other side of every other dyad (side B of US-North Korea for US-China, and the reverse)
        self._other_b = {name: frozenset().union(*(o.side_b for on, o in self.lexicon.dyads.items() if on != name))
                         - d.side_a - d.side_b for name, d in self.lexicon.dyads.items()}
        # per dyad, the actors beside which a side named in the next sentence still carries over: its sides and
        # the international bodies (an ally named here is someone else the sentence is about: "Looking forward
        # to seeing Prime Minister Abe. Will be discussing North Korea" is a meeting with Japan)
        orgs = {a.actor for a in self.lexicon.aliases if a.kind == "org"}
        self._carry_scope = {name: frozenset(d.side_a | d.side_b | (d.no_block & orgs))
                             for name, d in self.lexicon.dyads.items()}
        # for the context path, also the sides of dyads that exclude its context topics: North Korea is no
        # partner in a trade war, so "Nixed U.S.-North Korea meeting, trade fears sink shares" keeps the
        # trade war US-China
        dyads = self.lexicon.dyads
        self._context_scope = {
            name: self._scope[name].union(*(o.side_a | o.side_b for o in dyads.values()
                                            if o.exclude_topics & d.context_topics))
            for name, d in dyads.items()}
        self._context_topics = frozenset(t for d in self.lexicon.dyads.values() for t in d.context_topics)
        # the cues of a deal, beside which a third country is no bystander (see _read_sentences)
        self._deal_phrases = frozenset(c.phrase for c in self.lexicon.cues
                                       if c.category == "deal" or "deal" in c.phrase.split())
        self._rule_tables = RuleTables.from_lexicon(self.lexicon)
        # per dyad, the other dyads' claims on topics: (their side B, the topics they claim), for the cues that
        # belong to another dyad when its side B is named with them (dyads.tsv, claims_topics)
        self._claimed = {name: tuple((o.side_b, o.claims_topics) for oname, o in dyads.items()
                                     if oname != name and o.claims_topics)
                         for name in dyads}

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self.lexicon)
        return self._matcher

    def release_matcher(self) -> None:
        """Free the built matcher (~35 MB); the next score builds it again (a quarter of a second). For a
        process whose forked workers hold their own copy."""
        self._matcher = None

    def __getstate__(self) -> dict[str, Any]:  # the automaton is rebuilt in the receiving process
        state = self.__dict__.copy()
        state["_matcher"] = None
        state["_empty"], state["_no_hits"] = {}, None  # (a mappingproxy does not pickle)
        return state

    @property
    def dyad_names(self) -> tuple[str, ...]:
        return tuple(self.lexicon.dyads)

    def resolve_speaker(self, speaker: str | None) -> str | None:
        """An actor code for ``speaker``: a code ("USA") or any alias ("realDonaldTrump", "Trump")."""
        if speaker is None or (isinstance(speaker, float) and math.isnan(speaker)):
            return None
        if not isinstance(speaker, str):
            raise InputError(f"speaker must be an actor code or alias string, got {type(speaker).__name__}.")
        s = speaker.strip().lstrip("@")
        if not s:
            return None
        if s in self.lexicon.actors:
            return s
        code = self._speaker_codes.get(s.lower()) or self._speaker_codes.get("@" + s.lower())
        if code is None:
            raise InputError(f"speaker={speaker!r} is neither an actor code ({', '.join(sorted(self.lexicon.actors)[:6])}"
                             f"...) nor an alias in actors.tsv; pass e.g. speaker='USA'.")
        return code

    # -----------------------------------------------------------------------------------------------------

    def _names_in(self, low: str) -> list[tuple[int, int, str]]:
        """The names in ``low`` (a stretch in lower case) that stand as words, as ``(start, end, written)``,
        shorter first (see :func:`recase_shouting`)."""
        found = []
        for last, (size, x) in self._name_auto.iter(low):
            start, end = last + 1 - size, last + 1
            if (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
                found.append((start, end, x))
        found.sort(key=lambda f: f[1] - f[0])
        return found

    def score(self, text: str, speaker: str | None = None, date: Any = None) -> Document:
        """Score one text. See :func:`tension.score`."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}; decode bytes first "
                            "(text.decode('utf-8', errors='replace')) or convert with str().")
        spk = self.resolve_speaker(speaker)
        day = _parse_date(date)
        cfg = self.config
        nt = normalize(text, self._whole_names)
        if CAPS_RUN.search(nt.text) is not None:  # (a test in C: most texts hold no run of capitals)
            nt = recase_shouting(nt, self._names_in)
        matches = self.matcher.find(nt.folded, nt.text)
        dyad_hits: dict[str, list[Hit]] | None = None  # (built only for a text with a match: a third have none)
        relevant: set[str] = set()  # the dyads the text is about
        dyads: Mapping[str, DyadScore]
        if matches:
            dyad_hits = {name: [] for name in self.lexicon.dyads}
            self._score_matches(nt, matches, spk, day, dyad_hits, relevant)
        if dyad_hits is not None and any(dyad_hits.values()):
            dyads = MappingProxyType({name: self._aggregate(name, hits, name in relevant)
                                      for name, hits in dyad_hits.items()})
        else:  # the frozen mapping of empty scores is shared too
            if self._no_hits is None:
                self._no_hits = MappingProxyType({name: self._aggregate(name, [], False) for name in self.lexicon.dyads})
            dyads = self._no_hits
        tone = _tone(nt.text) if cfg.tone else None
        return Document(text, spk, day, dyads, tone, self.lexicon.version)

    def _score_matches(self, nt: NormText, matches: list[Match], spk: str | None, day: Date | None,
                       dyad_hits: dict[str, list[Hit]], relevant: set[str]) -> None:
        if not self._any_worth_reading(matches, spk, day):
            return
        spans = sentences(nt)
        if not spans:
            return
        if len(spans) > 1:
            spans = _join_undoing(nt, spans, matches, self.matcher.token_mods)
        views, read, doc_actors, blocked, bystanders = self._read_sentences(nt, spans, matches, spk, day)
        self._assign_dyads(nt, views, read, doc_actors, blocked, bystanders, spk, day, dyad_hits, relevant)

    def _any_worth_reading(self, matches: list[Match], spk: str | None, day: Date | None) -> bool:
        """False when :meth:`_read_sentences` would find no sentence worth reading anywhere in the text, so
        it yields no hit and needs no sentences: no cue, or (without a speaker) no side named and no cue
        that names an actor or can set the trade-war context. Half the short texts with a match hold no
        cue. Must stay in step with the test for a sentence there (``worth``)."""
        cues = [m.entry for m in matches if m.kind == "cue"]
        if not cues:
            return False
        if spk is not None:
            return True
        side_codes = self._side_codes
        if any(m.kind == "actor" and m.entry.actor in side_codes for m in matches):
            return True
        cue_actors = self.matcher.cue_actors
        context_topics = self._context_topics_on(day)
        tariff_steps = TARIFF_STEPS if self._tariff_period(day) else frozenset()
        return any(c.phrase in cue_actors or c.topic in context_topics or c.category in tariff_steps for c in cues)

    def _tariff_period(self, day: Date | None) -> bool:
        """Whether a tariff step named alone may be some dyad's on ``day`` (_tariff_step_alone)."""
        return any(d.in_tariff_period(day) for d in self.lexicon.dyads.values())

    def _context_topics_on(self, day: Date | None) -> frozenset[str]:
        """The cue topics that can set a dyad's context on ``day`` (none outside every context period)."""
        if any(d.in_context_period(day) for d in self.lexicon.dyads.values()):
            return self._context_topics
        return frozenset()

    def _read_sentences(self, nt: NormText, spans: list[tuple[int, int]], matches: list[Match],
                        spk: str | None, day: Date | None
                        ) -> tuple[list[_Named], list[tuple[int, _Sent]], set[str], dict[str, tuple[bool, bool]],
                                   set[str]]:
        """Every sentence that holds a match, in order, with who it names; the sentences read, where a cue
        can reach a dyad, by their position in the first list, with the rules' verdict on their cues; every
        actor named in the document, and per dyad whether a third party named anywhere in it blocks implied
        sides, and whether one blocks the context; the third parties named only as bystanders."""
        cfg = self.config
        cue_actors = self.matcher.cue_actors
        side_codes = self._side_codes
        context_topics = self._context_topics_on(day)
        tariff_steps = TARIFF_STEPS if spk is None and self._tariff_period(day) else frozenset()
        # One pass over the matches places them in sentences (a match before the first sentence goes to it)
        # and notes who each sentence names, as reading it would find them (for carry-over and third
        # parties): actors, and the actors a cue names; the speaker's "I" and "we" are found only by reading,
        # so with a speaker every sentence worth it is read. matches are in text order, so the sentence is
        # looked up only when a match leaves one.
        views: list[_Named] = []
        per_view: list[list[Match]] = []  # the matches of each sentence in views
        named: set[int] = set()  # the sentences that name a side
        cued: set[int] = set()  # the sentences with a cue
        worth_anyway: set[int] = set()  # with a cue that names an actor or can set the trade-war context
        doc_foreign: set[str] = set()  # the actors named anywhere, international bodies aside
        doc_places: set[str] = set()  # the countries named only as where production moves
        foreign_at: list[tuple[str, int, int, int, int]] = []  # a third party's mentions: where, sentence, view
        cue_foreign: set[str] = set()  # the third parties a cue names
        source_starts: set[int] = set()  # where a third party is named as the news's source
        a_starts: set[int] = set()  # where side A is named (a bystander trading with it is a party)
        a_codes = self._a_codes
        deal_phrases = self._deal_phrases
        has_deal = war_word = False  # whether a deal is named; a word of the context topics
        sent_starts = [st for st, _ in spans]
        last = len(sent_starts) - 1
        compares = "than " in nt.folded  # (a comparison's measure is looked for only where one may be)
        # (and an extradition's third country only where one is named, once per sentence: i -> found)
        extraditions: dict[int, bool] | None = {} if "extradit" in nt.folded else None
        # (and whether a sentence with a court names a firm's case, where the text names a court: i -> found)
        courts = _COURT.search(nt.folded) is not None
        firm_cases: dict[int, bool] = {}
        nxt: float = -1  # where the sentence after the current one starts (inf in the last sentence)
        i = -1
        ms: list[Match] = []
        names: set[str] = set()
        for m in matches:
            start, _, kind, entry = m
            if start >= nxt:
                i = max(bisect_right(sent_starts, start) - 1, 0)
                nxt = sent_starts[i + 1] if i < last else math.inf
                ms, names = [], set()
                views.append((i, names))
                per_view.append(ms)
            if kind == "actor":
                actor = entry.actor
                if actor in a_codes:
                    a_starts.add(start)
                if actor not in side_codes and _is_destination(nt.folded, start):
                    # "moves production to Vietnam to avoid China tariffs": a place, no party (but it still
                    # keeps the trade-war context from a text that names no side: whose war is not said)
                    doc_places.add(actor)
                    continue
                if _LISTED.match(nt.folded, m.end):
                    # "China detains CEO of U.S.-listed P2P firm": where a firm's shares trade, no party
                    continue
                if courts and _COURT.match(nt.folded, m.end) and entry.kind in ("country", "adjective"):
                    if i not in firm_cases:
                        lo, hi = spans[i]
                        firm_cases[i] = _FIRM_CASE_WORDS.search(nt.folded, lo, hi) is not None or len({
                            x.entry.alias for x in matches
                            if x.kind == "actor" and x.entry.kind == "firm" and lo <= x.start < hi}) > 1
                    if firm_cases[i]:
                        # "Huawei, Samsung settle patent dispute in U.S. court", "Huawei rival stole trade
                        # secrets, U.S. jury hears": the court of a case between firms (two named, or a patent
                        # or a rival) is where it is heard, its country no party ("a Chinese court jails a U.S.
                        # citizen", "U.S. judge says ZTE violated probation" are a state's cases)
                        continue
                if extraditions is not None and actor not in side_codes:
                    if i not in extraditions:
                        extraditions[i] = _EXTRADITION.search(nt.folded, *spans[i]) is not None
                    if extraditions[i]:
                        # "Canada to allow extradition case against Huawei executive": a third country that
                        # hears or grants an extradition acts for the side that asked for it, no party of its own
                        continue
                if entry.kind != "org" and (not entry.in_office or entry.serves(day) or actor in side_codes) \
                        and not (nt.folded.endswith("near ", 0, start) and _NEAR.search(nt.folded, max(0, start - 6), start)):
                    # (a place too: "trade talks in Japan" may be talks with Japan, but not one a thing is only
                    # near, "a missile lands in the sea near Russia"; not a foreign name out of office, who
                    # speaks for no country: "Mark Carney" in 2018 was no Canadian leader)
                    doc_foreign.add(actor)
                    if actor not in side_codes:
                        foreign_at.append((actor, start, m.end, i, len(views) - 1))
                if entry.kind == "firm" and actor in self._a_codes and not _targeted(nt.folded, start, m.end):
                    # a side A firm stands for its side only as the target of a step: "China opens probe into
                    # FedEx", "summons Nvidia" (not "Qualcomm-NXP deal awaits China nod", a firm's own business)
                    continue
                if entry.kind == "press" and _press_source(nt.folded, start, m.end, nxt):
                    # "...: WSJ", "..., the New York Times reported": an outlet named as the source of the news
                    # is no party to it (its reporters expelled are: "China expels WSJ reporters")
                    continue
                if compares and _is_compared(nt.folded, start) and not any(
                        x.kind == "cue" and x.entry.category in _RIVALRIES for x in ms):
                    # "worse on trade than China does": the measure of a comparison is no party to it (but the
                    # rival of a boast of force is: "my nuclear button is much bigger than Kim's")
                    continue
                if actor not in side_codes and _is_source(nt.folded, start, m.end, nxt):
                    # "..., Japan says": a third country that reports the news at its end is its source, no party
                    # to it (a side that says it speaks for itself: "..., China says")
                    source_starts.add(start)
                    continue
                if actor not in side_codes and nt.folded.endswith(_OVER_ENDS, max(0, start - 10), start) \
                        and _flown_over(nt.folded, ms, start):
                    # "Firing a missile over Japan is contemptuous": the country a missile flies over is on its
                    # path, no party to the launch (nor does it keep the sentence from the story before it)
                    continue
                if actor not in side_codes and _is_venue(nt.folded, start, m.end) \
                        and not (ms and _event_in(nt.folded, ms[-1], start)):
                    # "a meeting next week at the G-20 in Japan": a place, not a party to the sentence; the
                    # sentence is read without it (unless an attack or a war happens there: "the gas attack
                    # in Syria" is Syria's)
                    continue
                names.add(actor)
                if actor in side_codes:
                    named.add(i)
            elif kind == "cue":
                cued.add(i)
                if entry.phrase in deal_phrases:
                    has_deal = True
                if entry.topic in context_topics:
                    war_word = True
                aliases = cue_actors.get(entry.phrase)
                if aliases:
                    worth_anyway.add(i)
                    for alias in aliases:
                        names.add(alias.actor)
                        if alias.kind != "org":
                            doc_foreign.add(alias.actor)
                            cue_foreign.add(alias.actor)
                elif entry.topic in context_topics or entry.category in tariff_steps:
                    worth_anyway.add(i)
            ms.append(m)
        # A short exclamation with no name or cue ("A great moment!", "Great!") does not break the thread:
        # sentences are placed in the thread without such fillers, and carry-over counts places
        # ("Stepped across the line with Chairman Kim. A great moment! Our teams will meet to restart talks.")
        phys: dict[int, int] | None = None  # place in the thread -> sentence, when fillers moved any
        if spk is not None and len(views) > 1:  # (a speaker's posts: news prose has no such exclamations)
            # (and so is one whose only matches are exclusions: "Fake News!" between a post's sentences holds
            # the exclusion that keeps "news" from firing, and names no one; not a retort that takes back the
            # sentence before, "It never happened!", read by _retort)
            foreign_views = {f[4] for f in foreign_at}
            quiet = {k for k, (i, names) in enumerate(views)
                     if not names and i not in cued and k not in foreign_views
                     and all(m.kind == "mod" and m.entry.type == "exclusion" for m in per_view[k])
                     and spans[i][1] - spans[i][0] <= _FILLER_CHARS and _is_filler(nt.folded, *spans[i])}
            if quiet:
                kept = [k for k in range(len(views)) if k not in quiet]
                new_k = {k: n for n, k in enumerate(kept)}
                views = [views[k] for k in kept]
                per_view = [per_view[k] for k in kept]
                foreign_at = [(a, s, e, i, new_k[k]) for a, s, e, i, k in foreign_at]
        if spk is not None and len(views) > 1:
            # (the other side's leaders and officials, of whom a speaker says more: "I hope he is doing fine")
            persons = {i for (i, _), ms in zip(views, per_view) if _first_named(ms, True) in self._b_codes}
            place = _thread_places(nt.folded, spans, views, persons)
            if place is not None:
                views = [(place[i], names) for i, names in views]
                named = {place[i] for i in named}
                cued = {place[i] for i in cued}
                worth_anyway = {place[i] for i in worth_anyway}
                phys = {v: i for i, v in place.items()}
        # A sentence that opens with "He" or "She" names the person the sentence before named first, and
        # one that opens with "They" the country (or other actor) it named first: in "My meetings with
        # President Xi ... on North Korea. He is a highly respected ..." the praise is Xi's (China's), so it
        # carries nothing to US-North Korea; in "China is not living up to its commitments. They promised
        # to buy ..." the promise is China's. A referent carries on to the next such sentence. (A pronoun
        # opening a later clause of one sentence is placed when the sentence is read: _resolve_pronouns.)
        # (looked up only for the sentences that open with a pronoun, not while placing every match)
        referents: dict[int, tuple[str, bool, Alias]] = {}  # view -> (the actor, whether a person, its name)
        for k in range(1, len(views)):
            i, names = views[k]
            if views[k - 1][0] != i - 1:
                continue
            pronoun = _PRONOUN.match(nt.folded, spans[i if phys is None else phys[i]][0])
            if pronoun is None:
                continue
            person = _PRONOUNS[pronoun.group()]
            named_as = _first_alias(per_view[k - 1], person)
            if named_as is None and k - 1 in referents and referents[k - 1][1] == person:
                named_as = referents[k - 1][2]
            if named_as is None:
                continue
            ref = named_as.actor
            referents[k] = (ref, person, named_as)
            names.add(ref)
            if ref in side_codes:
                named.add(i)
        # The cheap test: a sentence with a cue is worth the rules only when a dyad can be in play there:
        # a side named in it or next to it, a speaker, or a cue that names an actor or can set the trade-war
        # context (as in _any_worth_reading).
        carry = cfg.carry_window
        pending: list[tuple[int, list[Match]]] = []  # (position in views, matches) of the sentences worth it
        for k, (i, _) in enumerate(views):
            if i in cued and (spk is not None or i in worth_anyway
                              or not named.isdisjoint(range(i - carry, i + carry + 1))):
                pending.append((k, per_view[k]))
        doc_actors: set[str] = set().union(*(names for _, names in views))
        # A third party named only as a bystander keeps no context away: one whose economy or markets the news
        # hurts ("Trade war and Brexit pose risk to EU economy"), one that looks on at a war word, forecasting
        # or reporting ("Japan sees growth risks on trade war", "..., Japan says"), or one named in a part of
        # its own that holds no step ("Britain faces tax rises; trade war fears weigh on markets", "Stocks slip
        # on tariffs, Argentina hit by capital controls"). An onlooker or one in a part of its own stops no
        # implied side either; one only hurt still does, and is spared only the document's block, not its own
        # sentence's ("U.S. tariffs hit EU exports" are the EU's affair: a tariff there sets no context).
        context_foreign = implied_foreign = doc_foreign
        bystanders: set[str] = set()
        if foreign_at and (context_topics or tariff_steps) and not has_deal:
            # (not beside a deal, which is most often the third party's own: "Mexico markets slump on worries
            # about the trade deal"; nor an onlooker of a tariff, whose target it may be)
            spared: dict[str, int] = {}  # _PART, _LOOKING_ON, _HURT, or 0: a party
            for actor, start, end, i, k in foreign_at:
                if start in source_starts or _ONLOOKER.match(nt.folded, end):
                    how = _LOOKING_ON if war_word else 0
                elif _bystander_part(nt.folded, spans[i], start, end, per_view[k]):
                    how = _PART
                else:
                    how = _HURT if _hurt_bystander(nt.folded, start, end, a_starts) else 0
                spared[actor] = min(spared.get(actor, _PART), how)
            spare = {a for a, how in spared.items() if how} - cue_foreign
            if spare:
                context_foreign = doc_foreign - spare
                implied_foreign = doc_foreign - {a for a in spare if spared[a] >= _LOOKING_ON}
                bystanders = {a for a in spare if spared[a] == _PART}
        blocked = {name: (not implied_foreign <= scope,
                          not (context_foreign | doc_places) <= self._context_scope[name])
                   for name, scope in self._scope.items()}
        read: list[tuple[int, _Sent]] = []
        ways = self._ways_in(doc_actors, blocked, day)
        for k, ms in pending:
            if spk is None and not self._may_hit(views, k, ms, ways):
                continue
            i = views[k][0]
            sent = self._read_sentence(nt, *spans[i if phys is None else phys[i]], ms, spk, day,
                                       referents[k][2] if k in referents else None)
            if sent.view is not None and k + 1 < len(views) and views[k + 1][0] == i + 1:
                _retort(nt.folded, spans[i + 1 if phys is None else phys[i + 1]], per_view[k + 1], sent.view,
                        self.config)
            if sent.view is not None:
                _denied_by_next(nt.folded, spans, i if phys is None else phys[i], sent.view, self.config)
            if k in referents:
                sent.names.add(referents[k][0])
            views[k] = (i, sent.names)  # the same, with the speaker's "I" and "we"
            read.append((k, sent))
        if len(read) > 1:
            _withdrawn_before(read)
        return views, read, doc_actors, blocked, bystanders

    def _own_and_near(self, views: list[_Named], k: int) -> tuple[set[str], set[str]]:
        """The actors of sentence ``views[k]`` and those of its neighbours within the carry window (before,
        and after for quotes attributed at their end)."""
        carry = self.config.carry_window
        i, own = views[k]
        near: set[str] = set()
        for kk in range(max(k - carry, 0), min(k + carry + 1, len(views))):
            if kk != k and abs(views[kk][0] - i) <= carry:
                near |= views[kk][1]
        return own, near

    def _ways_in(self, doc_actors: set[str], blocked: dict[str, tuple[bool, bool]], day: Date | None
                 ) -> list[tuple[Dyad, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]:
        """What :meth:`_may_hit` asks of each dyad, with what is known for the whole document settled once:
        the dyad, the actors beside which a neighbour's side carries over (as in :meth:`_assign_dyads`), the
        topics that imply its sides (none when a third party blocks that), the topics that put a cue in
        its context without side B (none when blocked, outside its periods, or when side B is named anywhere
        in the document) and the categories of the tariff steps that may do so (_tariff_step_alone: only
        where the context is open and in the dyad's tariff periods)."""
        ways = []
        for name, dyad in self.lexicon.dyads.items():
            steps = TARIFF_STEPS if dyad.in_tariff_period(day) else frozenset()
            implied_blocked, context_blocked = blocked[name]
            context_open = (not context_blocked and bool(dyad.context_topics) and dyad.in_context_period(day)
                            and not (doc_actors & dyad.side_b))
            ways.append((dyad, self._carry_scope[name], frozenset() if implied_blocked else dyad.imply_topics,
                         dyad.context_topics if context_open else frozenset(),
                         steps if context_open else frozenset()))
        return ways

    def _may_hit(self, views: list[_Named], k: int, ms: list[Match],
                 ways: list[tuple[Dyad, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]]) -> bool:
        """False when no cue of sentence ``views[k]`` can reach a dyad in :meth:`_assign_dyads`, whatever the
        rules do to it: the sides present there decide, so most sentences of a long text need no rules.
        Only for texts without a speaker (whose "I" and "we" are found by reading the sentence). ``ways``
        comes from :meth:`_ways_in`."""
        own, near = self._own_and_near(views, k)
        topics = None  # the cues' topics, needed only when some topic can bring a cue in here
        for dyad, carry_scope, implying, context, steps in ways:
            a_in, b_in = _sides_in(own, near, dyad, carry_scope, None)
            if a_in and b_in:
                return True
            # side B present: implied; absent: in context, or implied by an ally of side A in its theatre
            bring_in = implying if b_in or (not own.isdisjoint(dyad.theatre) and not own.isdisjoint(dyad.side_a)) \
                else context
            if bring_in:
                if topics is None:
                    topics = {m.entry.topic for m in ms if m.kind == "cue"}
                if not topics.isdisjoint(bring_in):
                    return True
            if b_in and not implying and any(m.kind == "cue" and (m.entry.category == "military_test"
                                                                  or m.entry.category in _MEASURES)
                                             and m.entry.topic in dyad.imply_topics for m in ms):
                # a weapons test by side B is aimed at side A whoever else is named (_side_b_test), and a
                # measure on side B listed with others is laid on it (_measure_on_side_b)
                return True
            if steps and not b_in and any(m.kind == "cue" and m.entry.category in steps for m in ms):
                return True  # a tariff step named alone in news, in its months (_tariff_step_alone)
            if context and not b_in and any(m.kind == "actor" and m.entry.kind == "negotiator"
                                            and dyad.side_of(m.entry.actor) == "a" for m in ms) \
                    and any(m.kind == "cue" and m.entry.phrase in _PARTNER_NOUNS for m in ms):
                return True  # talks that side A's negotiator speaks of, in the context period (_side_a_negotiates)
            if b_in and implying and own and own <= dyad.side_b and any(
                    m.kind == "cue" and (m.entry.category in _GATHERINGS or m.entry.category in _STANDOFFS)
                    for m in ms):
                return True  # talks, or a standoff, with side B alone imply side A (see _assign_dyads)
        return False

    def _read_sentence(self, nt: NormText, s: int, e: int, ms: list[Match], spk: str | None, day: Date | None,
                       referent: Alias | None = None) -> _Sent:
        """One sentence with a cue in play: its tokens, actors, modifiers and cues, and the rules run on it.
        ``referent``: the name the pronoun that opens it stands for (the sentence before named it), which
        stands there as an actor: in "I met President Xi. He agreed to buy our farm products." China agrees
        and buys, not the speaker."""
        cfg = self.config
        folded = nt.folded
        cue_actors = self.matcher.cue_actors
        sent = _Sent(s, e, set())
        tokens = TOKEN_RE.findall(folded, s, e)  # the strings in C, the starts from a second pass
        tok_starts = [t.start() for t in TOKEN_RE.finditer(folded, s, e)]
        ms = _with_token_mods(ms, tokens, tok_starts, self.matcher.token_mods, nt.text)
        # each match with the tokens it starts and ends in (one that starts before the first token, at it),
        # looked up once for the window arithmetic and for the items
        placed = [(m, max(bisect_right(tok_starts, m.start) - 1, 0), bisect_right(tok_starts, m.end - 1) - 1)
                  for m in ms]
        eff = _effective_positions(tokens, placed)
        breaks = clause_breaks(folded, s, e)
        break_pos = [b for b, _ in breaks]
        cue_states: list[CueState] = []
        mods: list[Item] = []
        for m, r0, r1 in placed:
            if r1 < r0:
                r1 = r0
            clause = bisect_right(break_pos, m.start)
            t0 = eff[r0] if r0 < len(eff) else 0
            item = _new_item(Item, (m, t0, eff[r1] if r1 < len(eff) else t0, clause, r0))
            if m.kind == "actor" or (m.kind == "cue" and m.entry.phrase in cue_actors):
                for alias in ((m.entry,) if m.kind == "actor" else cue_actors[m.entry.phrase]):
                    sent.actors.append((t0, alias.actor, item))
                    sent.names.add(alias.actor)
            if m.kind == "cue":
                st = CueState(item, m.entry, m.entry.weight, m.entry.mode)
                surface = nt.text[m.start:m.end]
                st.caps = len(surface) >= 4 and surface.isupper() and not nt.text[s:e].isupper()
                cue_states.append(st)
            elif m.kind == "mod":
                if m.entry.type == "first_person":
                    if spk is not None:
                        sent.actors.append((t0, spk, item))
                        sent.names.add(spk)
                elif m.entry.type != "exclusion":
                    mods.append(item)
        if referent is not None and tokens and tokens[0] in _PRONOUNS:
            here = Match(tok_starts[0], tok_starts[0] + len(tokens[0]), "actor", referent)
            sent.actors.append((eff[0], referent.actor, Item(here, eff[0], eff[0], 0, 0)))
            sent.names.add(referent.actor)
        if sent.actors and not _SUBJECT_PRONOUNS.isdisjoint(tokens):
            _resolve_pronouns(sent, tokens, tok_starts, eff, break_pos)
        if cue_states:
            contrast = _contrast_factors(breaks, cfg, s, folded, e)
            # "since the 2017 crisis" dates the start of a present state, not a past event
            years_before = frozenset(
                bisect_right(break_pos, y.start()) for y in _YEAR.finditer(folded, s, e)
                if int(y.group()) < day.year and not _SINCE.search(folded, max(s, y.start() - 12), y.start())
            ) if day is not None else frozenset()
            bounds = [s, *break_pos, e]
            clause_text = {k: folded[bounds[k]:bounds[k + 1]] for k in range(len(bounds) - 1)}
            view = SentenceView(folded, tokens, cue_states, mods, contrast, years_before, clause_text,
                                [it for _, _, it in sent.actors if it.match.kind == "actor"], self._rule_tables, spk,
                                [it for _, _, it in sent.actors if it.match.kind == "mod"])
            apply_rules(view, cfg)
            sent.view = view
        return sent

    def _assign_dyads(self, nt: NormText, views: list[_Named], read: list[tuple[int, _Sent]], doc_actors: set[str],
                      blocked_in: dict[str, tuple[bool, bool]], bystanders: set[str], spk: str | None, day: Date | None,
                      dyad_hits: dict[str, list[Hit]], relevant: set[str]) -> None:
        """Each scored cue goes to the dyads whose sides it is about (named, implied or in the trade-war
        context), with the side that acts; ``relevant`` gets the dyads the text is about: those a cue of weight
        reaches, or any cue with both sides named, or a cue set to 0 in place (a topic word alone, reached
        through an implied side or the context, does not make a dyad relevant). A new way for a cue to reach a dyad must also be admitted by
        :meth:`_may_hit`, which skips the sentences that cannot (new ways to refuse one need nothing)."""
        dyads = self.lexicon.dyads
        cue_actors = self.matcher.cue_actors
        # a text that opens with "They", "He" or "She" goes on from something unseen (a post continued from
        # another): its first sentence is someone else's, so the speaker is there only if it says "I" or "we"
        lead_other = spk is not None and _LEAD_PRONOUN.match(nt.folded) is not None
        for k, sent in read:
            if sent.view is None:  # no cue after all
                continue
            own, near = self._own_and_near(views, k)
            spk_here = None if lead_other and views[k][0] == 0 else spk
            # a headline of two stories joined by a semicolon ("Trump and Xi agree to cut tariffs; North Korea
            # fires missiles"), or two sides set against each other by ", but with" ("The trade deficit with China
            # is a disaster, but with North Korea we have made tremendous progress"; not ", but won't help with
            # North Korea", whose subject goes on): each part names its own sides, and a part takes the other's
            # only when it names no other dyad's other side
            semis = [m.start() for m in _PART_BREAKS.finditer(nt.folded, sent.start, sent.end)]
            part_names: list[set[str]] = []
            if semis:
                part_names = [set() for _ in range(len(semis) + 1)]
                for _, a, it in sent.actors:
                    if it is None:
                        for names in part_names:
                            names.add(a)
                    else:
                        part_names[bisect_right(semis, it.match.start)].add(a)
            # the pairs that name a gathering or deal (computed once for every dyad)
            # (or "between" them: those decide whoever else the sentence names)
            pairs: dict[int, set[str]] = {}
            between_pairs: set[int] = set()
            for st in sent.view.cues:
                if st.cue.category in _PAIRED:
                    p = _pair_named(st, sent)
                    if p is None:
                        p = _pair_between(sent.view, st)
                        if p is not None:
                            between_pairs.add(id(st))
                    if p is None:
                        p = _pair_coordinated(sent.view, st)
                    if p is None:
                        p = _pair_with(sent.view, st)
                    if p is None:
                        p = _pair_subject_and_name(sent.view, st)
                    if p is not None:
                        pairs[id(st)] = p
            if pairs:
                # a gathering hosted or offered for a named pair is that pair's: "China may host the Trump-Kim
                # summit", "offers to host" it (the host is no party to it; from the last cue back, so an offer
                # reaches through the hosting it absorbed)
                later = None
                # and so is a word of praise or blame said of it: "China hails the Trump-Kim handshake" (China's
                # words on that pair's event, no step between China and either)
                # (only a dyad's own pair: "North Korea condemns the U.S.-South Korea summit statement" is North
                # Korea's charge against the US)
                for st in reversed(sent.view.cues):
                    if (later is not None and id(st) not in pairs
                            and (st.cue.category in _PAIRED or st.cue.category in _REACTIONS
                                 and _a_dyads_pair(pairs.get(id(later)), dyads.values()))
                            and id(later) in pairs and later.item.clause == st.item.clause
                            and _only_names_between(sent.view, st, later)):
                        pairs[id(st)] = pairs[id(later)]
                    later = st
            # (a cue absorbed into another is read after it, to know whether the other reached the dyad: "accuses
            # China of IP theft" comes before the theft it names)
            cues = sent.view.cues
            if any(st.absorbed_by is not None for st in cues):
                cues = [st for st in cues if st.absorbed_by is None] + [st for st in cues if st.absorbed_by is not None]
            home_here: bool | None = None  # (whether a cue is aimed at home rivals: looked at when needed)
            for dname, dyad in dyads.items():
                a_in, b_in = _sides_in(own, near, dyad, self._carry_scope[dname], spk_here)
                parts_in = []
                for j, names in enumerate(part_names):
                    # (a part that names another dyad's other side is that story's: "Trump and Xi agree to cut
                    # tariffs; North Korea fires missiles"; a venue is no story: "Kim summit set for Vietnam")
                    # (nor is a part that pairs side A with a third country and no side B: "U.S.-Mexico
                    # tariff row escalates; China says it is watching")
                    others = set().union(*(n for jj, n in enumerate(part_names) if jj != j))
                    paired = (not names.isdisjoint(dyad.side_a) and names.isdisjoint(dyad.side_b)
                              and any(dyad.side_of(a) is None and a not in dyad.no_block for a in names))
                    own_j = names | others if names.isdisjoint(self._other_b[dname]) and not paired else names
                    parts_in.append(_sides_in(own_j, near, dyad, self._carry_scope[dname], spk_here))
                # a third party anywhere in the document stops an implied side and the context
                blocked, context_blocked = blocked_in[dname]
                # a sentence that speaks of the trade war ("trade talks", "the truce", "trade officials"; the bare word "trade" is
                # not enough) puts its other cues in that context too
                # (unless the sentence names a third party: the other cues may be about it)
                # (its people named as such are enough: "Trade negotiators reach a framework, Bessent says")
                ctx = (own - bystanders if bystanders else own) <= self._scope[dname] and (any(c.cue.topic in dyad.context_topics
                                                         and (c.cue.weight != 0 or " " in c.cue.phrase)
                                                         for c in sent.view.cues if not c.dropped)
                                                     or bool(dyad.context_topics) and (
                                                         _side_a_negotiates(sent, dyad)
                                                         or spk_here is None and _tariff_step_alone(sent, day, dyad)))
                reached: set[int] = set()  # the cues that went to this dyad
                # (a cue that only another cue's implied side A can place comes last, once that side is known)
                deferred: list[CueState] = []
                deferred_ids: set[int] = set()
                implied_seen = False
                for st in chain(cues, deferred):
                    if st.dropped and (st.absorbed_by is None or id(st.absorbed_by) in reached
                                       or st.absorbed_by.dropped):
                        # (the matter of a cooperation, "working with us on the North Korea problem", counts
                        # where the cooperation does not: with North Korea, the problem is the news)
                        continue
                    if parts_in:
                        a_in, b_in = parts_in[bisect_right(semis, st.item.match.start)]
                    topic = st.topic or st.cue.topic
                    if topic in dyad.exclude_topics or st.cue.category in dyad.exclude_categories:
                        continue
                    named_in_cue = cue_actors.get(st.cue.phrase)
                    if self._claimed[dname] and (st.cue.weight > 0 or st.cue.category == "sanctions_relief") \
                            and _claimed_elsewhere(
                            st, sent, dyad, topic, own, near, self._claimed[dname], named_in_cue):
                        continue  # "North Korea defied China when it launched a missile": North Korea's act
                    if st.cue.phrase in RELATION_WORDS and (st.weight != 0 and _relation_partner(st, sent, dyad)
                                                            or _relation_about_side_b(st, sent, dyad)):
                        # "calls his relationship with Xi very good": China's, whoever else is named; "security
                        # ties over North Korea" are ties about North Korea, with someone else
                        continue
                    if own.isdisjoint(dyad.side_b):
                        if home_here is None:
                            home_here = any(_aimed_at_home(o, sent) for o in cues)
                        if home_here:
                            # side B only next to a sentence about home politics: "Trump's attacks on four
                            # Democratic congresswomen drew condemnation" after a sentence on China's growth
                            continue
                    through = False  # pressure put on side B through a third party
                    demanded = False  # a step against a third party demanded of side B
                    if named_in_cue and not any(dyad.side_of(a.actor) or a.actor in dyad.theatre for a in named_in_cue):
                        # "Little Rocket Man" is about North Korea, whatever else the sentence names; but pressing
                        # a third country about this dyad's side is pressure on that side: "presses China over
                        # North Korea"
                        if st.cue.category in _PRESSING and st.weight > 0 \
                                and _side_b_as_topic(st, sent, dyad, after_raw(sent.view, st.item)):
                            through = True
                        elif _urged_of_side_b(st, sent, dyad):
                            # and what side B is urged to do about the third party is demanded of it: "Trump
                            # urges China to rein in North Korea" (a demand of China, as the codebook's example)
                            demanded = True
                        elif not _charged_side_b(st, sent, dyad):
                            # (a charge against side B stays, whoever the cue names: "China violating U.N.
                            # sanctions")
                            continue
                    pair = pairs.get(id(st)) if pairs else None
                    if pair is not None and not _a_dyads_pair(pair, (dyad,)):
                        continue  # "China hopes U.S.-North Korea talks make progress": the talks are that pair's
                    # (past here, a cue that names an actor names one of this dyad's sides, or presses through one)
                    how = ""
                    if a_in and b_in:
                        how = "named"
                    elif b_in and ((topic in dyad.imply_topics and not _home_step(st, sent, dyad)
                                    or _negotiated(st, sent, dyad))
                                   and (not blocked or _side_b_test(st, sent, dyad)
                                        or _measure_on_side_b(st, sent, dyad))
                                   or implied_seen and id(st) in deferred_ids) and not (
                            (st.weight < 0 and st.cue.weight < 0 or _tensions_with(st, named_in_cue))
                            and not own.isdisjoint(dyad.theatre) and own.isdisjoint(dyad.side_a)):
                        # (a step toward peace between side B and an ally in its theatre is theirs alone: "Moon
                        # and Kim pledge complete denuclearization" is inter-Korean; a test or threat there is
                        # still aimed at side A too, and so is a conflict eased there: "Seoul stocks rebound as
                        # North Korea tensions ease"; but tensions "with" side B that an ally names are the
                        # ally's own: "Seoul moves to ease tensions with Pyongyang")
                        how = "implied"
                    elif (a_in and topic in dyad.imply_topics and not blocked and dyad.theatre
                          and not own.isdisjoint(dyad.theatre) and not own.isdisjoint(dyad.side_a)):
                        # side A named with its ally in side B's theatre: "U.S., South Korea kick off military
                        # drills" are aimed at North Korea
                        how = "theatre"
                    elif (b_in and not blocked and own and own <= dyad.side_b
                          and (st.cue.category in _GATHERINGS and (_side_b_partner(st, sent, dyad)
                                                                   or _side_b_speaks_of(st, sent, dyad))
                               or st.cue.category in _STANDOFFS and _standoff_with(st, sent, dyad))):
                        # talks or a meeting with side B, and no one else named: with side A ("Talks with
                        # China collapse", "North Korea talks stall"); so is a standoff or a breakdown with side B
                        # that no one owns ("sharpens the standoff with Beijing")
                        how = "partner"
                    elif (not b_in and (topic in dyad.context_topics or ctx)
                          and not context_blocked
                          and dyad.in_context_period(day) and not (doc_actors & dyad.side_b)
                          and not _firm_or_domestic(st, sent)
                          and _WORLD_PARTIES.isdisjoint(sent.view.tokens)):
                        how = "context"
                    if not how:
                        if (b_in and not blocked and topic not in dyad.imply_topics and st.cue.weight != 0
                                and st.cue.category in _STANCES
                                and id(st) not in deferred_ids and _implying(sent, dyad, st)):
                            deferred.append(st)
                            deferred_ids.add(id(st))
                        continue
                    # a third country that acts, partners or is aimed at takes the cue out, also where the
                    # US is implied ("Japan imposes new sanctions on North Korea" is Japan's)
                    # (not a problem the cue itself lays at a side's door: in "China must fix the North
                    # Korean problem" China is asked to act on it, the problem is North Korea's with the US)
                    # (a pair named "between" the two sides decides, whoever else the sentence names: "Merkel
                    # warns against escalation between Washington and Pyongyang")
                    between = id(st) in between_pairs
                    if how != "context" and not through and not between:
                        if (_turned_by_third_party(st, sent, dyad)
                                or (_urged_by_third_party(st, sent, dyad) and not (
                                    pair is not None and not pair.isdisjoint(dyad.side_a)
                                    and not pair.isdisjoint(dyad.side_b)))
                                or _own_side_partner(st, sent, dyad, spk_here)
                                or _only_talked_about(st, sent, dyad) or _side_b_only_visited(st, sent, dyad)):
                            continue
                        # (a measure that side B breaks or leaves unenforced is a charge against side B,
                        # whoever the measure is on: "U.S. says China not enforcing North Korea sanctions"; one
                        # that side A lays on side B's parties is side A's, whatever else the sentence names
                        # first: "U.S. unveils North Korea sanctions, hitting Chinese shipping firms"; but not
                        # a third party's own: "Japan extends its own sanctions on North Korea")
                        if (_agent_is_third_party(st, sent, dyad, named_in_cue) or (
                                _subject_is_third_party(st, sent, dyad)
                                and not (st.cue.category == "tension" and named_in_cue))) \
                                and not _breached_by_side_b(st, sent, dyad) and not (
                                    _laid_on_side_b(st, sent, dyad) and _side_a_before(st, sent, dyad)):
                            if _urged_of_side_b(st, sent, dyad):
                                demanded = True  # "U.S. urges China to cut off oil to North Korea": a demand of China
                            elif not _pressed_about_side(st, sent, dyad, named_in_cue):
                                continue
                            else:
                                through = True
                        elif _help_about_side(st, sent, dyad) or _deal_of_others(st, sent, dyad) \
                                or _relief_for_others(st, sent, dyad):
                            continue
                    both_asked = how != "context" and _asked_of_both(st, sent, dyad)
                    if through or demanded:
                        # the side that presses or demands is side A, named anywhere in the sentence, or speaking
                        actor = next((a for _, a, _it in sent.actors if dyad.side_of(a) == "a"),
                                     spk if spk is not None and dyad.side_of(spk) == "a" else "")
                        by = None
                    else:
                        actor, by = _acting_actor(st, sent, dyad, spk, sent.view.tokens)
                        if by is None and st.cue.category == "military_test" and not sent.view.first_person \
                                and not near.isdisjoint(dyad.side_b) and own.isdisjoint(dyad.side_a):
                            # a test no one in the sentence fires, side B named next to it, is side B's, not
                            # the speaker's: "... North Korea's latest message. Firing a missile over Japan is
                            # contemptuous"
                            actor = min(near & dyad.side_b)
                    if by is not None and isinstance(by.match.entry, Alias) and not by.match.entry.serves(day) \
                            and not _ERA.match(sent.view.folded, by.match.end) \
                            and not _acted_on_now(st, sent, by, day):
                        # "Obama and Clinton gave nuclear weapons to North Korea" (in 2017): history (but a name
                        # that dates a measure, "keeps Trump-era tariffs on Chinese goods", is its age, not who acts;
                        # and a step of theirs turned now is news of the turning: "Biden revokes Trump orders that
                        # sought to ban TikTok")
                        continue
                    rules = tuple(st.rules) + (() if how == "named" else (f"dyad {how}",))
                    weight, mode = st.weight, st.mode
                    if through:
                        rules += ("pressure through a third party",)
                    if both_asked:
                        # a third country asking both sides to end their conflict tells of the conflict, not of
                        # its end: "German minister urges United States, China to resolve trade dispute"
                        weight, mode = -weight, "statement"
                        rules += ("asked of both by a third party: the conflict stands",)
                    if demanded:
                        weight, mode = self.config.demand_weight, "statement"
                        rules += (f"demanded of side B -> demand {self.config.demand_weight:g}",)
                    elif how != "context" and _held_by_one_side(st, sent, dyad, spk_here):
                        # the relation is the meeting's matter, not its parties: relevant, with no direction
                        weight, mode = 0.0, "statement"
                        rules += ("held by one side -> 0",)
                    reached.add(id(st))
                    if how == "implied":
                        implied_seen = True
                    if weight != 0 or how == "named" or st.in_place:
                        relevant.add(dname)
                    o_start, o_end = nt.to_original(st.item.match.start, st.item.match.end)
                    dyad_hits[dname].append(Hit(
                        o_start, o_end, nt.original[o_start:o_end], st.cue.phrase, st.cue.category, mode,
                        actor, st.cue.weight, rules, weight, dname))

    def _aggregate(self, name: str, hits: list[Hit], relevant: bool) -> DyadScore:
        if not hits:
            # most texts, and most dyads of a text: the sums below are all 0 (ints, as sum() gives). One frozen
            # score serves them all, which also spares the garbage collector the objects of a score per text
            empty = self._empty.get(name)
            if empty is None:
                empty = self._empty[name] = DyadScore(name, False, 0.0, 0, 0, 0, 0, MappingProxyType({}), ())
            return empty
        cfg = self.config
        esc = sum(h.weight for h in hits if h.weight > 0)
        de = -sum(h.weight for h in hits if h.weight < 0)
        threat = sum(h.weight for h in hits if h.weight > 0 and h.mode != "act")
        act = esc - threat
        net = esc - de
        tension = 0.0 if abs(net) < cfg.neutral_band else 100.0 * net / (esc + de + cfg.damping)
        by_actor: dict[str, float] = {}
        for h in hits:
            if h.actor:
                by_actor[h.actor] = by_actor.get(h.actor, 0.0) + h.weight
        return DyadScore(name, relevant, tension, esc, de, threat, act, MappingProxyType(by_actor), tuple(hits))


# words that may stand before a clause's subject: the contrast words that open a clause, and a few more
_CLAUSE_OPENERS = frozenset(w for phrase in CONTRAST_WORDS for w in phrase.split()) | {"while", "and", "so"}
# words that open a subordinate clause whose subject follows them (the clause-breaking ones among them are
# found as clause openers first)
_SUBORDINATORS = SUBJECT_OPENERS | {"that", "whether", "once", "so"}  # ("so they can keep ripping us off")


# verbs of telling, whose object is no subject of the clause told ("Kim tells Xi he is open to talks")
_TELLING = frozenset({"tells", "told", "telling", "tell", "assures", "assured", "informs", "informed", "reminds",
                      "reminded", "promises", "promised"})


def _resolve_pronouns(sent: _Sent, tokens: list[str], tok_starts: list[int], eff: list[int],
                      break_pos: list[int]) -> None:
    """A clause that opens with "they", "he" or "she" speaks of the sentence's subject, the first country
    (or, for he/she, the first person; international bodies aside, as for a sentence's pronouns) named
    before it: in "China has been very helpful on North Korea,
    but they are still ripping us off on trade" the complaint is about China, so it is US-China and not
    US-North Korea. The pronoun joins the sentence's actors as that actor, where it stands. (A sentence
    that opens with one is resolved to the sentence before in Scorer._read_sentences.)"""
    starts: dict[int, int] = {}  # token of a pronoun that opens a clause -> the clause's number
    for k, pos in enumerate(break_pos, start=1):
        j = bisect_left(tok_starts, pos)
        while j < len(tokens) and tokens[j] in _CLAUSE_OPENERS:
            j += 1
        if j < len(tokens) and tokens[j] in _SUBJECT_PRONOUNS:
            starts[j] = k
    # a subordinate clause opens one too: "... a currency manipulator when they are working with us on the
    # North Korean problem", "if they want to solve it"
    for j in range(1, len(tokens)):
        if tokens[j] in _SUBJECT_PRONOUNS and tokens[j - 1] in _SUBORDINATORS and j not in starts:
            starts[j] = bisect_right(break_pos, tok_starts[j])
        elif tokens[j] in _SUBJECT_PRONOUNS and j not in starts and any(
                it is not None and 0 < it.raw < j <= it.raw + 3 and tokens[it.raw - 1] in _TELLING
                for _, _, it in sent.actors):
            # so does a pronoun after the one told: "Kim tells Xi he is open to talks with Trump" (he is Kim)
            starts[j] = bisect_right(break_pos, tok_starts[j])
    for j, k in starts.items():
        person = _PRONOUNS[tokens[j]]
        named = [(a, it) for _, a, it in sent.actors
                 if it is not None and it.raw < j and it.match.kind == "actor" and it.entry.kind != "org"
                 and (it.entry.kind in PERSONS) == person]
        if not named:
            continue
        # the subject of the pronoun's own clause when it names one before it ("..., but China is letting
        # us down in that they have not been buying"), else the sentence's
        a, it = min(named, key=lambda x: (x[1].clause != k, x[1].raw))
        here = Match(tok_starts[j], tok_starts[j] + len(tokens[j]), "actor", it.entry)
        t = eff[j]
        sent.actors.append((t, a, Item(here, t, t, k, j)))


def _retort(folded: str, span: tuple[int, int], matches: list[Match], view: SentenceView, cfg: Config) -> None:
    """A short sentence that comments on the one before it: "China promised to stop the fentanyl. It never
    happened!" takes back the steps promised there (a modifier of type ``undone``); "President Obama said that
    North Korea was our biggest and most dangerous problem. No longer - sleep well tonight!" says the hostile
    state told there is over (a retort opening with "no longer", with no cue of its own)."""
    s1, e1 = span
    if len(TOKEN_RE.findall(folded, s1, e1)) > _RETORT_TOKENS:
        return
    undone = next((m.entry for m in matches if m.kind == "mod" and m.entry.type == "undone"), None)
    if undone is not None:
        undo_promises(view, undone)
    elif _NO_LONGER.match(folded, s1) and not any(m.kind == "cue" for m in matches):
        end_state(view, cfg)


def _denied_by_next(folded: str, spans: list[tuple[int, int]], i: int, view: SentenceView, cfg: Config) -> None:
    """A question answered "No." in the next sentence denies what it asks, as a negation does: "Would I sign a
    partial deal with China? Probably not." signs none; "Did we ever get into a war? No." got into none. So
    does a report called untrue in the next sentence: "The Fake News reported that North Korea is building
    missiles. Totally untrue!" """
    if i + 1 >= len(spans) or spans[i + 1][1] - spans[i + 1][0] > _ANSWER_CHARS:
        return  # (the cheap test first: most next sentences are no short answer)
    if _explained_by_next(folded, spans[i], spans[i + 1], view, cfg):
        return
    s, e = spans[i]
    j = e - 1
    while j > s and folded[j].isspace():
        j -= 1
    asked = folded[j] == "?"
    if asked:
        if _NO_ANSWER.fullmatch(folded, *spans[i + 1]) is None:
            return
    elif _UNTRUE_NEXT.fullmatch(folded, *spans[i + 1]) is None or _REPORTED.isdisjoint(view.tokens):
        return  # (nor a report called untrue in the next sentence: "The media reported ... Totally untrue!")
    for c in view.cues:
        if c.dropped or c.weight == 0 or (c.cue.category in CONFLICT_NOUNS and not c.polarity):
            continue  # (a conflict named is the setting of what is asked or reported, as in false_report)
        deny(c, cfg, "answered no" if asked else "called untrue")


# a sentence that only calls the report before it untrue, and the words of a sentence that reports
# (the words of untruth of rules.false_report, but not "fake": "Fake News!" as often closes a post as a jab at the
# press as it denies the sentence before it)
_UNTRUE_NEXT = re.compile(r"\s*(?:(?:this|that|it) (?:is|was) )?(?:totally |completely |absolutely |simply |so |100% )?"
                          r"(?:" + "|".join(sorted(UNTRUE - {"fake"}) + ["not true", "a lie", "never happened"])
                          + r")\s*[.!]*\s*")
_REPORTED = frozenset({"report", "reports", "reported", "reporting", "story", "stories", "claim", "claims",
                       "claimed", "says", "said", "saying", "wrote", "writes", "media", "rumor", "rumors"})
_ANSWER_CHARS = 40  # no sentence that is only such an answer is longer
# a sentence that is only a guide's title, after the one it explains
_GUIDE_NEXT = re.compile(r"\s*(?:here'?s |here is )?(?:what (?:we|you) (?:know|need to know)|what to know|what it means|"
                         r"the explainer|explained|an explainer)\s*[.!?:]*\s*")
def _explained_by_next(folded: str, span: tuple[int, int], nxt: tuple[int, int], view: SentenceView,
                       cfg: Config) -> bool:
    """A question followed by a guide's title is the guide's matter: "Can North Korea's missiles reach Guam?
    What we know", "Will tariffs raise the price of your Nikes? Here's what to know" (not a report before one:
    "U.S. imposes tariffs on China. Here's what it means" reports the tariffs). Its cues keep
    ``explainer_factor`` of their weight, as under a guide's title in the sentence itself (rules.explainer)."""
    if char_before(folded, span[1]) != "?" or not _GUIDE_NEXT.fullmatch(folded, *nxt):
        return False
    title = folded[nxt[0]:nxt[1]].strip()
    for c in view.cues:
        if not c.dropped:
            c.weight *= cfg.explainer_factor
            c.rules.append(f"explainer(next: {title}) x{cfg.explainer_factor:g}")
    return True


# a sentence that is only a denying answer to the question before it
_NO_ANSWER = re.compile(r"\s*(?:no|nope|never|not at all|not really|not likely|(?:probably|certainly|absolutely|"
                        r"definitely|of course) not|(?:very|too) little|not much|not enough|nothing|zero)\s*[.!]*\s*")


_FILLER_TOKENS = 4  # at most this long, a sentence with no name or cue is an exclamation between others
_EXCLAIM_TOKENS = 6  # and at most this long when it ends in "!" ("A great day for the world!")
_FILLER_CHARS = 50  # few sentences of six words are longer


# a short sentence about the person just named goes on about him, and does not break the thread ("Reports
# about Kim Jong Un's health are fake news. I hope he is doing fine. We have a good relationship")
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b")


def _is_filler(folded: str, start: int, end: int) -> bool:
    """Whether a sentence with no name or cue is short enough to be an exclamation between others."""
    n = len(TOKEN_RE.findall(folded, start, end))
    return n <= _FILLER_TOKENS or (n <= _EXCLAIM_TOKENS and folded[start:end].rstrip().endswith("!"))


def _thread_places(folded: str, spans: list[tuple[int, int]], views: list[_Named], persons: set[int]
                   ) -> dict[int, int] | None:
    """Each sentence of ``views`` -> its place in the thread when the short exclamations with no match
    between them ("A great moment!") are left out, and the short sentences that go on about the person the
    sentence before them named (``persons``: "I hope he is doing fine."); None when there are none (places
    are the indexes)."""
    shift = 0
    place: dict[int, int] = {}
    prev = None
    for i, _ in views:
        if prev is not None and 1 < i - prev <= 4:
            # (a long sentence is no filler: most are told by their length, without counting their words)
            shift += sum(1 for g in range(prev + 1, i) if spans[g][1] - spans[g][0] <= _FILLER_CHARS
                         and (_is_filler(folded, *spans[g])
                              or g == prev + 1 and prev in persons and _PERSON_PRONOUN.search(folded, *spans[g])))
        place[i] = i - shift
        prev = i
    return place if shift else None


def _tensions_with(st: CueState, named_in_cue: Any) -> bool:
    """Whether the cue is tensions "with" a side it names ("tensions with Pyongyang"): whose tensions they are
    is the sentence's subject's, not the reader's country's."""
    return st.cue.category == "tension" and bool(named_in_cue) and st.cue.phrase.startswith(("tension with ",
                                                                                              "tensions with "))


def _sides_in(own: set[str], near: set[str], dyad: Dyad, scope: frozenset[str], spk: str | None
              ) -> tuple[bool, bool]:
    """Whether each side of ``dyad`` is present in a sentence: named in it, named next to it (unless the
    sentence names a third party, outside ``scope``, which carries nothing over), or speaking."""
    carry = own <= scope
    a_in = not own.isdisjoint(dyad.side_a) or (carry and not near.isdisjoint(dyad.side_a)) or spk in dyad.side_a
    b_in = not own.isdisjoint(dyad.side_b) or (carry and not near.isdisjoint(dyad.side_b)) or spk in dyad.side_b
    return a_in, b_in


def _with_token_mods(ms: list[Match], tokens: list[str], tok_starts: list[int], token_mods: dict, text: str
                     ) -> list[Match]:
    """Add the one-word modifiers of a sentence (looked up per token) that no longer match covers."""
    if token_mods.keys().isdisjoint(tokens):  # (half the sentences read: a test in C, no list built)
        return ms
    found = [j for j, t in enumerate(tokens) if t in token_mods]
    covered = [(m.start, m.end) for m in ms]
    extra = []
    for j in found:
        entry = token_mods[tokens[j]]
        a = tok_starts[j]
        b = a + len(tokens[j])
        if entry.match == "case" and text[a:b] != entry.phrase:
            continue
        if any(s <= a < e or s < b <= e for s, e in covered):
            continue
        if tokens[j] == "may" and (tokens[j + 1:j + 2] and tokens[j + 1] < ":" or j and tokens[j - 1] in BEFORE_MONTH):
            continue  # the month: "from May 1", "talks to resume in May"
        extra.append(Match(a, b, "mod", entry))
    if not extra:
        return ms
    return sorted(ms + extra, key=lambda m: m.start)


# a quantifier stands between a word and what it governs without putting distance between them: "not
# signing any new deal" denies the deal as "not signing a new deal" does (for the auxiliaries of a negated
# verb, see rules.negation)
_LIGHT_WORDS = frozenset({"any", "single"})  # ("not a single long range missile")


def _effective_positions(tokens: list[str], placed: list[tuple[Match, int, int]]) -> list[int]:
    """Token index -> position for window arithmetic: articles, numbers, light words and the words of actor
    names count zero ("tariffs on $200 billion of Chinese goods will rise" is as close as "tariffs on goods will rise").
    ``placed`` holds each match with the indexes of the tokens it starts and ends in."""
    # (a token is ASCII letters and digits: it starts with a digit when it sorts before ":")
    counts = [0 if t < ":" or t in ZERO_WIDTH or t in _LIGHT_WORDS else 1 for t in tokens]
    for m, r0, r1 in placed:
        if m.kind == "actor":
            counts[r0:r1 + 1] = [0] * len(range(r0, r1 + 1))
    return list(accumulate(counts, initial=0))[:-1]


def _withdrawn_before(read: list[tuple[int, _Sent]]) -> None:
    """A measure withdrawn by pointing back at it ("I have today ordered the withdrawal of those additional
    Sanctions!") is the one named before, not a second: the earlier mentions of its kind ("additional large
    scale Sanctions would be added") weigh nothing, the withdrawal alone is the news. So with a deal broken
    ("I made a FAST deal with China ... China has completely broken that agreement"): its making is the
    background of the breach."""
    for n, (_, sent) in enumerate(read):
        if sent.view is None or n == 0:
            continue
        tokens = sent.view.tokens
        for c in sent.view.cues:
            if c.dropped or not c.polarity or c.weight == 0 or c.turner is None:
                continue
            if c.weight > 0 and c.cue.category not in _BREAKABLE:
                continue  # (a deal broken points back as a measure withdrawn does; nothing else turned hostile)
            lead = tokens[c.item.raw - 1:c.item.raw]
            if _POINTING.isdisjoint(tokens[max(0, c.item.raw - 3):c.item.raw]) and lead not in (["that"], ["this"]) \
                    and not (c.weight > 0 and lead and lead[0] in _DEFINITE):
                # (a deal broken needs no more than "the" or a possessive: "Now they have TOTALLY VIOLATED our
                # agreement" is the deal made two sentences before)
                continue
            for _, before in read[:n]:
                if before.view is None:
                    continue
                for b in before.view.cues:
                    if not b.dropped and not b.polarity and b.weight * c.weight < 0 and b.cue.category == c.cue.category:
                        b.weight = 0.0
                        b.rules.append(f"{'withdrawn' if c.weight < 0 else 'broken'} later ({c.cue.phrase}) -> 0")


# the agreements whose breaking, pointed back at, undoes the mention of their making ("I made a deal with
# China ... China has broken that agreement")
_BREAKABLE = frozenset({"deal", "truce"})
# the words that point back at things named before ("those additional Sanctions"; "that" and "this" only
# right before the cue: "says that tariffs ..." opens a clause)
_POINTING = frozenset({"those", "these"})
_DEFINITE = frozenset({"the", "our", "their", "its", "his"})  # (a deal broken: "violated our agreement")


# words of stance, which another cue's implied side A makes about it
_STANCES = frozenset({"threat", "criticism", "accusation", "insult", "praise", "reassurance", "demand"})


def _negotiated(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a gathering's sentence names a negotiator of the dyad's side B (actors.tsv kind
    "negotiator": the officials who lead side B's talks with side A): "He Lifeng calls the Kuala Lumpur talks
    constructive" is talks with the US. (Not side A's: a US Treasury secretary "discusses" and "meets" much
    at home: "Mnuchin will discuss PPP oversight with Congress".)"""
    if st.cue.category not in _GATHERINGS:
        return False
    return any(it is not None and getattr(it.match.entry, "kind", "") == "negotiator" and dyad.side_of(a) == "b"
               for _, a, it in sent.actors)


def _side_a_negotiates(sent: _Sent, dyad: Dyad) -> bool:
    """Whether the sentence has talks that side A's trade negotiator (actors.tsv kind "negotiator" on side A:
    Lighthizer, Mnuchin, Bessent...) speaks of, and nothing that makes them talks at home: in the trade-war
    period that sets the context, as the codebook reads "Mnuchin says talks are complicated". (A third party
    named anywhere still blocks it: "Lighthizer says talks with Japan ...".)"""
    view = sent.view
    assert view is not None
    if not any(it is not None and getattr(it.match.entry, "kind", "") == "negotiator" and dyad.side_of(a) == "a"
               for _, a, it in sent.actors):
        return False
    if not any(c.cue.phrase in _PARTNER_NOUNS and not c.dropped for c in view.cues):
        return False  # (talks named as such: a US Treasury secretary "discusses", "meets" and "proposes" much at home)
    return _HOME_TALKS.isdisjoint(view.tokens)


# tariff steps (rules.TARIFF_STEPS), which in news of the trade-war periods are the sides' when no one else is
# named


def _tariff_step_alone(sent: _Sent, day: Date | None, dyad: Dyad) -> bool:
    """Whether a tariff step (imposed, threatened, eased) is named in news with no partner and nothing that
    puts it on the world, in the dyad's tariff periods (dyads.tsv): the codebook reads such items as US-China
    in 2018-2020 ("Trump delays tariff increase", "New duties take effect as talks stall"). Not where a word
    says the goods are the world's (steel, autos) or the tariffs are on every country, and not in a post (whose
    speaker tariffs everyone)."""
    view = sent.view
    assert view is not None
    if not dyad.in_tariff_period(day):
        return False
    if not any(c.cue.category in TARIFF_STEPS and (c.weight != 0 or c.standing) and not c.dropped
               and _names_tariffs(c.cue.phrase)
               for c in view.cues):
        return False
    tokens = view.tokens
    if tokens and tokens[0] in MARKET_WORDS and tokens[1:2] not in (["tariffs"], ["tariff"]):
        # a market that opens a headline is its subject, not the goods tariffed: "Oil gains 3% after Trump tariff
        # threat" (but "Oil tariffs ..." are tariffs on oil)
        tokens = tokens[1:]
    return dyad.tariff_world_words.isdisjoint(tokens)


# the words of a cue that name the tariffs themselves ("go higher" is a tariff step only where tariffs are
# named, and a bare "duties" may be anyone's tasks: "to retain brand duties")
_TARIFF_NOUNS = frozenset({"tariff", "tariffs", "levy", "levies", "tariff-related"})
_DUTY_NOUNS = frozenset({"duty", "duties"})


@lru_cache(maxsize=4096)
def _names_tariffs(phrase: str) -> bool:
    words = phrase.split()
    return not _TARIFF_NOUNS.isdisjoint(words) or (len(words) > 1 and not _DUTY_NOUNS.isdisjoint(words))


def _implying(sent: _Sent, dyad: Dyad, st: CueState) -> bool:
    """Whether another cue of the sentence may imply side A: if it does (the caller reads this one after the
    others, to know), this one is about the same relationship whatever its topic ("China says it does not want
    a trade war but is not afraid of one": the defiance is aimed where the trade war is). Only words of stance
    (_STANCES): a gathering or a deal has a pair of its own ("a meeting of 20 nations agrees to consider tougher
    North Korea sanctions"), and a bare "war" may be a piece of a split phrase."""
    view = sent.view
    assert view is not None
    return any(c is not st and not c.dropped and c.cue.weight != 0 and (c.topic or c.cue.topic) in dyad.imply_topics
               and not _matter_of(view, c, st) for c in view.cues)


def _relation_partner(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a relationship said to be warm names its partner right after "with", and the partner is no
    side of this dyad: "Trump says China, Russia and North Korea are conspiring, but calls his relationship
    with Xi very good" is warmth toward China alone."""
    partner = _relation_party(st, sent, ("with",), 2)
    return partner is not None and dyad.side_of(partner) is None


def _relation_about_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a relationship has side B for its matter, right after "over" or "on" ("Hyundai says U.S. car
    tariffs would harm security ties over North Korea"): the ties are with someone else, about side B."""
    party = _relation_party(st, sent, ("over", "on"), 1)
    return party is not None and dyad.side_of(party) == "b"


def _relation_party(st: CueState, sent: _Sent, preps: tuple[str, ...], reach: int) -> str | None:
    """The first actor named within ``reach`` words after one of ``preps`` right after a relationship word."""
    view = sent.view
    assert view is not None
    end = after_raw(view, st.item)
    if end >= len(view.tokens) or view.tokens[end] not in preps:
        return None
    return next((a for _, a, it in sent.actors if it is not None and end < it.raw <= end + reach), None)


def _matter_of(view: SentenceView, c: CueState, st: CueState) -> bool:
    """Whether ``st`` follows ``c`` as its matter, through a preposition with at most a name and a few words
    between: in "no military solution to North Korea's threats" the threats are what the solution is to, no
    stance of their own."""
    end = after_raw(view, c.item)
    return 0 <= st.item.raw - end <= 4 and not _MATTER_PREPS.isdisjoint(view.tokens[end:st.item.raw])


def _acted_on_now(st: CueState, sent: _Sent, by: Item, day: Date | None) -> bool:
    """Whether the step of a name no longer in office is acted on now: turned by a verb before the name
    ("Biden revokes Trump orders that sought to ban TikTok"), or owned by it ("Trump's tariffs", in 2021) and
    kept by someone serving, named before it ("Biden keeps Trump's tariffs on China"). Either is news of
    today's policy, not history."""
    if st.turner is not None and st.turner.raw < by.raw:
        return True
    view = sent.view
    assert view is not None
    if view.folded[by.match.end:by.match.end + 2] != "'s":
        return False
    return any(it is not None and it.raw < by.raw and it.match.kind == "actor" and a == by.match.entry.actor
               and (not isinstance(it.match.entry, Alias) or it.match.entry.serves(day))
               for _, a, it in sent.actors)


def _side_b_test(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a cue is a weapons test that side B carries out, named last before it ("China urges restraint
    after North Korea fires an ICBM"): aimed at side A whoever else reacts to it in the document, so a third
    party named there does not stop the implied side (the codebook: a North Korean launch is escalation toward
    the US and its allies)."""
    if st.cue.category != "military_test" or st.mode != "act" or st.weight <= 0 or sent.view is None:
        return False
    before = [(actor, item) for _, actor, item in sent.actors if item.raw < st.item.raw]
    if not before or before[-1][0] not in dyad.side_b:
        return False
    # (as the one who fires it: not asked to give up weapons, "calls on North Korea to get rid of nuclear
    # weapons", nor talking about tests, "Russia and North Korea hold talks on missile tests")
    tokens = sent.view.tokens
    between = tokens[after_raw(sent.view, before[-1][1]):st.item.raw]
    # (and fired: a verb of firing before it or a word of it in or after it, "fires an ICBM", "ICBM launch";
    # not "North Korea's missile program is more advanced than Iran's")
    fired = not _FIRING.isdisjoint(between) or not _FIRING.isdisjoint(
        tokens[st.item.raw:after_raw(sent.view, st.item) + 1])
    return fired and _NOT_FIRING.isdisjoint(between) and BARRIERS.isdisjoint(between)


def _measure_on_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a measure lists side B among those it hits, after "on" or "hitting" ("sanctions on North Korea
    and Iran", "sanctions package hitting Russia, Iran, North Korea"): the others hit beside it are no one who
    acts, and side A stays implied as the one who lays it."""
    return st.cue.category in _MEASURES and st.weight > 0 and sent.view is not None \
        and _hit_parties_name_side_b(st, sent, dyad, with_others=True)


# words between a side and a weapons test that make the side no one who fires it
_NOT_FIRING = frozenset({"to", "on", "about", "over", "for", "against", "with", "of", "talks", "urged", "urges"})
_FIRING = frozenset(w for v in ("fire", "launch", "test", "conduct", "detonate") for w in inflections(v))


def _name_at(sent: _Sent, raw: int) -> bool:
    """Whether a name stands at token ``raw`` (past "the"): "a warning to North Korea", not "to rein in"."""
    view = sent.view
    assert view is not None
    if raw < len(view.tokens) and view.tokens[raw] == "the":
        raw += 1
    return any(it is not None and it.raw == raw and it.match.kind == "actor" for _, _a, it in sent.actors)


def _agent_is_third_party(st: CueState, sent: _Sent, dyad: Dyad,
                          named_in_cue: tuple[Alias, ...] | None = None) -> bool:
    """True when the cue names its agent, partner, target or owner right after it (or its object: "pressure
    Beijing") and that is a third country: "under pressure from China" is China's act, "meetings with
    President Xi ... on North Korea" are with China, "the aggression of North Korea" is North Korea's, and
    China's "sanctions on North Korea" are not between the US and China. "Talks with China and North Korea" and "tariffs on Canada and China"
    name both; "sanctions on Chinese banks that help North Korea" tie the third party to a side."""
    view = sent.view
    assert view is not None
    if _charged_side_b(st, sent, dyad):
        return False  # the accused is a side, whatever the charge is about: "accuses China of cheating on ..."
    tokens = view.tokens
    end_raw = _partner_end(view, st)
    marker = tokens[end_raw - 1] if end_raw > 0 else ""
    if marker in ("with", "on", "against") or (marker == "to" and st.cue.category in _GATHERINGS) or (
            marker == "in" and st.cue.category == "praise"):
        end_raw -= 1  # the cue ends in its marker: "talks with", "spoke to", "confidence in", "duties on"
    if end_raw >= len(tokens):
        return False
    if tokens[end_raw] in ("from", "by", "with", "on", "against", "of") or (
            (marker == "to" or tokens[end_raw] == "to") and st.cue.category in _GATHERINGS) or (
            tokens[end_raw] == "to" and st.cue.category in _ADDRESSED and _name_at(sent, end_raw + 1)) or (
            tokens[end_raw] == "in" and st.cue.category in _PLACED_EVENTS  # "the gas attack in Syria"
            and not _side_subject_near(st, sent, dyad)) or (  # (not "US begins THAAD deployment in South Korea")
            marker == "in" and st.cue.category == "praise") or (  # "great confidence in President Xi"
            _thanked_by_title(st, tokens, end_raw)):  # "thank you President Xi"
        if tokens[end_raw] == "with" and st.cue.category not in _PARTNERED and not st.cue.phrase.endswith("deal with"):
            # ("watching how we deal with North Korea": the one handled is named after "with")
            return False  # "helping with North Korea": what the help is with, not who with
        if tokens[end_raw] == "on" and tokens[end_raw + 1:end_raw + 2] and tokens[end_raw + 1] in DATE_WORDS:
            return False  # the day it happened, not whom it is aimed at: "fired two missiles on Thursday, South
            # Korea's military said"
        if tokens[end_raw] == "on" and (st.cue.category in _GATHERINGS or st.cue.category in _TOPICAL
                                         or st.cue.phrase in _TOPICAL_PHRASES):
            # "an excellent meeting on trade & North Korea": what the talks are on, not who with; so is what
            # words of praise or blame, or a call to do more, are on ("China must do more on North Korea")
            return False
        # the name, past an amount ("tariffs on $200 billion of Chinese goods") and titles ("with Prime Minister
        # Shinzo Abe")
        k = _past_title_place(tokens, end_raw + 1, _past_titles(tokens, _past_amount(tokens, end_raw + 1), TITLES, 3))
        where = tuple(range(end_raw + 1, max(k, end_raw + 2) + 1))
    elif st.cue.category in _TAKES_OBJECT or st.cue.category in _MEASURES:
        names = name_tokens(view) if st.cue.category in _MEASURES else set()
        if st.cue.category in _TAKES_OBJECT and (st.cue.category not in _MEASURES or end_raw in names):
            where = (end_raw,)  # a direct object: "using North Korea to pressure Beijing"
        elif named_in_cue:
            return False  # the measure names its target itself: "bars U.S. warships from Hong Kong visits"
        else:
            # a measure's target after the goods it covers: "cuts off oil to North Korea", "bans coal imports
            # from North Korea" (up to two words of goods, no name among them)
            j = end_raw
            while j < min(len(tokens), end_raw + 2) and tokens[j] not in _MEASURE_PREPS and j not in names:
                j += 1
            if j == end_raw or j >= len(tokens) or tokens[j] not in _MEASURE_PREPS:
                return False
            k = _past_titles(tokens, _past_amount(tokens, j + 1), TITLES, 3)
            where = tuple(range(j + 1, max(k, j + 2) + 1))
    elif st.cue.category in _GATHERINGS and end_raw > 0:
        # the matter first and the partner after it: "Trump talks North Korea with Abe" (up to three words of
        # matter, none of them a break)
        w = next((j for j in range(end_raw + 1, min(len(tokens), end_raw + 4)) if tokens[j] == "with"), None)
        if w is None or not _MATTER_BREAKS.isdisjoint(tokens[end_raw:w]):
            return False
        at = view.folded.find(" with ", st.item.match.end)
        if at < 0 or "," in view.folded[st.item.match.end:at]:
            return False
        k = _past_title_place(tokens, w + 1, _past_titles(tokens, w + 1, TITLES, 3))
        where = tuple(range(w + 1, max(k, w + 2) + 1))
    else:
        return False
    for _, a, it in sent.actors:
        # (not past a semicolon: "adds Huawei to trade blacklist; Japan's SoftBank shares fall" aims at no Japan)
        if it is not None and it.raw in where and it.match.kind != "mod" \
                and ";" not in view.folded[st.item.match.end:it.match.start]:
            if dyad.side_of(a) or getattr(it.entry, "kind", "") == "org" or (
                    st.cue.category == "denuclearization" and getattr(it.entry, "kind", "") == "region"
                    and a in dyad.no_block):
                # (a region of the dyad's theatre is where denuclearization is to be, no party to it: "complete
                # denuclearization of the Korean Peninsula")
                return False
            after = _past_listed(sent, after_raw(view, it), dyad)
            # (further through a relative clause: "Chinese trading companies that did millions of dollars of
            # business with Pyongyang")
            reach = 6 if _RELATIVES.isdisjoint(tokens[after:after + 3]) else _RELATIVE_REACH
            for _, b, other in sent.actors:
                if other is None or not dyad.side_of(b) or not after <= other.raw <= after + reach:
                    continue
                if other.raw > after + 6 and (dyad.side_of(b) != "b" or tokens[other.raw - 1] not in _DEALT_WITH
                                              or not BARRIERS.isdisjoint(tokens[after:other.raw])
                                              or "," in view.folded[it.match.end:other.match.start]):
                    # (the relative clause ends at a comma or a new phrase, and names side B as the one dealt
                    # with: "business with Pyongyang", not a place, "front companies in China", nor side A,
                    # "to earn millions from American firms")
                    continue
                between = tokens[after:other.raw]
                if other.raw == after + 6 and _CHARGED_LINKS.isdisjoint(between):
                    continue  # (a sixth word only past a charge: "firms accused of funding North Korea")
                # a list that goes on to name a side ("with China and North Korea", "on Russian, Chinese
                # firms": a comma between adjectives; "Beijing sanctions Pyongyang, Washington applauds" is
                # two clauses), or a third party tied to one ("sanctions on Chinese banks that help North Korea";
                # not praise of the third party for what it does about the side: "confidence in President Xi to
                # deal with North Korea" is warm words to China)
                if (between in (["and"], ["or"])
                        or (not _LINKS.isdisjoint(between) and st.cue.category != "praise")
                        or (not between and getattr(it.entry, "kind", "") == "adjective"
                            and getattr(other.entry, "kind", "") == "adjective")
                        or _named_list(sent, after, other.raw, between)
                        or _shared_measure(between)):
                    return False
            return True
    if (st.cue.category in _GATHERINGS or st.cue.category == "praise") and tokens[end_raw] == "with" \
            and _unnamed_partner(sent, end_raw):
        # "a great meeting with my Intel team ... in agreement on Iran ISIS North Korea", "a meeting with Henry
        # Kissinger, discussing North Korea": the partner is someone the lexicon does not know, not a side
        return True
    if _thanked_by_title(st, tokens, end_raw) and _unnamed_partner(sent, end_raw):
        return True  # "Thank you Senator Cotton": thanks to someone the lexicon does not know
    if (st.cue.category in _GATHERINGS or st.cue.category == "praise") and _object_by_title(st, tokens, end_raw):
        title = TOKEN_RE.search(view.folded, st.item.match.end)
        assert title is not None  # (_object_by_title found the title among the words after the cue)
        if view.folded[st.item.match.end:title.start()].isspace() and _unnamed_partner(sent, end_raw - 1):
            # the same partner as a direct object, known by a title: "meeting General Kelly to discuss North
            # Korea", "thanked Senator Graham for his work on China"
            return True
    return False


# A demand or complaint put to a third country about a side ("China must do more on North Korea", "Trump
# criticizes China over North Korea") is pressure on that side too: the third country is asked to act on it
_PRESSING = frozenset({"demand", "criticism"})
_ABOUT_SIDE = frozenset({"on", "over", "about", "regarding", "concerning"})
_HELP_MARKERS = _ABOUT_SIDE | {"with"}  # help is "with" what it helps on


# where a sentence's parts meet (a semicolon, or a bar between spaces: the items of a ticker line)
_PART_BREAKS = re.compile(r";|" + ITEM_BAR + r"|,\s+but\s+(?=(?:with|on|as\s+for|regarding)\b)")
_PAIRED = frozenset({"talks", "meeting", "progress", "deal", "truce", "talks_failed", "meeting_cancelled",
                     "trade_war", "tension"})
_REACTIONS = frozenset({"praise", "criticism"})  # words said of an event, which take its pair (see _assign_dyads)
_CONFLICTS = frozenset({"trade_war", "tension"})  # named by their pair ("U.S.-EU trade spat"), never another's


def _pair_between(view: SentenceView, st: CueState) -> set[str] | None:
    """The two parties named right after a gathering, deal or conflict as "between A and B" ("talks between
    Washington and Pyongyang", "tensions between the U.S. and China"); None when there are none."""
    tokens = view.tokens
    at = after_raw(view, st.item)
    if tokens[at:at + 1] == ["of"] and tokens[at + 2:at + 3] == ["between"]:
        at += 2  # (what grows between them: "escalation of rhetoric between Washington and Pyongyang")
    if tokens[at:at + 1] != ["between"]:
        return None
    names = sorted((a for a in view.actors if a.match.kind == "actor" and a.clause == st.item.clause
                    and at < a.raw <= at + 8), key=lambda a: a.raw)
    if len(names) < 2 or names[0].raw > at + 2:
        return None
    return _and_pair(view, names[0], names[1])


def _and_pair(view: SentenceView, first: Item, second: Item) -> set[str] | None:
    """The two parties of names joined as "A and B" (or "A and the B"); None when they are not so joined or
    name one party."""
    if view.tokens[after_raw(view, first):second.raw] not in (["and"], ["and", "the"]):
        return None
    codes = {first.entry.actor, second.entry.actor}
    return codes if len(codes) == 2 else None


# what may stand between a gathering's subject and the gathering: auxiliaries, adverbs, a verb of holding
_SUBJECT_TO_GATHERING = frozenset({"is", "are", "was", "were", "will", "would", "to", "be", "been", "has", "have",
                                   "had", "directly", "again", "also", "still", "hold", "holds", "held", "holding",
                                   "a", "an", "the", "new", "first", "second", "ready", "willing", "prepared",
                                   "eager"})


def _pair_with(view: SentenceView, st: CueState) -> set[str] | None:
    """The two parties of a gathering whose subject stands right before it and whose partner follows its
    "with" ("the U.S. is talking directly with North Korea", "China holds talks with North Korea"); None when
    either is missing, or when the clause names someone else after the partner (the talks' matter: "talks
    with Xi on North Korea"), a place after "in" or "at" excepted."""
    if st.cue.category not in _GATHERINGS:
        return None
    tokens = view.tokens
    k = after_raw(view, st.item)
    if st.cue.phrase.endswith(" with"):
        k -= 1
    elif tokens[k:k + 1] == ["directly"]:
        k += 1
    if tokens[k:k + 1] != ["with"]:
        return None
    names = [a for a in view.actors if a.match.kind == "actor" and a.clause == st.item.clause]
    partner = next((a for a in names if k < a.raw <= k + 2), None)
    subject = max((a for a in names if a.raw < st.item.raw), key=lambda a: a.raw, default=None)
    if partner is None or subject is None or partner.raw - k == 2 and tokens[k + 1] != "the" \
            or not _SUBJECT_TO_GATHERING.issuperset(tokens[after_raw(view, subject):st.item.raw]):
        return None
    if after_raw(view, subject) == st.item.raw and subject.raw > 0 and tokens[subject.raw - 1] in DETERMINERS:
        return None  # a name between a determiner and the gathering says where it is: "the Singapore meeting with Kim"
    if after_raw(view, subject) == st.item.raw and getattr(subject.entry, "kind", "") in _PLACE_KINDS and any(
            a.raw < subject.raw and not COORDINATORS.issuperset(tokens[after_raw(view, a):subject.raw]) for a in names):
        # so does a place with a subject and its verb before it: "Trump calls off Singapore meeting with Kim"
        return None
    # (a name after a comma opens a phrase of its own, the news's source: "..., China's Xinhua reported")
    comma = view.folded.find(",", partner.match.end)
    if any(a.raw > partner.raw and a.entry.actor not in (subject.entry.actor, partner.entry.actor)
           and tokens[a.raw - 1] not in ("in", "at") and not 0 <= comma < a.match.start for a in names):
        return None
    codes = {subject.entry.actor, partner.entry.actor}
    return codes if len(codes) == 2 else None


def _pair_subject_and_name(view: SentenceView, st: CueState) -> set[str] | None:
    """The two parties of a deal or gathering named by one of them right before it ("U.S. trade deal") in a
    clause whose subject, a few words before, is another: "Britain confident of U.S. trade deal despite Huawei
    concerns" is Britain's deal with the U.S. (only words of hope or reach between the two: not "trade with
    China, the coming North Korea meeting"); None when a partner follows after "with" ("China trade deal
    with the U.S."), or either is missing."""
    if st.cue.category not in _NAMED_DEALS or _with_slot(view, st) >= 0:
        return None
    names = [a for a in view.actors if a.match.kind == "actor" and a.clause == st.item.clause]
    named = next((a for a in names if after_raw(view, a) == st.item.raw), None)
    if named is None:
        return None
    subject = max((a for a in names if a.raw < named.raw), key=lambda a: a.raw, default=None)
    if subject is None:
        return None
    between = view.tokens[after_raw(view, subject):named.raw]
    if not 0 < len(between) <= 4 or not _SUBJECT_TO_NAMED_DEAL.issuperset(between) \
            or "," in view.folded[subject.match.end:named.match.start]:
        return None
    codes = {subject.entry.actor, named.entry.actor}
    return codes if len(codes) == 2 else None


_NAMED_DEALS = frozenset({"deal", "talks", "meeting"})
# what may stand between the subject and the deal it is party to: its hopes for it, its reach for it
_SUBJECT_TO_NAMED_DEAL = frozenset({"confident", "reasonably", "very", "optimistic", "upbeat", "hopeful", "of",
                                    "on", "about", "hopes", "hope", "hoping", "for", "a", "an", "the", "eyes",
                                    "seeks", "wants", "nears", "near", "signs", "sign", "reaches", "reach",
                                    "close", "closer", "to", "is", "are", "pushes", "pursues", "its", "new"})


def _a_dyads_pair(pair: set[str] | None, dyads: Any) -> bool:
    """Whether a pair is the two sides of one of ``dyads`` ("Trump-Kim", not "U.S.-South Korea")."""
    return pair is not None and any(not pair.isdisjoint(d.side_a) and not pair.isdisjoint(d.side_b) for d in dyads)


def _only_names_between(view: SentenceView, a: CueState, b: CueState) -> bool:
    """Whether only "to", an article and the names of a pair stand between two cues ("host the Trump-Kim
    summit", "offers to host")."""
    names = name_tokens(view)
    return all(view.tokens[k] in ("to", "the", "a", "their") or k in names
               for k in range(after_raw(view, a.item), b.item.raw))


_ABOUT_GATHERING = frozenset({"for", "on", "about", "over", "of", "with"})


def _pair_coordinated(view: SentenceView, st: CueState) -> set[str] | None:
    """The two parties named together as the subject of a gathering, deal or conflict, "A and B" a few words
    before it with no other name between ("hopes North Korea and the U.S. will keep talking", "urges
    Washington and Pyongyang to stop their war of words"); None when there are none."""
    tokens = view.tokens
    before = [a for a in view.actors if a.match.kind == "actor" and a.clause == st.item.clause
              and a.raw < st.item.raw]
    if len(before) < 2:
        return None
    first, second = before[-2], before[-1]
    between = tokens[after_raw(view, second):st.item.raw]
    # (not two names right before the noun, a list of two things: "the China and USMCA deals"; nor the pair
    # that speaks of a conflict, unless it is "their" own: "Europe and China decry 'trade war'")
    if not 0 < len(between) <= 5 or not BARRIERS.isdisjoint(between) \
            or "," in view.folded[second.match.end:st.item.match.start] \
            or (st.cue.category in _CONFLICTS and "their" not in between):
        return None
    # (nor a pair that speaks of the gathering, or plans it with someone else: "Kim and Xi discussed plans for a
    # second summit with Trump")
    if not _ABOUT_GATHERING.isdisjoint(between) or any(t.startswith(("discuss", "talk")) for t in between) \
            or tokens[after_raw(view, st.item):after_raw(view, st.item) + 1] == ["with"]:
        return None
    return _and_pair(view, first, second)


def _pair_named(st: CueState, sent: _Sent) -> set[str] | None:
    """The two (or more) parties that name a gathering or deal right before it ("U.S.-North Korea talks",
    "the Trump-Kim summit"), for the cue itself or for progress said of it ("U.S.-North Korea talks make
    progress"); None when no such pair names it."""
    view = sent.view
    assert view is not None
    head = st
    for o in view.cues:  # the gathering whose progress or failure this is: its subject, right before it
        if (o is not st and (st.cue.category not in _CONFLICTS or o.cue.category in _CONFLICTS)
                and o.cue.category in _PAIRED and o.item.clause == st.item.clause
                # (a conflict's growth follows it right away: "trade war heats up"; "trade tensions and North
                # Korea fears" are two conflicts)
                and 0 <= st.item.raw - after_raw(view, o.item) <= (0 if st.cue.category in _CONFLICTS else 1)):
            head = o
    names = [a for a in view.actors if a.match.kind == "actor" and after_raw(view, a) == head.item.raw]
    if not names:
        return None
    # (joined as one compound, "U.S.-North Korea", not a list of two things: "the China and USMCA deals")
    group = [names[0]]
    for it in sorted((a for a in view.actors if a.raw < names[0].raw), key=lambda a: -a.raw):
        if after_raw(view, it) == group[-1].raw and "-" in view.folded[it.match.end:group[-1].match.start + 1]:
            group.append(it)
    codes = {a.entry.actor for a in group}
    return codes if len(codes) >= 2 else None


def _with_slot(view: SentenceView, st: CueState) -> int:
    """Where the partner named after a cue's "with" stands: right after a cue that ends in "with" ("feud with
    China"), or after the "with" that follows it ("talks with China"); -1 when no "with" follows."""
    end = after_raw(view, st.item)
    if st.cue.phrase.endswith(" with"):
        return end
    return end + 1 if end < len(view.tokens) and view.tokens[end] == "with" else -1


def _side_b_partner(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether talks or a meeting with no subject of their own name side B as their partner: after "with"
    ("Talks with China collapse"), as the noun's first word ("North Korea talks stall") or as the place they
    are held in ("Two days of talks in Beijing end with no agreement"), opening their
    clause (not "Tesla holds talks with China's Lishen", whose subject is someone the lexicon does not know,
    nor "China invites investors", whose name is the verb's subject)."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    end = _with_slot(view, st)
    where = after_raw(view, st.item)  # (talks held "in" side B's capital or country are with it: "talks in Beijing")
    held_in = where + 1 if where < len(tokens) and tokens[where] == "in" and st.cue.phrase in _PARTNER_NOUNS else -1
    for _, a, it in sent.actors:
        if it is None or dyad.side_of(a) != "b" or it.match.kind == "mod":
            continue
        if it.raw == end or (it.raw == held_in and getattr(it.match.entry, "kind", "") in _PLACE_KINDS):
            start = st.item.raw
        elif after_raw(view, it) == st.item.raw and st.cue.phrase in _PARTNER_NOUNS:
            start = it.raw
        else:
            continue
        j = start - 1
        while j >= 0 and (tokens[j] in _BARE_LEAD or tokens[j] in _TALK_MODIFIERS or tokens[j] in VENUE_CITIES):
            j -= 1
        if j < 0 or tokens[j] in BARRIERS:
            return True
    return False


# verbs by which a side speaks of talks ("Pyongyang says talks have broken down")
_SPEAKING = SAYING | {"tells", "told", "insists", "insisted", "claims", "claimed"}


def _side_b_speaks_of(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether side B is who speaks of talks that name no partner, and no one else is named: "Pyongyang says
    working-level talks have broken down", "Stockholm talks broke down, North Korea's envoy says" are its talks
    with side A, as a reader of the news takes them (a third party named, or a partner after "with", decides
    otherwise; the caller checks that only side B is named)."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    if _with_slot(view, st) >= 0:
        return False  # (talks "with" someone: _side_b_partner reads them)
    end = after_raw(view, st.item)
    if st.cue.phrase in _JOURNEYS and end < len(tokens) and tokens[end] not in _GATHERING_TAILS \
            and end not in name_tokens(view):
        return False  # a visit to a place no side owns goes nowhere abroad: "Kim Jong Un visits construction site of
        # Pyongyang General Hospital, KCNA reports"
    for _, a, it in sent.actors:
        if it is None or dyad.side_of(a) != "b" or it.match.kind == "mod":
            continue
        j = after_raw(view, it)
        # (the speaker's own title may stand between: "North Korea's envoy says")
        while j < len(tokens) and j - it.raw <= 4 and tokens[j] not in _SPEAKING and tokens[j] not in BARRIERS:
            j += 1
        if j < len(tokens) and tokens[j] in _SPEAKING:
            return True
    return False


# states of a relation that, "with" side B and owned by no one named, are side A's (the reader's country's)
_STANDOFFS = frozenset({"tension", "talks_failed"})
_OWNERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _standoff_with(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a standoff, a rift or a breakdown is "with" side B right after it and owned by no one: "the
    strategists say the tariff pause sharpens the standoff with Beijing" (not "its standoff with Beijing",
    "the bank's dispute with Beijing", whose owner is someone the lexicon may not know)."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    end = _with_slot(view, st)
    if end < 0 or not any(it is not None and it.raw == end and dyad.side_of(a) == "b" and it.match.kind != "mod"
               and getattr(it.match.entry, "kind", "") != "firm" for _, a, it in sent.actors):
        # (a dispute with a firm is business: "Qualcomm settles licensing dispute with Huawei")
        return False
    j = st.item.raw - 1
    while j >= 0 and (tokens[j] in _BARE_LEAD or tokens[j] in _TALK_MODIFIERS):
        j -= 1
    return j < 0 or not (tokens[j] in _OWNERS or possessive(tokens[j]))


# the nouns of talks and meetings that a partner's name may open ("North Korea talks"), and the words that may
# open a clause before talks with no subject ("New talks with China ...", "... as fresh talks with China begin")
_PARTNER_NOUNS = frozenset({"talks", "talk", "negotiations", "dialogue", "summit", "meeting", "meetings"})
# words that describe talks rather than name who holds them ("marathon talks with China resume")
_TALK_MODIFIERS = frozenset({"marathon", "weekend", "crucial", "key", "final", "formal", "informal", "preliminary",
                             "secret", "emergency", "tough", "tense", "difficult", "productive", "constructive",
                             "frank", "lengthy", "long", "extended", "ministerial", "technical", "substantive",
                             "serious", "intense", "intensive", "initial", "early", "separate", "ongoing", "bilateral",
                             "second", "third", "fourth", "fifth", "two", "three", "several",
                             # (the words of compounds, whose hyphens the tokens drop: "high-level", "two-day",
                             # "follow-up", "closed-door", "last-ditch", "working-level")
                             "high", "level", "day", "days", "round", "hour", "hours", "week", "stakes", "follow",
                             "up", "closed", "door", "last", "ditch", "working", "vice", "cabinet", "deputy", "senior"})
_BARE_LEAD = frozenset({"the", "all", "new", "fresh", "planned", "further", "more", "renewed", "latest", "direct",
                        "possible", "any", "exclusive", "breaking", "analysis", "of"})  # ("two days of talks")


# the verbs by which what a third country is charged with (rules.GRIEVANCES) reaches side B ("letting oil into
# North Korea", "shipping goods to North Korea")
_SUPPLYING = frozenset(f for v in ("let", "allow", "ship", "sell", "supply", "send", "smuggle", "export", "provide",
                                   "transfer") for f in inflections(v))


def _side_b_at(st: CueState, sent: _Sent, dyad: Dyad, lo: int, hi: int) -> bool:
    """Whether this dyad's side B is named in the cue's clause at a token from ``lo`` up to, not including, ``hi``."""
    return any(dyad.side_of(a) == "b" and it is not None and it.clause == st.item.clause and lo <= it.raw < hi
               for _, a, it in sent.actors)


def _supplies_side_b(st: CueState, sent: _Sent, dyad: Dyad, end: int) -> bool:
    """Whether the charge goes on to name side B as where the third country's goods went: a verb of supply
    after the cue and side B after "to" or "into", in its clause, within eight words."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    for _, a, it in sent.actors:
        if (dyad.side_of(a) == "b" and it is not None and it.clause == st.item.clause and end < it.raw <= end + 8
                and tokens[it.raw - 1] in ("to", "into") and not _SUPPLYING.isdisjoint(tokens[end:it.raw])):
            return True
    return False


def _pressed_about_side(st: CueState, sent: _Sent, dyad: Dyad, named_in_cue: tuple[Alias, ...] | None) -> bool:
    """Whether an escalating demand or criticism (or denied help) whose subject or target is a third country
    names this dyad's side B as what it is about: in the cue ("urges Beijing to rein in North Korea"), or
    later in its clause ("on", "over", "about" the side, or "the" side's matter) with no side A named between
    (in "China criticizes the U.S. over North Korea" the complaint is about the US); or whether a measure or
    pressure the third country is urged to take names side B after it ("urges China to cut off oil to North
    Korea")."""
    if st.weight <= 0 or not (st.cue.category in _STEPS_AGAINST or st.cue.category in GRIEVANCES
                              or (st.cue.category == "cooperation" and st.polarity)):
        return False  # (help denied is a complaint too: "China is not helping on North Korea")
    if named_in_cue and any(dyad.side_of(a.actor) == "b" for a in named_in_cue):
        return True
    assert sent.view is not None
    end = after_raw(sent.view, st.item)
    if st.cue.category in GRIEVANCES and _supplies_side_b(st, sent, dyad, end):
        return True  # "China was 'caught red handed' letting oil into North Korea": what it is charged with feeds side B
    if st.cue.category in _STEPS_AGAINST:
        # a step the third country is urged or told to take against the side: "urges China to cut off oil to
        # North Korea", "calls on Beijing to pressure Pyongyang" (the side named within six words after it)
        if _urged(sent.view, st) and _side_b_at(st, sent, dyad, end, end + 7):
            return True
        if st.cue.category not in _PRESSING:
            return False  # a third country's own measure ("China imposes sanctions on North Korea") is its own
        # pressure on the third country to act on side B's matter: "step up pressure on UK to reverse Huawei 5G
        # decision" (a "to" within four words of the cue, the side within five words after it)
        tokens = sent.view.tokens
        to = next((j for j in range(end, min(end + 4, len(tokens))) if tokens[j] == "to"), None)
        if to is not None and _side_b_at(st, sent, dyad, to + 1, to + 6):
            return True
    # (help is "with" what it helps on: "to help with North Korea, it has not worked")
    markers = _HELP_MARKERS if st.cue.category == "cooperation" else _ABOUT_SIDE
    return any(not any(dyad.side_of(b) == "a" and other is not None and end <= other.raw < it.raw
                       for _, b, other in sent.actors)
               for it in _side_b_as_topic(st, sent, dyad, end, markers))


_TOPIC_MARKERS = _ABOUT_SIDE | {"against", "discuss", "discussed", "discussing"}


def _deal_of_others(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a deal, truce, meeting or talks belong to others than side B, side B named in the sentence
    only as what something is about: to a third country and side A ("Trump and Xi agree to pile pressure on
    North Korea, sign $250 billion in business deals" are the US's and China's deals, no step with North
    Korea), or to whoever made a deal on a measure against side B ("in complete agreement on maximum pressure
    against North Korea")."""
    if st.cue.category not in _JOINT_ACTS or st.weight >= 0:
        return False
    view = sent.view
    assert view is not None
    tokens = view.tokens
    side_b = [it for _, a, it in sent.actors if it is not None and dyad.side_of(a) == "b"]
    if not side_b or any(it.raw == 0 or tokens[it.raw - 1] not in _TOPIC_MARKERS for it in side_b):
        return False
    if any(it is not None and not dyad.side_of(a) and getattr(it.match.entry, "kind", "") != "org"
           for _, a, it in sent.actors):
        return True
    # or a deal whose matter is a measure against side B, whoever made it: "We are in complete agreement on
    # maximum pressure against North Korea" (with Japan, named in the sentence before) is no deal with it
    end = after_raw(view, st.item)
    return tokens[end:end + 1] in (["on"], ["over"]) and any(
        not c.dropped and c.weight > 0 and c.cue.category in _MEASURES and end < c.item.raw <= end + 3
        for c in view.cues)


# what may stand between relief and the "for" of those it is for: a duration ("for 90 days") or an adverb
_RELIEF_SPAN = frozenset({"for", "days", "months", "weeks", "a", "the", "while", "now", "temporarily"})


def _relief_for_others(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether relief (a relief cue, or a measure turned around) is for a third party named after "for", past
    a duration: "pauses reciprocal tariffs for 90 days for most countries but raises China's rate" is a
    pause for the others, none for China."""
    if st.weight >= 0 or not (st.cue.category in RELIEF or st.cue.weight > 0):
        return False
    view = sent.view
    assert view is not None
    tokens = view.tokens
    k = after_raw(view, st.item)

    def for_whom(j: int) -> bool:  # a "for" that names whom, not how long ("for 90 days")
        return tokens[j] == "for" and j + 1 < len(tokens) and not tokens[j + 1].isdigit()

    while k < len(tokens) and not for_whom(k) and (tokens[k] in _RELIEF_SPAN or tokens[k].isdigit()):
        k += 1
    if k >= len(tokens) or not for_whom(k):
        return False
    # all those it is for, up to the phrase's end ("for Japan and China", "for all countries including China"
    # name a side; "for most countries but raises China's" does not)
    stop = next((j for j in range(k + 1, len(tokens)) if tokens[j] in BARRIERS), len(tokens))
    # (a comma after the last name changes nothing, and the search stops there, inside the sentence)
    comma = view.folded.find(",", st.item.match.end, view.actors[-1].match.end if view.actors else st.item.match.end)
    named = [(a, it) for _, a, it in sent.actors if it is not None and k < it.raw < stop
             and (comma < 0 or it.match.start < comma)]
    if any(dyad.side_of(a) or getattr(it.match.entry, "kind", "") == "org" for a, it in named):
        return False
    # "for most countries", "for other trading partners", or a third country right after "for"
    return tokens[k + 1:k + 2] in (["most"], ["other"], ["all"], ["dozens"]) or any(it.raw <= k + 2 for _, it in named)


def _urged(view: SentenceView, st: CueState) -> bool:
    """Whether an obligation or request word stands before the cue in its clause ("urges China to ..."), or a
    word of pressure whose "to" leads to it ("keeps pressing China to cut off oil to North Korea")."""
    return any(m.entry.type in ("obligation", "request") and m.clause == st.item.clause and m.raw < st.item.raw
               for m in view.mods) or any(
        c.cue.category == "demand" and c.item.clause == st.item.clause and c.item.raw < st.item.raw
        and view.tokens[after_raw(view, c.item):st.item.raw][:1] == ["to"]
        and st.item.raw - after_raw(view, c.item) <= 2 for c in view.cues)


def _urged_of_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a measure or pressure aimed at a third country is a step this dyad's side B is urged or told to
    take (an obligation or request word before it in its clause, side B named right before the cue): "U.S.
    urges China to cut off oil supplies to North Korea" demands a step of China."""
    if st.weight <= 0 or st.cue.category not in _STEPS_AGAINST:
        return False
    assert sent.view is not None
    if not _urged(sent.view, st):
        return False
    found = _name_before(sent, st.item.raw, st.item.clause, 4)
    return found is not None and any(dyad.side_of(a) == "b" for _, a, it in sent.actors if it is found[0])


def _side_b_as_topic(st: CueState, sent: _Sent, dyad: Dyad, end: int,
                     markers: frozenset[str] = _ABOUT_SIDE) -> list[Item]:
    """The names of side B that follow the cue (ending at token ``end``) in its clause as what it is
    about: after "on", "over", "about" (or ``markers``; or those and "the"), at most six words on."""
    assert sent.view is not None
    tokens = sent.view.tokens
    found = []
    for _, a, it in sent.actors:
        if it is None or it.raw < end or it.clause != st.item.clause or dyad.side_of(a) != "b":
            continue
        j = it.raw - 1
        if j >= 0 and tokens[j] == "the":
            j -= 1
        if j >= end and tokens[j] in markers and j - end <= 6:
            found.append(it)
    return found


def _help_about_side(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether warm words or help offered with a third country are about this dyad's side B, named only as
    their topic in the clause: "Trump thanks China for its help on North Korea", "will work with Xi on
    North Korea" are dealings with China about North Korea, no step between the US and North Korea. (With
    no third country in the clause, "great progress on North Korea" is progress with it.)"""
    if st.weight >= 0 or st.cue.category not in ("cooperation", "praise"):
        return False
    view = sent.view
    assert view is not None
    end = after_raw(view, st.item)
    topical = _side_b_as_topic(st, sent, dyad, end)
    if not topical:
        return False
    clause = st.item.clause
    first = min(it.raw for it in topical)
    named = [(a, it) for _, a, it in sent.actors if it is not None and it.clause == clause and it.raw < first]
    if any(dyad.side_of(a) == "b" for a, _ in named):
        return False  # side B named before as a party: "Kim and Trump cooperate on North Korea's remains"
    return any(not dyad.side_of(a) and getattr(it.match.entry, "kind", "") != "org"
               for a, it in named)


def _named_list(sent: _Sent, start: int, end: int, between: list[str]) -> bool:
    """Whether the tokens ``between`` (from ``start`` to ``end``) go on with a list of names that closes with
    "and" or "or" before the side: "sanctions on Russia, Iran and North Korea" (every token a name, or the
    noun a name is said of, but the last)."""
    view = sent.view
    if view is None or not between or between[-1] not in ("and", "or"):
        return False
    names = name_tokens(view)
    # (a name may bring its noun: "sanctions Russian bank and Chinese front companies")
    return all(k in names or view.tokens[k] in _ENTITY_NOUNS for k in range(start, end - 1))


# the nouns of people or bodies a national adjective is said of ("Russian bank", "Chinese firms")
_ENTITY_NOUNS = frozenset({"bank", "banks", "firm", "firms", "company", "companies", "entity", "entities",
                           "individuals", "officials", "ships", "vessels", "traders", "shippers", "nationals",
                           "businesses", "lenders", "tankers"})


def _thanked_by_title(st: CueState, tokens: list[str], end_raw: int) -> bool:
    """Whether a thanks ends in "you" before a title that names who is thanked ("thank you President
    Trump", "thank you Senator Cotton"): that person is its partner."""
    return (st.cue.category == "praise" and st.cue.phrase.startswith("thank") and end_raw + 1 < len(tokens)
            and tokens[end_raw] == "you" and tokens[end_raw + 1] in OBJECT_TITLES)


def _partner_end(view: SentenceView, st: CueState) -> int:
    """The token after the cue, where its partner or target is named; for a warm word right before a
    meeting or talks, the token after those: "a productive meeting with ..." names the meeting's partner. A
    word of when after it is passed ("meeting today with ...")."""
    end_raw = max(st.item.raw + 1, after_raw(view, st.item))
    if st.cue.category == "praise":
        nxt = next((c for c in view.cues if c.item.raw == end_raw and c.cue.category in _GATHERINGS), None)
        if nxt is not None:
            end_raw = max(nxt.item.raw + 1, after_raw(view, nxt.item))
    while end_raw < len(view.tokens) - 1 and view.tokens[end_raw] in _WHEN_WORDS:
        end_raw += 1  # (a word of when comes between: "Meeting today with Bob Lighthizer")
    return end_raw


_WHEN_WORDS = frozenset({"today", "tomorrow", "tonight", "yesterday", "again", "soon", "later", "now"})
_AIMED_AT = frozenset({"on", "against", "at", "targeting", "toward", "towards"})
# measures whose target may follow the goods they cover, and the words that name it
_MEASURES = frozenset({"trade_barrier", "export_control", "sanction", "blacklist", "investment_ban"})
_STEPS_AGAINST = _PRESSING | _MEASURES  # demands, complaints and measures: what one side takes against another
_MEASURE_PREPS = frozenset({"to", "from", "on", "against"})


def _claimed_elsewhere(st: CueState, sent: _Sent, dyad: Dyad, topic: str, own: set[str], near: set[str],
                       claims: tuple[tuple[frozenset[str], frozenset[str]], ...],
                       named_in_cue: tuple[Alias, ...] | None) -> bool:
    """Whether an escalation cue belongs to another dyad that claims its topic: that dyad's side B is named
    in the sentence (or, when the sentence names neither side B, next to it), and the cue is not aimed at
    this dyad's side B right after it ("sanctions on Chinese banks") nor names it ("Chinese missile"):
    "North Korea disrespected the wishes of China when it launched a missile", "sanctions placed on the
    border by China" and "maximum sanctions must be maintained" after a message from Xi about Kim are
    North Korea's matter, not US-China escalation."""
    if named_in_cue and any(dyad.side_of(a.actor) == "b" for a in named_in_cue):
        return False
    if _breached_by_side_b(st, sent, dyad) or _threatened_with(st, sent, dyad):
        return False
    if _laid_on_side_b(st, sent, dyad):
        return False
    mine = not own.isdisjoint(dyad.side_b)
    for side_b, topics in claims:
        if topic not in topics:
            continue
        if own.isdisjoint(side_b) and (mine or near.isdisjoint(side_b)):
            continue
        if _charged_side_b(st, sent, dyad):
            return False  # the accused is this dyad's side: "accuses China of cheating on North Korea sanctions"
        assert sent.view is not None
        end = after_raw(sent.view, st.item)
        tokens = sent.view.tokens
        aimed = end < len(tokens) and tokens[end] in _AIMED_AT
        if (aimed or st.cue.category in _TAKES_OBJECT) and any(
                dyad.side_of(a) == "b" and it is not None and end + (1 if aimed else 0) <= it.raw <= end + 3
                for _, a, it in sent.actors):
            # aimed at this dyad's side: "sanctions on Chinese banks that help North Korea", "sanctions
            # Russian, Chinese tech firms over funds for North Korea"
            return False
        return True
    return False


def _charged_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a charge named after its accusing verb (``CueState.anchor``: "accuses ... of cheating") accuses
    this dyad's side B, named right after the verb: "Haley accuses China of cheating on North Korea
    sanctions" charges China, whatever the cheating is about; so does a breach of sanctions (or of
    resolutions) whose subject is side B."""
    if st.cue.category == "accusation" and st.anchor is None and (
            "sanction" in st.cue.phrase or "resolution" in st.cue.phrase or st.cue.phrase.startswith("cheat")):
        # a breach of sanctions (or of the U.N. resolutions that set them) charges its subject, named right
        # before it: "China is violating sanctions on North Korea, Haley says" (whoever the sanctions are on),
        # "North Korea violated U.N. resolutions"
        found = _name_before(sent, st.item.raw, st.item.clause, 2)
        return found is not None and any(dyad.side_of(a) == "b" for _, a, it in sent.actors if it is found[0])
    if st.anchor is None or st.cue.category not in ("accusation", "criticism"):
        return False
    view = sent.view
    assert view is not None
    start = st.anchor + 1
    names = name_tokens(view)
    # (the side may close a list of the accused: "accuses Russia and China of cheating")
    return any(dyad.side_of(a) == "b" and it is not None and it.match.kind == "actor" and start <= it.raw <= start + 4
               and all(k in names or view.tokens[k] in ("and", "or") for k in range(start, it.raw))
               for _, a, it in sent.actors)


def _threatened_with(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether the cue is what this dyad's side B, named as an object right before it, is hit or threatened
    "with": "Mnuchin threatens China with sanctions over North Korea", "hits Chinese traders with
    sanctions" aim the sanctions at China, whatever they are about."""
    raw = st.item.raw
    assert sent.view is not None
    tokens = sent.view.tokens
    if raw < 2 or tokens[raw - 1] != "with":
        return False
    return _side_b_at(st, sent, dyad, raw - 5, raw - 1)



# verbs that put their object on a list ("adds Chinese firms to sanctions list", "puts Chinese firms on North
# Korea blacklist")
_LISTING_VERBS = frozenset({"add", "adds", "added", "adding", "put", "puts", "putting", "place", "places", "placed",
                            "placing"})


def _listing(st: CueState, sent: _Sent) -> tuple[int, list[str]] | None:
    """The listing verb that lays a measure on its object (its token index), with the actors of the object,
    named between the verb and the "to" or "on" that leads to the measure: "Treasury adds Chinese trading
    houses to North Korea sanctions list" lists Chinese firms, whoever the list is about."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    raw = st.item.raw
    for k in range(raw - 1, max(raw - 6, 0), -1):
        if tokens[k] in ("to", "on"):
            break
    else:
        return None
    verb = next((j for j in range(k - 2, max(k - 6, -1), -1) if tokens[j] in _LISTING_VERBS), None)
    if verb is None:
        return None
    return verb, [a for _, a, it in sent.actors if it is not None and it.clause == st.item.clause and verb < it.raw < k]


def _laid_on_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a measure is laid on this dyad's side B, whoever the measure is about: by a listing verb
    (``_listing``: "adds Chinese firms to North Korea sanctions list"), or in the passive with side A as its
    agent and side B named just before it ("Chinese firms sanctioned by U.S. over North Korea trade")."""
    if st.cue.category not in _MEASURES:
        return False
    found = _listing(st, sent)
    if found is not None and any(dyad.side_of(a) == "b" for a in found[1]):
        return True
    if _passive_by_side(st, sent, dyad) and any(
            dyad.side_of(a) == "b" and it is not None and st.item.raw - 4 <= it.raw < st.item.raw
            for _, a, it in sent.actors):
        return True
    return _hit_parties_name_side_b(st, sent, dyad)


# the words of the parties a measure hits, named before it ("two Chinese shipping firms sanctioned") or listed
# after it ("sanctions on North Korean shipping, Chinese traders")
_HIT_PARTIES = frozenset({"firm", "firms", "company", "companies", "bank", "banks", "shipping", "shippers", "shipper",
                          "traders", "trader", "nationals", "national", "individuals", "entities", "entity", "people",
                          "executives", "officials", "vessels", "ships", "tech", "trading", "state", "oil", "and", "two",
                          "three", "four", "five", "several", "more", "other", "based", "networks", "network",
                          "front", "businesses", "business", "citizens", "men", "persons", "lines"})
# the verbs that take the parties a measure hits as their object, the measure after "with"
_STRIKING = frozenset({"hit", "hits", "slap", "slaps", "slapped", "target", "targets", "targeted", "punish", "punishes",
                       "punished"})
# the words after a measure that go on to name whom it hits ("sanctions yet, hitting Chinese shipping firms")
_HITTING = frozenset({"hitting", "targeting", "including", "against", "on"})
_IN_PLACES = frozenset({"in", "of", "the", "a", "from"})  # where the parties are ("shippers in China")


def _side_a_before(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether side A is named before the cue in its clause (the one who lays a measure, as a rule)."""
    return any(it is not None and dyad.side_of(a) == "a" and it.raw < st.item.raw and it.clause == st.item.clause
               for _, a, it in sent.actors)


def _hit_parties_name_side_b(st: CueState, sent: _Sent, dyad: Dyad, with_others: bool = False) -> bool:
    """Whether side B's parties are among those a measure hits: named before a passive measure that names no
    agent ("Chinese, Russian firms hit with U.S. sanctions over North Korea trade", "Two Chinese nationals
    sanctioned"), or listed after it ("sanctions on North Korean shipping, Chinese traders", "the biggest
    North Korea sanctions yet, hitting Chinese shipping firms"). ``with_others``: only a list after the measure
    that names a third party beside side B ("sanctions on Russia, Iran and North Korea")."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    raw, end = st.item.raw, after_raw(view, st.item)
    named = name_tokens(view)
    b_at = sorted(it.raw for _, a, it in sent.actors if it is not None and dyad.side_of(a) == "b")
    # before: the parties, then the passive verb of the measure ("sanctioned", "blacklisted") or "hit with"
    start = raw
    while start > 0 and tokens[start - 1] in ("u.s", "u.s.", "us", "american", "new", "fresh"):
        start -= 1
    passive = tokens[raw].endswith("ed") and st.item.match.end - st.item.match.start == len(tokens[raw]) \
        or tokens[max(start - 2, 0):start] in (["hit", "with"], ["slapped", "with"])
    if passive and not with_others:
        verb = start - 2 if not tokens[raw].endswith("ed") else raw
        for p in b_at:
            if p < verb and all(k in named or tokens[k] in _HIT_PARTIES for k in range(p, verb)):
                return True
    if not with_others and tokens[max(start - 1, 0):start] == ["with"]:
        # the parties as the object of a verb of striking, the measure after "with": "Treasury hits Chinese
        # traders, North Korean shipping lines with new sanctions"
        striker = next((j for j in range(start - 2, max(start - 12, -1), -1) if tokens[j] in _STRIKING), None)
        if striker is not None and any(striker < p < start - 1 for p in b_at) and all(
                k in named or tokens[k] in _HIT_PARTIES or tokens[k] in _IN_PLACES for k in range(striker + 1, start - 1)):
            return True
    # after: "on", or a participle that goes on to name them, then a list up to its end
    k = end
    if k < len(tokens) and tokens[k] == "yet":
        k += 1
    if k >= len(tokens) or tokens[k] not in _HITTING:
        return False
    if tokens[k] == "including" and tokens[k + 1:k + 2] == ["on"]:
        k += 1
    if tokens[k] == "on" and tokens[k + 1:k + 2] and tokens[k + 1] in WEEKDAYS and tokens[k + 2:k + 3] == ["on"]:
        k += 2  # "imposed sanctions on Thursday on two China-based shipping companies"
    # (the list holds names and the words of parties, nothing else: "sanctions on Iran tested by China" name
    # China as no party hit)
    stop = k + 1
    while stop < min(k + 10, len(tokens)) and (stop in named or tokens[stop] in _HIT_PARTIES
                                              or tokens[stop] in _IN_PLACES):
        stop += 1
    if not any(k < p < stop for p in b_at):
        return False
    # (with others: only when side B is hit beside a third party named in the list)
    return not with_others or any(it is not None and k < it.raw < stop and dyad.side_of(a) is None
                                  for _, a, it in sent.actors)

def _breached_by_side_b(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether the measure is broken or left unenforced by this dyad's side B, named right before the verb
    that breaks it: "Beijing is not enforcing the sanctions on Pyongyang" is a charge against China, whoever
    the sanctions are on."""
    if st.breach is None:
        return False
    found = _name_before(sent, st.breach.raw, st.breach.clause, 2)
    return found is not None and any(dyad.side_of(a) == "b" for _, a, it in sent.actors if it is found[0])


# words that make the name after them a partner of the talk, or its setting ("discussed fairness in China
# trade talks": the talks are with China)
_PARTNER_MARKERS = frozenset({"with", "to", "between", "in"})
_WH_WORDS = frozenset({"what", "how", "whether", "why", "who"})


def _talk_of(word: str, following: list[str]) -> bool:
    """Whether ``word`` (with the token after it) names what a talk is about: "discuss(ed)", "talk(ing) about"."""
    return word.startswith("discuss") or (word.startswith("talk") and following == ["about"])


def _only_talked_about(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """True for talk of the other side rather than with it: every name of side B in the sentence comes after
    a talk verb as what it is about ("the Democrats should stop talking about North Korea", "meeting my
    generals to discuss North Korea"), with no partner word ("with", "to") before the name. A side B named
    before the verb ("Trump and Xi discussed trade") or as its partner ("talked with Kim about the
    summit") takes part; a side B named only in another sentence is left to the other tests."""
    view = sent.view
    if view is None or st.cue.category not in ("talks", "meeting"):
        return False
    tokens = view.tokens
    surface = view.folded[st.item.match.start:st.item.match.end]
    end = after_raw(view, st.item)
    if not _talk_of(surface, tokens[end:end + 1]):
        # a meeting held to talk of something: "met at the Pentagon to discuss North Korea options" (the "to"
        # of the infinitive is no partner word)
        at = next((j for j in range(end, min(end + 8, len(tokens))) if _talk_of(tokens[j], tokens[j + 1:j + 2])),
                  None)
        if at is None or not _PARTNER_MARKERS.isdisjoint(tokens[end:at - 1 if tokens[at - 1] == "to" else at]):
            return False
        end = at + 1
    named_b = [it for _, a, it in sent.actors if it is not None and dyad.side_of(a) == "b"]
    if not named_b:
        return False
    for it in named_b:
        if it.raw < st.item.raw or getattr(it.match.entry, "kind", "") == "firm":
            return False  # (talk of the other side's firm is talk of a policy aimed at it: "to discuss Huawei")
        if it.raw < end:
            return False  # (the one met before the talk verb is the partner: "Trump to meet Xi to discuss trade")
        between = tokens[end:it.raw]
        # (a partner word inside a clause of its own is not the talk's: "talking about what I should do with")
        cut = next((j for j, t in enumerate(between) if t in _WH_WORDS), len(between))
        if not _PARTNER_MARKERS.isdisjoint(between[:cut]):
            return False
    return True


_MEETING_MATTER = frozenset({"on", "about", "over"})  # what a meeting is held on
# the verbs of taking part in a meeting someone else holds
_ATTENDING = frozenset(f for v in ("attend", "skip", "show", "boycott", "join") for f in inflections(v)) | {"invited"}


def _held_by_one_side(st: CueState, sent: _Sent, dyad: Dyad, spk: str | None) -> bool:
    """True for a meeting one side holds on its own about a matter, which puts the relation on the table
    without moving it: the meeting noun is followed by what it is on ("meeting on", "about", "over", "to
    discuss"), with no partner named ("with", "between") anywhere after it, and everyone named before it is of
    one side ("China's cabinet holds meeting on U.S. tariffs", "White House meeting on China trade set for
    Friday"). The other side, if named, is the matter, not a party; the matter's own cues still count. A
    meeting whose holders include both sides ("U.S. and China hold meeting on trade") or that names a partner
    ("meeting on trade with Chinese officials") is left to the others."""
    view = sent.view
    if view is None or st.cue.category != "meeting":
        return False
    tokens = view.tokens
    if not _ATTENDING.isdisjoint(tokens[max(st.item.raw - 4, 0):st.item.raw]):
        return False  # (one attends, skips or fails to show up for a meeting held with others)
    end = after_raw(view, st.item)
    if not tokens[end - 1].startswith("meeting"):
        return False  # (the noun: "holds a meeting on", not "to meet on Friday")
    if end >= len(tokens) or "with" in tokens[end:] or "between" in tokens[end:]:
        return False
    if tokens[end] == "on" and date_at(tokens, end + 1):
        end += 3 if tokens[end + 1] == "the" else 2  # (a day is no matter: "convene meeting on Tuesday to discuss")
    if end >= len(tokens) or not (tokens[end] in _MEETING_MATTER or tokens[end] == "to"
                                  and tokens[end + 1:end + 2] == ["discuss"]):
        return False
    # (a third party named before it may be the partner: "left President Xi, where we had a meeting on North
    # Korea"; and a speaker takes part in what the post names: "Left Beijing after a long meeting on trade")
    # (someone must be named before it: a post's "Great meeting on trade today!" leaves its partner unsaid)
    before = {dyad.side_of(a) for _, a, it in sent.actors if it is not None and it.raw < st.item.raw}
    if before and spk is not None:
        before.add(dyad.side_of(spk))
    return len(before) == 1 and None not in before


def _past_title_place(tokens: list[str], start: int, k: int) -> int:
    """Past the place of a title: when titles were passed from ``start`` to ``k`` and "of" follows, the name
    after it ("with the President of China", "with the Governor of Guam"); else ``k``."""
    return k + 1 if start < k < len(tokens) - 1 and tokens[k] == "of" else k


def _own_side_partner(st: CueState, sent: _Sent, dyad: Dyad, spk: str | None) -> bool:
    """True for a meeting, talks or warm words between two of one side: the partner ("with Secretary
    Mnuchin", "met Secretary Pompeo") is on the side of whoever meets (the speaker, or a name of that side
    before the cue) and no one of the other side is named before the cue or among the partners ("a great
    meeting with Secretary Pompeo on North Korea" is the US briefing itself; "Kim met with Pompeo" and
    "talks with Pompeo and Kim" are between the sides)."""
    if st.cue.category not in _GATHERINGS and st.cue.category != "praise":
        return False
    view = sent.view
    assert view is not None
    tokens = view.tokens
    end_raw = _partner_end(view, st)
    if (st.cue.category == "praise" and spk is not None and dyad.side_of(spk) and end_raw + 1 < len(tokens)
            and tokens[end_raw] in ("to", "for") and tokens[end_raw + 1] in ("our", "my")):
        return True  # "Congratulations to our new Ambassador to China": warm words for the speaker's own people
    if end_raw > 0 and tokens[end_raw - 1] == "with":
        k = end_raw  # the cue ends in its marker: "talks with"
    elif end_raw < len(tokens) and tokens[end_raw] == "with":
        k = end_raw + 1
    elif _object_by_title(st, tokens, end_raw):
        k = end_raw  # a direct object known by a title: "met Secretary Pompeo"
    elif _thanked_by_title(st, tokens, end_raw):
        k = end_raw + 1  # "thank you President Trump"
    else:
        return False
    thanks = k == end_raw + 1 and tokens[end_raw] == "you"
    start = k
    k = _past_titles(tokens, k, _ANY_TITLES, 4)
    if st.cue.category in _GATHERINGS:
        # "spoke with the Governor of Guam" (not warm words, which a pronoun may own: "his special relationship
        # with the President of the United States" is Kim's)
        k = _past_title_place(tokens, start, k)
    # the partners' words, a list of them too ("with Pompeo and Kim"), up to a word that opens another phrase
    stop = _partner_stop(tokens, k, 8, _PARTNER_LIST_ENDS)
    partner = next((a for _, a, it in sent.actors
                    if it is not None and it.match.kind != "mod" and start <= it.raw < max(stop, k + 1)), None)
    side = dyad.side_of(partner) if partner else None
    if side is None:
        return False
    first = start if thanks else 0  # (who thanks is the speaker, whoever the sentence named before)
    for _, a, it in sent.actors:
        other = dyad.side_of(a)
        if other is not None and other != side and it is not None and first <= it.raw < stop:
            return False  # the other side meets, or is among the partners
    if any(it is not None and it.raw < st.item.raw and dyad.side_of(a) == side
           and getattr(it.match.entry, "kind", "") not in _NO_MEETERS for _, a, it in sent.actors):
        return True  # "Trump meets Mnuchin on China" (not "Chinese stocks fall as talks with China stall")
    return spk is not None and dyad.side_of(spk) == side


_GATHERINGS = frozenset({"meeting", "talks"})
# the words before an adjective that describes a name: a determiner, a possessive or a degree word
_ATTRIBUTIVE_BEFORE = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my", "highly", "very",
                                 "most", "greatly", "widely", "well", "so", "much"})


def _object_by_title(st: CueState, tokens: list[str], end_raw: int) -> bool:
    """Whether the word after cue ``st`` (at ``end_raw``) is a title that opens its direct object: "met
    Secretary Pompeo", "thanked Senator Graham". Not after a warm word that describes the one named, after a
    determiner or a degree word: "China and its highly respected President" praises China's president."""
    return end_raw < len(tokens) and tokens[end_raw] in OBJECT_TITLES and not (
        st.cue.category == "praise" and st.item.raw > 0 and tokens[st.item.raw - 1] in _ATTRIBUTIVE_BEFORE)


# words that end the matter of talks before a "with" ("talks North Korea with Abe", not "talks as tensions with")
_MATTER_BREAKS = frozenset({"as", "after", "amid", "while", "and", "but", "to", "in", "at", "despite", "over", "that"})
# the kinds of names that meet no one: a side's adjective or its currency ("Chinese stocks", "the yuan") and its
# firms name things of that side, not one who holds its talks
_NO_MEETERS = frozenset({"adjective", "firm"})
# words whose "on" names their subject, not their target ("helpful on North Korea": help with what)
_TOPICAL = frozenset({"criticism", "praise", "cooperation"})
_TOPICAL_PHRASES = frozenset({"do more", "do much more", "do a lot more"})
# words after "with" that stand for a party named elsewhere ("talks with them", "with their top leaders",
# "with our strongest competitor")
# ("the" too: "with the Chinese delegation", "with the other side" name their party a word later)
_PARTNER_PRONOUNS = frozenset({"him", "her", "them", "they", "he", "she", "us", "me", "you", "each", "both", "their",
                               "his", "its", "our", "the", "other", "all"})


_ON_REQUEST = frozenset({"request", "behest", "behalf"})


def _acting_for_side(sent: _Sent, dyad: Dyad) -> bool:
    """Whether the sentence says its step is taken at a side's request or on its behalf: "at the request of U.S.
    authorities", "at Washington's request", "on behalf of the United States"."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    for j, t in enumerate(tokens):
        if t not in _ON_REQUEST:
            continue
        for _, a, it in sent.actors:
            if it is None or it.match.kind == "mod" or not dyad.side_of(a):
                continue
            if (tokens[j + 1:j + 2] == ["of"] and j + 1 < it.raw <= j + 4) or (it.raw == j - 1 and j >= 2
                                                                               and tokens[j - 2] == "at"):
                return True
    return False


def _shared_measure(between: list[str]) -> bool:
    """Whether the words between two targets give the second its own share of the same measure: "25% tariffs
    on Canada and Mexico and 10% on China", or after a comma, "..., 10% on China" (the measure's name left out
    after the amount)."""
    if between and between[0] in ("and", "or", "but"):
        between = between[1:]
    return len(between) in (2, 3) and between[0][0].isdigit() \
        and between[-1] in ("on", "for", "against") and (len(between) == 2 or between[1] in ("percent", "pct"))


def _past_listed(sent: _Sent, after: int, dyad: Dyad) -> int:
    """The token after a list of third parties that goes on at ``after`` with "and" or "or" and another name
    that is no side ("Chinese and Singaporean companies for shipping fuel to North Korea": what ties them to a
    side is measured from the last of them)."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    while after < len(tokens):
        if tokens[after] in ("and", "or") and after + 1 < len(tokens):
            at = after + 1
        else:
            # (or a comma between two adjectives: "Russian, Chinese tech firms over funds for North Korea")
            at = after
        nxt, actor = next(((it, a) for _, a, it in sent.actors if it is not None and it.raw == at
                           and it.match.kind != "mod"), (None, ""))
        if nxt is None or dyad.side_of(actor):
            break  # (a side listed is named itself: "talks with China and North Korea")
        if at == after and not (getattr(nxt.entry, "kind", "") == "adjective"
                                and char_before(view.folded, nxt.match.start) == ","):
            break
        after = after_raw(view, nxt)
    return after


def _unnamed_partner(sent: _Sent, marker: int) -> bool:
    """Whether the partner after "with" (at ``marker``) is a person or body the lexicon does not know: no
    actor among the up to five words naming it (up to a word that opens another phrase), no pronoun standing
    for one, and not "with respect to"."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    if marker + 1 >= len(tokens) or tokens[marker + 1] in _PARTNER_PRONOUNS or tokens[marker + 1] in _WITH_TOPIC:
        return False
    first = marker + 1 + (tokens[marker + 1] in _OUTCOME_LEADS)
    if first < len(tokens) and (tokens[first] in _OUTCOME_NOUNS or any(c.item.raw == first for c in view.cues)):
        return False  # what the talks ended with, no partner: "wrap up talks with a pledge", "with a deal"
    stop = _partner_stop(tokens, marker + 1, 5, _PARTNER_ENDS)  # the partner's words: up to five
    # (the speaker's "my" is no named partner: "with my Intel team" are the speaker's own people)
    if any(it is not None and it.match.kind != "mod" and marker < it.raw < stop for _, _, it in sent.actors):
        return False
    return True


_AMOUNT_WORDS = frozenset({"billion", "million", "trillion", "bn", "mln", "dollars", "worth", "of", "in"})


def _past_amount(tokens: list[str], k: int) -> int:
    """The index past an amount that opens at ``k`` ("200 billion of", "50 billion worth of"): a number and
    the words of its size and of what it is worth, up to the name of what is counted."""
    if k >= len(tokens) or not tokens[k][:1].isdigit():
        return k
    j = k + 1
    while j < len(tokens) and j - k < 5 and (tokens[j] in _AMOUNT_WORDS or tokens[j][:1].isdigit()):
        j += 1
    return j


def _past_titles(tokens: list[str], k: int, titles: frozenset[str], most: int) -> int:
    """The index past up to ``most`` title words from ``k`` ("Prime Minister", "Treasury Secretary")."""
    start = k
    while k < len(tokens) and k - start < most and tokens[k] in titles:
        k += 1
    return k


def _partner_stop(tokens: list[str], k: int, reach: int, ends: frozenset[str]) -> int:
    """Where the words naming a partner from ``k`` end: at most ``reach`` of them, not past a word of
    ``ends`` (one that opens another phrase: "with Henry Kissinger about China")."""
    stop = k
    while stop < min(len(tokens), k + reach) and tokens[stop] not in ends:
        stop += 1
    return stop



# words that make the name after them a place travelled to or through, and the nouns of a journey that a
# place name before them takes ("a Beijing trip")
_TRAVEL_PREPS = frozenset({"in", "to", "into", "through", "via"})
_TRAVELS = frozenset({"trip", "visit", "stopover", "stop", "journey", "tour"})
_GATHERING_NOUNS = frozenset({"summit", "summits", "meeting", "meetings", "talks"})
# prepositions after which a name is what a step that angers is on, not who is angered ("U.S. statement on
# Taiwan angers China"; "silence on Hong Kong protests" names the protests' place)
_STEP_PREPS = frozenset({"on", "about", "over", "regarding", "toward", "towards"})


def _side_b_only_visited(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a gathering whose partner is side A, named right before it or after its "with" ("Trump
    summit", "summit with Trump"), names side B only as a place someone travels to: "Kim arrives in Beijing
    days before Trump summit", "Kim makes surprise Beijing trip ahead of summit with Trump" are North Korea's
    summit, and the Beijing trip is no meeting with the US."""
    if st.cue.category not in _GATHERINGS:
        return False
    view = sent.view
    assert view is not None
    tokens = view.tokens
    raw = st.item.raw
    end = after_raw(view, st.item)
    # (the cue may end in its "with": "summit with", "talks with")
    w = end - 1 if tokens[end - 1] == "with" else end if end < len(tokens) and tokens[end] == "with" else -1
    # (a name right before the noun is its partner, "Trump summit"; before a verb it is the subject)
    noun = view.folded[st.item.match.start:st.item.match.end] in _GATHERING_NOUNS
    partner = [a for _, a, it in sent.actors if it is not None and it.clause == st.item.clause and (
        (noun and after_raw(view, it) == raw)
        or (w >= 0 and w < it.raw <= _past_titles(tokens, w + 1, _ANY_TITLES, 3)))]
    if not partner or any(dyad.side_of(a) != "a" for a in partner):
        return False
    b_items = [it for _, a, it in sent.actors if dyad.side_of(a) == "b"]
    if not b_items or any(it is None for it in b_items):
        return False
    others = [c for c in view.cues if c is not st and c.cue.category in _GATHERINGS]
    for it in b_items:
        nxt = after_raw(view, it)
        # (or named inside a cue of going there: "arrives in Beijing"; or as the one met at another gathering
        # of the sentence, "Kim meets Xi in Dalian, weeks before his summit with Trump", "Kim heads to Beijing for
        # a third Xi meeting ahead of the Trump summit": the one who meets both is the summit's other party)
        if not ((it.raw > 0 and tokens[it.raw - 1] in _TRAVEL_PREPS)
                or (nxt < len(tokens) and tokens[nxt] in _TRAVELS)
                or (it.match.kind == "cue" and getattr(it.match.entry, "category", "") in _GATHERINGS
                    and not _TRAVEL_PREPS.isdisjoint(it.match.entry.phrase.split()))
                or any(_met_at(view, c, it) for c in others)):
            return False
    return True


def _met_at(view: SentenceView, gathering: CueState, it: Item) -> bool:
    """Whether the name ``it`` is the one met at ``gathering``: its object right after it ("meets Xi", "a
    meeting with Xi"), or named right before its noun ("a third Xi meeting"; before a verb it is the
    subject, "Kim meets")."""
    end = after_raw(view, gathering.item)
    tokens = view.tokens
    if end <= it.raw <= end + 1 and (it.raw == end or tokens[end] in ("with", "the")):
        return True
    return after_raw(view, it) == gathering.item.raw \
        and view.folded[gathering.item.match.start:gathering.item.match.end] in _GATHERING_NOUNS

# what two parties do together, named as its subject ("U.S., Japan reach trade deal"); a conflict named after
# a list ("Europe and China decry 'trade war'") may be the list's complaint, not between its members
_JOINT_ACTS = frozenset({"meeting", "talks", "deal", "truce"})
# cues whose verbs take the country or leader they are aimed at as a direct object ("pressure Beijing",
# "praises Xi", "meet Moon"); a launch or a tariff right before a name is not aimed at it
# words said to someone, who is named after "to" ("Trump's warning to North Korea"), and charges that name where
# the wrong went ("ship-to-ship transfers to North Korea")
_ADDRESSED = frozenset({"threat", "criticism", "insult", "accusation"})
_TAKES_OBJECT = frozenset({"threat", "accusation", "criticism", "demand", "insult", "praise", "sanction",
                           "blacklist", "cooperation", "meeting", "reassurance"})
_ABOUT = frozenset({"concerning", "regarding", "about", "of", "on", "over", "for"})
_MATTER_PREPS = _ABOUT | {"to", "against"}  # what a cue is about, or is to or against (_matter_of)
# "with" that names a subject, not a partner: "a great result with respect to North Korea"
_WITH_TOPIC = frozenset({"respect", "regard", "regards", "reference"})
# what talks may end "with" that the lexicon does not weigh as a cue, and the words that may lead it
_OUTCOME_NOUNS = frozenset({"plan", "plans", "pledge", "pledges", "promise", "promises", "vow", "vows"})
_OUTCOME_LEADS = frozenset({"a", "an", "no", "new", "joint", "fresh"})
# where the words naming a partner after "with" end
_PARTNER_ENDS = _ABOUT | BARRIERS | {"in", "at", "to", "who", "which", "that", "and", "today", "yesterday"}
_PARTNER_LIST_ENDS = _PARTNER_ENDS - {"and"}  # (partners may be listed: "talks with Pompeo and Kim")
_ANY_TITLES = TITLES | OBJECT_TITLES
_PARTNERED = frozenset({"meeting", "talks", "deal", "truce", "trade_war", "tension", "praise"})  # "with" names the other side
_RELATIVE_REACH = 12  # words from a third party to the side its relative clause ties it to
_RELATIVES = frozenset({"that", "which", "who"})
_DEALT_WITH = frozenset({"with", "to", "for", "from"})
_CHARGED_LINKS = frozenset({"accused", "suspected", "funneling", "funnelling", "funding", "financing", "supplying",
                            "shipping", "moving", "smuggling", "laundering", "selling", "trading", "involved"})
_LINKS = _RELATIVES | frozenset({"over", "for", "with", "doing", "dealing", "helping", "aiding", "tied", "linked",
                                  "connected"}) | _CHARGED_LINKS


def _passive_by_side(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a measure is said in the passive with a side of the dyad as its agent right after "by": in
    "Chinese firms sanctioned by U.S. over North Korea trade" the name before the verb is its target, not
    its subject (as "U.S. sanctions Chinese firms over North Korea trade" has it)."""
    if st.cue.category not in _MEASURES:
        return False
    view = sent.view
    assert view is not None
    end = after_raw(view, st.item)
    tokens = view.tokens
    if end >= len(tokens) or tokens[end] != "by":
        return False
    at = end + 2 if tokens[end + 1:end + 2] == ["the"] else end + 1
    return any(it is not None and it.raw == at and dyad.side_of(a) == "a" for _, a, it in sent.actors)


def _agentless_passive(st: CueState, view: SentenceView) -> bool:
    """Whether a one-word measure is a past participle with no object, its reason or the sentence's end after it:
    "Chinese firms sanctioned over North Korea oil trade", "Two shipping firms blacklisted" (not "China
    sanctioned Lockheed over Taiwan arms sales", whose object follows)."""
    if st.cue.category not in _MEASURES or " " in st.cue.phrase:
        return False
    word = view.tokens[st.item.raw]
    if not word.endswith("ed") or word == st.cue.phrase:
        return False
    end = after_raw(view, st.item)
    return end >= len(view.tokens) or view.tokens[end] in _REASON_OPENERS


# words that open the reason or circumstance after a passive verb ("sanctioned over", "blacklisted for")
_REASON_OPENERS = frozenset({"over", "for", "after", "amid", "as", "following", "because", "under", "in", "on"})


def _verb_headed(st: CueState, view: SentenceView) -> bool:
    """Whether the cue opens with a verb as written: one of match "gap" (a verb and its object), or one whose
    first word carries a verb's ending the phrase does not ("suspends imports" for "suspend imports")."""
    if st.cue.match == "gap":
        return True
    word, first = view.tokens[st.item.raw], st.cue.phrase.split(" ", 1)[0]
    return word != first and word in inflections(first) and not word.endswith("ing")


def _subject_is_third_party(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """True when the actor right before the cue (at most four words between, in its clause, not across a
    word that opens a new phrase) is a third country with no side of the dyad beside it: in "Trump hails
    Kim letter as Beijing retaliates with new tariffs" the retaliation is China's, not an event between
    the US and North Korea; "Japan imposes new sanctions on North Korea" is Japan's (an ally that does not
    block a side implied elsewhere is still not a side). "The US and Britain sanction North Korea" names a
    side beside Britain."""
    if all(dyad.side_of(a) for _, a, _ in sent.actors):
        return False  # (every way to True below needs a name that is no side: most sentences read have none)
    view = sent.view
    assert view is not None
    raw = st.item.raw
    if _passive_by_side(st, sent, dyad) or _agentless_passive(st, view):
        return False  # the name before a passive measure is its target: "Chinese firms sanctioned by U.S.", and
        # so it is with no agent named: "Chinese firms sanctioned over North Korea oil trade"
    if not _ON_REQUEST.isdisjoint(view.tokens) and _acting_for_side(sent, dyad):
        return False  # a third country acting at a side's request acts for it: "Canada arrests Huawei CFO at the
        # request of U.S. authorities"
    listing = _listing(st, sent) if st.cue.category in _MEASURES else None
    if listing is not None:
        # the one who lists is named before the verb: "Japan adds North Korean groups to its sanctions list"
        lister = _name_before(sent, listing[0], st.item.clause, 2)
        if lister is not None:
            group = listed_with(view, lister[0], lister[1])
            codes = [a for _, a, it in sent.actors if any(it is g for g in group)]
            return bool(codes) and not any(dyad.side_of(a) for a in codes) \
                and getattr(lister[0].match.entry, "kind", "") != "org"
        if any(dyad.side_of(a) == "b" for a in listing[1]):
            return False  # laid on side B by a listing verb, whoever the list is about: "North Korea sanctions list"
    found = _name_before(sent, raw, st.item.clause, 4)
    unsaid = None
    if found is None and st.cue.category in _GATHERINGS:
        found = unsaid = _unsaid_subject(sent, raw)
    if found is None:
        return False
    subj, before = found
    end = after_raw(view, subj)
    if end == raw and st.cue.category in _MEASURES and " " in st.cue.phrase and not _verb_headed(st, view) \
            and any(a in dyad.no_block for _, a, it in sent.actors if it is subj):
        return False  # a place at issue between the sides, right before a measure's name, is its matter: "signs
        # Hong Kong human rights bill into law despite Beijing's objections" (not before a verb, whose subject
        # it is: "Beijing suspends coal imports from Pyongyang")
    if unsaid is None and subj.raw > 0 and view.tokens[subj.raw - 1] in _OBJECT_PREPS \
            and view.folded[subj.match.end:st.item.match.start].lstrip().startswith(",") \
            and view.tokens[end].endswith("s") and not view.tokens[end].endswith("ss"):
        # (a finite verb after the comma, "slaps": the headline's next verb; a participle, "cutting off border
        # trade", may still be said of the name before it)
        # a name that closes a phrase before a comma, after its preposition, is that phrase's object, not the
        # subject of the verb that opens the next: "U.S. signs deal with Mexico, slaps tariffs on Chinese goods"
        return False
    if unsaid is None and "," in view.folded[subj.match.end:st.item.match.start] \
            and not _PARTICIPLE_OPENERS.isdisjoint(view.tokens[max(subj.raw - 4, 0):subj.raw]):
        return False  # a name in an opening phrase of time is no subject: "A year after the Singapore handshake, talks ..."
    between = view.tokens[end:raw]
    if unsaid is None and len(between) > 1 and between[-1] in COORDINATORS and possessive(view.tokens[end - 1]):
        # a possessive owns the noun phrase it opens, which a coordinator closes: in "steps to end Hong Kong's
        # special trading status and sanction Chinese officials" the next verb is not Hong Kong's
        return False
    if unsaid is None and not _ABOUT.isdisjoint(between) and not (
            st.cue.category in _GATHERINGS and _ABOUT.intersection(between) == {"for"}
            and between.index("for") > 0 and between[between.index("for") - 1] in _ASKING):
        # ("Kim calls for fresh talks": asking for talks is no talk about them)
        return False  # "a call with President Xi concerning the aggression of North Korea": Xi is no subject
    if st.cue.category in _RESENTED and subj.raw > 0 and (view.tokens[subj.raw - 1] in ("to", "in") or (
            st.cue.category == "tension" and view.tokens[subj.raw - 1] in _STEP_PREPS)):
        # a place a step goes to is no subject: "a U.S. official's visit to Taiwan angers China"; nor is
        # what a step is on: "U.S. statement on Taiwan angers China"
        return False
    if subj.raw > 0 and view.tokens[subj.raw - 1] in _TOWARD and getattr(subj.match.entry, "kind", "") == "region":
        return False  # a region a force is sent to is where it goes: "sends carrier to Korean Peninsula in show of
        # force" is no show of force by the peninsula
    if st.item.match.end - st.item.match.start > 4 and view.folded.endswith("ing", 0, st.item.match.end) \
            and "," in view.folded[subj.match.end:st.item.match.start]:
        return False  # "... arms sale to Taiwan, angering Beijing": the participle's subject is the main clause's
    # the subject with the names listed right before it ("the US and Britain", "US, Britain", "U.S.-Britain")
    group = listed_with(view, subj, before)
    if raw == end and st.cue.category in _GATHERINGS and len(group) == 1 \
            and getattr(subj.match.entry, "kind", "") not in PERSONS:
        # a place right before a meeting is its venue ("the Singapore summit"); a person ("a Kim summit") or
        # a pair ("the Trump-Kim summit") are those who meet; the one who goes there may be named before the
        # place ("Kim Jong Un wraps up China visit" is Kim's, a third party's for US-China)
        place = getattr(subj.match.entry, "kind", "") in _PLACE_KINDS
        if place and st.cue.phrase in _JOURNEYS and not any(dyad.side_of(a) for _, a, it in sent.actors if it is subj):
            return True  # a visit's place is where it goes, its other party: "a U.S. official's Taiwan visit"
        prior = _name_before(sent, subj.raw, st.item.clause, 4) if place else None
        if prior is None:
            return False
        names = [a for _, a, it in sent.actors if it is prior[0]]
        return (bool(names) and not any(dyad.side_of(a) for a in names)
                and getattr(prior[0].match.entry, "kind", "") in PERSONS)
    members = [(a, it) for _, a, it in sent.actors if any(it is g for g in group)]
    third = [a for a, it in members if not dyad.side_of(a) and getattr(it.match.entry, "kind", "") != "org"]
    sides = {dyad.side_of(a) for a, _ in members} - {None}
    surface = view.folded[st.item.match.start:st.item.match.end]
    plural = surface.endswith("s") and not st.cue.phrase.endswith("s")  # "the China and USMCA deals": one each
    if st.cue.category in _JOINT_ACTS and third and len(sides) == 1 and len(group) > 1 and not plural:
        # a side listed with a third country as the ones who meet or make a deal: "U.S., Japan reach trade
        # deal", "a U.S.-Britain free trade agreement", "UK, U.S. officials to meet" are theirs
        return True
    names = [a for _, a, it in sent.actors if it is subj]
    if not names or any(dyad.side_of(a) for a in names) or getattr(subj.match.entry, "kind", "") == "org":
        return False
    if len(group) > 1 and sides:
        return False  # a side listed with it, acting together: "the US and Britain sanction North Korea"
    return True


# what may stand between a possessive or a participle's "after" and the meeting it opens ("his second
# meeting", "after a surprise visit")
_MEETING_LEAD = frozenset({"a", "the", "first", "second", "third", "fourth", "latest", "recent", "surprise", "secret",
                           "new", "last", "next"})
_PARTICIPLE_OPENERS = frozenset({"after", "before", "since", "while", "during", "following"})
_POSSESSIVES = frozenset({"his", "her"})


def _unsaid_subject(sent: _Sent, raw: int) -> tuple[Item, list[Item]] | None:
    """Who meets, when the meeting's own clause does not say: the sentence's subject, the first name in it,
    for a meeting opened by a participle's "after" or "before" ("Kim says he wants new talks with U.S. after
    meeting Xi") or by "his"/"her" ("Kim Jong Un was very different after his second meeting with President
    Xi"): Kim meets Xi, no US-China meeting."""
    view = sent.view
    assert view is not None
    tokens = view.tokens
    j = raw - 1
    while j >= 0 and tokens[j] in _MEETING_LEAD:
        j -= 1
    if j < 0 or not (tokens[j] in _PARTICIPLE_OPENERS or tokens[j] in _POSSESSIVES):
        return None
    named = [it for _, _, it in sent.actors if it is not None and it.raw < j
             and getattr(it.match.entry, "kind", "") != "org"]
    if not named:
        return None
    first = min(named, key=lambda it: it.raw)
    return first, [first]


_ASKING = frozenset({"call", "calls", "called", "calling", "push", "pushes", "pushed", "pushing", "ask", "asks",
                     "asked", "asking", "press", "presses", "pressed", "pressing"})
_ASKERS = _ASKING | {"urge", "urges", "urged", "urging", "tell", "tells", "told", "telling", "demand", "demands",
                     "demanded", "request", "requests", "requested"}
_TOWARD = frozenset({"to", "toward", "towards", "into", "near", "off", "over", "around"})  # where a step goes
_OBJECT_PREPS = frozenset({"with", "to", "on", "from", "for", "in", "against", "over", "by"})
_JOURNEYS = frozenset({"visit", "trip to"})  # meeting cues that go to a place: the place is their other party
# the words after a journey that name no place it goes to: its partner's preposition or a verb after it
_GATHERING_TAILS = frozenset({"to", "with", "in", "by", "for", "on", "was", "is", "will", "has", "had", "would"})
_PLACE_KINDS = frozenset({"country", "capital", "region"})
_RESENTED = frozenset({"tension", "criticism"})  # words of a side's resentment, said of a step ("angers China")
_FIRM_ACTS = frozenset({"truce", "deal"})
# the parties of a fight between firms or inside one, or inside a country's politics: a truce or deal of
# theirs is no trade truce
_FIRM_PARTIES = frozenset({"investor", "investors", "shareholder", "shareholders", "union", "unions", "board",
                           "activist", "rival", "rivals", "studio", "studios", "employers", "patent", "price",
                           "stakeholder", "stakeholders", "creditors", "bondholders", "management"})
_DOMESTIC_PARTIES = HOME_POLITICS | frozenset({"shutdown", "budget", "lawmakers", "senate", "wall"})


# words that put talks inside a country's politics or another trade pact, whoever leads them ("stimulus talks
# with Pelosi", "NAFTA talks"): no trade-war talks (_side_a_negotiates)
_HOME_TALKS = _DOMESTIC_PARTIES | frozenset({"stimulus", "covid", "coronavirus", "pandemic", "nafta", "usmca", "brexit"})


# words that put a trade war or deal among many countries or with another partner, whose war it is not said
# ("Trade war goes digital: countries eye tariffs", "a truly FAIR and RECIPROCAL Trade Deal", "the USMCA deal"):
# then no trade-war context makes it the sides'
# (not a country's adjective, most often its market's: "European shares dip on trade worries")
_WORLD_PARTIES = frozenset({"countries", "nations", "partners", "allies", "reciprocal", "nafta", "usmca", "digital",
                            "airbus"})


def _firm_or_domestic(st: CueState, sent: _Sent) -> bool:
    """Whether a truce or deal is one between firms, or inside a country's politics, named in its clause
    ("Twitter and activist investor agree on truce", "a price truce among grocers", "Trump and Pelosi call a
    truce in the shutdown fight"): then no trade-war context makes it the sides' (a side named still does,
    and so does a truce or deal named as the trade one)."""
    view = sent.view
    if view is None or st.cue.category not in _FIRM_ACTS:
        return False
    words = set(TOKEN_RE.findall(view.clause_text.get(st.item.clause, "")))
    # (trade named in the clause, the cue's own words included, makes it the trade truce: "investors hope for
    # a trade war ceasefire", "retailers cheer trade truce")
    return (not _FIRM_PARTIES.isdisjoint(words) or not _DOMESTIC_PARTIES.isdisjoint(words)) \
        and _TRADE_WORDS.isdisjoint(words)


# the steps a country takes at home or with anyone (a purchase, a restriction, a ban, a curb), which name the
# other side only by a trade-war word beside them; those words; and the stances that make such a step the
# other side's
_HOME_STEPS = frozenset({"purchase", "trade_barrier", "blacklist", "export_control", "investment_ban"})
# (and the goods the two sides' trade war was fought over: "agreed to buy more soybeans", "bars operators from
# buying Micron chips")
_TRADE_WORDS = frozenset({"trade", "tariff", "tariffs"})  # (words that name the trade war's matter)
_TRADE_ANCHORS = _TRADE_WORDS | {"duties", "levies", "trade-war", "phase", "soybean", "soybeans", "soy", "pork",
                                  "farm", "agricultural", "chip", "chips", "semiconductor", "semiconductors"}
_OPPOSING = frozenset({"criticism", "accusation"})
_HOME_STANCES = frozenset({"criticism", "insult"})  # (what a speaker says of his rivals at home: "The Fake News is the enemy")
_COPULAS = (["is"], ["are"], ["was"], ["were"])  # (the verb that says it of them)
_CLAUSE_LEAD = " \t\"'\u201c\u2018:-,.;"  # what may stand before a clause's first word


def _aimed_at_home(st: CueState, sent: _Sent) -> bool:
    """Whether a cue is aimed at the speaker's rivals at home, named right after it ("attacks on four Democratic
    congresswomen", "criticism of Pelosi") or as the subject its clause opens with: a sentence with one that names no side B itself speaks of home
    politics, whatever the sentences next to it name."""
    view = sent.view
    if view is None:
        return False
    tokens = view.tokens
    if st.cue.category in _HOME_STANCES:
        opening = TOKEN_RE.findall(view.clause_text.get(st.item.clause, ""))[:4]
        if any(w in HOME_RIVALS and opening[k + 1:k + 2] in _COPULAS for k, w in enumerate(opening)):
            return True  # (or said of them as its subject: "The Fake News is truly our Country's biggest enemy!")
    j = after_raw(view, st.item)
    if j >= len(tokens) or tokens[j] not in _AIMING:
        return False
    return any(t in _HOME_TARGETS for t in tokens[j + 1:j + 4])


_AIMING = frozenset({"on", "against", "at", "of"})
# the speaker's rivals at home, as a cue's target
_HOME_TARGETS = HOME_PEOPLE | {"democratic", "republican", "congresswomen", "congressmen", "congresswoman",
                                "congressman", "gop"}


def _home_step(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a one-word step of side B's own (it is named before the cue as its subject, not as a firm that a
    "ban" is on) has nothing in its sentence to aim it at side A: no trade-war word and no name after it. Such a
    step is side B's at home or with a third party, and implies no side A: "China eases Macau border
    restrictions", "China's BAIC buys 5% Daimler stake", "Chinese EV maker NIO restricts its IPO banks". ("China
    retaliates in trade row", "China's Huawei hit by sales ban" and "restricting Chinese IPOs" still imply it.)"""
    view = sent.view
    if view is None or st.cue.category not in _HOME_STEPS or " " in st.cue.phrase \
            or not _TRADE_ANCHORS.isdisjoint(view.tokens) or _agentless_passive(st, view):
        return False  # (a step said in the passive with no agent is laid on the name before it: "Chinese firms
        # blacklisted")
    raw = st.item.raw
    if any(it.raw > raw for _, _, it in sent.actors if it is not None and it.clause == st.item.clause):
        return False  # (a name after the step may be its target: "restricting Chinese IPOs")
    if any(c is not st and not c.dropped and c.cue.category in _OPPOSING and c.item.clause == st.item.clause
           for c in view.cues):
        return False  # (a step side B speaks against is the other side's: "China opposes all protectionism")
    found = _name_before(sent, raw, st.item.clause, 6)
    if found is None:
        return False
    name = found[0]
    entry = name.match.entry
    if dyad.side_of(getattr(entry, "actor", "")) != "b" or getattr(entry, "kind", "") == "firm":
        return False
    # (the name opens its clause, as its subject, at most one word before it: "Exclusive: Chinese EV maker NIO
    # restricts", not "Commerce adds dozens of Chinese entities to its blacklist", whose subject is another)
    said = view.folded[name.match.start:name.match.end]
    clause = view.clause_text.get(name.clause, "").lstrip(_CLAUSE_LEAD)
    return clause.startswith(said) or clause.partition(" ")[2].lstrip(_CLAUSE_LEAD).startswith(said)


def _name_before(sent: _Sent, raw: int, clause: int, gap: int) -> tuple[Item, list[Item]] | None:
    """The name nearest before token ``raw`` in its clause, at most ``gap`` words before it and not across a
    word that opens a new phrase ("European stocks gain after upbeat trade comments": another subject), with
    all the names before ``raw`` in the clause (for the list it closes)."""
    view = sent.view
    assert view is not None
    before = [it for _, _, it in sent.actors if it is not None and it.raw < raw and it.clause == clause]
    if not before:
        return None
    subj = max(before, key=lambda it: it.raw)
    end = after_raw(view, subj)
    if raw - end > gap or not BARRIERS.isdisjoint(view.tokens[end:raw]):
        return None
    return subj, before


def _urged_by_third_party(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """True when the word that asks for the cue ("urges", "calls on") has a third country for its subject,
    named right before it with no side beside it: in "Seoul urges Xi to help revive talks" the request is
    South Korea's, no demand of the US on China."""
    view = sent.view
    assert view is not None
    ask = _last_ask(view, st.item.clause, st.item.raw)
    # (only a word of asking has the asker for its subject: in "China must be tight on the border" China is
    # the one obliged; and only what is asked for right after it: "told to stock up on Huawei kit over U.S.
    # sanctions" does not ask for the sanctions)
    if ask is None or view.tokens[ask.raw] not in _ASKERS or st.item.raw - after_raw(view, ask) > 6:
        return False
    if not BARRIERS.isdisjoint(view.tokens[after_raw(view, ask):st.item.raw]):
        return False  # "China urges restraint after North Korea fires an ICBM": the launch is no part of the request
    if any(dyad.side_of(a) == "a" and it is not None and ask.raw < it.raw < st.item.raw for _, a, it in sent.actors) \
            and any(dyad.side_of(a) == "b" for _, a, _ in sent.actors):
        return False  # side A among those asked: "France urges U.S. and China to avoid escalation" (with side B
        # named: "China urges US, South Korea to halt THAAD deployment" is China's request, not news of North Korea)
    return _third_party_before(sent, ask, dyad, across_comma=False)


def _asked_of_both(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """Whether a conflict turned around (``st``: "resolve trade dispute", "avoid escalation") is what a third
    country, named just before the word that asks, asks of both sides, named between that word and the cue:
    "France urges U.S. and China to avoid escalation in trade tensions" is news of the tensions."""
    view = sent.view
    assert view is not None
    if st.turner is None or st.cue.category not in CONFLICT or not st.weight < 0 < st.cue.weight:
        return False
    ask = _last_ask(view, st.item.clause, st.turner.raw)
    if ask is None or view.tokens[ask.raw] not in _ASKERS or st.item.raw - after_raw(view, ask) > 10:
        return False
    asked = {a for _, a, it in sent.actors if it is not None and ask.raw < it.raw < st.turner.raw}
    if asked.isdisjoint(dyad.side_a) or asked.isdisjoint(dyad.side_b):
        return False
    # (a title may stand between the country and the word: "German economy minister urges")
    return _third_party_before(sent, ask, dyad, across_comma=False, gap=3)


def _last_ask(view: SentenceView, clause: int, raw: int) -> Item | None:
    """The last word of obligation or request in ``clause`` before token ``raw``."""
    return max((m for m in view.mods if m.entry.type in ("obligation", "request") and m.clause == clause
                and m.raw < raw), key=lambda m: m.raw, default=None)


def _third_party_before(sent: _Sent, word: Item, dyad: Dyad, across_comma: bool = True, gap: int = 1) -> bool:
    """Whether the name right before ``word`` (a verb; at most ``gap`` words before it), with the names listed
    with it, is a third country with no side of the dyad beside it (not a body or outlet); with
    ``across_comma`` False, not one closed by a comma."""
    view = sent.view
    assert view is not None
    found = _name_before(sent, word.raw, word.clause, gap)
    if found is None or (not across_comma and "," in view.folded[found[0].match.end:word.match.start]):
        return False
    subj, before = found
    group = listed_with(view, subj, before)
    actors = [a for _, a, it in sent.actors if any(it is g for g in group)]
    return bool(actors) and not any(dyad.side_of(a) for a in actors) \
        and getattr(subj.match.entry, "kind", "") not in ("org", "media")


def _turned_by_third_party(st: CueState, sent: _Sent, dyad: Dyad) -> bool:
    """True when the verb that turned the cue around has a third country for its subject, named right before
    it with no side beside it: in "Britain downplays the Huawei threat" the easing is Britain's, no step
    between the US and China (while "China lifts its ban on U.S. beef" is China's own)."""
    return st.turner is not None and sent.view is not None and _third_party_before(sent, st.turner, dyad)


_CONTRAST_MAIN = frozenset({"but", "however", "yet", "nevertheless"})
_SOURCE_TOKENS = 4  # "China criticizes U.S. tariffs: Xinhua", ": sources", ": state media", ": Global Times editor"


def _source_after(folded: str, breaks: list[tuple[int, str]], end: int) -> bool:
    """Whether what follows a headline's first colon, to the sentence's end, is only a short attribution (the
    news is before the colon, no label): "China criticizes U.S. tariffs: Xinhua"."""
    stop = breaks[1][0] if len(breaks) > 1 else end
    return len(TOKEN_RE.findall(folded, breaks[0][0] + 1, stop)) <= _SOURCE_TOKENS and stop == end


def _contrast_factors(breaks: list[tuple[int, str]], cfg: Config, start: int, folded: str, end: int
                      ) -> dict[int, tuple[float, str]]:
    """Clause number -> factor. "but" weakens every clause before it and strengthens the one after;
    a concession ("although", "despite") weakens the clause it opens, and when it opens the sentence the
    main clause after its comma weighs as after a "but" ("While China wants a deal, the US raised
    tariffs"); a short label before a colon at the
    start of a sentence ("Tariff fight: Beijing vows to hold firm") names the topic, not news,
    unless what follows the colon is only a short attribution ("China criticizes U.S. tariffs: Xinhua")."""
    out: dict[int, tuple[float, str]] = {}
    if breaks and breaks[0][1] == ":":
        short = len(TOKEN_RE.findall(folded, start, breaks[0][0])) <= cfg.label_tokens
        if not _source_after(folded, breaks, end):
            if short:
                out[0] = (cfg.label_factor, "label")
        elif not short:
            # a long headline and a short attribution after its colon: the source is no news ("... urge Trump
            # to resolve trade dispute with China: letter"; a short head before a short tail may be a label)
            out[1] = (0.0, "source")
    for k, (at, word) in enumerate(breaks, start=1):
        if word == ",":  # the main clause after a sentence's opening concession (clause_breaks)
            out[k] = (cfg.contrast_after, "contrast")
            if breaks[k - 2][1] != "despite":
                out[k - 1] = (cfg.contrast_before, "contrast")
        elif word == "despite":
            # the background the news runs against ("... despite the truce"), not a second event; after
            # "regardless of" one that need not be there at all (rules.contrast)
            out[k] = (cfg.concession_factor, "regardless" if folded.startswith(UNASSERTED_FORMS, at) else "concession")
        elif word == PHRASE_END:  # what follows a "despite" phrase weighs as it would without it
            continue
        elif word in _CONTRAST_MAIN:
            for j in range(k):
                if out.get(j, (1.0, ""))[1] != "label":
                    out[j] = (cfg.contrast_before, "contrast")
            out[k] = (cfg.contrast_after, "contrast")
        elif word in CONTRAST_WORDS:
            out[k] = (cfg.contrast_before, "contrast")
    return out


# the threats told as what the one threatened will suffer, whose subject is their target
_SUFFERED_THREATS = frozenset({"pay a price", "pay a big price", "pay dearly", "pay a high price", "will regret it",
                               "will regret this", "would regret it", "'ll regret it"})


_NAMES_GIVEN = frozenset({"accusation", "insult", "criticism"})  # the cues that are names given to a side


def _given_the_name(st: CueState, it: Item, view: SentenceView | None, tokens: list[str]) -> bool:
    """Whether the side named at ``it`` is the object of a verb (or noun) of naming right before it, and the cue
    the name it is given, with at most "as" and an article between ("labels China a currency manipulator",
    "the designation of China as a manipulator")."""
    if view is None or it.raw == 0 or tokens[it.raw - 1] not in NAMERS:
        return False
    if tokens[it.raw - 1] == "of" and not (it.raw > 1 and tokens[it.raw - 2] in NAMING_FORMS):
        return False
    return set(tokens[after_raw(view, it):st.item.raw]) <= {"as", "a", "an", "the"}


def _acting_actor(st: CueState, sent: _Sent, dyad: Dyad, spk: str | None, tokens: list[str]
                  ) -> tuple[str, Item | None]:
    """Who acts, and the name that says so (None for the speaker): the nearest dyad actor before the cue in
    its clause, unless a preposition makes it the target ("tariffs on Chinese goods" -> the other side
    acts); else the nearest after; else the speaker."""
    members = [(t, a, it) for t, a, it in sent.actors if dyad.side_of(a)]
    if not members:
        return (spk if spk and dyad.side_of(spk) else ""), None
    if st.anchor is not None:  # a demand: the actor who stands before the obligation word ("The U.S. urged ...")
        demanders = [m for m in members if m[2] is not None and m[2].raw < st.anchor]
        if demanders:
            t, a, it = max(demanders, key=lambda m: m[2].raw)
            return a, it

    def other(a: str) -> str:
        side = dyad.side_b if dyad.side_of(a) == "a" else dyad.side_a
        return sorted(side)[0]

    def is_target(it: Item) -> bool:
        j = it.raw - 1
        while j >= 0 and tokens[j] in ("the", "a", "its", "their", "some", "all", "of", "goods", "us"):
            j -= 1
        return j >= 0 and tokens[j] in TARGET_PREPS

    # raw token positions: the words of a name count zero in window arithmetic, so "FCC bans" would put
    # the actor and the cue at the same effective position
    raw = st.item.raw
    # the agent of a passive, right after it: "emails got hacked by China", "were detained by North Korea"
    if sent.view is not None:
        end = after_raw(sent.view, st.item)
        if end < len(tokens) and tokens[end] == "by":
            agent = next((m for m in members if m[2].raw == end + 1), None)
            if agent is not None:
                return agent[1], agent[2]
    before = ([m for m in members if m[2].raw < raw and m[2].clause == st.item.clause]
              or [m for m in members if m[2].raw < raw])
    if before:
        t, a, it = max(before, key=lambda m: m[2].raw)
        if (st.cue.category in _MEASURES or st.cue.category in TARIFF_STEPS) and dyad.side_of(a) == "b" \
                and sent.view is not None and after_raw(sent.view, it) == raw and not possessive(tokens[raw - 1]):
            # side B's name right before a measure names what it is on, when side A stands before it as the
            # one who acts: "Trump raises China tariffs" are the US's (not where the measure is said to be on
            # side A: "China tariffs on U.S. jets" are China's; "U.S. tariffs" are always the US's own)
            subject = [m for m in before if m[2].raw < it.raw and dyad.side_of(m[1]) == "a"
                       and m[2].clause == st.item.clause]
            end = after_raw(sent.view, st.item)
            if subject and not (end < len(tokens) and tokens[end] in TARGET_PREPS and any(
                    dyad.side_of(m[1]) == "a" and end < m[2].raw <= end + 3 for m in members)):
                t, a, it = max(subject, key=lambda m: m[2].raw)
        if st.cue.category in _PAIRED and sent.view is not None and it.clause == st.item.clause:
            # the two sides named as a pair, the last names before a conflict, a meeting or a deal between them
            # ("U.S.-China trade war", "Trump-Xi summit yields truce"), say it is theirs together: no one side
            # acts (but the first, a possessive, owns it: "Trump's China trade war" is the US's)
            view = sent.view
            partner = next((m for m in before if dyad.side_of(m[1]) != dyad.side_of(a)
                            and after_raw(view, m[2]) == it.raw), None)
            if partner is not None:
                return (partner[1], partner[2]) if possessive(tokens[it.raw - 1]) else ("", None)
        if st.cue.category in _NAMES_GIVEN and _given_the_name(st, it, sent.view, tokens):
            # the side given a name is its object: the one who names it speaks ("U.S. labels China a currency
            # manipulator", "ends the designation of China as a manipulator" are the US's words)
            namer = [m for m in before if m[2].raw < it.raw and dyad.side_of(m[1]) != dyad.side_of(a)]
            return max(namer, key=lambda m: m[2].raw)[1:] if namer else (other(a), None)
        # (the subject of a threat told as what it will suffer is its target: in "China will pay a big price"
        # and "they will regret it" the other side warns)
        return (other(a), None) if is_target(it) or st.cue.phrase in _SUFFERED_THREATS else (a, it)
    after = [m for m in members if m[2].raw > raw]
    if after:
        t, a, it = min(after, key=lambda m: m[2].raw)
        if it.raw > 0 and tokens[it.raw - 1] == "by":
            return a, it
        return (other(a), None) if is_target(it) else (a, it)
    return (spk if spk and dyad.side_of(spk) else ""), None


_TEXTBLOB = None


def _tone(text: str) -> float:
    global _TEXTBLOB
    if _TEXTBLOB is None:
        from textblob import TextBlob  # imported lazily: it is the slowest import of the package

        _TEXTBLOB = TextBlob
    if not text.strip():
        return 0.0
    return float(_TEXTBLOB(text).sentiment.polarity)


_DEFAULT: Scorer | None = None


def score(text: str, speaker: str | None = None, date: Any = None) -> Document:
    """Score one text with the default scorer (shipped lexicons, default :class:`Config`).

    Parameters
    ----------
    text : str
        Any text: a headline, a post, an article (HTML is stripped).
    speaker : str, optional
        Who speaks, as an actor code ("USA") or alias ("realDonaldTrump"): "I", "we", "our country" are then
        that actor.
    date : date or str, optional
        The document's date; used to tell historical mentions and the trade-war periods.

    Returns
    -------
    Document

    Examples
    --------
    >>> doc = score("North Korea fired a ballistic missile toward Japan.")
    >>> doc.dyads["us_dprk"].tension > 0, doc.dyads["us_china"].relevant
    (True, False)
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Scorer()
    return _DEFAULT.score(text, speaker=speaker, date=date)
