/* Gathers the minutes of a week from a review session and renders them
 * with model/minutes.c; see minutes_data.h. Every string handed to the
 * renderer lives in one pool that is freed after rendering. */
#include "storage/minutes_data.h"

#include "model/minutes_chat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/labels.h"
#include "model/minutes.h"
#include "model/vec.h"
#include "storage/meeting.h"
#include "storage/stoploss_scan.h"

/* ------------------------------------------------------------------ pool */

typedef struct {
    void **p;
    size_t n, cap;
    bool failed;
} pool;

/* Keeps p (freed with the pool); NULL (and failed) when p is NULL. */
static void *pool_keep(pool *pl, void *p)
{
    if (!p) {
        pl->failed = true;
        return NULL;
    }
    bool ok = true;
    FP_GROW(pl->p, pl->n + 1, pl->cap, ok);
    if (!ok) {
        free(p);
        pl->failed = true;
        return NULL;
    }
    pl->p[pl->n++] = p;
    return p;
}

static void *pool_calloc(pool *pl, size_t n, size_t size)
{
    return pool_keep(pl, calloc(n ? n : 1, size));
}

static const char *pool_str(pool *pl, const char *s)
{
    const char *r = pool_keep(pl, strdup(s ? s : ""));
    return r ? r : "";
}

static const char *pool_printf(pool *pl, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *pool_printf(pool *pl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    const char *r = pool_keep(pl, s);
    return r ? r : "";
}

static void pool_free(pool *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->p[i]);
    free(pl->p);
}

/* ---------------------------------------------------------------- gather */

typedef struct { long long db_id; int idx; } id_idx;

typedef struct {
    fp_review *rv;
    fp_db *db;
    const fp_catalogue *cat;
    const fp_tree *tree;
    const fp_rollup *now, *prev;
    fp_week week;
    pool pl;
    id_idx *ids;             /* tree nodes sorted by db id */
    const char **kpi_label;  /* per catalogue KPI */
    fp_note_list notes;
    int *note_node;          /* tree index per note, -1 when not found */
    int *note_kpi;           /* catalogue index per note, -1 */
    int *first_note;         /* per tree node: first note, -1 */
    int *next_note;          /* per note: next note of the same node */
    fp_override_list overrides;
    fp_action_item_list actions;
    fp_meeting meeting;
    fp_minutes_input in;
    char week_s[FP_WEEK_STR], prev_s[FP_WEEK_STR];
    char first_day[16], last_day[16];
    bool is_period;          /* a month or a quarter (fp_minutes_build_period) */
    fp_period period;
    char period_s[96], prev_period_s[FP_PERIOD_LABEL];
    char period_label[FP_PERIOD_LABEL];
} gather;

static int cmp_id(const void *a, const void *b)
{
    long long x = ((const id_idx *)a)->db_id, y = ((const id_idx *)b)->db_id;
    return (x > y) - (x < y);
}

static bool index_nodes(gather *g)
{
    g->ids = pool_calloc(&g->pl, (size_t)g->tree->nnodes, sizeof *g->ids);
    if (!g->ids)
        return false;
    for (int i = 0; i < g->tree->nnodes; i++)
        g->ids[i] = (id_idx){g->tree->nodes[i].db_id, i};
    qsort(g->ids, (size_t)g->tree->nnodes, sizeof *g->ids, cmp_id);
    return true;
}

static int node_of(const gather *g, long long db_id)
{
    id_idx key = {db_id, -1};
    const id_idx *hit = bsearch(&key, g->ids, (size_t)g->tree->nnodes,
                                sizeof *g->ids, cmp_id);
    return hit ? hit->idx : -1;
}

/* "成交金额 GMV" in Chinese, "GMV 成交金额" in English (model/labels.h). */
static const char *both_labels(pool *pl, const char *en, const char *zh)
{
    char label[512];
    fp_label_pair(en, zh, FP_LABEL_BOTH, label, sizeof label);
    return pool_str(pl, label);
}

static bool label_kpis(gather *g)
{
    g->kpi_label = pool_calloc(&g->pl, (size_t)g->cat->nkpis,
                               sizeof *g->kpi_label);
    if (!g->kpi_label)
        return false;
    for (int k = 0; k < g->cat->nkpis; k++)
        g->kpi_label[k] = both_labels(&g->pl, g->cat->kpis[k].label,
                                      g->cat->kpis[k].label_zh);
    return true;
}

static const char *cause_label(gather *g, const char *code)
{
    int c = fp_catalogue_cause(g->cat, code);
    if (c < 0)
        return pool_str(&g->pl, code);
    return both_labels(&g->pl, g->cat->causes[c].label,
                       g->cat->causes[c].label_zh);
}

