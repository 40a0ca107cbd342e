/* The sample meeting's notes, overrides and action items from CSV;
 * see sample_meeting.h. */
#include "storage/sample_meeting.h"
#include "model/i18n.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/number.h"
#include "storage/csv_stream.h"
#include "storage/meeting.h"
#include "storage/meeting_util.h"

#define MAX_COLS 8

typedef struct csv_file csv_file;
typedef bool (*row_fn)(csv_file *f, const char *const *v);

struct csv_file {
    const char *path;
    const char *const *cols;   /* wanted columns, in the row_fn's order */
    int ncols;
    int index[MAX_COLS];       /* their position in the file's header */
    long rec_line;
    bool header_done, failed;
    row_fn fn;
    fp_db *db;
    const fp_tree *tree;
    char *err;
    size_t errsz;
};

static void file_error(csv_file *f, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "FILE:LINE: column NAME: message" (without the column part when col is
 * NULL). */
static void file_error(csv_file *f, const char *col, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (col)
        snprintf(f->err, f->errsz, "%s:%ld: column %s: %s", f->path,
                 f->rec_line, col, msg);
    else
        snprintf(f->err, f->errsz, "%s:%ld: %s", f->path, f->rec_line, msg);
    f->failed = true;
}

static void map_header(csv_file *f, const fp_csv_row *row)
{
    for (int c = 0; c < f->ncols; c++) {
        f->index[c] = -1;
        for (int i = 0; i < row->nfields; i++)
            if (!strcmp(row->fields[i], f->cols[c]))
                f->index[c] = i;
        if (f->index[c] < 0) {
            file_error(f, f->cols[c], _("missing from the header"));
            return;
        }
    }
    f->header_done = true;
}

static bool on_record(void *ctx, fp_csv_row *row)
{
    csv_file *f = ctx;
    f->rec_line = row->line;
    if (!f->header_done) {
        map_header(f, row);
    } else {
        const char *v[MAX_COLS];
        for (int i = 0; i < f->ncols; i++)
            v[i] = f->index[i] < row->nfields ? row->fields[f->index[i]]
                                              : "";
        f->fn(f, v);
    }
    return !f->failed;
}

/* The file through the one CSV reader path (storage/csv_stream.h). */
static bool read_csv(csv_file *f)
{
    if (access(f->path, F_OK) != 0)
        return true; /* an optional file */
    fp_csv_stream s = {.want = FP_ENC_AUTO, .on_record = on_record,
                       .ctx = f};
    if (fp_csv_stream_file(f->path, &s) || f->failed)
        return !f->failed;
    f->rec_line = s.err_line;
    if (s.status == FP_CSV_IO)
        file_error(f, NULL, _("cannot read: %s"), strerror(s.err_errno));
    else if (s.status == FP_CSV_DECODE && s.bad_byte != 0)
        file_error(f, NULL, _("byte 0x%02X is %s"), s.bad_byte, s.why);
    else
        file_error(f, NULL, "%s", s.why ? s.why : _("out of memory"));
    return false;
}

/* ---- fields ---- */

static bool get_week(csv_file *f, const char *const *v, int col,
                     fp_week *out)
{
    if (fp_week_parse(v[col], out))
        return true;
    file_error(f, f->cols[col], _("'%s' is not an ISO week that exists "
               "(YYYY-Www)"), v[col]);
    return false;
}

/* nodes.id of the path in column col, or -1. */
static long long get_node(csv_file *f, const char *const *v, int col)
{
    int n = fp_tree_find_path(f->tree, v[col]);
    if (n >= 0)
        return f->tree->nodes[n].db_id;
    file_error(f, f->cols[col], _("no node '%s' (store[/category[/person]])"),
               v[col]);
    return -1;
}

static bool get_required(csv_file *f, const char *const *v, int col)
{
    if (!fp_blank(v[col]))
        return true;
    file_error(f, f->cols[col], _("empty"));
    return false;
}

static const char *author_of(const char *s)
{
    return fp_blank(s) ? "sample" : s;
}

static bool db_failed(csv_file *f)
{
    file_error(f, NULL, "%s", f->db->err);
    return false;
}

/* ---- notes.csv: week,path,kpi,cause,text,author ---- */

static bool note_row(csv_file *f, const char *const *v)
{
    fp_week week;
    long long node;
    if (!get_week(f, v, 0, &week) || (node = get_node(f, v, 1)) < 0 ||
        !get_required(f, v, 3))
        return false;
    if (fp_note_add(f->db, week, node, fp_blank(v[2]) ? NULL : v[2], v[3],
                    v[4], author_of(v[5])) < 0)
        return db_failed(f);
    return true;
}

/* ---- overrides.csv: week,path,kpi,value,reason,author ---- */

static double fact_value(fp_db *db, fp_week week, long long node,
                         const char *kpi)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT f.value FROM facts f JOIN kpis k ON k.id = f.kpi_id"
        " WHERE f.week = ?1 AND f.node_id = ?2 AND k.code = ?3");
    if (!st)
        return NAN;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_text(st, 3, kpi, -1, SQLITE_TRANSIENT);
    double v = NAN;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = fp_col_real(st, 0);
    sqlite3_finalize(st);
    return v;
}

