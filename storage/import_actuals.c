/* Actuals files, long (kpi,value) or wide (one column per KPI), weekly
 * (week column) or daily (date column), row by row as they stream in.
 *
 * Writing: weekly facts in batches of FP_IMP_BATCH rows per INSERT.
 * While the keys (week, node, kpi) ascend, as an export's rows do, no
 * key can repeat and a value that did not change is not rewritten (a
 * re-import only reads). Otherwise every write marks its row with the
 * import, and the upsert leaves a row of the same import alone: fewer
 * rows changed than written means a key came twice (nothing is kept in
 * memory per row). When the keys stop ascending, the rows before are
 * read again to mark their keys.
 *
 * Repeated keys: once one is found nothing more is written; the file is
 * read again through a temporary table of keys and lines to name both
 * lines of each. An input that cannot be read twice (a pipe) notes every
 * key in that table as it comes instead. */
#include <stdio.h>
#include "model/i18n.h"
#include <stdlib.h>
#include <string.h>

#include "storage/import_priv.h"
#include "storage/profile.h"

/* imp->cols of an actuals file */
enum { C_WEEK, C_DATE, C_STORE, C_CATEGORY, C_PERSON, C_KPI, C_VALUE, C_N };

static const char *additivity_name(fp_additivity add)
{
    return add == FP_ADD_FORMULA ? _("a formula KPI") : _("a non-additive KPI");
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
                   _("%s is %s: daily values cannot be summed into a week; "
                   "import weekly values"),
                   k->id, additivity_name(k->add));
    return false;
}

/* A header may name a KPI by its label or label_zh ("观看次数"). */
static int kpi_by_label(const fp_catalogue *cat, const char *name)
{
    for (int k = 0; k < cat->nkpis; k++)
        if (fp_profile_header_is(name, cat->kpis[k].label, NULL) ||
            fp_profile_header_is(name, cat->kpis[k].label_zh, NULL))
            return k;
    return -1;
}

static bool bind_wide(fp_importer *imp)
{
    const fp_csv_row *h = imp->header;
    bool ok = true;
    int nkpis = 0;
    imp->col_kpi = malloc((size_t)h->nfields * sizeof *imp->col_kpi);
    if (imp->col_kpi == NULL) {
        fp_imp_fail(imp, _("out of memory"));
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
        int k = fp_catalogue_kpi(imp->cat, name) < 0
                    ? kpi_by_label(imp->cat, name) : -1;
        if (k < 0)
            k = fp_imp_kpi(imp, h->line, name, name);
        if (k >= 0 && !check_kpi(imp, h->line, name, k))
            k = -1;
        imp->col_kpi[i] = k;
        ok = ok && k >= 0;
        nkpis++;
    }
    if (nkpis == 0) {
        fp_imp_problem(imp, h->line, "value",
                       _("no KPI columns (wide format) and no kpi,value "
                       "columns (long format)"));
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
                       _("use either week or date, not both"));
        ok = false;
    } else if (cols[C_WEEK].idx < 0 && cols[C_DATE].idx < 0) {
        fp_imp_problem(imp, h->line, "week", _("missing from the header "
                       "(a week or a date column is needed)"));
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

static bool check_row_key_fields(fp_importer *imp, const fp_csv_row *row,
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
                       _("empty, but person %s is given (a person belongs "
                       "to a category)"),
                       fp_imp_show(key->person, shown, sizeof shown));
        ok = false;
    }
    return ok;
}

/* The key columns in the order kept in imp->last_key_fields. */
static int key_column(const fp_importer *imp, int i)
{
    static const int cols[4] = {-1, C_STORE, C_CATEGORY, C_PERSON};
    if (i == 0)
        return imp->cols[imp->daily ? C_DATE : C_WEEK].idx;
    return imp->cols[cols[i]].idx;
}

/* The rows of one person and week follow each other: a row whose key
 * fields are those of the last good key needs no checks again. */
static bool same_key_as_last(fp_importer *imp, const fp_csv_row *row,
                             row_key *key)
{
    const char *kept = imp->last_key_fields.s;
    if (!imp->has_last_key || kept == NULL)
        return false;
    for (int i = 0; i < 4; i++) {
        const char *v = fp_imp_field(row, key_column(imp, i));
        if (strcmp(v, kept) != 0)
            return false;
        kept += strlen(kept) + 1;
    }
    key->week = imp->last_key_week;
    key->day = imp->last_key_day;
    key->store = fp_imp_field(row, key_column(imp, 1));
    key->category = fp_imp_field(row, key_column(imp, 2));
    key->person = fp_imp_field(row, key_column(imp, 3));
    return true;
}

