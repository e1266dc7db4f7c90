"""Full-text search over the current documents' titles and texts, the same on every backend.

DuckDB's full-text extension is not bundled with the Python package and must be downloaded
at run time (`INSTALL fts`), which an offline desk cannot do; PostgreSQL's tsvector stems
per language and would rank differently. So both backends run one portable query: the text
is lower-cased, punctuation and white space become single spaces, and a search term matches
where a word starts with it ("sanction" finds "sanctions", "sanctioned"; "war" does not find
"software"). A quoted "phrase" matches its words in a row. Every term must match (AND).

Ranking is BM25 (k1 1.2, b 0.75) over the text, a title hit counting three times. The store
returns per document only lengths and counts; texts are read for the page of results alone,
where the hits are found again in Python with the same normalisation and mapped back to
code-point offsets (the contract's), so the page can highlight them.

On PostgreSQL the text columns collate as "C", so lower() there folds ASCII letters only: a
query for "état" finds "état" but not "État" (DuckDB and the highlighter fold both).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from realpolitik.store.base import StoreError

# Characters that separate words, mapped to spaces by SQL translate() and by normalise() alike.
SEPARATORS = ".,;:!?\"'()[]{}<>/\\|-_*&%$#@+=~^`\u2013\u2014\u2026\u00ab\u00bb\u201c\u201d\u2018\u2019\u00a0\t\n\r\f\v"
_SEP = set(SEPARATORS)
MAX_TERMS = 10
MAX_SPANS = 500
K1, B, TITLE_WEIGHT = 1.2, 0.75, 3.0
_QUERY = re.compile(r'"([^"]*)"|(\S+)')


@dataclass
class Hit:
    doc: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    path: str | None
    score: float
    matches: int                      # term occurrences in title and text
    spans: list[tuple[int, int]]      # code-point offsets of hits in the text (first MAX_SPANS)
    snippet: str                      # a stretch of text around the first hit
    snippet_start: int                # its offset in the text
    marks: list[tuple[int, int]] = field(default_factory=list)  # hits inside the snippet, relative to it
    title_marks: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "title": self.title, "publisher": self.publisher, "published": self.published,
                "url": self.url, "path": self.path, "score": round(self.score, 4), "matches": self.matches,
                "spans": [list(s) for s in self.spans], "snippet": self.snippet, "snippet_start": self.snippet_start,
                "marks": [list(m) for m in self.marks], "title_marks": [list(m) for m in self.title_marks]}


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    total: int
    hits: list[Hit]


def normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, separators to single spaces, wrapped in spaces; with, for each character of
    the result, the code-point offset in `text` it came from (-1 for the wrapping spaces)."""
    out = [" "]
    where = [-1]
    for i, c in enumerate(text):
        low = c.lower()
        ch = " " if (low in _SEP or c in _SEP) else (low if len(low) == 1 else c)
        if ch == " " and out[-1] == " ":
            continue
        out.append(ch)
        where.append(i)
    if out[-1] != " ":
        out.append(" ")
        where.append(-1)
    return "".join(out), where


def terms_of(query: str) -> list[str]:
    """The query's terms, normalised: words, and "quoted phrases" kept whole; duplicates once."""
    found: list[str] = []
    for phrase, word in _QUERY.findall(query):
        term = normalise(phrase or word)[0].strip()
        if term and term not in found:
            found.append(term)
    return found


def find_spans(text: str, terms: list[str], limit: int = MAX_SPANS) -> list[tuple[int, int]]:
    """Where the terms match in `text` (word starts, same rule as the query), each hit widened
    to the end of its word, as sorted code-point spans."""
    norm, where = normalise(text)
    spans = set()
    for term in terms:
        needle = " " + term
        at = norm.find(needle)
        while at >= 0:
            start = where[at + 1]
            end = where[at + len(term)] + 1
            while end < len(text) and (text[end].isalnum()):
                end += 1
            spans.add((start, end))
            at = norm.find(needle, at + 1)
    return sorted(spans)[:limit]


