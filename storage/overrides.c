/* Overrides: set, revert (never delete), history; see meeting.h. */
#include <math.h>
#include <stdlib.h>

#include "storage/meeting.h"
#include "model/i18n.h"
#include "storage/meeting_util.h"

typedef struct {
    fp_week week;
    long long node_id, kpi_id, id;
    const char *kpi;
    double value, original;
    const char *reason, *author;
} ovr_ctx;

/* Marks the cell's active override reverted; *n gets how many (0 or 1). */
static bool revert_active(fp_db *db, const ovr_ctx *c, const char *reason,
                          int *n)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "UPDATE overrides SET reverted_at = ?4, revert_reason = ?5,"
        " reverted_by = ?6 WHERE week = ?1 AND node_id = ?2"
        " AND kpi_id = ?3 AND reverted_at IS NULL");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->week);
    sqlite3_bind_int64(st, 2, c->node_id);
    sqlite3_bind_int64(st, 3, c->kpi_id);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, c->author, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    *n = sqlite3_changes(db->sql);
    return true;
}

static bool insert_override(fp_db *db, ovr_ctx *c)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO overrides(week, node_id, kpi_id, value, original,"
        " reason, author, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->week);
    sqlite3_bind_int64(st, 2, c->node_id);
    sqlite3_bind_int64(st, 3, c->kpi_id);
    sqlite3_bind_double(st, 4, c->value);
    fp_bind_real_or_null(st, 5, c->original);
    sqlite3_bind_text(st, 6, c->reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, c->author, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    c->id = sqlite3_last_insert_rowid(db->sql);
    return true;
}

static bool set_tx(fp_db *db, void *p)
{
    ovr_ctx *c = p;
    int n = 0;
    c->kpi_id = fp_db_kpi_id(db, c->kpi);
    return c->kpi_id > 0 && revert_active(db, c, "replaced", &n) &&
           insert_override(db, c);
}

static bool check_cell(fp_db *db, fp_week week, long long node_id,
                       const char *kpi, const char *reason)
{
    if (!fp_week_valid(week) || node_id <= 0 || fp_blank(kpi)) {
        fp_meeting_error(db, _("an override needs a week, a node and a KPI"));
        return false;
    }
    if (fp_blank(reason)) {
        fp_meeting_error(db, _("a reason is required (say why the number "
                         "is corrected)"));
        return false;
    }
    return true;
}

long long fp_override_set(fp_db *db, fp_week week, long long node_id,
                          const char *kpi, double value, double original,
                          const char *reason, const char *author)
{
    if (!check_cell(db, week, node_id, kpi, reason))
        return -1;
    if (!isfinite(value)) {
        fp_meeting_error(db, _("an override needs a number"));
        return -1;
    }
    ovr_ctx c = {week, node_id, 0, 0, kpi, value, original, reason,
                 fp_blank(author) ? "?" : author};
    return fp_tx_run(db, set_tx, &c) ? c.id : -1;
}

static bool revert_tx(fp_db *db, void *p)
{
    ovr_ctx *c = p;
    int n = 0;
    c->kpi_id = fp_kpi_lookup(db, c->kpi);
    if (c->kpi_id < 0 || !revert_active(db, c, c->reason, &n))
        return false;
    if (n == 0) {
        char w[FP_WEEK_STR];
        fp_week_format(c->week, w);
        fp_meeting_error(db, _("no active override of %s for %s at node %lld"),
                         c->kpi, w, c->node_id);
        return false;
    }
    return true;
}

bool fp_override_revert(fp_db *db, fp_week week, long long node_id,
                        const char *kpi, const char *reason,
                        const char *author)
{
    if (!check_cell(db, week, node_id, kpi, reason))
        return false;
    ovr_ctx c = {week, node_id, 0, 0, kpi, NAN, NAN, reason,
                 fp_blank(author) ? "?" : author};
    return fp_tx_run(db, revert_tx, &c);
}

static bool read_override(sqlite3_stmt *st, void *item)
{
    fp_override_rec *o = item;
    o->id = sqlite3_column_int64(st, 0);
    o->week = sqlite3_column_int(st, 1);
    o->node_id = sqlite3_column_int64(st, 2);
    o->path = fp_col_dup0(st, 3);
    o->kpi = fp_col_dup0(st, 4);
    o->value = fp_col_real(st, 5);
    o->original = fp_col_real(st, 6);
    o->reason = fp_col_dup0(st, 7);
    o->author = fp_col_dup0(st, 8);
    o->created_at = fp_col_dup0(st, 9);
    o->reverted_at = fp_col_dup(st, 10);
    o->revert_reason = fp_col_dup(st, 11);
    o->reverted_by = fp_col_dup(st, 12);
    return o->path && o->kpi && o->reason && o->author && o->created_at;
}

static bool read_overrides(fp_db *db, sqlite3_stmt *st, fp_override_list *out)
{
    bool ok = fp_read_rows(db, st, (void **)&out->items, &out->n,
                           sizeof *out->items, read_override, "read overrides");
    if (!ok)
        fp_override_list_done(out);
    return ok;
}

bool fp_override_list_get(fp_db *db, fp_week week, long long node_id,
                          const char *kpi, fp_override_list *out)
{
    *out = (fp_override_list){NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT o.id, o.week, o.node_id, " FP_SQL_PATH ", k.code, o.value,"
        " o.original, o.reason, o.author, o.created_at, o.reverted_at,"
        " o.revert_reason, o.reverted_by"
        " FROM overrides o JOIN kpis k ON k.id = o.kpi_id"
        FP_SQL_PATH_JOINS("o.node_id")
        " WHERE (?1 = 0 OR o.week = ?1) AND (?2 <= 0 OR o.node_id = ?2)"
        " AND (?3 IS NULL OR k.code = ?3) ORDER BY o.id DESC");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node_id);
    fp_bind_text_or_null(st, 3, kpi);
    return read_overrides(db, st, out);
}

void fp_override_list_done(fp_override_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++) {
        fp_override_rec *o = &list->items[i];
        free(o->path);
        free(o->kpi);
        free(o->reason);
        free(o->author);
        free(o->created_at);
        free(o->reverted_at);
        free(o->revert_reason);
        free(o->reverted_by);
    }
    free(list->items);
    *list = (fp_override_list){NULL, 0};
}
