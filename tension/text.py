"""Normalization and segmentation.

``normalize`` turns raw text (HTML, posts in Unicode bold letters, curly quotes, zero-width marks) into a
clean string and a case-folded copy of the same length, with a map from positions in the clean text back
to positions in the original, so every piece of evidence points at the characters the user gave us.

``sentences`` and ``clause_breaks`` are rule-based and need no model or data download.
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["NormText", "normalize", "recase_shouting", "CAPS_RUN", "ITEM_BAR", "sentences", "clause_breaks", "TOKEN_RE"]

# Characters that carry no text: zero-width spaces and joiners, bidirectional marks, soft hyphen, BOM.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                       "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
# Punctuation that NFKC leaves alone but that our lexicons write in ASCII.
_PUNCT = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
          "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
          "\u2212": "-", "\u00a0": " ", "\u2026": "...", "\u00ab": '"', "\u00bb": '"'}

# Everything that may need rewriting, in one pass: script/style blocks, tags, entities, non-ASCII runs,
# control characters. Tags are bounded in length so an unclosed "<" cannot swallow the document.
_SPECIAL = re.compile(
    r"(?P<hashtag>#[A-Za-z0-9]{0,100}?(?:[a-z0-9][A-Z]|[A-Z][A-Z][a-z])[A-Za-z0-9]{0,100})"
    r"|(?P<tag></?[a-zA-Z!][^<>]{0,500}>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"
    r"|(?P<uni>[^\x00-\x7f]+)"
    r"|(?P<ctrl>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+)",
    re.DOTALL | re.IGNORECASE,
)
_ONE_FOR_ONE = tuple((k, v) for k, v in _PUNCT.items() if len(v) == 1)
# "#", "<", "&", control characters and anything outside ASCII, written as the complement of the characters that
# need nothing: the engine tests a negated class of a few ASCII ranges faster than one reaching to U+10FFFF
_QUICK_CHECK = re.compile(r"[^\t\n\r\x20-\x22\x24\x25\x27-\x3b\x3d-\x7e]")
# the words of a hashtag written in CamelCase: "#SingaporeSummit", "#USChinaTrade"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*")


class _Span:
    """A rewritable span found by hand, with the interface of the re.Match objects of _SPECIAL."""

    __slots__ = ("_s", "_e", "lastgroup", "_text")

    def __init__(self, s: int, e: int, kind: str, text: str):
        self._s, self._e, self.lastgroup, self._text = s, e, kind, text

    def span(self) -> tuple[int, int]:
        return self._s, self._e

    def group(self) -> str:
        return self._text[self._s:self._e]


_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


def _special_spans(text: str):  # noqa: ANN202 - an iterator of spans
    """The spans that need rewriting, found by jumping between candidate characters (fast on long text
    with a few of them) and matching the full pattern only there. A <script> or <style> block goes with
    its content when its closing tag exists; the closing tag is searched once per position reached, so a
    text full of unclosed <script> tags stays linear."""
    pos = 0
    n = len(text)
    lowered: str | None = None
    closers: dict[str, int] = {}
    while pos < n:
        c = _QUICK_CHECK.search(text, pos)
        if c is None:
            return
        at = c.start()
        m = _SPECIAL.match(text, at)
        if m is None or m.end() == m.start():  # a "<" or "&" that starts no tag or entity
            pos = at + 1
            continue
        if text[at] == "<":
            sm = _SCRIPT_OPEN.match(text, at)
            if sm is not None:
                kind = sm.group(1).lower()
                if lowered is None:
                    lowered = text.lower()
                close = closers.get(kind, -2)
                if close != -1 and close < m.end():
                    close = lowered.find(f"</{kind}", m.end())
                    closers[kind] = close
                if close >= 0:
                    gt = lowered.find(">", close)
                    end = n if gt < 0 else gt + 1
                    yield _Span(at, end, "tag", text)
                    pos = end
                    continue
        yield m
        pos = m.end()


def _norm_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _PUNCT:
        return _PUNCT[ch]
    out = unicodedata.normalize("NFKC", ch)
    if len(out) == 1 and unicodedata.category(out)[0] == "C":
        return " "
    return "".join(_PUNCT.get(c, c) for c in out if c not in _INVISIBLE)


@dataclass(frozen=True)
class NormText:
    """A normalized text, its case-folded twin of equal length, and the way back to the original.

    ``text`` keeps case (needed to tell "US" from "us"); ``folded`` is what lexicons match against.
    ``_edits`` lists ``(norm_start, norm_end, orig_start, orig_end)`` for every rewritten span; between edits
    the offset is constant. It is empty when the text needed no rewriting.
    """

    original: str
    text: str
    folded: str
    _edits: tuple[tuple[int, int, int, int], ...] = ()
    _starts: tuple[int, ...] = ()  # the first element of each edit, for bisection

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the matching span of ``original``."""
        if not self._edits:
            return start, end
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, pos: int, is_end: bool) -> int:
        edits = self._edits
        starts = self._starts
        # a start maps through edits that begin at or before it, an end through those that begin before it
        i = (bisect_left(starts, pos) if is_end else bisect_right(starts, pos)) - 1
        if i < 0:
            return pos
        ns, ne, os_, oe = edits[i]
        if pos < ne or (is_end and pos == ne):
            # inside a rewritten span: its start for a start, its end for an end
            return oe if is_end else os_
        return oe + (pos - ne)


