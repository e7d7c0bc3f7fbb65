/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_store_sqlite_read.c - every statement of an sqlite: store, read
 * straight from the tables of librdf's SQLite storage, for `query`.
 *
 * Why not librdf's stream: it joins the tables again for each statement
 * and makes each of its nodes anew, so reading 1,000 articles' store took
 * longer than parsing the same graph as Turtle.  Here each table is read
 * once, each node made once, and the triples table is a scan of ids. */
#include <sqlite3.h>
#include <stdlib.h>

#include "kgb_alloc.h"
#include "kgb_store.h"

/* The nodes of one table, by id (ascending: read ORDER BY id). */
typedef struct {
  sqlite3_int64 *id;
  raptor_term **term;   /* owned */
  size_t n, cap_id, cap_term;
} node_table;

enum { URIS, BLANKS, LITERALS, TABLES };

typedef struct {
  sqlite3 *db;
  raptor_world *raptor;
  node_table table[TABLES];
  kgb_buf *why;
  int fn_failed;   /* the status is the caller's function's */
} reader;

static const char *const table_sql[TABLES] = {
  "SELECT id, uri FROM uris ORDER BY id",
  "SELECT id, blank FROM blanks ORDER BY id",
  "SELECT id, text, language, datatype FROM literals ORDER BY id",
};
static const char *const table_name[TABLES] = {"uris", "blanks", "literals"};

static void free_table(node_table *t)
{
  for (size_t i = 0; i < t->n; i++)
    raptor_free_term(t->term[i]);
  kgb_free(t->id);
  kgb_free(t->term);
}

/* The node of ID in T, or NULL. */
static raptor_term *node_of(const node_table *t, sqlite3_int64 id)
{
  size_t lo = 0, hi = t->n;

  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->id[mid] < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < t->n && t->id[lo] == id ? t->term[lo] : NULL;
}

static int sql_failed(reader *r)
{
  kgb_buf_printf(r->why, "%s", sqlite3_errmsg(r->db));
  return KGB_ERDF;
}

static int damaged(reader *r, const char *table, sqlite3_int64 id)
{
  kgb_buf_printf(r->why, "the store is damaged: id %lld is not in its %s "
                 "table (load the articles again into a new store)",
                 (long long)id, table);
  return KGB_EPARSE;
}

/* The node of row Q of table WHICH; NULL with *RC set on failure. */
static raptor_term *row_node(reader *r, int which, sqlite3_stmt *q, int *rc)
{
  const unsigned char *text = sqlite3_column_text(q, 1), *lang;
  raptor_term *dt = NULL;
  sqlite3_int64 dt_id;
  raptor_term *node;

  if (!text) {
    *rc = damaged(r, table_name[which], sqlite3_column_int64(q, 0));
    return NULL;
  }
  if (which == URIS)
    node = raptor_new_term_from_uri_string(r->raptor, text);
  else if (which == BLANKS)
    node = raptor_new_term_from_blank(r->raptor, text);
  else {
    lang = sqlite3_column_text(q, 2);
    dt_id = sqlite3_column_int64(q, 3);
    if (dt_id > 0 && !(dt = node_of(&r->table[URIS], dt_id))) {
      *rc = damaged(r, "uris", dt_id);
      return NULL;
    }
    node = raptor_new_term_from_literal(r->raptor, text,
                                        dt ? dt->value.uri : NULL,
                                        lang && *lang ? lang : NULL);
  }
  *rc = node ? KGB_OK : KGB_ENOMEM;
  return node;
}

static int read_table(reader *r, int which)
{
  node_table *t = &r->table[which];
  sqlite3_stmt *q;
  int step, rc = KGB_OK;

  if (sqlite3_prepare_v2(r->db, table_sql[which], -1, &q, NULL) != SQLITE_OK)
    return sql_failed(r);
  while (rc == KGB_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
    raptor_term *node = row_node(r, which, q, &rc);
    if (!node)
      break;
    if (kgb_grow(&t->id, &t->cap_id, t->n + 1, sizeof *t->id) ||
        kgb_grow(&t->term, &t->cap_term, t->n + 1, sizeof *t->term)) {
      raptor_free_term(node);
      rc = KGB_ENOMEM;
      break;
    }
    t->id[t->n] = sqlite3_column_int64(q, 0);
    t->term[t->n++] = node;
  }
  if (rc == KGB_OK && step != SQLITE_DONE)
    rc = sql_failed(r);
  sqlite3_finalize(q);
  return rc;
}

/* The node of column COL of a triples row, from TABLE; a NULL (or 0)
 * column is no node, and leaves *NODE as it was. */
static int column_node(reader *r, sqlite3_stmt *q, int col, int table,
                       raptor_term **node)
{
  sqlite3_int64 id = sqlite3_column_int64(q, col);

  if (sqlite3_column_type(q, col) == SQLITE_NULL || id == 0)
    return KGB_OK;
  if (!(*node = node_of(&r->table[table], id)))
    return damaged(r, table_name[table], id);
  return KGB_OK;
}

static int read_triples(reader *r, kgb_statement_fn fn, void *data)
{
  sqlite3_stmt *q;
  int step, rc = KGB_OK;

  if (sqlite3_prepare_v2(r->db,
                         "SELECT subjectUri, subjectBlank, predicateUri, "
                         "objectUri, objectBlank, objectLiteral FROM triples",
                         -1, &q, NULL) != SQLITE_OK)
    return sql_failed(r);
  while (rc == KGB_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
    raptor_statement st = {.world = r->raptor, .usage = 1};
    rc = column_node(r, q, 0, URIS, &st.subject);
    if (rc == KGB_OK)
      rc = column_node(r, q, 1, BLANKS, &st.subject);
    if (rc == KGB_OK)
      rc = column_node(r, q, 2, URIS, &st.predicate);
    for (int col = 3; col < 6 && rc == KGB_OK; col++)
      rc = column_node(r, q, col, URIS + (col - 3), &st.object);
    if (rc == KGB_OK && (!st.subject || !st.predicate || !st.object)) {
      kgb_buf_printf(r->why, "the store is damaged: a triple lacks its "
                     "subject, predicate or object");
      rc = KGB_EPARSE;
    }
    if (rc == KGB_OK && (rc = fn(data, &st)) != KGB_OK)
      r->fn_failed = 1;
  }
  if (rc == KGB_OK && step != SQLITE_DONE)
    rc = sql_failed(r);
  sqlite3_finalize(q);
  return rc;
}

int kgb_sqlite_read(const char *path, int wait_ms, raptor_world *raptor,
                    kgb_statement_fn fn, void *data, kgb_buf *why)
{
  reader r = {.raptor = raptor, .why = why};
  int rc = KGB_OK;

  if (sqlite3_open_v2(path, &r.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout(r.db, wait_ms) != SQLITE_OK ||
      /* One snapshot: a load that commits meanwhile is not half seen. */
      sqlite3_exec(r.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    rc = r.db ? sql_failed(&r) : KGB_ENOMEM;
  for (int t = 0; t < TABLES && rc == KGB_OK; t++)
    rc = read_table(&r, t);
  if (rc == KGB_OK)
    rc = read_triples(&r, fn, data);
  if (rc && !r.fn_failed && !why->len)
    kgb_buf_puts(why, "out of memory");
  for (int t = 0; t < TABLES; t++)
    free_table(&r.table[t]);
  sqlite3_close(r.db);   /* ends the read transaction */
  return rc;
}