static const char *note_kpi_label(gather *g, size_t i)
{
    int k = g->note_kpi[i];
    if (k >= 0)
        return g->kpi_label[k];
    return pool_str(&g->pl, g->notes.items[i].kpi);
}

/* "泰国 TikTok 店 / 服饰 / 王强 (投手)": names from the store down. */
static const char *node_label(gather *g, int idx)
{
    char label[1024];
    fp_node_path_label(g->tree, g->cat, idx > 0 ? idx : 0, " / ", label,
                       sizeof label);
    return pool_str(&g->pl, label);
}

static const char *node_currency(const gather *g, int idx)
{
    const char *c = idx > 0 ? fp_tree_currency(g->tree, idx) : NULL;
    return c && *c ? c : g->cat->reporting_currency;
}

static const char *value_text(gather *g, int k, double v)
{
    char buf[64];
    fp_format_value(&g->cat->kpis[k], v, buf, sizeof buf);
    return pool_str(&g->pl, buf);
}

/* ------------------------------------------------------------ KPI rows */

static double prev_value(const gather *g, int row, int k)
{
    return g->prev ? fp_rollup_cell(g->prev, row, k)->value : FP_NOVAL;
}

static void fill_row(gather *g, fp_minutes_row *r, int row, int k)
{
    const fp_cell *c = fp_rollup_cell(g->now, row, k);
    char att[32], wow[32];
    fp_format_attainment(c->attainment, att, sizeof att);
    fp_format_wow(c->value, prev_value(g, row, k), wow, sizeof wow);
    r->kpi = g->kpi_label[k];
    r->kpi_id = g->cat->kpis[k].id;
    r->actual = (c->flags & FP_CF_NO_RATE) ? _("no rate")
                                           : value_text(g, k, c->value);
    r->target = value_text(g, k, c->target);
    r->attainment = pool_str(&g->pl, att);
    r->wow = pool_str(&g->pl, wow);
    r->status = c->status;
    if (!fp_has(c->value)) /* "—~" would only puzzle the reader */
        return;
    r->marks = ((c->flags & FP_CF_OVERRIDDEN) ? FP_MIN_OVERRIDDEN : 0) |
               ((c->flags & FP_CF_STALE) ? FP_MIN_STALE : 0) |
               ((c->flags & FP_CF_PROVISIONAL) ? FP_MIN_PROVISIONAL : 0);
}

/* The company and each store, with their level card's key KPIs. */
static int summary_nodes(const gather *g, int *out)
{
    int n = 0;
    out[n++] = 0;
    for (int c = g->tree->nodes[0].first_child; c >= 0;
         c = g->tree->nodes[c].next_sibling)
        out[n++] = c;
    return n;
}

static bool gather_summary(gather *g, const int *nodes, int nnodes)
{
    size_t total = 0;
    for (int i = 0; i < nnodes; i++)
        total += (size_t)g->cat->levels[g->tree->nodes[nodes[i]].level].nkpis;
    fp_minutes_row *rows = pool_calloc(&g->pl, total, sizeof *rows);
    if (!rows)
        return false;
    size_t n = 0;
    for (int i = 0; i < nnodes; i++) {
        int idx = nodes[i];
        const fp_level_card *card =
            &g->cat->levels[g->tree->nodes[idx].level];
        for (int j = 0; j < card->nkpis; j++, n++) {
            fill_row(g, &rows[n], idx, card->kpis[j].kpi);
            rows[n].node = j ? "" : g->tree->nodes[idx].name;
            rows[n].currency = j ? "" : node_currency(g, idx);
        }
    }
    g->in.summary = rows;
    g->in.nsummary = n;
    return true;
}

/* ----------------------------------------------------------- notes/items */

/* Each note's node and KPI, and the notes of each node in list order. */
static bool bucket_notes(gather *g)
{
    size_t n = g->notes.n;
    g->note_node = pool_calloc(&g->pl, n, sizeof *g->note_node);
    g->note_kpi = pool_calloc(&g->pl, n, sizeof *g->note_kpi);
    g->next_note = pool_calloc(&g->pl, n, sizeof *g->next_note);
    g->first_note = pool_calloc(&g->pl, (size_t)g->tree->nnodes,
                                sizeof *g->first_note);
    if (!g->note_node || !g->note_kpi || !g->next_note || !g->first_note)
        return false;
    for (int i = 0; i < g->tree->nnodes; i++)
        g->first_note[i] = -1;
    for (size_t i = n; i-- > 0;) {
        const fp_note *note = &g->notes.items[i];
        int node = node_of(g, note->node_id);
        g->note_node[i] = node;
        g->note_kpi[i] = note->kpi ? fp_catalogue_kpi(g->cat, note->kpi) : -1;
        g->next_note[i] = node >= 0 ? g->first_note[node] : -1;
        if (node >= 0)
            g->first_note[node] = (int)i;
    }
    return true;
}

