/* The meeting actions in the TUI, through the real binary's headless
 * mode on the sample data: notes typed in Chinese, the editor's keys,
 * overrides with a reason and their revert, action items, drafts that
 * survive the end of a session, read-only refusals, minutes. What the
 * screen says is checked, and what the database holds afterwards. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/helpers.h"
#include "model/text.h"

typedef fp_scratch scratch;

/* The final screen of a headless run with keys (and extra options). */
static char *run(const scratch *sc, const char *keys, const char *extra)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && HOME='%s' XDG_CONFIG_HOME='%s' LC_ALL=C.UTF-8 "
             "LANGUAGE= NO_COLOR= '%s' --db '%s' --today 2026-11-25 "
             "--headless 100x30 --keys '%s' %s 2>stderr.txt </dev/null",
             sc->dir, sc->dir, sc->dir, sc->bin, sc->db, keys,
             extra ? extra : "");
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *out = fp_read_all(p);
    int st = pclose(p);
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "exit %d for '%s'\n%s",
              WEXITSTATUS(st), keys, out);
    return out;
}

/* First column of the first row of sql, copied; NULL when no row. */
static char *query(const scratch *sc, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char *out = NULL;
    cr_assert_eq(sqlite3_open_v2(sc->db, &db, SQLITE_OPEN_READONLY, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK,
                 "%s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

static void assert_query(const scratch *sc, const char *sql, const char *want)
{
    char *got = query(sc, sql);
    cr_assert_not_null(got, "no row for %s", sql);
    cr_assert_str_eq(got, want, "%s", sql);
    free(got);
}

static void assert_has(const char *scr, const char *what)
{
    cr_assert(strstr(scr, what) != NULL, "'%s' not on the screen:\n%s",
              what, scr);
}

static void assert_lacks(const char *scr, const char *what)
{
    cr_assert(strstr(scr, what) == NULL, "'%s' is on the screen:\n%s",
              what, scr);
}

#define NOTE_TEXT "泰国仓库缺货严重，补货要到下周三。"
#define TTS_MY "(SELECT nd.id FROM nodes nd JOIN stores s ON s.id = " \
               "nd.store_id WHERE s.code = 'tts-my' AND nd.category_id IS NULL)"

static void setup(void)
{
    cr_assert(fp_locale_init(), "no UTF-8 locale");
}

TestSuite(tui_meeting, .init = setup, .timeout = 60);

Test(tui_meeting, a_chinese_note_is_saved_at_once_and_shown)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    /* second store (马来西亚 TikTok 店), cause filtered by 缺货 */
    char *s = run(&sc, "Down a text:缺货 Enter text:" NOTE_TEXT " Enter", NULL);
    assert_has(s, "Note saved");
    assert_has(s, "[Stockout / supply] " NOTE_TEXT);      /* the detail panel */
    assert_has(s, "MYR · 2 notes");         /* the sample's and this one */
    free(s);
    assert_query(&sc, "SELECT cause || '|' || author || '|' || week FROM notes"
                 " WHERE text = '" NOTE_TEXT "' AND node_id = " TTS_MY
                 " AND kpi_id IS NULL", "stockout|陈静|202647");
    assert_query(&sc, "SELECT count(*) FROM drafts", "0");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, a_note_on_a_kpi_marks_its_row)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    /* first store, detail panel, third KPI (conversion rate) */
    char *s = run(&sc, "Tab Down Down a text:pric Enter text:竞品降价 Enter",
                  NULL);
    assert_has(s, "[Pricing / promotion] Conversion rate 转化率: 竞品降价");
    char *cvr = strstr(s, "Conversion rate 转化率  ");
    cr_assert_not_null(cvr, "%s", s);
    cr_assert(strstr(cvr, "note") && strstr(cvr, "note") < strchr(cvr, '\n'),
              "no note mark on the CVR row:\n%s", s);
    free(s);
    assert_query(&sc, "SELECT k.code FROM notes n JOIN kpis k ON k.id ="
                 " n.kpi_id WHERE n.text = '竞品降价'", "cvr");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, editor_keys_edit_by_character)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "a Enter text:abcdef Left Left Left BSpace text:X End "
                  "text:! C-j text:第二行 M-Enter text:直播间 Left BSpace "
                  "Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM notes WHERE text = "
                 "'abXdef!' || char(10) || '第二行' || char(10) || '直间'", "1");
    /* Ctrl-U and Ctrl-K cut the line before and after the cursor */
    s = run(&sc, "a Enter text:保留 C-j text:删掉这些 Left Left C-u "
            "text:新 C-k Enter", NULL);
    free(s);
    assert_query(&sc, "SELECT count(*) FROM notes WHERE text = '保留' || "
                 "char(10) || '新'", "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, a_pasted_paragraph_keeps_its_newlines)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "a Enter PasteStart text:第一段，很长的一段话。 Enter "
                  "text:第二段 PasteEnd Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM notes WHERE text = "
                 "'第一段，很长的一段话。' || char(10) || '第二段'", "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, escape_asks_before_throwing_text_away)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "a Enter text:还没写完 Esc", NULL);
    assert_has(s, "Throw the typed text away? (y/N)");
    assert_has(s, "还没写完");
    free(s);
    /* the session ended on the question: the text came back as a draft */
    s = run(&sc, "r Esc n", NULL);
    assert_has(s, "Kept.");                 /* still editing */
    free(s);
    s = run(&sc, "r text:的话", NULL);
    assert_has(s, "还没写完的话");
    free(s);
    s = run(&sc, "r Esc y", NULL);
    assert_has(s, "Nothing saved");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM notes WHERE text LIKE '%还没写完%'",
                 "0");
    assert_query(&sc, "SELECT count(*) FROM drafts", "0");
    s = run(&sc, "a Enter Esc", NULL); /* nothing typed: no question */
    assert_lacks(s, "Throw the typed");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, unfinished_text_is_offered_back_next_time)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    /* the session ends while typing, as a crash would */
    char *s = run(&sc, "Down a text:traffic Enter text:流量下降，原因待查", NULL);
    assert_has(s, "流量下降，原因待查");
    free(s);
    assert_query(&sc, "SELECT kind || '|' || cause || '|' || text FROM drafts",
                 "note|traffic_algorithm|流量下降，原因待查");
    s = run(&sc, "", NULL);
    assert_has(s, "unsaved note from");
    assert_has(s, "r restore, d discard, Esc later");
    free(s);
    s = run(&sc, "r text:三成 Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, "SELECT cause || '|' || (node_id = " TTS_MY ") FROM notes"
                 " WHERE text = '流量下降，原因待查三成'", "traffic_algorithm|1");
    assert_query(&sc, "SELECT count(*) FROM drafts", "0");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, override_with_a_reason_then_revert)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Tab o text:255,000 Enter text:T+1 Space text:数据延迟 "
                  "Enter", NULL);
    assert_has(s, "Override saved: GMV at 菲律宾 Shopee 店 251,097");
    assert_has(s, "255k*");                 /* the table marks it */
    assert_has(s, "was 251,097");           /* the original beside it */
    free(s);
    assert_query(&sc, "SELECT value || '|' || original || '|' || reason || '|'"
                 " || author FROM overrides WHERE reverted_at IS NULL AND"
                 " value = 255000", "255000.0|251097.31|T+1 数据延迟|陈静");
    s = run(&sc, "Tab H", NULL);
    assert_has(s, "251,097 → 255,000  active  陈静: T+1 数据延迟");
    free(s);
    s = run(&sc, "Tab u text:后台已同步 Enter", NULL);
    assert_has(s, "Override reverted");
    assert_has(s, "PHP 251,097");
    free(s);
    assert_query(&sc, "SELECT revert_reason || '|' || reverted_by FROM"
                 " overrides WHERE value = 255000", "后台已同步|陈静");
    s = run(&sc, "Tab u", NULL);
    assert_has(s, "No override on GMV");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, override_refuses_bad_values_and_empty_reasons)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Tab o text:12x Enter", NULL);
    assert_has(s, "Not a value (unexpected character after the number). "
               "GMV 成交金额, new value: 12x");
    free(s);
    s = run(&sc, "Tab o text:255000 Enter Enter", NULL);
    assert_has(s, "Type some text first");  /* the reason is required */
    free(s);
    s = run(&sc, "o", NULL);                /* the table: no KPI chosen */
    assert_has(s, "Choose a KPI first");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM overrides WHERE value = 255000",
                 "0");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, new_action_item_with_owner_and_due_week)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Down t text:每天核对 Space text:Seller Space "
                  "text:Center Space text:数据 Enter text:王芳 Enter Enter",
                  NULL);
    assert_has(s, "Action item saved: 每天核对 Seller Center 数据 · 王芳, due "
               "2026-W48");
    free(s);
    assert_query(&sc, "SELECT a.week || '|' || a.due_week || '|' || p.code ||"
                 " '|' || (a.node_id = " TTS_MY ") || '|' || a.state FROM"
                 " actions a JOIN people p ON p.id = a.owner_id WHERE a.text ="
                 " '每天核对 Seller Center 数据'", "202647|202648|王芳|1|open");
    s = run(&sc, "t text:下周再看 Enter text:李娜 Enter C-u text:W50 Enter",
            NULL);
    free(s);
    assert_query(&sc, "SELECT due_week FROM actions WHERE text = '下周再看'",
                 "202650");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, action_list_marks_done_and_drops)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *id = query(&sc, "SELECT id FROM actions WHERE state = 'open' AND"
                     " week <= 202647 ORDER BY week, id LIMIT 1");
    cr_assert_not_null(id);
    char *s = run(&sc, "A", NULL);
    assert_has(s, "Action items up to 2026-W47");
    assert_has(s, "carried 1 wk");
    free(s);
    s = run(&sc, "A Down d", NULL);         /* the first row is done already */
    assert_has(s, "Done: ");
    free(s);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT state || '|' || closed_week FROM actions"
             " WHERE id = %s", id);
    assert_query(&sc, sql, "done|202647");
    s = run(&sc, "A Down r", NULL);
    assert_has(s, "Open again: ");
    free(s);
    snprintf(sql, sizeof sql, "SELECT state FROM actions WHERE id = %s", id);
    assert_query(&sc, sql, "open");
    free(id);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, notes_view_edits_and_deletes_with_history)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Down a Enter text:原文 Enter v", NULL);
    assert_has(s, "原文");
    free(s);
    s = run(&sc, "Down v End Enter Enter End text:，补充 Enter", NULL);
    assert_has(s, "Note changed");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM note_history h JOIN notes n ON"
                 " n.id = h.note_id WHERE n.text = '原文，补充'", "2");
    s = run(&sc, "Down v End H", NULL);
    assert_has(s, "written 陈静");
    assert_has(s, "changed 陈静");
    free(s);
    s = run(&sc, "Down v End d y", NULL);
    assert_has(s, "Note deleted");
    free(s);
    assert_query(&sc, "SELECT deleted_at IS NOT NULL FROM notes WHERE text ="
                 " '原文，补充'", "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, meeting_start_attendees_and_stop)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "M text:李娜 Space C-u text:张伟 Space Enter", NULL);
    assert_has(s, "meeting 00:00");
    assert_has(s, "Attendees: 张伟, 李娜");
    free(s);
    assert_query(&sc, "SELECT attendees || '|' || (ended_at IS NULL) FROM"
                 " meetings ORDER BY id DESC LIMIT 1", "张伟, 李娜|1");
    assert_query(&sc, "SELECT count(*) > 0 FROM meeting_snapshots WHERE"
                 " meeting_id = (SELECT max(id) FROM meetings)", "1");
    s = run(&sc, "M s", NULL);
    assert_has(s, "Meeting stopped");
    free(s);
    assert_query(&sc, "SELECT ended_at IS NOT NULL FROM meetings ORDER BY id"
                 " DESC LIMIT 1", "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, minutes_preview_and_export)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "m", NULL);
    assert_has(s, "周会复盘 Weekly review 2026-W47");
    free(s);
    s = run(&sc, "e Enter", NULL);
    assert_has(s, "Minutes written to");
    free(s);
    char path[256];
    snprintf(path, sizeof path, "%s/fupan-minutes-2026-W47.txt", sc.dir);
    cr_assert_eq(access(path, R_OK), 0, "no %s", path);
    s = run(&sc, "e Enter", NULL);
    assert_has(s, "exists. Overwrite it? (y/N)");
    free(s);
    s = run(&sc, "e C-u text:w47.md Enter", NULL);
    assert_has(s, "(Markdown)");
    free(s);
    snprintf(path, sizeof path, "%s/w47.md", sc.dir);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    char *md = fp_read_all(f);
    fclose(f);
    cr_assert(strncmp(md, "# 周会复盘", strlen("# 周会复盘")) == 0, "%s", md);
    free(md);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, read_only_refuses_every_write)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    static const char *const keys[] = { "a", "Tab o", "Tab u", "t", "M" };
    static const char *const names[] = { "annotate", "override",
                                         "revert-override", "new-action",
                                         "meeting" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char *s = run(&sc, keys[i], "--read-only");
        char want[64];
        snprintf(want, sizeof want, "Read-only: %s is not allowed", names[i]);
        assert_has(s, want);
        free(s);
    }
    char *s = run(&sc, "m", "--read-only"); /* reading is fine */
    assert_has(s, "周会复盘");
    free(s);
    fp_scratch_remove(&sc);
}

