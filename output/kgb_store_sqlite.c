/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_store_sqlite.c - `load` into an sqlite: store, written straight in
 * the tables of librdf's SQLite storage (which `query` still reads
 * through librdf).
 *
 * Why not through librdf: its SQLite storage builds and parses SQL text
 * for every node of every statement and looks literals up without an
 * index, so a load slowed with the square of the store's size; and its
 * connection has no busy timeout, so a second load failed at once with
 * "database is locked".  Here statements are prepared once, URI ids are
 * cached, literals and objects are indexed, and a writer waits (up to a
 * bound) for another one to commit. */
#include <sqlite3.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_map.h"
#include "kgb_store.h"

/* librdf 1.0.17's schema (rdf_storage_sqlite.c), created the same way,
 * so either can open a store the other made; the kgb_ indexes are ours. */
static const char schema[] =
    "CREATE TABLE IF NOT EXISTS uris (id INTEGER PRIMARY KEY, uri TEXT);"
    "CREATE TABLE IF NOT EXISTS blanks (id INTEGER PRIMARY KEY, blank TEXT);"
    "CREATE TABLE IF NOT EXISTS literals (id INTEGER PRIMARY KEY, text TEXT,"
    " language TEXT, datatype INTEGER);"
    "CREATE TABLE IF NOT EXISTS triples (subjectUri INTEGER,"
    " subjectBlank INTEGER, predicateUri INTEGER, objectUri INTEGER,"
    " objectBlank INTEGER, objectLiteral INTEGER, contextUri INTEGER);"
    "CREATE INDEX IF NOT EXISTS spindex ON triples"
    " (subjectUri, subjectBlank, predicateUri);"
    "CREATE INDEX IF NOT EXISTS uriindex ON uris (uri);"
    "CREATE INDEX IF NOT EXISTS kgb_literal_text ON literals (text);"
    "CREATE INDEX IF NOT EXISTS kgb_blank_name ON blanks (blank);"
    "CREATE INDEX IF NOT EXISTS kgb_object_literal ON triples"
    " (objectLiteral);";

/* The columns of a statement, in the order of the triples table. */
#define MATCH                                                               \
  "subjectUri IS ?1 AND subjectBlank IS ?2 AND predicateUri = ?3 AND "     \
  "objectUri IS ?4 AND objectBlank IS ?5 AND objectLiteral IS ?6 AND "     \
  "contextUri IS ?7"

/* Each statement the writer prepares once: its name and its SQL. */
#define KGB_SQLITE_QUERIES(X)                                               \
  X(URI_GET, "SELECT id FROM uris WHERE uri = ?1")                          \
  X(URI_ADD, "INSERT INTO uris (uri) VALUES (?1)")                          \
  X(BLANK_GET, "SELECT id FROM blanks WHERE blank = ?1")                    \
  X(BLANK_ADD, "INSERT INTO blanks (blank) VALUES (?1)")                    \
  X(LIT_GET, "SELECT id FROM literals WHERE text = ?1 AND language IS ?2 "  \
             "AND datatype IS ?3")                                          \
  X(LIT_ADD, "INSERT INTO literals (text, language, datatype) "             \
             "VALUES (?1, ?2, ?3)")                                         \
  X(HAS, "SELECT 1 FROM triples WHERE " MATCH " LIMIT 1")                   \
  X(ADD, "INSERT INTO triples (subjectUri, subjectBlank, predicateUri, "    \
         "objectUri, objectBlank, objectLiteral, contextUri) "              \
         "VALUES (?1,?2,?3,?4,?5,?6,?7)")                                   \
  X(DEL, "DELETE FROM triples WHERE " MATCH)                                \
  X(NAMES, "SELECT l.text FROM triples t JOIN literals l "                  \
           "ON l.id = t.objectLiteral WHERE t.subjectUri = ?1 AND "         \
           "t.subjectBlank IS NULL AND t.predicateUri = ?2 AND "            \
           "t.contextUri IS NULL")                                          \
  X(HAS_LITERAL, "SELECT 1 FROM literals l JOIN triples t "                 \
                 "ON t.objectLiteral = l.id WHERE l.text = ?1 AND "         \
                 "l.language IS NULL AND l.datatype IS NULL AND "           \
                 "t.predicateUri = ?2 LIMIT 1")

enum {
#define KGB_SQLITE_ENUM(name, text) Q_##name,
  KGB_SQLITE_QUERIES(KGB_SQLITE_ENUM)
#undef KGB_SQLITE_ENUM
  Q_COUNT
};

static const char *const sql[Q_COUNT] = {
#define KGB_SQLITE_TEXT(name, text) text,
  KGB_SQLITE_QUERIES(KGB_SQLITE_TEXT)
#undef KGB_SQLITE_TEXT
};