static fp_minutes_note to_note(gather *g, size_t i)
{
    const fp_note *n = &g->notes.items[i];
    return (fp_minutes_note){
        .kpi = n->kpi && *n->kpi ? note_kpi_label(g, i) : NULL,
        .cause = cause_label(g, n->cause),
        .text = n->text,
        .author = n->author,
    };
}

static bool is_hot(int status)
{
    return status == FP_ST_RED || status == FP_ST_AMBER;
}

static bool has_kpi(const int *ks, int n, int k)
{
    for (int i = 0; i < n; i++)
        if (ks[i] == k)
            return true;
    return false;
}

/* KPIs shown for a node: the red/amber ones of its card, then those its
 * notes name. *hot: the node is a red/amber item. */
static int node_kpis(const gather *g, int idx, int *out, bool *hot)
{
    const fp_node *node = &g->tree->nodes[idx];
    const char *role = node->person >= 0
        ? g->tree->people[node->person].role : NULL;
    int nk, n = 0;
    const fp_weighted_kpi *card =
        fp_catalogue_card(g->cat, node->level, role, &nk);
    *hot = false;
    for (int i = 0; i < nk; i++)
        if (is_hot(fp_rollup_cell(g->now, idx, card[i].kpi)->status) &&
            !has_kpi(out, n, card[i].kpi)) {
            out[n++] = card[i].kpi;
            *hot = true;
        }
    for (int i = g->first_note[idx]; i >= 0; i = g->next_note[i]) {
        int k = g->note_kpi[i];
        if (k < 0 || has_kpi(out, n, k))
            continue;
        out[n++] = k;
        *hot |= is_hot(fp_rollup_cell(g->now, idx, k)->status);
    }
    return n;
}

/* fp_status is ordered none < green < amber < red. */
static int worst(const fp_minutes_row *rows, size_t n)
{
    int w = FP_ST_NONE;
    for (size_t i = 0; i < n; i++)
        if (rows[i].status > w)
            w = rows[i].status;
    return w;
}

/* Fills item for node idx (KPI lines and notes); false when out of
 * memory. */
static bool fill_item(gather *g, int idx, const int *ks, int nks,
                      fp_minutes_item *item)
{
    size_t nnotes = 0;
    for (int i = g->first_note[idx]; i >= 0; i = g->next_note[i])
        nnotes++;
    fp_minutes_row *rows = pool_calloc(&g->pl, (size_t)nks, sizeof *rows);
    fp_minutes_note *notes = pool_calloc(&g->pl, nnotes, sizeof *notes);
    if (!rows || !notes)
        return false;
    for (int i = 0; i < nks; i++)
        fill_row(g, &rows[i], idx, ks[i]);
    size_t j = 0;
    for (int i = g->first_note[idx]; i >= 0; i = g->next_note[i])
        notes[j++] = to_note(g, (size_t)i);
    *item = (fp_minutes_item){node_label(g, idx), worst(rows, (size_t)nks),
                              rows, (size_t)nks, notes, nnotes};
    return true;
}

typedef struct {
    fp_minutes_item *items, *others;
    size_t nitems, nothers;
    int *ks;                 /* scratch: KPIs of one node */
} item_lists;

/* Store -> category -> person, depth first, in the tree's sibling order. */
static bool walk_items(gather *g, int idx, item_lists *l)
{
    bool hot;
    int nks = node_kpis(g, idx, l->ks, &hot);
    if (hot && !fill_item(g, idx, l->ks, nks, &l->items[l->nitems++]))
        return false;
    if (!hot && g->first_note[idx] >= 0 &&
        !fill_item(g, idx, l->ks, nks, &l->others[l->nothers++]))
        return false;
    for (int c = g->tree->nodes[idx].first_child; c >= 0;
         c = g->tree->nodes[c].next_sibling)
        if (!walk_items(g, c, l))
            return false;
    return true;
}

/* Notes on a node this tree does not know still make the minutes. */
static bool orphan_notes(gather *g, item_lists *l)
{
    for (size_t i = 0; i < g->notes.n; i++) {
        if (g->note_node[i] >= 0)
            continue;
        fp_minutes_note *note = pool_calloc(&g->pl, 1, sizeof *note);
        if (!note)
            return false;
        *note = to_note(g, i);
        l->others[l->nothers++] = (fp_minutes_item){
            pool_str(&g->pl, g->notes.items[i].path), FP_ST_NONE, NULL, 0,
            note, 1};
    }
    return true;
}

