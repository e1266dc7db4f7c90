"""The store's tables and views, in SQL that DuckDB and PostgreSQL both accept.

Machine output (documents … interests) mirrors the contract and is written once per document
version. The decision log is append-only; actor_map, rejected, analyst_actors and the *_fixes
tables are derived from it (rebuilt in the same transaction as every decision or undo) so the
views can apply corrections with plain joins. Every query and export reads the views, never the raw tables,
which is how corrections are honoured everywhere.

Offsets are code points, end exclusive; SQL substring() is 1-based and counts code points in
both backends (a PostgreSQL database must therefore be UTF8-encoded).
"""

from __future__ import annotations

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE documents (
  id TEXT PRIMARY KEY, doc_key TEXT NOT NULL, version INTEGER NOT NULL, is_current BOOLEAN NOT NULL,
  title TEXT, author TEXT, publisher TEXT, published TEXT, path TEXT, url TEXT, lang TEXT,
  text TEXT NOT NULL, boilerplate TEXT NOT NULL, metadata TEXT NOT NULL, extra TEXT NOT NULL,
  ingested_at TIMESTAMP NOT NULL
);
CREATE INDEX documents_by_key ON documents (doc_key);

CREATE TABLE actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, org TEXT,
  sector TEXT, role TEXT, aliases TEXT NOT NULL, extra TEXT NOT NULL
);

CREATE TABLE mentions (
  doc TEXT NOT NULL, actor TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX mentions_by_doc ON mentions (doc);

CREATE TABLE events (
  doc TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, contexts TEXT NOT NULL,
  source TEXT, target TEXT, date TEXT, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
  claim TEXT, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
  confidence DOUBLE PRECISION NOT NULL, cameo TEXT, goldstein DOUBLE PRECISION, pattern TEXT,
  extra TEXT NOT NULL,
  PRIMARY KEY (doc, id)
);

CREATE TABLE claims (
  doc TEXT NOT NULL, id TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  source TEXT, source_text TEXT, status TEXT NOT NULL, cues TEXT NOT NULL, quote BOOLEAN NOT NULL,
  extra TEXT NOT NULL,
  PRIMARY KEY (doc, id)
);

CREATE TABLE quantities (
  doc TEXT NOT NULL, id TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  text TEXT NOT NULL, value DOUBLE PRECISION, value_max DOUBLE PRECISION, unit TEXT NOT NULL,
  kind TEXT NOT NULL, bound TEXT NOT NULL, subject TEXT, date TEXT, extra TEXT NOT NULL,
  PRIMARY KEY (doc, id)
);

CREATE TABLE times (
  doc TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  value TEXT
);
CREATE INDEX times_by_doc ON times (doc);

CREATE TABLE interests (
  doc TEXT NOT NULL, actor TEXT NOT NULL, rank INTEGER, text TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE INDEX interests_by_doc ON interests (doc);

CREATE TABLE failures (
  path TEXT PRIMARY KEY, reason TEXT NOT NULL, attempts INTEGER NOT NULL,
  first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL, resolved_at TIMESTAMP
);

CREATE SEQUENCE decision_ids START 1;
CREATE TABLE decisions (
  id BIGINT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, value TEXT,
  scope TEXT NOT NULL, analyst TEXT NOT NULL, note TEXT, created_at TIMESTAMP NOT NULL,
  undone_at TIMESTAMP, undone_by TEXT
);
"""

# Derived from the decision log, never written otherwise: a migration drops and recreates them
# from these definitions and rebuilds them from the log (store/fixes.py folds the fixes).
DERIVED = """
CREATE TABLE actor_map (
  scope TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL, kind TEXT NOT NULL,
  PRIMARY KEY (scope, from_id)
);
CREATE TABLE rejected (kind TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY (kind, item));
CREATE TABLE analyst_actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, org TEXT, sector TEXT, role TEXT,
  aliases TEXT NOT NULL, decision BIGINT NOT NULL
);
CREATE TABLE event_fixes (
  id TEXT PRIMARY KEY, type TEXT, cameo TEXT, goldstein DOUBLE PRECISION, source TEXT, set_source BOOLEAN NOT NULL,
  target TEXT, set_target BOOLEAN NOT NULL, date TEXT, set_date BOOLEAN NOT NULL, negated BOOLEAN
);
CREATE TABLE claim_fixes (id TEXT PRIMARY KEY, status TEXT NOT NULL);
CREATE TABLE actor_fixes (id TEXT PRIMARY KEY, kind TEXT, country TEXT, set_country BOOLEAN NOT NULL);
"""

# An actor column seen through the corrections: the document's own fix first, then the global one.
_MAPPED = "COALESCE({a}_d.to_id, {a}_g.to_id, {t}.{c})"
_JOIN = ("LEFT JOIN actor_map {a}_d ON {a}_d.scope = {t}.doc AND {a}_d.from_id = {t}.{c} "
         "LEFT JOIN actor_map {a}_g ON {a}_g.scope = '*' AND {a}_g.from_id = {t}.{c}")


def _mapped(alias: str, table: str, column: str) -> tuple[str, str]:
    return (_MAPPED.format(a=alias, t=table, c=column), _JOIN.format(a=alias, t=table, c=column))


def _views() -> str:
    es, ej = _mapped("ms", "e", "source")
    et, tj = _mapped("mt", "e", "target")
    cs, cj = _mapped("cs", "c", "source")
    ma, mj = _mapped("ma", "m", "actor")
    ia, ij = _mapped("ia", "i", "actor")
    doc_cols = "d.publisher, d.published, d.title, d.url, d.path"
    # a fixed type drops the machine's mode and finer CAMEO code, which belonged to the old type
    retyped = "CASE WHEN ef.type <> e.type THEN"
    date = "CASE WHEN ef.set_date THEN ef.date ELSE e.date END"
    return f"""
CREATE VIEW v_events AS
SELECT e.doc, e.id, COALESCE(ef.type, e.type) AS type, {retyped} NULL ELSE e.mode END AS mode, e.contexts,
  CASE WHEN ef.set_source THEN ef.source ELSE {es} END AS source,
  CASE WHEN ef.set_target THEN ef.target ELSE {et} END AS target,
  e.source AS machine_source, e.target AS machine_target, {date} AS date, COALESCE({date}, d.published) AS dated,
  COALESCE(ef.negated, e.negated) AS negated, e.hypothetical, e.claim,
  COALESCE(cf.status, cl.status, 'asserted') AS status,
  e.sentence_start, e.sentence_end, substring(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
  e.trigger_start, e.trigger_end, e.trigger_text, e.confidence,
  {retyped} ef.cameo ELSE e.cameo END AS cameo, {retyped} ef.goldstein ELSE e.goldstein END AS goldstein,
  e.pattern, e.extra,
  {doc_cols}
FROM events e JOIN documents d ON d.id = e.doc AND d.is_current
{ej} {tj}
LEFT JOIN claims cl ON cl.doc = e.doc AND cl.id = e.claim
LEFT JOIN event_fixes ef ON ef.id = e.id
LEFT JOIN claim_fixes cf ON cf.id = e.claim
WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.kind = 'event' AND r.item = e.id);

CREATE VIEW v_claims AS
SELECT c.doc, c.id, c.span_start, c.span_end,
  substring(d.text, c.span_start + 1, c.span_end - c.span_start) AS text,
  {cs} AS source, c.source AS machine_source, c.source_text, COALESCE(cf.status, c.status) AS status, c.cues,
  c.quote, c.extra,
  {doc_cols}
FROM claims c JOIN documents d ON d.id = c.doc AND d.is_current
{cj}
LEFT JOIN claim_fixes cf ON cf.id = c.id
WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.kind = 'claim' AND r.item = c.id);

