/* Storage of what is said in the meeting: notes (with history), overrides
 * (reverted, never deleted), action items, meetings and snapshots,
 * drafts, two processes writing at once, and the sample meeting CSVs. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/value_check.h"
#include "storage/catalogue_ini.h"
#include "storage/db.h"
#include "storage/meeting.h"
#include "storage/org.h"
#include "storage/sample_meeting.h"

#define W46 202646
#define W47 202647
#define W48 202648

static char db_path[64];
static fp_db *db;
static long long store_my, cat_my, zhang, wang;

static void setup(void)
{
    char err[512];
    snprintf(db_path, sizeof db_path, "/tmp/fupan-meeting-XXXXXX");
    int fd = mkstemp(db_path);
    cr_assert(fd >= 0);
    close(fd);
    db = fp_db_open(db_path, false, err, sizeof err);
    cr_assert_not_null(db, "%s", err);
    cr_assert(fp_org_upsert_person(db, "zhangwei", "张伟", "host", NULL));
    cr_assert(fp_org_upsert_person(db, "wangfang", "王芳", "ops_manager",
                                   NULL));
    store_my = fp_org_ensure_node(db, "tts-my", NULL, NULL, NULL);
    cat_my = fp_org_ensure_node(db, "tts-my", "apparel", NULL, NULL);
    zhang = fp_org_ensure_node(db, "tts-my", "apparel", "zhangwei", NULL);
    wang = fp_org_ensure_node(db, "tts-th", "beauty", "wangfang", NULL);
    cr_assert(store_my > 1 && cat_my > 1 && zhang > 1 && wang > 1);
}

static void teardown(void)
{
    fp_db_close(db);
    char p[80];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

TestSuite(meeting, .init = setup, .fini = teardown);

static long long count_rows(const char *sql)
{
    sqlite3_stmt *st = fp_db_prepare(db, sql);
    cr_assert_not_null(st, "%s", db->err);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* ---- notes ---- */

Test(meeting, note_add_and_list_by_path)
{
    long long a = fp_note_add(db, W47, zhang, "cvr", "creative_fatigue",
                              "素材疲劳,点击率下降", "李娜");
    long long b = fp_note_add(db, W47, store_my, NULL, "data_delay",
                              "T+1 延迟", "李娜");
    long long c = fp_note_add(db, W47, wang, "gmv", "stockout", "断货",
                              "陈静");
    long long d = fp_note_add(db, W46, zhang, NULL, "other", "上周", "x");
    cr_assert(a > 0 && b > 0 && c > 0 && d > 0, "%s", db->err);

    fp_note_list all;
    cr_assert(fp_note_list_week(db, W47, 0, &all), "%s", db->err);
    cr_assert_eq(all.n, 3);
    /* ordered by path */
    cr_assert_str_eq(all.items[0].path, "tts-my");
    cr_assert_null(all.items[0].kpi);
    cr_assert_str_eq(all.items[1].path, "tts-my/apparel/zhangwei");
    cr_assert_str_eq(all.items[1].kpi, "cvr");
    cr_assert_str_eq(all.items[1].cause, "creative_fatigue");
    cr_assert_str_eq(all.items[1].text, "素材疲劳,点击率下降");
    cr_assert_str_eq(all.items[1].author, "李娜");
    cr_assert_eq(all.items[1].id, a);
    cr_assert_eq(all.items[1].week, W47);
    cr_assert_eq(all.items[1].node_id, zhang);
    cr_assert_str_eq(all.items[2].path, "tts-th/beauty/wangfang");
    fp_note_list_done(&all);

    fp_note_list sub;
    cr_assert(fp_note_list_week(db, W47, store_my, &sub));
    cr_assert_eq(sub.n, 2, "notes at tts-my and below");
    cr_assert_eq(sub.items[0].id, b);
    cr_assert_eq(sub.items[1].id, a);
    fp_note_list_done(&sub);
    cr_assert(fp_note_list_week(db, W47, 1, &sub));
    cr_assert_eq(sub.n, 3, "the company holds every node");
    fp_note_list_done(&sub);
    cr_assert(fp_note_list_week(db, W48, 0, &sub));
    cr_assert_eq(sub.n, 0);
    fp_note_list_done(&sub);
}