static bool gather_items(gather *g)
{
    int maxk = g->cat->nkpis + 1;
    size_t nn = (size_t)g->tree->nnodes;
    item_lists l = {
        pool_calloc(&g->pl, nn, sizeof *l.items),
        pool_calloc(&g->pl, nn + g->notes.n, sizeof *l.others), 0, 0,
        pool_calloc(&g->pl, (size_t)maxk, sizeof *l.ks),
    };
    if (!l.items || !l.others || !l.ks || !walk_items(g, 0, &l) ||
        !orphan_notes(g, &l))
        return false;
    g->in.items = l.items;
    g->in.nitems = l.nitems;
    g->in.others = l.others;
    g->in.nothers = l.nothers;
    return true;
}

/* Count of notes per cause: catalogue causes first, unknown codes after. */
static bool gather_causes(gather *g)
{
    size_t cap = (size_t)g->cat->ncauses + g->notes.n, n = 0;
    fp_minutes_cause *c = pool_calloc(&g->pl, cap, sizeof *c);
    const char **codes = pool_calloc(&g->pl, cap, sizeof *codes);
    if (!c || !codes)
        return false;
    for (int i = 0; i < g->cat->ncauses; i++, n++) {
        codes[n] = g->cat->causes[i].id;
        c[n] = (fp_minutes_cause){cause_label(g, codes[n]), 0};
    }
    for (size_t i = 0; i < g->notes.n; i++) {
        const char *code = g->notes.items[i].cause;
        size_t j = 0;
        while (j < n && strcmp(codes[j], code) != 0)
            j++;
        if (j == n) {
            codes[n] = code;
            c[n++] = (fp_minutes_cause){cause_label(g, code), 0};
        }
        c[j].count++;
    }
    g->in.causes = c;
    g->in.ncauses = n;
    return true;
}

/* ------------------------------------------------- overrides and actions */

/* "2026-11-23T10:02:11" -> "2026-11-23 10:02". */
static const char *short_time(gather *g, const char *stamp)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%s", stamp ? stamp : "");
    if (strlen(buf) >= 16) {
        buf[10] = buf[10] == 'T' ? ' ' : buf[10];
        buf[16] = '\0';
    }
    return pool_str(&g->pl, buf);
}

/* A value with the currency of the node for money KPIs. */
static const char *money_text(gather *g, int idx, int k, double v)
{
    const char *text = value_text(g, k, v);
    if (k < 0 || g->cat->kpis[k].unit != FP_UNIT_MONEY || !fp_has(v))
        return text;
    return pool_printf(&g->pl, "%s %s", text, node_currency(g, idx));
}

static fp_minutes_override to_override(gather *g, const fp_override_rec *o)
{
    int idx = node_of(g, o->node_id);
    int k = fp_catalogue_kpi(g->cat, o->kpi);
    const char *from = "", *to = "";
    if (k >= 0) {
        from = money_text(g, idx, k, o->original);
        to = money_text(g, idx, k, o->value);
    }
    return (fp_minutes_override){
        .node = idx >= 0 ? node_label(g, idx) : o->path,
        .kpi = k >= 0 ? g->kpi_label[k] : o->kpi,
        .from = from, .to = to,
        .reason = o->reason, .author = o->author,
        .when = short_time(g, o->created_at),
        .reverted_at = o->reverted_at ? short_time(g, o->reverted_at) : NULL,
        .reverted_by = o->reverted_by, .revert_reason = o->revert_reason,
    };
}

static bool gather_overrides(gather *g)
{
    if (!g->is_period && /* a period's are read by period_lists */
        !fp_override_list_get(g->db, g->week, 0, NULL, &g->overrides))
        return false;
    size_t n = g->overrides.n;
    fp_minutes_override *o = pool_calloc(&g->pl, n, sizeof *o);
    if (!o)
        return false;
    for (size_t i = 0; i < n; i++) /* the list is newest first */
        o[i] = to_override(g, &g->overrides.items[n - 1 - i]);
    g->in.overrides = o;
    g->in.noverrides = n;
    return true;
}

static fp_minutes_action to_action(gather *g, const fp_action_item *a)
{
    char due[FP_WEEK_STR];
    fp_week_format(a->due, due);
    bool open = strcmp(a->state, "open") == 0;
    int idx = a->node_id > 0 ? node_of(g, a->node_id) : -1;
    return (fp_minutes_action){
        .text = a->text,
        .owner = a->owner_name && *a->owner_name ? a->owner_name : a->owner,
        .node = idx >= 0 ? node_label(g, idx) : a->path,
        .due = pool_str(&g->pl, due),
        .state = a->state,
        .age_weeks = fp_week_diff(g->week, a->week),
        .overdue = open && fp_week_diff(g->week, a->due) > 0,
    };
}