def _fold(text: str) -> str:
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # a few characters lower-case to two ("İ" -> "i̇"); keep one so offsets stay aligned
    return "".join(c.lower()[0] if c.lower() else c for c in text)


# Three words of capitals in a row, nothing in lower case between them (single letters may stand there: "TRUMP
# ACCEPTS A DEAL"): a stretch of a ticker flash or a shouted post. (Each separator is a run of non-letters, so
# the pattern is read once, without backtracking into the words.)
_CAPS_WORD = r"[A-Z][A-Z0-9'.&-]*[A-Z]"
_CAPS_SEP = r"[^a-zA-Z]+(?:[A-Z][^a-zA-Z]+)*"
# (no look-behind for the letter before it: tried at every capital it would cost more than the search, so a
# run found inside a word is checked by hand and the search goes on past its first letter)
CAPS_RUN = re.compile(rf"{_CAPS_WORD}{_CAPS_SEP}{_CAPS_WORD}{_CAPS_SEP}{_CAPS_WORD}(?![a-zA-Z])")
# where a stretch of text read as one ends: a sentence's mark before a space, a ticker's bar, a semicolon, a
# colon before a space ("BREAKING: ..."), a spaced dash, a line break
_SEGMENT_END = re.compile(r"[.!?]+(?=\s|$)|[|;\n]|:(?=\s)|\s-{1,2}\s")
_LOWER = re.compile(r"[a-z]")
# a bar between spaces, which parts the items of a ticker line ("Stocks slide | Oil falls"): a clause break here,
# and a break between a sentence's stories in scoring.py, as a semicolon is
ITEM_BAR = r"(?<=\s)\|(?=\s)"