Test(meeting, note_edit_keeps_every_version)
{
    long long id = fp_note_add(db, W47, zhang, "gmv", "pricing", "v1", "a");
    cr_assert(id > 0);
    cr_assert(fp_note_edit(db, id, NULL, "v2 改价", "b"), "%s", db->err);
    cr_assert(fp_note_edit(db, id, "competitor", NULL, "c"));

    fp_note n;
    cr_assert(fp_note_get(db, id, &n), "%s", db->err);
    cr_assert_str_eq(n.text, "v2 改价");
    cr_assert_str_eq(n.cause, "competitor");
    cr_assert_str_eq(n.author, "a", "the note keeps its first author");
    fp_note_done(&n);

    fp_note_list h;
    cr_assert(fp_note_history(db, id, &h), "%s", db->err);
    cr_assert_eq(h.n, 3);
    cr_assert_str_eq(h.items[0].change, "add");
    cr_assert_str_eq(h.items[0].text, "v1");
    cr_assert_str_eq(h.items[0].cause, "pricing");
    cr_assert_str_eq(h.items[0].author, "a");
    cr_assert_str_eq(h.items[1].change, "edit");
    cr_assert_str_eq(h.items[1].text, "v2 改价");
    cr_assert_str_eq(h.items[1].cause, "pricing");
    cr_assert_str_eq(h.items[1].author, "b");
    cr_assert_str_eq(h.items[2].text, "v2 改价");
    cr_assert_str_eq(h.items[2].cause, "competitor");
    cr_assert_str_eq(h.items[2].author, "c");
    fp_note_list_done(&h);
}

Test(meeting, note_delete_hides_but_keeps)
{
    long long id = fp_note_add(db, W47, zhang, NULL, "other", "旧的", "a");
    long long keep = fp_note_add(db, W47, zhang, NULL, "other", "留着", "a");
    cr_assert(fp_note_delete(db, id, "b"), "%s", db->err);

    fp_note_list l;
    cr_assert(fp_note_list_week(db, W47, 0, &l));
    cr_assert_eq(l.n, 1);
    cr_assert_eq(l.items[0].id, keep);
    fp_note_list_done(&l);
    cr_assert_eq(count_rows("SELECT count(*) FROM notes"), 2,
                 "a deleted note is hidden, not erased");

    fp_note n;
    cr_assert_not(fp_note_get(db, id, &n));
    cr_assert_not(fp_note_edit(db, id, NULL, "again", "c"));
    cr_assert_not(fp_note_delete(db, id, "c"));
    cr_assert(strstr(db->err, "no note") != NULL, "%s", db->err);

    cr_assert(fp_note_history(db, id, &l));
    cr_assert_eq(l.n, 2);
    cr_assert_str_eq(l.items[1].change, "delete");
    cr_assert_str_eq(l.items[1].text, "旧的");
    cr_assert_str_eq(l.items[1].author, "b");
    fp_note_list_done(&l);
}

Test(meeting, note_add_rejects_bad_input)
{
    db->err[0] = '\0';
    cr_assert_eq(fp_note_add(db, W47, zhang, NULL, "  ", "t", "a"), -1);
    cr_assert(db->err[0] != '\0');
    cr_assert_eq(fp_note_add(db, 202699, zhang, NULL, "other", "t",
                             "a"), -1);
    cr_assert_eq(fp_note_add(db, W47, 99999, NULL, "other", "t", "a"), -1,
                 "unknown node");
    cr_assert_eq(count_rows("SELECT count(*) FROM notes"), 0);
    cr_assert_eq(count_rows("SELECT count(*) FROM note_history"), 0);
}

/* n copies of the 3-byte character 长, NUL-terminated; caller frees */
static char *chinese_text(size_t n)
{
    char *s = malloc(3 * n + 1);
    cr_assert_not_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 3 * i, "长", 3);
    s[3 * n] = '\0';
    return s;
}

Test(meeting, note_text_is_not_blank_and_at_most_4000_characters)
{
    char *most = chinese_text(FP_NOTE_MAX_CHARS);
    char *over = chinese_text(FP_NOTE_MAX_CHARS + 1);
    cr_assert_eq(FP_NOTE_MAX_CHARS, 4000);
    cr_assert_eq(fp_note_add(db, W47, zhang, NULL, "other", "", "a"), -1);
    cr_assert(strstr(db->err, "needs text"), "%s", db->err);
    cr_assert_eq(fp_note_add(db, W47, zhang, NULL, "other", " \u3000 ",
                             "a"), -1);
    cr_assert_eq(fp_note_add(db, W47, zhang, NULL, "other", over, "a"), -1);
    cr_assert(strstr(db->err, "at most 4000 characters and this one has "
                     "4001"), "%s", db->err);
    long long id = fp_note_add(db, W47, zhang, NULL, "other", most, "a");
    cr_assert(id > 0, "%s", db->err);
    /* an edit is held to the same rule, and the note is left as it was */
    cr_assert_not(fp_note_edit(db, id, NULL, over, "a"));
    cr_assert(strstr(db->err, "at most 4000"), "%s", db->err);
    cr_assert_not(fp_note_edit(db, id, NULL, "  ", "a"));
    cr_assert(fp_note_edit(db, id, "pricing", NULL, "a"), "%s", db->err);
    fp_note note;
    cr_assert(fp_note_get(db, id, &note), "%s", db->err);
    cr_assert_str_eq(note.text, most);
    fp_note_done(&note);
    cr_assert_eq(count_rows("SELECT count(*) FROM notes"), 1);
    free(most);
    free(over);
}

