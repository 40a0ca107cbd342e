/* Tables out (issue 15): the cells, the row producers checked against the
 * rollup and the lists they come from, and the writers (GB18030, the
 * Excel BOM, .xlsx, a failed export leaves no file). */
#include <criterion/criterion.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/export.h"
#include "model/format.h"
#include "model/text.h"
#include "storage/encoding.h"
#include "storage/export.h"
#include "storage/meeting.h"
#include "tests/unit/helpers.h"

/* ---- cells ---- */

Test(export_cells, plain_text_of_numbers_flags_and_no_value)
{
    fp_kpi pct = { .id = "cvr", .unit = FP_UNIT_PERCENT, .decimals = 2 };
    fp_kpi money = { .id = "gmv", .unit = FP_UNIT_MONEY, .decimals = 2 };
    char buf[64], want[64];
    fp_xcell c = fp_xcell_kpi(&pct, 0.0123);
    fp_xcell_plain(&c, buf, sizeof buf);
    fp_format_plain(&pct, 0.0123, want, sizeof want);
    cr_assert_str_eq(buf, want, "a percent KPI as scorecard csv writes it");
    cr_assert(c.percent && c.decimals == 2);
    c = fp_xcell_kpi(&money, NAN);
    fp_xcell_plain(&c, buf, sizeof buf);
    cr_assert_str_eq(buf, "");
    c = fp_xcell_bool(true);
    fp_xcell_plain(&c, buf, sizeof buf);
    cr_assert_str_eq(buf, "1");
    c = fp_xcell_status(FP_ST_RED);
    fp_xcell_plain(&c, buf, sizeof buf);
    cr_assert_str_eq(buf, fp_status_word(FP_ST_RED));
}

Test(export_cells, widths_count_cjk_twice_and_numbers_as_shown)
{
    fp_locale_init();
    fp_xcell c = fp_xcell_text("马来西亚 TikTok 店");
    cr_assert_eq(fp_xcell_width(&c), 4 * 2 + 8 + 2);
    c = fp_xcell_num(1234567, 0, false);              /* 1,234,567 */
    cr_assert_eq(fp_xcell_width(&c), 9);
    c = fp_xcell_num(0.1234, 2, true);                /* 12.34% */
    cr_assert_eq(fp_xcell_width(&c), 6);
}

/* ---- a sink that keeps rows as plain text ---- */

#define MAX_ROWS 4096
typedef struct {
    fp_xsink sink;
    int ncols, nrows;
    const char *const *cols;
    char *cell[MAX_ROWS][17];
} keep_sink;

static bool keep_begin(fp_xsink *s, const char *name, const char *const *cols,
                       int ncols)
{
    keep_sink *k = (keep_sink *)s;
    (void)name;
    k->ncols = ncols;
    k->cols = cols;
    return ncols <= 17;
}

static bool keep_row(fp_xsink *s, const fp_xcell *cells)
{
    keep_sink *k = (keep_sink *)s;
    cr_assert_lt(k->nrows, MAX_ROWS);
    for (int i = 0; i < k->ncols; i++) {
        char buf[8192];
        fp_xcell_plain(&cells[i], buf, sizeof buf);
        k->cell[k->nrows][i] = strdup(buf);
    }
    k->nrows++;
    return true;
}

static keep_sink *keep_new(void)
{
    keep_sink *k = calloc(1, sizeof *k);
    cr_assert_not_null(k);
    k->sink = (fp_xsink){ keep_begin, keep_row };
    return k;
}

static void keep_free(keep_sink *k)
{
    for (int r = 0; r < k->nrows; r++)
        for (int i = 0; i < k->ncols; i++)
            free(k->cell[r][i]);
    free(k);
}

static int col_of(const keep_sink *k, const char *name)
{
    for (int i = 0; i < k->ncols; i++)
        if (!strcmp(k->cols[i], name))
            return i;
    cr_assert_fail("no column %s", name);
    return -1;
}

/* ---- producers on the sample database ---- */

static fp_scratch sc;
static fp_review *rv;
static fp_week w46, w47;

static void setup(void)
{
    char err[512];
    fp_locale_init();
    fp_scratch_sample(&sc, "export", NULL);
    setenv("XDG_CONFIG_HOME", sc.dir, 1);
    fp_review_opts o = { sc.db, NULL, false, 0 };
    rv = fp_review_open(&o, err, sizeof err);
    cr_assert_not_null(rv, "%s", err);
    fp_week_parse("2026-W46", &w46);
    fp_week_parse("2026-W47", &w47);
}

static void teardown(void)
{
    fp_review_close(rv);
    fp_scratch_remove(&sc);
}

