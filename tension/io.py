"""Reading article tables in chunks and writing outputs atomically.

Inputs: ``.csv``, ``.csv.gz`` (or any compression pandas infers), ``.tsv``, ``.jsonl`` / ``.ndjson``
(optionally gzipped), ``.parquet`` (needs the ``parquet`` extra), and ``-`` for CSV on standard input.
Outputs: the same formats by extension, ``-`` for CSV on standard output. A file output is written to a
temporary file beside the target and renamed into place when complete, so an interrupted run never leaves
a half-written file behind.
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

import pandas as pd

from .errors import InputError

__all__ = ["ColumnSpec", "resolve_columns", "read_chunks", "TableWriter", "open_writer", "detect_format"]

TEXT_NAMES = ("text", "body", "content", "article", "story", "full_text", "message", "post", "tweet")
TITLE_NAMES = ("title", "headline", "head", "subject")
DATE_NAMES = ("date", "published", "published_at", "publish_date", "pubdate", "timestamp", "datetime", "time",
              "created_at", "datetime_utc")
ID_NAMES = ("id", "doc_id", "article_id", "uid", "guid", "url")
SOURCE_NAMES = ("source", "outlet", "publisher", "site", "domain", "feed", "newspaper")
SPEAKER_NAMES = ("speaker", "author", "user", "screen_name", "handle")


def detect_format(path: str) -> str:
    """"csv", "jsonl" or "parquet" from a path's extension (compression suffixes ignored)."""
    if path == "-":
        return "csv"
    name = path.lower()
    for suffix in (".gz", ".bz2", ".xz", ".zst", ".zip"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".tsv", ".txt")):
        return "csv"
    raise InputError(f"cannot tell the format of {path!r} from its extension; use .csv, .csv.gz, .tsv, .jsonl "
                     "or .parquet (or - for CSV on standard input/output).")


@dataclass
class ColumnSpec:
    """Which input columns feed the scorer."""

    text: list[str]
    date: str | None = None
    id: str | None = None
    source: str | None = None
    speaker: str | None = None
    speaker_value: str | None = None  # one speaker for every row (``--speaker USA``)
    notes: list[str] = field(default_factory=list)


def _find(columns: Sequence[str], names: Sequence[str]) -> str | None:
    lower = {c.lower().strip(): c for c in columns}
    for n in names:
        if n in lower:
            return lower[n]
    return None


def _need(columns: Sequence[str], name: str, option: str) -> str:
    if name in columns:
        return name
    raise InputError(f"column {name!r} (from {option}) is not in the input; columns present: "
                     f"{', '.join(map(str, columns)) or '(none)'}.")


def resolve_columns(columns: Sequence[str], text: Sequence[str] | str | None = None, date: str | None = None,
                    id: str | None = None, source: str | None = None, speaker_col: str | None = None,
                    speaker: str | None = None) -> ColumnSpec:
    """Match the options to the input's columns, recognizing common names when an option is not given."""
    columns = [str(c) for c in columns]
    if isinstance(text, str):
        text = [text]
    if text:
        text_cols = [_need(columns, t, "--text-col") for t in text]
    else:
        title = _find(columns, TITLE_NAMES)
        body = _find(columns, TEXT_NAMES)
        text_cols = [c for c in (title, body) if c]
        if not text_cols:
            raise InputError(f"no text column found; columns present: {', '.join(columns) or '(none)'}. "
                             "Name it with --text-col COLUMN (repeat it to join title and body).")
    spec = ColumnSpec(text_cols)
    spec.date = _need(columns, date, "--date-col") if date else _find(columns, DATE_NAMES)
    spec.id = _need(columns, id, "--id-col") if id else _find(columns, ID_NAMES)
    spec.source = _need(columns, source, "--source-col") if source else _find(columns, SOURCE_NAMES)
    if speaker_col:
        spec.speaker = _need(columns, speaker_col, "--speaker-col")
    elif speaker:
        spec.speaker_value = speaker
    else:
        spec.speaker = _find(columns, SPEAKER_NAMES)
    if spec.date is None:
        spec.notes.append("no date column: rows are scored but cannot be indexed over time (use --date-col)")
    return spec


# ---------------------------------------------------------------------------------------------------------
# Reading


@dataclass
class BadRow:
    """An input row that could not be read: where it is, why, and its raw content (clipped)."""

    line: int
    error: str
    raw: str