/* ---- overrides ---- */

static const fp_kpi *kpi_of(fp_catalogue *cat, const char *id)
{
    int k = fp_catalogue_kpi(cat, id);
    cr_assert(k >= 0, "no KPI %s", id);
    return &cat->kpis[k];
}

Test(meeting, override_values_within_a_kpis_sane_range)
{
    char err[256], why[256];
    fp_catalogue *cat = fp_catalogue_load(NULL, NULL, err, sizeof err);
    cr_assert_not_null(cat, "%s", err);
    cr_assert(fp_kpi_value_sane(kpi_of(cat, "cvr"), 10.0, why, sizeof why));
    cr_assert(fp_kpi_value_sane(kpi_of(cat, "margin"), -0.12, why,
                                sizeof why));
    cr_assert_not(fp_kpi_value_sane(kpi_of(cat, "cvr"), 10.01, why,
                                    sizeof why));
    cr_assert(strstr(why, "between -1,000% and 1,000%"), "%s", why);
    cr_assert_not(fp_kpi_value_sane(kpi_of(cat, "margin"), -10.5, why,
                                    sizeof why));
    cr_assert(fp_kpi_value_sane(kpi_of(cat, "gmv"), 0, why, sizeof why));
    const char *never_negative[] = {"gmv", "orders", "ad_spend", "roas",
                                    "watch_seconds", "aov"};
    for (size_t i = 0; i < 6; i++) {
        cr_assert_not(fp_kpi_value_sane(kpi_of(cat, never_negative[i]),
                                        -1, why, sizeof why), "%s",
                      never_negative[i]);
        cr_assert(strstr(why, "cannot be negative"), "%s", why);
    }
    cr_assert_not(fp_kpi_value_sane(kpi_of(cat, "gmv"), NAN, why,
                                    sizeof why));
    cr_assert_not(fp_kpi_value_sane(kpi_of(cat, "gmv"), INFINITY, why,
                                    sizeof why));
    fp_catalogue_free(cat);
}

Test(meeting, override_set_and_revert_keeps_history)
{
    long long id = fp_override_set(db, W47, store_my, "gmv", 49280.91,
                                   45000.5, "T+1 延迟,按后台补录", "李娜");
    cr_assert(id > 0, "%s", db->err);
    fp_override_list l;
    cr_assert(fp_override_list_get(db, W47, 0, NULL, &l), "%s", db->err);
    cr_assert_eq(l.n, 1);
    cr_assert_eq(l.items[0].id, id);
    cr_assert_str_eq(l.items[0].path, "tts-my");
    cr_assert_str_eq(l.items[0].kpi, "gmv");
    cr_assert_float_eq(l.items[0].value, 49280.91, 1e-9);
    cr_assert_float_eq(l.items[0].original, 45000.5, 1e-9);
    cr_assert_str_eq(l.items[0].reason, "T+1 延迟,按后台补录");
    cr_assert_str_eq(l.items[0].author, "李娜");
    cr_assert_null(l.items[0].reverted_at);
    fp_override_list_done(&l);

    cr_assert(fp_override_revert(db, W47, store_my, "gmv", "数据已同步",
                                 "陈静"), "%s", db->err);
    cr_assert(fp_override_list_get(db, W47, store_my, "gmv", &l));
    cr_assert_eq(l.n, 1, "reverted, never deleted");
    cr_assert_not_null(l.items[0].reverted_at);
    cr_assert_str_eq(l.items[0].revert_reason, "数据已同步");
    cr_assert_str_eq(l.items[0].reverted_by, "陈静");
    fp_override_list_done(&l);

    cr_assert_not(fp_override_revert(db, W47, store_my, "gmv", "again", "x"));
    cr_assert(strstr(db->err, "no active override") != NULL, "%s", db->err);
    cr_assert_not(fp_override_revert(db, W47, store_my, "never_seen", "r",
                                     "x"));
}

