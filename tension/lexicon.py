"""Lexicon files: where they are, how they are read, and what they must contain.

A lexicon folder holds five tab-separated files, each opening with ``#`` comment lines (at least a
``# version:`` line) and then a header row:

``categories.tsv``  category, direction, default_mode, description
``actors.tsv``      alias, actor, kind, match, source, note (and optionally in_office: the date ranges a
                    person or administration held office, for names that stop speaking for their actor)
``dyads.tsv``       dyad, side_a, side_b, imply_topics, context_topics, context_dates, no_block, note
                    (and optionally exclude_topics, claims_topics, theatre, tariff_dates, tariff_world_words,
                    exclude_categories)
``cues.tsv``        phrase, category, mode, weight, topic, match, source, note (and optionally names: the actor
                    code and kind a phrase names as a whole, "CHN institution" for "arms sale to Taiwan", which
                    then stands for that actor as an alias of actors.tsv would)
``modifiers.tsv``   phrase, type, value, match, note

The loader is strict: it reads every file to the end, collects every problem (file, line, value, fix) and
raises one :class:`~tension.errors.LexiconError` listing them all.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from .errors import InputError, LexiconError, LexiconProblem
from .text import ZERO_WIDTH

__all__ = ["Lexicon", "Cue", "Alias", "Modifier", "Dyad", "Category", "load_lexicon", "lexicon_dir",
           "ENV_VAR", "MODES", "MODIFIER_TYPES", "ACTOR_KINDS"]

ENV_VAR = "TENSION_LEXICON_DIR"
MODES = ("act", "threat", "statement")
DIRECTIONS = ("escalation", "deescalation", "neutral")
MATCHES = ("inflect", "exact", "case")
MODIFIER_TYPES = ("negator", "reverser", "collapse", "easer", "retraction", "enact", "threat", "modal", "hedge", "obligation", "booster",
                  "diminisher", "historical", "duration", "conditional", "first_person", "exclusion", "impact", "explainer", "request",
                  "standing", "undone", "exception", "left_out", "procedure")
ACTOR_KINDS = ("country", "leader", "official", "negotiator", "capital", "region", "institution", "media", "press", "adjective",
               "handle", "firm", "org", "group")
WEIGHT_RANGE = (-10.0, 10.0)
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,11}$")
_DYAD_RE = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


@dataclass(frozen=True)
class Category:
    name: str
    direction: str
    default_mode: str
    description: str


@dataclass(frozen=True)
class Alias:
    """A name of an actor. ``in_office``: for a person or an administration, the date ranges in which the
    name speaks for its actor (empty: always). Out of office, what the person does or did is domestic
    history ("Obama gave North Korea nukes", said in 2017), not news between the sides."""

    alias: str
    actor: str
    kind: str
    match: str
    line: int = 0
    in_office: tuple[tuple[date, date], ...] = ()

    def serves(self, day: date | None) -> bool:
        """Whether the name speaks for its actor on ``day`` (always when the day or the terms are unknown)."""
        if day is None or not self.in_office:
            return True
        return any(lo <= day <= hi for lo, hi in self.in_office)


@dataclass(frozen=True)
class Dyad:
    """A relationship between two sets of actors, e.g. ``us_china`` = ({USA}, {CHN})."""

    name: str
    side_a: frozenset[str]
    side_b: frozenset[str]
    imply_topics: frozenset[str] = frozenset()
    context_topics: frozenset[str] = frozenset()
    context_dates: tuple[tuple[date, date], ...] = ()
    no_block: frozenset[str] = frozenset()
    exclude_topics: frozenset[str] = frozenset()
    claims_topics: frozenset[str] = frozenset()
    theatre: frozenset[str] = frozenset()  # allies whose naming beside side A under imply_topics implies side B
    # the periods when a tariff step named in news with no partner is this dyad's, and the words that put such a
    # step on the world or on another partner's goods all the same
    tariff_dates: tuple[tuple[date, date], ...] = ()
    tariff_world_words: frozenset[str] = frozenset()
    # cue categories that never count for the dyad, whatever their topic (tariffs for US-North Korea)
    exclude_categories: frozenset[str] = frozenset()

    def side_of(self, actor: str) -> str | None:
        if actor in self.side_a:
            return "a"
        if actor in self.side_b:
            return "b"
        return None

    def in_context_period(self, day: date | None) -> bool:
        if day is None or not self.context_dates:
            return True
        return any(lo <= day <= hi for lo, hi in self.context_dates)

    def in_tariff_period(self, day: date | None) -> bool:
        """Whether a tariff step named alone on ``day`` may be this dyad's (never on an unknown day)."""
        return day is not None and any(lo <= day <= hi for lo, hi in self.tariff_dates)


