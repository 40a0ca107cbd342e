/* Attribution notes and their history; see meeting.h. */
#include <stdio.h>
#include <stdlib.h>

#include "model/i18n.h"
#include "model/text.h"
#include "storage/meeting.h"
#include "storage/meeting_util.h"

typedef struct {
    fp_week week;
    long long node_id, id;
    const char *kpi, *cause, *text, *author;
} note_ctx;

/* Records one version of a note as it stands after change. */
static bool history_add(fp_db *db, long long note_id, const char *change,
                        const char *author)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO note_history(note_id, change, cause, text, author,"
        " changed_at) SELECT id, ?2, cause, text, ?3, ?4"
        " FROM notes WHERE id = ?1");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int64(st, 1, note_id);
    sqlite3_bind_text(st, 2, change, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, author, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
    return fp_db_exec_stmt(db, st);
}

static bool add_tx(fp_db *db, void *p)
{
    note_ctx *c = p;
    long long kpi_id = fp_blank(c->kpi) ? 0 : fp_db_kpi_id(db, c->kpi);
    sqlite3_stmt *st = kpi_id < 0 ? NULL : fp_db_prepare(db,
        "INSERT INTO notes(week, node_id, kpi_id, cause, text, author,"
        " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->week);
    sqlite3_bind_int64(st, 2, c->node_id);
    fp_bind_id_or_null(st, 3, kpi_id);
    sqlite3_bind_text(st, 4, c->cause, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, c->text ? c->text : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, c->author, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    c->id = sqlite3_last_insert_rowid(db->sql);
    return history_add(db, c->id, "add", c->author);
}

static const char *author_or_default(const char *author)
{
    return fp_blank(author) ? "?" : author;
}

static size_t count_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s += fp_utf8_len(s))
        n++;
    return n;
}

bool fp_note_text_ok(const char *text, char *why, size_t whysz)
{
    if (fp_blank(text)) {
        snprintf(why, whysz, "%s", _("a note needs text (say what "
                 "happened and why)"));
        return false;
    }
    size_t n = count_chars(text);
    if (n <= FP_NOTE_MAX_CHARS)
        return true;
    snprintf(why, whysz, _("a note holds at most %d characters and this "
             "one has %zu: shorten it or split it into two notes"),
             FP_NOTE_MAX_CHARS, n);
    return false;
}

static bool check_text(fp_db *db, const char *text)
{
    char why[256];
    if (fp_note_text_ok(text, why, sizeof why))
        return true;
    fp_meeting_error(db, "%s", why);
    return false;
}

long long fp_note_add(fp_db *db, fp_week week, long long node_id,
                      const char *kpi, const char *cause, const char *text,
                      const char *author)
{
    if (!check_text(db, text))
        return -1;
    if (fp_blank(cause)) {
        fp_meeting_error(db, _("a note needs a cause code"));
        return -1;
    }
    if (!fp_week_valid(week) || node_id <= 0) {
        fp_meeting_error(db, _("a note needs a week and a node"));
        return -1;
    }
    note_ctx c = {week, node_id, 0, kpi, cause, text,
                  author_or_default(author)};
    return fp_tx_run(db, add_tx, &c) ? c.id : -1;
}

/* Changes of a live note only; a deleted note is not edited again. */
static bool note_is_live(fp_db *db, long long id)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT count(*) FROM notes WHERE id = ?1 AND deleted_at IS NULL");
    if (st)
        sqlite3_bind_int64(st, 1, id);
    long long n = fp_query_id(db, st, 0);
    if (n == 0)
        fp_meeting_error(db, _("no note %lld (or it was deleted)"), id);
    return n > 0;
}

static bool edit_tx(fp_db *db, void *p)
{
    note_ctx *c = p;
    if (!note_is_live(db, c->id))
        return false;
    sqlite3_stmt *st = fp_db_prepare(db,
        "UPDATE notes SET cause = coalesce(?2, cause),"
        " text = coalesce(?3, text), updated_at = ?4 WHERE id = ?1");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int64(st, 1, c->id);
    fp_bind_text_or_null(st, 2, fp_blank(c->cause) ? NULL : c->cause);
    fp_bind_text_or_null(st, 3, c->text);
    sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
    return fp_db_exec_stmt(db, st) && history_add(db, c->id, "edit",
                                                  c->author);
}

bool fp_note_edit(fp_db *db, long long id, const char *cause,
                  const char *text, const char *author)
{
    if (text && !check_text(db, text))
        return false;
    note_ctx c = {0, 0, id, NULL, cause, text, author_or_default(author)};
    return fp_tx_run(db, edit_tx, &c);
}

