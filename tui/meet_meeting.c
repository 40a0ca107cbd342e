/* The meeting record: `M` starts it (with the attendees) or, while it
 * runs, stops it or changes the attendees. Start and stop store a
 * snapshot of the key figures shown, for next week's "changed since". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/i18n.h"
#include "tui/picker.h"
#include "tui/ui.h"

/* Marks the people named in attendees ("张伟, 李娜" or codes). */
static void mark_attendees(fp_ui *ui, fp_picklist *p, const char *attendees)
{
    const fp_tree *t = fp_ui_tree(ui);
    char *copy = strdup(attendees ? attendees : ""), *save = NULL;
    for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok;
         tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        for (int i = 0; i < t->npeople; i++)
            if (strcmp(t->people[i].name, tok) == 0
                || strcmp(t->people[i].code, tok) == 0)
                fp_picklist_mark_key(p, t->people[i].code);
    }
    free(copy);
}

/* Names of the marked people, "张伟, 李娜": a new string or NULL. */
static char *marked_names(fp_ui *ui, const fp_picklist *p)
{
    const fp_tree *t = fp_ui_tree(ui);
    fp_buf b;
    fp_buf_init(&b);
    for (size_t i = 0; i < p->n; i++) {
        if (!p->items[i].marked)
            continue;
        int pi = fp_tree_find_person(t, p->items[i].key);
        fp_buf_printf(&b, "%s%s", b.len ? ", " : "",
                      pi >= 0 ? t->people[pi].name : p->items[i].key);
    }
    return fp_buf_take(&b);
}

static void pick_attendees(fp_ui *ui, long long id, const char *current)
{
    fp_picklist p;
    char title[256];
    fp_picklist_init(&p, true);
    snprintf(title, sizeof title, _("Attendees %s Space marks, Enter ends"),
             ui->gl->dot);
    if (fp_meet_fill_people(ui, &p)) {
        mark_attendees(ui, &p, current);
        if (fp_picker_run(ui, &p, title)) {
            char *names = marked_names(ui, &p);
            fp_db *db = fp_review_db(ui->rv);
            if (names && !fp_meeting_set_attendees(db, id, names))
                fp_ui_msg(ui, FP_MSG_ERROR, _("Attendees NOT saved: %s"),
                          db->err);
            else if (names)
                fp_ui_msg(ui, FP_MSG_INFO, _("Attendees: %s"),
                          *names ? names : _("none"));
            free(names);
        }
    }
    fp_picklist_done(&p);
}

static int start_meeting(fp_ui *ui)
{
    fp_db *db = fp_review_db(ui->rv);
    long long id = fp_meeting_start(db, ui->week, fp_meet_author(ui));
    if (id < 0) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Cannot start the meeting: %s"),
                  db->err);
        return FP_R_REDRAW;
    }
    fp_meet_snapshot(ui, id);
    fp_meet_after_write(ui);
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Meeting started"));
    pick_attendees(ui, id, NULL);
    fp_meet_after_write(ui);
    return ui->stop ? FP_R_QUIT : FP_R_REDRAW;
}

static int stop_meeting(fp_ui *ui, long long id)
{
    fp_db *db = fp_review_db(ui->rv);
    fp_meet_snapshot(ui, id); /* the figures as they stand at the end */
    if (!fp_meeting_stop(db, id)) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Cannot stop the meeting: %s"),
                  db->err);
        return FP_R_REDRAW;
    }
    fp_meet_after_write(ui);
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Meeting stopped. m previews the "
              "minutes, e exports them"));
    return FP_R_REDRAW;
}

int fp_act_meeting(fp_ui *ui)
{
    fp_meeting m;
    if (!fp_meeting_get(fp_review_db(ui->rv), ui->week, &m) || m.ended_at) {
        fp_meeting_done(&m);
        return start_meeting(ui);
    }
    char when[32], q[256];
    int r = FP_R_REDRAW;
    fp_meet_time(m.started_at, when, sizeof when);
    snprintf(q, sizeof q, _("Meeting running since %s: s stop, a attendees "
             "(Esc: keep going) "), when);
    int a = fp_ask(ui, q, "sa");
    if (a == 's')
        r = stop_meeting(ui, m.id);
    else if (a == 'a') {
        pick_attendees(ui, m.id, m.attendees);
        fp_meet_after_write(ui);
    }
    fp_meeting_done(&m);
    return ui->stop ? FP_R_QUIT : r;
}
