/* The TUI's entry points and main loop. Keys become actions through the
 * keymap; the top view handles an action first, then the table of ui-wide
 * handlers below. Only this loop draws and handles resizes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/text.h"
#include "storage/catalogue_versions.h"
#include "storage/check.h"
#include "tui/helptext.h"
#include "model/i18n.h"
#include "tui/screen.h"
#include "tui/ui.h"

#define POLL_MS 1000 /* data_version poll and clock tick */

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2, EXIT_INPUT = 3 };

/* ---- ui-wide actions --------------------------------------------------- */

static int act_quit(fp_ui *ui)
{
    return fp_meet_may_quit(ui) ? FP_R_QUIT : FP_R_REDRAW;
}
static int act_prev_week(fp_ui *ui) { return fp_nav_week(ui, -1); }
static int act_next_week(fp_ui *ui) { return fp_nav_week(ui, +1); }
static int act_goto_week(fp_ui *ui) { return fp_nav_goto_week(ui); }
static int act_next_red(fp_ui *ui) { return fp_nav_red(ui, +1); }
static int act_prev_red(fp_ui *ui) { return fp_nav_red(ui, -1); }
static int act_search(fp_ui *ui) { return fp_nav_search(ui); }

static int push_here(fp_ui *ui, const fp_view_ops *ops)
{
    fp_view *v = fp_ui_top(ui);
    fp_view_arg arg = { .node = v ? v->node : 0, .person = -1 };
    fp_ui_push(ui, ops, &arg);
    return FP_R_REDRAW;
}

static int act_help(fp_ui *ui) { return push_here(ui, &fp_view_help_ops); }

static int act_people(fp_ui *ui)
{
    return push_here(ui, &fp_view_people_ops);
}

static int act_refresh(fp_ui *ui)
{
    fp_ui_refresh(ui, true);
    fp_screen_repaint();
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Reloaded"));
    return FP_R_REDRAW;
}

static int act_cycle_theme(fp_ui *ui)
{
    const char *name = fp_theme_cycle(ui);
    fp_screen_repaint();
    fp_ui_msg(ui, FP_MSG_INFO, _("Theme: %s"), name);
    return FP_R_REDRAW;
}

static int act_toggle_currency(fp_ui *ui)
{
    if (ui->period != FP_PERIOD_WEEK && !ui->reporting) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("$ converts at one week's rates: a "
                  "month or quarter keeps each store's currency"));
        return FP_R_REDRAW;
    }
    ui->reporting = !ui->reporting;
    if (ui->reporting)
        fp_ui_msg(ui, FP_MSG_INFO, _("Money in %s, converted at the week's "
                  "rates ($: each store's own currency)"),
                  fp_ui_reporting_currency(ui));
    else
        fp_ui_msg(ui, FP_MSG_INFO, "%s",
                  _("Money in each store's own currency"));
    return FP_R_REDRAW;
}

static int (*const ui_actions[FP_ACT_COUNT])(fp_ui *ui) = {
    [FP_ACT_QUIT] = act_quit,
    [FP_ACT_HELP] = act_help,
    [FP_ACT_PREV_WEEK] = act_prev_week,
    [FP_ACT_NEXT_WEEK] = act_next_week,
    [FP_ACT_GOTO_WEEK] = act_goto_week,
    [FP_ACT_CYCLE_PERIOD] = fp_nav_cycle_period,
    [FP_ACT_NEXT_RED] = act_next_red,
    [FP_ACT_PREV_RED] = act_prev_red,
    [FP_ACT_SEARCH] = act_search,
    [FP_ACT_PEOPLE_VIEW] = act_people,
    [FP_ACT_REFRESH] = act_refresh,
    [FP_ACT_TOGGLE_CURRENCY] = act_toggle_currency,
    [FP_ACT_CYCLE_THEME] = act_cycle_theme,
    [FP_ACT_ANNOTATE] = fp_act_annotate,
    [FP_ACT_OVERRIDE] = fp_act_override,
    [FP_ACT_REVERT_OVERRIDE] = fp_act_revert_override,
    [FP_ACT_OVERRIDE_HISTORY] = fp_act_override_history,
    [FP_ACT_NEW_ACTION] = fp_act_new_action,
    [FP_ACT_LIST_ACTIONS] = fp_act_list_actions,
    [FP_ACT_MEETING] = fp_act_meeting,
    [FP_ACT_MINUTES_PREVIEW] = fp_act_minutes_preview,
    [FP_ACT_EXPORT_MINUTES] = fp_act_export_minutes,
    [FP_ACT_PUSH_MINUTES] = fp_act_push_minutes,
    [FP_ACT_COPY_MINUTES] = fp_act_copy_minutes,
    [FP_ACT_NOTES_VIEW] = fp_act_notes,
    [FP_ACT_WHATIF] = fp_act_whatif,
    [FP_ACT_KPI_REVIEW] = fp_act_kpi_review,
    [FP_ACT_EXPORT_TABLE] = fp_act_export_table,
};

