"""One-pass phrase matching: every cue, actor alias and modifier in a single Aho-Corasick automaton.

Phrases are matched on the case-folded text with word boundaries; overlapping matches are resolved
longest-first (leftmost on ties), so "trade war" wins over "war" and "price war" (an exclusion) keeps
"war" from firing. Cue and modifier phrases marked ``inflect`` also match their inflections, generated
once when the matcher is built ("impose tariffs" -> "imposed tariffs", "imposing tariff"...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import product
from operator import itemgetter
from typing import Any, Iterable, NamedTuple

import ahocorasick

from .lexicon import Alias, Lexicon, Modifier
from .text import TOKEN_RE as _ONE_TOKEN

__all__ = ["Match", "Matcher", "inflections"]

# Words never inflected inside a phrase.
_FUNCTION = frozenset("""
a an the of on to with and or in for by at from over into onto off out up down about against as than
its their his her our my your this that these those us we they he she it be is are was were been not no
china chinese korea american u.s us trade tariff tariffs sanctions
""".split())

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("meets", "met", "meeting"), "hold": ("holds", "held", "holding"), "buy": ("buys", "bought", "buying"),
    "sell": ("sells", "sold", "selling"), "strike": ("strikes", "struck", "striking"),
    "break": ("breaks", "broke", "broken", "breaking"), "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"), "give": ("gives", "gave", "given", "giving"),
    "need": ("needs", "needed", "needing"),  # (not a past tense in -ed)
    "win": ("wins", "won", "winning"), "cut": ("cuts", "cutting"), "hit": ("hits", "hitting"),
    "put": ("puts", "putting"), "set": ("sets", "setting"), "pay": ("pays", "paid", "paying"),
    "rise": ("rises", "rose", "risen", "rising"), "fall": ("falls", "fell", "fallen", "falling"),
    "freeze": ("freezes", "froze", "frozen", "freezing"), "speak": ("speaks", "spoke", "spoken", "speaking"),
    "seek": ("seeks", "sought", "seeking"), "fight": ("fights", "fought", "fighting"),
    "go": ("goes", "went", "gone", "going"), "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "stand": ("stands", "stood", "standing"), "tell": ("tells", "told", "telling"),
    "send": ("sends", "sent", "sending"), "lose": ("loses", "lost", "losing"), "steal": ("steals", "stole", "stolen", "stealing"),
    "sink": ("sinks", "sank", "sunk", "sinking"), "shake": ("shakes", "shook", "shaken", "shaking"),
    "draw": ("draws", "drew", "drawn", "drawing"), "begin": ("begins", "began", "begun", "beginning"),
    "come": ("comes", "came", "coming"), "fly": ("flies", "flew", "flown", "flying"),
    "lead": ("leads", "led", "leading"), "leave": ("leaves", "left", "leaving"), "fell": ("fells",),
    "sit": ("sits", "sat", "sitting"), "wind": ("winds", "wound", "winding"),
    "unwind": ("unwinds", "unwound", "unwinding"), "get": ("gets", "got", "gotten", "getting"),
    "have": ("has", "had", "having"), "do": ("does", "did", "done", "doing"), "be": ("is", "are", "was", "were", "been", "being"),
    "spend": ("spends", "spent", "spending"), "bring": ("brings", "brought", "bringing"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"), "slap": ("slaps", "slapped", "slapping"),
    "fail": ("fails", "failed", "failing"), "quit": ("quits", "quitting"), "upset": ("upsets", "upsetting"),
    "crack": ("cracks", "cracked", "cracking"), "lie": ("lies", "lied", "lying"), "feel": ("feels", "felt", "feeling"),
    "wake": ("wakes", "woke", "woken", "waking"), "shut": ("shuts", "shutting"), "spread": ("spreads", "spreading"),
    "run": ("runs", "ran", "running"), "choose": ("chooses", "chose", "chosen", "choosing"),
    "keep": ("keeps", "kept", "keeping"), "let": ("lets", "letting"), "bid": ("bids", "bidding"),
    "bet": ("bets", "betting"), "forget": ("forgets", "forgot", "forgotten", "forgetting"),
    "offset": ("offsets", "offsetting"), "forecast": ("forecasts", "forecasting"),
}

# verbs of two or more syllables stressed on the last, which double their final consonant as the one-syllable
# ones do ("transferred", "permitting", "controlled"); the spelling alone cannot tell them from "visited"
_FINAL_STRESS = frozenset({
    "transfer", "refer", "defer", "prefer", "confer", "deter", "infer", "occur", "incur", "recur", "permit",
    "commit", "submit", "omit", "admit", "emit", "acquit", "regret", "control", "patrol", "compel", "propel",
    "repel", "expel", "dispel", "rebel", "equip", "rebut", "abet", "allot", "embed", "outbid",
})

_VOWELS = "aeiou"


def inflections(word: str) -> tuple[str, ...]:
    """The word and its regular or irregular inflections (plural/3rd person, past, gerund).

    >>> inflections("impose")
    ('impose', 'imposes', 'imposed', 'imposing')
    >>> inflections("scrap")
    ('scrap', 'scraps', 'scrapped', 'scrapping')
    >>> inflections("tariffs")
    ('tariffs',)
    >>> inflections("meeting")  # a noun in -ing takes a plural
    ('meeting', 'meetings')
    >>> inflections("agree")
    ('agree', 'agrees', 'agreed', 'agreeing')
    >>> inflections("permit")  # stressed on the last syllable
    ('permit', 'permits', 'permitted', 'permitting')
    >>> inflections("need")  # a verb in -ed that is no past tense
    ('need', 'needs', 'needed', 'needing')
    >>> inflections("torpedo")  # a consonant and "o": "-oes", with "-os" kept for nouns
    ('torpedo', 'torpedos', 'torpedoes', 'torpedoed', 'torpedoing')
    >>> inflections("slow-walk")  # a compound inflects its last part
    ('slow-walk', 'slow-walks', 'slow-walked', 'slow-walking')
    """
    if word in _IRREGULAR:  # (before the length test: "go" goes, went, is going)
        return (word, *_IRREGULAR[word])
    head, dash, last = word.rpartition("-")
    if dash and head and all(part.isalpha() for part in word.split("-")):
        return tuple(f"{head}-{form}" for form in inflections(last))
    if word in _FUNCTION or not word.isalpha() or len(word) < 3:
        return (word,)
    if word.endswith("ing") and len(word) > 5:
        return (word, word + "s")
    if word.endswith(("ing", "ed")) or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return (word,)
    forms = [word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms.append(word[:-1] + "ies")
    else:
        forms.append(word + "s")
        if word.endswith("o") and word[-2] not in _VOWELS:
            forms.append(word + "es")  # "torpedoes", "vetoes" (and "memos" kept: both forms are matched)
    if word.endswith(("ee", "oe", "ye")):
        forms += [word + "d", word + "ing"]  # "agreeing", "freeing", "guaranteeing"
    elif word.endswith("ie"):
        forms += [word + "d", word[:-2] + "ying"]  # "tying", "vying"
    elif word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and word[-2] not in _VOWELS:
        forms += [word[:-1] + "ied", word + "ing"]
    elif word in _FINAL_STRESS:
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    elif _double_final(word):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
        if word.endswith("l"):
            forms += [word + "ed", word + "ing"]  # American "canceled" beside British "cancelled"
    else:
        forms += [word + "ed", word + "ing"]
    return tuple(dict.fromkeys(forms))


def _double_final(word: str) -> bool:
    # consonant-vowel-consonant ending on a one-syllable word (ban, scrap, stop) or a stressed -l (cancel)
    if word[-1] in "wxy" or word[-1] in _VOWELS:
        return False
    groups = re.findall(r"[aeiou]+", word)
    if word.endswith(("el", "al")) and len(groups) == 2:
        return True
    return len(groups) == 1 and word[-2] in _VOWELS and (len(word) < 3 or word[-3] not in _VOWELS)


# talks and meetings whose partner follows a marker ("call with", "spoke to"), and the words of time that may
# come between the two
_TIMED = frozenset({"talks", "meeting"})
_TIME_WORDS = ("today", "yesterday", "tonight", "earlier", "last night", "this morning", "this afternoon",
               "this evening", "earlier today", "at length")


# the contracted auxiliaries that stand for "not" before a verb ("doesn't enforce", "isn't enforcing")
_NOT_CONTRACTED = ("don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "isn't",
                   "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't")


def _phrase_forms(phrase: str, inflect: bool, limit: int = 256) -> list[str]:
    if not inflect:
        return [phrase]
    words = phrase.split(" ")
    options = [inflections(w) for w in words]
    if words[0] == "not" and len(words) > 1:
        # an inflected phrase that opens with "not" reads its contracted forms too: "not enforce" is also
        # "doesn't enforce", "isn't enforcing"
        options[0] = ("not", *_NOT_CONTRACTED)
    out = []
    for combo in product(*options):
        out.append(" ".join(combo))
        if len(out) >= limit:
            break
    return out


# the British spellings of words the lexicon writes the American way (and back), where they differ in length
# ("honour the deal", "nuclear programme"; "licence" and "defence" are folded to the American form, text.py)
_SPELLINGS = {"program": "programme", "programs": "programmes", "labor": "labour", "honor": "honour", "honors": "honours",
              "honored": "honoured", "honoring": "honouring", "rumor": "rumour", "rumors": "rumours",
              "favor": "favour", "favors": "favours"}
_SPELLINGS.update({b: a for a, b in list(_SPELLINGS.items())})


def _other_spelling(form: str) -> str | None:
    """A phrase with its words spelled the other side of the Atlantic, or None when none differs."""
    words = form.split(" ")
    other = [_SPELLINGS.get(w, w) for w in words]
    return " ".join(other) if other != words else None


# measures whose name joined by hyphens describes a noun ("entity-list firms", "sanctions-hit banks"): no
# measure taken, so their hyphenated forms are not generated
_DESCRIBING = frozenset({"blacklist", "sanction", "export_control", "trade_barrier", "investment_ban",
                         "tariff_imposed", "tariff_threat"})


def _rejoined(form: str) -> str | None:
    """A cue's words written the other way: joined by hyphens where the lexicon has spaces ("freedom of
    navigation" is also "freedom-of-navigation", as headlines write it before a noun), or by spaces where it has
    hyphens ("live-fire drill" is also "live fire drill"; not a short prefix, whose spaced form is another word's
    end: "re-examine" is not "we're examining"); None for one word, or for a phrase written both ways."""
    if "-" in form:
        return form.replace("-", " ") if " " not in form and form.index("-") >= 3 else None
    if " " in form and form.count(" ") <= 3 and form.replace(" ", "").isalpha():
        return form.replace(" ", "-")
    return None


class Match(NamedTuple):
    """A phrase found in the text: ``kind`` is "cue", "actor" or "mod"; ``entry`` the lexicon row.

    Immutable like the frozen dataclass it was, and built in half the time: a long text holds thousands."""

    start: int
    end: int
    kind: str
    entry: Any


# Match(...) goes through a Python-level __new__; the tuple constructor builds the same object in half the
# time, which counts at tens of thousands of matches per long text
_new_match = tuple.__new__
_KIND_RANK = {"actor": 0, "cue": 1, "mod": 2}
_BY_START = itemgetter(0)


_US = re.compile(r"(?<![a-z0-9])u\.s\.(?= |$)")
# the short forms of "North Korea" in cue phrases (actors.tsv lists them as names)
_NORTH_KOREA_SHORT = ("n. korea", "n.korea")
# a word and a conjunction just before a name: the word may be the first of a name whose rest is left out
_ELIDED = re.compile(r"(?<![a-z0-9.'])([a-z]+) ?(?:,|&|and|or) $")
_ELIDED_MIN = len("n, ")  # the shortest word and conjunction it can find before a name
# the kinds of name whose first word may stand for the whole ("North and South Korea"): places, not people
_ELIDABLE = frozenset({"country", "adjective", "region"})


class Matcher:
    """Finds every lexicon phrase in a folded text in one pass. Build once per lexicon; reuse freely."""

    def __init__(self, lexicon: Lexicon):
        auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[int, str, Any, bool]]] = {}

        def add(surface: str, kind: str, entry: Any, generated: bool) -> None:
            table.setdefault(surface, []).append((_KIND_RANK[kind], kind, entry, generated))

        # Case-sensitive aliases ("US", "UN", "Xi", "Kim") are short and their folded forms sit inside many
        # words ("business", "under"): one case-sensitive regex finds them instead of the automaton.
        case_aliases = sorted((a for a in lexicon.aliases if a.match == "case"), key=lambda a: -len(a.alias))
        self._case_alias = {a.alias: (("actor", a),) for a in case_aliases}  # what each stands for
        # (no leading look-behind: it would be tried at every position; the start is checked by hand)
        # (a name made of "the" and a common word, "the North", would have the regex tried at every "t": those
        # are looked for apart, in a text that holds their last word)
        the_names = [a for a in case_aliases if a.alias[:4] in ("the ", "The ")]
        case_aliases = [a for a in case_aliases if a not in the_names]
        self._case_re = re.compile(
            r"(?:" + "|".join(re.escape(a.alias) for a in case_aliases) + r")(?![A-Za-z0-9])"
        ) if case_aliases else None
        self._the_re = re.compile(
            r"(?:" + "|".join(re.escape(a.alias) for a in the_names) + r")(?![A-Za-z0-9])(?![ \t]+[A-Z])"
        ) if the_names else None
        # (one regex for their words: a text that holds none of them is passed over in one scan)
        self._the_words = re.compile("|".join(sorted({re.escape(a.alias.rsplit(" ", 1)[-1].lower())
                                                     for a in the_names}))) if the_names else None
        for a in lexicon.aliases:
            if a.match != "case":
                add(a.alias.lower(), "actor", a, False)
        # a verb and its object, or a verb and its preposition, with a few words between (match "gap": "extends
        # Huawei's licence", "stop selling top AI chips to"): the verb is looked up after the pass, its span is the
        # cue's, and the words between are left to be read (a name there is the measure's target)
        gaps: dict[str, list[tuple[str, Any]]] = {}
        for c in lexicon.cues:
            if c.match == "gap":
                for form in _phrase_forms(c.phrase, True):
                    words = form.split(" ")
                    cut = {1, len(words) - 1} if words[-1] in _GAP_PREPOSITIONS else {1}
                    if len(words) > 2 and words[1] in _GAP_VERB_PREPOSITIONS:
                        cut = {2}  # (a verb with its preposition, then the object: "tramples on China's sovereignty")
                    for k in cut:
                        if 0 < k < len(words):
                            gaps.setdefault(" ".join(words[:k]), []).append((" ".join(words[k:]), c))
        self._gaps = gaps
        # (a cue that names its actor as a whole, cues.tsv "names", names it in each of its forms: "visits Taiwan")
        alias_of = {a.alias: a for a in lexicon.aliases if a.match != "case"}
        for c in lexicon.cues:
            stands_for = alias_of.get(c.phrase) if c.match == "inflect" else None
            for i, form in enumerate(_phrase_forms(c.phrase, c.match != "exact")):
                add(form, "cue", c, i > 0)
                if stands_for is not None and i > 0:
                    add(form, "actor", stands_for, True)
                other = _other_spelling(form)
                if other is not None:
                    add(other, "cue", c, True)  # "honour the deal"
                joined = _rejoined(form)
                if joined is not None and not ("-" in joined and c.category in _DESCRIBING):
                    add(joined, "cue", c, True)  # "freedom-of-navigation", "lab-leak"; "live fire drill"
                if "u.s. " in form or form.endswith("u.s."):
                    # the country written without periods ("off US exchanges"): its folded form is "us"
                    add(_US.sub("us", form), "cue", c, True)
                if "north korea" in form:
                    # the country as Asian wires abbreviate it ("N. Korea tensions flare", "N.Korean soil")
                    for short in _NORTH_KOREA_SHORT:
                        add(form.replace("north korea", short), "cue", c, True)
                head, _, marker = form.rpartition(" ")
                if c.category in _TIMED and marker in ("with", "to") and " " not in head:
                    # a word of time may stand between a talk and its partner: "a call yesterday with President Xi"
                    for when in _TIME_WORDS:
                        add(f"{head} {when} {marker}", "cue", c, True)
        # One-word modifiers ("may", "not", "we", "massive") are frequent and matter only next to a cue: they
        # are looked up per token in the sentences that hold a cue, not matched over the whole text.
        self.token_mods: dict[str, Modifier] = {}
        for m in lexicon.modifiers:
            # (the automaton and the tokens are folded; a case-sensitive entry is checked against the text)
            for i, form in enumerate(_phrase_forms(m.phrase.lower(), m.match == "inflect")):
                if _ONE_TOKEN.fullmatch(form) and m.type != "exclusion":
                    if form not in self.token_mods or i == 0:
                        self.token_mods[form] = m
                else:
                    add(form, "mod", m, i > 0)
                    other = _other_spelling(form)
                    if other is not None:
                        add(other, "mod", m, True)
        for head in gaps:
            table.setdefault(head, [])  # (a verb that stands for nothing else is found for its gapped cues alone)
        for surface, entries in table.items():
            # a phrase written in the lexicon beats a generated inflection of another phrase
            entries.sort(key=lambda e: (e[3], e[0]))
            kinds = tuple((k, e) for _, k, e, _ in entries)
            # what the surface stands for is known now unless an entry is case-sensitive; and only a surface
            # that starts (ends) with a letter or digit can be glued to the word before (after) it
            fixed = None if any(getattr(e, "match", "exact") == "case" for _, e in kinds) else _choose(kinds, surface)
            auto.add_word(surface, (len(surface), kinds, fixed, surface[0].isalnum(), surface[-1].isalnum(),
                                    surface if surface in gaps else None))
        auto.make_automaton()
        self._auto = auto
        # the pairs of words that follow each other in a phrase: a quote mark between two words can split a phrase
        # only if they are one of these
        self._pairs = frozenset(f"{a} {b}" for surface in table if " " in surface
                                for a, b in zip(surface.split(" "), surface.split(" ")[1:]))
        self.size = len(table)
        # actors named inside a cue ("Chinese virus", "China deal"): the cue also mentions them
        fold_alias = {a.alias.lower(): a for a in lexicon.aliases if a.match != "case"}
        for a in lexicon.aliases:
            if a.match == "case" and "." in a.alias:
                # a case-sensitive alias written with a period is a name in any case inside a cue ("bars U.S.",
                # "rejects U.S. claim"), which swallows the name's own match
                fold_alias.setdefault(a.alias.lower(), a)
        # names of two words or more, for the first word of one left out before a conjunction and a name
        # that shares the rest ("North and South Korea" names North Korea too)
        self._shared_tail = {a.alias.lower(): a for a in lexicon.aliases
                             if a.match != "case" and " " in a.alias and a.kind in _ELIDABLE}
        # one-word names of people written with capitals ("Kim", "Xi"), and the fuller names that hold one of them, of
        # its own actor ("Kim Jong Un") or someone else's ("Kim Darroch"): fuller name -> (short name, same actor?)
        short_names = {a.alias.lower(): a.actor for a in lexicon.aliases
                       if a.match == "case" and " " not in a.alias and a.kind in PERSONS}
        self._namesakes: dict[str, tuple[tuple[str, bool], ...]] = {}
        for a in lexicon.aliases:
            held = tuple((w, short_names[w] == a.actor) for w in a.alias.lower().split()
                         if " " in a.alias and w in short_names)
            if held:
                self._namesakes[a.alias] = held
        self.cue_actors: dict[str, tuple[Alias, ...]] = {}
        for c in lexicon.cues:
            words = c.phrase.replace("-", " ").split(" ")  # (also in a hyphenated cue: "anti-China")
            # (a name with its possessive is named too: "close China's consulate", "raises China's rate")
            bare = [w.removesuffix("'s") for w in words]
            named: dict[tuple[int, int], Alias] = {}
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 8) + 1):
                    hit = fold_alias.get(" ".join(words[i:j])) or fold_alias.get(" ".join(bare[i:j]))
                    if hit is not None:
                        named[(i, j)] = hit
            # (a name inside a longer one is not named: "Singapore summit" names the summit, not Singapore)
            found = [a for (i, j), a in named.items()
                     if not any(x <= i and j <= y and (x, y) != (i, j) for x, y in named)]
            if found:
                self.cue_actors[c.phrase] = tuple(found)

    def find(self, folded: str, text: str) -> list[Match]:
        """All word-bounded matches, non-overlapping (longest first, then leftmost), in text order; a span
        may carry one match per kind."""
        heads: list[tuple[int, int, str]] = []
        cands = self._candidates(folded, text, heads)
        if not cands:
            return []
        # Overlaps are resolved within each run of overlapping candidates: a candidate is taken or not
        # according to the ones it overlaps only, and most candidates overlap none.
        cands.sort(key=_BY_START)
        cands.append((len(folded) + 1, 0, None, None))  # a sentinel that closes the last run
        out: list[Match] = []
        add = out.append
        it = iter(cands)
        prev = next(it)  # the first candidate of the current run
        run = None  # the whole run, once a second candidate overlaps it
        reach = prev[1]
        for c in it:
            if c[0] < reach:
                if run is None:
                    run = [prev]
                run.append(c)
                if c[1] > reach:
                    reach = c[1]
                continue
            if run is None:  # the common case, inline: a candidate that overlaps nothing
                start, end, entries, fixed = prev
                for kind, entry in (fixed if fixed is not None else _choose(entries, text[start:end])):
                    add(_new_match(Match, (start, end, kind, entry)))
            else:
                _take(run, text, out)
                run = None
            prev = c
            reach = c[1]
        if heads:
            self._add_gapped(folded, out, heads)
        if self._shared_tail:
            self._add_elided(folded, text, out)
        if self._namesakes:
            _drop_namesakes(out, self._namesakes)
        _drop_owned_institutions(out, folded)
        return out

    def _add_elided(self, folded: str, text: str, out: list[Match]) -> None:
        """Add the name whose last words are left out before a conjunction and a name that shares them:
        "North and South Korea", "North & South Korean leaders", "North, South Korea agree" name North Korea
        as well as South Korea. The word left out is capitalized and matched by nothing else."""
        found = []
        for m in out:
            if m.kind != "actor" or m.start < _ELIDED_MIN:
                continue
            surface = folded[m.start:m.end]
            if " " not in surface:
                continue
            before = _ELIDED.search(folded, max(0, m.start - 24), m.start)
            if before is None:
                continue
            s, e = before.span(1)
            if not text[s:s + 1].isupper():
                continue
            alias = self._shared_tail.get(folded[s:e] + surface[surface.index(" "):])
            if alias is not None and alias is not m.entry and not any(o.start < e and s < o.end for o in out):
                found.append(_new_match(Match, (s, e, "actor", alias)))
        if found:
            out.extend(found)
            out.sort(key=_BY_START)

    def _add_gapped(self, folded: str, out: list[Match], heads: list[tuple[int, int, str]]) -> None:
        """Add the cues of match "gap" found with one to three words between their verb (``heads``, found in the
        pass) and the rest ("extends Huawei's license"), where no cue of weight is matched there already."""
        added = False
        for s, e, head in heads:
            window = folded[e:e + 60]
            # (a quote mark may open the rest only where the window holds one: most hold none)
            openings = _TAIL_OPENINGS if "'" in window or '"' in window else _NO_OPENING
            for tail, cue in self._gaps[head]:
                # (the rest ends at a word's end: a space, a mark or the text's end, "curb Huawei's chip supplies,
                # but ...")
                at, lead = _tail_at(window, tail, folded, e, openings)
                if at <= 0:
                    continue  # (at 0 the rest follows at once: the phrase itself, matched in the pass)
                gap = window[:at].split()
                if len(gap) > 3 and "$" in window[:at]:
                    # an amount of money counts as one word: "targeting up to $60 billion in Chinese imports"
                    gap = _MONEY_AS_WORD.sub(" $ ", window[:at]).split()
                if not 1 <= len(gap) <= 3 or any(w in _GAP_STOPS and not (k and gap[k - 1] in _AMOUNTS)
                                                 for k, w in enumerate(gap)) \
                        or any(ch in _THOUSANDS.sub("", window[:at]) for ch in _GAP_BREAKS):
                    # (a comma inside a number is no break: "allow 600,000 Chinese students")
                    continue
                end = e + at + lead + len(tail)
                if not any(x.start < end and s < x.end and (x.kind == "cue" and x.entry.weight != 0 or (
                        x.kind == "mod" and x.entry.type == "exclusion")) for x in out):
                    # (a topic word in the rest is left beside it; an exclusion keeps it off: "presses play on")
                    out.append(_new_match(Match, (s, e, "cue", cue)))
                    added = True
                break
        if added:
            out.sort(key=_BY_START)

    def _across_quotes(self, folded: str, add: Any, heads: list[tuple[int, int, str]] | None = None) -> None:
        """The phrases a quote mark splits ("the deal is 'over'", "'aggressively revoke' visas"): the stretches
        of text around the marks that open or close a quotation are read again without them, and what is found
        across a mark is added at its place in ``folded`` (the verb of a gapped cue to ``heads``: "an 'invasion'
        on its sovereignty")."""
        # (only a mark with a word on the far side of a space can be inside a phrase: "is 'over'" has the word
        # "is" before its opening mark; a mark next to punctuation or the text's end splits none)
        # (and a mark that closes a quotation opened shortly before it, or opens one closed shortly after it:
        # "farmers' " is a possessive)
        marks: list[int] = []
        last = -99  # the last opening mark
        n = len(folded)
        for m in _QUOTE_MARK.finditer(folded):
            q = m.start()
            if q + 1 < n and folded[q + 1].isalnum():
                last = q
            elif q - last <= 40:  # a closing mark, and the opening one shortly before it
                marks.extend(x for x in (last, q) if _inside_phrase(folded, x) and self._split_pair(folded, x))
                last = -99
        if not marks:
            return
        # the five words either side of each mark (phrases are no longer: "close' to a trade deal"), windows that
        # overlap joined, read again without the marks among them
        spans: list[list[int]] = []
        for q in marks:
            a = q
            for _ in range(5):
                a = folded.rfind(" ", 0, max(a - 1, 0)) if a > 0 else -1
                if a < 0:
                    break
            a += 1
            b = q
            for _ in range(5):
                b = folded.find(" ", b + 2)
                if b < 0:
                    b = n
                    break
            if spans and a <= spans[-1][1]:
                spans[-1][1] = max(b, spans[-1][1])
            else:
                spans.append([a, b])
        for a, b in spans:
            piece = folded[a:b]
            local = [m.start() for m in _QUOTE_MARK.finditer(piece)]
            squeezed = _QUOTE_MARK.sub("", piece)
            shifts = [x - k for k, x in enumerate(local)]  # (where each dropped mark was, in ``squeezed``)
            padded = f" {squeezed} "
            for end, (length, entries, fixed, open_start, open_end, head) in self._auto.iter(padded, 1,
                                                                                              len(padded) - 1):
                start = end - length
                if bisect_right(shifts, start) == bisect_right(shifts, end - 1):
                    continue  # (no mark dropped inside it: the first pass found it)
                if (open_start and padded[start].isalnum()) or (open_end and padded[end + 1].isalnum()):
                    continue
                span = (a + start + bisect_right(shifts, start), a + end + bisect_right(shifts, end - 1))
                if head is not None and heads is not None:
                    heads.append((span[0], span[1], head))
                if entries:
                    add((span[0], span[1], entries, fixed))

    def _split_pair(self, folded: str, q: int) -> bool:
        """Whether the words either side of the quote mark at ``q`` follow each other in some phrase."""
        before = folded.rfind(" ", 0, q - 1) + 1
        after = folded.find(" ", q + 2)
        words = folded[before:after if after >= 0 else len(folded)].replace("'", "").replace('"', "").split()
        return len(words) == 2 and f"{words[0].strip(_EDGE)} {words[1].strip(_EDGE)}" in self._pairs

    def _candidates(self, folded: str, text: str, heads: list[tuple[int, int, str]] | None = None
                    ) -> list[tuple[int, int, Any, Any]]:
        """Every word-bounded phrase found, overlaps and all, in no particular order: (start, end, entries,
        what they stand for when that is known without looking at the case)."""
        cands: list[tuple[int, int, Any, Any]] = []
        add = cands.append
        # a space either side spares the bounds checks on the characters around a match (positions in
        # ``padded`` are those in ``folded`` plus one: a match ending at ``end`` there ends before ``end`` here)
        padded = f" {folded} "
        for end, (length, entries, fixed, open_start, open_end, head) in self._auto.iter(padded, 1, len(folded) + 1):
            if (open_start and padded[end - length].isalnum()) or (open_end and padded[end + 1].isalnum()):
                continue
            if head is not None:  # (the verb of a cue of match "gap": kept for _add_gapped)
                if heads is not None:
                    heads.append((end - length, end, head))
                if not entries:
                    continue
            add((end - length, end, entries, fixed))
        if " '" in folded or ' "' in folded or folded[:1] in ("'", '"'):  # (a quotation opens after a space)
            self._across_quotes(folded, add, heads)
        if self._case_re is not None:
            case_alias = self._case_alias
            for m in self._case_re.finditer(text):
                start, end = m.span()
                if start > 0 and text[start - 1].isalnum():
                    continue
                add((start, end, None, case_alias[text[start:end]]))
        if self._the_re is not None and self._the_words.search(folded):  # type: ignore[union-attr]
            # ("the North" is a name, but not in "the North American market": a longer name's part)
            for m in self._the_re.finditer(text):
                start, end = m.span()
                if start == 0 or not text[start - 1].isalnum():
                    add((start, end, None, self._case_alias[text[start:end]]))
        return cands


PERSONS = frozenset({"leader", "official", "negotiator"})  # the actor kinds that are people (scoring.py reads it too)


def _drop_namesakes(out: list[Match], namesakes: dict[str, tuple[tuple[str, bool], ...]]) -> None:
    """Drop a person's one-word name where the text names someone else by a fuller name that holds it: in "Kim
    Strassel of the Wall Street Journal says it best ... Thank you Kim!" the second "Kim" is hers, not North
    Korea's leader's (a fuller name of the short name's own actor in the text, "Kim Jong Un", leaves it be)."""
    others: set[str] = set()
    own: set[str] = set()
    for m in out:
        if m.kind == "actor" and m.entry.alias in namesakes:
            for w, same in namesakes[m.entry.alias]:
                (own if same else others).add(w)
    others -= own  # (both named in full: "Kim Darroch resigns as Trump meets Kim Jong Un" keeps the short name)
    if others:
        out[:] = [m for m in out if not (m.kind == "actor" and m.entry.match == "case"
                                         and m.entry.alias.lower() in others)]


def _drop_owned_institutions(out: list[Match], folded: str) -> None:
    """Drop an institution named right after another actor's possessive: it is that actor's own ("Mexico's
    Congress approves tariffs on cars from China" is Mexico's congress, not the US one). (The folded text
    writes every apostrophe straight; a text with no possessive is not scanned.)"""
    if "'s " not in folded:
        return
    drop: set[int] = set()
    prev = None
    for k, m in enumerate(out):
        if m.kind != "actor":
            continue
        if (prev is not None and m.entry.kind == "institution" and prev.entry.actor != m.entry.actor
                and folded[prev.end:m.start] == "'s "):
            drop.add(k)
        prev = m
    if drop:
        out[:] = [m for k, m in enumerate(out) if k not in drop]


_TAIL_OPENINGS = ("", "'", '"')  # what may stand before the rest of a gapped cue, after its space
_NO_OPENING = ("",)


def _tail_at(window: str, tail: str, folded: str, e: int, openings: tuple[str, ...]) -> tuple[int, int]:
    """Where the rest of a gapped cue starts in ``window`` (the text after its verb, which starts at ``e`` in
    ``folded``), ending at a word's end, and how many characters lead to it: a space, or a space and one of
    ``openings`` (a quote mark: "wishes Kim 'well'"); -1 when it is not there."""
    best, lead = -1, 1
    for opening in openings:
        key = " " + opening + tail
        at = window.find(key)
        while at >= 0 and e + at + len(key) < len(folded) and folded[e + at + len(key)].isalnum():
            at = window.find(key, at + 1)
        if at >= 0 and (best < 0 or at < best):
            best, lead = at, 1 + len(opening)
    return best, lead


# where a cue of match "gap" may be split before its last word, and what may not stand between its parts
_GAP_PREPOSITIONS = frozenset({"to", "from", "on", "for"})
# the preposition of a verb that takes its object through it, where a cue of match "gap" is split after it
_GAP_VERB_PREPOSITIONS = frozenset({"on", "upon", "of"})
_GAP_BREAKS = frozenset(",;:!?()\"")
_GAP_STOPS = frozenset({"and", "or", "but", "that", "which", "who", "if", "as", "to", "from", "on", "with", "by",
                        "for", "in", "of", "not", "no", "is", "are", "was", "were", "will"})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")  # the comma of a number's thousands
# the size of an amount, after which "of" or "in" says what is counted, not a phrase of its own ("targeting $60
# billion in Chinese imports")
_AMOUNTS = frozenset({"billion", "million", "trillion", "bn"})
# an amount of money with its hedge and its size, read as one word of a gap ("up to $60 billion in")
_MONEY_AS_WORD = re.compile(r"(?:\b(?:up to|about|nearly|almost|some|more than|over|another|an extra|an additional) )?"
                    r"\$[\d.,]+(?: ?(?:billion|million|trillion|bn|b|m)\b)?(?: (?:in|of|worth of)\b)?")
# punctuation stripped from the words either side of a quote mark
_EDGE = ".,;:!?()"


def _inside_phrase(folded: str, q: int) -> bool:
    """Whether the quote mark at ``q`` may stand inside a phrase: it opens a quotation after a word and a
    space, or closes one before a space and a word."""
    if q + 1 < len(folded) and folded[q + 1].isalnum():  # an opening mark
        return q >= 2 and folded[q - 1] == " " and folded[q - 2].isalnum()
    return q + 2 < len(folded) and folded[q + 1] == " " and folded[q + 2].isalnum()


# a quote mark with no letter or digit on one side opens or closes a quotation; one inside a word is an
# apostrophe ("China's", "don't")
_QUOTE_MARK = re.compile(r"""['"](?:(?<=[^a-z0-9]['"])|(?<=^['"])|(?![a-z0-9]))""")  # (the mark first: fast to scan for)


def _take(run: list[tuple[int, int, Any, Any]], text: str, out: list[Match]) -> None:
    """Add the matches of a run of overlapping candidates to ``out``: longest first, then leftmost, each
    taken unless it overlaps one already taken or stands for nothing in its case ("us" is not "US")."""
    if len(run) > 1:
        run = sorted(run, key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int, Any]] = []
    threat = False  # whether a threat modifier was taken, whose verb may be kept inside it
    for start, end, entries, fixed in run:
        if taken and any(s < end and start < e for s, e, _ in taken):
            if threat:
                chosen = fixed if fixed is not None else _choose(entries, text[start:end])
                if chosen and _verb_of_threat(chosen, start, end, taken):
                    taken.append((start, end, chosen))
            continue
        chosen = fixed if fixed is not None else _choose(entries, text[start:end])
        if chosen:
            taken.append((start, end, chosen))
            if chosen[0][0] == "mod" and chosen[0][1].type == "threat":
                threat = True
    if len(taken) > 1:
        taken.sort(key=_BY_START)
    for start, end, chosen in taken:
        for kind, entry in chosen:
            out.append(_new_match(Match, (start, end, kind, entry)))


