/* The importer's checks of single fields, its problem list and its small
 * storage helpers (see import_priv.h). */
#include "storage/import_priv.h"
#include "model/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/buf.h"
#include "model/expr.h"
#include "model/number.h"
#include "model/text.h"
#include "storage/org.h"
#include "storage/xlsx_read.h"

#define SHOW_COLS 40

/* malloc'd "FILE:LINE: column NAME: what" (file: "FILE:" or, for a
 * sheet, "FILE:SHEET!F" before the row number); the column is cut to
 * SHOW_COLS so that what is wrong always stays in the message. */
static char *problem_text(const char *file, int line, const char *column,
                          const char *what)
{
    char col[4 * SHOW_COLS + 8];
    fp_text_fit(column, SHOW_COLS, false, col, sizeof col);
    /* no column (a whole row of a sheet): "FILE:SHEET!14: what" */
    const char *fmt = column[0] != '\0' ? "%s%d: column %s: %s"
                                        : "%s%d: %s%s";
    int n = snprintf(NULL, 0, fmt, file, line, col, what);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg != NULL)
        snprintf(msg, (size_t)n + 1, fmt, file, line, col, what);
    return msg;
}

/* The 0-based field of a column named in a problem: "#N" or a header
 * name; -1 when not known. */
static int column_index(const fp_importer *imp, const char *column)
{
    if (column[0] == '#' && column[1] >= '1' && column[1] <= '9')
        return atoi(column + 1) - 1;
    return imp->header != NULL ? fp_imp_header_index(imp->header, column)
                               : -1;
}

/* A sheet name as Excel writes it in a reference: quoted when it holds
 * a blank or ASCII punctuation. */
static void sheet_ref(const char *sheet, char *out, size_t n)
{
    bool plain = true;
    for (const char *p = sheet; *p != '\0'; p++)
        if ((unsigned char)*p < 0x80 && !(*p >= '0' && *p <= '9') &&
            !((*p | 32) >= 'a' && (*p | 32) <= 'z') && *p != '_')
            plain = false;
    snprintf(out, n, plain ? "%s" : "'%s'", sheet);
}

/* What comes before the line: "FILE:" for a CSV file; "FILE:SHEET!F"
 * for a cell of a sheet (F14), "FILE:SHEET!" when the column is not
 * known (SHEET!14). */
static const char *where(const fp_importer *imp, const char *column,
                         char *buf, size_t n)
{
    char name[300], col[8];
    if (!imp->xlsx) {
        snprintf(buf, n, "%s:", imp->file);
        return buf;
    }
    int idx = column_index(imp, column);
    sheet_ref(imp->sheet, name, sizeof name);
    snprintf(buf, n, "%s:%s!%s", imp->file, name,
             idx >= 0 ? fp_xlsx_column_name(idx, col) : "");
    return buf;
}

static void add_problem(fp_importer *imp, char *msg)
{
    fp_import_report *r = imp->report;
    imp->ok = false;
    r->total_problems++;
    if (r->nproblems >= FP_IMPORT_MAX_PROBLEMS || msg == NULL) {
        free(msg);
        return;
    }
    r->problems[r->nproblems++] = msg;
}