static bool get_value(csv_file *f, const char *const *v, int col,
                      double *out)
{
    const char *why = NULL;
    bool percent = strchr(v[col], '%') != NULL;
    fp_num_status s = fp_parse_value(v[col], percent, out, &why);
    if (s == FP_NUM_OK)
        return true;
    file_error(f, f->cols[col], "'%s': %s", v[col],
               s == FP_NUM_EMPTY ? _("empty") : why ? why : _("not a number"));
    return false;
}

static bool override_row(csv_file *f, const char *const *v)
{
    fp_week week;
    long long node;
    double value;
    if (!get_week(f, v, 0, &week) || (node = get_node(f, v, 1)) < 0 ||
        !get_required(f, v, 2) || !get_value(f, v, 3, &value) ||
        !get_required(f, v, 4))
        return false;
    double original = fact_value(f->db, week, node, v[2]);
    if (fp_override_set(f->db, week, node, v[2], value, original, v[4],
                        author_of(v[5])) < 0)
        return db_failed(f);
    return true;
}

/* ---- actions.csv: week,owner,due,text,path,state,author ---- */

static bool get_state(csv_file *f, const char *const *v, int col)
{
    const char *s = v[col];
    if (!*s || !strcmp(s, "open") || !strcmp(s, "done") ||
        !strcmp(s, "dropped"))
        return true;
    file_error(f, f->cols[col], _("'%s' is not open, done or dropped"), s);
    return false;
}

static bool get_owner(csv_file *f, const char *const *v, int col)
{
    if (fp_tree_find_person(f->tree, v[col]) >= 0)
        return true;
    file_error(f, f->cols[col], _("unknown person '%s'"), v[col]);
    return false;
}

static bool action_row(csv_file *f, const char *const *v)
{
    fp_week week, due;
    long long node = 0;
    if (!get_week(f, v, 0, &week) || !get_owner(f, v, 1) ||
        !get_week(f, v, 2, &due) || !get_required(f, v, 3) ||
        (!fp_blank(v[4]) && (node = get_node(f, v, 4)) < 0) ||
        !get_state(f, v, 5))
        return false;
    long long id = fp_action_add(f->db, week, node, v[1], due, v[3],
                                 author_of(v[6]));
    if (id < 0)
        return db_failed(f);
    if (*v[5] && strcmp(v[5], "open") &&
        !fp_action_set_state(f->db, id, v[5], fp_week_next(week)))
        return db_failed(f);
    return true;
}

/* ---- meetings.csv: week,started_at,ended_at,attendees,author ---- */

static bool meeting_row(csv_file *f, const char *const *v)
{
    fp_week week;
    if (!get_week(f, v, 0, &week) || !get_required(f, v, 1))
        return false;
    if (fp_meeting_record(f->db, week, v[1], v[2], v[3],
                          author_of(v[4])) < 0)
        return db_failed(f);
    return true;
}

/* ---- snapshots.csv: meeting_week,week,path,kpi,value ----
 * The key figures as the meeting of meeting_week showed them. */

static bool snapshot_row(csv_file *f, const char *const *v)
{
    fp_week mweek, week;
    long long node;
    double value;
    fp_meeting m;
    if (!get_week(f, v, 0, &mweek) || !get_week(f, v, 1, &week) ||
        (node = get_node(f, v, 2)) < 0 || !get_required(f, v, 3) ||
        !get_value(f, v, 4, &value))
        return false;
    if (!fp_meeting_get(f->db, mweek, &m)) {
        file_error(f, f->cols[0], _("no meeting for %s in meetings.csv"), v[0]);
        return false;
    }
    fp_snapshot_row row = {week, node, v[3], value};
    bool ok = fp_meeting_snapshot_add(f->db, m.id, &row, 1);
    fp_meeting_done(&m);
    return ok || db_failed(f);
}

static bool load_file(fp_db *db, const fp_tree *tree, const char *dir,
                      const char *name, const char *const *cols, row_fn fn,
                      char *err, size_t errsz)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    csv_file f = {.path = path, .cols = cols, .fn = fn, .db = db,
                  .tree = tree, .err = err, .errsz = errsz};
    while (f.ncols < MAX_COLS && cols[f.ncols])
        f.ncols++;
    return read_csv(&f);
}

bool fp_sample_load_meeting(fp_db *db, const fp_tree *tree, const char *dir,
                            char *err, size_t errsz)
{
    static const char *const note_cols[] = {
        "week", "path", "kpi", "cause", "text", "author", NULL};
    static const char *const override_cols[] = {
        "week", "path", "kpi", "value", "reason", "author", NULL};
    static const char *const meeting_cols[] = {
        "week", "started_at", "ended_at", "attendees", "author", NULL};
    static const char *const snapshot_cols[] = {
        "meeting_week", "week", "path", "kpi", "value", NULL};
    static const char *const action_cols[] = {
        "week", "owner", "due", "text", "path", "state", "author", NULL};
    return load_file(db, tree, dir, "meetings.csv", meeting_cols,
                     meeting_row, err, errsz) &&
           load_file(db, tree, dir, "snapshots.csv", snapshot_cols,
                     snapshot_row, err, errsz) &&
           load_file(db, tree, dir, "notes.csv", note_cols, note_row,
                     err, errsz) &&
           load_file(db, tree, dir, "overrides.csv", override_cols,
                     override_row, err, errsz) &&
           load_file(db, tree, dir, "actions.csv", action_cols, action_row,
                     err, errsz);
}