static void keep_key(fp_importer *imp, const fp_csv_row *row,
                     const row_key *key)
{
    fp_buf *b = &imp->last_key_fields;
    b->len = 0;
    for (int i = 0; i < 4; i++) {
        fp_buf_add(b, fp_imp_field(row, key_column(imp, i)));
        fp_buf_addn(b, "", 1);
    }
    imp->last_key_week = key->week;
    imp->last_key_day = key->day;
    imp->has_last_key = !b->failed;
}

static bool check_row_key(fp_importer *imp, const fp_csv_row *row,
                          row_key *key)
{
    if (same_key_as_last(imp, row, key))
        return true;
    if (!check_row_key_fields(imp, row, key))
        return false;
    keep_key(imp, row, key);
    return true;
}

/* Rows changed by the last write; fewer than written: a key of this
 * same file came again (the upsert leaves a value of the same import
 * alone). -1 on failure. */
static int run_upsert(fp_importer *imp, sqlite3_stmt *st)
{
    if (!fp_imp_run(imp, st))
        return -1;
    return sqlite3_changes(imp->db->sql);
}

/* While keys ascend none can repeat: a value that did not change is
 * left alone (re-importing a file rewrites nothing). Else every write
 * marks its row with the import, and a mark found means a repeat. */
static const char *const upsert_sorted =
    " ON CONFLICT(week, node_id, kpi_id) DO UPDATE SET"
    " value = excluded.value, import_id = excluded.import_id"
    " WHERE facts.value IS NOT excluded.value";
static const char *const upsert_marked =
    " ON CONFLICT(week, node_id, kpi_id) DO UPDATE SET"
    " value = excluded.value, import_id = excluded.import_id"
    " WHERE facts.import_id IS NOT excluded.import_id";

static void count_written(fp_importer *imp, int changed, int rows,
                          bool sorted)
{
    if (changed < 0)
        return;
    imp->cur->written += sorted ? rows : changed;
    if (!sorted && changed < rows)
        imp->dup_found = true;
}

static void bind_fact(fp_importer *imp, sqlite3_stmt *st, int first,
                      const fp_imp_fact *f)
{
    sqlite3_bind_int(st, first, f->week);
    sqlite3_bind_int64(st, first + 1, f->node);
    sqlite3_bind_int64(st, first + 2, f->kpi);
    sqlite3_bind_double(st, first + 3, f->value);
    sqlite3_bind_int64(st, first + 4, imp->import_id);
}

/* "INSERT ... VALUES (?,?,?,?,?), ... ON CONFLICT ...": one statement
 * for many facts (a step costs more than a row). */
static sqlite3_stmt *prepare_insert(fp_importer *imp, int rows, bool sorted)
{
    fp_buf sql;
    fp_buf_init(&sql);
    fp_buf_add(&sql, "INSERT INTO facts(week, node_id, kpi_id, value,"
                     " import_id) VALUES");
    for (int i = 0; i < rows; i++)
        fp_buf_printf(&sql, "%s(?%d, ?%d, ?%d, ?%d, ?%d)", i ? "," : "",
                      5 * i + 1, 5 * i + 2, 5 * i + 3, 5 * i + 4, 5 * i + 5);
    fp_buf_add(&sql, sorted ? upsert_sorted : upsert_marked);
    sqlite3_stmt *st = sql.failed ? NULL : fp_db_prepare(imp->db, sql.s);
    fp_buf_done(&sql);
    if (st == NULL)
        fp_imp_fail(imp, "%s", imp->db->err);
    return st;
}

static sqlite3_stmt *insert_statement(fp_importer *imp, int rows,
                                      bool sorted)
{
    sqlite3_stmt **st = rows == 1 ? (sorted ? &imp->st_fact_sorted
                                            : &imp->st_fact)
                                  : (sorted ? &imp->st_batch_sorted
                                            : &imp->st_fact_batch);
    if (*st == NULL)
        *st = prepare_insert(imp, rows, sorted);
    return *st;
}

/* Writes the batch: a full one in one statement, a last short one row
 * by row. Once a key came twice nothing more is written: the import is
 * refused, and the rescan names the lines. */
static void flush_batch(fp_importer *imp)
{
    int n = imp->nbatch;
    bool sorted = imp->sorted;
    imp->nbatch = 0;
    if (n == 0 || imp->failed || imp->dup_found)
        return;
    sqlite3_stmt *st = insert_statement(imp, n == FP_IMP_BATCH ? n : 1,
                                        sorted);
    if (st != NULL && n == FP_IMP_BATCH) {
        for (int i = 0; i < n; i++)
            bind_fact(imp, st, 5 * i + 1, &imp->batch[i]);
        int changed = run_upsert(imp, st);
        count_written(imp, changed, n, sorted);
        fp_imp_sums_written(imp, imp->batch, n, changed, sorted);
        return;
    }
    for (int i = 0; st != NULL && i < n && !imp->failed; i++) {
        bind_fact(imp, st, 1, &imp->batch[i]);
        int changed = run_upsert(imp, st);
        count_written(imp, changed, 1, sorted);
        fp_imp_sums_written(imp, &imp->batch[i], 1, changed, sorted);
    }
}