Test(meeting, override_replaces_the_active_one)
{
    long long first = fp_override_set(db, W47, store_my, "gmv", 100, NAN,
                                      "first", "a");
    long long other = fp_override_set(db, W47, store_my, "orders", 7, 5,
                                      "orders", "a");
    long long second = fp_override_set(db, W47, store_my, "gmv", 200, 90,
                                       "second", "b");
    cr_assert(first > 0 && other > 0 && second > first, "%s", db->err);

    fp_override_list l;
    cr_assert(fp_override_list_get(db, W47, store_my, "gmv", &l));
    cr_assert_eq(l.n, 2);
    cr_assert_eq(l.items[0].id, second, "newest first");
    cr_assert_null(l.items[0].reverted_at);
    cr_assert_float_eq(l.items[0].value, 200, 1e-9);
    cr_assert_eq(l.items[1].id, first);
    cr_assert_not_null(l.items[1].reverted_at);
    cr_assert_str_eq(l.items[1].revert_reason, "replaced");
    cr_assert(isnan(l.items[1].original), "NAN original stays NAN");
    fp_override_list_done(&l);

    cr_assert_eq(count_rows("SELECT count(*) FROM overrides"
                            " WHERE reverted_at IS NULL"), 2);
    cr_assert(fp_override_list_get(db, 0, 0, NULL, &l));
    cr_assert_eq(l.n, 3);
    fp_override_list_done(&l);
    cr_assert(fp_override_list_get(db, W46, 0, NULL, &l));
    cr_assert_eq(l.n, 0);
    fp_override_list_done(&l);
}

Test(meeting, override_requires_a_reason)
{
    cr_assert_eq(fp_override_set(db, W47, store_my, "gmv", 1, NAN, "", "a"),
                 -1);
    cr_assert(strstr(db->err, "reason") != NULL, "%s", db->err);
    cr_assert_eq(fp_override_set(db, W47, store_my, "gmv", 1, NAN,
                                 " \t\xe3\x80\x80", "a"), -1);
    cr_assert_eq(fp_override_set(db, W47, store_my, "gmv", NAN, 1, "r", "a"),
                 -1, "the value must be a number");
    cr_assert(fp_override_set(db, W47, store_my, "gmv", 1, NAN, "ok", "a") > 0);
    cr_assert_not(fp_override_revert(db, W47, store_my, "gmv", " ", "a"));
    cr_assert_eq(count_rows("SELECT count(*) FROM overrides"), 1);
    cr_assert_eq(count_rows("SELECT count(*) FROM overrides"
                            " WHERE reverted_at IS NULL"), 1);
}

/* ---- action items ---- */

Test(meeting, actions_carry_over_until_closed)
{
    long long done = fp_action_add(db, W46, cat_my, "wangfang", W47,
                                   "补货", "陈静");
    long long carried = fp_action_add(db, W46, zhang, "zhangwei", W48,
                                      "整理话术 SOP", "陈静");
    long long dropped = fp_action_add(db, W46, 0, "zhangwei", W47, "旧事",
                                      "陈静");
    long long fresh = fp_action_add(db, W47, 0, "wangfang", W48, "核对数据",
                                    "陈静");
    long long later = fp_action_add(db, W48, 0, "wangfang", W48, "下周",
                                    "陈静");
    cr_assert(done > 0 && carried > 0 && dropped > 0 && fresh > 0 &&
              later > 0, "%s", db->err);
    cr_assert(fp_action_set_state(db, done, "done", W47), "%s", db->err);
    cr_assert(fp_action_set_state(db, dropped, "dropped", W46));

    fp_action_item_list l;
    cr_assert(fp_action_list_get(db, W47, false, &l), "%s", db->err);
    cr_assert_eq(l.n, 3, "carried + done in W47 + new");
    cr_assert_eq(l.items[0].id, done);          /* due W47 first */
    cr_assert_str_eq(l.items[0].state, "done");
    cr_assert_eq(l.items[0].closed_week, W47);
    cr_assert_not_null(l.items[0].closed_at);
    cr_assert_str_eq(l.items[0].path, "tts-my/apparel");
    cr_assert_str_eq(l.items[0].owner, "wangfang");
    cr_assert_str_eq(l.items[0].owner_name, "王芳");
    cr_assert_eq(l.items[1].id, carried);
    cr_assert_str_eq(l.items[1].state, "open");
    cr_assert_eq(l.items[1].week, W46);
    cr_assert_eq(l.items[1].due, W48);
    cr_assert_eq(l.items[1].closed_week, 0);
    cr_assert_eq(l.items[2].id, fresh);
    cr_assert_eq(l.items[2].node_id, 0);
    cr_assert_str_eq(l.items[2].path, "");
    fp_action_list_done(&l);

    cr_assert(fp_action_list_get(db, W47, true, &l));
    cr_assert_eq(l.n, 2);
    cr_assert_eq(l.items[0].id, carried);
    cr_assert_eq(l.items[1].id, fresh);
    fp_action_list_done(&l);

    cr_assert(fp_action_list_get(db, 0, false, &l));
    cr_assert_eq(l.n, 5);
    fp_action_list_done(&l);
    cr_assert(fp_action_list_get(db, 0, true, &l));
    cr_assert_eq(l.n, 3);
    fp_action_list_done(&l);

    cr_assert(fp_action_set_state(db, done, "open", 0), "reopen");
    fp_action_item a;
    cr_assert(fp_action_item_get(db, done, &a));
    cr_assert_str_eq(a.state, "open");
    cr_assert_null(a.closed_at);
    cr_assert_eq(a.closed_week, 0);
    fp_action_item_done(&a);
}