/* A month's or quarter's group of an item: 0 agreed in the period, 1
 * agreed before it and still open at its end, 2 agreed before it and
 * closed in it; -1 none of these. */
static int period_group(const gather *g, const fp_action_item *a)
{
    fp_week first = fp_period_first(g->period), last = g->week;
    if (a->week > last)
        return -1;
    if (a->week >= first)
        return 0;
    if (strcmp(a->state, "open") == 0 || a->closed_week > last)
        return 1;
    return a->closed_week >= first ? 2 : -1;
}

/* New this week, carried over (open from earlier weeks), done since the
 * last meeting (closed this week); a period's: see period_group. */
static bool gather_actions(gather *g)
{
    if (!fp_action_list_get(g->db, g->is_period ? 0 : g->week, false,
                            &g->actions))
        return false;
    size_t n = g->actions.n;
    fp_minutes_action *lists[3];
    size_t counts[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++)
        if (!(lists[i] = pool_calloc(&g->pl, n, sizeof *lists[i])))
            return false;
    for (size_t i = 0; i < n; i++) {
        const fp_action_item *a = &g->actions.items[i];
        int which = g->is_period ? period_group(g, a)
                  : a->week == g->week ? 0
                  : strcmp(a->state, "open") == 0 ? 1 : 2;
        if (which >= 0)
            lists[which][counts[which]++] = to_action(g, a);
    }
    g->in.actions_new = lists[0];
    g->in.nnew = counts[0];
    g->in.actions_carried = lists[1];
    g->in.ncarried = counts[1];
    g->in.actions_done = lists[2];
    g->in.ndone = counts[2];
    return true;
}

/* ------------------------------------------------- meeting and changes */

static bool gather_meeting(gather *g)
{
    g->in.has_meeting = fp_meeting_get(g->db, g->week, &g->meeting);
    if (!g->in.has_meeting && g->meeting.id < 0)
        return false;
    g->in.meeting_start = g->in.has_meeting
        ? short_time(g, g->meeting.started_at) : "";
    g->in.meeting_end = g->in.has_meeting && g->meeting.ended_at
        ? short_time(g, g->meeting.ended_at) : "";
    g->in.attendees = g->in.has_meeting ? g->meeting.attendees : "";
    return true;
}

/* Appends to ch (n items, at most cap) week w's key figures whose text
 * as the last meeting before meeting_id (0: the newest) showed them
 * differs from now (r's values; r NULL: no value). ws: the week named
 * after the KPI label (NULL: the label alone). */
static bool week_changes(gather *g, fp_week w, long long meeting_id,
                         const fp_rollup *r, const char *ws,
                         const int *nodes, int nnodes,
                         fp_minutes_change *ch, size_t *n, size_t cap)
{
    for (int i = 0; i < nnodes; i++) {
        const fp_node *node = &g->tree->nodes[nodes[i]];
        const fp_level_card *card = &g->cat->levels[node->level];
        for (int j = 0; j < card->nkpis && *n < cap; j++) {
            int k = card->kpis[j].kpi;
            double then;
            if (!fp_meeting_snapshot_read(g->db, meeting_id, w, node->db_id,
                                          g->cat->kpis[k].id, &then))
                return false;
            if (!fp_has(then))
                continue;
            g->in.has_snapshot = true;
            const char *was = money_text(g, nodes[i], k, then);
            const char *is = money_text(g, nodes[i], k, r
                ? fp_rollup_cell(r, nodes[i], k)->value : FP_NOVAL);
            if (strcmp(was, is) != 0)
                ch[(*n)++] = (fp_minutes_change){node_label(g, nodes[i]),
                    ws ? pool_printf(&g->pl, "%s (%s)", g->kpi_label[k], ws)
                       : g->kpi_label[k], was, is};
        }
    }
    return true;
}

/* Last week's key figures as the meeting before this week's showed them
 * (this week's meeting may have recorded last week's figures too, and
 * those are "now", not "then") and as they are now; only the ones whose
 * shown text differs. */
static bool gather_changes(gather *g, const int *nodes, int nnodes)
{
    fp_minutes_change *ch = pool_calloc(&g->pl, g->in.nsummary + 1,
                                        sizeof *ch);
    size_t n = 0;
    if (!ch || !week_changes(g, fp_week_prev(g->week), g->in.has_meeting
                             ? g->meeting.id : 0, g->prev, NULL, nodes,
                             nnodes, ch, &n, g->in.nsummary))
        return false;
    g->in.changes = ch;
    g->in.nchanges = n;
    return true;
}

/* ----------------------------------------------------------------- build */

