/* The minutes' sections: what goes where, as one list of blocks
 * (minutes_doc.h) that the writers lay out (minutes_write.c for text and
 * Markdown). See minutes.h. */
#include "model/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/labels.h"
#include "model/minutes_chat.h"
#include "model/minutes_doc.h"
#include "model/rollup.h"

/* ------------------------------------------------------------- blocks */

static void buf_done(fp_mdoc *d, fp_buf *b)
{
    d->failed |= b->failed;
    fp_buf_done(b);
}

static void w_title(fp_mdoc *d, const char *s) { fp_mdoc_add(d, FP_MB_TITLE, 0, s); }
static void w_heading(fp_mdoc *d, const char *s) { fp_mdoc_add(d, FP_MB_HEADING, 0, s); }
static void w_sub(fp_mdoc *d, const char *s) { fp_mdoc_add(d, FP_MB_SUB, 0, s); }
static void w_para(fp_mdoc *d, const char *s) { fp_mdoc_add(d, FP_MB_PARA, 0, s); }

/* A bullet; depth 1 sits under a subheading's table (indented in text). */
static void w_bullet(fp_mdoc *d, int depth, const char *s)
{
    fp_mdoc_add(d, FP_MB_BULLET, depth, s);
}

static void w_meta(fp_mdoc *d, const char *label, const char *value)
{
    fp_mdoc_addf(d, FP_MB_META, 0, "%s: %s", label, value ? value : "");
}

/* -------------------------------------------------------------- sections */

static const char *nz(const char *s) { return s ? s : ""; }

/* A month's or quarter's meetings: week, date, length, attendees. */
static void section_meetings(fp_mdoc *d, const fp_minutes_input *in)
{
    static const char *const head[] = {
        N_("ISO week"), N_("Date"), N_("Length"), N_("Attendees"),
    };
    static const int maxw[] = {9, 10, 10, 60};
    fp_mdoc_addf(d, FP_MB_HEADING, 0, "%s (%zu)", _("Meetings"),
                 in->nmeetings);
    if (in->nmeetings == 0) {
        w_para(d, _("No meeting recorded in the period."));
        return;
    }
    fp_mtable *t = fp_mdoc_table(d, 4, head, "llrl", maxw, 0);
    for (size_t i = 0; i < in->nmeetings; i++) {
        const fp_minutes_meeting *m = &in->meetings[i];
        char len[32] = "";
        if (m->length_min >= 0)
            snprintf(len, sizeof len, _("%d min"), m->length_min);
        const char *row[] = {nz(m->week), nz(m->date), len,
                             *nz(m->attendees) ? m->attendees
                                               : _("not recorded")};
        fp_mtable_add(d, t, row);
    }
}

static void section_title(fp_mdoc *d, const fp_minutes_input *in)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, _("周会复盘 Weekly review %s (%s – %s)"), nz(in->week),
                  nz(in->first_day), nz(in->last_day));
    w_title(d, fp_buf_str(&b));
    buf_done(d, &b);

    if (in->is_period) {
        section_meetings(d, in);
        return;
    }
    const char *start = nz(in->meeting_start), *end = nz(in->meeting_end);
    fp_buf_init(&b);
    if (!in->has_meeting || !*start)
        fp_buf_add(&b, _("not recorded"));
    else if (*end) /* "2026-11-23 10:00 – 11:05" on the same day */
        fp_buf_printf(&b, "%s – %s", start,
                      strlen(end) > 11 && strncmp(start, end, 11) == 0
                          ? end + 11 : end);
    else
        fp_buf_printf(&b, _("%s (not ended)"), start);
    w_meta(d, _("Meeting"), fp_buf_str(&b));
    buf_done(d, &b);
    w_meta(d, _("Attendees"),
           *nz(in->attendees) ? in->attendees : _("not recorded"));
}

/* "49,281*": the value with the marks of the legend. */
static void marked(fp_buf *b, const char *value, unsigned marks)
{
    fp_buf_add(b, nz(value));
    if (marks & FP_MIN_OVERRIDDEN)
        fp_buf_add(b, "*");
    if (marks & FP_MIN_STALE)
        fp_buf_add(b, "!");
    if (marks & FP_MIN_PROVISIONAL)
        fp_buf_add(b, "~");
}

static unsigned all_marks(const fp_minutes_row *rows, size_t n)
{
    unsigned m = 0;
    for (size_t i = 0; i < n; i++)
        m |= rows[i].marks;
    return m;
}

