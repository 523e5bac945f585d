"""Reading article tables in chunks and writing outputs atomically.

Inputs: ``.csv``, ``.csv.gz`` (or any compression pandas infers), ``.tsv``, ``.jsonl`` / ``.ndjson``
(optionally gzipped), ``.parquet`` (needs the ``parquet`` extra), and ``-`` for CSV on standard input.
Outputs: the same formats by extension, ``-`` for CSV on standard output. A file output is written to a
temporary file beside the target and renamed into place when complete, so an interrupted run never leaves
a half-written file behind.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
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


def read_chunks(path: str, chunksize: int = 2000, stdin: IO[bytes] | None = None
                ) -> Iterator[tuple[pd.DataFrame, int]]:
    """Yield ``(chunk, bytes_read_so_far)``; every cell is a string (missing cells are "")."""
    fmt = detect_format(path)
    if path != "-" and not Path(path).is_file():
        raise InputError(f"input file {path!r} does not exist.")
    if fmt == "parquet":
        yield from _read_parquet(path, chunksize)
        return
    # a plain file is read through our own handle so its position tells the progress bar how far we are
    if path == "-":
        handle: Any = stdin if stdin is not None else sys.stdin.buffer
        source: Any = handle
    elif _compressed(path):
        handle, source = None, path
    else:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
        source = handle
    try:
        if fmt == "jsonl":
            reader = pd.read_json(source, lines=True, chunksize=chunksize, dtype=False, encoding="utf-8",
                                  encoding_errors="replace")
        else:
            plain = path.lower()
            for suffix in (".gz", ".bz2", ".xz", ".zst", ".zip"):
                plain = plain.removesuffix(suffix)
            reader = pd.read_csv(source, chunksize=chunksize, dtype=str, keep_default_na=False, na_filter=False,
                                 encoding="utf-8-sig", encoding_errors="replace",
                                 sep="\t" if plain.endswith(".tsv") else ",")
        with reader:
            for chunk in reader:
                chunk = _stringify(chunk) if fmt == "jsonl" else chunk
                chunk.columns = [str(c) for c in chunk.columns]
                pos = handle.tell() if handle is not None and path != "-" else 0
                yield chunk, pos
    except pd.errors.EmptyDataError:
        raise InputError(f"input {path!r} is empty: it has no header row.") from None
    except pd.errors.ParserError as exc:
        raise InputError(f"input {path!r} is not valid CSV ({str(exc).strip()}); check the delimiter and "
                         "quoting.") from None
    except ValueError as exc:
        if fmt == "jsonl":
            raise InputError(f"input {path!r} is not valid JSON Lines ({exc}).") from None
        raise
    finally:
        if handle is not None and path != "-":
            handle.close()


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

    def __init__(self, path: str, columns: Sequence[str] | None = None):
        self.path = path
        self.fmt = detect_format(path)
        self.columns = list(columns) if columns is not None else None
        self.rows = 0
        self._pq = None
        self._tmp: str | None = None
        if path == "-":
            self._fh: Any = sys.stdout
        else:
            target = Path(path)
            if target.parent and not target.parent.exists():
                raise InputError(f"output folder {str(target.parent)!r} does not exist; create it first.")
            fd, self._tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
            os.close(fd)
            os.chmod(self._tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get ordinary permissions
            if self.fmt == "parquet":
                self._fh = None
            elif _compressed(path):
                import gzip

                self._fh = io.TextIOWrapper(gzip.open(self._tmp, "wb"), encoding="utf-8", newline="")
            else:
                self._fh = open(self._tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._header_done = False

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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def open_writer(path: str, columns: Sequence[str] | None = None) -> TableWriter:
    return TableWriter(path, columns)


def write_frame(df: pd.DataFrame, path: str) -> None:
    """Write a whole DataFrame atomically in the format its extension names."""
    with TableWriter(path, list(df.columns)) as w:
        w.write(df)
