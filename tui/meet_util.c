/* Helpers shared by the meeting actions: who writes, where the cursor
 * is, labels, the week's meeting, one-key questions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/grid.h"
#include "model/i18n.h"
#include "model/labels.h"
#include "tui/screen.h"
#include "tui/ui.h"

const char *fp_meet_author(fp_ui *ui)
{
    const fp_config *cfg = fp_review_config(ui->rv);
    return cfg && cfg->user_name && *cfg->user_name ? cfg->user_name : "lead";
}

bool fp_meet_target(fp_ui *ui, int *node, int *kpi)
{
    fp_view *v = fp_ui_top(ui);
    *node = *kpi = -1;
    if (v && v->ops->cursor)
        v->ops->cursor(v, ui, node, kpi);
    if (*node >= 0)
        return true;
    fp_ui_msg(ui, FP_MSG_WARN, "%s", _("Put the cursor on a store, "
              "category or person row first (open it from the table)"));
    return false;
}

void fp_meet_node_label(fp_ui *ui, int node, char *out, size_t outsz)
{
    fp_node_path_label(fp_ui_tree(ui), NULL, node, ui->gl->crumb_sep, out,
                       outsz);
}

const char *fp_meet_cause_label(fp_ui *ui, const char *code)
{
    const fp_catalogue *cat = fp_ui_cat(ui);
    int i = code ? fp_catalogue_cause(cat, code) : -1;
    if (i < 0)
        return code ? code : "";
    const fp_cause *c = &cat->causes[i];
    return fp_ui_label(ui, c->label, c->label_zh);
}

void fp_meet_expand_home(const char *in, char *out, size_t outsz)
{
    const char *home = getenv("HOME");
    if (in[0] == '~' && (in[1] == '/' || !in[1]) && home)
        snprintf(out, outsz, "%s%s", home, in + 1);
    else
        snprintf(out, outsz, "%s", in);
}

bool fp_meet_may_overwrite(fp_ui *ui, const char *path)
{
    char q[4200];
    if (access(path, F_OK) != 0)
        return true;
    snprintf(q, sizeof q, _("%s exists. Overwrite it? (y/N) "), path);
    if (fp_ask(ui, q, "yn") == 'y')
        return true;
    fp_ui_msg(ui, FP_MSG_INFO, "%s", _("Not exported"));
    return false;
}

void fp_meet_time(const char *iso, char *out, size_t outsz)
{
    int y, mo, d, h, mi;
    if (iso && sscanf(iso, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) == 5)
        snprintf(out, outsz, "%02d-%02d %02d:%02d", mo, d, h, mi);
    else
        snprintf(out, outsz, "%s", iso ? iso : "");
}

/* ---- the meeting and its snapshot -------------------------------------- */

/* Key KPIs of the company, the stores and the categories, as shown. */
bool fp_meet_snapshot(fp_ui *ui, long long meeting_id)
{
    const fp_rollup *r = fp_ui_rollup(ui);
    const fp_tree *t = fp_ui_tree(ui);
    const fp_catalogue *cat = fp_ui_cat(ui);
    if (!r)
        return false;
    size_t cap = 0, n = 0;
    for (int i = 0; i < t->nnodes; i++)
        if (t->nodes[i].level <= FP_LVL_CATEGORY)
            cap += (size_t)cat->levels[t->nodes[i].level].nkpis;
    fp_snapshot_row *rows = calloc(cap + 1, sizeof *rows);
    if (!rows)
        return false;
    for (int i = 0; i < t->nnodes; i++) {
        if (t->nodes[i].level > FP_LVL_CATEGORY)
            continue;
        const fp_level_card *card = &cat->levels[t->nodes[i].level];
        for (int j = 0; j < card->nkpis; j++) {
            int k = card->kpis[j].kpi;
            double v = fp_rollup_cell(r, i, k)->value;
            if (v == v) /* not NAN: nothing to remember otherwise */
                rows[n++] = (fp_snapshot_row){ ui->week, t->nodes[i].db_id,
                                               cat->kpis[k].id, v };
        }
    }
    bool ok = fp_meeting_snapshot(fp_review_db(ui->rv), meeting_id, rows, n);
    free(rows);
    return ok;
}

bool fp_meet_ensure_meeting(fp_ui *ui)
{
    fp_db *db = fp_review_db(ui->rv);
    fp_meeting m;
    bool had = fp_meeting_get(db, ui->week, &m);
    if (had) {
        fp_meeting_done(&m);
        return true;
    }
    long long id = fp_meeting_ensure(db, ui->week, fp_meet_author(ui));
    if (id < 0) {
        fp_ui_msg(ui, FP_MSG_ERROR, _("Cannot open the meeting: %s"),
                  db->err);
        return false;
    }
    fp_meet_snapshot(ui, id);
    return true;
}

int fp_meet_after_write(fp_ui *ui)
{
    fp_ui_refresh(ui, true);
    ui->gen++; /* the notes cache too, even if no fact changed */
    return FP_R_REDRAW;
}

/* ---- one-key questions ------------------------------------------------- */

static int answer_of(fp_key k, const char *answers)
{
    if (k > 0 && k < 0x80) {
        const char *hit = strchr(answers, k | 0x20); /* ASCII lower case */
        if (hit && *hit)
            return *hit;
    }
    return -1;
}

int fp_ask(fp_ui *ui, const char *question, const char *answers)
{
    int answer = -1;
    ui->prompt = question;
    ui->prompt_text = "";
    while (answer < 0 && !fp_meet_must_stop(ui)) {
        fp_key key;
        if (fp_modal_key(ui, &key))
            answer = key == 27 || key == 3 || key == '\n'
                ? 0 : answer_of(key, answers);
        if (fp_signal_interrupt())
            answer = 0;
    }
    ui->prompt = NULL;
    ui->prompt_text = NULL;
    return answer > 0 ? answer : 0;
}
