/* Targets, FX rates, stores and people files, row by row. These files
 * are small (one row per node or currency and week): repeated keys are
 * found with imp->seen. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "storage/import_priv.h"
#include "model/i18n.h"
#include "storage/org.h"

#define MAX_PATH_PARTS 3

/* ---- targets: week,path,kpi,target[,kind] ----
 * week: 2026-W47, a month 2026-11 or a quarter 2026-Q4, or empty for a
 * standing target; kind: target (empty) or cap (a ceiling). */

/* Longest path: three ids and two slashes. */
#define MAX_PATH_LEN (MAX_PATH_PARTS * (FP_IMPORT_MAX_ID + 1))

typedef struct {
    char text[MAX_PATH_LEN + 1];
    const char *part[MAX_PATH_PARTS]; /* store, category, person or "" */
} path_parts;

/* Each part of a path is an id of at most FP_IMPORT_MAX_ID bytes. */
static bool path_length_ok(fp_importer *imp, int line, const char *column,
                           const char *path)
{
    for (const char *s = path; ; ) {
        const char *slash = strchr(s, '/');
        size_t n = slash ? (size_t)(slash - s) : strlen(s);
        if (n > FP_IMPORT_MAX_ID) {
            char shown[200];
            fp_imp_problem(imp, line, column,
                           _("%s: %s is at most %zu bytes, this one has %zu"),
                           fp_imp_show(path, shown, sizeof shown), _("an id"),
                           (size_t)FP_IMPORT_MAX_ID, n);
            return false;
        }
        if (slash == NULL)
            return fp_imp_check_length(imp, line, column, path,
                                       MAX_PATH_LEN, N_("a path"));
        s = slash + 1;
    }
}

/* Splits "store[/category[/person]]"; "" is the company. */
static bool split_path(fp_importer *imp, const fp_csv_row *row, int idx,
                       path_parts *p)
{
    const char *v = fp_imp_field(row, idx);
    char col[16], shown[200];
    const char *name = fp_imp_colname(imp, idx, col);
    int n = 0;
    for (int i = 0; i < MAX_PATH_PARTS; i++)
        p->part[i] = "";
    if (!path_length_ok(imp, row->line, name, v))
        return false;
    memcpy(p->text, v, strlen(v) + 1);
    if (p->text[0] == '\0')
        return true;
    for (char *s = p->text; s != NULL && n <= MAX_PATH_PARTS; n++) {
        char *slash = strchr(s, '/');
        if (slash != NULL)
            *slash = '\0';
        if (n < MAX_PATH_PARTS)
            p->part[n] = s;
        if (s[0] == '\0' || strpbrk(s, "\n\r\t") != NULL) {
            fp_imp_problem(imp, row->line, name, _("%s has an empty part"),
                           fp_imp_show(v, shown, sizeof shown));
            return false;
        }
        s = slash ? slash + 1 : NULL;
    }
    if (n > MAX_PATH_PARTS) {
        fp_imp_problem(imp, row->line, name,
                       _("%s: a path is store[/category[/person]]"),
                       fp_imp_show(v, shown, sizeof shown));
        return false;
    }
    return true;
}

static void write_target(fp_importer *imp, fp_week week, const path_parts *p,
                         int kpi, double value, const char *kind)
{
    long long node = p->part[0][0] == '\0'
                         ? 1
                         : fp_imp_node(imp, p->part[0], p->part[1],
                                       p->part[2]);
    long long kpi_id = node > 0 ? fp_imp_kpi_id(imp, kpi) : -1;
    if (kpi_id <= 0)
        return;
    sqlite3_stmt *st = imp->st_target;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, kpi_id);
    sqlite3_bind_double(st, 4, value);
    sqlite3_bind_int64(st, 5, imp->import_id);
    sqlite3_bind_text(st, 6, kind, -1, SQLITE_STATIC);
    if (fp_imp_run(imp, st))
        imp->cur->written++;
}

/* The optional kind column: empty or "target" (a goal), "cap" (a
 * ceiling); NULL after reporting anything else. */