static void week_dates(gather *g)
{
    long monday = fp_week_monday(g->week);
    fp_day_format(monday, g->first_day);
    fp_day_format(monday + 6, g->last_day);
    fp_week_format(g->week, g->week_s);
    fp_week_format(fp_week_prev(g->week), g->prev_s);
    g->in.week = g->week_s;
    g->in.prev_week = g->prev_s;
    g->in.first_day = g->first_day;
    g->in.last_day = g->last_day;
    g->in.currency = g->cat->reporting_currency;
}

/* "马来西亚店 / 服饰: ROAS 1.10x below break-even 1.5 for 3 weeks" */
static const char *stoploss_line(gather *g, const fp_rollup *at, int row,
                                 int roas, const fp_stoploss_rule *rule,
                                 int hit)
{
    const char *who;
    if (row < g->tree->nnodes) {
        who = node_label(g, row);
    } else {
        const fp_person *p = &g->tree->people[row - g->tree->nnodes];
        int role = fp_catalogue_role(g->cat, p->role);
        who = role < 0 ? p->name : pool_printf(&g->pl, "%s (%s)", p->name,
                  g->cat->roles[role].label_zh ? g->cat->roles[role].label_zh
                                               : g->cat->roles[role].label);
    }
    const char *value = value_text(g, roas,
                                   fp_rollup_cell(at, row, roas)->value);
    if (hit == 2)
        return pool_printf(&g->pl, _("%s: ROAS below break-even %g for %d "
                                     "days"), who, rule->roas, rule->days);
    return pool_printf(&g->pl, _("%s: ROAS %s below break-even %g for %d "
                                 "weeks"), who, value, rule->roas, rule->weeks);
}

/* Rows flagged 止损: stores and categories in tree order, then people.
 * A month or a quarter: the stop-loss at its newest week with data (as
 * the scorecard reads it), with that week's ROAS. */
static bool gather_stoploss(gather *g)
{
    int roas = fp_catalogue_kpi(g->cat, "roas");
    if (roas < 0)
        return true;
    const fp_rollup *at = !g->is_period ? g->now : fp_review_week(g->rv,
                              fp_review_stoploss_week(g->rv, g->period));
    if (!at)
        return false;
    int nrows = at->nrows;
    const char **lines = pool_calloc(&g->pl, (size_t)nrows + 1,
                                     sizeof *lines);
    if (!lines)
        return false;
    size_t n = 0;
    for (int row = 0; row < nrows; row++) {
        const fp_stoploss_rule *rule;
        int hit = fp_review_stoploss(g->rv, at, row, &rule);
        if (hit < 0)
            return false;
        if (hit)
            lines[n++] = stoploss_line(g, at, row, roas, rule, hit);
    }
    g->in.stoploss = lines;
    g->in.nstoploss = n;
    return true;
}

static bool gather_all(gather *g)
{
    g->now = fp_review_week(g->rv, g->week);
    if (!g->now)
        return false;
    g->prev = fp_review_week(g->rv, fp_week_prev(g->week));
    if (!g->prev)
        return false;
    week_dates(g);
    if (!gather_meeting(g))
        return false;
    int *nodes = pool_calloc(&g->pl, (size_t)g->tree->nnodes, sizeof *nodes);
    if (!nodes)
        return false;
    int nnodes = summary_nodes(g, nodes);
    return index_nodes(g) && label_kpis(g) &&
           fp_note_list_week(g->db, g->week, 0, &g->notes) &&
           bucket_notes(g) && gather_summary(g, nodes, nnodes) &&
           gather_items(g) && gather_causes(g) && gather_overrides(g) &&
           gather_actions(g) && gather_changes(g, nodes, nnodes) &&
           gather_stoploss(g) && !g->pl.failed;
}

/* ---------------------------------------------- a month or a quarter */

/* Appends n items of size from src to *dst (which owns them after), a
 * list grown by fp_list_push (model/vec.h's rule). */
static bool append_items(void **dst, size_t *ndst, void *src, size_t n,
                         size_t size)
{
    if (n == 0)
        return true;
    char *p = fp_grow_more(*dst, size, *ndst, n);
    if (!p)
        return false;
    memcpy(p + *ndst * size, src, n * size);
    *dst = p;
    *ndst += n;
    return true;
}