Test(meeting, actions_reject_bad_input)
{
    cr_assert_eq(fp_action_add(db, W47, 0, "nobody", W48, "x", "a"), -1);
    cr_assert(strstr(db->err, "unknown person 'nobody'") != NULL, "%s",
              db->err);
    cr_assert_eq(fp_action_add(db, W47, 0, "zhangwei", 0, "x", "a"), -1);
    cr_assert_eq(fp_action_add(db, W47, 0, "zhangwei", W48, " ", "a"), -1);
    long long id = fp_action_add(db, W47, 0, "zhangwei", W48, "x", "a");
    cr_assert(id > 0);
    cr_assert_not(fp_action_set_state(db, id, "finished", W47));
    cr_assert_not(fp_action_set_state(db, id + 100, "done", W47));
    cr_assert(strstr(db->err, "no action item") != NULL, "%s", db->err);
    cr_assert_not(fp_action_set_state(db, id, "done", 0), "needs a week");
    fp_action_item a;
    cr_assert_not(fp_action_item_get(db, id + 100, &a));
    cr_assert_eq(count_rows("SELECT count(*) FROM actions"), 1);
}

/* ---- meetings and snapshots ---- */

Test(meeting, meeting_start_stop_ensure)
{
    fp_meeting m;
    cr_assert_not(fp_meeting_get(db, W47, &m));
    long long a = fp_meeting_ensure(db, W47, "李娜");
    cr_assert(a > 0, "%s", db->err);
    cr_assert_eq(fp_meeting_ensure(db, W47, "x"), a);
    cr_assert_eq(fp_meeting_start(db, W47, "x"), a, "already running");
    cr_assert(fp_meeting_set_attendees(db, a, "李娜,王芳,张伟"));
    cr_assert(fp_meeting_get(db, W47, &m));
    cr_assert_eq(m.id, a);
    cr_assert_eq(m.week, W47);
    cr_assert_null(m.ended_at);
    cr_assert_str_eq(m.attendees, "李娜,王芳,张伟");
    cr_assert_str_eq(m.author, "李娜");
    fp_meeting_done(&m);

    cr_assert(fp_meeting_stop(db, a), "%s", db->err);
    cr_assert_eq(fp_meeting_ensure(db, W47, "x"), a, "a stopped one counts");
    long long b = fp_meeting_start(db, W47, "王芳");
    cr_assert(b > a);
    cr_assert(fp_meeting_get(db, W47, &m));
    cr_assert_eq(m.id, b);
    cr_assert_str_eq(m.attendees, "");
    fp_meeting_done(&m);
    cr_assert_not(fp_meeting_stop(db, b + 10));
    cr_assert_not(fp_meeting_set_attendees(db, b + 10, "x"));
}

