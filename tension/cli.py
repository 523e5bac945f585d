"""The command line: ``tension explain``, ``tension lexicon check`` (and the pipeline commands).

User errors print one line to stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn, Sequence

from .errors import InputError, LexiconError, TensionError

EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own usage errors: one line, exit 2
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message}\n")


def _cmd_explain(args: argparse.Namespace) -> int:
    from .config import Config
    from .scoring import Scorer

    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise InputError(f"--file {args.file!r} does not exist; pass the path of a text file.")
        text = path.read_text(encoding="utf-8", errors="replace")
    elif args.text is not None:
        text = args.text
    else:
        text = sys.stdin.read()
    scorer = Scorer(lexicon_dir=args.lexicon_dir, config=Config(tone=not args.no_tone),
                    user_lexicons=args.user_lexicon)
    doc = scorer.score(text, speaker=args.speaker, date=args.date)
    if args.json:
        print(doc.to_json(indent=2))
    else:
        print(doc.explain())
    return 0


def _cmd_lexicon_check(args: argparse.Namespace) -> int:
    from .cues import Matcher
    from .lexicon import lexicon_dir, read_lexicon

    if args.base:
        if not args.dir:
            raise InputError("--base needs DIR: the user lexicon folder to check over it.")
        folder = lexicon_dir(None if args.base == "shipped" else args.base)
        overlays = [args.dir]
    else:
        folder = lexicon_dir(args.dir)
        overlays = []
    overlays += args.user_lexicon
    try:
        lex = read_lexicon(folder, overlays)
    except LexiconError as exc:
        for p in exc.problems:
            print(str(p), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    m = Matcher(lex)
    shown = " + ".join([str(folder), *map(str, overlays)])
    print(f"{shown}: OK - version {lex.version}; {len(lex.cues)} cues, {len(lex.aliases)} aliases of "
          f"{len(lex.actors)} actors, {len(lex.modifiers)} modifiers, {len(lex.categories)} categories, "
          f"dyads {', '.join(lex.dyads)}; {m.size} surface forms")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tension", description="US-China and US-North Korea tension index from news text.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__import__('tension').__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    e = sub.add_parser("explain", help="score one text and print each dyad's tension with its evidence")
    e.add_argument("text", nargs="?", help="the text (default: --file, else standard input)")
    e.add_argument("--file", help="read the text from this file")
    e.add_argument("--speaker", help="actor code or alias of who speaks, e.g. USA for a presidential post")
    e.add_argument("--date", help="the document's date, YYYY-MM-DD")
    e.add_argument("--json", action="store_true", help="print the full result as JSON")
    e.add_argument("--no-tone", action="store_true", help="skip the TextBlob tone")
    e.add_argument("--lexicon-dir", help="lexicon folder (default: $TENSION_LEXICON_DIR or the shipped one)")
    e.add_argument("--user-lexicon", action="append", default=[], help="a folder that extends the lexicons")
    e.set_defaults(func=_cmd_explain)

    lx = sub.add_parser("lexicon", help="lexicon tools")
    lsub = lx.add_subparsers(dest="lexicon_command", required=True, parser_class=_Parser)
    c = lsub.add_parser("check", help="lint a lexicon folder and report every problem")
    c.add_argument("dir", nargs="?", help="the folder (default: the shipped lexicons)")
    c.add_argument("--base", help="check DIR as a user lexicon merged over this base folder (use --base shipped "
                                  "for the packaged lexicons)")
    c.add_argument("--user-lexicon", action="append", default=[], help="also merge this folder (repeatable)")
    c.set_defaults(func=_cmd_lexicon_check)

    _add_pipeline_commands(sub)
    return p


def _add_pipeline_commands(sub: argparse._SubParsersAction) -> None:
    try:
        from . import pipeline_cli
    except ImportError:  # pragma: no cover - the pipeline module ships with the package
        return
    pipeline_cli.add_commands(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (InputError, TensionError, TypeError) as exc:
        msg = str(exc).splitlines()[0] if not isinstance(exc, LexiconError) else str(exc).replace("\n", " ")
        print(f"tension: error: {msg}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("tension: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `tension score ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
