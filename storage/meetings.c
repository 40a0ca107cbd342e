/* Meeting records and snapshots of the figures shown; see meeting.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/i18n.h"

#include "storage/meeting.h"
#include "storage/meeting_util.h"

typedef struct {
    fp_week week;
    long long id;
    const char *author, *text;
    bool running_only;        /* start: reuse only a running meeting */
    const fp_snapshot_row *rows;
    size_t n;
} meeting_ctx;

static long long newest_meeting(fp_db *db, fp_week week, bool running_only)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id FROM meetings WHERE week = ?1"
        " AND (?2 = 0 OR ended_at IS NULL) ORDER BY id DESC LIMIT 1");
    if (st) {
        sqlite3_bind_int(st, 1, week);
        sqlite3_bind_int(st, 2, running_only ? 1 : 0);
    }
    return fp_query_id(db, st, 0);
}

/* Finds the meeting to reuse or inserts one, in one transaction so two
 * processes do not both open a meeting for the week. */
static bool open_tx(fp_db *db, void *p)
{
    meeting_ctx *c = p;
    c->id = newest_meeting(db, c->week, c->running_only);
    if (c->id != 0)
        return c->id > 0;
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO meetings(week, started_at, author) VALUES (?1, ?2, ?3)");
    if (!st)
        return false;
    char now[32];
    fp_db_now(now, sizeof now);
    sqlite3_bind_int(st, 1, c->week);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, c->author, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    c->id = sqlite3_last_insert_rowid(db->sql);
    return true;
}

static long long open_meeting(fp_db *db, fp_week week, const char *author,
                              bool running_only)
{
    if (!fp_week_valid(week)) {
        fp_meeting_error(db, _("a meeting needs a week"));
        return -1;
    }
    meeting_ctx c = {week, 0, fp_blank(author) ? "?" : author, NULL,
                     running_only, NULL, 0};
    return fp_tx_run(db, open_tx, &c) ? c.id : -1;
}

long long fp_meeting_start(fp_db *db, fp_week week, const char *author)
{
    return open_meeting(db, week, author, true);
}

long long fp_meeting_ensure(fp_db *db, fp_week week, const char *author)
{
    return open_meeting(db, week, author, false);
}

bool fp_meeting_get(fp_db *db, fp_week week, fp_meeting *out)
{
    *out = (fp_meeting){0};
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT id, week, started_at, ended_at, attendees, author"
        " FROM meetings WHERE week = ?1 ORDER BY id DESC LIMIT 1");
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    int row = fp_step(db, st, "read meetings");
    bool found = row > 0;
    if (row < 0)
        out->id = -1;
    if (found) {
        out->id = sqlite3_column_int64(st, 0);
        out->week = sqlite3_column_int(st, 1);
        out->started_at = fp_col_dup0(st, 2);
        out->ended_at = fp_col_dup(st, 3);
        out->attendees = fp_col_dup0(st, 4);
        out->author = fp_col_dup0(st, 5);
    }
    sqlite3_finalize(st);
    return found;
}

void fp_meeting_done(fp_meeting *m)
{
    if (!m)
        return;
    free(m->started_at);
    free(m->ended_at);
    free(m->attendees);
    free(m->author);
    *m = (fp_meeting){0};
}

/* Runs an UPDATE of one meeting (?1 = id, ?2 = text); false when the
 * meeting does not exist. */
static bool update_tx(fp_db *db, void *p, const char *sql)
{
    meeting_ctx *c = p;
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, c->text, -1, SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return false;
    if (sqlite3_changes(db->sql) == 0) {
        fp_meeting_error(db, _("no meeting %lld"), c->id);
        return false;
    }
    return true;
}

/* A stopped meeting keeps its first end time. */
static bool stop_tx(fp_db *db, void *p)
{
    return update_tx(db, p, "UPDATE meetings SET ended_at ="
                     " coalesce(ended_at, ?2) WHERE id = ?1");
}

static bool attendees_tx(fp_db *db, void *p)
{
    return update_tx(db, p, "UPDATE meetings SET attendees = ?2 WHERE id = ?1");
}

bool fp_meeting_stop(fp_db *db, long long id)
{
    char now[32];
    fp_db_now(now, sizeof now);
    meeting_ctx c = {0, id, NULL, now, false, NULL, 0};
    return fp_tx_run(db, stop_tx, &c);
}

bool fp_meeting_set_attendees(fp_db *db, long long id, const char *attendees)
{
    meeting_ctx c = {0, id, NULL, attendees ? attendees : "", false, NULL, 0};
    return fp_tx_run(db, attendees_tx, &c);
}

static bool snapshot_row(fp_db *db, sqlite3_stmt *st, long long meeting,
                         const fp_snapshot_row *r)
{
    long long kpi = fp_db_kpi_id(db, r->kpi);
    if (kpi <= 0)
        return false;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, meeting);
    sqlite3_bind_int(st, 2, r->week);
    sqlite3_bind_int64(st, 3, r->node_id);
    sqlite3_bind_int64(st, 4, kpi);
    fp_bind_real_or_null(st, 5, r->value);
    if (sqlite3_step(st) != SQLITE_DONE) {
        fp_db_set_error(db, "snapshot");
        return false;
    }
    return true;
}