def recase_shouting(nt: NormText, names: Callable[[str], Iterable[tuple[int, int, str]]]) -> NormText:
    """``nt`` with every stretch written wholly in capitals ("TRUMP, KIM SIGN JOINT STATEMENT", a ticker
    flash, a shouted line of a post) turned to lower case, save the names whose case tells them from common
    words, and its first letter. ``names(low)`` gives the names in a stretch in lower case as ``(start, end,
    written)``, shorter first ("kim" -> "Kim", "us" -> "US": a longer name written over a shorter one wins). A stretch is a whole sentence, or a part of one set off by a colon, bar or dash
    ("BREAKING: ..."), with three words of capitals in it and no lower-case letter: caps inside a sentence
    in lower case are emphasis ("No more Mr. NICE GUY!") and stay. ``folded`` and the offsets are unchanged.

    >>> written = {"kim": "Kim", "us": "US", "xi": "Xi"}
    >>> def names(low):
    ...     return [(m.start(), m.end(), written[m.group()]) for m in re.finditer(r"\\b(?:kim|us|xi)\\b", low)]
    >>> recase_shouting(normalize("JUST IN: TRUMP, KIM SIGN DEAL; XI WELCOMES IT"), names).text
    'Just in: trump, Kim sign deal; Xi welcomes it'
    >>> recase_shouting(normalize("We will NOT LET THEM win. CHINA OWES US!"), names).text
    'We will NOT LET THEM win. China owes US!'
    """
    text = nt.text
    m = _caps_run(text, 0)
    if m is None:
        return nt
    chars = list(text)
    n = len(text)
    while m is not None:
        # the stretch around the run: from the end of the last segment before it to the next end after it
        lo = 0
        for b in _SEGMENT_END.finditer(text, max(0, m.start() - 400), m.start()):
            lo = b.end()
        if lo == 0 and m.start() > 400:
            lo = m.start()  # (a long stretch without a break: the run alone)
        after = _SEGMENT_END.search(text, m.end())
        hi = after.start() if after is not None else n
        if _LOWER.search(text, lo, hi) is None:
            low = nt.folded[lo:hi]
            chars[lo:hi] = low
            for k, e, written in names(low):
                chars[lo + k:lo + e] = written
            first = next((j for j in range(lo, hi) if chars[j].isalpha()), None)
            if first is not None:
                chars[first] = chars[first].upper()
        m = _caps_run(text, max(hi, m.end()))
    return NormText(nt.original, "".join(chars), nt.folded, nt._edits, nt._starts)


def _caps_run(text: str, pos: int) -> re.Match[str] | None:
    """The next run of three words in capitals from ``pos`` that starts a word ("McDONALD" holds none)."""
    m = CAPS_RUN.search(text, pos)
    while m is not None and m.start() > 0 and text[m.start() - 1].isalpha():
        m = CAPS_RUN.search(text, m.start() + 1)
    return m


def split_hashtag(tag: str, whole: frozenset[str] = frozenset()) -> str:
    """A CamelCase hashtag cut into its words, keeping whole the runs of parts that spell a word of ``whole``
    (lower case: the names written in CamelCase, "NoKo", "TikTok", which the cut would break).

    >>> split_hashtag("#TikTokBan"), split_hashtag("#TikTokBan", frozenset({"tiktok"}))
    ('#Tik Tok Ban', '#TikTok Ban')
    """
    parts = _CAMEL.split(tag)
    if not whole or len(parts) == 1:
        return " ".join(parts)
    out: list[str] = []
    i = 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i + 1, -1) if "".join(parts[i:j]).lstrip("#").lower() in whole), i + 1)
        out.append("".join(parts[i:j]))
        i = j
    return " ".join(out)


def normalize(text: str, whole: frozenset[str] = frozenset()) -> NormText:
    """Normalize ``text`` for matching, keeping a map back to the original characters.

    NFKC (posts write in mathematical bold letters), HTML tags and script blocks removed, entities
    decoded, zero-width and bidirectional marks dropped, curly quotes and dashes made ASCII, control
    characters turned into spaces, hashtags in CamelCase cut into their words ("#TradeWar"), save the
    names of ``whole`` (see :func:`split_hashtag`).

    >>> nt = normalize("<b>\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee</b> &amp; the U.S.")
    >>> nt.text, nt.folded
    (' China  & the U.S.', ' china  & the u.s.')
    >>> nt.to_original(1, 6)
    (3, 8)
    >>> normalize("trade deal'stalled, China's view").folded
    "trade deal stalled, china's view"
    """
    if not _QUICK_CHECK.search(text):
        return NormText(text, text, _unglue(text.lower()))
    # one-for-one replacements (curly quotes, dashes, no-break space) keep every offset: do them in C first,
    # and most news text is then plain ASCII
    simple = text
    if not text.isascii():  # ("&", "<" and control characters alone need none of them)
        for ch, rep in _ONE_FOR_ONE:
            if ch in simple:
                simple = simple.replace(ch, rep)
    if not _QUICK_CHECK.search(simple):
        return NormText(text, simple, _unglue(simple.lower()))
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = 0  # position in original
    npos = 0  # position in normalized output
    original, text = text, simple
    for m in _special_spans(text):
        s, e = m.span()
        if s > pos:
            pieces.append(text[pos:s])
            npos += s - pos
        kind = m.lastgroup
        if kind == "uni":
            run = m.group()
            rep = "".join(_norm_char(c) for c in run)
            if len(rep) == len(run) and all(len(_norm_char(c)) == 1 for c in run):
                pieces.append(rep)
                npos += len(rep)
            else:
                for i, c in enumerate(run):
                    r = _norm_char(c)
                    if r != c:
                        edits.append((npos, npos + len(r), s + i, s + i + 1))
                    pieces.append(r)
                    npos += len(r)
        else:
            if kind == "hashtag":
                rep = split_hashtag(m.group(), whole)
            elif kind == "entity":
                rep = html.unescape(m.group())
                rep = "".join(_norm_char(c) if ord(c) > 127 or c < " " else c for c in rep) or " "
            elif kind == "ctrl":
                rep = " "
            else:  # tag or script/style block
                rep = " "
            if rep != m.group():
                edits.append((npos, npos + len(rep), s, e))
            pieces.append(rep)
            npos += len(rep)
        pos = e
    if pos < len(text):
        pieces.append(text[pos:])
    out = "".join(pieces)
    return NormText(original, out, _unglue(_fold(out)), tuple(edits), tuple(e[0] for e in edits))


