/* Q in the browser: the quarterly review of the KPI system for the
 * quarter that holds the week on screen (storage/quarter_data.c).
 * W in the browser: the scorecards of the node in view under changed
 * catalogue keys, typed in ("kpi.roas.amber=80; role.host.kpis=gmv:50
 * cvr:50"), side by side with the catalogue in use (storage/whatif.c).
 * Read in a session of its own: the browser's data stays as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "storage/catalogue_versions.h"
#include "storage/quarter_data.h"
#include "storage/whatif.h"
#include "tui/meet.h"
#include "tui/ui.h"

#define MAX_CHANGES 16

typedef struct {
    fp_catalogue_set sets[MAX_CHANGES];
    char text[MAX_CHANGES][512];
    int n;
} changes;

/* "a.b=c; d.e=f" -> changes; false (message shown) when one is bad. */
static bool parse_changes(fp_ui *ui, char *line, changes *c)
{
    c->n = 0;
    for (char *part = strtok(line, ";"); part; part = strtok(NULL, ";")) {
        part += strspn(part, " ");
        size_t len = strlen(part);
        while (len && part[len - 1] == ' ')
            part[--len] = '\0';
        if (!len)
            continue;
        if (c->n == MAX_CHANGES ||
            !fp_catalogue_parse_set(part, c->text[c->n], sizeof c->text[0],
                                    &c->sets[c->n])) {
            fp_ui_msg(ui, FP_MSG_ERROR, _("What-if: '%s' is not "
                      "SECTION.KEY=VALUE"), part);
            return false;
        }
        c->n++;
    }
    return c->n > 0;
}

/* A read-only session of its own on the browser's database and config. */
static fp_review *own_session(fp_ui *ui, char *err, size_t errsz)
{
    fp_review_opts ro = {.db_path = fp_review_db(ui->rv)->path,
                         .config_path = ui->opts->config_path,
                         .read_only = true, .today = ui->opts->today};
    return fp_review_open(&ro, err, errsz);
}

/* The comparison as text (malloc'd), NULL with the message in err. */
static char *compare_text(fp_ui *ui, const changes *c, char *err,
                          size_t errsz)
{
    fp_review *rv = own_session(ui, err, errsz);
    char *text = NULL;
    size_t size = 0;
    FILE *out = rv ? open_memstream(&text, &size) : NULL;
    fp_whatif_req req = {.sets = c->sets, .nsets = c->n,
                         .root = fp_ui_top(ui)->node};
    bool ok = out && fp_review_use_week(rv, ui->week, err, errsz) &&
              fp_whatif_run(rv, ui->week, &req, out, err, errsz) ==
                  FP_WHATIF_OK;
    if (out && fclose(out) != 0)
        ok = false;
    fp_review_close(rv);
    if (!ok) {
        free(text);
        return NULL;
    }
    return text;
}

int fp_act_whatif(fp_ui *ui)
{
    char line[2048], typed[2048], err[1024] = "";
    changes c;
    if (!fp_prompt(ui, _("What-if (kpi.roas.amber=80; ...): "), line,
                   sizeof line))
        return FP_R_REDRAW;
    snprintf(typed, sizeof typed, "%s", line);
    if (!parse_changes(ui, line, &c))
        return FP_R_REDRAW;
    char *text = compare_text(ui, &c, err, sizeof err);
    if (!text) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("What-if: %s"), err);
        return FP_R_REDRAW;
    }
    char title[128];
    snprintf(title, sizeof title, _("What-if: %s"), typed);
    fp_text_view_open(ui, title, text, false);
    free(text);
    return FP_R_REDRAW;
}

/* The review as text (malloc'd) under *title; NULL with err. */
static char *review_text(fp_ui *ui, char *title, size_t titlesz, char *err,
                         size_t errsz)
{
    bool no_data;
    fp_period q = fp_period_at(ui->week, FP_PERIOD_QUARTER);
    fp_review *rv = own_session(ui, err, errsz);
    fp_kpi_review *kr = rv ? fp_quarter_review(rv, q.year, q.num, title,
                                               titlesz, err, errsz, &no_data)
                           : NULL;
    char *text = NULL;
    size_t size = 0;
    FILE *out = kr ? open_memstream(&text, &size) : NULL;
    if (out) {
        fp_kpi_review_write(kr, title, FP_KPI_REVIEW_TEXT, out);
        if (fclose(out) != 0) {
            free(text);
            text = NULL;
        }
    }
    if (kr && !text)
        snprintf(err, errsz, "out of memory");
    fp_kpi_review_free(kr);
    fp_review_close(rv);
    return text;
}

int fp_act_kpi_review(fp_ui *ui)
{
    char title[256], err[1024] = "";
    char *text = review_text(ui, title, sizeof title, err, sizeof err);
    if (!text) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("KPI review: %s"), err);
        return FP_R_REDRAW;
    }
    fp_text_view_open(ui, title, text, false);
    free(text);
    return FP_R_REDRAW;
}
