/* Actuals files, long (kpi,value) or wide (one column per KPI), weekly
 * (week column) or daily (date column). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/import_priv.h"
#include "model/i18n.h"

typedef struct {
    bool daily, wide;
    int time, store, category, person, kpi, value;
    int *col_kpi;   /* wide: catalogue index per header column, else -1 */
} layout;

static const char *additivity_name(fp_additivity add)
{
    return add == FP_ADD_FORMULA ? _("a formula KPI") : _("a non-additive KPI");
}

/* Daily values are summed into their week: only additive KPIs allow it. */
static bool check_daily_kpi(fp_importer *imp, int line, const char *column,
                            int kpi)
{
    const fp_kpi *k = &imp->cat->kpis[kpi];
    if (k->add == FP_ADD_SUM)
        return true;
    fp_imp_problem(imp, line, column,
                   _("%s is %s: daily values cannot be summed into a week; "
                   "import weekly values"),
                   k->id, additivity_name(k->add));
    return false;
}

static bool bind_wide(fp_importer *imp, layout *L, const fp_imp_col *cols,
                      int ncols)
{
    const fp_csv_row *h = imp->header;
    bool ok = true;
    int nkpis = 0;
    L->col_kpi = malloc((size_t)h->nfields * sizeof *L->col_kpi);
    if (L->col_kpi == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return false;
    }
    for (int i = 0; i < h->nfields; i++) {
        const char *name = fp_imp_field(h, i);
        bool fixed = false;
        for (int c = 0; c < ncols; c++)
            fixed = fixed || cols[c].idx == i;
        L->col_kpi[i] = -1;
        if (fixed || name[0] == '\0')
            continue;
        int k = fp_imp_kpi(imp, h->line, name, name);
        if (k >= 0 && L->daily && !check_daily_kpi(imp, h->line, name, k))
            k = -1;
        L->col_kpi[i] = k;
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

static bool bind_layout(fp_importer *imp, layout *L)
{
    const fp_csv_row *h = imp->header;
    L->wide = fp_imp_header_index(h, "kpi") < 0 &&
              fp_imp_header_index(h, "value") < 0;
    fp_imp_col cols[] = {
        {"week", false, -1}, {"date", false, -1}, {"store", true, -1},
        {"category", false, -1}, {"person", false, -1},
        {"kpi", !L->wide, -1}, {"value", !L->wide, -1},
    };
    int ncols = (int)(sizeof cols / sizeof cols[0]);
    bool ok = fp_imp_bind(imp, cols, ncols, L->wide);
    L->daily = cols[1].idx >= 0;
    L->time = L->daily ? cols[1].idx : cols[0].idx;
    L->store = cols[2].idx;
    L->category = cols[3].idx;
    L->person = cols[4].idx;
    L->kpi = cols[5].idx;
    L->value = cols[6].idx;
    if (cols[0].idx >= 0 && cols[1].idx >= 0) {
        fp_imp_problem(imp, h->line, "date",
                       _("use either week or date, not both"));
        ok = false;
    } else if (L->time < 0) {
        fp_imp_problem(imp, h->line, "week", _("missing from the header "
                       "(a week or a date column is needed)"));
        ok = false;
    }
    if (L->wide)
        ok = bind_wide(imp, L, cols, ncols) && ok;
    return ok;
}

typedef struct {
    fp_week week;
    long day;           /* -1 for a weekly row */
    const char *store, *category, *person;
} row_key;

static bool check_row_key(fp_importer *imp, const layout *L,
                          const fp_csv_row *row, row_key *key)
{
    bool ok;
    char shown[200];
    key->day = -1;
    if (L->daily) {
        ok = fp_imp_date(imp, row, L->time, &key->day);
        if (ok) {
            int y, m, d;
            fp_civil_from_days(key->day, &y, &m, &d);
            key->week = fp_week_of_date(y, m, d);
        }
    } else {
        ok = fp_imp_week(imp, row, L->time, &key->week);
    }
    ok = fp_imp_check_id(imp, row, L->store, true) && ok;
    ok = fp_imp_check_id(imp, row, L->category, false) && ok;
    ok = fp_imp_check_id(imp, row, L->person, false) && ok;
    key->store = fp_imp_field(row, L->store);
    key->category = fp_imp_field(row, L->category);
    key->person = fp_imp_field(row, L->person);
    if (key->person[0] != '\0' && key->category[0] == '\0') {
        char col[16];
        fp_imp_problem(imp, row->line,
                       L->category < 0 ? "category"
                                       : fp_imp_colname(imp, L->category, col),
                       _("empty, but person %s is given (a person belongs "
                       "to a category)"),
                       fp_imp_show(key->person, shown, sizeof shown));
        ok = false;
    }
    return ok;
}

static bool write_weekly(fp_importer *imp, const row_key *key, long long node,
                         long long kpi, double value)
{
    char monday[11], sunday[11];
    long first = fp_week_monday(key->week);
    fp_imp_day_text(first, monday);
    fp_imp_day_text(first + 6, sunday);
    sqlite3_stmt *st = imp->st_fact;
    sqlite3_bind_int(st, 1, key->week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi);
    sqlite3_bind_double(st, 4, value);
    sqlite3_bind_int64(st, 5, imp->import_id);
    if (!fp_imp_run(imp, st))
        return false;
    /* A weekly value replaces the daily rows it would be summed from. */
    st = imp->st_daily_clear;
    sqlite3_bind_int64(st, 1, node);
    sqlite3_bind_int64(st, 2, kpi);
    sqlite3_bind_text(st, 3, monday, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, sunday, -1, SQLITE_TRANSIENT);
    fp_imp_note_day(imp, first + 6);
    return fp_imp_run(imp, st);
}

static bool remember_week(fp_importer *imp, fp_week week, long long node,
                          long long kpi)
{
    char key[64];
    snprintf(key, sizeof key, "%d|%lld|%lld", week, node, kpi);
    if (fp_strmap_get(imp->touched_set, key, NULL))
        return true;
    if (imp->ntouched == imp->cap_touched) {
        int cap = imp->cap_touched ? imp->cap_touched * 2 : 64;
        fp_imp_cell *p = realloc(imp->touched, (size_t)cap * sizeof *p);
        if (p == NULL) {
            fp_imp_fail(imp, _("out of memory"));
            return false;
        }
        imp->touched = p;
        imp->cap_touched = cap;
    }
    imp->touched[imp->ntouched++] = (fp_imp_cell){week, node, kpi};
    return fp_strmap_put(imp->touched_set, key, 1);
}

static bool write_daily(fp_importer *imp, const row_key *key, long long node,
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
    return fp_imp_run(imp, st) && remember_week(imp, key->week, node, kpi);
}

static void store_value(fp_importer *imp, const row_key *key, int kpi,
                        double value)
{
    if (!imp->ok)
        return;
    long long node = fp_imp_node(imp, key->store, key->category, key->person);
    long long kpi_id = node > 0 ? fp_imp_kpi_id(imp, kpi) : -1;
    if (kpi_id <= 0)
        return;
    bool done = key->day >= 0 ? write_daily(imp, key, node, kpi_id, value)
                              : write_weekly(imp, key, node, kpi_id, value);
    if (done)
        imp->cur->written++;
}

/* One value of a row: checks it is new in this file, then stores it. */
static void take_value(fp_importer *imp, const fp_csv_row *row,
                       const row_key *key, int kpi, int value_col,
                       bool key_ok)
{
    double v;
    bool present;
    char col[16], ukey[1200];
    if (!fp_imp_number(imp, row, value_col, kpi, &v, &present) ||
        !present || !key_ok)
        return;
    snprintf(ukey, sizeof ukey, "%d|%ld|%s\x1f%s\x1f%s|%d", key->week,
             key->day, key->store, key->category, key->person, kpi);
    if (!fp_imp_unique(imp, ukey, row->line,
                       fp_imp_colname(imp, value_col, col),
                       key->day >= 0 ? "date/store/category/person/kpi"
                                     : "week/store/category/person/kpi"))
        return;
    store_value(imp, key, kpi, v);
}

static void long_row(fp_importer *imp, const layout *L, const fp_csv_row *row,
                     const row_key *key, bool key_ok)
{
    char col[16];
    const char *kpi_col = fp_imp_colname(imp, L->kpi, col);
    const char *id = fp_imp_field(row, L->kpi);
    if (id[0] == '\0') {
        fp_imp_problem(imp, row->line, kpi_col, _("empty"));
        return;
    }
    int kpi = fp_imp_kpi(imp, row->line, kpi_col, id);
    if (kpi < 0)
        return;
    if (L->daily && !check_daily_kpi(imp, row->line, kpi_col, kpi))
        return;
    take_value(imp, row, key, kpi, L->value, key_ok);
}

static void actuals_row(fp_importer *imp, const layout *L,
                        const fp_csv_row *row)
{
    row_key key;
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool key_ok = check_row_key(imp, L, row, &key);
    if (!L->wide) {
        long_row(imp, L, row, &key, key_ok);
        return;
    }
    for (int i = 0; i < row->nfields; i++)
        if (L->col_kpi[i] >= 0)
            take_value(imp, row, &key, L->col_kpi[i], i, key_ok);
}

void fp_import_actuals(fp_importer *imp, const fp_csv_table *t)
{
    layout L = {0};
    bool ok = bind_layout(imp, &L);
    imp->cur->format = L.daily ? (L.wide ? "daily wide" : "daily long")
                               : (L.wide ? "wide" : "long");
    for (int r = 1; ok && r < t->nrows && !imp->failed; r++)
        actuals_row(imp, &L, &t->rows[r]);
    if (L.daily && imp->ok)
        fp_import_resum_weeks(imp);
    free(L.col_kpi);
}

bool fp_import_resum_weeks(fp_importer *imp)
{
    for (int i = 0; i < imp->ntouched && imp->ok; i++) {
        const fp_imp_cell *c = &imp->touched[i];
        char monday[11], sunday[11];
        long first = fp_week_monday(c->week);
        fp_imp_day_text(first, monday);
        fp_imp_day_text(first + 6, sunday);
        sqlite3_stmt *st = imp->st_daily_sum;
        sqlite3_bind_int(st, 1, c->week);
        sqlite3_bind_int64(st, 2, c->node);
        sqlite3_bind_int64(st, 3, c->kpi);
        sqlite3_bind_int64(st, 4, imp->import_id);
        sqlite3_bind_text(st, 5, monday, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 6, sunday, -1, SQLITE_TRANSIENT);
        if (!fp_imp_run(imp, st))
            return false;
        imp->cur->summed++;
    }
    return imp->ok;
}
