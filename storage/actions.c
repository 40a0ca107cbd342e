/* Action items: add, close (done/dropped), carried-over listing; see
 * meeting.h. */
#include <stdlib.h>
#include <string.h>

#include "storage/meeting.h"
#include "model/i18n.h"
#include "storage/meeting_util.h"

typedef struct {
    fp_week week, due, closed_week;
    long long node_id, id;
    const char *owner, *text, *author, *state;
} action_ctx;

static long long person_id(fp_db *db, const char *code)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id FROM people WHERE code = ?1");
    if (st)
        sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    long long id = fp_query_id(db, st, 0);
    if (id == 0)
        fp_meeting_error(db, _("unknown person '%s'"), code);
    return id;
}

static bool add_tx(fp_db *db, void *p)
{
    action_ctx *c = p;
    long long owner = person_id(db, c->owner);
    sqlite3_stmt *st = owner <= 0 ? NULL : fp_db_prepare(db,
        "INSERT INTO actions(week, node_id, owner_id, due_week, text,"
        " author, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->week);
    fp_bind_id_or_null(st, 2, c->node_id);
    sqlite3_bind_int64(st, 3, owner);
    sqlite3_bind_int(st, 4, c->due);
    sqlite3_bind_text(st, 5, c->text, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, c->author, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    c->id = sqlite3_last_insert_rowid(db->sql);
    return true;
}

long long fp_action_add(fp_db *db, fp_week week, long long node_id,
                        const char *owner, fp_week due, const char *text,
                        const char *author)
{
    if (!fp_week_valid(week) || !fp_week_valid(due)) {
        fp_meeting_error(db, _("an action item needs a week and a due week"));
        return -1;
    }
    if (fp_blank(owner) || fp_blank(text)) {
        fp_meeting_error(db, _("an action item needs an owner and a text"));
        return -1;
    }
    action_ctx c = {week, due, 0, node_id, 0, owner, text,
                    fp_blank(author) ? "?" : author, NULL};
    return fp_tx_run(db, add_tx, &c) ? c.id : -1;
}

static bool state_tx(fp_db *db, void *p)
{
    action_ctx *c = p;
    bool open = !strcmp(c->state, "open");
    sqlite3_stmt *st = fp_db_prepare(db,
        "UPDATE actions SET state = ?2, closed_at = ?3, closed_week = ?4"
        " WHERE id = ?1");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, c->state, -1, SQLITE_TRANSIENT);
    fp_bind_text_or_null(st, 3, open ? NULL : now);
    fp_bind_id_or_null(st, 4, open ? 0 : c->closed_week);
    if (!fp_db_exec_stmt(db, st))
        return false;
    if (sqlite3_changes(db->sql) == 0) {
        fp_meeting_error(db, _("no action item %lld"), c->id);
        return false;
    }
    return true;
}

bool fp_action_set_state(fp_db *db, long long id, const char *state,
                         fp_week closed_week)
{
    if (!state || (strcmp(state, "open") && strcmp(state, "done") &&
                   strcmp(state, "dropped"))) {
        fp_meeting_error(db, _("an action item is open, done or dropped, "
                         "not '%s'"), state ? state : "");
        return false;
    }
    if (strcmp(state, "open") && !fp_week_valid(closed_week)) {
        fp_meeting_error(db, _("closing an action item needs the week"));
        return false;
    }
    action_ctx c = {0, 0, closed_week, 0, id, NULL, NULL, NULL, state};
    return fp_tx_run(db, state_tx, &c);
}

#define ACTION_SELECT \
    "SELECT a.id, a.week, ifnull(a.node_id, 0)," \
    " CASE WHEN a.node_id IS NULL THEN '' ELSE " FP_SQL_PATH " END," \
    " ow.code, ow.name, a.due_week, a.text, a.state, a.author," \
    " a.created_at, a.closed_at, ifnull(a.closed_week, 0)" \
    " FROM actions a JOIN people ow ON ow.id = a.owner_id" \
    FP_SQL_PATH_JOINS("a.node_id")

static bool read_action(sqlite3_stmt *st, void *item)
{
    fp_action_item *a = item;
    a->id = sqlite3_column_int64(st, 0);
    a->week = sqlite3_column_int(st, 1);
    a->node_id = sqlite3_column_int64(st, 2);
    a->path = fp_col_dup0(st, 3);
    a->owner = fp_col_dup0(st, 4);
    a->owner_name = fp_col_dup0(st, 5);
    a->due = sqlite3_column_int(st, 6);
    a->text = fp_col_dup0(st, 7);
    a->state = fp_col_dup0(st, 8);
    a->author = fp_col_dup0(st, 9);
    a->created_at = fp_col_dup0(st, 10);
    a->closed_at = fp_col_dup(st, 11);
    a->closed_week = sqlite3_column_int(st, 12);
    return a->path && a->owner && a->owner_name && a->text && a->state &&
           a->author && a->created_at;
}

static bool read_actions(fp_db *db, sqlite3_stmt *st, fp_action_item_list *out)
{
    bool ok = fp_read_rows(db, st, (void **)&out->items, &out->n,
                           sizeof *out->items, read_action, "read action items");
    if (!ok)
        fp_action_list_done(out);
    return ok;
}

bool fp_action_list_get(fp_db *db, fp_week week, bool open_only,
                        fp_action_item_list *out)
{
    *out = (fp_action_item_list){NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db, ACTION_SELECT
        " WHERE (?1 = 0 OR a.week <= ?1) AND (a.state = 'open'"
        " OR (?2 = 0 AND (?1 = 0 OR a.closed_week = ?1)))"
        " ORDER BY a.due_week, a.id");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int(st, 2, open_only ? 1 : 0);
    return read_actions(db, st, out);
}

bool fp_action_item_get(fp_db *db, long long id, fp_action_item *out)
{
    *out = (fp_action_item){0};
    fp_action_item_list list = {NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db, ACTION_SELECT " WHERE a.id = ?1");
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    if (!read_actions(db, st, &list))
        return false;
    if (list.n == 0) {
        fp_meeting_error(db, _("no action item %lld"), id);
        return false;
    }
    *out = list.items[0];
    free(list.items);
    return true;
}

void fp_action_item_done(fp_action_item *a)
{
    if (!a)
        return;
    free(a->path);
    free(a->owner);
    free(a->owner_name);
    free(a->text);
    free(a->state);
    free(a->author);
    free(a->created_at);
    free(a->closed_at);
    *a = (fp_action_item){0};
}

void fp_action_list_done(fp_action_item_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        fp_action_item_done(&list->items[i]);
    free(list->items);
    *list = (fp_action_item_list){NULL, 0};
}