static void legend(fp_mdoc *d, unsigned marks)
{
    fp_buf b;
    fp_buf_init(&b);
    if (marks & FP_MIN_OVERRIDDEN)
        fp_buf_printf(&b, "%s", _("* set by hand (override)"));
    if (marks & FP_MIN_STALE)
        fp_buf_printf(&b, "%s%s", b.len ? "; " : "",
                      _("! source changed since the override"));
    if (marks & FP_MIN_PROVISIONAL)
        fp_buf_printf(&b, "%s%s", b.len ? "; " : "",
                      _("~ provisional (data still arriving)"));
    if (b.len)
        w_para(d, fp_buf_str(&b));
    buf_done(d, &b);
}

/* Adds one KPI row: with the node column (summary) or without (items). */
static void kpi_row(fp_mdoc *d, fp_mtable *t, const fp_minutes_row *r,
                    bool with_node)
{
    fp_buf actual;
    fp_buf_init(&actual);
    marked(&actual, r->actual, r->marks);
    const char *summary[] = {
        nz(r->node), nz(r->currency), nz(r->kpi), fp_buf_str(&actual),
        nz(r->target), nz(r->attainment), fp_status_text(r->status),
        nz(r->wow),
    };
    const char *item[] = {
        fp_status_text(r->status), nz(r->kpi), fp_buf_str(&actual),
        nz(r->target), nz(r->attainment), nz(r->wow),
    };
    fp_mtable_add(d, t, with_node ? summary : item);
    buf_done(d, &actual);
}

static void section_summary(fp_mdoc *d, const fp_minutes_input *in)
{
    static const char *const head[] = {
        N_("Node"), N_("Cur."), N_("KPI"), N_("Actual"), N_("Target"),
        N_("Att."), N_("Status"), N_("WoW"),
    };
    static const int maxw[] = {24, 4, 0, 14, 14, 6, 9, 8};
    w_heading(d, _("Summary"));
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, _("Money in each store's own currency; company totals "
                        "in %s."), nz(in->currency));
    w_para(d, fp_buf_str(&b));
    buf_done(d, &b);
    legend(d, all_marks(in->summary, in->nsummary));
    if (in->nsummary == 0) {
        w_para(d, _("No figures for this week."));
        return;
    }
    fp_mtable *t = fp_mdoc_table(d, 8, head, "lllrrrlr", maxw, 0);
    for (size_t i = 0; t && i < in->nsummary; i++)
        kpi_row(d, t, &in->summary[i], true);
}

static void note_bullet(fp_mdoc *d, const fp_minutes_note *n)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_add(&b, nz(n->cause));
    if (*nz(n->kpi))
        fp_buf_printf(&b, " \xc2\xb7 %s", n->kpi);
    fp_buf_printf(&b, ": %s \xe2\x80\x94 %s", nz(n->text), nz(n->author));
    w_bullet(d, 1, fp_buf_str(&b));
    buf_done(d, &b);
}

static void item_block(fp_mdoc *d, const fp_minutes_item *it)
{
    static const char *const head[] = {
        N_("Status"), N_("KPI"), N_("Actual"), N_("Target"), N_("Att."),
        N_("WoW"),
    };
    static const int maxw[] = {9, 0, 16, 16, 6, 8};
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s %s", fp_status_symbol(it->status), nz(it->node));
    w_sub(d, fp_buf_str(&b));
    buf_done(d, &b);
    if (it->nkpis > 0) {
        fp_mtable *t = fp_mdoc_table(d, 6, head, "llrrrr", maxw, 2);
        if (t) /* small tables, many of them: keep them short */
            t->rule = false;
        for (size_t i = 0; t && i < it->nkpis; i++)
            kpi_row(d, t, &it->kpis[i], false);
    }
    for (size_t i = 0; i < it->nnotes; i++)
        note_bullet(d, &it->notes[i]);
    if (it->nnotes == 0)
        w_bullet(d, 1, _("no note yet"));
}

static unsigned all_marks_items(const fp_minutes_item *items, size_t n)
{
    unsigned m = 0;
    for (size_t i = 0; i < n; i++)
        m |= all_marks(items[i].kpis, items[i].nkpis);
    return m;
}

static size_t count_notes(const fp_minutes_item *items, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += items[i].nnotes;
    return total;
}

/* One line for a red/amber node nobody has explained yet: its red and
 * amber KPIs with attainment, so long weeks stay short to paste. */
static void unexplained_bullet(fp_mdoc *d, const fp_minutes_item *it)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s %s:", fp_status_symbol(it->status), nz(it->node));
    const char *sep = " ";
    for (size_t i = 0; i < it->nkpis; i++) {
        const fp_minutes_row *r = &it->kpis[i];
        if (r->status != FP_ST_RED && r->status != FP_ST_AMBER)
            continue;
        fp_buf_printf(&b, "%s%s %s %s", sep, fp_status_symbol(r->status),
                      nz(r->kpi), nz(r->attainment));
        sep = ", ";
    }
    w_bullet(d, 0, fp_buf_str(&b));
    buf_done(d, &b);
}

