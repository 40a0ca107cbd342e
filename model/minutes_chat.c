/* The chat minutes' sections: what a group reads on a phone, as one list
 * of blocks (minutes_doc.h) for the chat writers (minutes_chat_write.c).
 * Only headings, lines and bullets: no tables, no wraps, no padding. */
#include "model/minutes_chat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/i18n.h"
#include "model/rollup.h"

/* Notes shown per red node; the rest are counted on the last line. */
#define NOTES_PER_ITEM 3

static const char *nz(const char *s) { return s ? s : ""; }

static void add_buf(fp_mdoc *d, fp_mblock_kind kind, fp_buf *b)
{
    d->failed |= b->failed;
    fp_mdoc_add(d, kind, 0, fp_buf_str(b));
    fp_buf_done(b);
}

/* Minutes from "HH:MM" at the end of two "YYYY-MM-DD HH:MM" stamps of the
 * same day (end may be "HH:MM" alone); -1 when unknown. */
static int meeting_minutes(const char *start, const char *end)
{
    size_t ls = strlen(start), le = strlen(end);
    int h1, m1, h2, m2;
    if (ls < 5 || le < 5 || (le > 5 && strncmp(start, end, 10) != 0) ||
        sscanf(start + ls - 5, "%2d:%2d", &h1, &m1) != 2 ||
        sscanf(end + le - 5, "%2d:%2d", &h2, &m2) != 2)
        return -1;
    int mins = (h2 * 60 + m2) - (h1 * 60 + m1);
    return mins >= 0 ? mins : -1;
}

static int count_names(const char *list)
{
    int n = *list ? 1 : 0;
    for (; *list; list++)
        n += *list == ',';
    return n;
}

/* A month or a quarter: "Meetings (2): 2026-11-09 60 min, 2026-11-23". */
static void chat_meetings(fp_mdoc *d, const fp_minutes_input *in)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s (%zu)", _("Meetings"), in->nmeetings);
    for (size_t i = 0; i < in->nmeetings; i++) {
        const fp_minutes_meeting *m = &in->meetings[i];
        fp_buf_printf(&b, "%s %s", i ? "," : ":", nz(m->date));
        if (m->length_min >= 0)
            fp_buf_printf(&b, _(", %d min"), m->length_min);
    }
    add_buf(d, FP_MB_PARA, &b);
}

static void chat_meeting(fp_mdoc *d, const fp_minutes_input *in)
{
    if (in->is_period) {
        chat_meetings(d, in);
        return;
    }
    const char *start = nz(in->meeting_start), *end = nz(in->meeting_end);
    fp_buf b;
    fp_buf_init(&b);
    if (!in->has_meeting || !*start) {
        fp_buf_printf(&b, "%s: %s", _("Meeting"), _("not recorded"));
    } else {
        int mins = meeting_minutes(start, end);
        fp_buf_printf(&b, "%s: %s", _("Meeting"), start);
        if (mins >= 0)
            fp_buf_printf(&b, _(", %d min"), mins);
    }
    const char *who = nz(in->attendees);
    if (*who)
        fp_buf_printf(&b, ngettext("; %d attendee: %s",
                                   "; %d attendees: %s",
                                   (unsigned long)count_names(who)),
                      count_names(who), who);
    add_buf(d, FP_MB_PARA, &b);
}

/* The company's rows: the first group of the summary. */
static size_t company_rows(const fp_minutes_input *in)
{
    size_t n = in->nsummary > 0 ? 1 : 0;
    while (n < in->nsummary && !*nz(in->summary[n].node))
        n++;
    return n;
}

static size_t count_status(const fp_minutes_input *in, int status)
{
    size_t n = 0;
    for (size_t i = 0; i < in->nitems; i++)
        n += in->items[i].status == status;
    return n;
}