@dataclass
class Chunk:
    """A block of input rows (every cell a string), the rows that could not be read, and the progress."""

    frame: pd.DataFrame
    bad: list[BadRow]
    position: int  # bytes read so far (approximate; 0 when unknown)
    rows: int  # input data rows this chunk accounts for: len(frame) + len(bad)


@dataclass
class Decoding:
    encoding: str
    note: str = ""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def sniff_encoding(sample: bytes) -> Decoding:
    """UTF-8 (with or without BOM), UTF-16 by its BOM, else Windows-1252 (a superset of Latin-1)."""
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return Decoding(enc)
    try:
        sample.decode("utf-8")
        return Decoding("utf-8")
    except UnicodeDecodeError as exc:
        if len(sample) >= 65536 and exc.start >= len(sample) - 3:  # a character cut by the end of the sample
            return Decoding("utf-8")
    if sample[:200].count(b"\x00") > 20:
        # UTF-16 without a BOM: every other byte of ASCII text is zero
        return Decoding("utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be",
                        "decoded as UTF-16 without a byte-order mark")
    return Decoding("cp1252", "not valid UTF-8: decoded as Windows-1252/Latin-1 (use --encoding to choose)")


def sniff_delimiter(first_line: str, path: str) -> str:
    """The delimiter that splits the header best among , ; tab |."""
    if path.lower().removesuffix(".gz").endswith(".tsv"):
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 0 else ","