static void section_items(fp_mdoc *d, const fp_minutes_input *in)
{
    w_heading(d, _("Red and amber items"));
    if (in->nitems == 0)
        w_para(d, _("Nothing is red or amber this week."));
    else
        legend(d, all_marks_items(in->items, in->nitems));
    size_t unexplained = 0;
    for (size_t i = 0; i < in->nitems; i++) {
        if (in->items[i].nnotes > 0)
            item_block(d, &in->items[i]);
        else
            unexplained++;
    }
    if (unexplained > 0)
        w_sub(d, _("Red or amber, no note yet"));
    for (size_t i = 0; i < in->nitems; i++)
        if (in->items[i].nnotes == 0)
            unexplained_bullet(d, &in->items[i]);

    w_heading(d, _("Other notes"));
    if (in->nothers == 0)
        w_para(d, count_notes(in->items, in->nitems) > 0
                      ? _("No other notes.")
                      : _("No notes were recorded for this week."));
    for (size_t i = 0; i < in->nothers; i++)
        item_block(d, &in->others[i]);
}

static void override_bullet(fp_mdoc *d, const fp_minutes_override *o)
{
    fp_buf b;
    fp_buf_init(&b);
    bool reverted = *nz(o->reverted_at) != '\0';
    if (reverted)
        fp_buf_printf(&b, "[%s] ", _("reverted"));
    fp_buf_printf(&b, "%s \xc2\xb7 %s: %s -> %s. ", nz(o->node), nz(o->kpi),
                  nz(o->from), nz(o->to));
    fp_buf_printf(&b, _("Reason: %s (%s, %s)"), nz(o->reason), nz(o->author),
                  nz(o->when));
    if (reverted)
        fp_buf_printf(&b, _(". Reverted %s by %s: %s"), o->reverted_at,
                      nz(o->reverted_by), nz(o->revert_reason));
    w_bullet(d, 0, fp_buf_str(&b));
    buf_done(d, &b);
}

/* Stop-loss (止损), before the ordinary reds are discussed further;
 * nothing at all when no rule fired. */
static void section_stoploss(fp_mdoc *d, const fp_minutes_input *in)
{
    if (in->nstoploss == 0)
        return;
    w_heading(d, _("止损 Stop-loss"));
    for (size_t i = 0; i < in->nstoploss; i++)
        w_bullet(d, 0, in->stoploss[i]);
}

static void section_overrides(fp_mdoc *d, const fp_minutes_input *in)
{
    w_heading(d, _("Overrides"));
    if (in->noverrides == 0)
        w_para(d, _("No figures were corrected by hand this week."));
    for (size_t i = 0; i < in->noverrides; i++)
        override_bullet(d, &in->overrides[i]);
}

/* Causes by count, most first; ties keep the catalogue's order. */
static size_t *causes_by_count(const fp_minutes_input *in)
{
    size_t *order = malloc((in->ncauses + 1) * sizeof *order);
    if (!order)
        return NULL;
    for (size_t i = 0; i < in->ncauses; i++) {
        size_t j = i;
        while (j > 0 &&
               in->causes[order[j - 1]].count < in->causes[i].count) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return order;
}

static void section_causes(fp_mdoc *d, const fp_minutes_input *in)
{
    static const char *const head[] = {N_("Cause"), N_("Notes"), N_("Share")};
    static const int maxw[] = {60, 6, 6};
    w_heading(d, _("Cause summary"));
    int total = 0;
    for (size_t i = 0; i < in->ncauses; i++)
        total += in->causes[i].count;
    if (total == 0) {
        w_para(d, _("No notes, so no causes."));
        return;
    }
    size_t *order = causes_by_count(in);
    if (!order) {
        d->failed = true;
        return;
    }
    fp_mtable *t = fp_mdoc_table(d, 3, head, "lrr", maxw, 0);
    for (size_t i = 0; i < in->ncauses; i++) {
        const fp_minutes_cause *c = &in->causes[order[i]];
        char count[24], share[24];
        if (c->count <= 0)
            continue;
        snprintf(count, sizeof count, "%d", c->count);
        /* rounded half up, in integers so the result is exact */
        snprintf(share, sizeof share, "%d%%",
                 (200 * c->count + total) / (2 * total));
        const char *row[] = {nz(c->label), count, share};
        fp_mtable_add(d, t, row);
    }
    free(order);
}

/* An action item's state as shown (the stored word, translated). */
static const char *state_word(const char *state)
{
    if (strcmp(state, "done") == 0)
        return _("done");
    if (strcmp(state, "dropped") == 0)
        return _("dropped");
    return state;
}

static void action_bullet(fp_mdoc *d, const fp_minutes_action *a, bool carried)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s \xe2\x80\x94 %s", nz(a->text), nz(a->owner));
    fp_buf_printf(&b, _(", due %s"), nz(a->due));
    if (a->overdue)
        fp_buf_printf(&b, ", %s", _("overdue"));
    if (carried && a->age_weeks > 0)
        fp_buf_printf(&b, ngettext(", open %d week", ", open %d weeks",
                                   (unsigned long)a->age_weeks),
                      a->age_weeks);
    if (strcmp(nz(a->state), "open") != 0)
        fp_buf_printf(&b, ", %s", state_word(a->state));
    if (*nz(a->node))
        fp_buf_printf(&b, " \xc2\xb7 %s", a->node);
    w_bullet(d, 0, fp_buf_str(&b));
    buf_done(d, &b);
}

