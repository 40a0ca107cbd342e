/* The minutes in the TUI: `m` previews the minutes of the week (or the
 * month, quarter) on screen (text), `e` exports them to a file (Markdown
 * when the name ends in .md), `P` pushes the week's chat minutes to a
 * group bot of the config, `y` copies them to the clipboard (OSC 52:
 * over SSH, and in tmux with set-clipboard). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storage/config_push.h"
#include "storage/minutes_data.h"
#include "storage/push.h"
#include "storage/sha256.h"
#include "model/i18n.h"
#include "tui/meet.h"
#include "tui/ui.h"

int fp_act_minutes_preview(fp_ui *ui)
{
    char err[256], week[FP_PERIOD_STR], title[128];
    char *text = fp_minutes_build_period(ui->rv, fp_ui_period(ui), 0, err,
                                         sizeof err);
    if (!text) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("No minutes: %s"), err);
        return FP_R_REDRAW;
    }
    fp_period_format(fp_ui_period(ui), week);
    snprintf(title, sizeof title, _("Minutes %s (e exports them)"), week);
    fp_text_view_open(ui, title, text, true);
    free(text);
    return FP_R_REDRAW;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

static bool write_file(const char *path, const char *text, char *err,
                       size_t errsz)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
        snprintf(err, errsz, "%s", strerror(errno));
        return false;
    }
    return true;
}

static int export_to(fp_ui *ui, const char *path)
{
    char err[256];
    int format = ends_with(path, ".md") || ends_with(path, ".markdown");
    if (!fp_meet_may_overwrite(ui, path))
        return FP_R_REDRAW;
    char *text = fp_minutes_build_period(ui->rv, fp_ui_period(ui), format,
                                         err, sizeof err);
    if (!text) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("No minutes: %s"), err);
        return FP_R_REDRAW;
    }
    if (write_file(path, text, err, sizeof err))
        fp_ui_msg(ui, FP_MSG_INFO, _("Minutes written to %s (%s)"), path,
                  format ? "Markdown" : _("text"));
    else
        fp_ui_msg(ui, FP_MSG_ERROR, _("Cannot write %s: %s"), path, err);
    free(text);
    return FP_R_REDRAW;
}

int fp_act_export_minutes(fp_ui *ui)
{
    char week[FP_PERIOD_STR], start[64], answer[1024], path[4096];
    fp_period_format(fp_ui_period(ui), week);
    snprintf(start, sizeof start, "~/fupan-minutes-%s.txt", week);
    if (!fp_prompt_with(ui, _("Export the minutes to (.md: Markdown): "),
                        start, answer, sizeof answer) || !*answer)
        return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
    fp_meet_expand_home(answer, path, sizeof path);
    return export_to(ui, path);
}

/* ---------------------------------------------------------------- push */

/* The target to push to: the only one (after a yes), or the one picked
 * by its number; NULL (message set) for none. */
static const fp_push_target *choose_target(fp_ui *ui, const fp_config *cfg)
{
    char q[1024], keys[10];
    size_t n = cfg && cfg->npush < 9 ? cfg->npush : cfg ? 9 : 0;
    if (n == 0) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("No group bot: add a [push NAME] "
                  "section to the config (see fupan push --help)"));
        return NULL;
    }
    int len = snprintf(q, sizeof q, "%s", n == 1 ? "" : _("Push to:"));
    for (size_t i = 0; n > 1 && i < n && len < (int)sizeof q; i++)
        len += snprintf(q + len, sizeof q - (size_t)len, " %zu %s (%s)",
                        i + 1, cfg->push[i].name, cfg->push[i].kind);
    if (n == 1)
        snprintf(q, sizeof q, _("Push the chat minutes to %s (%s)? (y/N) "),
                 cfg->push[0].name, cfg->push[0].kind);
    for (size_t i = 0; i < n; i++)
        keys[i] = (char)('1' + i);
    keys[n] = '\0';
    int a = fp_ask(ui, q, n == 1 ? "yn" : keys);
    if (n == 1 ? a == 'y' : a >= '1' && a < '1' + (int)n)
        return &cfg->push[n == 1 ? 0 : a - '1'];
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Not pushed"));
    return NULL;
}

static void push_to(fp_ui *ui, const fp_push_target *t)
{
    char err[600] = "";
    const char *env = getenv("FUPAN_PUSH_SECRET");
    fp_push_dest d = {.url = t->url,
                      .secret = t->secret ? t->secret : env};
    size_t n = 0, sent = 0;
    char **msgs = fp_chat_platform_parse(t->kind, &d.kind)
        ? fp_minutes_build_platform(ui->rv, ui->week, d.kind, 0, &n, err,
                                    sizeof err)
        : NULL;
    if (!msgs) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not pushed: %s"), err);
        return;
    }
    while (sent < n && fp_push_send(&d, msgs[sent], err, sizeof err) == 0)
        sent++;
    fp_chat_messages_free(msgs);
    if (sent == n)
        fp_ui_msg(ui, FP_MSG_INFO, _("Chat minutes pushed to %s (%s)"),
                  t->name, t->kind);
    else
        fp_ui_msg(ui, FP_MSG_ERROR, _("Push to %s failed: %s"), t->name,
                  err);
}

int fp_act_push_minutes(fp_ui *ui)
{
    const fp_push_target *t = choose_target(ui, fp_review_config(ui->rv));
    if (t)
        push_to(ui, t);
    return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
}

/* ---------------------------------------------------------------- copy */

/* OSC 52: the terminal (or tmux) puts the text on its clipboard. */
static bool osc52(const char *text)
{
    size_t n = strlen(text);
    char *b64 = malloc(4 * ((n + 2) / 3) + 1);
    if (!b64)
        return false;
    fp_base64(text, n, b64);
    bool ok = printf("\033]52;c;%s\a", b64) > 0 && fflush(stdout) == 0;
    free(b64);
    return ok;
}

int fp_act_copy_minutes(fp_ui *ui)
{
    char err[256];
    char *text = fp_minutes_build(ui->rv, ui->week, 2, err, sizeof err);
    if (!text) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("No minutes: %s"), err);
        return FP_R_REDRAW;
    }
    if (ui->headless)
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("No terminal to copy to"));
    else if (osc52(text))
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Chat minutes copied to the "
                  "clipboard (OSC 52)"));
    else
        fp_ui_msg(ui, FP_MSG_ERROR, "%s", _("Cannot copy to the clipboard"));
    free(text);
    return FP_R_REDRAW;
}
