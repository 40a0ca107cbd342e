/* Drafts of text being typed, saved while typing so that a crash, a
 * kill -9 or a power cut loses at most the last second; see meeting.h. */
#include <stdlib.h>

#include "storage/meeting.h"
#include "model/i18n.h"
#include "storage/meeting_util.h"

typedef struct {
    const char *owner;
    const fp_draft *d;
    long long id;
} draft_ctx;

static void bind_fields(sqlite3_stmt *st, const draft_ctx *c, long long kpi)
{
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_text(st, 1, c->owner, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->d->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, c->d->week);
    fp_bind_id_or_null(st, 4, c->d->node_id);
    fp_bind_id_or_null(st, 5, kpi);
    fp_bind_text_or_null(st, 6, c->d->cause);
    sqlite3_bind_text(st, 7, c->d->text ? c->d->text : "", -1,
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, now, -1, SQLITE_TRANSIENT);
}

/* Updates the owner's draft of that kind in place, else inserts one. */
static bool save_tx(fp_db *db, void *p)
{
    draft_ctx *c = p;
    long long kpi = fp_blank(c->d->kpi) ? 0 : fp_db_kpi_id(db, c->d->kpi);
    sqlite3_stmt *st = kpi < 0 ? NULL : fp_db_prepare(db,
        "UPDATE drafts SET week = ?3, node_id = ?4, kpi_id = ?5, cause = ?6,"
        " text = ?7, updated_at = ?8 WHERE owner = ?1 AND kind = ?2"
        " RETURNING id");
    if (!st)
        return false;
    bind_fields(st, c, kpi);
    c->id = fp_query_id(db, st, 0);
    if (c->id != 0)
        return c->id > 0;
    st = fp_db_prepare(db,
        "INSERT INTO drafts(owner, kind, week, node_id, kpi_id, cause, text,"
        " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    if (!st)
        return false;
    bind_fields(st, c, kpi);
    c->id = fp_query_id(db, st, -1);
    return c->id > 0;
}

long long fp_draft_save(fp_db *db, const char *owner, const fp_draft *d)
{
    if (fp_blank(owner) || !d || fp_blank(d->kind)) {
        fp_meeting_error(db, _("a draft needs an owner and a kind"));
        return -1;
    }
    draft_ctx c = {owner, d, 0};
    return fp_tx_run(db, save_tx, &c) ? c.id : -1;
}

bool fp_draft_load(fp_db *db, const char *owner, fp_draft *out)
{
    *out = (fp_draft){0};
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT d.id, d.kind, d.week, ifnull(d.node_id, 0), k.code, d.cause,"
        " d.text, d.updated_at FROM drafts d"
        " LEFT JOIN kpis k ON k.id = d.kpi_id WHERE d.owner = ?1"
        " ORDER BY d.updated_at DESC, d.id DESC LIMIT 1");
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, owner ? owner : "", -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        out->id = sqlite3_column_int64(st, 0);
        out->kind = fp_col_dup0(st, 1);
        out->week = sqlite3_column_int(st, 2);
        out->node_id = sqlite3_column_int64(st, 3);
        out->kpi = fp_col_dup(st, 4);
        out->cause = fp_col_dup(st, 5);
        out->text = fp_col_dup0(st, 6);
        out->updated_at = fp_col_dup0(st, 7);
    }
    sqlite3_finalize(st);
    return found;
}

static bool discard_tx(fp_db *db, void *p)
{
    const char *const *args = p;
    sqlite3_stmt *st = fp_db_prepare(db,
        "DELETE FROM drafts WHERE owner = ?1 AND (?2 IS NULL OR kind = ?2)");
    if (!st)
        return false;
    sqlite3_bind_text(st, 1, args[0], -1, SQLITE_TRANSIENT);
    fp_bind_text_or_null(st, 2, args[1]);
    return fp_db_exec_stmt(db, st);
}

bool fp_draft_discard(fp_db *db, const char *owner, const char *kind)
{
    const char *args[2] = {owner ? owner : "", kind};
    return fp_tx_run(db, discard_tx, (void *)args);
}

void fp_draft_done(fp_draft *d)
{
    if (!d)
        return;
    free(d->kind);
    free(d->kpi);
    free(d->cause);
    free(d->text);
    free(d->updated_at);
    *d = (fp_draft){0};
}
