/* The meeting record: `M` starts it (with the attendees) or, while it
 * runs, stops it or changes the attendees. Attendees are picked from the
 * org file or typed as names (the lead, guests): a name the filter finds
 * nobody for is taken as typed when Enter ends the picker. Start and stop store a
 * snapshot of the key figures shown, for next week's "changed since". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/i18n.h"
#include "tui/picker.h"
#include "tui/ui.h"

typedef struct { fp_ui *ui; fp_picklist *p; } marking;

static int org_person(fp_ui *ui, const char *name)
{
    const fp_tree *t = fp_ui_tree(ui);
    for (int i = 0; i < t->npeople; i++)
        if (strcmp(t->people[i].name, name) == 0
            || strcmp(t->people[i].code, name) == 0)
            return i;
    return -1;
}

/* A guest (not in the org file) as an item: key and label the name. */
static void add_guest(const char *name, void *ctx)
{
    marking *m = ctx;
    char label[512];
    snprintf(label, sizeof label, _("%s  (guest)"), name);
    if (org_person(m->ui, name) < 0)
        fp_picklist_add(m->p, name, label, NULL);
}

static void mark_one(const char *name, void *ctx)
{
    marking *m = ctx;
    int i = org_person(m->ui, name);
    fp_picklist_mark_key(m->p, i >= 0 ? fp_ui_tree(m->ui)->people[i].code
                                      : name);
}

/* The list to pick from: the guests of attendees first, then everyone
 * in the org file; those named in attendees ("张伟, 陈总" or codes)
 * marked. */
static bool fill_attendees(fp_ui *ui, fp_picklist *p, const char *attendees)
{
    marking m = { ui, p };
    fp_attendees_each(attendees, add_guest, &m);
    if (!fp_meet_fill_people(ui, p))
        return false;
    fp_attendees_each(attendees, mark_one, &m);
    return true;
}

/* The display name of an item: the person's name, or the guest's. */
static const char *item_name(fp_ui *ui, const fp_pick_item *it)
{
    const fp_tree *t = fp_ui_tree(ui);
    int pi = fp_tree_find_person(t, it->key);
    return pi >= 0 ? t->people[pi].name : it->key;
}

typedef struct { fp_ui *ui; const fp_picklist *p; fp_buf *b; } keeping;

/* Adds name to the list when its item is still marked. */
static void keep_marked(const char *name, void *ctx)
{
    keeping *k = ctx;
    int i = org_person(k->ui, name);
    const char *key = i >= 0 ? fp_ui_tree(k->ui)->people[i].code : name;
    for (size_t j = 0; j < k->p->n; j++)
        if (k->p->items[j].marked && strcmp(k->p->items[j].key, key) == 0)
            fp_buf_printf(k->b, "%s%s", k->b->len ? ", " : "",
                          item_name(k->ui, &k->p->items[j]));
}

/* The attendees after the picker, "张伟, 李娜, 陈总": those of current
 * still marked in their order, the newly marked, then the names typed in
 * the filter when it matches nobody (guests). A new string or NULL. */
static char *marked_names(fp_ui *ui, const fp_picklist *p,
                          const char *current)
{
    fp_buf kept, marked;
    fp_buf_init(&kept);
    fp_buf_init(&marked);
    keeping k = { ui, p, &kept };
    fp_attendees_each(current, keep_marked, &k);
    for (size_t i = 0; i < p->n; i++)
        if (p->items[i].marked)
            fp_buf_printf(&marked, "%s%s", marked.len ? ", " : "",
                          item_name(ui, &p->items[i]));
    bool typed = p->filter[0] && p->nshown == 0;
    char *names = fp_attendees_merge(fp_buf_str(&kept), fp_buf_str(&marked));
    char *all = names && typed ? fp_attendees_merge(names, p->filter) : NULL;
    fp_buf_done(&kept);
    fp_buf_done(&marked);
    if (!all)
        return names;
    free(names);
    return all;
}

static void pick_attendees(fp_ui *ui, long long id, const char *current)
{
    fp_picklist p;
    char title[256];
    fp_picklist_init(&p, true);
    snprintf(title, sizeof title, _("Attendees %s Space marks, Enter ends "
             "%s a guest: type the name, Enter"), ui->gl->dot, ui->gl->dot);
    if (fill_attendees(ui, &p, current)) {
        if (fp_picker_run(ui, &p, title)) {
            char *names = marked_names(ui, &p, current);
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
