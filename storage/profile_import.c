/* An actuals file mapped by an import profile (storage/profile.h): a
 * platform export, one row per LIVE session. Each row's values are
 * converted (durations, average x weight, a count per row) and
 * aggregated into its week in memory: one value per (week, node, KPI)
 * key touched, never per row. Additive KPIs sum, `max` columns take the
 * largest; a non-additive KPI met twice for one key is refused. At the
 * end of the file the weekly values are written (replacing those of
 * their keys: a re-import never double counts) and the report is put
 * in the file's notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "model/number.h"
#include "storage/import_priv.h"
#include "storage/profile.h"

typedef struct {
    int col;             /* header index */
    int kpi;             /* catalogue index */
    const fp_profile_map *map;
    int weight_col;      /* -1: none */
} col_map;

typedef struct {
    fp_week week;
    long long node, kpi_id;
    int kpi, line;
    double value;
} agg_value;

typedef struct {
    fp_week week;
    unsigned days;       /* bit d: day d (Monday 0) seen */
} week_seen;

struct fp_prof_run {
    const fp_profile *p;
    int date_col, person_col, store_col, category_col;
    col_map *cols;
    int ncols;
    int counts[16];      /* KPIs counting one per row */
    int ncounts;
    fp_strmap *keys;     /* "week:node:kpi" -> index in aggs */
    agg_value *aggs;
    int naggs, capaggs;
    week_seen *weeks;    /* the weeks touched (a few) */
    int nweeks, capweeks;
    fp_buf notes;        /* the report: its head, then... */
    fp_buf ignored;      /* ...the columns ignored, and why */
    sqlite3_stmt *st_person, *st_home, *st_currency;
};

void fp_imp_profile_free(fp_importer *imp)
{
    struct fp_prof_run *r = imp->prof;
    if (r == NULL)
        return;
    free(r->cols);
    fp_strmap_free(r->keys);
    free(r->aggs);
    free(r->weeks);
    fp_buf_done(&r->notes);
    fp_buf_done(&r->ignored);
    sqlite3_finalize(r->st_person);
    sqlite3_finalize(r->st_home);
    sqlite3_finalize(r->st_currency);
    free(r);
    imp->prof = NULL;
}

/* ---- choosing the profile ---- */

static const fp_profile *detect(const fp_profile_set *set,
                                const char *const *headers, int n)
{
    /* a team's own profiles first: they may refine a built-in one */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; set != NULL && i < set->n; i++) {
            const fp_profile *p = &set->items[i];
            bool builtin = strcmp(p->source, "built-in") == 0;
            if (builtin == (pass == 1) && fp_profile_detects(p, headers, n))
                return p;
        }
    return NULL;
}

static const char **header_names(fp_importer *imp)
{
    const fp_csv_row *h = imp->header;
    const char **names = calloc((size_t)h->nfields + 1, sizeof *names);
    for (int i = 0; names != NULL && i < h->nfields; i++)
        names[i] = fp_imp_field(h, i);
    return names;
}

/* The header hook of an actuals file when there are profiles: the row
 * a profile detects (--profile: that one) is the header, and so is a
 * row with a known column (a file of KPI ids) or with three cells or
 * more; a row of one or two other cells above it (a title merged across
 * the sheet, "导出时间 | 2026-12-08") is skipped. */
bool fp_imp_profile_is_header(fp_importer *imp, const fp_csv_row *row)
{
    const fp_profile_set *set = imp->opts->profiles;
    const char **names = calloc((size_t)row->nfields + 1, sizeof *names);
    if (names == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return true;
    }
    for (int i = 0; i < row->nfields; i++)
        names[i] = fp_imp_field(row, i);
    const fp_profile *forced = imp->opts->profile
        ? fp_profiles_find(set, imp->opts->profile) : NULL;
    bool found = forced ? fp_profile_detects(forced, names, row->nfields)
                        : detect(set, names, row->nfields) != NULL;
    free(names);
    int cells = found ? 0 : fp_imp_title_cells(imp, row);
    return found || cells < 0 || cells >= 3 ||
           imp->title_rows >= FP_IMP_MAX_TITLE_ROWS;
}