static const char *target_kind(fp_importer *imp, const fp_csv_row *row,
                               int idx)
{
    const char *v = idx < 0 ? "" : fp_imp_field(row, idx);
    char col[16], shown[200];
    if (v[0] == '\0' || strcmp(v, "target") == 0)
        return "target";
    if (strcmp(v, "cap") == 0)
        return "cap";
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, idx, col),
                   _("%s is not target or cap"),
                   fp_imp_show(v, shown, sizeof shown));
    return NULL;
}

static bool target_not_negative(fp_importer *imp, const fp_csv_row *row,
                                int idx, double value)
{
    char col[16], shown[200];
    if (value >= 0)
        return true;
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, idx, col),
                   _("%s: a target cannot be below zero"),
                   fp_imp_show(fp_imp_field(row, idx), shown, sizeof shown));
    return false;
}

static void target_row(fp_importer *imp, const fp_csv_row *row)
{
    const fp_imp_col *c = imp->cols;
    fp_week week = 0;
    path_parts path;
    double value;
    bool present, ok = true;
    char col[16], key[MAX_PATH_LEN + 64];
    if (!fp_imp_check_ragged(imp, row))
        return;
    fp_period per; /* a month or a quarter: stored as its period code */
    if (fp_period_parse(fp_imp_field(row, c[0].idx), &per) &&
        per.kind != FP_PERIOD_WEEK)
        week = fp_period_code(per);
    else if (fp_imp_field(row, c[0].idx)[0] != '\0')
        ok = fp_imp_week(imp, row, c[0].idx, &week);
    ok = split_path(imp, row, c[1].idx, &path) && ok;
    const char *kpi_col = fp_imp_colname(imp, c[2].idx, col);
    const char *id = fp_imp_field(row, c[2].idx);
    int kpi = id[0] == '\0' ? -1 : fp_imp_kpi(imp, row->line, kpi_col, id);
    if (id[0] == '\0')
        fp_imp_problem(imp, row->line, kpi_col, _("empty"));
    const char *kind = target_kind(imp, row, c[4].idx);
    if (kpi < 0 || !kind || !fp_imp_number(imp, row, c[3].idx, kpi, &value,
                                           &present) || !present ||
        !target_not_negative(imp, row, c[3].idx, value) || !ok)
        return;
    snprintf(key, sizeof key, "%d|%s|%d", week, fp_imp_field(row, c[1].idx),
             kpi);
    if (fp_imp_unique(imp, key, row->line,
                      fp_imp_colname(imp, c[3].idx, col),
                      "week/path/kpi") && imp->ok)
        write_target(imp, week, &path, kpi, value, kind);
}

void fp_import_targets(fp_importer *imp)
{
    fp_imp_col cols[] = {{"week", true, -1}, {"path", true, -1},
                         {"kpi", true, -1}, {"target", true, -1},
                         {"kind", false, -1}};
    imp->cur->format = "targets";
    memcpy(imp->cols, cols, sizeof cols);
    if (fp_imp_bind(imp, imp->cols, 5, false))
        imp->on_row = target_row;
}

/* ---- fx: week,currency,rate ---- */

/* An ISO 4217 code: three letters, stored in upper case. */
static bool currency_code(fp_importer *imp, const fp_csv_row *row, int idx,
                          bool required, char out[4])
{
    char *v = fp_imp_field(row, idx);
    char col[16], shown[200];
    out[0] = '\0';
    if (v[0] == '\0' && !required)
        return true;
    bool ok = strlen(v) == 3;
    for (int i = 0; ok && i < 3; i++) {
        ok = isalpha((unsigned char)v[i]) && (unsigned char)v[i] < 0x80;
        out[i] = (char)toupper((unsigned char)v[i]);
    }
    out[3] = '\0';
    if (!ok) {
        out[0] = '\0';
        fp_imp_problem(imp, row->line, fp_imp_colname(imp, idx, col),
                       _("%s is not a currency code (three letters: MYR, "
                       "THB, USD...)"),
                       fp_imp_show(v, shown, sizeof shown));
    }
    return ok;
}

