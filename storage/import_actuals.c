/* Actuals files, long (kpi,value) or wide (one column per KPI), weekly
 * (week column) or daily (date column), row by row as they stream in.
 * A key repeated in one file is found by the database: the upsert does
 * not replace a value of the same import (nothing kept in memory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/import_priv.h"

/* imp->cols of an actuals file */
enum { C_WEEK, C_DATE, C_STORE, C_CATEGORY, C_PERSON, C_KPI, C_VALUE, C_N };

static const char *additivity_name(fp_additivity add)
{
    return add == FP_ADD_FORMULA ? "a formula KPI" : "a non-additive KPI";
}

/* Daily values are summed into their week: only additive KPIs allow it. */
static bool check_kpi(fp_importer *imp, int line, const char *column,
                      int kpi)
{
    const fp_kpi *k = &imp->cat->kpis[kpi];
    if (!fp_imp_not_formula(imp, line, column, kpi))
        return false;
    if (k->add == FP_ADD_SUM || !imp->daily)
        return true;
    fp_imp_problem(imp, line, column,
                   "%s is %s: daily values cannot be summed into a week; "
                   "import weekly values",
                   k->id, additivity_name(k->add));
    return false;
}

static bool bind_wide(fp_importer *imp)
{
    const fp_csv_row *h = imp->header;
    bool ok = true;
    int nkpis = 0;
    imp->col_kpi = malloc((size_t)h->nfields * sizeof *imp->col_kpi);
    if (imp->col_kpi == NULL) {
        fp_imp_fail(imp, "out of memory");
        return false;
    }
    for (int i = 0; i < h->nfields; i++) {
        const char *name = fp_imp_field(h, i);
        bool fixed = false;
        for (int c = 0; c < C_N; c++)
            fixed = fixed || imp->cols[c].idx == i;
        imp->col_kpi[i] = -1;
        if (fixed || name[0] == '\0')
            continue;
        int k = fp_imp_kpi(imp, h->line, name, name);
        if (k >= 0 && !check_kpi(imp, h->line, name, k))
            k = -1;
        imp->col_kpi[i] = k;
        ok = ok && k >= 0;
        nkpis++;
    }
    if (nkpis == 0) {
        fp_imp_problem(imp, h->line, "value",
                       "no KPI columns (wide format) and no kpi,value "
                       "columns (long format)");
        ok = false;
    }
    return ok;
}

static bool bind_layout(fp_importer *imp)
{
    const fp_csv_row *h = imp->header;
    fp_imp_col *cols = imp->cols;
    imp->wide = fp_imp_header_index(h, "kpi") < 0 &&
                fp_imp_header_index(h, "value") < 0;
    static const char *const names[C_N] = {
        "week", "date", "store", "category", "person", "kpi", "value"};
    for (int c = 0; c < C_N; c++)
        cols[c] = (fp_imp_col){names[c], false, -1};
    cols[C_STORE].required = true;
    cols[C_KPI].required = cols[C_VALUE].required = !imp->wide;
    bool ok = fp_imp_bind(imp, cols, C_N, imp->wide);
    imp->daily = cols[C_DATE].idx >= 0;
    if (cols[C_WEEK].idx >= 0 && cols[C_DATE].idx >= 0) {
        fp_imp_problem(imp, h->line, "date",
                       "use either week or date, not both");
        ok = false;
    } else if (cols[C_WEEK].idx < 0 && cols[C_DATE].idx < 0) {
        fp_imp_problem(imp, h->line, "week", "missing from the header "
                       "(a week or a date column is needed)");
        ok = false;
    }
    if (imp->wide)
        ok = bind_wide(imp) && ok;
    return ok;
}

typedef struct {
    fp_week week;
    long day;           /* -1 for a weekly row */
    const char *store, *category, *person;
} row_key;

static bool check_row_key(fp_importer *imp, const fp_csv_row *row,
                          row_key *key)
{
    const fp_imp_col *c = imp->cols;
    bool ok;
    char shown[200];
    key->day = -1;
    if (imp->daily) {
        ok = fp_imp_date(imp, row, c[C_DATE].idx, &key->day);
        if (ok) {
            int y, m, d;
            fp_civil_from_days(key->day, &y, &m, &d);
            key->week = fp_week_of_date(y, m, d);
        }
    } else {
        ok = fp_imp_week(imp, row, c[C_WEEK].idx, &key->week);
    }
    ok = fp_imp_check_id(imp, row, c[C_STORE].idx, true) && ok;
    ok = fp_imp_check_id(imp, row, c[C_CATEGORY].idx, false) && ok;
    ok = fp_imp_check_id(imp, row, c[C_PERSON].idx, false) && ok;
    key->store = fp_imp_field(row, c[C_STORE].idx);
    key->category = fp_imp_field(row, c[C_CATEGORY].idx);
    key->person = fp_imp_field(row, c[C_PERSON].idx);
    if (key->person[0] != '\0' && key->category[0] == '\0') {
        char col[16];
        int idx = c[C_CATEGORY].idx;
        fp_imp_problem(imp, row->line,
                       idx < 0 ? "category" : fp_imp_colname(imp, idx, col),
                       "empty, but person %s is given (a person belongs "
                       "to a category)",
                       fp_imp_show(key->person, shown, sizeof shown));
        ok = false;
    }
    return ok;
}