/* The store of a row of a profile's file: its store column, else
 * --store; NULL when neither. */
const char *fp_imp_profile_store(const fp_importer *imp,
                                 const fp_csv_row *row)
{
    const struct fp_prof_run *r = imp->prof;
    if (r != NULL && r->store_col >= 0)
        return fp_imp_field(row, r->store_col);
    return imp->opts->store;
}

/* ---- statements ---- */

static bool prepare(fp_importer *imp, struct fp_prof_run *r)
{
    r->st_person = fp_db_prepare(imp->db,
        "SELECT code FROM people WHERE (?2 = 'handle' AND handle = ?1)"
        " OR (?2 = 'name' AND name = ?1) OR (?2 = 'id' AND code = ?1)"
        " ORDER BY id LIMIT 1");
    r->st_home = fp_db_prepare(imp->db,
        "SELECT c.code FROM nodes n JOIN people p ON p.id = n.person_id"
        " JOIN stores s ON s.id = n.store_id"
        " JOIN categories c ON c.id = n.category_id"
        " WHERE n.level = 3 AND p.code = ?1 AND s.code = ?2"
        " ORDER BY n.id LIMIT 1");
    r->st_currency = fp_db_prepare(imp->db,
        "SELECT ifnull(currency, '') FROM stores WHERE code = ?1");
    if (r->st_person && r->st_home && r->st_currency)
        return true;
    fp_imp_fail(imp, "%s", imp->db->err);
    return false;
}

/* The text of the first column of a one-row query, copied to out. */
static bool query_text(sqlite3_stmt *st, const char *a, const char *b,
                       char *out, size_t outsz)
{
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    return found;
}

/* ---- the header ---- */

static bool fixed_column(struct fp_prof_run *r, int i)
{
    return i == r->date_col || i == r->person_col || i == r->store_col ||
           i == r->category_col;
}

static const fp_profile_map *map_for(const fp_profile *p, const char *h,
                                     char *cur)
{
    for (int m = 0; m < p->nmaps; m++)
        if (p->maps[m].headers != NULL &&
            fp_profile_header_is(h, p->maps[m].headers, cur))
            return &p->maps[m];
    return NULL;
}

static void note_ignored(struct fp_prof_run *r, const char *h,
                         const char *why)
{
    fp_buf_printf(&r->ignored, _("  ignored: %s (%s)\n"), h, why);
}

/* "Sales(PHP)" in a file of a THB store is refused. */
static bool check_currency(fp_importer *imp, struct fp_prof_run *r,
                           const char *h, const char *cur)
{
    char have[16];
    const char *store = imp->opts->store;
    if (cur[0] == '\0' || store == NULL || r->store_col >= 0 ||
        !query_text(r->st_currency, store, NULL, have, sizeof have) ||
        have[0] == '\0' || strcmp(have, cur) == 0)
        return true;
    fp_imp_problem(imp, imp->header->line, h,
                   _("the money is in %s, but store %s keeps %s"), cur,
                   store, have);
    return false;
}

static bool add_column(fp_importer *imp, struct fp_prof_run *r, int i,
                       const fp_profile_map *m, const char *cur)
{
    const char *h = fp_imp_field(imp->header, i);
    int k = fp_catalogue_kpi(imp->cat, m->kpi);
    if (k < 0) {
        fp_imp_problem(imp, imp->header->line, h,
                       _("profile %s maps it to unknown KPI %s"), r->p->name,
                       m->kpi);
        return false;
    }
    if (imp->cat->kpis[k].add == FP_ADD_FORMULA) {
        fp_buf_printf(&r->ignored, _("  ignored: %s (%s is computed by "
                      "fupan from its components)\n"), h, m->kpi);
        return true;
    }
    if (!check_currency(imp, r, h, cur))
        return false;
    r->cols[r->ncols++] = (col_map){i, k, m, -1};
    fp_buf_printf(&r->notes, "  %s -> %s%s%s%s\n", h, m->kpi,
                  m->duration ? _(" (duration)") : "",
                  m->max ? _(" (largest of the week)") : "",
                  m->weight ? _(" (average x weight)") : "");
    return true;
}