static bool key_after(const fp_imp_fact *a, const fp_imp_fact *b)
{
    if (a->week != b->week)
        return a->week > b->week;
    if (a->node != b->node)
        return a->node > b->node;
    return a->kpi > b->kpi;
}

/* Keys ascended up to line; from here a key may repeat. The rows before
 * are read again to mark their keys as this import's (a value that did
 * not change was left unmarked), then every write marks. */
static void leave_sorted(fp_importer *imp, int line)
{
    flush_batch(imp);
    imp->sorted = false;
    if (imp->failed)
        return;
    if (imp->st_mark == NULL)
        imp->st_mark = fp_db_prepare(imp->db,
            "UPDATE facts SET import_id = ?4 WHERE week = ?1"
            " AND node_id = ?2 AND kpi_id = ?3");
    if (imp->st_mark == NULL) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return;
    }
    fp_imp_reread(imp, line);
}

static void mark_key(fp_importer *imp, const row_key *key, long long node,
                     long long kpi)
{
    sqlite3_stmt *st = imp->st_mark;
    sqlite3_bind_int(st, 1, key->week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_int64(st, 4, imp->import_id);
    fp_imp_run(imp, st);
}

/* A weekly value replaces the daily rows it would be summed from. */
static void clear_days(fp_importer *imp, const row_key *key, long long node,
                       long long kpi)
{
    char monday[11], sunday[11];
    long first = fp_week_monday(key->week);
    fp_day_format(first, monday);
    fp_day_format(first + 6, sunday);
    sqlite3_stmt *st = imp->st_daily_clear;
    sqlite3_bind_int64(st, 1, node);
    sqlite3_bind_int64(st, 2, kpi);
    sqlite3_bind_text(st, 3, monday, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, sunday, -1, SQLITE_TRANSIENT);
    fp_imp_run(imp, st);
}

static void write_weekly(fp_importer *imp, int line, const row_key *key,
                         long long node, long long kpi, double value)
{
    fp_imp_fact f = {key->week, node, kpi, value};
    fp_imp_note_day(imp, fp_week_monday(key->week) + 6);
    fp_imp_sums_row(imp, key->week, node, kpi, value);
    if (imp->sorted && !imp->track_keys && imp->last.week != 0 &&
        !key_after(&f, &imp->last))
        leave_sorted(imp, line);
    if (imp->sorted)
        imp->last = f;
    imp->batch[imp->nbatch++] = f;
    if (imp->has_daily) {
        /* daily rows to clear: in order, one by one */
        flush_batch(imp);
        if (!imp->dup_found && !imp->failed)
            clear_days(imp, key, node, kpi);
    } else if (imp->nbatch == FP_IMP_BATCH) {
        flush_batch(imp);
    }
}

static void write_daily(fp_importer *imp, const row_key *key, long long node,
                        long long kpi, double value)
{
    char day[11];
    if (imp->dup_found)
        return;
    fp_day_format(key->day, day);
    sqlite3_stmt *st = imp->st_daily;
    sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_double(st, 4, value);
    sqlite3_bind_int64(st, 5, imp->import_id);
    fp_imp_note_day(imp, key->day);
    int changed = run_upsert(imp, st);
    count_written(imp, changed, 1, false);
    if (changed <= 0)
        return;
    /* the week to re-sum from its days at the end of the file */
    st = imp->st_touch;
    sqlite3_bind_int(st, 1, key->week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    fp_imp_run(imp, st);
}

static const char *key_names(const row_key *key)
{
    return key->day >= 0 ? "date/store/category/person/kpi"
                         : "week/store/category/person/kpi";
}

/* Notes the key with its line (while rescanning, or all along for an
 * input that cannot be read twice); a key noted before is reported with
 * both lines. False for such a repeat. */
static bool note_key(fp_importer *imp, const fp_csv_row *row,
                     const row_key *key, long long node, long long kpi,
                     int value_col)
{
    sqlite3_stmt *st = imp->st_key_add;
    long long when = key->day >= 0 ? key->day : key->week;
    char col[16];
    sqlite3_bind_int64(st, 1, when);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_int(st, 4, row->line);
    if (run_upsert(imp, st) != 0)
        return true;
    st = imp->st_key_line;
    sqlite3_bind_int64(st, 1, when);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    int first = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0)
                                               : 0;
    sqlite3_reset(st);
    bool rescan = imp->rescan;
    imp->rescan = false; /* this problem is new */
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, value_col, col),
                   _("same %s as line %lld"), key_names(key),
                   (long long)first);
    imp->rescan = rescan;
    return false;
}