static void chat_headline(fp_mdoc *d, const fp_minutes_input *in)
{
    size_t nrows = company_rows(in);
    const fp_minutes_row *gmv = nrows ? &in->summary[0] : NULL;
    for (size_t i = 0; i < nrows; i++)
        if (strcmp(nz(in->summary[i].kpi_id), "gmv") == 0)
            gmv = &in->summary[i];
    fp_buf b;
    fp_buf_init(&b);
    if (gmv) {
        char actual[96];   /* GMV is money: "USD 28,848" */
        bool money = strcmp(nz(gmv->kpi_id), "gmv") == 0 && *nz(in->currency);
        snprintf(actual, sizeof actual, "%s%s%s", money ? in->currency : "",
                 money ? " " : "", nz(gmv->actual));
        fp_buf_printf(&b, _("%s %s %s vs target %s (%s), week on week %s. "),
                      nz(in->summary[0].node), nz(gmv->kpi), actual,
                      nz(gmv->target), nz(gmv->attainment), nz(gmv->wow));
    }
    size_t red = count_status(in, FP_ST_RED);
    size_t amber = count_status(in, FP_ST_AMBER);
    fp_buf_printf(&b, ngettext("%zu red", "%zu red", red), red);
    fp_buf_printf(&b, ngettext(", %zu amber.", ", %zu amber.", amber), amber);
    add_buf(d, FP_MB_PARA, &b);
}

/* The row of the item for the note's KPI, else the item's first red one. */
static const fp_minutes_row *note_row(const fp_minutes_item *it,
                                      const fp_minutes_note *n)
{
    for (size_t i = 0; *nz(n->kpi) && i < it->nkpis; i++)
        if (strcmp(nz(it->kpis[i].kpi), n->kpi) == 0)
            return &it->kpis[i];
    for (size_t i = 0; i < it->nkpis; i++)
        if (it->kpis[i].status == FP_ST_RED)
            return &it->kpis[i];
    return it->nkpis ? &it->kpis[0] : NULL;
}

/* A target is shown as "—" when there is none. */
static bool has_target(const fp_minutes_row *r)
{
    return *nz(r->target) && strcmp(r->target, "\xe2\x80\x94") != 0;
}

/* "✖ 泰国 TikTok 店 / 美妆 · 成交金额 GMV 120,000 vs 150,000 (80%): 缺货 —
 * text (王芳)" */
static void red_note(fp_mdoc *d, const fp_minutes_item *it,
                     const fp_minutes_note *n)
{
    const fp_minutes_row *r = note_row(it, n);
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "\xe2\x9c\x96 %s", nz(it->node));
    if (r && has_target(r))
        fp_buf_printf(&b, _(" \xc2\xb7 %s %s vs %s (%s)"), nz(r->kpi),
                      nz(r->actual), nz(r->target), nz(r->attainment));
    else if (r)
        fp_buf_printf(&b, " \xc2\xb7 %s %s", nz(r->kpi), nz(r->actual));
    fp_buf_printf(&b, ": %s \xe2\x80\x94 %s (%s)", nz(n->cause), nz(n->text),
                  nz(n->author));
    add_buf(d, FP_MB_BULLET, &b);
}

static void red_item(fp_mdoc *d, const fp_minutes_item *it)
{
    size_t shown = it->nnotes <= NOTES_PER_ITEM ? it->nnotes
                                                 : NOTES_PER_ITEM - 1;
    for (size_t i = 0; i < shown; i++)
        red_note(d, it, &it->notes[i]);
    if (shown < it->nnotes)
        fp_mdoc_addf(d, FP_MB_BULLET, 0,
                     ngettext("%s: %zu more note in the full minutes",
                              "%s: %zu more notes in the full minutes",
                              it->nnotes - shown),
                     nz(it->node), it->nnotes - shown);
}

static void chat_reds(fp_mdoc *d, const fp_minutes_input *in)
{
    size_t silent = 0, explained = 0;
    for (size_t i = 0; i < in->nitems; i++) {
        if (in->items[i].status != FP_ST_RED)
            continue;
        if (in->items[i].nnotes == 0) {
            silent++;
        } else if (explained++ == 0) {
            fp_mdoc_add(d, FP_MB_HEADING, 0, _("Red, with the causes"));
        }
        if (in->items[i].nnotes > 0)
            red_item(d, &in->items[i]);
    }
    if (silent > 0)
        fp_mdoc_addf(d, FP_MB_PARA, 0,
                     ngettext("%zu more red item has no note yet.",
                              "%zu more red items have no note yet.",
                              silent), silent);
}