@dataclass(frozen=True)
class Cue:
    phrase: str
    category: str
    mode: str
    weight: float
    topic: str
    match: str
    source: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Modifier:
    phrase: str
    type: str
    value: float
    match: str
    line: int = 0


@dataclass(frozen=True)
class Lexicon:
    """A validated set of lexicon tables. Build with :func:`load_lexicon`."""

    path: str
    version: str
    categories: dict[str, Category]
    aliases: tuple[Alias, ...]
    dyads: dict[str, Dyad]
    cues: tuple[Cue, ...]
    modifiers: tuple[Modifier, ...]
    actors: frozenset[str] = field(default_factory=frozenset)

    @property
    def topics(self) -> frozenset[str]:
        return frozenset(c.topic for c in self.cues)


# ---------------------------------------------------------------------------------------------------------
# Where the lexicons are


def lexicon_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the lexicon folder: an explicit ``path``, else ``$TENSION_LEXICON_DIR``, else the packaged copy.

    This is the one place that knows where the shipped lexicons live: inside the installed package
    (``tension/lexicons``, put there by the wheel build) or, in a source checkout, the ``lexicons/`` folder
    beside the package.
    """
    if path is not None:
        p = Path(path)
        if not p.is_dir():
            raise InputError(f"lexicon_dir={str(path)!r} is not a folder; pass a folder holding cues.tsv, "
                             "actors.tsv, dyads.tsv, categories.tsv and modifiers.tsv.")
        return p
    env = os.environ.get(ENV_VAR)
    if env:
        p = Path(env)
        if not p.is_dir():
            raise InputError(f"${ENV_VAR}={env!r} is not a folder; unset it or point it at a lexicon folder.")
        return p
    packaged = resources.files("tension") / "lexicons"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(str(resources.files("tension"))).parent / "lexicons"
    if checkout.is_dir():
        return checkout
    raise InputError("no lexicon folder found: the installed package lacks tension/lexicons; reinstall "
                     f"tension or set ${ENV_VAR}.")


# ---------------------------------------------------------------------------------------------------------
# Reading


_FILES = {
    "categories.tsv": ("category", "direction", "default_mode", "description"),
    "actors.tsv": ("alias", "actor", "kind", "match", "source", "note"),
    "dyads.tsv": ("dyad", "side_a", "side_b", "imply_topics", "context_topics", "context_dates", "no_block",
                  "note"),
    "cues.tsv": ("phrase", "category", "mode", "weight", "topic", "match", "source", "note"),
    "modifiers.tsv": ("phrase", "type", "value", "match", "note"),
}


class Loc(int):
    """A line number that remembers its file (rows of a merged lexicon come from several folders)."""

    file: str

    def __new__(cls, line: int, file: str) -> "Loc":
        obj = super().__new__(cls, line)
        obj.file = file
        return obj

    def __reduce__(self) -> tuple[type, tuple[int, str]]:  # pickles (a Scorer sent to another process)
        return (Loc, (int(self), self.file))


_KEYS = {
    "categories.tsv": lambda r: r.get("category", ""),
    "actors.tsv": lambda r: (r.get("alias", "") if (r.get("match") or "exact") == "case" else r.get("alias", "").lower(),
                             r.get("match") or "exact"),
    "dyads.tsv": lambda r: r.get("dyad", ""),
    "cues.tsv": lambda r: r.get("phrase", "").lower(),
    # (a case-sensitive phrase keeps its capitals; the key is the phrase alone, so a user lexicon overrides or
    # removes a packaged modifier without restating how it matches)
    "modifiers.tsv": lambda r: r.get("phrase", "") if r.get("match") == "case" else r.get("phrase", "").lower(),
}
# the column whose value REMOVE deletes a row of the packaged lexicon
_REMOVE_COLUMN = {"actors.tsv": "actor", "cues.tsv": "category", "modifiers.tsv": "type", "dyads.tsv": "side_a"}
REMOVE = "REMOVE"


class _Reader:
    """Reads the files of a lexicon folder, then of each overlay folder, merging rows by key: an overlay row
    replaces the packaged row with the same key (phrase, alias, category or dyad), adds a new one, or deletes
    one when its category/type/actor is REMOVE. Duplicates inside one file are errors."""

    def __init__(self, folder: Path, overlays: Sequence[Path] = ()):
        self.folder = folder
        self.overlays = list(overlays)
        self.problems: list[LexiconProblem] = []
        self.versions: dict[str, str] = {}
        self.overlay_versions: dict[str, list[str]] = {}

    def problem(self, name: str, line: int, message: str, fix: str = "") -> None:
        file = getattr(line, "file", None) or str(self.folder / name)
        self.problems.append(LexiconProblem(file, int(line), message, fix))

    def rows(self, name: str) -> Iterator[tuple[int, dict[str, str]]]:
        merged: dict[Any, tuple[Loc, dict[str, str]]] = {}
        key = _KEYS[name]
        for i, folder in enumerate([self.folder, *self.overlays]):
            overlay = i > 0
            path = folder / name
            if overlay and not path.is_file():
                continue  # an overlay holds only the files it changes
            seen: dict[Any, int] = {}
            versions: dict[str, str] = {}
            for ln, row in self._file_rows(path, name, versions, required=not overlay):
                k = key(row)
                loc = Loc(ln, str(path))
                if k in seen:
                    self.problem(name, loc, f"duplicate key {_show(k)} (first on line {seen[k]})",
                                 "keep one row per key")
                    continue
                seen[k] = ln
                if overlay and row.get(_REMOVE_COLUMN.get(name, ""), "") == REMOVE:
                    if k not in merged:
                        self.problem(name, loc, f"{_show(k)} is marked {REMOVE} but is not in the lexicon it extends",
                                     "remove the row or fix the key")
                    merged.pop(k, None)
                    continue
                merged.pop(k, None)  # an override takes the place of the packaged row, at the end
                merged[k] = (loc, row)
            if overlay:
                if "version" in versions and versions["version"] not in self.overlay_versions.get(str(folder), []):
                    self.overlay_versions.setdefault(str(folder), []).append(versions["version"])
            elif "version" in versions:
                self.versions[name] = versions["version"]
        for loc, row in merged.values():
            yield loc, row

    def _file_rows(self, path: Path, name: str, versions: dict[str, str], required: bool
                   ) -> Iterator[tuple[int, dict[str, str]]]:
        columns = _FILES[name]
        where = Loc(0, str(path))
        if not path.is_file():
            if required:
                self.problem(name, where, "file is missing", f"add {name} with header: {' '.join(columns)}")
            return
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.problem(name, where, f"not UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
            return
        header: list[str] | None = None
        for lineno, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*version\s*:\s*(\S+)", line)
                if m:
                    versions["version"] = m.group(1)
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    self.problem(name, Loc(lineno, str(path)), f"header lacks column(s) {', '.join(missing)}",
                                 f"use the header: {chr(9).join(columns)} (tab-separated)")
                    return
                continue
            if len(cells) > len(header):
                self.problem(name, Loc(lineno, str(path)), f"{len(cells)} cells but the header has {len(header)}",
                             "remove stray tabs")
                continue
            cells += [""] * (len(header) - len(cells))
            yield lineno, {h: c.strip() for h, c in zip(header, cells)}
        if header is None:
            self.problem(name, where, "no header row", f"add the header: {chr(9).join(columns)}")
        if "version" not in versions:
            self.problem(name, Loc(1, str(path)), "no '# version:' comment",
                         "start the file with '# version: 2026.1' or similar")


def _show(key: Any) -> str:
    return repr(key[0]) if isinstance(key, tuple) else repr(key)


_FUNCTION_WORDS = frozenset("a an the of on in to and or for by at from with as is are was be it this that".split())


def _phrase_ok(phrase: str, allow_single: bool = False) -> str | None:
    if not phrase:
        return "empty phrase"
    if phrase != phrase.strip() or "  " in phrase:
        return f"phrase {phrase!r} has extra spaces"
    if len(phrase) > 80:
        return f"phrase {phrase[:30]!r}... is longer than 80 characters"
    if not any(c.isalnum() for c in phrase):
        return f"phrase {phrase!r} has no letter or digit"
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or c in "\u200b\u200c\u200d\u2060\ufeff" for c in phrase):
        return f"phrase {phrase!r} holds control or invisible characters"
    words = phrase.split(" ")
    if len(words) > 8:
        return f"phrase {phrase[:30]!r}... has {len(words)} words; at most 8"
    if all(w.lower() in _FUNCTION_WORDS for w in words):
        return f"phrase {phrase!r} is only function words and would match nearly every sentence"
    if len(phrase) < 2 and not allow_single:
        return f"phrase {phrase!r} is a single character"
    return None


def _number(r: _Reader, name: str, lineno: int, col: str, raw: str, lo: float, hi: float) -> float | None:
    try:
        v = float(raw)
    except ValueError:
        r.problem(name, lineno, f"{col} {raw!r} is not a number", f"write a number between {lo:g} and {hi:g}")
        return None
    if not (lo <= v <= hi) or v != v:
        r.problem(name, lineno, f"{col} {v:g} is outside [{lo:g}, {hi:g}]", "use a value inside the range")
        return None
    return v


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _parse_dates(cell: str) -> tuple[tuple[date, date], ...]:
    """``YYYY-MM-DD:YYYY-MM-DD|...`` -> ranges, both ends included; an empty end is open ("2025-01-20:")."""
    out = []
    for part in _split(cell):
        lo, sep, hi = part.partition(":")
        if not sep:
            raise ValueError(part)
        out.append((date.fromisoformat(lo), date.fromisoformat(hi) if hi else date.max))
    return tuple(out)


def read_lexicon(folder: str | os.PathLike[str], overlays: Sequence[str | os.PathLike[str]] = ()) -> Lexicon:
    """Read and validate every file in ``folder`` (merged with each overlay folder in turn, see
    :class:`_Reader`); raise :class:`LexiconError` listing all problems."""
    folder = Path(folder)
    overlay_paths = []
    for o in overlays:
        op = Path(o)
        if not op.is_dir():
            raise InputError(f"user lexicon {str(o)!r} is not a folder; pass a folder holding some of "
                             f"{', '.join(_FILES)}.")
        if not any((op / n).is_file() for n in _FILES):
            raise InputError(f"user lexicon {str(o)!r} holds none of {', '.join(_FILES)}.")
        overlay_paths.append(op)
    r = _Reader(folder, overlay_paths)

    categories: dict[str, Category] = {}
    for ln, row in r.rows("categories.tsv"):
        name = row["category"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            r.problem("categories.tsv", ln, f"category {name!r} is not a lowercase identifier",
                      "use letters, digits and underscores")
            continue
        if row["direction"] not in DIRECTIONS:
            r.problem("categories.tsv", ln, f"direction {row['direction']!r} is unknown",
                      f"use one of {', '.join(DIRECTIONS)}")
            continue
        if row["default_mode"] not in MODES:
            r.problem("categories.tsv", ln, f"default_mode {row['default_mode']!r} is unknown",
                      f"use one of {', '.join(MODES)}")
            continue
        categories[name] = Category(name, row["direction"], row["default_mode"], row["description"])

    aliases: list[Alias] = []
    for ln, row in r.rows("actors.tsv"):
        alias, actor, kind, match = row["alias"], row["actor"], row["kind"], row["match"] or "exact"
        bad = _phrase_ok(alias)
        if bad:
            r.problem("actors.tsv", ln, bad, "write the alias as it appears in text")
            continue
        if not _CODE_RE.match(actor):
            r.problem("actors.tsv", ln, f"actor code {actor!r} is not an upper-case code", "use codes like USA, CHN")
            continue
        if kind not in ACTOR_KINDS:
            r.problem("actors.tsv", ln, f"kind {kind!r} is unknown", f"use one of {', '.join(ACTOR_KINDS)}")
            continue
        if match not in ("exact", "case"):
            r.problem("actors.tsv", ln, f"match {match!r} is unknown for an alias",
                      "use 'exact' (any case) or 'case' (case-sensitive, e.g. US vs us)")
            continue
        try:
            terms = _parse_dates(row.get("in_office", ""))
        except ValueError:
            r.problem("actors.tsv", ln, f"in_office {row['in_office']!r} is not a list of date ranges",
                      "write YYYY-MM-DD:YYYY-MM-DD ranges separated by | (an open end: YYYY-MM-DD:), or leave it empty")
            continue
        aliases.append(Alias(alias if match == "case" else alias.lower(), actor, kind, match, ln, terms))
    actor_codes = frozenset(a.actor for a in aliases)

    dyads: dict[str, Dyad] = {}
    for ln, row in r.rows("dyads.tsv"):
        name = row["dyad"]
        if not _DYAD_RE.match(name):
            r.problem("dyads.tsv", ln, f"dyad name {name!r} is not a lowercase identifier", "e.g. us_china")
            continue
        sides = []
        ok = True
        for col in ("side_a", "side_b", "no_block", "theatre"):
            codes = frozenset(_split(row.get(col, "")))
            unknown = sorted(codes - actor_codes)
            if unknown:
                r.problem("dyads.tsv", ln, f"{col} names unknown actor(s) {', '.join(unknown)}",
                          "add aliases for them in actors.tsv or fix the code")
                ok = False
            sides.append(codes)
        if ok and (not sides[0] or not sides[1] or sides[0] & sides[1]):
            r.problem("dyads.tsv", ln, "side_a and side_b must be non-empty and disjoint", "list actor codes with |")
            ok = False
        periods = []
        for col in ("context_dates", "tariff_dates"):
            try:
                periods.append(_parse_dates(row.get(col, "")))
            except ValueError:
                r.problem("dyads.tsv", ln, f"{col} {row[col]!r} is not a list of ranges",
                          "write YYYY-MM-DD:YYYY-MM-DD ranges separated by |")
                ok = False
                periods.append(())
        world = frozenset(w.lower() for w in _split(row.get("tariff_world_words", "")))
        if any(" " in w for w in world):
            r.problem("dyads.tsv", ln, "tariff_world_words holds a phrase; it takes single words",
                      "split the phrase into its words (each puts the step on the world alone)")
            ok = False
        left_out = frozenset(_split(row.get("exclude_categories", "")))
        for cat_name in sorted(left_out - categories.keys()):
            r.problem("dyads.tsv", ln, f"exclude_categories names {cat_name!r}, which is no category",
                      "use a category of categories.tsv (or add it there)")
            ok = False
        if ok:
            dyads[name] = Dyad(name, sides[0], sides[1], frozenset(_split(row["imply_topics"])),
                               frozenset(_split(row["context_topics"])), periods[0], sides[2],
                               frozenset(_split(row.get("exclude_topics", ""))),
                               frozenset(_split(row.get("claims_topics", ""))), sides[3], periods[1], world,
                               left_out)

    cues: list[Cue] = []
    named: list[Alias] = []  # the aliases that cues stand for (their names column)
    alias_keys = frozenset(a.alias.lower() for a in aliases)
    seen_cue: dict[str, int] = {}  # where each cue is, to report a phrase that is also a modifier
    # (duplicates inside a file are reported when the rows are merged, see _Reader.rows)
    for ln, row in r.rows("cues.tsv"):
        phrase = row["phrase"].lower()
        bad = _phrase_ok(phrase)
        if bad:
            r.problem("cues.tsv", ln, bad, "write the phrase in its base form")
            continue
        cat = categories.get(row["category"])
        if cat is None:
            r.problem("cues.tsv", ln, f"unknown category {row['category']!r}", "add it to categories.tsv or fix it")
            continue
        mode = row["mode"] or cat.default_mode
        if mode not in MODES:
            r.problem("cues.tsv", ln, f"mode {mode!r} is unknown", f"use one of {', '.join(MODES)}")
            continue
        w = _number(r, "cues.tsv", ln, "weight", row["weight"], *WEIGHT_RANGE)
        if w is None:
            continue
        if (cat.direction == "escalation" and w <= 0) or (cat.direction == "deescalation" and w >= 0) or (
                cat.direction == "neutral" and w != 0):
            r.problem("cues.tsv", ln, f"weight {w:g} contradicts category {cat.name!r} ({cat.direction})",
                      "escalation weights are > 0, de-escalation < 0, neutral 0")
            continue
        match = row["match"] or "inflect"
        if match not in ("inflect", "exact", "gap"):
            r.problem("cues.tsv", ln, f"match {match!r} is unknown", "use 'inflect', 'exact' or 'gap'")
            continue
        if not row["topic"]:
            r.problem("cues.tsv", ln, "topic is empty", "use trade, tradewar, tech, security, diplomacy or general")
            continue
        names = row.get("names", "").split()
        if names:
            # the actor the phrase names as a whole, as an alias would ("arms sale to Taiwan" names China, to
            # which it is aimed, not Taiwan): written once here instead of again in actors.tsv
            code, kind = names[0], names[1] if len(names) > 1 else "institution"
            if len(names) > 2 or code not in actor_codes or kind not in ACTOR_KINDS:
                r.problem("cues.tsv", ln, f"names {row['names']!r} is not an actor code of actors.tsv and a kind",
                          f"write e.g. 'CHN institution' (kinds: {', '.join(ACTOR_KINDS)}), or leave it empty")
                continue
            if phrase in alias_keys:
                r.problem("cues.tsv", ln, f"{phrase!r} is also an alias in actors.tsv",
                          "name its actor in one place: the cue's names column, or the alias row")
                continue
            named.append(Alias(phrase, code, kind, "exact", ln))
        seen_cue[phrase] = ln
        cues.append(Cue(phrase, cat.name, mode, w, row["topic"], match, row["source"], row["note"], ln))
    aliases.extend(named)

    modifiers: list[Modifier] = []
    for ln, row in r.rows("modifiers.tsv"):
        # a case-sensitive phrase keeps its capitals ("Best Buy" the retailer, not "best buy")
        phrase = row["phrase"] if row["match"] == "case" else row["phrase"].lower()
        bad = _phrase_ok(phrase, allow_single=True)
        if bad:
            r.problem("modifiers.tsv", ln, bad, "write the phrase as it appears in text")
            continue
        last = phrase.lower().rsplit(" ", 1)[-1]
        if row["type"] != "exclusion" and " " in phrase and last in ZERO_WIDTH:
            r.problem("modifiers.tsv", ln, f"{phrase!r} ends in {last!r}, which the windows count as no word, so "
                      "it would not reach the word after it", "end the phrase at the word before")
            continue
        if row["type"] not in MODIFIER_TYPES:
            r.problem("modifiers.tsv", ln, f"type {row['type']!r} is unknown",
                      f"use one of {', '.join(MODIFIER_TYPES)}")
            continue
        if phrase.lower() in seen_cue:
            first = seen_cue[phrase.lower()]
            r.problem("modifiers.tsv", ln, f"{phrase!r} is also a cue ({getattr(first, 'file', 'cues.tsv')}:{int(first)})",
                      "a phrase is either a cue or a modifier")
            continue
        v = _number(r, "modifiers.tsv", ln, "value", row["value"] or "1", -10.0, 10.0)
        if v is None:
            continue
        match = row["match"] or "exact"
        if match not in MATCHES:
            r.problem("modifiers.tsv", ln, f"match {match!r} is unknown", f"use one of {', '.join(MATCHES)}")
            continue
        modifiers.append(Modifier(phrase, row["type"], v, match, ln))

    if not dyads and not any(p.file.endswith("dyads.tsv") for p in r.problems):
        r.problem("dyads.tsv", 0, "no dyad defined", "add at least one row, e.g. us_china USA CHN")
    versions = sorted(set(r.versions.values()))
    if len(versions) > 1:
        r.problem("cues.tsv", 1, f"files carry different versions {', '.join(versions)}",
                  "give every file of a lexicon folder the same '# version:'")
    if r.problems:
        raise LexiconError(r.problems)
    extra = ["/".join(v) for v in r.overlay_versions.values()]
    version = "+".join([versions[0], *extra]) if versions else "?"
    return Lexicon(str(folder), version, categories, tuple(aliases), dyads, tuple(cues), tuple(modifiers),
                   actor_codes)


@lru_cache(maxsize=8)
def _load_cached(folder: str, overlays: tuple[str, ...], mtime_key: tuple[float, ...]) -> Lexicon:
    return read_lexicon(folder, overlays)


def load_lexicon(path: str | os.PathLike[str] | None = None,
                 overlays: Sequence[str | os.PathLike[str]] = ()) -> Lexicon:
    """Load (and cache) the lexicon folder resolved by :func:`lexicon_dir`, merged with ``overlays``."""
    folder = lexicon_dir(path).resolve()
    extra = tuple(str(Path(o).resolve()) for o in overlays)
    key = tuple((Path(d) / n).stat().st_mtime if (Path(d) / n).exists() else 0.0
                for d in (str(folder), *extra) for n in sorted(_FILES))
    return _load_cached(str(folder), extra, key)