Test(meeting, snapshot_values_by_meeting)
{
    long long m46 = fp_meeting_start(db, W46, "a");
    fp_snapshot_row rows[] = {
        {W46, store_my, "gmv", 118200},
        {W46, store_my, "cvr", 0.0101},
        {W46, zhang, "gmv", NAN},
    };
    cr_assert(fp_meeting_snapshot(db, m46, rows, 3), "%s", db->err);
    cr_assert_float_eq(fp_meeting_snapshot_value(db, W46, store_my, "gmv"),
                       118200, 1e-9);
    cr_assert(isnan(fp_meeting_snapshot_value(db, W46, zhang, "gmv")));
    cr_assert(isnan(fp_meeting_snapshot_value(db, W47, store_my, "gmv")));

    /* taking the snapshot again replaces the meeting's rows */
    fp_snapshot_row again[] = {{W46, store_my, "gmv", 118500}};
    cr_assert(fp_meeting_snapshot(db, m46, again, 1));
    cr_assert_float_eq(fp_meeting_snapshot_value(db, W46, store_my, "gmv"),
                       118500, 1e-9);
    cr_assert(isnan(fp_meeting_snapshot_value(db, W46, store_my, "cvr")));

    fp_meeting_stop(db, m46);
    long long m47 = fp_meeting_start(db, W47, "a");
    fp_snapshot_row late[] = {{W46, store_my, "gmv", 124950}};
    cr_assert(fp_meeting_snapshot(db, m47, late, 1));
    cr_assert_float_eq(fp_meeting_snapshot_value(db, W46, store_my, "gmv"),
                       124950, 1e-9, "the newest meeting's value");
    cr_assert_float_eq(fp_meeting_snapshot_value_before(db, m47, W46,
                       store_my, "gmv"), 118500, 1e-9,
                       "what the previous meeting showed");
}

/* ---- drafts ---- */

Test(meeting, drafts_save_update_load_discard)
{
    fp_draft d = {0};
    cr_assert_not(fp_draft_load(db, "lead@pts/1", &d));
    fp_draft note = {.kind = "note", .week = W47, .node_id = zhang,
                     .kpi = "cvr", .cause = "pricing", .text = "正在输入"};
    long long id = fp_draft_save(db, "lead@pts/1", &note);
    cr_assert(id > 0, "%s", db->err);
    note.text = "正在输入更多的字";
    cr_assert_eq(fp_draft_save(db, "lead@pts/1", &note), id,
                 "same owner and kind: updated in place");
    cr_assert(fp_draft_load(db, "lead@pts/1", &d));
    cr_assert_eq(d.id, id);
    cr_assert_str_eq(d.kind, "note");
    cr_assert_eq(d.week, W47);
    cr_assert_eq(d.node_id, zhang);
    cr_assert_str_eq(d.kpi, "cvr");
    cr_assert_str_eq(d.cause, "pricing");
    cr_assert_str_eq(d.text, "正在输入更多的字");
    fp_draft_done(&d);

    fp_draft other = {.kind = "note", .week = W47, .text = "别人的"};
    long long oid = fp_draft_save(db, "lead@pts/2", &other);
    cr_assert(oid > 0 && oid != id, "another owner keeps its own draft");
    fp_draft act = {.kind = "action", .week = W47, .text = "行动"};
    long long aid = fp_draft_save(db, "lead@pts/1", &act);
    cr_assert(aid > 0 && aid != id);
    cr_assert_eq(count_rows("SELECT count(*) FROM drafts"), 3);

    cr_assert(fp_draft_discard(db, "lead@pts/1", "note"));
    cr_assert(fp_draft_load(db, "lead@pts/1", &d));
    cr_assert_str_eq(d.kind, "action");
    cr_assert_null(d.kpi);
    cr_assert_eq(d.node_id, 0);
    fp_draft_done(&d);
    cr_assert(fp_draft_discard(db, "lead@pts/1", NULL));
    cr_assert_not(fp_draft_load(db, "lead@pts/1", &d));
    cr_assert(fp_draft_load(db, "lead@pts/2", &d), "untouched");
    fp_draft_done(&d);
    cr_assert_eq(fp_draft_save(db, "", &act), -1);
}

/* ---- two processes writing at once ---- */

static int child_adds_notes(const char *path, int who, int gate, int n)
{
    char err[512], c;
    if (read(gate, &c, 1) < 0) /* wait until both children are ready */
        return 10;
    fp_db *mine = fp_db_open(path, false, err, sizeof err);
    if (!mine)
        return 11;
    for (int i = 0; i < n; i++) {
        char text[64];
        snprintf(text, sizeof text, "进程 %d 第 %d 条", who, i);
        if (fp_note_add(mine, W47, zhang, "gmv", "other", text, "p") < 0) {
            fprintf(stderr, "child %d: %s\n", who, mine->err);
            fp_db_close(mine);
            return 12;
        }
    }
    fp_db_close(mine);
    return 0;
}