# an opening quote glued to the word before it, as some headline feeds print it ("trade deal'stalled because
# of ...'", "expects a'significant' deal"): only before an s-word, where the feeds dropped the space (a
# possessive "'s" is followed by no letter; "L'Oreal", "O'Leary" are left alone)
_GLUED = re.compile(r"'(?<=[a-z]')(?=s[a-z]{2})")  # (the quote first: the engine skips from quote to quote)


def _unglue(folded: str) -> str:
    """``folded`` with a glued opening quote made a space, and the British spellings that have the length of
    the American ones written the American way ("licence", "defence": the lexicon's phrases are written once);
    one for one, so offsets stay aligned."""
    if "'s" in folded:
        folded = _GLUED.sub(" ", folded)
    if "cenc" in folded or "fenc" in folded:
        folded = folded.replace("licenc", "licens").replace("defenc", "defens")
    return folded


# ---------------------------------------------------------------------------------------------------------
# Segmentation

# Tokens after which a period does not end a sentence ("U.S.", "Mr.", "Jan.").
_ABBREV = frozenset("""
u.s u.k u.n e.u u.s.a d.c p.m a.m mr mrs ms dr prof sen rep gov gen lt col sgt capt adm st jr sr inc corp co
ltd bros vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft dept est approx fig vol pres amb
rev hon messrs e.g i.e n.k s.k
""".split())

def _lookbehinds(words: frozenset[str]) -> str:
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(re.escape(w))
    return "".join(f"(?<!\\b(?i:{'|'.join(sorted(ws))})\\.)" for _, ws in sorted(by_len.items()))


# Country abbreviations end a sentence after all when the next word can only open one ("... reaching parts of
# the U.S. It won't happen!"); before a name or a noun they are the adjective ("U.S. Treasury", "U.S. China
# trade").
_COUNTRY_ABBREV = ("u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c")
_RESTARTS = ("It", "We", "They", "I", "He", "She", "This", "That", "These", "Those", "There", "Our", "My",
             "Its", "Their", "But", "And", "So", "Now", "Then", "Also", "Thank", "What", "Why", "How", "Not",
             "No", "Just", "Many", "Must", "Will", "You")
_RESTART = re.compile(r"\s+(?:" + "|".join(_RESTARTS) + r")\b")