/* ---- the meeting path (issue 9): the highlighted KPI, wherever -------- */

/* "person name|kpi code" of the note with this text ('-' for none). */
#define NOTE_TARGET(text) "SELECT coalesce(p.name, '-') || '|' || " \
    "coalesce(k.code, '-') FROM notes n JOIN nodes nd ON nd.id = n.node_id" \
    " LEFT JOIN people p ON p.id = nd.person_id LEFT JOIN kpis k ON" \
    " k.id = n.kpi_id WHERE n.text = '" text "'"

/* The status line of a screen ending on a red walk: "Red 1 of 57: ...". */
static char *red_message(const scratch *sc, const char *keys)
{
    char *s = run(sc, keys, NULL);
    char *at = strstr(s, "Red ");
    cr_assert_not_null(at, "no red walk message after '%s':\n%s", keys, s);
    char *line = strndup(at, strcspn(at, "\n"));
    free(s);
    return line;
}

/* The attainment at the end of a red walk message: "... (29%)". */
static int red_attainment(const char *msg)
{
    const char *open = strrchr(msg, '(');
    int pct = -1;
    cr_assert(open && sscanf(open, "(%d%%)", &pct) == 1, "%s", msg);
    return pct;
}

Test(tui_meeting, a_scorecard_from_the_people_view_takes_notes_and_overrides)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    /* p ranks the worst first; his card opens on his worst red KPI */
    char *s = run(&sc, "p Enter a Enter text:从人员榜写的 Enter", NULL);
    assert_lacks(s, "Put the cursor on a store");
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, NOTE_TARGET("从人员榜写的"), "王强|ad_spend");
    s = run(&sc, "p Enter Up o", NULL);
    assert_has(s, "Cost per click 单次点击成本 at 泰国 TikTok 店");
    free(s);
    s = run(&sc, "p Enter t text:从人员榜的行动 Enter Enter Enter", NULL);
    assert_has(s, "Action item saved: 从人员榜的行动");
    free(s);
    assert_query(&sc, "SELECT p.name FROM actions a JOIN nodes nd ON"
                 " nd.id = a.node_id JOIN people p ON p.id = nd.person_id"
                 " WHERE a.text = '从人员榜的行动'", "王强");
    s = run(&sc, "p Enter H", NULL);
    assert_has(s, "History of Ad spend 广告消耗 at 泰国 TikTok 店 › 服饰 › 王强");
    free(s);
    s = run(&sc, "p Enter u", NULL);
    assert_has(s, "No override on Ad spend 广告消耗 at 泰国 TikTok 店");
    free(s);
    /* the people view's detail panel (Tab): its highlighted KPI */
    s = run(&sc, "p Tab Down a Enter text:人员榜详情写的 Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, NOTE_TARGET("人员榜详情写的"), "王强|cpm");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, a_scorecard_opens_on_the_worst_red_kpi)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "p Enter", NULL);
    assert_has(s, "\xe2\x96\xb8" "Ad spend");  /* 29%: the worst of four */
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, after_n_the_walked_kpi_is_annotated_and_overridden)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *msg = red_message(&sc, "n");
    cr_assert(strstr(msg, "王强") && strstr(msg, "Ad spend"), "%s", msg);
    free(msg);
    char *s = run(&sc, "n a Enter text:走查写的 Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, NOTE_TARGET("走查写的"), "王强|ad_spend");
    s = run(&sc, "n o", NULL);
    assert_lacks(s, "Choose a KPI first");
    assert_has(s, "Ad spend 广告消耗 at");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, n_inside_a_scorecard_walks_that_persons_reds)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *msg = red_message(&sc, "p Enter n");
    cr_assert(strstr(msg, "Red 2 of 4: 王强"), "%s", msg);
    free(msg);
    char *s = run(&sc, "p Enter n n n n", NULL);   /* round and back */
    assert_has(s, "(wrapped) Red 1 of 4: 王强");
    assert_has(s, "\xe2\x96\xb8" "Ad spend");
    assert_has(s, "── 王强 · Ad buyer");           /* still his card */
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, the_red_walk_goes_worst_first_or_in_tree_order)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    const char *keys[] = { "n", "n n", "n n n", "n n n n" };
    int last = -1;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char *msg = red_message(&sc, keys[i]);
        int att = red_attainment(msg);
        cr_assert(att >= last, "not worst first at '%s': %s (%d%% before)",
                  keys[i], msg, last);
        last = att;
        free(msg);
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd, "printf '[ui]\\nred_order = tree\\n' >> "
             "'%s/fupan/config.ini'", sc.dir);
    cr_assert_eq(system(cmd), 0);
    char *msg = red_message(&sc, "n");
    cr_assert(strstr(msg, "Red 1 of ") && strstr(msg, ": 菲律宾 Shopee 店 ")
              && strstr(msg, "GMV"), "tree order starts at the top: %s", msg);
    free(msg);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, search_then_scorecard_then_note)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "/ text:朱琳 Enter Enter a Enter text:搜索后写的 Enter",
                  NULL);
    assert_has(s, "Note saved");
    free(s);
    char *got = query(&sc, NOTE_TARGET("搜索后写的"));
    cr_assert(got && strncmp(got, "朱琳|", strlen("朱琳|")) == 0
              && strcmp(got, "朱琳|-") != 0, "%s", got ? got : "no note");
    free(got);
    fp_scratch_remove(&sc);
}