static void write_rate(fp_importer *imp, fp_week week, const char *cur,
                       double rate)
{
    sqlite3_stmt *st = imp->st_fx;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_text(st, 2, cur, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 3, rate);
    if (fp_imp_run(imp, st))
        imp->cur->written++;
}

static void fx_row(fp_importer *imp, const fp_csv_row *row)
{
    const fp_imp_col *c = imp->cols;
    fp_week week;
    char cur[4], col[16], key[64];
    double rate;
    bool present;
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool ok = fp_imp_week(imp, row, c[0].idx, &week);
    ok = currency_code(imp, row, c[1].idx, true, cur) && ok;
    if (!fp_imp_number(imp, row, c[2].idx, -1, &rate, &present) || !ok)
        return;
    const char *rate_col = fp_imp_colname(imp, c[2].idx, col);
    if (!present || rate <= 0) {
        fp_imp_problem(imp, row->line, rate_col,
                       present ? _("a rate must be above zero") : _("empty"));
        return;
    }
    snprintf(key, sizeof key, "%d|%s", week, cur);
    if (fp_imp_unique(imp, key, row->line, rate_col, "week/currency") &&
        imp->ok)
        write_rate(imp, week, cur, rate);
}

void fp_import_fx(fp_importer *imp)
{
    fp_imp_col cols[] = {{"week", true, -1}, {"currency", true, -1},
                         {"rate", true, -1}};
    imp->cur->format = "fx";
    memcpy(imp->cols, cols, sizeof cols);
    if (fp_imp_bind(imp, imp->cols, 3, false))
        imp->on_row = fx_row;
}

/* ---- stores: store,name,platform,market,currency ---- */

static void store_row(fp_importer *imp, const fp_csv_row *row)
{
    const fp_imp_col *c = imp->cols;
    char cur[4], col[16];
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool ok = fp_imp_check_id(imp, row, c[0].idx, true);
    ok = fp_imp_check_name(imp, row, c[1].idx) && ok;
    ok = currency_code(imp, row, c[4].idx, false, cur) && ok;
    const char *code = fp_imp_field(row, c[0].idx);
    if (!ok || !fp_imp_unique(imp, code, row->line,
                              fp_imp_colname(imp, c[0].idx, col), "store") ||
        !imp->ok)
        return;
    if (fp_org_upsert_store(imp->db, code, fp_imp_field(row, c[1].idx),
                            fp_imp_field(row, c[2].idx),
                            fp_imp_field(row, c[3].idx), cur,
                            &imp->report->created))
        imp->cur->written++;
    else
        fp_imp_fail(imp, "%s", imp->db->err);
}

void fp_import_stores(fp_importer *imp)
{
    fp_imp_col cols[] = {{"store", true, -1}, {"name", false, -1},
                         {"platform", false, -1}, {"market", false, -1},
                         {"currency", false, -1}};
    imp->cur->format = "stores";
    memcpy(imp->cols, cols, sizeof cols);
    if (fp_imp_bind(imp, imp->cols, 5, false))
        imp->on_row = store_row;
}

/* ---- people: person,name,role,store,category ---- */

static bool check_person_place(fp_importer *imp, const fp_imp_col *c,
                               const fp_csv_row *row)
{
    const char *role = fp_imp_field(row, c[2].idx);
    const char *store = fp_imp_field(row, c[3].idx);
    const char *category = fp_imp_field(row, c[4].idx);
    char shown[200], col[16];
    bool ok = fp_imp_check_id(imp, row, c[3].idx, false);
    ok = fp_imp_check_id(imp, row, c[4].idx, false) && ok;
    if (role[0] != '\0' && imp->cat->nroles > 0 &&
        fp_catalogue_role(imp->cat, role) < 0) {
        fp_imp_problem(imp, row->line, fp_imp_colname(imp, c[2].idx, col),
                       _("unknown role %s"),
                       fp_imp_show(role, shown, sizeof shown));
        ok = false;
    }
    /* A column left out of the header is named as the format names it. */
    if (store[0] != '\0' && category[0] == '\0') {
        fp_imp_problem(imp, row->line,
                       c[4].idx < 0 ? "category"
                                    : fp_imp_colname(imp, c[4].idx, col),
                       _("empty, but store is given (a person belongs to a "
                       "category of a store)"));
        ok = false;
    } else if (store[0] == '\0' && category[0] != '\0') {
        fp_imp_problem(imp, row->line,
                       c[3].idx < 0 ? "store"
                                    : fp_imp_colname(imp, c[3].idx, col),
                       _("empty, but category is given"));
        ok = false;
    }
    return ok;
}