CREATE VIEW v_quantities AS
SELECT q.*, {doc_cols}
FROM quantities q JOIN documents d ON d.id = q.doc AND d.is_current
WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.kind = 'quantity' AND r.item = q.id);

CREATE VIEW v_mentions AS
SELECT m.doc, {ma} AS actor, m.actor AS machine_actor, m.char_start, m.char_end, m.text
FROM mentions m JOIN documents d ON d.id = m.doc AND d.is_current
{mj};

CREATE VIEW v_interests AS
SELECT i.doc, {ia} AS actor, i.rank, i.text, i.span_start, i.span_end
FROM interests i JOIN documents d ON d.id = i.doc AND d.is_current
{ij};

CREATE VIEW v_times AS
SELECT t.* FROM times t JOIN documents d ON d.id = t.doc AND d.is_current;

CREATE VIEW v_actors AS
SELECT b.id, b.name, COALESCE(f.kind, b.kind) AS kind,
  CASE WHEN f.set_country THEN f.country ELSE b.country END AS country, b.org, b.sector, b.role, b.aliases
FROM (SELECT id, name, kind, country, org, sector, role, aliases FROM actors
      UNION ALL
      SELECT id, name, kind, country, org, sector, role, aliases FROM analyst_actors
      WHERE id NOT IN (SELECT id FROM actors)) b
LEFT JOIN actor_fixes f ON f.id = b.id;
"""


VIEWS = _views()
VIEW_NAMES = ("v_events", "v_claims", "v_quantities", "v_mentions", "v_interests", "v_times", "v_actors")
DERIVED_NAMES = ("actor_map", "rejected", "analyst_actors", "event_fixes", "claim_fixes", "actor_fixes")


def statements(script: str) -> list[str]:
    """Split a script on ';' (none of our statements contains one inside a literal)."""
    return [s.strip() for s in script.split(";") if s.strip()]