/* ---- nothing typed is lost -------------------------------------------- */

Test(tui_meeting, a_refused_override_value_keeps_the_prompt_open)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Tab o text:25500x Enter", NULL);
    assert_has(s, "Not a value (unexpected character after the number)");
    assert_has(s, "new value: 25500x");          /* still open, text kept */
    free(s);
    s = run(&sc, "Tab o text:25500x Enter BSpace text:0 Enter text:T+1 Enter",
            NULL);
    assert_has(s, "Override saved");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM overrides WHERE value = 255000",
                 "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, a_question_takes_only_its_answers)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    /* Ctrl-C asks; keys that are no answer are ignored; Enter keeps */
    char *s = run(&sc, "a Enter text:ready C-c text:abc", NULL);
    assert_has(s, "Throw the typed text away? (y/N)");
    free(s);
    s = run(&sc, "r C-c text:abc Enter text:_now Enter", NULL);
    assert_has(s, "Note saved");
    free(s);
    assert_query(&sc, "SELECT count(*) FROM notes WHERE text = 'ready_now'",
                 "1");
    fp_scratch_remove(&sc);
}

Test(tui_meeting, ctrl_c_in_the_browser_quits)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "C-c ?", NULL);
    assert_lacks(s, "is not bound");
    assert_lacks(s, "Keys ");                    /* ? came after the end */
    free(s);
    s = run(&sc, "/ text:王 C-c", NULL);         /* cancels a prompt */
    assert_lacks(s, "Search name:");
    free(s);
    fp_scratch_remove(&sc);
}

Test(tui_meeting, note_history_shows_each_version_in_full)
{
    scratch sc;
    fp_scratch_sample(&sc, "tuim", "陈静");
    char *s = run(&sc, "Down a Enter text:" NOTE_TEXT NOTE_TEXT NOTE_TEXT
                  NOTE_TEXT "结尾在这里 Enter v End H", NULL);
    assert_has(s, "written 陈静");
    assert_has(s, "结尾在这里");
    free(s);
    fp_scratch_remove(&sc);
}
