/* Overrides (人工修正): `o` sets a value with a required reason, `u`
 * reverts with a reason, `H` shows the history of the value. Values parse
 * like an import (model/number.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/format.h"
#include "model/number.h"
#include "model/value_check.h"
#include "tui/editor.h"
#include "tui/grid.h"
#include "tui/format.h"
#include "model/i18n.h"
#include "tui/ui.h"

#define REASON_MAX_CHARS 500

/* The cell under the cursor. */
typedef struct {
    int node, kpi;
    long long node_id;
    const fp_kpi *def;
    const fp_cell *cell;
    char where[512], label[160], cur[64];
} cell_ref;

static bool cell_at(fp_ui *ui, int node, int kpi, cell_ref *c)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    c->node = node;
    c->kpi = kpi;
    if (!r || node < 0)
        return false;
    if (c->kpi < 0) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("Choose a KPI first: Tab moves "
                  "to the detail panel"));
        return false;
    }
    c->node_id = fp_ui_tree(ui)->nodes[c->node].db_id;
    c->def = &fp_ui_cat(ui)->kpis[c->kpi];
    c->cell = fp_rollup_cell(r, c->node, c->kpi);
    fp_meet_node_label(ui, c->node, c->where, sizeof c->where);
    fp_kpi_label(ui, c->kpi, c->label, sizeof c->label);
    fp_fmt_kpi(c->def, c->cell->value, fp_row_currency(ui, c->node), c->cur,
               sizeof c->cur);
    return true;
}

static bool cell_at_cursor(fp_ui *ui, cell_ref *c)
{
    int node, kpi;
    return fp_meet_target(ui, &node, &kpi) && cell_at(ui, node, kpi, c);
}

/* ---- the reason -------------------------------------------------------- */

typedef struct {
    const cell_ref *c;
    const char *value;      /* the new value as typed, kept in the draft */
} reason_draft;

static void draft_reason(fp_ui *ui, void *ctx, const char *text)
{
    reason_draft *d = ctx;
    fp_meet_draft_save(ui, "override", d->c->node_id, d->c->def->id,
                       d->value, text);
}

/* A new string with the reason, NULL when cancelled (*stopped set when
 * the ui must end). */
static char *ask_reason(fp_ui *ui, const char *title, const char *info,
                        reason_draft *d, const char *start, bool *stopped)
{
    char *reason = NULL;
    fp_editor_opts o = { .title = title, .info = info, .text = start,
                         .max_chars = REASON_MAX_CHARS,
                         .draft = d ? draft_reason : NULL, .ctx = d,
                         .unsaved_start = ui->meet.restoring };
    fp_ed_result res = fp_editor_run(ui, &o, &reason);
    *stopped = res == FP_ED_STOPPED;
    if (res != FP_ED_SAVED) {
        free(reason);
        return NULL;
    }
    return reason;
}

/* ---- o: override ------------------------------------------------------- */

/* Asks until the text is a value or the prompt is cancelled; a refused
 * text stays in the prompt, which says what is wrong with it. */
static bool ask_value(fp_ui *ui, const cell_ref *c, const char *start,
                      char *text, size_t textsz, double *value)
{
    char src[64], label[1024], refused[512];
    fp_format_value(c->def, c->cell->source, src, sizeof src);
    snprintf(label, sizeof label, _("%s at %s: now %s (source %s). New "
             "value: "), c->label, c->where, c->cur, src);
    const char *ask = label;
    snprintf(text, textsz, "%s", start ? start : "");
    for (;;) {
        if (!fp_prompt_with(ui, ask, text, text, textsz) || !*text)
            return false;
        const char *why = NULL;
        fp_num_status st = fp_parse_value(text, c->def->unit
                                          == FP_UNIT_PERCENT, value, &why);
        char range[256];
        if (st == FP_NUM_OK && fp_kpi_value_sane(c->def, *value, range,
                                                 sizeof range))
            return true;
        if (st == FP_NUM_OK)
            why = range;
        snprintf(refused, sizeof refused, _("Not a value (%s). %s, new "
                 "value: "), st == FP_NUM_EMPTY ? _("empty")
                 : why ? why : _("not a number"), c->label);
        ask = refused;
    }
}

