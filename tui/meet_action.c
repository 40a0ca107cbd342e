/* Action items: `t` creates one (text, owner, due week), linked to the
 * node under the cursor; the list `A` is in view_actions.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "tui/editor.h"
#include "tui/grid.h"
#include "model/i18n.h"
#include "tui/picker.h"
#include "tui/ui.h"

#define ACTION_MAX_CHARS 1000

bool fp_meet_fill_people(fp_ui *ui, fp_picklist *p)
{
    const fp_tree *t = fp_ui_tree(ui);
    const fp_catalogue *cat = fp_ui_cat(ui);
    for (int i = 0; i < t->npeople; i++) {
        const fp_person *pe = &t->people[i];
        int ri = pe->role ? fp_catalogue_role(cat, pe->role) : -1;
        const char *role = ri >= 0 ? fp_ui_label(ui, cat->roles[ri].label,
                                                 cat->roles[ri].label_zh)
                                   : "";
        char name[256], label[512];
        fp_text_fit(pe->name, 16, true, name, sizeof name);
        snprintf(label, sizeof label, "%s %s  (%s)", name, role, pe->code);
        if (!fp_picklist_add(p, pe->code, label, pe->role))
            return false;
    }
    return true;
}

static void draft_action(fp_ui *ui, void *ctx, const char *text)
{
    const long long *node_id = ctx;
    fp_meet_draft_save(ui, "action", *node_id, NULL, NULL, text);
}

/* A new string with the owner's person code, NULL when cancelled. */
static char *pick_owner(fp_ui *ui, int node, const char *text)
{
    fp_picklist p;
    char title[1024], *out = NULL;
    fp_picklist_init(&p, false);
    if (fp_meet_fill_people(ui, &p)) {
        const fp_tree *t = fp_ui_tree(ui);
        int person = node >= 0 ? t->nodes[node].person : -1;
        if (person >= 0)
            fp_picklist_select_key(&p, t->people[person].code);
        snprintf(title, sizeof title, _("Owner %s %s"), ui->gl->dot, text);
        if (fp_picker_run(ui, &p, title) && fp_picklist_current(&p))
            out = strdup(fp_picklist_current(&p)->key);
    }
    fp_picklist_done(&p);
    return out;
}

static bool ask_due(fp_ui *ui, fp_week *due)
{
    char start[FP_WEEK_STR], answer[64];
    fp_week_format(fp_week_next(ui->week), start);
    if (!fp_prompt_with(ui, _("Due week (2026-W48, W48 or 48): "), start,
                        answer, sizeof answer))
        return false;
    if (!*answer)
        snprintf(answer, sizeof answer, "%s", start);
    if (fp_week_parse_near(answer, ui->week, true, due))
        return true;
    fp_ui_msg(ui, FP_MSG_ERROR, _("Not a week: %s"), answer);
    return false;
}

/* The database is locked by another writer: the item waits with the
 * kept notes (tui/draft.c) and is written when the lock frees. */
static int keep_action(fp_ui *ui, long long node_id, const char *owner,
                       fp_week due, const char *text)
{
    char why[512];
    fp_meet_write_failed(ui, why, sizeof why);
    if (fp_meet_keep_action(ui, ui->week, node_id, owner, due, text))
        fp_ui_msg(ui, FP_MSG_ERROR, _("Not saved yet (%s): the action item "
                  "is kept and saved as soon as the database allows"), why);
    else
        fp_ui_msg(ui, FP_MSG_ERROR, _("Action item NOT saved (%s): the text "
                  "stays in the draft"), why);
    return FP_R_REDRAW;
}

static int store_action(fp_ui *ui, long long node_id, const char *owner,
                        fp_week due, const char *text)
{
    fp_db *db = fp_review_db(ui->rv);
    bool ok = fp_meet_ensure_meeting(ui) &&
              fp_action_add(db, ui->week, node_id, owner, due, text,
                            fp_meet_author(ui)) >= 0;
    if (!ok && db->busy) /* another process's lock: wait in the queue */
        return keep_action(ui, node_id, owner, due, text);
    if (!ok) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Action item NOT saved (%s): the text "
                  "stays in the draft"), db->err);
        return FP_R_REDRAW;
    }
    char ds[FP_WEEK_STR];
    fp_week_format(due, ds);
    fp_meet_draft_discard(ui, "action");
    fp_meet_after_write(ui);
    int p = fp_tree_find_person(fp_ui_tree(ui), owner);
    fp_ui_msg(ui, FP_MSG_INFO, _("Action item saved: %s %s %s, due %s"), text,
              ui->gl->dot, p >= 0 ? fp_ui_tree(ui)->people[p].name : owner,
              ds);
    return FP_R_REDRAW;
}

/* After the text: owner and due week; nothing is saved when cancelled. */
static int finish_action(fp_ui *ui, int node, long long node_id,
                         const char *text)
{
    fp_week due;
    char *owner = pick_owner(ui, node, text);
    int r = FP_R_REDRAW;
    if (owner && ask_due(ui, &due)) {
        r = store_action(ui, node_id, owner, due, text);
    } else if (ui->stop) {
        r = FP_R_QUIT; /* the draft keeps the text */
    } else {
        fp_meet_draft_discard(ui, "action");
        if (!ui->msg[0])
            fp_ui_msg(ui, FP_MSG_INFO, "%s", _("No action item: nothing "
                      "saved"));
    }
    free(owner);
    return r;
}

int fp_meet_restore_action(fp_ui *ui, int node, const char *text0)
{
    long long node_id = node >= 0 ? fp_ui_tree(ui)->nodes[node].db_id : 0;
    char where[512], title[1024], *text = NULL;
    if (node >= 0)
        fp_meet_node_label(ui, node, where, sizeof where);
    else
        snprintf(where, sizeof where, "%s", _("not linked to a row"));
    snprintf(title, sizeof title, _("New action item %s %s"), ui->gl->dot,
             where);
    fp_editor_opts o = { .title = title, .text = text0,
                         .max_chars = ACTION_MAX_CHARS,
                         .draft = draft_action, .ctx = &node_id,
                         .unsaved_start = ui->meet.restoring };
    fp_ed_result res = fp_editor_run(ui, &o, &text);
    int r = FP_R_REDRAW;
    if (res == FP_ED_SAVED) {
        r = finish_action(ui, node, node_id, text);
    } else if (res == FP_ED_CANCELLED) {
        fp_meet_draft_discard(ui, "action");
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Nothing saved"));
    } else {
        r = FP_R_QUIT;
    }
    free(text);
    return r;
}

int fp_act_new_action(fp_ui *ui)
{
    fp_view *v = fp_ui_top(ui);
    int node = -1, kpi = -1;
    if (v && v->ops->cursor)
        v->ops->cursor(v, ui, &node, &kpi);
    return fp_meet_restore_action(ui, node, NULL);
}