struct kgb_sqlite {
  sqlite3 *db;
  sqlite3_stmt *q[Q_COUNT];
  kgb_map uri_ids;      /* URI -> id; forgotten when a transaction rolls back */
  int in_transaction;
};

const char *kgb_sqlite_error(const kgb_sqlite *s)
{
  return s && s->db ? sqlite3_errmsg(s->db) : "out of memory";
}

int kgb_sqlite_is_busy(const kgb_sqlite *s)
{
  int code = s && s->db ? sqlite3_errcode(s->db) : SQLITE_OK;

  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

void kgb_sqlite_close(kgb_sqlite *s)
{
  if (!s)
    return;
  for (int i = 0; i < Q_COUNT; i++)
    sqlite3_finalize(s->q[i]);
  if (s->in_transaction)
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(s->db);
  kgb_map_release(&s->uri_ids);
  kgb_free(s);
}

/* Open PATH (creating it when CREATE), with the tables and indexes; a
 * writer that finds the file locked waits up to WAIT_MS.  On failure *OUT
 * is still set when there is a message to read (kgb_sqlite_error). */
int kgb_sqlite_open(const char *path, int create, int wait_ms,
                    kgb_sqlite **out)
{
  kgb_sqlite *s = kgb_calloc(1, sizeof *s);
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

  *out = s;
  if (!s)
    return KGB_ENOMEM;
  kgb_map_init(&s->uri_ids);
  if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout(s->db, wait_ms) != SQLITE_OK ||
      sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) ||
      /* Made in one transaction, so two first loads do not race. */
      sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL))
    return KGB_ERDF;
  if (sqlite3_exec(s->db, schema, NULL, NULL, NULL) ||
      sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL)) {
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return KGB_ERDF;
  }
  for (int i = 0; i < Q_COUNT; i++)
    if (sqlite3_prepare_v2(s->db, sql[i], -1, &s->q[i], NULL) != SQLITE_OK)
      return KGB_ERDF;
  return KGB_OK;
}

int kgb_sqlite_begin(kgb_sqlite *s)
{
  if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL))
    return KGB_ERDF;
  s->in_transaction = 1;
  return KGB_OK;
}

int kgb_sqlite_end(kgb_sqlite *s, int commit)
{
  int rc = KGB_OK;

  if (!s->in_transaction)
    return KGB_OK;
  if (commit && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL))
    rc = KGB_ERDF;
  if (!commit || rc) {
    /* Ids added since BEGIN are gone with the rollback. */
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    kgb_map_release(&s->uri_ids);
    kgb_map_init(&s->uri_ids);
  }
  s->in_transaction = 0;
  return rc;
}