/* The database is locked by another writer: the override waits with the
 * kept notes (tui/draft.c) and is written when the lock frees. */
static int keep_override(fp_ui *ui, const cell_ref *c, double value,
                         const char *reason)
{
    char why[512];
    fp_meet_write_failed(ui, why, sizeof why);
    if (fp_meet_keep_override(ui, ui->week, c->node_id, c->def->id, value,
                              c->cell->source, reason))
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not saved yet (%s): the override is "
                  "kept and saved as soon as the database allows"), why);
    else
        fp_ui_msg(ui, FP_MSG_ERROR, _("Override NOT saved (%s): the reason "
                  "stays in the draft"), why);
    return FP_R_REDRAW;
}

static int store_override(fp_ui *ui, const cell_ref *c, double value,
                          const char *reason)
{
    fp_db *db = fp_review_db(ui->rv);
    char from[64], to[64];
    fp_format_value(c->def, c->cell->source, from, sizeof from);
    fp_format_value(c->def, value, to, sizeof to);
    bool ok = fp_meet_ensure_meeting(ui) &&
              fp_override_set(db, ui->week, c->node_id, c->def->id, value,
                              c->cell->source, reason,
                              fp_meet_author(ui)) >= 0;
    if (!ok && db->busy) /* another process's lock: wait in the queue */
        return keep_override(ui, c, value, reason);
    if (!ok) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Override NOT saved (%s): the reason "
                  "stays in the draft"), db->err);
        return FP_R_REDRAW;
    }
    fp_meet_draft_discard(ui, "override");
    fp_meet_after_write(ui);
    fp_ui_msg(ui, FP_MSG_INFO, _("Override saved: %s at %s %s %s %s"),
              fp_ui_label(ui, c->def->label, c->def->label_zh), c->where, from,
              ui->gl->arrow, to);
    return FP_R_REDRAW;
}

/* The override flow, from a value and reason to start from (a draft). */
static int override_cell(fp_ui *ui, const cell_ref *c, const char *value0,
                         const char *reason0)
{
    char text[128], title[1024], info[512], to[64];
    double value;
    bool stopped;
    if (!ask_value(ui, c, value0, text, sizeof text, &value))
        return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
    fp_format_value(c->def, value, to, sizeof to);
    snprintf(title, sizeof title, _("Reason for the override (required) %s "
             "%s%s%s"), ui->gl->dot, c->where, ui->gl->crumb_sep, c->label);
    snprintf(info, sizeof info, "%s %s %s", c->cur, ui->gl->arrow, to);
    reason_draft d = { c, text };
    char *reason = ask_reason(ui, title, info, &d, reason0, &stopped);
    if (!reason) {
        if (!stopped) {
            fp_meet_draft_discard(ui, "override");
            fp_ui_msg(ui, FP_MSG_INFO, "%s", _("No override: nothing saved"));
        }
        return stopped ? FP_R_QUIT : FP_R_REDRAW;
    }
    int r = store_override(ui, c, value, reason);
    free(reason);
    return r;
}

int fp_act_override(fp_ui *ui)
{
    cell_ref c;
    return cell_at_cursor(ui, &c) ? override_cell(ui, &c, NULL, NULL)
                                  : FP_R_REDRAW;
}

int fp_meet_restore_override(fp_ui *ui, int node, int kpi,
                             const char *value, const char *reason)
{
    cell_ref c;
    return cell_at(ui, node, kpi, &c) ? override_cell(ui, &c, value, reason)
                                      : FP_R_REDRAW;
}

/* ---- u: revert --------------------------------------------------------- */