/* ---- dispatch ---------------------------------------------------------- */

static int dispatch(fp_ui *ui, fp_action act)
{
    const fp_action_info *info = fp_action_get(act);
    if (info->needs_write && ui->read_only) {
        fp_ui_msg(ui, FP_MSG_WARN, _("Read-only: %s is not allowed"),
                  info->name);
        return FP_R_REDRAW;
    }
    if (!info->available) {
        fp_ui_msg(ui, FP_MSG_WARN, _("%s: not yet available"), info->name);
        return FP_R_REDRAW;
    }
    if (ui->period != FP_PERIOD_WEEK && (act == FP_ACT_OVERRIDE ||
                                         act == FP_ACT_REVERT_OVERRIDE)) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("An override is set on a week: "
                  "press P to go back to the week view"));
        return FP_R_REDRAW;
    }
    fp_view *v = fp_ui_top(ui);
    int r = v->ops->request(v, ui, act);
    if (!(r & FP_R_UNHANDLED))
        return r;
    if (ui_actions[act])
        return ui_actions[act](ui);
    fp_ui_msg(ui, FP_MSG_INFO, _("%s does nothing here"), info->name);
    return FP_R_REDRAW;
}

static int on_interrupt(fp_ui *ui);

static int on_key(fp_ui *ui, fp_key key)
{
    fp_view *v = fp_ui_top(ui);
    fp_keyctx ctx = v->ops->context ? v->ops->context(v) : v->ops->ctx;
    fp_action act = fp_keymap_lookup(ui->km, ctx, key);
    ui->msg[0] = '\0';
    if (act == FP_ACT_NONE && key == 3) /* raw mode: Ctrl-C, in order */
        return on_interrupt(ui);
    if (act == FP_ACT_NONE && (key & FP_KEY_ALT)) {
        /* Esc and a key typed fast read as Alt-key: unbound, take both */
        int r = on_key(ui, 27);
        if ((r & FP_R_QUIT) || ui->depth == 0 || ui->stop)
            return r;
        return r | on_key(ui, key & ~FP_KEY_ALT);
    }
    if (act == FP_ACT_NONE) {
        char name[48];
        fp_key_name(key, name, sizeof name);
        fp_ui_msg(ui, FP_MSG_INFO, _("Key %s is not bound (? shows the keys)"),
                  name);
        return FP_R_REDRAW;
    }
    return dispatch(ui, act);
}

static int on_event(fp_ui *ui, const fp_event *ev)
{
    fp_view *v = fp_ui_top(ui);
    switch (ev->type) {
    case FP_EV_KEY:
        return on_key(ui, ev->key);
    case FP_EV_MOUSE:
        ui->msg[0] = '\0';
        return v->ops->mouse ? v->ops->mouse(v, ui, ev) : FP_R_NONE;
    case FP_EV_RESIZE:
        fp_screen_apply_resize(ev);
        return FP_R_RESIZE | FP_R_REDRAW;
    case FP_EV_TIMEOUT:
        if (fp_ui_refresh(ui, false))
            fp_ui_msg(ui, FP_MSG_INFO, "%s",
                      _("The data changed in another window: reloaded"));
        fp_meet_tick(ui); /* notes the database refused: try again */
        return FP_R_REDRAW; /* the clock ticks */
    default:
        return FP_R_NONE;
    }
}

/* Ctrl-C in the browser quits like q (asking when notes wait). */
static int on_interrupt(fp_ui *ui)
{
    return fp_meet_may_quit(ui) ? FP_R_QUIT : FP_R_REDRAW;
}

/* Redraws with the sparklines the last frame left out (no key waited). */
static void fill_trends(fp_ui *ui)
{
    ui->trends_now = true;
    ui->trends_pending = false;
    fp_frame_draw(ui);
    ui->trends_now = false;
}

