/* Attribution notes (归因): `a` picks a cause, then the editor; the note
 * is committed at once. When the database refuses it, the note is kept
 * in memory (and in the draft) and saved when the database allows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/editor.h"
#include "tui/grid.h"
#include "model/i18n.h"
#include "tui/picker.h"
#include "tui/ui.h"

#define NOTE_MAX_CHARS FP_NOTE_MAX_CHARS /* storage/meeting.h */

typedef struct {
    long long node_id;
    const char *kpi;        /* KPI id or NULL */
    const char *cause;
    char kind[32];          /* "note" or "note:ID" for an edit */
} note_draft;

static void draft_note(fp_ui *ui, void *ctx, const char *text)
{
    note_draft *d = ctx;
    fp_meet_draft_save(ui, d->kind, d->node_id, d->kpi, d->cause, text);
}

/* ---- the cause picker -------------------------------------------------- */

static bool fill_causes(fp_ui *ui, fp_picklist *p)
{
    const fp_catalogue *cat = fp_ui_cat(ui);
    for (int i = 0; i < cat->ncauses; i++) {
        const fp_cause *c = &cat->causes[i];
        /* the language's label in a column, the other after it */
        const char *first = fp_ui_label(ui, c->label, c->label_zh);
        const char *other = first == c->label ? c->label_zh : c->label;
        if (!ui->utf8 || !other || strcmp(other, first) == 0)
            other = "";
        char col[128], label[512];
        fp_text_fit(first, 16, true, col, sizeof col);
        snprintf(label, sizeof label, "%s %s  (%s)", col, other, c->id);
        if (!fp_picklist_add(p, c->id, label, c->label_zh))
            return false;
    }
    return true;
}

/* Returns a new string with the chosen cause code, NULL when cancelled. */
static char *pick_cause(fp_ui *ui, const char *current, const char *what)
{
    fp_picklist p;
    char title[512], *out = NULL;
    fp_picklist_init(&p, false);
    if (fill_causes(ui, &p)) {
        fp_picklist_select_key(&p, current);
        snprintf(title, sizeof title, _("Cause %s %s"), ui->gl->dot, what);
        if (fp_picker_run(ui, &p, title) && fp_picklist_current(&p))
            out = strdup(fp_picklist_current(&p)->key);
    }
    fp_picklist_done(&p);
    return out;
}

/* ---- saving ------------------------------------------------------------ */

static int store(fp_ui *ui, const note_draft *d, long long edit_id,
                 const char *text)
{
    fp_db *db = fp_review_db(ui->rv);
    fp_pending_note p = { ui->week, d->node_id, (char *)d->kpi,
                          (char *)d->cause, (char *)text,
                          (char *)fp_meet_author(ui), edit_id,
                          .kind = FP_PENDING_NOTE };
    bool ok;
    if (edit_id > 0) {
        ok = fp_note_edit(db, edit_id, p.cause, p.text, p.author);
    } else {
        ok = fp_meet_ensure_meeting(ui)
             && fp_note_add(db, p.week, p.node_id, p.kpi, p.cause, p.text,
                            p.author) > 0;
    }
    if (ok) {
        fp_meet_draft_discard(ui, d->kind);
        fp_meet_after_write(ui);
        fp_ui_msg(ui, FP_MSG_INFO, "%s", edit_id > 0 ? _("Note changed "
                  "(the old version is kept)") : _("Note saved"));
        return FP_R_REDRAW;
    }
    char why[512];
    fp_meet_write_failed(ui, why, sizeof why);
    if (!fp_meet_keep_note(ui, p.week, p.node_id, p.kpi, p.cause, p.text,
                           edit_id))
        fp_ui_msg(ui, FP_MSG_ERROR, _("Note NOT saved (%s) and out of "
                  "memory: copy it from the draft"), why);
    else
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not saved yet (%s): the note is kept "
                  "and saved as soon as the database allows"), why);
    return FP_R_REDRAW;
}

static void editor_title(fp_ui *ui, int node, int kpi, const char *cause,
                         long long edit_id, char *out, size_t outsz)
{
    char where[512], klabel[160] = "";
    fp_meet_node_label(ui, node, where, sizeof where);
    if (kpi >= 0)
        fp_kpi_label(ui, kpi, klabel, sizeof klabel);
    snprintf(out, outsz, "%s %s %s%s%s %s %s",
             edit_id > 0 ? _("Edit note") : _("Note"), ui->gl->dot, where,
             kpi >= 0 ? ui->gl->crumb_sep : "", klabel, ui->gl->dot,
             fp_meet_cause_label(ui, cause));
}

int fp_meet_write_note(fp_ui *ui, int node, int kpi, long long edit_id,
                       const char *cause, const char *text)
{
    const fp_catalogue *cat = fp_ui_cat(ui);
    char title[1024], *chosen = NULL, *typed = NULL;
    note_draft d = { fp_ui_tree(ui)->nodes[node].db_id,
                     kpi >= 0 ? cat->kpis[kpi].id : NULL, cause, "note" };
    if (edit_id > 0)
        snprintf(d.kind, sizeof d.kind, "note:%lld", edit_id);
    if (!cause || fp_catalogue_cause(cat, cause) < 0 || edit_id > 0) {
        fp_meet_node_label(ui, node, title, sizeof title);
        if (!(chosen = pick_cause(ui, cause, title)))
            return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
        d.cause = chosen;
    }
    editor_title(ui, node, kpi, d.cause, edit_id, title, sizeof title);
    fp_editor_opts o = { .title = title, .text = text, .multiline = true,
                         .max_chars = NOTE_MAX_CHARS, .draft = draft_note,
                         .ctx = &d, .unsaved_start = ui->meet.restoring };
    fp_ed_result res = fp_editor_run(ui, &o, &typed);
    int r = FP_R_REDRAW;
    if (res == FP_ED_SAVED) {
        r = store(ui, &d, edit_id, typed);
    } else if (res == FP_ED_CANCELLED) {
        fp_meet_draft_discard(ui, d.kind);
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Nothing saved"));
    } else {
        r = FP_R_QUIT; /* the draft holds the text */
    }
    free(typed);
    free(chosen);
    return r;
}

int fp_act_annotate(fp_ui *ui)
{
    int node, kpi;
    if (!fp_meet_target(ui, &node, &kpi))
        return FP_R_REDRAW;
    return fp_meet_write_note(ui, node, kpi, 0, NULL, NULL);
}
