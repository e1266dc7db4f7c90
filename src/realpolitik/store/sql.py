"""The Store over any SQL database both backends can speak; subclasses supply the connection.

Statements use `?` placeholders; a backend that wants another style rewrites them in `_sql`.
Writes happen inside `transaction()` (BEGIN/COMMIT on the one connection), so a document's
rows, or a decision and the tables derived from it, land together or not at all. A store
object is not for concurrent use from several threads at once: a lock serialises its calls.
"""

from __future__ import annotations

import json
import os
import threading
from abc import abstractmethod
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from realpolitik.schema import Actor, Analysis, Document, Interest, Mention, TimeExpr
from realpolitik.store import fixes, migrations, rows
from realpolitik.store.base import (
    GLOBAL_SCOPE,
    REJECTABLE,
    STORE_FORMAT,
    STORE_VERSION,
    Added,
    DecisionKind,
    Store,
    StoreError,
    StoreVersionError,
)
from realpolitik.store.records import (
    ActorRow,
    ClaimRow,
    DecisionRow,
    DocumentRow,
    DocumentTextRow,
    EventRow,
    FailureRow,
    InterestRow,
    MentionRow,
    QuantityRow,
    StoredDocumentRow,
    TimeRow,
)
from realpolitik.store.tables import DERIVED, DERIVED_NAMES, TABLES, VIEWS, statements

INSERT_CHUNK = 400  # rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters
MACHINE_TABLES = ("mentions", "events", "claims", "quantities", "times", "interests")


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def document_key(doc: Document) -> str:
    """What makes two texts versions of one document: its URL, else its absolute path; and
    where a feed names its documents (an `id` field), that name within the URL or file, so
    that rows sharing one URL (a dataset's DOI on every UN General Debate statement) stay
    separate documents while a row whose text changes under the same id is a new version."""
    feed_id = (doc.metadata or {}).get("id")
    suffix = f"#{feed_id}" if isinstance(feed_id, str | int) and str(feed_id).strip() else ""
    if doc.url:
        return doc.url + suffix
    if doc.path and not doc.path.startswith("<"):
        return os.path.abspath(doc.path.rsplit(":", 1)[0] if suffix else doc.path) + suffix
    return doc.id


