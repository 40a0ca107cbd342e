/* Internal helpers of the meeting storage files (notes.c, overrides.c,
 * actions.c, meetings.c, drafts.c, sample_meeting.c). Not for the TUI
 * or CLI: they use storage/meeting.h. */
#ifndef FUPAN_STORAGE_MEETING_UTIL_H
#define FUPAN_STORAGE_MEETING_UTIL_H

#include <stdbool.h>
#include <sqlite3.h>
#include "model/week.h"
#include "storage/db.h"

/* The body of a write transaction; false (with db->err) rolls it back. */
typedef bool (*fp_tx_fn)(fp_db *db, void *ctx);

/* BEGIN IMMEDIATE, fn, COMMIT. When another process holds the write lock
 * past the busy timeout (SQLITE_BUSY/LOCKED at BEGIN or COMMIT), rolls
 * back and tries again a few times after a short sleep, so the user never
 * sees "database is locked" while two fupan processes write. Gives up
 * once db->wait_ms has passed (db->busy, db->err names the holder). */
bool fp_tx_run(fp_db *db, fp_tx_fn fn, void *ctx);

/* A copy of a text column; NULL for SQL NULL (or out of memory). */
char *fp_col_dup(sqlite3_stmt *st, int col);
/* A copy of a text column; "" for SQL NULL. */
char *fp_col_dup0(sqlite3_stmt *st, int col);
/* A REAL column, NAN for SQL NULL. */
double fp_col_real(sqlite3_stmt *st, int col);

void fp_bind_text_or_null(sqlite3_stmt *st, int col, const char *s);
void fp_bind_real_or_null(sqlite3_stmt *st, int col, double v);
void fp_bind_id_or_null(sqlite3_stmt *st, int col, long long id);

/* True for NULL, "" and text made only of blanks (ASCII or U+3000). */
bool fp_blank(const char *s);

/* Sets db->err to a plain message (no SQLite text). */
void fp_meeting_error(fp_db *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One sqlite3_step that tells a row (1) from the end (0) and from an
 * error (-1, with db->err set to "PATH: what: message"): a read error,
 * such as a damaged page, is never taken for "no more rows". */
int fp_step(fp_db *db, sqlite3_stmt *st, const char *what);

/* Steps a statement expected to give one integer (or nothing): the value,
 * `none` when there is no row, -1 on error (db->err). Finalizes. */
long long fp_query_id(fp_db *db, sqlite3_stmt *st, long long none);

/* 1 when table facts holds a row of week, 0 when not, -1 on error
 * (db->err). */
int fp_facts_week_exists(fp_db *db, fp_week week);

/* kpis.id of code without registering it: 0 when unknown, -1 on error. */
long long fp_kpi_lookup(fp_db *db, const char *code);

/* Appends a zeroed item of size bytes to *items (holding *n items, grown
 * only so: fp_grow_one of model/vec.h); returns it, NULL when out of
 * memory. */
void *fp_list_push(void **items, size_t *n, size_t size);

/* Fills one list item (size bytes, zeroed) from the current row. */
typedef bool (*fp_row_reader)(sqlite3_stmt *st, void *item);
/* Steps st (NULL: false), appending one item per row with read;
 * finalizes st. False with db->err ("what: ...") on a read error or out
 * of memory; the items read so far stay for the caller to free. */
bool fp_read_rows(fp_db *db, sqlite3_stmt *st, void **items, size_t *n,
                  size_t size, fp_row_reader read, const char *what);

/* "store/category/person" of a node, given LEFT JOINs as FP_SQL_PATH_JOINS
 * on the node id column; "" for the company. */
#define FP_SQL_PATH \
    "ifnull(s.code, '') || ifnull('/' || c.code, '')" \
    " || ifnull('/' || p.code, '')"
#define FP_SQL_PATH_JOINS(node_col) \
    " LEFT JOIN nodes nd ON nd.id = " node_col \
    " LEFT JOIN stores s ON s.id = nd.store_id" \
    " LEFT JOIN categories c ON c.id = nd.category_id" \
    " LEFT JOIN people p ON p.id = nd.person_id"

#endif