/* One value of a row with a good key: written, or noted (rescan). */
static void take_value(fp_importer *imp, const fp_csv_row *row,
                       const row_key *key, int kpi, int value_col,
                       bool key_ok)
{
    double v;
    bool present;
    if (!fp_imp_number(imp, row, value_col, kpi, &v, &present) ||
        !present || !key_ok || imp->failed)
        return;
    long long node = fp_imp_node(imp, key->store, key->category, key->person);
    long long kpi_id = node > 0 ? fp_imp_kpi_id(imp, kpi) : -1;
    if (kpi_id <= 0)
        return;
    if (imp->rescan && imp->mark_until > 0)
        mark_key(imp, key, node, kpi_id);
    else if (imp->rescan)
        note_key(imp, row, key, node, kpi_id, value_col);
    else if (imp->track_keys &&
             !note_key(imp, row, key, node, kpi_id, value_col))
        return;
    else if (key->day >= 0)
        write_daily(imp, key, node, kpi_id, v);
    else
        write_weekly(imp, row->line, key, node, kpi_id, v);
}

static void long_row(fp_importer *imp, const fp_csv_row *row,
                     const row_key *key, bool key_ok)
{
    char col[16];
    int kpi_idx = imp->cols[C_KPI].idx;
    const char *kpi_col = fp_imp_colname(imp, kpi_idx, col);
    const char *id = fp_imp_field(row, kpi_idx);
    if (id[0] == '\0') {
        fp_imp_problem(imp, row->line, kpi_col, _("empty"));
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

void fp_imp_write_week(fp_importer *imp, int line, fp_week week,
                       long long node, long long kpi, double value)
{
    row_key key = {week, -1, "", "", ""};
    write_weekly(imp, line, &key, node, kpi, value);
}

void fp_import_actuals(fp_importer *imp)
{
    if (fp_imp_profile_begin(imp)) {
        /* the profile writes unique weekly keys at the end of the file */
        imp->has_daily = has_daily_rows(imp);
        imp->sorted = false;
        return;
    }
    bool ok = bind_layout(imp);
    imp->cur->format = imp->daily ? (imp->wide ? "daily wide" : "daily long")
                                  : (imp->wide ? "wide" : "long");
    if (!ok || imp->failed)
        return;
    imp->has_daily = imp->daily || has_daily_rows(imp);
    imp->sorted = !imp->has_daily;
    imp->last = (fp_imp_fact){0, 0, 0, 0};
    if (imp->daily && !touched_begin(imp))
        return;
    if (imp->track_keys && !fp_import_actuals_rescan_begin(imp))
        return;
    imp->on_row = actuals_row;
}

static bool resum_week(fp_importer *imp, fp_week week, long long node,
                       long long kpi)
{
    char monday[11], sunday[11];
    long first = fp_week_monday(week);
    fp_day_format(first, monday);
    fp_day_format(first + 6, sunday);
    sqlite3_stmt *st = imp->st_daily_sum;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_int64(st, 4, imp->import_id);
    sqlite3_bind_text(st, 5, monday, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, sunday, -1, SQLITE_TRANSIENT);
    if (!fp_imp_run(imp, st))
        return false;
    fp_imp_sums_stale(imp, week);
    imp->cur->summed++;
    return true;
}

bool fp_import_actuals_rescan_begin(fp_importer *imp)
{
    static const char *const sql[] = {
        "CREATE TEMP TABLE IF NOT EXISTS fp_keys(time INTEGER,"
        " node_id INTEGER, kpi_id INTEGER, line INTEGER,"
        " PRIMARY KEY(time, node_id, kpi_id)) WITHOUT ROWID",
        "DELETE FROM temp.fp_keys",
    };
    for (int i = 0; i < 2; i++)
        if (!fp_db_exec_stmt(imp->db, fp_db_prepare(imp->db, sql[i]))) {
            fp_imp_fail(imp, "%s", imp->db->err);
            return false;
        }
    if (imp->st_key_add == NULL)
        imp->st_key_add = fp_db_prepare(imp->db,
            "INSERT INTO temp.fp_keys VALUES(?1, ?2, ?3, ?4)"
            " ON CONFLICT DO NOTHING");
    if (imp->st_key_line == NULL)
        imp->st_key_line = fp_db_prepare(imp->db,
            "SELECT line FROM temp.fp_keys WHERE time = ?1 AND node_id = ?2"
            " AND kpi_id = ?3");
    if (imp->st_key_add == NULL || imp->st_key_line == NULL) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return false;
    }
    return true;
}

bool fp_import_actuals_end(fp_importer *imp)
{
    if (imp->prof != NULL)
        fp_imp_profile_end(imp);
    flush_batch(imp);
    if (imp->dup_found)
        imp->ok = false; /* named by the rescan */
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