static bool bind_weights(fp_importer *imp, struct fp_prof_run *r)
{
    bool ok = true;
    for (int c = 0; c < r->ncols; c++) {
        const char *w = r->cols[c].map->weight;
        for (int o = 0; w != NULL && o < r->ncols; o++)
            if (strcmp(r->cols[o].map->kpi, w) == 0)
                r->cols[c].weight_col = r->cols[o].col;
        if (w != NULL && r->cols[c].weight_col < 0) {
            fp_imp_problem(imp, imp->header->line,
                           fp_imp_field(imp->header, r->cols[c].col),
                           _("an average needs the column of %s (its "
                           "weight), which is missing"), w);
            ok = false;
        }
    }
    return ok;
}

static bool bind_kpi_columns(fp_importer *imp, struct fp_prof_run *r)
{
    const fp_profile *p = r->p;
    bool ok = true;
    char cur[4];
    r->cols = calloc((size_t)imp->header->nfields + 1, sizeof *r->cols);
    if (r->cols == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return false;
    }
    for (int i = 0; i < imp->header->nfields; i++) {
        const char *h = fp_imp_field(imp->header, i);
        const fp_profile_map *m = fixed_column(r, i) ? NULL
                                                     : map_for(p, h, cur);
        if (m != NULL)
            ok = add_column(imp, r, i, m, cur) && ok;
        else if (fixed_column(r, i) || h[0] == '\0')
            continue;
        else if (fp_profile_header_is(h, p->ignore, NULL))
            note_ignored(r, h, _("the profile ignores it"));
        else
            note_ignored(r, h, _("not in the profile"));
    }
    for (int m = 0; m < p->nmaps && r->ncounts < 16; m++) {
        int k = fp_catalogue_kpi(imp->cat, p->maps[m].kpi);
        if (p->maps[m].count && k >= 0) {
            r->counts[r->ncounts++] = k;
            fp_buf_printf(&r->notes, _("  each row -> %s (counts one)\n"),
                          p->maps[m].kpi);
        }
    }
    return bind_weights(imp, r) && ok;
}

static int required_column(fp_importer *imp, const char *const *names,
                           const char *want, const char *what)
{
    int i = fp_profile_find_header(names, imp->header->nfields, want, NULL);
    if (i < 0)
        fp_imp_problem(imp, imp->header->line, what,
                       _("missing from the header (the profile expects "
                       "%s)"), want);
    return i;
}

static bool bind_fixed(fp_importer *imp, struct fp_prof_run *r,
                       const char *const *names)
{
    const fp_profile *p = r->p;
    int n = imp->header->nfields;
    r->date_col = required_column(imp, names, p->date, "date");
    r->person_col = required_column(imp, names, p->person, "person");
    r->store_col = p->store ? fp_profile_find_header(names, n, p->store, NULL)
                            : -1;
    r->category_col = p->category
        ? fp_profile_find_header(names, n, p->category, NULL) : -1;
    if (r->store_col < 0 && imp->opts->store == NULL) {
        fp_imp_problem(imp, imp->header->line, "store",
                       _("the file has no store column: give --store ID"));
        return false;
    }
    return r->date_col >= 0 && r->person_col >= 0;
}