/* 1 written, 0 the key was already written by this file (the upsert
 * leaves a value of the same import alone), -1 failure. */
static int run_upsert(fp_importer *imp, sqlite3_stmt *st)
{
    if (!fp_imp_run(imp, st))
        return -1;
    return sqlite3_changes(imp->db->sql) > 0 ? 1 : 0;
}

static int write_weekly(fp_importer *imp, const row_key *key, long long node,
                        long long kpi, double value)
{
    long first = fp_week_monday(key->week);
    sqlite3_stmt *st = imp->st_fact;
    sqlite3_bind_int(st, 1, key->week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_double(st, 4, value);
    sqlite3_bind_int64(st, 5, imp->import_id);
    fp_imp_note_day(imp, first + 6);
    int rc = run_upsert(imp, st);
    if (rc <= 0 || !imp->has_daily)
        return rc;
    /* A weekly value replaces the daily rows it would be summed from. */
    char monday[11], sunday[11];
    fp_imp_day_text(first, monday);
    fp_imp_day_text(first + 6, sunday);
    st = imp->st_daily_clear;
    sqlite3_bind_int64(st, 1, node);
    sqlite3_bind_int64(st, 2, kpi);
    sqlite3_bind_text(st, 3, monday, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, sunday, -1, SQLITE_TRANSIENT);
    return fp_imp_run(imp, st) ? 1 : -1;
}

static int write_daily(fp_importer *imp, const row_key *key, long long node,
                       long long kpi, double value)
{
    char day[11];
    fp_imp_day_text(key->day, day);
    sqlite3_stmt *st = imp->st_daily;
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_double(st, 4, value);
    sqlite3_bind_int64(st, 5, imp->import_id);
    fp_imp_note_day(imp, key->day);
    int rc = run_upsert(imp, st);
    if (rc <= 0)
        return rc;
    /* the week to re-sum from its days at the end of the file */
    st = imp->st_touch;
    sqlite3_bind_int(st, 1, key->week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    return fp_imp_run(imp, st) ? 1 : -1;
}

/* Text that identifies a value's key in this file, for duplicates. */
static void dup_key(const row_key *key, int kpi, fp_buf *out)
{
    out->len = 0;
    fp_buf_printf(out, "%d|%ld|%s\x1f%s\x1f%s|%d", key->week, key->day,
                  key->store, key->category, key->person, kpi);
}

static const char *key_names(const row_key *key)
{
    return key->day >= 0 ? "date/store/category/person/kpi"
                         : "week/store/category/person/kpi";
}

static void store_value(fp_importer *imp, const fp_csv_row *row,
                        const row_key *key, int kpi, int value_col,
                        double value)
{
    char col[16];
    if (imp->failed)
        return;
    long long node = fp_imp_node(imp, key->store, key->category, key->person);
    long long kpi_id = node > 0 ? fp_imp_kpi_id(imp, kpi) : -1;
    if (kpi_id <= 0)
        return;
    int rc = key->day >= 0 ? write_daily(imp, key, node, kpi_id, value)
                           : write_weekly(imp, key, node, kpi_id, value);
    if (rc > 0) {
        imp->cur->written++;
    } else if (rc == 0) {
        fp_buf k;
        fp_buf_init(&k);
        dup_key(key, kpi, &k);
        fp_imp_duplicate(imp, fp_buf_str(&k), row->line,
                         fp_imp_colname(imp, value_col, col), key_names(key));
        fp_buf_done(&k);
    }
}

/* One value of a row: stored, or while rescanning, its key compared
 * with the repeated ones. */
static void take_value(fp_importer *imp, const fp_csv_row *row,
                       const row_key *key, int kpi, int value_col,
                       bool key_ok)
{
    double v;
    bool present;
    if (!fp_imp_number(imp, row, value_col, kpi, &v, &present) ||
        !present || !key_ok)
        return;
    if (!imp->rescan) {
        store_value(imp, row, key, kpi, value_col, v);
        return;
    }
    fp_buf k;
    fp_buf_init(&k);
    dup_key(key, kpi, &k);
    fp_imp_rescan_key(imp, fp_buf_str(&k), row->line);
    fp_buf_done(&k);
}

static void long_row(fp_importer *imp, const fp_csv_row *row,
                     const row_key *key, bool key_ok)
{
    char col[16];
    int kpi_idx = imp->cols[C_KPI].idx;
    const char *kpi_col = fp_imp_colname(imp, kpi_idx, col);
    const char *id = fp_imp_field(row, kpi_idx);
    if (id[0] == '\0') {
        fp_imp_problem(imp, row->line, kpi_col, "empty");
        return;
    }
    int kpi = fp_imp_kpi(imp, row->line, kpi_col, id);
    if (kpi < 0 || !check_kpi(imp, row->line, kpi_col, kpi))
        return;
    take_value(imp, row, key, kpi, imp->cols[C_VALUE].idx, key_ok);
}

static void actuals_row(fp_importer *imp, const fp_csv_row *row)
{
    row_key key;
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool key_ok = check_row_key(imp, row, &key);
    if (!imp->wide) {
        long_row(imp, row, &key, key_ok);
        return;
    }
    for (int i = 0; i < row->nfields; i++)
        if (imp->col_kpi[i] >= 0)
            take_value(imp, row, &key, imp->col_kpi[i], i, key_ok);
}

/* Daily files note the weeks to re-sum in a temporary table (on disk
 * when large, as SQLite keeps temp tables), not in memory. */
static bool touched_begin(fp_importer *imp)
{
    static const char *const sql[] = {
        "CREATE TEMP TABLE IF NOT EXISTS fp_touched(week INTEGER,"
        " node_id INTEGER, kpi_id INTEGER,"
        " PRIMARY KEY(week, node_id, kpi_id)) WITHOUT ROWID",
        "DELETE FROM temp.fp_touched",
    };
    for (int i = 0; i < 2; i++)
        if (!fp_db_exec_stmt(imp->db, fp_db_prepare(imp->db, sql[i]))) {
            fp_imp_fail(imp, "%s", imp->db->err);
            return false;
        }
    if (imp->st_touch == NULL)
        imp->st_touch = fp_db_prepare(imp->db,
            "INSERT OR IGNORE INTO temp.fp_touched VALUES(?1, ?2, ?3)");
    if (imp->st_touched == NULL)
        imp->st_touched = fp_db_prepare(imp->db,
            "SELECT week, node_id, kpi_id FROM temp.fp_touched");
    if (imp->st_touch == NULL || imp->st_touched == NULL) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return false;
    }
    return true;
}

static bool has_daily_rows(fp_importer *imp)
{
    sqlite3_stmt *st = fp_db_prepare(imp->db,
        "SELECT EXISTS(SELECT 1 FROM daily_facts)");
    bool any = st == NULL || (sqlite3_step(st) == SQLITE_ROW &&
                              sqlite3_column_int(st, 0) != 0);
    sqlite3_finalize(st);
    return any;
}

void fp_import_actuals(fp_importer *imp)
{
    bool ok = bind_layout(imp);
    imp->cur->format = imp->daily ? (imp->wide ? "daily wide" : "daily long")
                                  : (imp->wide ? "wide" : "long");
    if (!ok || imp->failed)
        return;
    imp->has_daily = imp->daily || has_daily_rows(imp);
    if (imp->daily && !touched_begin(imp))
        return;
    imp->on_row = actuals_row;
}

static bool resum_week(fp_importer *imp, fp_week week, long long node,
                       long long kpi)
{
    char monday[11], sunday[11];
    long first = fp_week_monday(week);
    fp_imp_day_text(first, monday);
    fp_imp_day_text(first + 6, sunday);
    sqlite3_stmt *st = imp->st_daily_sum;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_int64(st, 4, imp->import_id);
    sqlite3_bind_text(st, 5, monday, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, sunday, -1, SQLITE_TRANSIENT);
    if (!fp_imp_run(imp, st))
        return false;
    imp->cur->summed++;
    return true;
}

bool fp_import_actuals_end(fp_importer *imp)
{
    if (!imp->daily || !imp->ok || imp->failed)
        return imp->ok;
    sqlite3_stmt *st = imp->st_touched;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
           resum_week(imp, sqlite3_column_int(st, 0),
                      sqlite3_column_int64(st, 1),
                      sqlite3_column_int64(st, 2)))
        ;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fp_db_set_error(imp->db, "import");
        fp_imp_fail(imp, "%s", imp->db->err);
    }
    sqlite3_reset(st);
    return imp->ok;
}