/* The person's handle on the platforms ("@mybeauty_th"), which import
 * profiles match; an empty cell leaves it as it is. */
static bool set_handle(fp_importer *imp, const char *code,
                       const char *handle)
{
    if (handle[0] == '\0')
        return true;
    sqlite3_stmt *st = fp_db_prepare(imp->db,
        "UPDATE people SET handle = ?2 WHERE code = ?1");
    if (st != NULL) {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, handle, -1, SQLITE_TRANSIENT);
    }
    bool ok = st != NULL && fp_imp_run(imp, st);
    sqlite3_finalize(st);
    if (st == NULL)
        fp_imp_fail(imp, "%s", imp->db->err);
    return ok;
}

static void person_row(fp_importer *imp, const fp_csv_row *row)
{
    const fp_imp_col *c = imp->cols;
    char col[16], key[1200];
    if (!fp_imp_check_ragged(imp, row))
        return;
    bool ok = fp_imp_check_id(imp, row, c[0].idx, true);
    ok = fp_imp_check_name(imp, row, c[1].idx) && ok;
    ok = check_person_place(imp, c, row) && ok;
    const char *code = fp_imp_field(row, c[0].idx);
    const char *store = fp_imp_field(row, c[3].idx);
    const char *category = fp_imp_field(row, c[4].idx);
    snprintf(key, sizeof key, "%s\x1f%s\x1f%s", code, store, category);
    if (!ok || !fp_imp_unique(imp, key, row->line,
                              fp_imp_colname(imp, c[0].idx, col),
                              "person/store/category") ||
        !imp->ok)
        return;
    if (!fp_org_upsert_person(imp->db, code, fp_imp_field(row, c[1].idx),
                              fp_imp_field(row, c[2].idx),
                              &imp->report->created)) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return;
    }
    if (!set_handle(imp, code, fp_imp_field(row, c[5].idx)))
        return;
    if (store[0] == '\0' || fp_imp_node(imp, store, category, code) > 0)
        imp->cur->written++;
}

void fp_import_people(fp_importer *imp)
{
    fp_imp_col cols[] = {{"person", true, -1}, {"name", false, -1},
                         {"role", false, -1}, {"store", false, -1},
                         {"category", false, -1}, {"handle", false, -1}};
    imp->cur->format = "people";
    memcpy(imp->cols, cols, sizeof cols);
    if (fp_imp_bind(imp, imp->cols, 6, false))
        imp->on_row = person_row;
}

/* ---- categories: category,name ---- */

static void category_row(fp_importer *imp, const fp_csv_row *row)
{
    const fp_imp_col *c = imp->cols;
    char col[16];
    if (!fp_imp_check_ragged(imp, row) ||
        !fp_imp_check_id(imp, row, c[0].idx, true) ||
        !fp_imp_check_name(imp, row, c[1].idx))
        return;
    const char *code = fp_imp_field(row, c[0].idx);
    if (!fp_imp_unique(imp, code, row->line,
                       fp_imp_colname(imp, c[0].idx, col), "category") ||
        !imp->ok)
        return;
    if (fp_org_upsert_category(imp->db, code, fp_imp_field(row, c[1].idx),
                               &imp->report->created))
        imp->cur->written++;
    else
        fp_imp_fail(imp, "%s", imp->db->err);
}

void fp_import_categories(fp_importer *imp)
{
    fp_imp_col cols[] = {{"category", true, -1}, {"name", false, -1}};
    imp->cur->format = "categories";
    memcpy(imp->cols, cols, sizeof cols);
    if (fp_imp_bind(imp, imp->cols, 2, false))
        imp->on_row = category_row;
}
