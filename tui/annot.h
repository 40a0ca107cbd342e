/* Notes and open action items of the week on screen, read through
 * storage/meeting.h and cached until the data or the week changes
 * (ui->gen). The TUI only reads them here; writing comes with the note
 * editor. Ownership: the cache lives in the ui; fp_annot_done frees it. */
#ifndef FUPAN_TUI_ANNOT_H
#define FUPAN_TUI_ANNOT_H

#include <stdbool.h>

#include "storage/meeting.h"

typedef struct fp_ui fp_ui;

typedef struct {
    fp_note_list notes;          /* live notes of the week */
    fp_action_item_list actions; /* open items agreed up to the week */
    fp_meeting meeting;          /* newest meeting of the week */
    bool has_meeting;
    unsigned gen;
    fp_week week;
    bool loaded;
} fp_annot;

void fp_annot_done(fp_annot *a);
/* Number of notes on rollup row (a node, or a person's nodes) and kpi
 * (-1: any KPI, or the node itself). */
int fp_annot_count(fp_ui *ui, int row, int kpi);
/* The cache, loaded if needed (empty lists on a storage error). */
const fp_annot *fp_annot_get(fp_ui *ui);
/* Seconds since the week's meeting started while it runs, else -1. */
long fp_annot_meeting_elapsed(fp_ui *ui, long now);
/* True when a note or item at node_id belongs to rollup row. */
bool fp_annot_row_has(fp_ui *ui, int row, long long node_id);

/* ---- notes_draw.c ---- */
/* Lines the notes of rollup row want under the detail panel (a rule and
 * one line per note, at most max), 0 when the row has none. */
int fp_notes_lines(fp_ui *ui, int row, int max);
/* Draws the notes of row in h lines from y, width w: cause, KPI, text,
 * author and time; notes on kpi (the detail cursor) first. */
void fp_notes_draw(fp_ui *ui, int row, int kpi, int y, int h, int w);

#endif