/* Step Q once: 1 for a row (its first column in *ID), 0 for none. */
static int step(sqlite3_stmt *q, sqlite3_int64 *id)
{
  int rc = sqlite3_step(q);

  if (rc == SQLITE_ROW) {
    if (id)
      *id = sqlite3_column_int64(q, 0);
    sqlite3_reset(q);
    return 1;
  }
  sqlite3_reset(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* The id of TEXT in a table of GET and ADD, added when missing; -1 on
 * error. */
static sqlite3_int64 text_id(kgb_sqlite *s, int get, int add,
                             const char *text, size_t len)
{
  sqlite3_int64 id = -1;
  int found;

  sqlite3_bind_text(s->q[get], 1, text, (int)len, SQLITE_STATIC);
  found = step(s->q[get], &id);
  sqlite3_clear_bindings(s->q[get]);
  if (found)
    return found > 0 ? id : -1;
  sqlite3_bind_text(s->q[add], 1, text, (int)len, SQLITE_STATIC);
  found = step(s->q[add], NULL);
  sqlite3_clear_bindings(s->q[add]);
  return found < 0 ? -1 : sqlite3_last_insert_rowid(s->db);
}

static sqlite3_int64 uri_id(kgb_sqlite *s, raptor_uri *uri)
{
  size_t len;
  const char *text = (const char *)raptor_uri_as_counted_string(uri, &len);
  int cached = kgb_map_get(&s->uri_ids, text, len);
  sqlite3_int64 id;

  if (cached >= 0)
    return cached;
  id = text_id(s, Q_URI_GET, Q_URI_ADD, text, len);
  if (id >= 0 && id <= 0x7fffffff &&
      kgb_map_put(&s->uri_ids, text, len, (int)id))
    return -1;
  return id;
}

static sqlite3_int64 literal_id(kgb_sqlite *s, const raptor_term *t)
{
  sqlite3_stmt *get = s->q[Q_LIT_GET], *add = s->q[Q_LIT_ADD];
  sqlite3_int64 id = -1, datatype = -1;
  int found;

  if (t->value.literal.datatype &&
      (datatype = uri_id(s, t->value.literal.datatype)) < 0)
    return -1;
  for (int i = 0; i < 2; i++) {
    sqlite3_stmt *q = i ? add : get;
    sqlite3_bind_text(q, 1, (const char *)t->value.literal.string,
                      (int)t->value.literal.string_len, SQLITE_STATIC);
    if (t->value.literal.language)
      sqlite3_bind_text(q, 2, (const char *)t->value.literal.language,
                        (int)t->value.literal.language_len, SQLITE_STATIC);
    if (datatype >= 0)
      sqlite3_bind_int64(q, 3, datatype);
    found = step(q, &id);
    sqlite3_clear_bindings(q);
    if (found < 0)
      return -1;
    if (i == 0 && found)
      return id;
  }
  return sqlite3_last_insert_rowid(s->db);
}

/* Bind term T to Q's parameter AS_URI (or the two after it, for a blank
 * node and a literal); READ_ONLY looks up without adding, and says 0 when
 * the term is not there. */
static int bind_term(kgb_sqlite *s, sqlite3_stmt *q, int as_uri,
                     const raptor_term *t)
{
  sqlite3_int64 id;

  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    id = uri_id(s, t->value.uri);
    break;
  case RAPTOR_TERM_TYPE_BLANK:
    id = text_id(s, Q_BLANK_GET, Q_BLANK_ADD,
                 (const char *)t->value.blank.string,
                 t->value.blank.string_len);
    as_uri += 1;
    break;
  case RAPTOR_TERM_TYPE_LITERAL:
    id = literal_id(s, t);
    as_uri += 2;
    break;
  default:
    return KGB_EINVAL;
  }
  if (id < 0)
    return KGB_ERDF;
  sqlite3_bind_int64(q, as_uri, id);
  return KGB_OK;
}

static int bind_statement(kgb_sqlite *s, sqlite3_stmt *q,
                          const raptor_statement *st)
{
  int rc;

  sqlite3_clear_bindings(q);
  if ((st->subject->type != RAPTOR_TERM_TYPE_URI &&
       st->subject->type != RAPTOR_TERM_TYPE_BLANK) ||
      st->predicate->type != RAPTOR_TERM_TYPE_URI ||
      (st->graph && st->graph->type != RAPTOR_TERM_TYPE_URI))
    return KGB_EINVAL;
  rc = bind_term(s, q, 1, st->subject);
  if (rc == KGB_OK)
    rc = bind_term(s, q, 3, st->predicate);
  if (rc == KGB_OK)
    rc = bind_term(s, q, 4, st->object);
  if (rc == KGB_OK && st->graph)
    rc = bind_term(s, q, 7, st->graph);
  return rc;
}

int kgb_sqlite_add(kgb_sqlite *s, const raptor_statement *st, long *net)
{
  int rc = bind_statement(s, s->q[Q_HAS], st), found;

  if (rc)
    return rc;
  found = step(s->q[Q_HAS], NULL);
  if (found)
    return found < 0 ? KGB_ERDF : KGB_OK;
  if ((rc = bind_statement(s, s->q[Q_ADD], st)))
    return rc;
  if (step(s->q[Q_ADD], NULL) < 0)
    return KGB_ERDF;
  (*net)++;
  return KGB_OK;
}

int kgb_sqlite_remove(kgb_sqlite *s, const raptor_statement *st, long *net)
{
  int rc = bind_statement(s, s->q[Q_DEL], st);

  if (rc)
    return rc;
  if (step(s->q[Q_DEL], NULL) < 0)
    return KGB_ERDF;
  *net -= sqlite3_changes(s->db);
  return KGB_OK;
}

int kgb_sqlite_literals(kgb_sqlite *s, raptor_term *subject,
                        raptor_term *predicate,
                        int (*fn)(void *data, const char *text), void *data)
{
  sqlite3_stmt *q = s->q[Q_NAMES];
  int rc, step_rc;

  sqlite3_clear_bindings(q);
  if (subject->type != RAPTOR_TERM_TYPE_URI)
    return KGB_OK;
  rc = bind_term(s, q, 1, subject);
  if (rc == KGB_OK)
    rc = bind_term(s, q, 2, predicate);
  while (rc == KGB_OK && (step_rc = sqlite3_step(q)) == SQLITE_ROW)
    rc = fn(data, (const char *)sqlite3_column_text(q, 0));
  if (rc == KGB_OK && step_rc != SQLITE_DONE)
    rc = KGB_ERDF;
  sqlite3_reset(q);
  return rc;
}

int kgb_sqlite_has_literal(kgb_sqlite *s, raptor_term *predicate,
                           const char *value)
{
  sqlite3_stmt *q = s->q[Q_HAS_LITERAL];
  int rc;

  sqlite3_clear_bindings(q);
  if ((rc = bind_term(s, q, 2, predicate)))
    return rc;
  sqlite3_bind_text(q, 1, value, -1, SQLITE_STATIC);
  rc = step(q, NULL);
  return rc < 0 ? KGB_ERDF : rc;
}