/* 止损: every flag, before the reds (nothing when no rule fired). */
static void chat_stoploss(fp_mdoc *d, const fp_minutes_input *in)
{
    if (in->nstoploss == 0)
        return;
    fp_mdoc_add(d, FP_MB_HEADING, 0, _("止损 Stop-loss"));
    for (size_t i = 0; i < in->nstoploss; i++)
        fp_mdoc_add(d, FP_MB_BULLET, 0, in->stoploss[i]);
}

static void chat_overrides(fp_mdoc *d, const fp_minutes_input *in)
{
    if (in->noverrides == 0)
        return;
    fp_mdoc_addf(d, FP_MB_HEADING, 0, "%s (%zu)", _("Overrides"),
                 in->noverrides);
    for (size_t i = 0; i < in->noverrides; i++) {
        const fp_minutes_override *o = &in->overrides[i];
        fp_buf b;
        fp_buf_init(&b);
        if (*nz(o->reverted_at))
            fp_buf_printf(&b, "[%s] ", _("reverted"));
        fp_buf_printf(&b, "%s: %s \xc2\xb7 %s %s \xe2\x86\x92 %s, %s",
                      nz(o->author), nz(o->node), nz(o->kpi), nz(o->from),
                      nz(o->to), nz(o->reason));
        add_buf(d, FP_MB_BULLET, &b);
    }
}

static void action_line(fp_mdoc *d, const fp_minutes_action *a)
{
    fp_buf b;
    fp_buf_init(&b);
    if (a->overdue)
        fp_buf_printf(&b, "\xe2\x9a\xa0 %s: ", _("overdue"));
    fp_buf_printf(&b, "%s \xe2\x80\x94 %s", nz(a->text), nz(a->owner));
    fp_buf_printf(&b, _(", due %s"), nz(a->due));
    add_buf(d, FP_MB_BULLET, &b);
}

static void action_group(fp_mdoc *d, const char *title,
                         const fp_minutes_action *a, size_t n)
{
    if (n == 0)
        return;
    fp_mdoc_addf(d, FP_MB_SUB, 0, "%s (%zu)", title, n);
    for (size_t i = 0; i < n; i++)
        action_line(d, &a[i]);
}

static void chat_actions(fp_mdoc *d, const fp_minutes_input *in)
{
    if (in->nnew + in->ncarried + in->ndone == 0)
        return;
    fp_mdoc_add(d, FP_MB_HEADING, 0, _("Action items"));
    if (in->is_period) {
        action_group(d, _("New in the period"), in->actions_new, in->nnew);
        action_group(d, _("Still open from before"), in->actions_carried,
                     in->ncarried);
        action_group(d, _("Done in the period"), in->actions_done,
                     in->ndone);
        return;
    }
    action_group(d, _("New this week"), in->actions_new, in->nnew);
    action_group(d, _("Carried over"), in->actions_carried, in->ncarried);
    action_group(d, _("Done since last meeting"), in->actions_done,
                 in->ndone);
}

static void chat_changes(fp_mdoc *d, const fp_minutes_input *in)
{
    if (!in->has_snapshot || in->nchanges == 0)
        return;
    fp_mdoc_addf(d, FP_MB_HEADING, 0, _("Changed since last meeting (%s)"),
                 nz(in->is_period ? in->period : in->prev_week));
    for (size_t i = 0; i < in->nchanges; i++) {
        const fp_minutes_change *c = &in->changes[i];
        fp_mdoc_addf(d, FP_MB_BULLET, 0, "%s \xc2\xb7 %s: %s \xe2\x86\x92 %s",
                     nz(c->node), nz(c->kpi), nz(c->then), nz(c->now));
    }
}

void fp_minutes_chat_doc(fp_mdoc *d, const fp_minutes_input *in)
{
    fp_mdoc_addf(d, FP_MB_TITLE, 0, _("周会复盘 Weekly review %s (%s – %s)"),
                 nz(in->week), nz(in->first_day), nz(in->last_day));
    chat_meeting(d, in);
    chat_headline(d, in);
    chat_stoploss(d, in);
    chat_reds(d, in);
    chat_overrides(d, in);
    chat_actions(d, in);
    chat_changes(d, in);
}