static bool insert_snapshot_rows(fp_db *db, const meeting_ctx *c)
{
    sqlite3_stmt *ins = fp_db_prepare(db,
        "INSERT OR REPLACE INTO meeting_snapshots(meeting_id, week,"
        " node_id, kpi_id, value) VALUES (?1, ?2, ?3, ?4, ?5)");
    bool ok = ins != NULL;
    for (size_t i = 0; ok && i < c->n; i++)
        ok = snapshot_row(db, ins, c->id, &c->rows[i]);
    sqlite3_finalize(ins);
    return ok;
}

static bool snapshot_tx(fp_db *db, void *p)
{
    meeting_ctx *c = p;
    sqlite3_stmt *del = fp_db_prepare(db,
        "DELETE FROM meeting_snapshots WHERE meeting_id = ?1");
    if (!del)
        return false;
    sqlite3_bind_int64(del, 1, c->id);
    return fp_db_exec_stmt(db, del) && insert_snapshot_rows(db, c);
}

static bool snapshot_add_tx(fp_db *db, void *p)
{
    return insert_snapshot_rows(db, p);
}

bool fp_meeting_snapshot(fp_db *db, long long meeting_id,
                         const fp_snapshot_row *rows, size_t n)
{
    meeting_ctx c = {0, meeting_id, NULL, NULL, false, rows, n};
    return fp_tx_run(db, snapshot_tx, &c);
}

bool fp_meeting_snapshot_add(fp_db *db, long long meeting_id,
                             const fp_snapshot_row *rows, size_t n)
{
    meeting_ctx c = {0, meeting_id, NULL, NULL, false, rows, n};
    return fp_tx_run(db, snapshot_add_tx, &c);
}

bool fp_meeting_snapshot_read(fp_db *db, long long before_meeting_id,
                              fp_week week, long long node_id,
                              const char *kpi, double *value)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "SELECT s.value FROM meeting_snapshots s"
        " JOIN kpis k ON k.id = s.kpi_id"
        " WHERE s.week = ?1 AND s.node_id = ?2 AND k.code = ?3"
        " AND (?4 <= 0 OR s.meeting_id < ?4)"
        " ORDER BY s.meeting_id DESC LIMIT 1");
    *value = NAN;
    if (!st)
        return false;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_int64(st, 2, node_id);
    sqlite3_bind_text(st, 3, kpi ? kpi : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, before_meeting_id);
    int row = fp_step(db, st, "read snapshots");
    if (row > 0)
        *value = fp_col_real(st, 0);
    sqlite3_finalize(st);
    return row >= 0;
}

double fp_meeting_snapshot_value_before(fp_db *db, long long before_meeting_id,
                                        fp_week week, long long node_id,
                                        const char *kpi)
{
    double v;
    fp_meeting_snapshot_read(db, before_meeting_id, week, node_id, kpi, &v);
    return v;
}

double fp_meeting_snapshot_value(fp_db *db, fp_week week, long long node_id,
                                 const char *kpi)
{
    return fp_meeting_snapshot_value_before(db, 0, week, node_id, kpi);
}

long long fp_meeting_record(fp_db *db, fp_week week, const char *started_at,
                            const char *ended_at, const char *attendees,
                            const char *author)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO meetings(week, started_at, ended_at, attendees, author)"
        " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, week);
    sqlite3_bind_text(st, 2, started_at, -1, SQLITE_TRANSIENT);
    fp_bind_text_or_null(st, 3, fp_blank(ended_at) ? NULL : ended_at);
    sqlite3_bind_text(st, 4, attendees ? attendees : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, fp_blank(author) ? "?" : author, -1,
                      SQLITE_TRANSIENT);
    if (!fp_db_exec_stmt(db, st))
        return -1;
    return sqlite3_last_insert_rowid(db->sql);
}

/* ---- attendees ---------------------------------------------------------- */

/* Length of the separator at s (",", "，", "、"), 0 when none. */
static size_t separator_at(const char *s)
{
    if (*s == ',')
        return 1;
    if (strncmp(s, "\xef\xbc\x8c", 3) == 0 || strncmp(s, "\xe3\x80\x81", 3) == 0)
        return 3;
    return 0;
}

/* True when name (n bytes) is already in b's list "a, b". */
static bool listed(const fp_buf *b, const char *name, size_t n)
{
    const char *s = fp_buf_str(b);
    while (*s) {
        size_t len = strcspn(s, ",");
        if (len == n && strncmp(s, name, n) == 0)
            return true;
        s += len;
        s += strspn(s, ", ");
    }
    return false;
}

void fp_attendees_each(const char *list, fp_attendee_fn fn, void *ctx)
{
    fp_buf seen;
    fp_buf_init(&seen);
    for (const char *s = list ? list : ""; *s;) {
        size_t n = 0;
        while (s[n] && !separator_at(s + n))
            n++;
        size_t a = 0, z = n;
        while (a < z && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t'))
            z--;
        if (z > a && !listed(&seen, s + a, z - a)) {
            fp_buf_printf(&seen, "%s%.*s", seen.len ? ", " : "",
                          (int)(z - a), s + a);
            char *name = strndup(s + a, z - a);
            if (name)
                fn(name, ctx);
            free(name);
        }
        s += n;
        s += separator_at(s);
    }
    fp_buf_done(&seen);
}

static void append_name(const char *name, void *ctx)
{
    fp_buf *b = ctx;
    if (!listed(b, name, strlen(name)))
        fp_buf_printf(b, "%s%s", b->len ? ", " : "", name);
}

char *fp_attendees_merge(const char *list, const char *names)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_attendees_each(list, append_name, &b);
    fp_attendees_each(names, append_name, &b);
    return fp_buf_take(&b);
}