static void action_group(fp_mdoc *d, const char *title,
                         const fp_minutes_action *a, size_t n, bool carried)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s (%zu)", title, n);
    w_sub(d, fp_buf_str(&b));
    buf_done(d, &b);
    if (n == 0)
        w_bullet(d, 0, _("none"));
    for (size_t i = 0; i < n; i++)
        action_bullet(d, &a[i], carried);
}

static void section_actions(fp_mdoc *d, const fp_minutes_input *in)
{
    w_heading(d, _("Action items"));
    if (in->is_period) {
        action_group(d, _("New in the period"), in->actions_new, in->nnew,
                     false);
        action_group(d, _("Still open from before"), in->actions_carried,
                     in->ncarried, true);
        action_group(d, _("Done in the period"), in->actions_done,
                     in->ndone, false);
        return;
    }
    action_group(d, _("New this week"), in->actions_new, in->nnew, false);
    action_group(d, _("Carried over"), in->actions_carried, in->ncarried,
                 true);
    action_group(d, _("Done since last meeting"), in->actions_done,
                 in->ndone, false);
}

static void section_changes(fp_mdoc *d, const fp_minutes_input *in)
{
    static const char *const head[] = {
        N_("Node"), N_("KPI"), N_("In the meeting"), N_("Now"),
    };
    static const int maxw[] = {30, 30, 16, 16};
    fp_buf b;
    fp_buf_init(&b);
    w_heading(d, _("Changed since last meeting"));
    if (in->is_period && !in->has_snapshot)
        fp_buf_printf(&b, _("No meeting recorded the figures of the weeks "
                            "of %s."), nz(in->period));
    else if (in->is_period && in->nchanges == 0)
        fp_buf_printf(&b, _("No changes: the figures of the weeks of %s "
                            "stand as shown in the meetings."),
                      nz(in->period));
    else if (in->is_period)
        fp_buf_printf(&b, _("Figures of the weeks of %s as shown in the "
                            "meetings and as they stand now (late data):"),
                      nz(in->period));
    else if (!in->has_snapshot)
        fp_buf_printf(&b, _("No meeting recorded the figures of %s."),
                      nz(in->prev_week));
    else if (in->nchanges == 0)
        fp_buf_printf(&b, _("No changes: the figures of %s stand as shown "
                            "in the meeting."), nz(in->prev_week));
    else
        fp_buf_printf(&b, _("Figures of %s as shown in the meeting and as "
                            "they stand now (late data):"),
                      nz(in->prev_week));
    w_para(d, fp_buf_str(&b));
    buf_done(d, &b);
    if (!in->has_snapshot || in->nchanges == 0)
        return;
    fp_mtable *t = fp_mdoc_table(d, 4, head, "llrr", maxw, 0);
    for (size_t i = 0; i < in->nchanges; i++) {
        const fp_minutes_change *c = &in->changes[i];
        const char *row[] = {nz(c->node), nz(c->kpi), nz(c->then),
                             nz(c->now)};
        fp_mtable_add(d, t, row);
    }
}

void fp_minutes_doc(fp_mdoc *d, const fp_minutes_input *in)
{
    section_title(d, in);
    section_summary(d, in);
    section_stoploss(d, in);
    section_items(d, in);
    section_overrides(d, in);
    section_causes(d, in);
    section_actions(d, in);
    section_changes(d, in);
}

char *fp_minutes_render(const fp_minutes_input *in, fp_minutes_format fmt)
{
    fp_mdoc d;
    fp_mdoc_init(&d);
    if (fmt == FP_MINUTES_CHAT)
        fp_minutes_chat_doc(&d, in);
    else
        fp_minutes_doc(&d, in);
    char *s = fmt == FP_MINUTES_CHAT ? fp_mdoc_write_chat(&d)
                                     : fp_mdoc_write(&d, fmt);
    fp_mdoc_done(&d);
    return s;
}