# A sentence ends at . ! ? (and closing quotes) before a space and a word that does not start in lower case,
# or at a period glued between a lower-case word and a capitalized one, as posts type it ("with North
# Korea.Not much of a deal"; not "U.S.China", "St.Louis", nor after an abbreviation: "Gen.Mattis"),
# unless the period closes a known abbreviation or a single letter (not one after an apostrophe: "They
# didn't. I am ..." are two sentences; nor the pronoun "I" after a word in lower case: "neither am I. China ..."), or "No." before a number ("No. 1"); a line break always ends one. Text
# tokenized with spaces around periods ("U . S tariffs", "USD 3 . 6 billion", "Dec . 15") is read the
# same: a spaced period after a single letter, or before a number, ends nothing.
_BOUNDARY = re.compile(
    r"(?:\.{2,}|\." + _lookbehinds(_ABBREV) + r"(?:(?<!\b[a-zA-Z]\.)|(?<='[a-zA-Z]\.)|(?<=[a-z] I\.))(?<!\b[a-zA-Z] \.)"
    r"(?:(?<! \.)|(?!\s+\d))(?!(?<=\b(?i:no)\.)\s+\d)"
    r"|[!?]+)[\"')\]]*(?=\s+(?![a-z]))"
    r"|\." + _lookbehinds(_ABBREV) + r"(?<=[a-z][a-z]\.)(?=[A-Z][a-z])"
    r"|\.(?:" + "|".join(f"(?<=\\b(?i:{re.escape(w)})\\.)" for w in _COUNTRY_ABBREV) + r")(?="
    + _RESTART.pattern + r")"
    r"|[!?]+[\"')\]]*(?=\s)"
    r"|\n\s*")


# The same boundaries found fast. _BOUNDARY stays the definition, but its look-behinds are tried one by one
# at every period and its alternation keeps the engine from skipping ahead to the next candidate character.
# Here the pattern opens with one character class the engine can scan for, the branches are told apart by
# a look-behind at that character (the two "!?" branches merge: both end where the run of closers does),
# and the word before a lone period is looked up in _ABBREV by hand; _BOUNDARY decides where that word is
# not plain ASCII, since case-insensitive matching is wider than str.lower() ("İnc." is "inc.").
_CANDIDATE = re.compile(
    r"[.!?\n](?:"
    r"(?<=\.)\.*[\"')\]]*(?=\s+(?![a-z]))"
    r"|(?<=[a-z][a-z]\.)(?=[A-Z][a-z])"
    r"|(?<=[!?])[!?]*[\"')\]]*(?=\s)"
    r"|(?<=\n)\s*)")
# abbreviations by their last two characters: most words before a period end otherwise and need no lookup
_ABBREV_BY_END = {end: tuple(sorted((w for w in _ABBREV if w.endswith(end)), key=len))
                  for end in {w[-2:] for w in _ABBREV}}
_ABBREV_REACH = max(len(w) for w in _ABBREV) + 1  # the word and the character before it
assert all(len(w) >= 2 and w[0].isalpha() for w in _ABBREV)  # so "\b" before one means: no word character before it


def _closes_abbreviation(text: str, p: int) -> bool:
    """True when the period at ``p`` closes a known abbreviation or a single letter (as _BOUNDARY's
    look-behinds decide)."""
    window = text[max(0, p - _ABBREV_REACH):p]
    if not window.isascii():
        return _BOUNDARY.match(text, p) is None
    low = window.lower()
    n = len(low)
    for w in _ABBREV_BY_END.get(low[-2:], ()):
        size = len(w)
        if size > n:
            break
        if low[n - size:] == w and (size == n and p == n or not _is_word(low[n - size - 1])):
            return True
    if n > 2 and window[-1] == "I" and window[-2] == " " and window[-3].islower():
        return False  # the pronoun, no initial: "and neither am I. China will ..."
    return n > 0 and low[-1].isalpha() and (n == 1 and p == 1 or not (_is_word(low[-2]) or low[-2] == "'"))


def _after_country_abbrev(text: str, at: int) -> bool:
    """Whether the period at ``at`` closes "U.S.", "U.K." or another of _COUNTRY_ABBREV."""
    for w in _COUNTRY_ABBREV:
        k = at - len(w)
        if k >= 0 and text[k:at].lower() == w and (k == 0 or not _is_word(text[k - 1])):
            return True
    return False