class SQLStore(Store):
    def __init__(self, location: str, read_only: bool = False):
        self.location = location
        self.read_only = read_only  # for readers (realpolitik.Corpus): an existing store, never changed
        self._lock = threading.RLock()
        self._depth = 0
        self._connect()
        try:
            self._open_schema()
        except BaseException:
            self.close()
            raise

    # -- backend hooks ------------------------------------------------------
    @abstractmethod
    def _connect(self) -> None: ...

    @abstractmethod
    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]] | None:
        """Execute one statement; return its rows as dicts when it yields any."""

    @abstractmethod
    def _tables(self) -> set[str]:
        """Names of the tables in the store's schema."""

    def close(self) -> None:
        """Both backends keep their connection in `_con`; closing twice is harmless."""
        con = getattr(self, "_con", None)
        if con is not None:
            con.close()
            self._con = None

    def _sql(self, sql: str) -> str:
        return sql

    def _ddl(self, stmt: str) -> str:
        """A CREATE statement in this backend's dialect (the shared text is already portable)."""
        return stmt

    # -- plumbing -----------------------------------------------------------
    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return self._run(self._sql(sql), params) or []

    def _x(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            self._run(self._sql(sql), params)

    def _insert(self, table: str, cols: Sequence[str], data: Sequence[Sequence[Any]], conflict: str = "") -> None:
        one = "(" + ", ".join("?" * len(cols)) + ")"
        for i in range(0, len(data), INSERT_CHUNK):
            chunk = data[i : i + INSERT_CHUNK]
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES " + ", ".join([one] * len(chunk)) + conflict
            self._x(sql, [v for row in chunk for v in row])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One unit of work; nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._x("BEGIN TRANSACTION")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self._x("ROLLBACK")
                raise
            self._depth = 0
            self._x("COMMIT")

    # -- schema -------------------------------------------------------------
    def _open_schema(self) -> None:
        tables = self._tables()
        if "meta" not in tables and self.read_only:
            raise StoreError(f"no realpolitik store at {self.location}; create one with `realpolitik ingest`")
        if "meta" not in tables:
            if tables:
                raise StoreVersionError(
                    f"{self.location} holds tables ({', '.join(sorted(tables)[:5])}) but is not a realpolitik store; "
                    "point --db at a new file or an empty database")
            with self.transaction():
                for stmt in statements(TABLES) + statements(DERIVED) + statements(VIEWS):
                    self._x(self._ddl(stmt))
                self._insert("meta", ("key", "value"), [("format", STORE_FORMAT), ("version", str(STORE_VERSION)),
                                                         ("created_at", now().isoformat())])
            return
        meta = {r["key"]: r["value"] for r in self._q("SELECT key, value FROM meta")}
        if meta.get("format") != STORE_FORMAT:
            raise StoreVersionError(f"{self.location} is not a realpolitik store (format {meta.get('format')!r})")
        version = int(meta.get("version", "0"))
        if version > STORE_VERSION:
            raise StoreVersionError(
                f"{self.location} was written by a newer realpolitik (store version {version}; this one reads "
                f"{STORE_VERSION}); upgrade realpolitik to read it")
        if version < STORE_VERSION and self.read_only:
            raise StoreError(f"{self.location} is store version {version} and must be upgraded to {STORE_VERSION} "
                             "before it can be read; open it once for writing (`realpolitik check --db …`)")
        if version < STORE_VERSION:
            migrations.migrate(self, version)

    def schema_version(self) -> int:
        return int(self._q("SELECT value FROM meta WHERE key = 'version'")[0]["value"])

    # -- machine output ------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._q("SELECT 1 AS x FROM documents WHERE id = ?", [doc_id]))

    def add_analysis(self, analysis: Analysis, reanalyse: bool = False) -> list[Added]:
        return [self._add_document(doc, analysis, reanalyse) for doc in analysis.documents]

    def _add_document(self, doc: Document, analysis: Analysis, reanalyse: bool) -> Added:
        key = document_key(doc)
        n_events = sum(1 for e in analysis.events if e.doc == doc.id)
        with self.transaction():
            have = self._q("SELECT doc_key, version, is_current FROM documents WHERE id = ?", [doc.id])
            if doc.path:
                self._x("UPDATE failures SET resolved_at = ? WHERE path = ? AND resolved_at IS NULL", [now(), doc.path])
            if have:
                row = have[0]
                if not row["is_current"]:  # the text went back to an earlier version
                    self._x("UPDATE documents SET is_current = FALSE WHERE doc_key = ? AND is_current", [row["doc_key"]])
                    self._x("UPDATE documents SET is_current = TRUE WHERE id = ?", [doc.id])
                if not reanalyse:
                    return Added(doc.id, "unchanged", row["version"], 0)
                for table in MACHINE_TABLES:
                    self._x(f"DELETE FROM {table} WHERE doc = ?", [doc.id])
                self._write_machine(doc.id, analysis)
                return Added(doc.id, "reanalysed", row["version"], n_events)
            latest = self._q("SELECT max(version) AS v FROM documents WHERE doc_key = ?", [key])
            version = int(latest[0]["v"] or 0) + 1 if latest else 1
            if version > 1:
                self._x("UPDATE documents SET is_current = FALSE WHERE doc_key = ?", [key])
            self._insert("documents", rows.DOC_COLS, [rows.document_row(doc, key, version, now())])
            self._write_machine(doc.id, analysis)
            return Added(doc.id, "version" if version > 1 else "added", version, n_events)

    def _write_machine(self, doc_id: str, a: Analysis) -> None:
        # actors this document refers to
        used = {x.id for x in a.actors if any(m.doc == doc_id for m in x.mentions)}
        used |= {e.source for e in a.events if e.doc == doc_id and e.source}
        used |= {e.target for e in a.events if e.doc == doc_id and e.target}
        used |= {c.source for c in a.claims if c.doc == doc_id and c.source}
        used |= {i.actor for i in a.interests if i.doc == doc_id}
        self._upsert_actors([x for x in a.actors if x.id in used])
        self._insert("mentions", rows.MENTION_COLS,
                     [(m.doc, x.id, m.start, m.end, m.text) for x in a.actors for m in x.mentions if m.doc == doc_id])
        self._insert("events", rows.EVENT_COLS, [rows.event_row(e) for e in a.events if e.doc == doc_id])
        self._insert("claims", rows.CLAIM_COLS, [rows.claim_row(c) for c in a.claims if c.doc == doc_id])
        self._insert("quantities", rows.QUANTITY_COLS, [rows.quantity_row(q) for q in a.quantities if q.doc == doc_id])
        self._insert("times", rows.TIME_COLS, [rows.time_row(t) for t in a.times if t.doc == doc_id])
        self._insert("interests", rows.INTEREST_COLS, [rows.interest_row(i) for i in a.interests if i.doc == doc_id])

    def _upsert_actors(self, actors: list[Actor]) -> None:
        """Corpus-wide actors: the first description wins, later documents add aliases and blanks."""
        if not actors:
            return
        marks = ", ".join("?" * len(actors))
        have = {r["id"]: r for r in self._q(f"SELECT * FROM actors WHERE id IN ({marks})", [a.id for a in actors])}
        new = [rows.actor_row(a) for a in actors if a.id not in have]
        self._insert("actors", rows.ACTOR_COLS, new, " ON CONFLICT (id) DO NOTHING")
        for a in actors:
            old = have.get(a.id)
            if old is None:
                continue
            aliases = rows.loads(old["aliases"]) or []
            added = [x for x in a.aliases if x not in aliases]
            fill = {f: getattr(a, f) for f in ("country", "org", "sector", "role")
                    if old[f] is None and getattr(a, f) is not None}
            if added or fill:
                sets = ", ".join([f"{f} = ?" for f in fill] + ["aliases = ?"])
                self._x(f"UPDATE actors SET {sets} WHERE id = ?", [*fill.values(), rows.dumps(aliases + added), a.id])

    def record_failure(self, path: str, reason: str) -> None:
        t = now()
        with self.transaction():
            if self._q("SELECT 1 AS x FROM failures WHERE path = ?", [path]):
                self._x("UPDATE failures SET reason = ?, attempts = attempts + 1, last_seen = ?, resolved_at = NULL "
                        "WHERE path = ?", [reason, t, path])
            else:
                self._insert("failures", ("path", "reason", "attempts", "first_seen", "last_seen"),
                             [(path, reason, 1, t, t)])

    def failures(self, include_resolved: bool = False) -> list[FailureRow]:
        where = "" if include_resolved else " WHERE resolved_at IS NULL"
        cols = ", ".join(FailureRow.columns())
        return [FailureRow.from_row(r) for r in self._q(f"SELECT {cols} FROM failures{where} ORDER BY path")]

    # -- queries --------------------------------------------------------------
    def interests(self, actor: str | None = None, since: str | None = None, limit: int | None = 100,
                  offset: int = 0, doc: str | None = None) -> list[InterestRow]:
        """Stated interests (corrections applied), ranked ones first, then newest document
        first; each with its document's date, publisher and title for the evidence."""
        where, params = ["TRUE"], []
        if doc:
            where.append("i.doc = ?")
            params.append(doc)
        if actor:
            # a state's interests include those of its people and organs (Xi's are China's)
            where.append("(i.actor = ? OR i.actor IN (SELECT id FROM v_actors WHERE country = ? AND kind <> 'state' "
                         "AND EXISTS (SELECT 1 FROM v_actors s WHERE s.id = ? AND s.kind = 'state')))")
            params += [actor, actor, actor]
        if since:
            where.append("d.published >= ?")
            params.append(since)
        sql = ("SELECT i.actor, i.rank, i.text, i.doc, i.span_start, i.span_end, d.published, d.publisher, d.title "
               "FROM v_interests i JOIN documents d ON d.id = i.doc "
               f"WHERE {' AND '.join(where)} "
               "ORDER BY i.rank IS NULL, i.rank, d.published DESC NULLS LAST, i.doc, i.span_start")
        return [InterestRow.from_row(r) for r in self._q(sql + self._page(limit, offset), params)]

    def mentions(self, doc: str | None = None, actor: str | None = None, limit: int | None = 1000,
                 offset: int = 0) -> list[MentionRow]:
        """Where documents name actors (corrections applied), in text order."""
        where, params = ["TRUE"], []
        if doc:
            where.append("doc = ?")
            params.append(doc)
        if actor:
            where.append("actor = ?")
            params.append(actor)
        found = self._q(f"SELECT * FROM v_mentions WHERE {' AND '.join(where)} "
                        f"ORDER BY doc, char_start, char_end, actor{self._page(limit, offset)}", params)
        return [MentionRow.from_row(r) for r in found]

    def times(self, doc: str | None = None, limit: int | None = 1000, offset: int = 0) -> list[TimeRow]:
        """Time expressions with their ISO values, in text order."""
        where, params = "", []
        if doc:
            where, params = " WHERE doc = ?", [doc]
        found = self._q(f"SELECT * FROM v_times{where} ORDER BY doc, span_start, span_end{self._page(limit, offset)}",
                        params)
        return [TimeRow.from_row(r) for r in found]

    def change_stamp(self) -> tuple:
        """A cheap fingerprint of what readers see: it changes with every ingest, re-analysis,
        correction or undo (one small query, for caches to poll)."""
        row = self._q("SELECT (SELECT count(*) FROM documents) AS docs, "
                      "(SELECT max(ingested_at) FROM documents) AS ingested, "
                      "(SELECT count(*) FROM decisions) AS decisions, "
                      "(SELECT count(*) FROM decisions WHERE undone_at IS NOT NULL) AS undone, "
                      "(SELECT count(*) FROM documents WHERE is_current) AS current")[0]
        return tuple(str(row[k]) for k in ("docs", "ingested", "decisions", "undone", "current"))

    def counts(self) -> dict[str, int]:
        def n(sql: str) -> int:
            return int(self._q(sql)[0]["n"])

        out = {
            "documents": n("SELECT count(*) AS n FROM documents WHERE is_current"),
            "versions": n("SELECT count(*) AS n FROM documents"),
            "actors": len(self.actors(limit=None)),
        }
        for view in ("events", "claims", "quantities", "times", "interests", "mentions"):
            out[view] = n(f"SELECT count(*) AS n FROM v_{view}")
        out["failures"] = n("SELECT count(*) AS n FROM failures WHERE resolved_at IS NULL")
        out["decisions"] = n("SELECT count(*) AS n FROM decisions WHERE undone_at IS NULL")
        return out

    @staticmethod
    def _page(limit: int | None, offset: int) -> str:
        if limit is None:
            return f" OFFSET {int(offset)}" if offset else ""
        return f" LIMIT {int(limit)} OFFSET {int(offset)}"

    def documents(self, limit: int | None = 100, offset: int = 0, include_text: bool = False,
                  all_versions: bool = False) -> list[DocumentRow]:
        row_type = DocumentTextRow if include_text else DocumentRow
        cols = ", ".join(row_type.columns())
        where = "" if all_versions else " WHERE is_current"
        found = self._q(f"SELECT {cols} FROM documents{where} ORDER BY published NULLS LAST, id{self._page(limit, offset)}")
        return [row_type.from_row(r) for r in found]

    def document(self, doc_id: str) -> StoredDocumentRow | None:
        found = self._q("SELECT * FROM documents WHERE id = ?", [doc_id])
        if not found:
            return None
        d = found[0]
        return StoredDocumentRow.from_row({
            **d, "boilerplate": [list(b) for b in rows.loads(d["boilerplate"]) or []],
            "metadata": rows.loads(d["metadata"]) or {}, "extra": rows.loads(d["extra"]) or {}})

    def actors(self, kind: str | None = None, limit: int | None = 100, offset: int = 0) -> list[ActorRow]:
        params: list[Any] = []
        where = ""
        if kind:
            where, params = " AND a.kind = ?", [kind]
        found = self._q(f"""
            WITH m AS (SELECT actor, count(*) AS mentions, count(DISTINCT doc) AS documents FROM v_mentions GROUP BY actor),
            ev AS (SELECT actor, count(*) AS events FROM (SELECT source AS actor FROM v_events UNION ALL
                   SELECT target AS actor FROM v_events) x WHERE actor IS NOT NULL GROUP BY actor)
            SELECT a.id, a.name, a.kind, a.country, a.org, a.sector, a.role, a.aliases,
              COALESCE(m.mentions, 0) AS mentions, COALESCE(m.documents, 0) AS documents,
              COALESCE(ev.events, 0) AS events
            FROM v_actors a LEFT JOIN m ON m.actor = a.id LEFT JOIN ev ON ev.actor = a.id
            WHERE a.id NOT IN (SELECT from_id FROM actor_map WHERE scope = '*')
              AND (m.mentions > 0 OR ev.events > 0 OR a.id IN (SELECT id FROM analyst_actors)){where}
            ORDER BY mentions DESC, a.id{self._page(limit, offset)}""", params)
        folded = self._folded_names([r["id"] for r in found])
        out = []
        for r in found:
            aliases = rows.loads(r["aliases"]) or []
            out.append(ActorRow.from_row(r, aliases=aliases + [x for x in folded.get(r["id"], [])
                                                                if x not in aliases and x != r["name"]],
                                         **{k: int(r[k]) for k in ("mentions", "documents", "events")}))
        return out

    def _folded_names(self, ids: list[str]) -> dict[str, list[str]]:
        """Names and aliases of actors merged into each of `ids`, which become its aliases."""
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        found = self._q(f"SELECT m.to_id, a.name, a.aliases FROM actor_map m JOIN actors a ON a.id = m.from_id "
                        f"WHERE m.scope = '*' AND m.kind = 'merge' AND m.to_id IN ({marks}) ORDER BY m.from_id", ids)
        out: dict[str, list[str]] = {}
        for r in found:
            out.setdefault(r["to_id"], []).extend([r["name"], *(rows.loads(r["aliases"]) or [])])
        return out

    def actor_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] for r in self._q("SELECT id, name FROM v_actors")}

    def resolve_actor(self, name: str) -> str | None:
        want = name.strip().lower()
        hit = self._q("SELECT id FROM v_actors WHERE lower(id) = ? OR lower(name) = ? ORDER BY id", [want, want])
        if not hit:
            for r in self._q("SELECT id, aliases FROM v_actors ORDER BY id"):
                if any(a.lower() == want for a in rows.loads(r["aliases"]) or []):
                    hit = [r]
                    break
        if not hit:
            return None
        found = hit[0]["id"]
        mapped = self._q("SELECT to_id FROM actor_map WHERE scope = '*' AND from_id = ?", [found])
        return mapped[0]["to_id"] if mapped else found

    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, dyad: tuple[str, str] | None = None, doc: str | None = None,
               limit: int | None = 100, offset: int = 0,
               between: tuple[Collection[str], Collection[str]] | None = None) -> list[EventRow]:
        where, params = ["TRUE"], []
        if actor:
            where.append("(source = ? OR target = ?)")
            params += [actor, actor]
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if since:
            where.append("dated >= ?")
            params.append(since)
        if until:
            where.append("substr(dated, 1, ?) <= ?")
            params += [len(until), until]
        if dyad:
            a, b = dyad
            where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
            params += [a, b, b, a]
        if between:
            side_a, side_b = sorted(between[0]), sorted(between[1])
            if not side_a or not side_b:
                return []
            ma, mb = ", ".join("?" * len(side_a)), ", ".join("?" * len(side_b))
            where.append(f"((source IN ({ma}) AND target IN ({mb})) OR (source IN ({mb}) AND target IN ({ma})))")
            params += [*side_a, *side_b, *side_b, *side_a]
        if doc:
            where.append("doc = ?")
            params.append(doc)
        found = self._q(f"SELECT * FROM v_events WHERE {' AND '.join(where)} "
                        f"ORDER BY dated NULLS LAST, doc, sentence_start, id{self._page(limit, offset)}", params)
        return [EventRow.from_row(r, contexts=rows.loads(r["contexts"]) or [], extra=rows.loads(r["extra"]) or {},
                                  negated=bool(r["negated"]), hypothetical=bool(r["hypothetical"])) for r in found]

    def claims(self, status: str | None = None, source: str | None = None, doc: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[ClaimRow]:
        where, params = ["TRUE"], []
        if status:
            where.append("status = ?")
            params.append(status)
        if source:
            who = self.resolve_actor(source) or source
            where.append("(source = ? OR lower(source_text) LIKE ?)")
            params += [who, "%" + source.lower() + "%"]
        if doc:
            where.append("doc = ?")
            params.append(doc)
        found = self._q(f"SELECT * FROM v_claims WHERE {' AND '.join(where)} "
                        f"ORDER BY published NULLS LAST, doc, span_start, id{self._page(limit, offset)}", params)
        return [ClaimRow.from_row(r, cues=rows.loads(r["cues"]) or [], extra=rows.loads(r["extra"]) or {},
                                  quote=bool(r["quote"])) for r in found]

    def quantities(self, doc: str | None = None, limit: int | None = 100, offset: int = 0) -> list[QuantityRow]:
        where, params = "", []
        if doc:
            where, params = " WHERE doc = ?", [doc]
        found = self._q(f"SELECT * FROM v_quantities{where} ORDER BY published NULLS LAST, doc, span_start, id"
                        f"{self._page(limit, offset)}", params)
        return [QuantityRow.from_row(r, extra=rows.loads(r["extra"]) or {}) for r in found]

    def to_analysis(self) -> Analysis:
        docs = self._q("SELECT * FROM documents WHERE is_current ORDER BY published NULLS LAST, id")
        mentions: dict[str, list[Mention]] = {}
        for m in self._q("SELECT * FROM v_mentions ORDER BY doc, char_start, char_end, actor"):
            mentions.setdefault(m["actor"], []).append(Mention(doc=m["doc"], start=m["char_start"], end=m["char_end"],
                                                               text=m["text"]))
        actors = [Actor(id=r.id, name=r.name, kind=r.kind,  # type: ignore[arg-type] # the contract's kinds only
                        country=r.country, org=r.org, sector=r.sector, role=r.role, aliases=r.aliases,
                        mentions=mentions.get(r.id, [])) for r in self.actors(limit=None)]
        return Analysis(
            documents=[rows.document_from(d) for d in docs],
            actors=sorted(actors, key=lambda a: a.id),
            events=[rows.event_from(r) for r in self._q("SELECT * FROM v_events ORDER BY doc, sentence_start, id")],
            claims=[rows.claim_from(r) for r in self._q("SELECT * FROM v_claims ORDER BY doc, span_start, id")],
            quantities=[rows.quantity_from(r) for r in self._q("SELECT * FROM v_quantities ORDER BY doc, span_start, id")],
            times=[TimeExpr(doc=r["doc"], span={"start": r["span_start"], "end": r["span_end"]}, text=r["text"],
                            value=r["value"]) for r in self._q("SELECT * FROM v_times ORDER BY doc, span_start, span_end")],
            interests=[Interest(actor=r["actor"], rank=r["rank"], text=r["text"], doc=r["doc"],
                                span={"start": r["span_start"], "end": r["span_end"]})
                       for r in self._q("SELECT * FROM v_interests ORDER BY doc, span_start, actor")],
        )

    def check(self) -> list[str]:
        problems = []
        for table in MACHINE_TABLES:
            n = self._q(f"SELECT count(*) AS n FROM {table} t WHERE NOT EXISTS "
                        f"(SELECT 1 FROM documents d WHERE d.id = t.doc)")[0]["n"]
            if n:
                problems.append(f"{n} {table} row(s) belong to no stored document")
        for r in self._q("SELECT doc_key, count(*) AS n FROM documents WHERE is_current GROUP BY doc_key HAVING count(*) > 1"):
            problems.append(f"{r['doc_key']} has {r['n']} current versions")
        for r in self._q("SELECT doc_key FROM documents GROUP BY doc_key HAVING max(CASE WHEN is_current THEN 1 ELSE 0 END) = 0"):
            problems.append(f"{r['doc_key']} has no current version")
        return problems

    # -- decisions --------------------------------------------------------------
    def _actor_exists(self, actor_id: str) -> bool:
        return bool(self._q("SELECT 1 AS x FROM v_actors WHERE id = ?", [actor_id]))

    def decide(self, kind: DecisionKind, target: str, value: str | Mapping[str, Any] | None, analyst: str,
               scope: str = GLOBAL_SCOPE, note: str | None = None) -> int:
        if not analyst:
            raise StoreError("a decision needs the analyst's name (--user or REALPOLITIK_USER)")
        if kind != "fix" and value is not None and not isinstance(value, str):
            raise StoreError(f"a {kind}'s value is an actor id (or a new actor's JSON), not {value!r}")
        with self.transaction():
            if kind == "fix":
                if scope != GLOBAL_SCOPE:
                    raise StoreError("a fix names its item (event:ID, claim:ID, actor:ID); it has no scope")
                fix = self._checked_fix(fixes.parse_fix(target, value))
                target, value = fix.target, fix.value()
            elif kind == "reject":
                what, _, item = target.partition(":")
                if what not in REJECTABLE or not item:
                    raise StoreError(f"reject what? give {' / '.join(k + ':ID' for k in REJECTABLE)}, not {target!r}")
                table = {"event": "events", "claim": "claims", "quantity": "quantities"}[what]
                if not self._q(f"SELECT 1 AS x FROM {table} WHERE id = ?", [item]):
                    raise StoreError(f"no {what} {item!r} in {self.location}")
            elif kind in ("resolve", "merge"):
                if not value:
                    raise StoreError(f"{kind} needs the actor {target!r} should become")
                if not self._actor_exists(target):
                    raise StoreError(f"no actor {target!r} in {self.location}")
                new = _new_actor(value)
                into = new["id"] if new else value
                if into == target:
                    raise StoreError(f"{target!r} cannot be {kind}d into itself")
                if not new and not self._actor_exists(into):
                    raise StoreError(f"no actor {into!r}; to create one give JSON {{\"id\", \"name\", \"kind\"}}")
                if kind == "merge" and scope != GLOBAL_SCOPE:
                    raise StoreError("a merge is corpus-wide; use resolve to fix one document")
                if scope != GLOBAL_SCOPE and not self.has_document(scope):
                    raise StoreError(f"no document {scope!r}")
                global_map = _global_map(self._live_decisions())
                if _follow(global_map, into) == target:
                    raise StoreError(f"{into!r} is already folded into {target!r}; undo that decision first")
            else:
                raise StoreError(f"unknown decision {kind!r}: reject, resolve, merge or fix")
            decision_id = int(self._q("SELECT nextval('decision_ids') AS id")[0]["id"])
            self._insert("decisions", ("id", "kind", "target", "value", "scope", "analyst", "note", "created_at"),
                         [(decision_id, kind, target, value, scope, analyst, note, now())])
            self._rebuild_derived()
        return decision_id

    def _checked_fix(self, fix: fixes.Fix) -> fixes.Fix:
        """The fix with its actors resolved to ids, once the corpus has what it names."""
        table = {"event": "events", "claim": "claims", "actor": "v_actors"}[fix.what]
        item = fix.item
        if not self._q(f"SELECT 1 AS x FROM {table} WHERE id = ?", [item]):
            item = (self.resolve_actor(item) if fix.what == "actor" else None) or ""
            if not item:
                raise StoreError(f"no {fix.what} {fix.item!r} in {self.location}")
        changes = dict(fix.changes)
        for field in fixes.ACTOR_FIELDS & changes.keys():
            if changes[field] is not None:
                found = self.resolve_actor(changes[field])
                if found is None:
                    raise StoreError(f"unknown actor {changes[field]!r} for the event's {field}: no such id, name "
                                     "or alias in the store (see `realpolitik actors`)")
                changes[field] = found
        if fix.what == "event":
            self._check_event_sides(item, changes)
        if changes.get("key") is not None:
            if self._actor_exists(changes["key"]):
                raise StoreError(f"actor {changes['key']!r} already exists; to fold {item!r} into it use merge "
                                 "(`realpolitik correct merge`)")
            if self._q("SELECT 1 AS x FROM actor_map WHERE scope = '*' AND from_id = ?", [item]):
                raise StoreError(f"{item!r} is already merged or re-keyed; fix the actor it became")
        if changes.get("country") is not None:
            changes["country"] = self._state_code(changes["country"])
        return fixes.Fix(fix.what, item, changes)

    def _check_event_sides(self, event_id: str, changes: dict[str, Any]) -> None:
        """An event's source and target are two actors (as the pipeline keeps them)."""
        current = self._q("SELECT source, target FROM v_events WHERE id = ?", [event_id])
        if not current or not ({"source", "target"} & changes.keys()):
            return
        source = changes.get("source", current[0]["source"])
        target = changes.get("target", current[0]["target"])
        if source is not None and source == target:
            raise StoreError(f"event {event_id!r} would have {source!r} as both source and target")
        if source is None and target is None:
            raise StoreError(f"event {event_id!r} would have neither source nor target; reject it instead")

    def _state_code(self, code: str) -> str:
        """A country as a state's code: one the knowledge base or the store knows as a state."""
        from realpolitik.knowledge import load

        want = code.strip().upper()
        if want in load().states or self._q("SELECT 1 AS x FROM v_actors WHERE id = ? AND kind = 'state'", [want]):
            return want
        raise StoreError(f"unknown country {code!r}: give a state's ISO alpha-3 code (e.g. RUS, CHN)")

    def undo(self, decision_id: int, analyst: str) -> DecisionRow:
        with self.transaction():
            found = self._q("SELECT * FROM decisions WHERE id = ?", [decision_id])
            if not found:
                raise StoreError(f"no decision {decision_id}")
            if found[0]["undone_at"] is not None:
                raise StoreError(f"decision {decision_id} was already undone by {found[0]['undone_by']}")
            self._x("UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?", [now(), analyst, decision_id])
            self._rebuild_derived()
            cols = ", ".join(DecisionRow.columns())
            return DecisionRow.from_row(self._q(f"SELECT {cols} FROM decisions WHERE id = ?", [decision_id])[0])

    def decisions(self, include_undone: bool = True) -> list[DecisionRow]:
        where = "" if include_undone else " WHERE undone_at IS NULL"
        cols = ", ".join(DecisionRow.columns())
        return [DecisionRow.from_row(r) for r in self._q(f"SELECT {cols} FROM decisions{where} ORDER BY id")]

    def _live_decisions(self) -> list[dict[str, Any]]:
        """The live decisions as plain dicts, for the folding helpers (store/fixes.py)."""
        where = " WHERE undone_at IS NULL"
        return self._q(f"SELECT * FROM decisions{where} ORDER BY id")

    def _rebuild_derived(self) -> None:
        """Recompute the tables the views join from the live decisions, in decision order."""
        live = self._live_decisions()
        global_map = _global_map(live)
        rekeyed = {old: new for old, new, _ in fixes.rekeys(live)}
        merged = {d["target"] for d in live if d["kind"] == "merge" and d["scope"] == GLOBAL_SCOPE}
        rows_map = [(GLOBAL_SCOPE, a, _follow(global_map, a),
                     "rekey" if a in rekeyed else "merge" if a in merged else "resolve") for a in global_map]
        scoped: dict[tuple[str, str], str] = {}
        new_actors: dict[str, tuple[Any, ...]] = {}
        for d in live:
            new = _new_actor(d["value"]) if d["kind"] in ("resolve", "merge") else None
            if new:
                new_actors[new["id"]] = (new["id"], new.get("name") or new["id"], new.get("kind") or "organization",
                                         new.get("country"), None, None, None, "[]", d["id"])
            if d["kind"] == "resolve" and d["scope"] != GLOBAL_SCOPE:
                scoped[(d["scope"], d["target"])] = new["id"] if new else d["value"]
        rows_map += [(scope, a, _follow(global_map, b), "resolve") for (scope, a), b in scoped.items()]
        new_actors.update(self._rekeyed_actors(fixes.rekeys(live), new_actors))
        for table in DERIVED_NAMES:
            self._x(f"DELETE FROM {table}")
        self._insert("actor_map", ("scope", "from_id", "to_id", "kind"), rows_map)
        rejected = sorted({tuple(d["target"].split(":", 1)) for d in live if d["kind"] == "reject"})
        self._insert("rejected", ("kind", "item"), rejected)
        self._insert("analyst_actors", ("id", "name", "kind", "country", "org", "sector", "role", "aliases", "decision"),
                     list(new_actors.values()))
        self._insert("event_fixes", ("id", "type", "cameo", "goldstein", "source", "set_source", "target",
                                     "set_target", "date", "set_date", "negated"),
                     fixes.event_fix_rows(live, lambda a: _follow(global_map, a)))
        self._insert("claim_fixes", ("id", "status"), fixes.claim_fix_rows(live))
        self._insert("actor_fixes", ("id", "kind", "country", "set_country"),
                     fixes.actor_fix_rows(live, lambda a: _follow(rekeyed, a)))

    def _rekeyed_actors(self, keys: list[tuple[str, str, int]],
                        analyst_made: dict[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
        """An analyst_actors row for each new key: the old actor's description under its new id."""
        if not keys:
            return {}
        marks = ", ".join("?" * len(keys))
        stored = {r["id"]: r for r in self._q(f"SELECT * FROM actors WHERE id IN ({marks})", [k[0] for k in keys])}
        out: dict[str, tuple[Any, ...]] = {}
        for old, new, decision in keys:
            made = out.get(old) or analyst_made.get(old)
            if made is not None:
                out[new] = (new, *made[1:-1], decision)
            elif old in stored:
                r = stored[old]
                out[new] = (new, r["name"], r["kind"], r["country"], r["org"], r["sector"], r["role"], r["aliases"],
                            decision)
        return out


def _new_actor(value: str | None) -> dict[str, Any] | None:
    """A resolve/merge value that describes a new actor as JSON, else None (an existing id)."""
    if not value or not value.lstrip().startswith("{"):
        return None
    try:
        new = json.loads(value)
    except json.JSONDecodeError as exc:
        raise StoreError(f"new actor is not JSON: {exc}") from exc
    if not isinstance(new, dict) or not new.get("id"):
        raise StoreError('a new actor needs at least {"id": …}')
    return new


def _global_map(live: list[dict[str, Any]]) -> dict[str, str]:
    """Where each actor goes corpus-wide: resolved, merged or given a new key."""
    out: dict[str, str] = {}
    rekeyed = {d: (old, new) for old, new, d in fixes.rekeys(live)}
    for d in live:
        if d["kind"] in ("resolve", "merge") and d["scope"] == GLOBAL_SCOPE:
            new = _new_actor(d["value"])
            out[d["target"]] = new["id"] if new else d["value"]
        elif d["id"] in rekeyed:
            old, key = rekeyed[d["id"]]
            out[old] = key
    return out


def _follow(mapping: dict[str, str], actor: str) -> str:
    """Where an actor ends after every global decision (A→B, B→C gives C); cycles stop."""
    seen = {actor}
    while actor in mapping and mapping[actor] not in seen:
        actor = mapping[actor]
        seen.add(actor)
    return actor