/* Notes (week order) and overrides (newest first) of the period's weeks. */
static bool period_lists(gather *g)
{
    fp_week first = fp_period_first(g->period);
    for (fp_week w = fp_period_last(g->period); w >= first;
         w = fp_week_prev(w)) {
        fp_override_list ol = {NULL, 0};
        if (!fp_override_list_get(g->db, w, 0, NULL, &ol))
            return false;
        bool ok = append_items((void **)&g->overrides.items,
                               &g->overrides.n, ol.items, ol.n,
                               sizeof *ol.items);
        if (!ok)
            fp_override_list_done(&ol);
        else
            free(ol.items);
        if (!ok)
            return false;
    }
    for (fp_week w = first; w <= fp_period_last(g->period);
         w = fp_week_next(w)) {
        fp_note_list nl = {NULL, 0};
        if (!fp_note_list_week(g->db, w, 0, &nl))
            return false;
        bool ok = append_items((void **)&g->notes.items, &g->notes.n,
                               nl.items, nl.n, sizeof *nl.items);
        if (!ok)
            fp_note_list_done(&nl);
        else
            free(nl.items);
        if (!ok)
            return false;
    }
    return true;
}

static void period_dates(gather *g)
{
    const fp_rollup *r = g->now;
    fp_day_format(fp_week_monday(fp_period_first(g->period)), g->first_day);
    fp_day_format(fp_week_monday(fp_period_last(g->period)) + 6,
                  g->last_day);
    char label[FP_PERIOD_LABEL];
    fp_period_label(g->period, label);
    if (r->weeks_with_data < r->period_weeks)
        snprintf(g->period_s, sizeof g->period_s,
                 _("%s, partial: %d of %d weeks with data"), label,
                 r->weeks_with_data, r->period_weeks);
    else
        snprintf(g->period_s, sizeof g->period_s, "%s", label);
    fp_period_label(fp_period_add(g->period, -1), g->prev_period_s);
    fp_period_label(g->period, g->period_label);
    g->in.is_period = true;
    g->in.period = g->period_label;
    g->in.week = g->period_s;
    g->in.prev_week = g->prev_period_s;
    g->in.first_day = g->first_day;
    g->in.last_day = g->last_day;
    g->in.currency = g->cat->reporting_currency;
    g->in.meeting_start = g->in.meeting_end = g->in.attendees = "";
}

/* Minutes from start to end ("YYYY-MM-DDTHH:MM:SS"); -1 when unknown. */
static int stamp_minutes(const char *start, const char *end)
{
    int y1, mo1, d1, h1, mi1, y2, mo2, d2, h2, mi2;
    if (!start || !end ||
        sscanf(start, "%d-%d-%d%*c%d:%d", &y1, &mo1, &d1, &h1, &mi1) != 5 ||
        sscanf(end, "%d-%d-%d%*c%d:%d", &y2, &mo2, &d2, &h2, &mi2) != 5)
        return -1;
    long mins = (fp_days_from_civil(y2, mo2, d2) -
                 fp_days_from_civil(y1, mo1, d1)) * 1440L +
                (h2 * 60 + mi2) - (h1 * 60 + mi1);
    return mins >= 0 && mins < 100000 ? (int)mins : -1;
}

/* The newest meeting of each of the period's weeks, in week order. */
static bool period_meetings(gather *g)
{
    fp_week first = fp_period_first(g->period), last = g->week;
    fp_minutes_meeting *ms = pool_calloc(&g->pl,
        (size_t)fp_week_diff(last, first) + 1, sizeof *ms);
    if (!ms)
        return false;
    size_t n = 0;
    for (fp_week w = first; w <= last; w = fp_week_next(w)) {
        fp_meeting m;
        bool has = fp_meeting_get(g->db, w, &m);
        if (!has && m.id < 0)
            return false;
        if (has) {
            char ws[FP_WEEK_STR], date[11];
            fp_week_format(w, ws);
            snprintf(date, sizeof date, "%.10s", m.started_at ? m.started_at
                                                               : "");
            ms[n++] = (fp_minutes_meeting){
                pool_str(&g->pl, ws), pool_str(&g->pl, date),
                stamp_minutes(m.started_at, m.ended_at),
                pool_str(&g->pl, m.attendees ? m.attendees : "")};
        }
        fp_meeting_done(&m);
    }
    g->in.meetings = ms;
    g->in.nmeetings = n;
    return true;
}

/* The period's weeks' key figures as the newest meeting showed them and
 * as they are now; only the ones whose shown text differs. */
static bool period_changes(gather *g, const int *nodes, int nnodes)
{
    fp_week first = fp_period_first(g->period), last = g->week;
    size_t cap = g->in.nsummary * ((size_t)fp_week_diff(last, first) + 1);
    fp_minutes_change *ch = pool_calloc(&g->pl, cap + 1, sizeof *ch);
    if (!ch)
        return false;
    size_t n = 0;
    for (fp_week w = first; w <= last; w = fp_week_next(w)) {
        const fp_rollup *r = fp_review_week(g->rv, w);
        char ws[FP_WEEK_STR];
        fp_week_format(w, ws);
        if (!r || !week_changes(g, w, 0, r, ws, nodes, nnodes, ch, &n, cap))
            return false;
    }
    g->in.changes = ch;
    g->in.nchanges = n;
    return true;
}

