/* At start-up: a draft left behind (crash, kill -9, power cut, a
 * terminal closed) is offered back, in the place it was typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"
#include "model/i18n.h"
#include "tui/ui.h"

#define SNIPPET_COLS 24

static const char *kind_label(const char *kind)
{
    if (strncmp(kind, "note", 4) == 0)
        return _("note");
    if (strcmp(kind, "action") == 0)
        return _("action item");
    if (strcmp(kind, "override") == 0)
        return _("override reason");
    return kind;
}

/* The note a "note:ID" draft was editing, if it still exists. */
static long long edited_note(fp_ui *ui, const char *kind)
{
    fp_note n;
    long long id = strncmp(kind, "note:", 5) == 0 ? atoll(kind + 5) : 0;
    if (id <= 0 || !fp_note_get(fp_review_db(ui->rv), id, &n))
        return 0;
    fp_note_done(&n);
    return id;
}

static int restore(fp_ui *ui, const fp_draft *d)
{
    const fp_tree *t = fp_ui_tree(ui);
    int node = d->node_id > 0 ? fp_tree_find_db_id(t, d->node_id) : -1;
    int kpi = d->kpi ? fp_catalogue_kpi(fp_ui_cat(ui), d->kpi) : -1;
    if (fp_week_valid(d->week) && d->week != ui->week) {
        ui->week = d->week;
        ui->gen++;
    }
    if (node >= 0)
        fp_ui_goto(ui, node, kpi);
    if (strcmp(d->kind, "action") == 0)
        return fp_meet_restore_action(ui, node, d->text);
    if (strcmp(d->kind, "override") == 0)
        return fp_meet_restore_override(ui, node, kpi, d->cause, d->text);
    if (strncmp(d->kind, "note", 4) == 0) {
        long long id = edited_note(ui, d->kind);
        if (id == 0 && strcmp(d->kind, "note") != 0)
            fp_meet_draft_discard(ui, d->kind); /* saved again as "note" */
        return fp_meet_write_note(ui, node >= 0 ? node : 0, kpi, id,
                                  d->cause, d->text);
    }
    return FP_R_REDRAW;
}

static void ask_text(const fp_draft *d, char *out, size_t outsz)
{
    char snippet[SNIPPET_COLS * 4 + 8], when[32];
    fp_text_fit(d->text, SNIPPET_COLS, false, snippet, sizeof snippet);
    fp_meet_time(d->updated_at, when, sizeof when);
    snprintf(out, outsz, _("r restore, d discard, Esc later: unsaved %s "
             "from %s \"%s\" "), kind_label(d->kind), when, snippet);
}

int fp_meet_offer_draft(fp_ui *ui)
{
    fp_draft d;
    int r = FP_R_NONE;
    if (!fp_draft_load(fp_review_db(ui->rv), ui->meet.owner, &d))
        return r;
    char q[512];
    ask_text(&d, q, sizeof q);
    if (ui->read_only) {
        fp_ui_msg(ui, FP_MSG_WARN, "%s", _("An unsaved draft is waiting: "
                  "start without --read-only to restore it"));
        fp_draft_done(&d);
        return r;
    }
    int a = fp_ask(ui, q, "rd");
    if (a == 'r') {
        ui->meet.restoring = true;
        r = restore(ui, &d);
        ui->meet.restoring = false;
    } else if (a == 'd') {
        fp_meet_draft_discard(ui, d.kind);
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Draft discarded"));
    } else {
        fp_ui_msg(ui, FP_MSG_INFO, "%s", _("The draft is kept: it is "
                  "offered again at the next start"));
    }
    fp_draft_done(&d);
    return ui->stop ? r | FP_R_QUIT : r;
}