Test(meeting, two_processes_each_add_100_notes)
{
    int gate[2];
    cr_assert_eq(pipe(gate), 0);
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        cr_assert(kids[k] >= 0);
        if (kids[k] == 0) {
            close(gate[1]);
            _exit(child_adds_notes(db_path, k, gate[0], 100));
        }
    }
    close(gate[0]);
    close(gate[1]); /* both children read EOF and start at once */
    for (int k = 0; k < 2; k++) {
        int status = 0;
        cr_assert_eq(waitpid(kids[k], &status, 0), kids[k]);
        cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "child %d failed (status %d)", k, status);
    }
    fp_note_list l;
    cr_assert(fp_note_list_week(db, W47, 0, &l), "%s", db->err);
    cr_assert_eq(l.n, 200, "all 200 notes kept");
    fp_note_list_done(&l);
    cr_assert_eq(count_rows("SELECT count(DISTINCT text) FROM notes"), 200);
    cr_assert_eq(count_rows("SELECT count(*) FROM note_history"), 200);
}

/* The lock holder: takes the write lock, says so, keeps it 150 ms. */
static int child_holds_lock(const char *path, int ready)
{
    char err[512];
    fp_db *mine = fp_db_open(path, false, err, sizeof err);
    if (!mine || !fp_db_begin(mine))
        return 11;
    if (write(ready, "L", 1) != 1)
        return 12;
    usleep(150 * 1000);
    bool ok = fp_db_commit(mine);
    fp_db_close(mine);
    return ok ? 0 : 13;
}

Test(meeting, write_retries_past_the_busy_timeout)
{
    int ready[2];
    cr_assert_eq(pipe(ready), 0);
    pid_t kid = fork();
    cr_assert(kid >= 0);
    if (kid == 0) {
        close(ready[0]);
        _exit(child_holds_lock(db_path, ready[1]));
    }
    close(ready[1]);
    char c;
    cr_assert_eq(read(ready[0], &c, 1), 1);
    close(ready[0]);
    /* A busy timeout far shorter than the other writer's transaction:
     * BEGIN IMMEDIATE fails with SQLITE_BUSY and fp_tx_run retries. */
    sqlite3_busy_timeout(db->sql, 5);
    long long id = fp_note_add(db, W47, zhang, NULL, "other", "排队写入",
                               "a");
    int status = 0;
    cr_assert_eq(waitpid(kid, &status, 0), kid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    cr_assert(id > 0, "should retry, not fail: %s", db->err);
    cr_assert_eq(count_rows("SELECT count(*) FROM notes"), 1);
}

Test(meeting, write_inside_callers_transaction_leaves_it_alone)
{
    /* A write while the caller has a transaction open fails cleanly and
     * does not roll back the caller's work. */
    cr_assert(fp_db_begin(db));
    cr_assert(fp_db_setting_set(db, "probe", "1"));
    cr_assert_eq(fp_note_add(db, W47, zhang, NULL, "other", "x", "a"), -1);
    cr_assert(fp_db_commit(db), "the caller's transaction is still open");
    char *v = fp_db_setting_get(db, "probe");
    cr_assert_str_eq(v, "1");
    free(v);
}

/* ---- the sample meeting CSVs ---- */

static char sample_dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", sample_dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_sample_dir(void)
{
    snprintf(sample_dir, sizeof sample_dir, "/tmp/fupan-sample-XXXXXX");
    cr_assert_not_null(mkdtemp(sample_dir));
}

static void remove_sample_dir(void)
{
    const char *names[] = {"notes.csv", "overrides.csv", "actions.csv"};
    char path[128];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", sample_dir, names[i]);
        unlink(path);
    }
    rmdir(sample_dir);
}

static void insert_fact(long long node, const char *kpi, double v)
{
    sqlite3_stmt *st = fp_db_prepare(db,
        "INSERT INTO facts(week, node_id, kpi_id, value) VALUES (?1,?2,?3,?4)");
    cr_assert_not_null(st);
    sqlite3_bind_int(st, 1, W47);
    sqlite3_bind_int64(st, 2, node);
    sqlite3_bind_int64(st, 3, fp_db_kpi_id(db, kpi));
    sqlite3_bind_double(st, 4, v);
    cr_assert(fp_db_exec_stmt(db, st), "%s", db->err);
}

static bool load_sample(char *err, size_t errsz)
{
    fp_tree *tree = fp_org_load_tree(db);
    cr_assert_not_null(tree);
    bool ok = fp_sample_load_meeting(db, tree, sample_dir, err, errsz);
    fp_tree_free(tree);
    return ok;
}