/* Cells with a value or a target of the given rollup rows. */
static int listed_cells(fp_week week, const int *rows, int n)
{
    const fp_rollup *r = fp_review_week(rv, week);
    int count = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < fp_review_catalogue(rv)->nkpis; k++) {
            const fp_cell *c = fp_rollup_cell(r, rows[i], k);
            count += fp_has(c->value) || fp_has(c->target);
        }
    return count;
}

static keep_sink *run(const fp_export_req *req)
{
    char err[512];
    keep_sink *k = keep_new();
    cr_assert(fp_export_rows(rv, req, &k->sink, err, sizeof err), "%s", err);
    return k;
}

TestSuite(export_rows, .init = setup, .fini = teardown);

Test(export_rows, scorecards_of_a_store_hold_the_rollup_values)
{
    const fp_tree *t = fp_review_tree(rv);
    int store = fp_tree_find_path(t, "tts-my");
    fp_export_req req = { FP_EXP_SCORECARDS, w47, w47, store,
                          FP_XS_SUBTREE, 0 };
    keep_sink *k = run(&req);
    int rows[512], n = 0;
    for (int i = 0; i < t->nnodes; i++)
        if (fp_tree_is_under(t, i, store))
            rows[n++] = i;
    cr_assert_gt(n, 1);
    cr_assert_eq(k->nrows, listed_cells(w47, rows, n));
    const fp_rollup *r = fp_review_week(rv, w47);
    const fp_catalogue *cat = fp_review_catalogue(rv);
    int pcol = col_of(k, "path"), kcol = col_of(k, "kpi");
    for (int i = 0; i < k->nrows; i++) {
        int node = fp_tree_find_path(t, k->cell[i][pcol]);
        int kpi = fp_catalogue_kpi(cat, k->cell[i][kcol]);
        cr_assert(node >= 0 && fp_tree_is_under(t, node, store));
        char want[64];
        fp_format_plain(&cat->kpis[kpi], fp_rollup_cell(r, node, kpi)->value,
                        want, sizeof want);
        cr_assert_str_eq(k->cell[i][col_of(k, "value")], want, "row %d", i);
        cr_assert_str_eq(k->cell[i][col_of(k, "store")], "tts-my");
        cr_assert_str_eq(k->cell[i][col_of(k, "store_name")],
                         t->nodes[store].name);
    }
    keep_free(k);
}

Test(export_rows, children_scope_is_the_table_on_screen)
{
    const fp_tree *t = fp_review_tree(rv);
    fp_export_req req = { FP_EXP_SCORECARDS, w47, w47, 0, FP_XS_CHILDREN, 0 };
    keep_sink *k = run(&req);
    int rows[64], n = 0;
    for (int c = t->nodes[0].first_child; c >= 0; c = t->nodes[c].next_sibling)
        rows[n++] = c;
    cr_assert_eq(k->nrows, listed_cells(w47, rows, n));
    for (int i = 0; i < k->nrows; i++) {
        const char *path = k->cell[i][col_of(k, "path")];
        cr_assert(*path && !strchr(path, '/'), "not a store: %s", path);
    }
    keep_free(k);
}

Test(export_rows, a_person_scope_is_their_personal_card)
{
    const fp_tree *t = fp_review_tree(rv);
    int p = 0;
    fp_export_req req = { FP_EXP_SCORECARDS, w47, w47, 0, FP_XS_PERSON, p };
    keep_sink *k = run(&req);
    int row = t->nnodes + p;
    cr_assert_gt(k->nrows, 0);
    cr_assert_eq(k->nrows, listed_cells(w47, &row, 1));
    cr_assert_str_eq(k->cell[0][col_of(k, "person")], t->people[p].code);
    cr_assert_str_eq(k->cell[0][col_of(k, "person_name")], t->people[p].name);
    keep_free(k);
}

Test(export_rows, a_range_is_each_week_in_order)
{
    fp_export_req one = { FP_EXP_SCORECARDS, w46, w46, 0, FP_XS_SUBTREE, 0 };
    fp_export_req two = { FP_EXP_SCORECARDS, w47, w47, 0, FP_XS_SUBTREE, 0 };
    fp_export_req both = { FP_EXP_SCORECARDS, w46, w47, 0, FP_XS_SUBTREE, 0 };
    keep_sink *a = run(&one), *b = run(&two), *ab = run(&both);
    cr_assert_eq(ab->nrows, a->nrows + b->nrows);
    cr_assert_str_eq(ab->cell[0][0], "2026-W46");
    cr_assert_str_eq(ab->cell[ab->nrows - 1][0], "2026-W47");
    keep_free(a);
    keep_free(b);
    keep_free(ab);
}

