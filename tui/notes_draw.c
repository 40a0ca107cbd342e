/* The notes of a row under the detail panel: cause, KPI, text, author,
 * time; the ones on the highlighted KPI first. */
#include <stdio.h>
#include <string.h>

#include "model/text.h"
#include "tui/grid.h"
#include "model/i18n.h"
#include "tui/ui.h"

int fp_notes_lines(fp_ui *ui, int row, int max)
{
    int n = fp_annot_count(ui, row, -1);
    if (n == 0 || max < 2)
        return 0;
    return n + 1 < max ? n + 1 : max;
}

static void note_line(fp_ui *ui, const fp_note *n, int y, int w, bool hot)
{
    char line[4096], kl[160], when[32], right[256];
    fp_kpi_label_of(ui, n->kpi, kl, sizeof kl);
    fp_meet_time(n->updated_at, when, sizeof when);
    snprintf(right, sizeof right, "%s %s", n->author, when);
    snprintf(line, sizeof line, "[%s] %s%s%s",
             fp_meet_cause_label(ui, n->cause), kl, *kl ? ": " : "",
             n->text);
    int rw = fp_text_width(right);
    rw = rw > w / 3 ? w / 3 : rw;
    fp_draw(ui, y, 1, w - rw - 3, line,
            ui->attr[hot ? FP_C_MARK : FP_C_NORMAL]);
    fp_draw_right(ui, y, w - rw - 1, rw, right, ui->attr[FP_C_DIM]);
}

/* Draws the notes of row that are (on_kpi) or are not on kpi. */
static int draw_pass(fp_ui *ui, int row, int kpi, bool on_kpi, int y,
                     int end, int w)
{
    const fp_annot *a = fp_annot_get(ui);
    const char *id = kpi >= 0 ? fp_ui_cat(ui)->kpis[kpi].id : NULL;
    for (size_t i = 0; i < a->notes.n && y < end; i++) {
        const fp_note *n = &a->notes.items[i];
        bool hot = id && n->kpi && strcmp(n->kpi, id) == 0;
        if (hot == on_kpi && fp_annot_row_has(ui, row, n->node_id))
            note_line(ui, n, y++, w, hot);
    }
    return y;
}

void fp_notes_draw(fp_ui *ui, int row, int kpi, int y, int h, int w)
{
    char title[128];
    int n = fp_annot_count(ui, row, -1);
    if (h < 2 || n == 0)
        return;
    snprintf(title, sizeof title, _("Notes %d %s v lists them"), n,
             ui->gl->dot);
    fp_draw_rule(ui, y, 0, w, title, ui->attr[FP_C_DIM]);
    int end = y + h;
    y = draw_pass(ui, row, kpi, true, y + 1, end, w);
    draw_pass(ui, row, kpi, false, y, end, w);
}