def _verb_of_threat(chosen: list[tuple[str, Any]], start: int, end: int, taken: list[tuple[int, int, Any]]) -> bool:
    """Whether a cue lies inside the threat modifier that overlaps it and nothing else: "warns" in "warns of"
    is kept beside it, for the warning to stand on its own when the modifier governs no cue ("warns of a
    'Christmas gift' for the U.S."); the threat_verb rule (rules.py) drops it when the modifier governs one."""
    if len(chosen) != 1 or chosen[0][0] != "cue":
        return False
    over = [(s, e, ch) for s, e, ch in taken if s < end and start < e]
    return len(over) == 1 and over[0][0] <= start and end <= over[0][1] and len(over[0][2]) == 1 \
        and over[0][2][0][0] == "mod" and over[0][2][0][1].type == "threat"


def _choose(entries: Iterable[tuple[str, Any]], surface: str) -> list[tuple[str, Any]]:
    """The entries a surface stands for: at most one per kind ("Little Rocket Man" is both an actor and
    an insult), skipping case-sensitive entries whose case differs ("us" is not "US")."""
    out: list[tuple[str, Any]] = []
    kinds: set[str] = set()
    for kind, entry in entries:
        if kind in kinds:
            continue
        if getattr(entry, "match", "exact") == "case":
            target = entry.alias if kind == "actor" else entry.phrase
            if surface != target:
                continue
        kinds.add(kind)
        out.append((kind, entry))
    return out