static bool delete_tx(fp_db *db, void *p)
{
    note_ctx *c = p;
    if (!note_is_live(db, c->id))
        return false;
    sqlite3_stmt *st = fp_db_prepare(db,
        "UPDATE notes SET deleted_at = ?2 WHERE id = ?1");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    return fp_db_exec_stmt(db, st) && history_add(db, c->id, "delete",
                                                  c->author);
}

bool fp_note_delete(fp_db *db, long long id, const char *author)
{
    note_ctx c = {0, 0, id, NULL, NULL, NULL, author_or_default(author)};
    return fp_tx_run(db, delete_tx, &c);
}

/* Columns 0..9 of NOTE_SELECT, then change (history only). */
#define NOTE_SELECT(cause, text, author, updated, change) \
    "SELECT n.id, n.week, n.node_id, " FP_SQL_PATH " AS path, k.code, " \
    cause ", " text ", " author ", n.created_at, " updated ", " change \
    " FROM notes n LEFT JOIN kpis k ON k.id = n.kpi_id" \
    FP_SQL_PATH_JOINS("n.node_id")

static bool read_note(sqlite3_stmt *st, void *item)
{
    fp_note *n = item;
    n->id = sqlite3_column_int64(st, 0);
    n->week = sqlite3_column_int(st, 1);
    n->node_id = sqlite3_column_int64(st, 2);
    n->path = fp_col_dup0(st, 3);
    n->kpi = fp_col_dup(st, 4);
    n->cause = fp_col_dup0(st, 5);
    n->text = fp_col_dup0(st, 6);
    n->author = fp_col_dup0(st, 7);
    n->created_at = fp_col_dup0(st, 8);
    n->updated_at = fp_col_dup0(st, 9);
    n->change = fp_col_dup(st, 10);
    return n->path && n->cause && n->text && n->author && n->created_at &&
           n->updated_at;
}

/* Steps st into out (which may already hold items); finalizes st. */
static bool read_notes(fp_db *db, sqlite3_stmt *st, fp_note_list *out)
{
    bool ok = fp_read_rows(db, st, (void **)&out->items, &out->n,
                           sizeof *out->items, read_note, "read notes");
    if (!ok)
        fp_note_list_done(out);
    return ok;
}

bool fp_note_list_week(fp_db *db, fp_week week, long long node_id,
                       fp_note_list *out)
{
    *out = (fp_note_list){NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db,
        "WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL"
        " SELECT nodes.id FROM nodes JOIN sub ON nodes.parent_id = sub.id) "
        NOTE_SELECT("n.cause", "n.text", "n.author", "n.updated_at", "NULL")
        " WHERE n.week = ?1 AND n.deleted_at IS NULL"
        " AND (?2 <= 0 OR n.node_id IN sub) ORDER BY path, n.id");
    if (st) {
        sqlite3_bind_int(st, 1, week);
        sqlite3_bind_int64(st, 2, node_id);
    }
    return read_notes(db, st, out);
}

bool fp_note_history(fp_db *db, long long id, fp_note_list *out)
{
    *out = (fp_note_list){NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db,
        NOTE_SELECT("h.cause", "h.text", "h.author", "h.changed_at",
                    "h.change")
        " JOIN note_history h ON h.note_id = n.id"
        " WHERE n.id = ?1 ORDER BY h.id");
    if (st)
        sqlite3_bind_int64(st, 1, id);
    return read_notes(db, st, out);
}

bool fp_note_get(fp_db *db, long long id, fp_note *out)
{
    *out = (fp_note){0};
    fp_note_list list = {NULL, 0};
    sqlite3_stmt *st = fp_db_prepare(db,
        NOTE_SELECT("n.cause", "n.text", "n.author", "n.updated_at", "NULL")
        " WHERE n.id = ?1 AND n.deleted_at IS NULL");
    if (st)
        sqlite3_bind_int64(st, 1, id);
    if (!read_notes(db, st, &list))
        return false;
    if (list.n == 0) {
        fp_meeting_error(db, _("no note %lld (or it was deleted)"), id);
        return false;
    }
    *out = list.items[0];
    free(list.items);
    return true;
}

void fp_note_done(fp_note *n)
{
    if (!n)
        return;
    free(n->path);
    free(n->kpi);
    free(n->cause);
    free(n->text);
    free(n->author);
    free(n->created_at);
    free(n->updated_at);
    free(n->change);
    *n = (fp_note){0};
}

void fp_note_list_done(fp_note_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        fp_note_done(&list->items[i]);
    free(list->items);
    *list = (fp_note_list){NULL, 0};
}