static const fp_profile *choose(fp_importer *imp, const char *const *names)
{
    const fp_profile_set *set = imp->opts->profiles;
    if (imp->opts->profile == NULL)
        return detect(set, names, imp->header->nfields);
    const fp_profile *p = fp_profiles_find(set, imp->opts->profile);
    if (p == NULL)
        fp_imp_problem(imp, imp->header->line, "#1",
                       _("unknown profile %s (see fupan import "
                       "--list-profiles)"), imp->opts->profile);
    return p;
}

static void profile_row(fp_importer *imp, const fp_csv_row *row);

bool fp_imp_profile_begin(fp_importer *imp)
{
    const char **names = header_names(imp);
    if (names == NULL) {
        fp_imp_fail(imp, _("out of memory"));
        return true;
    }
    const fp_profile *p = choose(imp, names);
    if (p == NULL) {
        free(names);
        return imp->opts->profile != NULL;
    }
    struct fp_prof_run *r = calloc(1, sizeof *r);
    imp->prof = r;
    imp->cur->format = "profile";
    if (r == NULL || (r->keys = fp_strmap_new()) == NULL) {
        free(names);
        fp_imp_fail(imp, _("out of memory"));
        return true;
    }
    r->p = p;
    fp_buf_init(&r->notes);
    fp_buf_init(&r->ignored);
    fp_buf_printf(&r->notes, _("  profile: %s (%s), %s\n"), p->name,
                  p->source, p->label ? p->label : "");
    bool ok = prepare(imp, r) && bind_fixed(imp, r, names);
    ok = ok && bind_kpi_columns(imp, r);
    free(names);
    if (ok && !imp->failed)
        imp->on_row = profile_row;
    return true;
}

/* ---- rows ---- */

/* The order of the date column: --date-format, else the profile's
 * date_format, else YYYY-MM-DD or YYYY/MM/DD. */
static fp_date_order date_order(const fp_importer *imp,
                                const struct fp_prof_run *r)
{
    return imp->opts->date_order != FP_DATE_AUTO ? imp->opts->date_order
                                                 : r->p->date_order;
}

/* "2026-11-20 20:00", "2026-11-20T20:00:00" or "20/11/2026 20:00" (in
 * the profile's order): the date part counts. */
static bool row_day(fp_importer *imp, const struct fp_prof_run *r,
                    const fp_csv_row *row, long *day)
{
    const char *v = fp_imp_field(row, r->date_col);
    char shown[200], name[FP_IMP_COLNAME];
    int y, m, d;
    if (fp_date_parse_order(v, date_order(imp, r), &y, &m, &d)) {
        *day = fp_days_from_civil(y, m, d);
        return true;
    }
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, r->date_col, name),
                   date_order(imp, r) == FP_DATE_AUTO
                       ? _("%s is not a date (YYYY-MM-DD, a time may follow)")
                       : _("%s is not a date in the profile's date_format "
                           "or the --date-format given"),
                   fp_imp_show(v, shown, sizeof shown));
    return false;
}

static bool find_person(struct fp_prof_run *r, const char *cell, char *code, size_t codesz)
{
    const char *match = r->p->match ? r->p->match : "id";
    static const char *const ways[] = {"handle", "name", "id"};
    for (int w = 0; w < 3; w++) {
        if (!fp_profile_word_in(match, ways[w]))
            continue;
        sqlite3_bind_text(r->st_person, 2, ways[w], -1, SQLITE_STATIC);
        if (query_text(r->st_person, cell, NULL, code, codesz))
            return true;
    }
    return false;
}

typedef struct {
    char store[FP_IMPORT_MAX_ID + 1];
    char category[FP_IMPORT_MAX_ID + 1];
    char person[FP_IMPORT_MAX_ID + 1];
} row_place;