def _cuts(text: str) -> list[int]:
    """Where sentences end: the ends of the matches of _BOUNDARY, found with _CANDIDATE."""
    out = []
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        if text[at] == "." and text[at + 1] != ".":
            if at > 0 and text[at - 1] == " " and (_SPACED_NUMBER.match(text, at + 1) or _spaced_letter(text, at)):
                continue  # "USD 3 . 6 billion", "U . S tariffs"
            if at > 1 and text[at - 2:at].lower() == "no" and (at == 2 or not _is_word(text[at - 3])) \
                    and _SPACED_NUMBER.match(text, at + 1):
                continue  # "No. 1"
            # a lone period (a run of them ends a sentence anyway): most words before one end in two ASCII
            # characters that end no abbreviation and are not a single letter, which a look at them tells
            tail = text[at - 2:at].lower() if at > 1 else ""
            if ((len(tail) < 2 or not tail.isascii() or tail in _ABBREV_BY_END
                    or (tail[1].isalpha() and tail[0] not in _ASCII_WORD)) and _closes_abbreviation(text, at)
                    and not (_RESTART.match(text, at + 1) and _after_country_abbrev(text, at))):
                continue
        out.append(m.end())
    return out


_SPACED_NUMBER = re.compile(r"\s+\d")


def _spaced_letter(text: str, at: int) -> bool:
    """Whether the period at ``at`` follows a single letter and a space ("U . S")."""
    return (at >= 2 and text[at - 2] in _ASCII_LETTERS and (at == 2 or not _is_word(text[at - 3])))


_ASCII_LETTERS = frozenset(string.ascii_letters)
_ASCII_WORD = _ASCII_LETTERS | frozenset(string.digits + "_")


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def sentences(nt: NormText) -> list[tuple[int, int]]:
    """Split into sentences; return ``(start, end)`` spans of ``nt.text``.

    A period ends a sentence unless it closes a known abbreviation or a single letter ("U.S.", "Mr.",
    "Jan.", "N."; "the U.S. It won't happen" still ends at "U.S.", since "It" can only open a sentence), or
    the next word starts in lower case. Line breaks always end a sentence (posts and
    headline lists put one item per line).

    >>> nt = normalize("Mr. Xi met U.S. officials in Jan. 2019. Talks resumed. Markets rose!")
    >>> [nt.text[s:e] for s, e in sentences(nt)]
    ['Mr. Xi met U.S. officials in Jan. 2019.', 'Talks resumed.', 'Markets rose!']
    """
    text = nt.text
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    longest = 0
    for cut in _cuts(text):
        # the span without its surrounding whitespace, found by stepping over it (usually the one space
        # after the previous sentence's period, and nothing before the cut) rather than by slicing and
        # stripping a copy of every sentence
        s = start
        while s < cut and text[s].isspace():
            s += 1
        if s < cut:
            e = cut
            while text[e - 1].isspace():
                e -= 1
            spans.append((s, e))
            if e - s > longest:
                longest = e - s
        start = cut
    if start < n and text[start:].strip():
        spans.append(_trim(text, start, n))
        longest = max(longest, spans[-1][1] - spans[-1][0])
    if longest > MAX_SENTENCE:
        spans = [piece for s, e in spans for piece in _split_long(text, s, e)]
    return spans


MAX_SENTENCE = 2000  # characters; a longer "sentence" (a transcript without punctuation) is cut at spaces