static bool has_active(fp_ui *ui, const cell_ref *c, double *value)
{
    fp_override_list list;
    if (!fp_override_list_get(fp_review_db(ui->rv), ui->week, c->node_id,
                              c->def->id, &list))
        return false;
    bool active = list.n > 0 && !list.items[0].reverted_at;
    if (active)
        *value = list.items[0].value;
    fp_override_list_done(&list);
    return active;
}

int fp_act_revert_override(fp_ui *ui)
{
    cell_ref c;
    double value;
    bool stopped;
    if (!cell_at_cursor(ui, &c))
        return FP_R_REDRAW;
    if (!has_active(ui, &c, &value)) {
        fp_ui_msg(ui, FP_MSG_WARN, _("No override on %s at %s"), c.label,
                  c.where);
        return FP_R_REDRAW;
    }
    char title[1024], info[512], src[64];
    fp_format_value(c.def, c.cell->source, src, sizeof src);
    snprintf(title, sizeof title, _("Reason for the revert (required) %s "
             "%s%s%s"), ui->gl->dot, c.where, ui->gl->crumb_sep, c.label);
    snprintf(info, sizeof info, _("%s %s back to the source %s"), c.cur,
             ui->gl->arrow, src);
    char *reason = ask_reason(ui, title, info, NULL, NULL, &stopped);
    if (!reason)
        return stopped ? FP_R_QUIT : FP_R_REDRAW;
    fp_db *db = fp_review_db(ui->rv);
    if (!fp_override_revert(db, ui->week, c.node_id, c.def->id, reason,
                            fp_meet_author(ui)))
        fp_ui_msg(ui, FP_MSG_ERROR, _("Revert NOT saved: %s"), db->err);
    else {
        fp_meet_after_write(ui);
        fp_ui_msg(ui, FP_MSG_INFO, _("Override reverted: %s at %s is %s "
                  "again"), fp_ui_label(ui, c.def->label, c.def->label_zh),
                  c.where, src);
    }
    free(reason);
    return FP_R_REDRAW;
}

/* ---- H: history -------------------------------------------------------- */

static void history_line(fp_ui *ui, const cell_ref *c,
                         const fp_override_rec *o, fp_buf *b)
{
    char when[32], val[64], orig[64];
    fp_meet_time(o->created_at, when, sizeof when);
    fp_format_value(c->def, o->value, val, sizeof val);
    fp_format_value(c->def, o->original, orig, sizeof orig);
    fp_buf_printf(b, "%s  %s %s %s  %s  %s: %s\n", when, orig, ui->gl->arrow,
                  val, o->reverted_at ? _("reverted") : _("active"),
                  o->author, o->reason);
    if (o->reverted_at) {
        fp_meet_time(o->reverted_at, when, sizeof when);
        fp_buf_printf(b, "  %s  %s %s: %s\n", when, _("reverted by"),
                      o->reverted_by ? o->reverted_by : "?",
                      o->revert_reason ? o->revert_reason : "");
    }
}

int fp_act_override_history(fp_ui *ui)
{
    cell_ref c;
    fp_override_list list;
    if (!cell_at_cursor(ui, &c))
        return FP_R_REDRAW;
    if (!fp_override_list_get(fp_review_db(ui->rv), ui->week, c.node_id,
                              c.def->id, &list)) {
        fp_ui_msg(ui, FP_MSG_ERROR, "%s", fp_review_db(ui->rv)->err);
        return FP_R_REDRAW;
    }
    fp_buf b;
    char title[1024], src[64];
    fp_buf_init(&b);
    fp_format_value(c.def, c.cell->source, src, sizeof src);
    fp_buf_printf(&b, _("Now %s, source %s. Newest first.\n\n"), c.cur, src);
    for (size_t i = 0; i < list.n; i++)
        history_line(ui, &c, &list.items[i], &b);
    if (list.n == 0)
        fp_buf_add(&b, _("Never overridden.\n"));
    snprintf(title, sizeof title, _("History of %s at %s"), c.label, c.where);
    fp_text_view_open(ui, title, fp_buf_str(&b), false);
    fp_buf_done(&b);
    fp_override_list_done(&list);
    return FP_R_REDRAW;
}