static bool row_place_of(fp_importer *imp, struct fp_prof_run *r,
                         const fp_csv_row *row, row_place *at)
{
    char shown[200], col[FP_IMP_COLNAME];
    const char *cell = fp_imp_field(row, r->person_col);
    snprintf(at->store, sizeof at->store, "%s", r->store_col >= 0
             ? fp_imp_field(row, r->store_col) : imp->opts->store);
    if (!find_person(r, cell, at->person, sizeof at->person)) {
        fp_imp_problem(imp, row->line,
                       fp_imp_colname(imp, r->person_col, col),
                       _("unknown person %s (matched by %s; import the "
                       "people with a handle column first)"),
                       fp_imp_show(cell, shown, sizeof shown),
                       r->p->match ? r->p->match : "id");
        return false;
    }
    if (r->category_col >= 0) {
        snprintf(at->category, sizeof at->category, "%s",
                 fp_imp_field(row, r->category_col));
        return true;
    }
    if (query_text(r->st_home, at->person, at->store, at->category,
                   sizeof at->category))
        return true;
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, r->person_col, col),
                   _("person %s has no category in store %s (people.csv "
                   "gives it)"), at->person, at->store);
    return false;
}

static bool note_week_day(struct fp_prof_run *r, fp_week week, long day)
{
    unsigned bit = 1u << (unsigned)(day - fp_week_monday(week));
    for (int i = r->nweeks - 1; i >= 0; i--) /* the last one, mostly */
        if (r->weeks[i].week == week) {
            r->weeks[i].days |= bit;
            return true;
        }
    bool ok = true;
    FP_GROW(r->weeks, r->nweeks + 1, r->capweeks, ok);
    if (!ok)
        return false;
    r->weeks[r->nweeks++] = (week_seen){week, bit};
    return true;
}

static agg_value *agg_slot(struct fp_prof_run *r, const agg_value *key, bool *fresh)
{
    char k[64];
    long long at;
    snprintf(k, sizeof k, "%d:%lld:%lld", (int)key->week, key->node,
             key->kpi_id);
    *fresh = !fp_strmap_get(r->keys, k, &at);
    if (!*fresh)
        return &r->aggs[at];
    bool ok = true;
    FP_GROW(r->aggs, r->naggs + 1, r->capaggs, ok);
    if (!ok)
        return NULL;
    if (!fp_strmap_put(r->keys, k, r->naggs))
        return NULL;
    r->aggs[r->naggs] = *key;
    return &r->aggs[r->naggs++];
}

/* One row's value into its week. */
static void aggregate(fp_importer *imp, struct fp_prof_run *r,
                      const agg_value *v, const char *column, bool max)
{
    bool fresh;
    agg_value *a = agg_slot(r, v, &fresh);
    const fp_kpi *k = &imp->cat->kpis[v->kpi];
    if (a == NULL) {
        fp_imp_fail(imp, _("out of memory"));
    } else if (fresh) {
        return;
    } else if (max) {
        a->value = v->value > a->value ? v->value : a->value;
    } else if (k->add == FP_ADD_SUM) {
        a->value += v->value;
    } else {
        fp_imp_problem(imp, v->line, column,
                       _("%s is a non-additive KPI (a unique count): line "
                       "%d is the same week, store, category and person, "
                       "and the two cannot be added; ignore the column in "
                       "the profile"), k->id, a->line);
    }
}

/* The cell's value after the column's conversion; false: none. */
static bool cell_value(fp_importer *imp, const fp_csv_row *row,
                       const col_map *c, double *out)
{
    char shown[200], name[FP_IMP_COLNAME];
    bool present = true;
    const char *v = fp_imp_field(row, c->col);
    if (c->map->duration) {
        if (v[0] == '\0')
            return false;
        if (!fp_profile_duration(v, out)) {
            fp_imp_problem(imp, row->line, fp_imp_colname(imp, c->col, name),
                           _("%s is not a duration (hh:mm:ss, mm:ss or "
                           "seconds)"), fp_imp_show(v, shown, sizeof shown));
            return false;
        }
    } else if (!fp_imp_number(imp, row, c->col, c->kpi, out, &present) ||
               !present) {
        return false;
    }
    double w;
    if (c->weight_col < 0)
        return true;
    if (!fp_imp_number(imp, row, c->weight_col, -1, &w, &present) ||
        !present)
        return false;
    *out *= w;
    return true;
}