def _dedupe(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, h in enumerate(header):
        name = h.strip() or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _open_binary(path: str, stdin: IO[bytes] | None) -> tuple[Any, Any]:
    """(stream, raw handle whose tell() is the progress)."""
    if path == "-":
        h = stdin if stdin is not None else sys.stdin.buffer
        return h, None
    raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    if path.lower().endswith(".gz"):
        import gzip

        return gzip.GzipFile(fileobj=raw), raw
    if path.lower().endswith((".bz2", ".xz", ".zst", ".zip")):
        raw.close()
        raise InputError(f"{path!r}: only .gz compression is read in streaming mode; decompress the file first.")
    return raw, raw


def read_table(path: str, chunksize: int = 2000, stdin: IO[bytes] | None = None, encoding: str | None = None,
               delimiter: str | None = None, skip_rows: int = 0, info: dict[str, Any] | None = None
               ) -> Iterator[Chunk]:
    """Stream an input table in chunks, never losing a row: unreadable rows come back as :class:`BadRow`.

    CSV: the delimiter and the encoding are sniffed unless given; quoted newlines, CRLF, a BOM, NUL bytes
    and fields of any size are read; a row with fewer fields than the header is padded (and noted in
    ``info["ragged_short"]``), a row with more is a bad row. JSON Lines: a line that is not a JSON object is
    a bad row. ``skip_rows`` skips that many data rows first (to resume a run).
    """
    info = info if info is not None else {}
    fmt = detect_format(path)
    if path != "-" and not Path(path).is_file():
        raise InputError(f"input file {path!r} does not exist.")
    if fmt == "parquet":
        done = 0
        for df, pos in _read_parquet(path, chunksize):
            if done + len(df) <= skip_rows:
                done += len(df)
                continue
            if done < skip_rows:
                df = df.iloc[skip_rows - done:]
            done += len(df)
            yield Chunk(df, [], pos, len(df))
        return
    stream, raw = _open_binary(path, stdin)
    try:
        head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
        dec = Decoding(encoding) if encoding else sniff_encoding(head)
        if dec.note:
            info["encoding_note"] = dec.note
        info["encoding"] = dec.encoding
        text = io.TextIOWrapper(stream, encoding=dec.encoding, errors="replace", newline="")
        reader = _jsonl_rows(text) if fmt == "jsonl" else _csv_rows(text, path, delimiter, info)
        header: list[str] | None = None
        rows: list[list[str]] = []
        bad: list[BadRow] = []
        seen = 0
        for item in reader:
            if header is None:
                header = item  # the first item is the header (for JSON Lines: the first object's keys)
                continue
            line, cells, error = item
            seen += 1
            if seen <= skip_rows:
                continue
            if error:
                bad.append(BadRow(line, error, _clip(cells)))
            else:
                rows.append(cells)
            if len(rows) + len(bad) >= chunksize:
                yield Chunk(pd.DataFrame(rows, columns=header, dtype=str), bad, raw.tell() if raw else 0,
                            len(rows) + len(bad))
                rows, bad = [], []
        if header is None:
            raise InputError(f"input {path!r} is empty: it has no header row.")
        if rows or bad or seen == 0 or seen <= skip_rows:
            yield Chunk(pd.DataFrame(rows, columns=header, dtype=str), bad, raw.tell() if raw else 0,
                        len(rows) + len(bad))
    finally:
        if raw is not None:
            raw.close()


def _clip(cells: Any, n: int = 2000) -> str:
    text = cells if isinstance(cells, str) else ",".join(map(str, cells))
    return text if len(text) <= n else text[:n] + f"... [{len(text):,} characters]"


def _csv_rows(text: IO[str], path: str, delimiter: str | None, info: dict[str, Any]) -> Iterator[Any]:
    import csv

    csv.field_size_limit(sys.maxsize)  # a 100 MB article is a field like any other
    first = text.readline()
    if not first:
        raise InputError(f"input {path!r} is empty: it has no header row.")
    first = first.lstrip("\ufeff")
    delim = delimiter or sniff_delimiter(first, path)
    info["delimiter"] = delim
    header = _dedupe(next(csv.reader([first], delimiter=delim)))
    yield header
    width = len(header)
    reader = csv.reader(text, delimiter=delim)
    short = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # pragma: no cover - the non-strict reader rarely raises
            yield reader.line_num + 1, "", f"unreadable CSV: {exc}"
            continue
        if not cells:
            continue  # a blank line is not a row
        line = reader.line_num + 1  # the header line was read before the reader started counting
        if len(cells) > width:
            yield line, cells, (f"{len(cells)} fields where the header has {width}; quote fields that contain "
                                f"the delimiter {delim!r}")
            continue
        if len(cells) < width:
            short += 1
            info["ragged_short"] = short
            cells = cells + [""] * (width - len(cells))
        yield line, cells, ""


def _jsonl_rows(text: IO[str]) -> Iterator[Any]:
    header: list[str] | None = None
    pending: list[tuple[int, dict[str, Any]]] = []
    for lineno, line in enumerate(text, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"a JSON {type(obj).__name__}, not an object")
        except ValueError as exc:
            if header is None:
                pending.append((lineno, {"__bad__": f"not a JSON object: {exc}", "__raw__": line.rstrip()}))
                continue
            yield lineno, line.rstrip(), f"not a JSON object: {exc}"
            continue
        if header is None:
            header = [str(k) for k in obj]
            yield header
            for ln, o in pending:
                yield ln, o["__raw__"], o["__bad__"]
            pending = []
        yield lineno, [_cell(obj.get(k)) for k in header], ""
    if header is None:
        yield ["text"]
        for ln, o in pending:
            yield ln, o["__raw__"], o["__bad__"]


def _cell(v: Any) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return v if isinstance(v, str) else json.dumps(v) if isinstance(v, (dict, list)) else str(v)


def read_chunks(path: str, chunksize: int = 2000, stdin: IO[bytes] | None = None
                ) -> Iterator[tuple[pd.DataFrame, int]]:
    """Yield ``(chunk, bytes_read_so_far)`` of a clean table (our own outputs); unreadable rows raise."""
    for chunk in read_table(path, chunksize=chunksize, stdin=stdin):
        if chunk.bad:
            b = chunk.bad[0]
            raise InputError(f"{path!r} line {b.line}: {b.error}.")
        yield chunk.frame, chunk.position


def _compressed(path: str) -> bool:
    return path.lower().endswith((".gz", ".bz2", ".xz", ".zst", ".zip"))


def _stringify(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        out[c] = out[c].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))
    out.columns = [str(c) for c in out.columns]
    return out


