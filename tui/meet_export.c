/* x: the rows of the view on screen into a file for a spreadsheet,
 * named after the week and the view (fupan-2026-W47-people.csv), in the
 * config's [export] folder (else the current one) and [export] format
 * (csv, xlsx or json; csv when unset). The rows come from
 * storage/export.h: the TUI writes no SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "storage/export.h"
#include "tui/ui.h"

/* A scorecard: the person's card (the cursor is on one of their nodes;
 * the view may be opened on the node above them, from the people). */
static bool person_of_view(fp_ui *ui, fp_export_req *req)
{
    fp_view *v = fp_ui_top(ui);
    int node = -1, kpi = -1;
    v->ops->cursor(v, ui, &node, &kpi);
    if (node < 0 || fp_ui_tree(ui)->nodes[node].person < 0)
        return false;
    req->scope = FP_XS_PERSON;
    req->person = fp_ui_tree(ui)->nodes[node].person;
    return true;
}

/* What the view on top shows, as an export request; false when the
 * view shows no table (help, a text). */
static bool request_of_view(fp_ui *ui, fp_export_req *req)
{
    const fp_view *v = fp_ui_top(ui);
    *req = (fp_export_req){ .from = ui->week, .to = ui->week,
                            .node = v->node >= 0 ? v->node : 0 };
    if (v->ops == &fp_view_table_ops)
        req->scope = FP_XS_CHILDREN;
    else if (v->ops == &fp_view_people_ops)
        req->scope = FP_XS_PEOPLE;
    else if (v->ops == &fp_view_person_ops)
        return person_of_view(ui, req);
    else if (v->ops == &fp_view_notes_ops)
        req->kind = FP_EXP_NOTES;
    else if (v->ops == &fp_view_actions_ops)
        req->kind = FP_EXP_ACTIONS;
    else
        return false;
    return true;
}

/* [export] format; false with a message when it is none of them. */
static bool config_format(fp_ui *ui, fp_export_format *fmt)
{
    const fp_config *cfg = fp_review_config(ui->rv);
    const char *name = cfg && cfg->export_format ? cfg->export_format : "csv";
    if (fp_export_format_parse(name, fmt))
        return true;
    fp_ui_msg(ui, FP_MSG_ERROR, _("[export] format: '%s' is not csv, xlsx "
              "or json"), name);
    return false;
}

/* folder/fupan-WEEK-VIEW.EXT; "~/" in the folder is $HOME. */
static void export_path(fp_ui *ui, fp_export_format fmt, char *out,
                        size_t outsz)
{
    const fp_config *cfg = fp_review_config(ui->rv);
    const char *dir = cfg && cfg->export_folder && *cfg->export_folder
                      ? cfg->export_folder : NULL;
    char week[FP_WEEK_STR], folder[3072] = "";
    if (dir) /* else the current folder: the name alone */
        fp_meet_expand_home(dir, folder, sizeof folder);
    fp_week_format(ui->week, week);
    snprintf(out, outsz, "%s%sfupan-%s-%s.%s", folder, *folder ? "/" : "", week,
             fp_ui_top(ui)->ops->name, fp_export_format_ext(fmt));
}

int fp_act_export_table(fp_ui *ui)
{
    fp_export_req req;
    fp_export_format fmt;
    char path[4096], err[1024];
    if (!request_of_view(ui, &req)) {
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("This view has no table to "
                  "export (x works in the tables, people, notes, actions)"));
        return FP_R_REDRAW;
    }
    if (!config_format(ui, &fmt))
        return FP_R_REDRAW;
    export_path(ui, fmt, path, sizeof path);
    if (!fp_meet_may_overwrite(ui, path))
        return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
    long rows = fp_export_to_file(ui->rv, &req, path, fmt, err, sizeof err);
    if (rows < 0)
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not exported: %s"), err);
    else
        fp_ui_msg(ui, FP_MSG_INFO, P_("%ld row written to %s",
                  "%ld rows written to %s", rows), rows, path);
    return FP_R_REDRAW;
}