def _split_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut ``text[s:e]`` into pieces of at most MAX_SENTENCE characters at whitespace, so the rules, whose
    reach is a few tokens, cost the same per character however long a sentence runs on."""
    out = []
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        if cut <= s:
            cut = s + MAX_SENTENCE
        if text[s:cut].strip():
            out.append(_trim(text, s, cut))
        s = cut
    if text[s:e].strip():
        out.append(_trim(text, s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# words that carry no weight for window arithmetic (scoring): articles, numbers and their units, so
# "tariffs on $200 billion of Chinese goods will rise" is as close as "tariffs on goods will rise"
def char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" at the start): what closes the phrase
    before a word ("," in "Apple Watch, AirPods and smart speakers, takes effect"), read without copying the
    text before it."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


ZERO_WIDTH = frozenset({"the", "a", "an", "its", "their", "his", "her", "billion", "million", "trillion", "bn",
                        "billions", "millions", "trillions",
                        "percent", "per", "cent", "pct", "dollars", "usd"})


# Clause breaks: semicolons, colons (a headline's label: "US-China trade deal: Trump insists ..."), and contrast
# or concession words. Contrast words are recorded so the contrast
# rule can weigh what comes before and after them.
# "yet" opens a clause as a conjunction ("tariffs rose, yet talks went on"), not as an adverb: "not yet",
# "as yet", "has yet to", "yet another missile", "no decision yet on tariffs" (a preposition follows), a
# sentence that ends in "yet"
_YET = (r"yet\b(?<!\bnot yet)(?<!n't yet)(?<!\bas yet)(?<!\bhas yet)(?<!\bhave yet)(?<!\bhad yet)(?<!\bnor yet)"
        r"(?! (?:another|again|more|to|on|in|for|about|over|from|of)\b)(?= [a-z0-9])")  # (the look-behinds after "yet": tried only there)
CONTRAST_WORDS = frozenset({"but", "however", "although", "though", "whereas", "yet", "despite",
                            "nevertheless", "even as"})
# contrast words are the clause breaks that the contrast rule weighs; "while" opens a clause too
# phrases that open a concession as "despite" does, and are read as it ("no matter what happens with our trade
# dispute", "regardless of the tariffs")
# (those of them that do not say what they concede is there, "regardless of any trade deal": scoring and rules
# weigh a deal after them as a matter only)
UNASSERTED_FORMS = ("regardless of", "irrespective of", "no matter what", "no matter how")
_DESPITE_FORMS = ("in spite of", *UNASSERTED_FORMS)
_CLAUSE = re.compile(r";|" + ITEM_BAR + r"|:(?=\s)|\b(?:" + "|".join(sorted(w for w in CONTRAST_WORDS | {"while"} if w != "yet"))
                     + "|" + "|".join(_DESPITE_FORMS) + "|" + _YET + r")\b")


# a sentence that opens with a concession: its main clause starts after the first comma ("While China says
# it wants a deal, the US raised tariffs")
_OPENING_CONCESSIONS = frozenset({"although", "though", "while", "despite", "even as"})
_OPENING = re.compile(r"[\s\"'\u201c\u2018(.\u2026-]*")


def clause_breaks(folded: str, start: int, end: int) -> list[tuple[int, str]]:
    """Positions (in the whole text) where a new clause starts inside ``[start, end)``, with the word; a
    sentence that opens with a concession has its main clause start at the first comma (word ",").

    >>> f = "we're going to be fine with china, but we have to have a fair deal"
    >>> clause_breaks(f, 0, len(f))
    [(35, 'but')]
    >>> f = "although talks resumed, the us raised tariffs"
    >>> clause_breaks(f, 0, len(f))
    [(0, 'although'), (22, ',')]
    """
    out = [(m.start(), "despite" if m.group() in _DESPITE_FORMS else m.group())
           for m in _CLAUSE.finditer(folded, start, end)]
    if out and out[0][1] in _OPENING_CONCESSIONS:
        opening = _OPENING.match(folded, start)
        assert opening is not None  # (the pattern may match nothing, so it matches everywhere)
        if opening.end() >= out[0][0]:
            limit = out[1][0] if len(out) > 1 else end
            comma = folded.find(",", out[0][0], limit)
            if comma >= 0:
                out.insert(1, (comma, ","))
    # a "despite" phrase inside a sentence ends at a comma: "... tariffs stay despite the truce, firms say"
    k = 1 if out and out[0][1] == "despite" and len(out) > 1 and out[1][1] == "," else 0
    while k < len(out):
        if out[k][1] == "despite":
            limit = out[k + 1][0] if k + 1 < len(out) else end
            comma = folded.find(",", out[k][0], limit)
            if comma >= 0:
                out.insert(k + 1, (comma, PHRASE_END))
        k += 1
    return out


PHRASE_END = ",)"  # the break word of the comma that closes a "despite" phrase inside a sentence