Test(meeting, sample_meeting_loads)
{
    make_sample_dir();
    write_file("notes.csv", "\xef\xbb\xbfweek,path,kpi,cause,text,author\n"
               "2026-W47,tts-my,gmv,data_delay,\"T+1 延迟,\n周日未同步\",李娜\n"
               "2026-W47,tts-my/apparel/zhangwei,,staffing,排班,\n");
    write_file("overrides.csv", "week,path,kpi,value,reason,author\n"
               "2026-W47,tts-my,gmv,\"49,280.91\",补录,李娜\n"
               "2026-W47,tts-my,cvr,1.5%,口径,李娜\n");
    write_file("actions.csv", "week,owner,due,text,path,state,author\n"
               "2026-W46,wangfang,2026-W47,补货,tts-my/apparel,done,陈静\n"
               "2026-W46,zhangwei,2026-W48,SOP,,open,陈静\n");
    insert_fact(store_my, "gmv", 45000);
    char err[512] = "";
    bool ok = load_sample(err, sizeof err);
    remove_sample_dir();
    cr_assert(ok, "%s", err);

    fp_note_list notes;
    cr_assert(fp_note_list_week(db, W47, 0, &notes));
    cr_assert_eq(notes.n, 2);
    cr_assert_str_eq(notes.items[0].text, "T+1 延迟,\n周日未同步");
    cr_assert_str_eq(notes.items[1].author, "sample");
    cr_assert_null(notes.items[1].kpi);
    fp_note_list_done(&notes);

    fp_override_list o;
    cr_assert(fp_override_list_get(db, W47, 0, NULL, &o));
    cr_assert_eq(o.n, 2);
    cr_assert_str_eq(o.items[0].kpi, "cvr");
    cr_assert_float_eq(o.items[0].value, 0.015, 1e-12);
    cr_assert(isnan(o.items[0].original), "no fact: NAN");
    cr_assert_float_eq(o.items[1].value, 49280.91, 1e-9);
    cr_assert_float_eq(o.items[1].original, 45000, 1e-9);
    fp_override_list_done(&o);

    fp_action_item_list a;
    cr_assert(fp_action_list_get(db, W47, false, &a));
    cr_assert_eq(a.n, 2);
    cr_assert_str_eq(a.items[0].state, "done");
    cr_assert_eq(a.items[0].closed_week, W47);
    cr_assert_str_eq(a.items[1].state, "open");
    cr_assert_eq(a.items[1].node_id, 0);
    fp_action_list_done(&a);
}

static void assert_load_error(const char *file, const char *text,
                              const char *expected_tail)
{
    make_sample_dir();
    write_file(file, text);
    char err[512] = "", expected[600];
    bool ok = load_sample(err, sizeof err);
    remove_sample_dir();
    cr_assert_not(ok);
    snprintf(expected, sizeof expected, "%s/%s%s", sample_dir, file,
             expected_tail);
    cr_assert_str_eq(err, expected);
}

Test(meeting, sample_meeting_errors_name_file_line_column)
{
    assert_load_error("notes.csv", "week,path,kpi,cause,text,author\n"
        "2026-W47,tts-my,gmv,other,ok,a\n"
        "2025-W53,tts-my,gmv,other,bad,a\n",
        ":3: column week: '2025-W53' is not an ISO week that exists "
        "(YYYY-Www)");
    assert_load_error("notes.csv", "week,path,kpi,cause,text,author\n"
        "2026-W47,tts-xx,gmv,other,ok,a\n",
        ":2: column path: no node 'tts-xx' (store[/category[/person]])");
    assert_load_error("actions.csv", "week,owner,due,text,path,state,author\n"
        "2026-W47,nobody,2026-W48,t,,open,a\n",
        ":2: column owner: unknown person 'nobody'");
    assert_load_error("actions.csv", "week,owner,due,text,path,state,author\n"
        "2026-W47,zhangwei,2026-W48,t,,finished,a\n",
        ":2: column state: 'finished' is not open, done or dropped");
    assert_load_error("overrides.csv", "week,path,kpi,value,reason,author\n"
        "2026-W47,tts-my,gmv,12abc,r,a\n",
        ":2: column value: '12abc': unexpected character after the number");
    assert_load_error("overrides.csv", "week,path,kpi,value,reason,author\n"
        "2026-W47,tts-my,gmv,12,,a\n",
        ":2: column reason: empty");
    assert_load_error("notes.csv", "week,path,kpi,text,author\n",
        ":1: column cause: missing from the header");
    assert_load_error("notes.csv", "week,path,kpi,cause,text,author\n"
        "2026-W47,tts-my,gmv,other,\"never closed,a\n",
        ":2: a quoted field is never closed");
}
