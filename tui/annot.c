/* Cached notes and action items for the screen; see annot.h. */
#include "tui/annot.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tui/ui.h"

void fp_annot_done(fp_annot *a)
{
    if (a->loaded) {
        fp_note_list_done(&a->notes);
        fp_action_list_done(&a->actions);
    }
    if (a->has_meeting)
        fp_meeting_done(&a->meeting);
    memset(a, 0, sizeof *a);
}

const fp_annot *fp_annot_get(fp_ui *ui)
{
    fp_annot *a = &ui->annot;
    if (a->loaded && a->gen == ui->gen && a->week == ui->week)
        return a;
    fp_annot_done(a);
    fp_db *db = fp_review_db(ui->rv);
    if (!fp_note_list_week(db, ui->week, 0, &a->notes))
        memset(&a->notes, 0, sizeof a->notes);
    if (!fp_action_list_get(db, ui->week, true, &a->actions))
        memset(&a->actions, 0, sizeof a->actions);
    a->has_meeting = fp_meeting_get(db, ui->week, &a->meeting);
    a->loaded = true;
    a->gen = ui->gen;
    a->week = ui->week;
    return a;
}

bool fp_annot_row_has(fp_ui *ui, int row, long long node_id)
{
    const fp_tree *t = fp_ui_tree(ui);
    if (row < t->nnodes)
        return t->nodes[row].db_id == node_id;
    int n = fp_tree_find_db_id(t, node_id); /* a person's scorecard row */
    return n >= 0 && t->nodes[n].person == row - t->nnodes;
}

int fp_annot_count(fp_ui *ui, int row, int kpi)
{
    const fp_annot *a = fp_annot_get(ui);
    const char *id = kpi >= 0 ? fp_ui_cat(ui)->kpis[kpi].id : NULL;
    int n = 0;
    for (size_t i = 0; i < a->notes.n; i++) {
        const fp_note *note = &a->notes.items[i];
        bool kpi_ok = !id || (note->kpi && strcmp(note->kpi, id) == 0);
        if (kpi_ok && fp_annot_row_has(ui, row, note->node_id))
            n++;
    }
    return n;
}

long fp_annot_meeting_elapsed(fp_ui *ui, long now)
{
    const fp_annot *a = fp_annot_get(ui);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!a->has_meeting || a->meeting.ended_at || !a->meeting.started_at
        || sscanf(a->meeting.started_at, "%d-%d-%dT%d:%d:%d", &tm.tm_year,
                  &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
                  &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1; /* started_at is local time */
    time_t start = mktime(&tm);
    return start == (time_t)-1 ? -1 : now - (long)start;
}