void fp_imp_problem(fp_importer *imp, int line, const char *column,
                    const char *fmt, ...)
{
    if (imp->rescan)
        return;
    char what[1024], loc[4200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    add_problem(imp, problem_text(where(imp, column, loc, sizeof loc),
                                  line, column, what));
}

void fp_imp_problem_file(fp_importer *imp, const char *fmt, ...)
{
    if (imp->rescan)
        return;
    char what[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    int n = snprintf(NULL, 0, "%s: %s", imp->file, what);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg != NULL)
        snprintf(msg, (size_t)n + 1, "%s: %s", imp->file, what);
    add_problem(imp, msg);
}

static bool known_column(const fp_importer *imp, const char *name)
{
    static const char *const names[] = {
        "week", "date", "store", "category", "person", "kpi", "value",
        "path", "target", "currency", "rate", "name", "role", "platform",
        "market",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    for (int k = 0; k < imp->cat->nkpis; k++) {
        const fp_kpi *kp = &imp->cat->kpis[k];
        if (strcasecmp(name, kp->id) == 0 ||
            (kp->label && strcasecmp(name, kp->label) == 0) ||
            (kp->label_zh && strcmp(name, kp->label_zh) == 0))
            return true;
    }
    return false;
}

int fp_imp_title_cells(fp_importer *imp, const fp_csv_row *row)
{
    int filled = 0;
    for (int i = 0; i < row->nfields; i++) {
        const char *v = fp_imp_field(row, i);
        if (v[0] == '\0')
            continue;
        if (known_column(imp, v))
            return -1;
        filled++;
    }
    return filled;
}

bool fp_imp_is_header_default(fp_importer *imp, const fp_csv_row *row)
{
    return fp_imp_title_cells(imp, row) != 1 ||
           imp->title_rows >= FP_IMP_MAX_TITLE_ROWS;
}

void fp_imp_fail(fp_importer *imp, const char *fmt, ...)
{
    va_list ap;
    imp->ok = false;
    if (imp->failed)
        return;
    imp->failed = true;
    va_start(ap, fmt);
    vsnprintf(imp->report->error, sizeof imp->report->error, fmt, ap);
    va_end(ap);
}

static bool has_control(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

const char *fp_imp_colname(const fp_importer *imp, int idx, char *buf)
{
    const fp_csv_row *h = imp->header;
    if (h != NULL && idx >= 0 && idx < h->nfields &&
        h->fields[idx][0] != '\0' && !has_control(h->fields[idx]))
        return h->fields[idx];
    snprintf(buf, 16, "#%d", idx + 1);
    return buf;
}

const char *fp_imp_show(const char *value, char *buf, size_t bufsz)
{
    char cut[4 * SHOW_COLS + 8];
    fp_text_fit(value, SHOW_COLS, false, cut, sizeof cut);
    snprintf(buf, bufsz, "\"%s\"", cut);
    return buf;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

char *fp_imp_field(const fp_csv_row *row, int idx)
{
    static char empty[1];
    if (idx < 0 || idx >= row->nfields)
        return empty;
    char *s = row->fields[idx];
    while (is_blank(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1]))
        s[--n] = '\0';
    return s;
}

int fp_imp_header_index(const fp_csv_row *header, const char *name)
{
    for (int i = 0; i < header->nfields; i++)
        if (strcasecmp(fp_imp_field(header, i), name) == 0)
            return i;
    return -1;
}

static bool is_known(const fp_imp_col *cols, int ncols, const char *name)
{
    for (int i = 0; i < ncols; i++)
        if (strcasecmp(cols[i].name, name) == 0)
            return true;
    return false;
}

/* Header names in lower case (ASCII) -> first column. */
static bool lower_key(const char *name, fp_buf *key)
{
    key->len = 0;
    for (const char *c = name; *c != '\0'; c++)
        fp_buf_addc(key, (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c));
    return !key->failed && key->s != NULL;
}

/* Empty and repeated names; one pass with a hash map (a header may have
 * any number of columns). */
static bool check_header_names(fp_importer *imp)
{
    const fp_csv_row *h = imp->header;
    fp_strmap *names = fp_strmap_new();
    fp_buf key;
    bool ok = true;
    char buf[16];
    fp_buf_init(&key);
    for (int i = 0; i < h->nfields && names != NULL; i++) {
        const char *name = fp_imp_field(h, i);
        if (name[0] == '\0') {
            fp_imp_problem(imp, h->line, fp_imp_colname(imp, i, buf),
                           _("no name in the header"));
            ok = false;
        } else if (!lower_key(name, &key)) {
            break;
        } else if (fp_strmap_get(names, key.s, NULL)) {
            fp_imp_problem(imp, h->line, name,
                           _("appears twice in the header"));
            ok = false;
        } else if (!fp_strmap_put(names, key.s, i)) {
            break;
        }
    }
    if (names == NULL || key.failed)
        fp_imp_fail(imp, _("out of memory"));
    fp_strmap_free(names);
    fp_buf_done(&key);
    return ok;
}

bool fp_imp_bind(fp_importer *imp, fp_imp_col *cols, int ncols,
                 bool allow_extra)
{
    const fp_csv_row *h = imp->header;
    bool ok = check_header_names(imp);
    for (int i = 0; i < ncols; i++) {
        cols[i].idx = fp_imp_header_index(h, cols[i].name);
        if (cols[i].idx < 0 && cols[i].required) {
            fp_imp_problem(imp, h->line, cols[i].name,
                           _("missing from the header"));
            ok = false;
        }
    }
    for (int i = 0; i < h->nfields && !allow_extra; i++) {
        const char *name = fp_imp_field(h, i);
        if (name[0] != '\0' && !is_known(cols, ncols, name)) {
            fp_imp_problem(imp, h->line, name, _("unknown column"));
            ok = false;
        }
    }
    return ok;
}

bool fp_imp_check_ragged(fp_importer *imp, const fp_csv_row *row)
{
    int want = imp->header->nfields;
    char buf[16];
    if (row->nfields < want) {
        fp_imp_problem(imp, row->line,
                       fp_imp_colname(imp, row->nfields, buf),
                       _("missing: the row has %d fields, the header %d"),
                       row->nfields, want);
        return false;
    }
    if (row->nfields > want) {
        fp_imp_problem(imp, row->line, fp_imp_colname(imp, want, buf),
                       _("extra field: the row has %d fields, the header %d"),
                       row->nfields, want);
        return false;
    }
    return true;
}

bool fp_imp_check_id(fp_importer *imp, const fp_csv_row *row, int idx,
                     bool required)
{
    const char *v = fp_imp_field(row, idx);
    char col[16], shown[200];
    const char *name = fp_imp_colname(imp, idx, col);
    if (v[0] == '\0') {
        if (required)
            fp_imp_problem(imp, row->line, name, _("empty"));
        return !required;
    }
    if (strchr(v, '/') != NULL || has_control(v)) {
        fp_imp_problem(imp, row->line, name,
                       _("%s: an id may not hold '/' or a line break"),
                       fp_imp_show(v, shown, sizeof shown));
        return false;
    }
    if (fp_text_has_invisible(v)) {
        fp_imp_problem(imp, row->line, name,
                       _("%s: an id may not hold bidi or zero-width characters"),
                       fp_imp_show(v, shown, sizeof shown));
        return false;
    }
    return fp_imp_check_length(imp, row->line, name, v, FP_IMPORT_MAX_ID,
                               N_("an id"));
}

bool fp_imp_check_length(fp_importer *imp, int line, const char *column,
                         const char *value, size_t max, const char *what)
{
    char shown[200];
    size_t n = strlen(value);
    if (n <= max)
        return true;
    fp_imp_problem(imp, line, column, _("%s: %s is at most %zu bytes, this "
                   "one has %zu"), fp_imp_show(value, shown, sizeof shown),
                   _(what), max, n);
    return false;
}

bool fp_imp_check_name(fp_importer *imp, const fp_csv_row *row, int idx)
{
    char col[16];
    return fp_imp_check_length(imp, row->line, fp_imp_colname(imp, idx, col),
                               fp_imp_field(row, idx), FP_IMPORT_MAX_NAME,
                               N_("a name"));
}

/* "2025-W53": looks like a week, but the year is too short for it. */
static bool week_out_of_year(const char *v, int *year)
{
    char probe[16];
    fp_week w;
    size_t n = strlen(v);
    if (n < 7 || n > 8 || !(v[n - 2] >= '0' && v[n - 2] <= '9'))
        return false;
    memcpy(probe, v, n + 1);
    probe[n - 2] = '0';
    probe[n - 1] = '1';
    if (!fp_week_parse(probe, &w) || atoi(v + n - 2) < 1)
        return false;
    *year = w / 100;
    return true;
}

bool fp_imp_week(fp_importer *imp, const fp_csv_row *row, int idx,
                 fp_week *out)
{
    const char *v = fp_imp_field(row, idx);
    char col[16], shown[200];
    int year;
    if (fp_week_parse(v, out))
        return true;
    const char *name = fp_imp_colname(imp, idx, col);
    if (v[0] == '\0')
        fp_imp_problem(imp, row->line, name, _("empty"));
    else if (week_out_of_year(v, &year))
        fp_imp_problem(imp, row->line, name,
                       _("%s is not a week: %d has %d ISO weeks"),
                       fp_imp_show(v, shown, sizeof shown), year,
                       fp_iso_weeks_in_year(year));
    else
        fp_imp_problem(imp, row->line, name,
                       _("%s is not a week (write YYYY-Www, e.g. 2026-W47)"),
                       fp_imp_show(v, shown, sizeof shown));
    return false;
}

/* The format of the message on a bad date: a day first (20/11/2026)
 * gets the option to say so. */
static const char *date_why(const fp_importer *imp, const char *v)
{
    if (imp->opts->date_order != FP_DATE_AUTO)
        return _("%s is not a date in the --date-format given");
    if (v[0] >= '0' && v[0] <= '9' && (v[1] == '/' || v[2] == '/' ||
                                       v[1] == '.' || v[2] == '.'))
        return _("%s is not a date (YYYY-MM-DD; for a day first, say "
                 "--date-format DD/MM/YYYY)");
    return _("%s is not a date (YYYY-MM-DD or YYYY/MM/DD)");
}

bool fp_imp_date(fp_importer *imp, const fp_csv_row *row, int idx,
                 long *day)
{
    const char *v = fp_imp_field(row, idx);
    char col[16], shown[200];
    int y, m, d;
    if (fp_date_parse_order(v, imp->opts->date_order, &y, &m, &d)) {
        *day = fp_days_from_civil(y, m, d);
        return true;
    }
    const char *name = fp_imp_colname(imp, idx, col);
    if (v[0] == '\0')
        fp_imp_problem(imp, row->line, name, _("empty"));
    else
        fp_imp_problem(imp, row->line, name, date_why(imp, v),
                       fp_imp_show(v, shown, sizeof shown));
    return false;
}

/* The market of a store, from the database (cached per import). */
static fp_decimal store_decimal(fp_importer *imp, const char *store)
{
    long long v;
    if (imp->markets == NULL && (imp->markets = fp_strmap_new()) == NULL)
        return FP_DEC_UNKNOWN;
    if (fp_strmap_get(imp->markets, store, &v))
        return (fp_decimal)(v - 1);
    sqlite3_stmt *st = fp_db_prepare(imp->db,
        "SELECT market FROM stores WHERE code = ?1");
    fp_decimal dec = FP_DEC_UNKNOWN;
    if (st != NULL) {
        sqlite3_bind_text(st, 1, store, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            dec = fp_decimal_for_market(
                (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    fp_strmap_put(imp->markets, store, (long long)dec + 1);
    return dec;
}

fp_decimal fp_imp_decimal(fp_importer *imp, const fp_csv_row *row, int idx)
{
    if (row->numeric != NULL && idx >= 0 && idx < row->nfields &&
        row->numeric[idx])
        return FP_DEC_POINT;
    if (imp->opts->decimal != FP_DEC_UNKNOWN)
        return imp->opts->decimal;
    if (imp->prof != NULL) { /* a profile's file: its store column */
        const char *store = fp_imp_profile_store(imp, row);
        return store != NULL && store[0] != '\0' ? store_decimal(imp, store)
                                                  : FP_DEC_UNKNOWN;
    }
    int col = imp->header ? fp_imp_header_index(imp->header, "store") : -1;
    int path = imp->header ? fp_imp_header_index(imp->header, "path") : -1;
    const char *store = col >= 0 ? fp_imp_field(row, col)
                                 : imp->default_store;
    char first[FP_IMPORT_MAX_ID + 1];
    if (col < 0 && path >= 0) { /* targets: the path's first part */
        const char *p = fp_imp_field(row, path);
        size_t n = strcspn(p, "/");
        snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first
                 ? n : sizeof first - 1), p);
        store = first;
    }
    return store != NULL && store[0] != '\0' ? store_decimal(imp, store)
                                              : FP_DEC_UNKNOWN;
}

bool fp_imp_number(fp_importer *imp, const fp_csv_row *row, int idx,
                   int kpi, double *out, bool *present)
{
    const char *v = fp_imp_field(row, idx);
    bool percent = kpi >= 0 && imp->cat->kpis[kpi].unit == FP_UNIT_PERCENT;
    const char *why = NULL;
    char col[16], shown[200];
    fp_num_status st = fp_parse_value_as(v, percent,
                                         fp_imp_decimal(imp, row, idx), out,
                                         &why);
    *present = st == FP_NUM_OK;
    if (st == FP_NUM_OK || st == FP_NUM_EMPTY)
        return true;
    fp_imp_problem(imp, row->line, fp_imp_colname(imp, idx, col),
                   st == FP_NUM_AMBIGUOUS ? _("%s is ambiguous: %s")
                                          : _("%s is not a number: %s"),
                   fp_imp_show(v, shown, sizeof shown), why);
    return false;
}

/* KPI ids are lower case (iniparser lower-cases section names): an id
 * is looked up as it is, then in lower case, in a map made once. */
static int find_kpi(fp_importer *imp, const char *id)
{
    char lower[128];
    long long k;
    if (imp->kpi_index == NULL) {
        imp->kpi_index = fp_strmap_new();
        for (int i = 0; imp->kpi_index && i < imp->cat->nkpis; i++)
            if (!fp_strmap_put(imp->kpi_index, imp->cat->kpis[i].id, i))
                break;
    }
    if (imp->kpi_index == NULL)
        return fp_catalogue_kpi(imp->cat, id);
    if (fp_strmap_get(imp->kpi_index, id, &k))
        return (int)k;
    size_t n = strlen(id);
    if (n >= sizeof lower)
        return -1;
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)((id[i] >= 'A' && id[i] <= 'Z') ? id[i] + 32 : id[i]);
    return fp_strmap_get(imp->kpi_index, lower, &k) ? (int)k : -1;
}

int fp_imp_kpi(fp_importer *imp, int line, const char *column,
               const char *id)
{
    char shown[200];
    /* a long file repeats the same few ids: the last one is kept aside */
    if (imp->last_kpi >= 0 && strcmp(id, imp->last_kpi_id) == 0)
        return imp->last_kpi;
    int k = find_kpi(imp, id);
    if (k < 0) {
        fp_imp_problem(imp, line, column, _("unknown KPI %s"),
                       fp_imp_show(id, shown, sizeof shown));
    } else if (strlen(id) < sizeof imp->last_kpi_id) {
        strcpy(imp->last_kpi_id, id);
        imp->last_kpi = k;
    }
    return k;
}

bool fp_imp_not_formula(fp_importer *imp, int line, const char *column,
                        int kpi)
{
    const fp_kpi *k = &imp->cat->kpis[kpi];
    if (k->add != FP_ADD_FORMULA)
        return true;
    fp_buf parts;
    fp_buf_init(&parts);
    int n = k->formula != NULL ? fp_expr_ncomponents(k->formula) : 0;
    const int *c = n > 0 ? fp_expr_components(k->formula) : NULL;
    for (int i = 0; i < n; i++) {
        if (i > 0)
            fp_buf_add(&parts, i == n - 1 ? _(" and ") : _(", "));
        fp_buf_add(&parts, imp->cat->kpis[c[i]].id);
    }
    fp_imp_problem(imp, line, column,
                   P_("%s is computed from %s; import that",
                      "%s is computed from %s; import those", n),
                   k->id, n > 0 ? fp_buf_str(&parts) : _("its formula"));
    fp_buf_done(&parts);
    return false;
}

bool fp_imp_unique(fp_importer *imp, const char *key, int line,
                   const char *column, const char *what)
{
    long long first;
    if (fp_strmap_get(imp->seen, key, &first)) {
        fp_imp_problem(imp, line, column, _("same %s as line %lld"), what,
                       first);
        return false;
    }
    if (!fp_strmap_put(imp->seen, key, line))
        fp_imp_fail(imp, _("out of memory"));
    return true;
}

/* The node of (store, category, person): the key is exact, never cut
 * (ids are checked against FP_IMPORT_MAX_ID before, and a longer key
 * still gets its full length). Rows of one node usually follow each
 * other: the last node is kept aside. */
long long fp_imp_node(fp_importer *imp, const char *store,
                      const char *category, const char *person)
{
    fp_buf *key = &imp->node_key;
    long long id;
    key->len = 0;
    fp_buf_add(key, store);
    fp_buf_addc(key, '\x1f');
    fp_buf_add(key, category);
    fp_buf_addc(key, '\x1f');
    fp_buf_add(key, person);
    if (key->failed) {
        fp_imp_fail(imp, _("out of memory"));
        return -1;
    }
    if (imp->last_node > 0 && strcmp(key->s, fp_buf_str(&imp->last_key)) == 0)
        return imp->last_node;
    if (!fp_strmap_get(imp->nodes, key->s, &id)) {
        id = fp_org_ensure_node(imp->db, store, category, person,
                                &imp->report->created);
        if (id < 0) {
            fp_imp_fail(imp, "%s", imp->db->err);
            return -1;
        }
        if (!fp_strmap_put(imp->nodes, key->s, id)) {
            fp_imp_fail(imp, _("out of memory"));
            return -1;
        }
    }
    imp->last_key.len = 0;
    fp_buf_add(&imp->last_key, key->s);
    imp->last_node = imp->last_key.failed ? 0 : id;
    return id;
}

long long fp_imp_kpi_id(fp_importer *imp, int kpi)
{
    if (imp->kpi_ids[kpi] > 0)
        return imp->kpi_ids[kpi];
    long long id = fp_db_kpi_id(imp->db, imp->cat->kpis[kpi].id);
    if (id <= 0) {
        fp_imp_fail(imp, "%s", imp->db->err);
        return -1;
    }
    imp->kpi_ids[kpi] = id;
    return id;
}

/* Steps a prepared write statement and resets it for the next row. */
bool fp_imp_run(fp_importer *imp, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st); /* every caller binds every parameter again */
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fp_db_set_error(imp->db, "import");
        fp_imp_fail(imp, "%s", imp->db->err);
        return false;
    }
    return true;
}


void fp_imp_note_day(fp_importer *imp, long day)
{
    if (day > imp->max_day)
        imp->max_day = day;
}