static void main_loop(fp_ui *ui)
{
    bool draw = true;
    while (!fp_meet_must_stop(ui)) {
        if (draw) {
            ui->trends_pending = false;
            fp_frame_draw(ui);
        }
        fp_event ev;
        fp_ui_next(ui, &ev, ui->trends_pending ? 0 : POLL_MS);
        draw = false;
        if (ev.type == FP_EV_TIMEOUT && ui->trends_pending) {
            fill_trends(ui);
            continue;
        }
        if (ev.type == FP_EV_END)
            ui->stop = true;
        int r = fp_meet_must_stop(ui) ? FP_R_QUIT : on_event(ui, &ev);
        if (fp_signal_interrupt())
            r |= on_interrupt(ui);
        if (r & FP_R_RELOAD)
            fp_ui_refresh(ui, true);
        if ((r & FP_R_QUIT) || ui->depth == 0)
            break;
        draw = r != FP_R_NONE;
    }
}

/* ---- start-up ---------------------------------------------------------- */

static fp_keymap *load_keymap(const char *explicit_path, const fp_config *cfg)
{
    fp_keymap *km = fp_keymap_new();
    char *path = fp_keymap_user_path(explicit_path,
                                     cfg ? cfg->keymap_file : NULL);
    if (km && path)
        fp_keymap_apply_file(km, path);
    free(path);
    return km;
}

static void report_keymap(fp_ui *ui)
{
    int n = fp_keymap_nmessages(ui->km);
    if (n == 1)
        fp_ui_msg(ui, FP_MSG_WARN, "%s", fp_keymap_message(ui->km, 0));
    else if (n > 1)
        fp_ui_msg(ui, FP_MSG_WARN, _("%s (and %d more problems: see ?)"),
                  fp_keymap_message(ui->km, 0), n - 1);
}

/* A damaged file is said at once, before anyone types into it; the
 * quick check runs only when the file changed since the last one. */
static void check_file(fp_ui *ui)
{
    char msg[512];
    int n = fp_check_if_changed(fp_review_db(ui->rv)->path, msg, sizeof msg);
    ui->file_sound = n == 0;
    if (n > 0)
        fp_ui_msg(ui, FP_MSG_ERROR, _("The database file is damaged: run "
                  "`fupan check` (%d problem(s): %s)"), n, msg);
}

/* A file that cannot be written now: say so before anything is typed. */
static void report_read_only_file(fp_ui *ui)
{
    const fp_db *db = fp_review_db(ui->rv);
    if (db->os_read_only)
        fp_ui_msg(ui, FP_MSG_WARN, _("%s is read-only: notes are kept here "
                  "and saved once it can be written"), db->path);
}

static bool start_ui(fp_ui *ui, const fp_tui_opts *opts)
{
    const fp_config *cfg = fp_review_config(ui->rv);
    ui->km = load_keymap(opts->keymap_path, cfg);
    if (!ui->km)
        return false;
    const char *ascii = getenv("FUPAN_ASCII"); /* for fonts without them */
    bool want_ascii = (ascii && *ascii) || (cfg && cfg->ascii_glyphs);
    ui->gl = fp_glyphs_get(ui->utf8 && !want_ascii);
    fp_theme_init(ui, cfg ? cfg->theme : NULL);
    ui->week = opts->week ? opts->week : fp_review_latest_week(ui->rv);
    if (!ui->week) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        ui->week = fp_week_of_date(tm.tm_year + 1900, tm.tm_mon + 1,
                                   tm.tm_mday);
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("No data yet: import with "
                  "`fupan import` (or `fupan init --sample`)"));
    }
    char err[512];   /* the catalogue version in force (issue 16) */
    if (!fp_review_use_week(ui->rv, ui->week, err, sizeof err))
        fp_ui_msg(ui, FP_MSG_WARN, "%s", err);
    fp_view_arg root = { .node = 0, .person = -1 };
    report_keymap(ui);
    check_file(ui);
    report_read_only_file(ui);
    fp_meet_init(ui);
    return fp_ui_push(ui, &fp_view_table_ops, &root);
}

/* "fupan: " + a message that may quote a config line, sanitised. */
static void print_error(const char *msg)
{
    fputs("fupan: ", stderr);
    fp_text_fputs(msg, stderr);
    fputc('\n', stderr);
}