/* A period's minutes: its summary, red and amber items, the notes and
 * overrides of its weeks, the meetings held in them, its action items
 * and its weeks' figures changed since the meetings showed them. */
static bool gather_period(gather *g)
{
    g->prev = fp_review_period(g->rv, fp_period_add(g->period, -1));
    g->now = g->prev ? fp_review_period(g->rv, g->period) : NULL;
    if (!g->now)
        return false;
    period_dates(g);
    int *nodes = pool_calloc(&g->pl, (size_t)g->tree->nnodes, sizeof *nodes);
    if (!nodes)
        return false;
    int nnodes = summary_nodes(g, nodes);
    return index_nodes(g) && label_kpis(g) && period_lists(g) &&
           bucket_notes(g) && gather_summary(g, nodes, nnodes) &&
           gather_items(g) && gather_causes(g) && gather_overrides(g) &&
           period_meetings(g) && gather_actions(g) &&
           period_changes(g, nodes, nnodes) &&
           gather_stoploss(g) && !g->pl.failed;
}

static void gather_done(gather *g)
{
    fp_note_list_done(&g->notes);
    fp_override_list_done(&g->overrides);
    fp_action_list_done(&g->actions);
    fp_meeting_done(&g->meeting);
    pool_free(&g->pl);
}

/* Gathers the week into g (gather_done after, whatever the result);
 * false with a message in err. */
static bool gather_week(gather *g, fp_review *rv, fp_week week, char *err,
                        size_t errsz)
{
    char ws[FP_WEEK_STR];
    fp_week_format(week, ws);
    memset(g, 0, sizeof *g);
    int exists = fp_week_valid(week) ? fp_review_week_exists(rv, week) : 0;
    if (exists <= 0) {
        if (exists < 0)
            snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        else
            snprintf(err, errsz, _("no data for %s"), ws);
        return false;
    }
    g->rv = rv;
    g->db = fp_review_db(rv);
    g->cat = fp_review_catalogue(rv);
    g->tree = fp_review_tree(rv);
    g->week = week;
    if (gather_all(g))
        return true;
    snprintf(err, errsz, "%s", g->pl.failed || !*g->db->err
                                   ? _("out of memory") : g->db->err);
    return false;
}

static fp_minutes_format format_of(int format)
{
    return format == 1 ? FP_MINUTES_MD
         : format == 2 ? FP_MINUTES_CHAT : FP_MINUTES_TEXT;
}

char *fp_minutes_build(fp_review *rv, fp_week week, int format, char *err,
                       size_t errsz)
{
    gather g;
    char *out = NULL;
    if (gather_week(&g, rv, week, err, errsz)) {
        out = fp_minutes_render(&g.in, format_of(format));
        if (!out)
            snprintf(err, errsz, "%s", _("out of memory"));
    }
    gather_done(&g);
    return out;
}

char **fp_minutes_build_platform(fp_review *rv, fp_week week,
                                 fp_chat_platform p, size_t limit,
                                 size_t *n, char *err, size_t errsz)
{
    gather g;
    char **out = NULL;
    if (gather_week(&g, rv, week, err, errsz)) {
        out = fp_minutes_platform(&g.in, p, limit, n);
        if (!out)
            snprintf(err, errsz, "%s", _("out of memory"));
    }
    gather_done(&g);
    return out;
}

char *fp_minutes_build_period(fp_review *rv, fp_period period, int format,
                              char *err, size_t errsz)
{
    if (period.kind == FP_PERIOD_WEEK)
        return fp_minutes_build(rv, fp_period_first(period), format, err,
                                errsz);
    char ps[FP_PERIOD_STR];
    fp_period_format(period, ps);
    int exists = fp_review_period_exists(rv, period);
    if (exists <= 0) {
        if (exists < 0)
            snprintf(err, errsz, "%s", fp_review_db(rv)->err);
        else
            snprintf(err, errsz, _("no data for %s"), ps);
        return NULL;
    }
    gather g;
    memset(&g, 0, sizeof g);
    g.rv = rv;
    g.db = fp_review_db(rv);
    g.cat = fp_review_catalogue(rv);
    g.tree = fp_review_tree(rv);
    g.is_period = true;
    g.period = period;
    g.week = fp_period_last(period);
    char *out = NULL;
    if (gather_period(&g))
        out = fp_minutes_render(&g.in, format_of(format));
    if (!out)
        snprintf(err, errsz, "%s", g.pl.failed || !*g.db->err
                                       ? _("out of memory") : g.db->err);
    gather_done(&g);
    return out;
}
