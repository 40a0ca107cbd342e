/* The minutes in the TUI: `m` previews the minutes of the week (or the
 * month, quarter) on screen (text), `e` exports them to a file (Markdown
 * when the name ends in .md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storage/minutes_data.h"
#include "model/i18n.h"
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

/* "~/x" -> "$HOME/x". */
static void expand_home(const char *in, char *out, size_t outsz)
{
    const char *home = getenv("HOME");
    if (in[0] == '~' && (in[1] == '/' || !in[1]) && home)
        snprintf(out, outsz, "%s%s", home, in + 1);
    else
        snprintf(out, outsz, "%s", in);
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
    if (access(path, F_OK) == 0) {
        char q[4200];
        snprintf(q, sizeof q, _("%s exists. Overwrite it? (y/N) "), path);
        if (fp_ask(ui, q, "yn") != 'y') {
            fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Not exported"));
            return FP_R_REDRAW;
        }
    }
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
    expand_home(answer, path, sizeof path);
    return export_to(ui, path);
}