/* A message of several lines (unsaved notes): each line sanitised. */
static void print_lines(char *msg)
{
    for (char *line = strtok(msg, "\n"); line; line = strtok(NULL, "\n")) {
        fp_text_fputs(line, stderr);
        fputc('\n', stderr);
    }
}

static int run_session(fp_ui *ui, const fp_tui_opts *opts)
{
    char err[512];
    bool headless = opts->headless_cols > 0;
    fp_screen *scr = fp_screen_open(opts->headless_cols, opts->headless_rows,
                                    err, sizeof err);
    if (!scr) {
        print_error(err);
        return EXIT_RUNTIME;
    }
    bool ok = start_ui(ui, opts);
    if (ok && !(fp_meet_offer_draft(ui) & FP_R_QUIT))
        main_loop(ui);
    if (ok && ui->meet.npending > 0)
        fp_meet_may_quit(ui); /* ended by a signal: kept notes to a file */
    if (ok && headless && !ui->dumped) {
        ui->trends_now = true;
        fp_frame_draw(ui); /* the final screen, as the last key left it */
        fp_screen_dump(stdout);
    }
    fp_ui_pop_all(ui);
    fp_annot_done(&ui->annot);
    fp_ui_stoploss_done(ui);
    fp_screen_close(scr);
    if (!ok)
        fprintf(stderr, "fupan: %s\n", _("cannot start the screen"));
    if (ui->meet.exit_msg[0])
        print_lines(ui->meet.exit_msg);
    fp_meet_done(ui);
    return ok ? EXIT_OK : EXIT_RUNTIME;
}

static fp_keysrc *open_keys(const fp_tui_opts *opts)
{
    char err[256];
    if (opts->headless_cols <= 0)
        return fp_keysrc_curses_new();
    fp_keysrc *src = fp_keysrc_script_new(opts->keys, err, sizeof err);
    if (!src)
        fprintf(stderr, "fupan: --keys: %s\n", err);
    return src;
}

int fp_tui_run(const fp_tui_opts *opts)
{
    fp_ui ui = { .opts = opts, .read_only = opts->read_only, .red_root = -1,
                 .red_node = -1, .red_kpi = -1, .start = (long)time(NULL),
                 .headless = opts->headless_cols > 0 };
    char err[512];
    ui.utf8 = fp_locale_init();
    fp_signals_install(); /* before curses, which then keeps them */
    ui.keys = open_keys(opts);
    if (!ui.keys)
        return EXIT_USAGE;
    bool bad_config = false;
    fp_review_opts ro = { .db_path = opts->db_path,
                          .config_path = opts->config_path,
                          .read_only = opts->read_only, .today = opts->today };
    ui.rv = fp_review_open_checked(&ro, &bad_config, err, sizeof err);
    if (!ui.rv) {
        print_error(err);
        fp_keysrc_free(ui.keys);
        return bad_config ? EXIT_INPUT : EXIT_RUNTIME;
    }
    /* never freeze on another process's write lock: a write that finds
     * it taken fails at once and is kept, and the main loop retries */
    fp_db_set_wait(fp_review_db(ui.rv), FP_DB_WAIT_TUI_MS);
    int rc = run_session(&ui, opts);
    char *path = strdup(fp_review_db(ui.rv)->path);
    fp_keymap_free(ui.km);
    fp_review_close(ui.rv);   /* the last connection: the WAL is folded in */
    if (path && rc == 0 && ui.file_sound && !ui.read_only)
        fp_check_mark_sound(path);
    free(path);
    fp_keysrc_free(ui.keys);
    return rc;
}

/* ---- --dump-keys ------------------------------------------------------- */

static void print_trimmed(FILE *out, const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    char *line = strndup(s, n);
    fp_text_fputs(line ? line : "", out);
    fputc('\n', out);
    free(line);
}

int fp_tui_dump_keys(FILE *out, const char *keymap_path)
{
    fp_help help;
    fp_locale_init();
    fp_keymap *km = load_keymap(keymap_path, NULL);
    if (!km || !fp_help_build(&help, km, false, false)) {
        fp_keymap_free(km);
        fprintf(stderr, "fupan: %s\n", _("out of memory"));
        return EXIT_RUNTIME;
    }
    for (int i = 0; i < fp_keymap_nmessages(km); i++)
        print_error(fp_keymap_message(km, i));
    for (int i = 0; i < help.n; i++)
        print_trimmed(out, help.lines[i].text);
    fp_help_done(&help);
    fp_keymap_free(km);
    return EXIT_OK;
}