def _snippet(text: str, spans: list[tuple[int, int]], width: int = 240) -> tuple[str, int, list[tuple[int, int]]]:
    if not spans:
        return text[:width], 0, []
    first = spans[0][0]
    start = max(0, first - width // 3)
    while start > 0 and not text[start - 1].isspace() and first - start < width // 2:
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace() and end - start < width + 30:
        end += 1
    marks = [(s - start, min(e, end) - start) for s, e in spans if s >= start and s < end]
    return text[start:end], start, marks


def _count_sql(column: str) -> str:
    return f"length({column}) - length(replace({column}, ?, ''))"


def search_documents(store: Any, query: str, limit: int = 20, offset: int = 0, doc: str | None = None) -> SearchResult:
    """The current documents matching every term of `query`, best first (BM25), one page of
    them with hit offsets and a snippet. `doc` keeps one document (to highlight its hits)."""
    terms = terms_of(query)
    if not terms:
        raise StoreError(f"nothing to search for in {query!r}: give a word or a \"quoted phrase\"")
    if len(terms) > MAX_TERMS:
        raise StoreError(f"{len(terms)} search terms; at most {MAX_TERMS}")
    spaces = " " * len(SEPARATORS)

    def norm_sql(col: str) -> str:
        return f"' ' || regexp_replace(translate(lower({col}), ?, ?), ' +', ' ', 'g') || ' '"

    cols, params = [], [SEPARATORS, spaces, SEPARATORS, spaces]
    for i, term in enumerate(terms):
        needle = " " + term
        cols.append(f"{_count_sql('nt')} AS t{i}, {_count_sql('nx')} AS x{i}")
        params += [needle, needle]
    where, wparams = "is_current", []
    if doc:
        where += " AND id = ?"
        wparams.append(doc)
    title_sql = norm_sql("COALESCE(title, '')")
    sql = (f"WITH n AS (SELECT id, {title_sql} AS nt, {norm_sql('text')} AS nx "
           f"FROM documents WHERE {where}) "
           f"SELECT id, length(nx) AS len, {', '.join(cols)} FROM n")
    rows = store._q(sql, params[:4] + wparams + params[4:])
    n_docs = len(rows) if not doc else max(1, len(rows))
    lengths = [int(r["len"]) for r in rows] or [1]
    average = sum(lengths) / len(lengths)
    tf: list[tuple[str, list[float], int]] = []
    df = [0] * len(terms)
    for r in rows:
        counts = []
        for i, term in enumerate(terms):
            size = len(term) + 1
            title_n = int(r[f"t{i}"]) // size
            text_n = int(r[f"x{i}"]) // size
            counts.append(text_n + TITLE_WEIGHT * title_n)
            if title_n or text_n:
                df[i] += 1
        if all(counts):
            tf.append((r["id"], counts, int(r["len"])))
    scored = []
    for doc_id, counts, length in tf:
        score = 0.0
        for i, f in enumerate(counts):
            idf = math.log(1 + (n_docs - df[i] + 0.5) / (df[i] + 0.5))
            score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / average))
        scored.append((score, doc_id))
    scored.sort(key=lambda x: (-x[0], x[1]))
    page = scored[offset: offset + limit]
    hits = []
    if page:
        marks = ", ".join("?" * len(page))
        found = {r["id"]: r for r in store._q(
            f"SELECT id, title, publisher, published, url, path, text FROM documents WHERE id IN ({marks})",
            [p[1] for p in page])}
        for score, doc_id in page:
            r = found[doc_id]
            spans = find_spans(r["text"], terms)
            snippet, start, in_snippet = _snippet(r["text"], spans)
            title_spans = find_spans(r["title"] or "", terms)
            hits.append(Hit(doc_id, r["title"], r["publisher"], r["published"], r["url"], r["path"], score,
                            len(spans) + len(title_spans), spans, snippet, start, in_snippet, title_spans))
    return SearchResult(query, terms, len(scored), hits)