def _read_parquet(path: str, chunksize: int) -> Iterator[tuple[pd.DataFrame, int]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the extra
        raise InputError("reading .parquet needs pyarrow: pip install 'tension[parquet]'.") from None
    f = pq.ParquetFile(path)
    done = 0
    total = max(f.metadata.num_rows, 1)
    size = os.path.getsize(path)
    for batch in f.iter_batches(batch_size=chunksize):
        df = _stringify(batch.to_pandas())
        done += len(df)
        yield df, int(size * done / total)


# ---------------------------------------------------------------------------------------------------------
# Writing


class TableWriter:
    """Append DataFrames to one output; ``close()`` renames the finished file into place."""

    def __init__(self, path: str, columns: Sequence[str] | None = None, resume_at: int | None = None):
        self.path = path
        self.fmt = detect_format(path)
        self.columns = list(columns) if columns is not None else None
        self.rows = 0
        self._pq: Any = None  # a pyarrow.parquet.ParquetWriter once a parquet output has its first rows
        self._tmp: str | None = None
        self._header_done = False
        if path == "-":
            self._fh: Any = sys.stdout
            return
        target = Path(path)
        if target.parent and not target.parent.exists():
            raise InputError(f"output folder {str(target.parent)!r} does not exist; create it first.")
        self._tmp = str(part_path(path))
        if resume_at is not None:
            # continue a run: keep what the last checkpoint covered, drop anything written after it
            if self.fmt == "parquet" or _compressed(path):
                raise InputError(f"--resume needs a plain .csv or .jsonl output, not {path!r}.")
            with open(self._tmp, "r+b") as f:
                f.truncate(resume_at)
            self._fh = open(self._tmp, "a", encoding="utf-8", newline="")  # noqa: SIM115
            self._header_done = resume_at > 0
            return
        with open(self._tmp, "wb"):
            pass
        os.chmod(self._tmp, 0o666 & ~_umask())
        if self.fmt == "parquet":
            self._fh = None
        elif _compressed(path):
            import gzip

            self._fh = io.TextIOWrapper(gzip.open(self._tmp, "wb"), encoding="utf-8", newline="")
        else:
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def checkpoint(self) -> int:
        """Flush and return the number of bytes written so far (for a resumable run)."""
        if self._fh is None or self._fh is sys.stdout:
            return 0
        if not self._header_done and self.columns is not None:
            self.write(pd.DataFrame(columns=self.columns))
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return os.path.getsize(self._tmp) if self._tmp else 0

    def write(self, df: pd.DataFrame) -> None:
        if self.columns is not None:
            df = df.reindex(columns=self.columns)
        if self.fmt == "parquet":
            self._write_parquet(df)
        elif self.fmt == "jsonl":
            if len(df):
                text = df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
                self._fh.write(text if text.endswith("\n") else text + "\n")
        else:
            df.to_csv(self._fh, index=False, header=not self._header_done, lineterminator="\n")
        self._header_done = True
        self.rows += len(df)

    def _write_parquet(self, df: pd.DataFrame) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover
            raise InputError("writing .parquet needs pyarrow: pip install 'tension[parquet]'.") from None
        table = pa.Table.from_pandas(df, preserve_index=False)
        if self._pq is None:
            self._pq = pq.ParquetWriter(self._tmp, table.schema)
        else:
            table = table.cast(self._pq.schema)
        self._pq.write_table(table)

    def close(self) -> None:
        """Finish the file and move it into place (an empty input still gets its header)."""
        if not self._header_done and self.columns is not None:
            self.write(pd.DataFrame(columns=self.columns))
        if self.fmt == "parquet":
            if self._pq is not None:
                self._pq.close()
        elif self._fh is not sys.stdout:
            self._fh.close()
        else:
            self._fh.flush()
        if self._tmp is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Drop the partial file; the target keeps whatever it held before."""
        try:
            if self._fh not in (None, sys.stdout):
                self._fh.close()
            if self._pq is not None:
                self._pq.close()
        finally:
            if self._tmp is not None and os.path.exists(self._tmp):
                os.unlink(self._tmp)
            self._tmp = None

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            self.close()
        else:
            self.abort()


def part_path(path: str) -> Path:
    """Where an output is written before it is complete: a hidden file beside the target."""
    target = Path(path)
    return target.with_name(f".{target.name}.part")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def open_writer(path: str, columns: Sequence[str] | None = None) -> TableWriter:
    return TableWriter(path, columns)


def read_frame(path: str, chunksize: int = 200_000) -> pd.DataFrame:
    """A whole clean table (one of our own outputs) as one DataFrame of strings."""
    return pd.concat([c for c, _ in read_chunks(path, chunksize=chunksize)], ignore_index=True)


def write_text_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through its hidden .part file (or to stdout for ``-``)."""
    if path == "-":
        sys.stdout.write(text + "\n")
        return
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise InputError(f"output folder {str(target.parent)!r} does not exist; create it first.")
    tmp = part_path(path)
    try:
        tmp.write_text(text + "\n", encoding="utf-8")
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise


def write_frame(df: pd.DataFrame, path: str) -> None:
    """Write a whole DataFrame atomically in the format its extension names."""
    with TableWriter(path, list(df.columns)) as w:
        w.write(df)