Test(export_rows, notes_are_the_note_list)
{
    fp_note_list l;
    cr_assert(fp_note_list_week(fp_review_db(rv), w47, 0, &l));
    fp_export_req req = { FP_EXP_NOTES, w47, w47, 0, FP_XS_SUBTREE, 0 };
    keep_sink *k = run(&req);
    cr_assert_gt(l.n, 0);
    cr_assert_eq((size_t)k->nrows, l.n);
    for (size_t i = 0; i < l.n; i++)
        cr_assert_str_eq(k->cell[i][col_of(k, "text")], l.items[i].text);
    fp_note_list_done(&l);
    keep_free(k);
}

Test(export_rows, facts_are_every_imported_value_of_the_week)
{
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(fp_review_db(rv)->sql,
                 "SELECT count(*) FROM facts WHERE week = ?", -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_int(st, 1, (int)w47);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int want = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    fp_export_req req = { FP_EXP_FACTS, w47, w47, 0, FP_XS_SUBTREE, 0 };
    keep_sink *k = run(&req);
    cr_assert_gt(want, 0);
    cr_assert_eq(k->nrows, want);
    keep_free(k);
}

Test(export_rows, a_week_without_data_is_refused)
{
    fp_week w;
    char err[256] = "";
    fp_week_parse("2020-W01", &w);
    fp_export_req req = { FP_EXP_SCORECARDS, w, w, 0, FP_XS_SUBTREE, 0 };
    keep_sink *k = keep_new();
    cr_assert_not(fp_export_rows(rv, &req, &k->sink, err, sizeof err));
    cr_assert(strstr(err, "2020-W01"), "%s", err);
    keep_free(k);
}

/* ---- writers ---- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    char *s = fp_read_all(f);
    fclose(f);
    *len = strlen(s);
    return s;
}

static void write_notes(const char *path, fp_export_format fmt,
                        const fp_xwriter_opts *o)
{
    char err[512];
    fp_xwriter *w = fp_xwriter_open(path, fmt, o, err, sizeof err);
    cr_assert_not_null(w, "%s", err);
    fp_export_req req = { FP_EXP_NOTES, w47, w47, 0, FP_XS_SUBTREE, 0 };
    bool ok = fp_export_rows(rv, &req, fp_xwriter_sink(w), err, sizeof err);
    cr_assert(ok, "%s", err);
    cr_assert(fp_xwriter_close(w, ok, err, sizeof err), "%s", err);
}

Test(export_rows, gb18030_and_the_excel_bom_hold_the_utf8_text)
{
    char plain[160], gb[160], bom[160];
    size_t np, ng, nb;
    snprintf(plain, sizeof plain, "%s/plain.csv", sc.dir);
    snprintf(gb, sizeof gb, "%s/gb.csv", sc.dir);
    snprintf(bom, sizeof bom, "%s/bom.csv", sc.dir);
    write_notes(plain, FP_EXPF_CSV, NULL);
    write_notes(gb, FP_EXPF_CSV, &(fp_xwriter_opts){ false, FP_ENC_GB18030 });
    write_notes(bom, FP_EXPF_CSV, &(fp_xwriter_opts){ true, FP_ENC_UTF8 });
    char *p = slurp(plain, &np), *g = slurp(gb, &ng), *b = slurp(bom, &nb);
    cr_assert_neq(ng, np, "GB18030 bytes differ from UTF-8 ones");
    fp_decoded d;
    cr_assert(fp_decode_text(g, ng, FP_ENC_GB18030, &d), "%s", d.why);
    cr_assert_str_eq(d.text, p);
    cr_assert_eq(memcmp(b, "\xEF\xBB\xBF", 3), 0);
    cr_assert_str_eq(b + 3, p);
    fp_decoded_done(&d);
    free(p);
    free(g);
    free(b);
}

Test(export_rows, xlsx_is_a_zip_and_a_failed_export_leaves_no_file)
{
    char path[160], err[512];
    snprintf(path, sizeof path, "%s/s.xlsx", sc.dir);
    fp_export_req req = { FP_EXP_SCORECARDS, w47, w47, 0, FP_XS_CHILDREN, 0 };
    long n = fp_export_to_file(rv, &req, path, FP_EXPF_XLSX, err, sizeof err);
    cr_assert_gt(n, 0, "%s", err);
    FILE *f = fopen(path, "rb");
    char magic[2] = "";
    cr_assert_not_null(f);
    cr_assert_eq(fread(magic, 1, 2, f), 2);
    fclose(f);
    cr_assert_eq(memcmp(magic, "PK", 2), 0);
    fp_week_parse("2020-W01", &req.from);
    req.to = req.from;
    snprintf(path, sizeof path, "%s/none.csv", sc.dir);
    cr_assert_eq(fp_export_to_file(rv, &req, path, FP_EXPF_CSV, err,
                                   sizeof err), -1);
    cr_assert_neq(access(path, F_OK), 0, "a failed export left %s", path);
}