static void take_values(fp_importer *imp, struct fp_prof_run *r,
                        const fp_csv_row *row, const agg_value *key)
{
    char name[FP_IMP_COLNAME];
    for (int c = 0; c < r->ncols; c++) {
        agg_value v = *key;
        v.kpi = r->cols[c].kpi;
        if (!cell_value(imp, row, &r->cols[c], &v.value) || !imp->ok)
            continue;
        v.kpi_id = fp_imp_kpi_id(imp, v.kpi);
        if (v.kpi_id > 0)
            aggregate(imp, r, &v, fp_imp_colname(imp, r->cols[c].col, name),
                      r->cols[c].map->max);
    }
    for (int c = 0; c < r->ncounts && imp->ok; c++) {
        agg_value v = *key;
        v.kpi = r->counts[c];
        v.value = 1;
        v.kpi_id = fp_imp_kpi_id(imp, v.kpi);
        if (v.kpi_id > 0)
            aggregate(imp, r, &v, "#count", false);
    }
}

static void profile_row(fp_importer *imp, const fp_csv_row *row)
{
    struct fp_prof_run *r = imp->prof;
    long day = 0;
    row_place at;
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool ok = row_day(imp, r, row, &day);
    ok = row_place_of(imp, r, row, &at) && ok;
    if (!ok || imp->failed)
        return;
    int y, m, d;
    fp_civil_from_days(day, &y, &m, &d);
    agg_value key = {fp_week_of_date(y, m, d), 0, 0, -1, row->line, 0};
    key.node = fp_imp_node(imp, at.store, at.category, at.person);
    if (key.node <= 0)
        return;
    if (!note_week_day(r, key.week, day)) {
        fp_imp_fail(imp, _("out of memory"));
        return;
    }
    fp_imp_note_day(imp, day);
    take_values(imp, r, row, &key);
}

/* ---- the end ---- */

static int by_week(const void *a, const void *b)
{
    const week_seen *x = a, *y = b;
    return (x->week > y->week) - (x->week < y->week);
}

static void report_weeks(struct fp_prof_run *r)
{
    char name[16];
    if (r->nweeks > 1)
        qsort(r->weeks, (size_t)r->nweeks, sizeof r->weeks[0], by_week);
    fp_buf_printf(&r->notes, _("  weeks:"));
    for (int i = 0; i < r->nweeks; i++) {
        int n = __builtin_popcount(r->weeks[i].days);
        fp_week_format(r->weeks[i].week, name);
        fp_buf_printf(&r->notes, "%s %s", i ? "," : "", name);
        if (n < 7)
            fp_buf_printf(&r->notes, _(" (partial: %d of 7 days)"), n);
    }
    fp_buf_addc(&r->notes, '\n');
}

void fp_imp_profile_end(fp_importer *imp)
{
    struct fp_prof_run *r = imp->prof;
    if (r == NULL)
        return;
    fp_buf_add(&r->notes, r->ignored.s ? r->ignored.s : "");
    fp_buf_printf(&r->notes, _("  rows: %d read, aggregated into %d "
                  "weekly values\n"), imp->cur->rows, r->naggs);
    report_weeks(r);
    /* the newest day is the rows' own, not their week's Sunday */
    long newest = imp->max_day;
    for (int i = 0; i < r->naggs && imp->ok && !imp->failed; i++)
        fp_imp_write_week(imp, r->aggs[i].line, r->aggs[i].week,
                          r->aggs[i].node, r->aggs[i].kpi_id,
                          r->aggs[i].value);
    imp->max_day = newest;
    free(imp->cur->notes);
    imp->cur->notes = r->notes.failed ? NULL : strdup(r->notes.s);
}
