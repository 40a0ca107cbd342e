/* Per week, what a trend needs above person level, kept next to the
 * facts (table trend_sums, schema 4): the facts of the company, store
 * and category nodes and, at every category, its people's facts added
 * in tree order (model/rollup.h, fp_rollup_kid_sums). A trend week then
 * reads one row instead of every fact of the week (issue 11).
 *
 * Every write to facts re-sums the weeks it touched in its transaction
 * (the import; the migration that made the table; bench/gen_big.c). A
 * week without a row (or with one this fupan cannot read) is computed
 * from its facts, as before.
 *
 * The row is one BLOB, little-endian: a version byte (1), then per
 * (node, KPI): a flags byte (1: own, 2: kids), node id and KPI id as
 * 32-bit unsigned, then own and kids as IEEE-754 doubles when flagged. */
#ifndef FUPAN_STORAGE_TREND_SUMS_H
#define FUPAN_STORAGE_TREND_SUMS_H

#include <stdbool.h>
#include <stddef.h>
#include "model/week.h"
#include "storage/db.h"

/* Writes the sums of weeks inside the caller's transaction. Reads the
 * tree once (again when a row names a node made since). False with
 * db->err set on an error.
 * Ownership: fp_trend_writer_new/fp_trend_writer_free; NULL: db->err. */
typedef struct fp_trend_writer fp_trend_writer;
fp_trend_writer *fp_trend_writer_new(fp_db *db);
void fp_trend_writer_free(fp_trend_writer *w);
/* Sums week from its facts. */
bool fp_trend_writer_from_facts(fp_trend_writer *w, fp_week week);
/* One fact as table facts holds it (a value written as -0 reads 0). */
typedef struct { long long node, kpi; double value; } fp_trend_row;
/* Sums week from rows, which must be every fact the week holds (an
 * import's rows of a week that held none before). */
bool fp_trend_writer_from_rows(fp_trend_writer *w, fp_week week,
                               const fp_trend_row *rows, size_t n);

/* Re-sums weeks[0..n) from their facts (inside the caller's
 * transaction). False with db->err set on an error. */
bool fp_trend_sums_write(fp_db *db, const fp_week *weeks, size_t n);
/* The same for every week that holds a fact. */
bool fp_trend_sums_write_all(fp_db *db);

/* Compares the kept row of every week that holds a fact with what its
 * facts give now; calls bad for each week whose row differs or is
 * missing. Returns how many did, -1 on an error (db->err). */
typedef void (*fp_trend_bad_fn)(void *ctx, fp_week week);
int fp_trend_sums_verify(fp_db *db, fp_trend_bad_fn bad, void *ctx);

/* One (node, KPI) of a week: own or kids is NAN when not kept. */
typedef void (*fp_trend_sum_fn)(void *ctx, long long node_id,
                                 long long kpi_id, double own, double kids);

/* Calls fn for every kept (node, KPI) of week. 1 when the week has a
 * row, 0 when not (or when the row is not one this fupan writes: the
 * week is then read from its facts), -1 on a read error (db->err). */
int fp_trend_sums_read(fp_db *db, fp_week week, fp_trend_sum_fn fn,
                       void *ctx);

#endif
