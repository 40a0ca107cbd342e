/* The minutes renderer; see minutes.h. A small writer with two faces
 * (text and Markdown) lays out headings, key/value lines, bullets and
 * tables; the sections below only say what goes where. */
#include "model/minutes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/rollup.h"
#include "model/text.h"

#define WIDTH FP_MINUTES_WIDTH
#define MAXCOLS 8

/* ---------------------------------------------------------------- writer */

typedef enum { K_NONE, K_TITLE, K_HEADING, K_SUB, K_META, K_PARA, K_BULLET,
               K_TABLE } block_kind;

typedef struct {
    fp_buf out;
    fp_minutes_format fmt;
    block_kind last;
    bool failed;
} writer;

static bool is_md(const writer *w) { return w->fmt == FP_MINUTES_MD; }

/* Releases a scratch buffer, remembering whether it ran out of memory. */
static void buf_done(writer *w, fp_buf *b)
{
    w->failed |= b->failed;
    fp_buf_done(b);
}

/* Sanitised copy of s (NULL -> ""); NULL only when out of memory. */
static char *clean(const char *s)
{
    return fp_text_sanitize(s ? s : "");
}

/* Markdown: a backslash before every character that could make markup
 * (or HTML) out of data in the middle of a line; see md_line_start for
 * the start of one. */
static void md_escape_into(fp_buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<|~", *s))
            fp_buf_addc(b, '\\');
        fp_buf_addc(b, *s);
    }
}

/* Markdown at the start of a line (or of a list item): also keeps data
 * from opening a heading, quote, list or rule ("# x", "> x", "- x",
 * "1. x"). */
static void md_line_start(fp_buf *b, const char *s)
{
    size_t digits = strspn(s, "0123456789");
    if (*s && strchr("#>-+=", *s)) {
        fp_buf_addc(b, '\\');
    } else if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
        fp_buf_addn(b, s, digits);
        fp_buf_addc(b, '\\');
        s += digits;
    }
    md_escape_into(b, s);
}

/* s sanitised (and escaped for md) into a new string; NULL when out of
 * memory. */
static char *cell_text(const writer *w, const char *s)
{
    char *c = clean(s);
    if (!c || !is_md(w))
        return c;
    fp_buf b;
    fp_buf_init(&b);
    md_escape_into(&b, c);
    free(c);
    return fp_buf_take(&b);
}

/* Blank lines between blocks: Markdown needs one between blocks of a
 * different kind; text puts one before headings and around groups, but
 * keeps a node's notes right under its table. */
static void begin_block(writer *w, block_kind kind)
{
    bool blank;
    if (w->last == K_NONE)
        blank = false;
    else if (is_md(w))
        blank = !(kind == w->last && (kind == K_BULLET || kind == K_META));
    else if (kind == K_HEADING)
        blank = true;
    else if (kind == K_SUB)
        blank = w->last != K_HEADING;
    else
        blank = kind != w->last && kind != K_BULLET &&
                (w->last == K_TITLE || w->last == K_TABLE ||
                 w->last == K_META);
    if (blank)
        fp_buf_addc(&w->out, '\n');
    w->last = kind;
}

/* Width in columns of the UTF-8 character at s (sanitised text). */
static int glyph_width(const char *s, int len)
{
    if (len == 1)
        return 1; /* printable ASCII: the text is sanitised */
    char g[8];
    memcpy(g, s, (size_t)len);
    g[len] = '\0';
    return fp_text_width(g);
}

/* Punctuation that must not start a line, and that must not end one
 * (a light form of the CJK line-breaking rules, kinsoku). */
static bool is_one_of(const char *g, int len, const char *const *set)
{
    for (; *set; set++)
        if ((int)strlen(*set) == len && memcmp(g, *set, (size_t)len) == 0)
            return true;
    return false;
}

static bool no_break_before(const char *g, int len)
{
    static const char *const closers[] = {
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "，", "。", "、",
        "；", "：", "！", "？", "）", "」", "』", "》", "】", "…", NULL,
    };
    return is_one_of(g, len, closers);
}

static bool no_break_after(const char *g, int len)
{
    static const char *const openers[] = {
        "(", "[", "{", "（", "「", "『", "《", "【", "\xe2\x80\x9c", NULL,
    };
    return is_one_of(g, len, openers);
}

/* Bytes of s that fit in cols columns. A line may break at a space
 * (which is dropped) or next to a wide (CJK) character, so that Latin
 * words stay whole and Chinese text fills the line; a word longer than
 * the line is cut. At least one character. */
static size_t wrap_point(const char *s, int cols, size_t *skip)
{
    size_t i = 0, brk = 0, brk_skip = 0, prev = 0;
    int w = 0, prev_w = 0;
    while (s[i]) {
        int len = fp_utf8_len(s + i);
        int gw = glyph_width(s + i, len);
        if (i > 0 && s[i] == ' ') {
            brk = i;
            brk_skip = 1;
        } else if (i > 0 && (gw == 2 || prev_w == 2) && s[prev] != ' ' &&
                   !no_break_before(s + i, len) &&
                   !no_break_after(s + prev, (int)(i - prev))) {
            brk = i;
            brk_skip = 0;
        }
        if (w + gw > cols && i > 0)
            break;
        w += gw;
        prev_w = gw;
        prev = i;
        i += (size_t)len;
    }
    *skip = 0;
    if (!s[i] || brk == 0)
        return i;
    *skip = brk_skip;
    return brk;
}

/* Writes text (sanitised) after prefix, wrapping at WIDTH columns onto
 * lines that start with cont (same width as prefix). */
static void text_wrapped(writer *w, const char *prefix, const char *cont,
                         const char *text)
{
    int pw = fp_text_width(prefix), cw = fp_text_width(cont);
    int room = WIDTH - (pw > cw ? pw : cw);
    if (room < 10)
        room = 10;
    const char *p = text;
    const char *lead = prefix;
    do {
        size_t skip;
        size_t n = wrap_point(p, room, &skip);
        fp_buf_add(&w->out, lead);
        fp_buf_addn(&w->out, p, n);
        fp_buf_addc(&w->out, '\n');
        p += n + skip;
        while (*p == ' ')
            p++;
        lead = cont;
    } while (*p);
}

/* One block of running text: text wraps, md escapes. */
static void emit_text(writer *w, const char *md_prefix, const char *prefix,
                      const char *cont, const char *s)
{
    char *c = clean(s);
    if (!c) {
        w->failed = true;
        return;
    }
    if (is_md(w)) {
        fp_buf_add(&w->out, md_prefix);
        md_line_start(&w->out, c + strspn(c, " "));
        fp_buf_addc(&w->out, '\n');
    } else {
        text_wrapped(w, prefix, cont, c);
    }
    free(c);
}

static void underline(writer *w, const char *s, const char *ch)
{
    int n = fp_text_width(s);
    fp_buf_repeat(&w->out, ch, n < WIDTH ? n : WIDTH);
    fp_buf_addc(&w->out, '\n');
}

static void w_title(writer *w, const char *s)
{
    begin_block(w, K_TITLE);
    emit_text(w, "# ", "", "", s);
    if (!is_md(w))
        underline(w, s, "=");
}

static void w_heading(writer *w, const char *s)
{
    begin_block(w, K_HEADING);
    emit_text(w, "## ", "", "", s);
    if (!is_md(w))
        underline(w, s, "-");
}

static void w_sub(writer *w, const char *s)
{
    begin_block(w, K_SUB);
    emit_text(w, "### ", "", "  ", s);
}

static void w_meta(writer *w, const char *label, const char *value)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s: %s", label, value ? value : "");
    begin_block(w, K_META);
    emit_text(w, "- ", "", "    ", fp_buf_str(&b));
    buf_done(w, &b);
}

static void w_para(writer *w, const char *s)
{
    begin_block(w, K_PARA);
    emit_text(w, "", "", "", s);
}

/* A bullet; depth 1 sits under a subheading's table (indented in text). */
static void w_bullet(writer *w, int depth, const char *s)
{
    begin_block(w, K_BULLET);
    emit_text(w, "- ", depth ? "  - " : "- ", depth ? "    " : "  ", s);
}

/* ----------------------------------------------------------------- table */

typedef struct {
    int ncols;
    const char *head[MAXCOLS];
    char align[MAXCOLS + 1];  /* 'l' or 'r' per column */
    int maxw[MAXCOLS];        /* text: widest a column may be */
    char **cells;             /* nrows * ncols, owned, sanitised/escaped */
    size_t nrows, cap;
    bool rule;                /* text: a line of dashes under the header */
    bool failed;
} table;

static void table_init(table *t, int ncols, const char *const *head,
                       const char *align, const int *maxw)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    for (int c = 0; c < ncols; c++) {
        t->head[c] = head[c];
        t->maxw[c] = maxw[c];
    }
    memcpy(t->align, align, (size_t)ncols);
    t->rule = true;
}

static void table_done(table *t)
{
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
}

static void table_add(table *t, const writer *w, const char *const *v)
{
    if (t->failed)
        return;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        char **cells = realloc(t->cells, cap * (size_t)t->ncols * sizeof *cells);
        if (!cells) {
            t->failed = true;
            return;
        }
        t->cells = cells;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++)
        if (!(row[c] = cell_text(w, v[c])))
            t->failed = true;
    if (t->failed) {
        for (int c = 0; c < t->ncols; c++)
            free(row[c]);
        return;
    }
    t->nrows++;
}

static const char *table_cell(const table *t, size_t r, int c)
{
    return t->cells[r * (size_t)t->ncols + (size_t)c];
}

/* Natural column widths: the widest cell or heading (capped in text). */
static void table_widths(const table *t, const writer *w, int *width)
{
    for (int c = 0; c < t->ncols; c++) {
        width[c] = fp_text_width(_(t->head[c]));
        for (size_t r = 0; r < t->nrows; r++) {
            int cw = fp_text_width(table_cell(t, r, c));
            if (cw > width[c])
                width[c] = cw;
        }
        if (!is_md(w) && t->maxw[c] > 0 && width[c] > t->maxw[c])
            width[c] = t->maxw[c];
        if (is_md(w) && width[c] < 3)
            width[c] = 3;
    }
}

/* Text: narrows the widest left-aligned column (then any column) until
 * the row fits in WIDTH columns. */
static void table_fit(const table *t, int indent, int *width)
{
    for (;;) {
        int total = indent + 2 * (t->ncols - 1), widest = -1;
        for (int c = 0; c < t->ncols; c++)
            total += width[c];
        if (total <= WIDTH)
            return;
        for (int pass = 0; pass < 2 && widest < 0; pass++)
            for (int c = 0; c < t->ncols; c++)
                if ((pass || t->align[c] == 'l') && width[c] > 4 &&
                    (widest < 0 || width[c] > width[widest]))
                    widest = c;
        if (widest < 0)
            return;
        width[widest]--;
    }
}

static void text_cell(writer *w, const char *s, int width, char align)
{
    char cell[1024];
    if (align == 'r')
        fp_text_fit_right(s, width, cell, sizeof cell);
    else
        fp_text_fit(s, width, true, cell, sizeof cell);
    fp_buf_add(&w->out, cell);
}

static void text_row(writer *w, const table *t, const char *const *v,
                     const int *width, int indent)
{
    fp_buf_repeat(&w->out, " ", indent);
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            fp_buf_add(&w->out, "  ");
        text_cell(w, v[c], width[c], t->align[c]);
    }
    fp_buf_addc(&w->out, '\n');
}

static void text_rule(writer *w, const table *t, const int *width,
                      int indent)
{
    fp_buf_repeat(&w->out, " ", indent);
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            fp_buf_add(&w->out, "  ");
        fp_buf_repeat(&w->out, "-", width[c]);
    }
    fp_buf_addc(&w->out, '\n');
}

static void md_cell(writer *w, const char *s, int width, char align)
{
    int pad = width - fp_text_width(s);
    fp_buf_add(&w->out, " ");
    if (align == 'r')
        fp_buf_repeat(&w->out, " ", pad);
    fp_buf_add(&w->out, s);
    if (align != 'r')
        fp_buf_repeat(&w->out, " ", pad);
    fp_buf_add(&w->out, " |");
}

static void md_row(writer *w, const table *t, const char *const *v,
                   const int *width)
{
    fp_buf_add(&w->out, "|");
    for (int c = 0; c < t->ncols; c++)
        md_cell(w, v[c], width[c], t->align[c]);
    fp_buf_addc(&w->out, '\n');
}

static void md_rule(writer *w, const table *t, const int *width)
{
    fp_buf_add(&w->out, "|");
    for (int c = 0; c < t->ncols; c++) {
        fp_buf_add(&w->out, " ");
        fp_buf_repeat(&w->out, "-", width[c] - (t->align[c] == 'r'));
        fp_buf_add(&w->out, t->align[c] == 'r' ? ": |" : " |");
    }
    fp_buf_addc(&w->out, '\n');
}

/* Header row, separator row, then the rows. indent: text only. */
static void w_table(writer *w, const table *t, int indent)
{
    int width[MAXCOLS];
    const char *head[MAXCOLS];
    w->failed |= t->failed;
    begin_block(w, K_TABLE);
    table_widths(t, w, width);
    for (int c = 0; c < t->ncols; c++)
        head[c] = _(t->head[c]);
    if (is_md(w)) {
        md_row(w, t, head, width);
        md_rule(w, t, width);
    } else {
        table_fit(t, indent, width);
        text_row(w, t, head, width, indent);
        if (t->rule)
            text_rule(w, t, width, indent);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        const char *const *row = (const char *const *)t->cells +
                                 r * (size_t)t->ncols;
        if (is_md(w))
            md_row(w, t, row, width);
        else
            text_row(w, t, row, width, indent);
    }
}

/* -------------------------------------------------------------- sections */

static const char *nz(const char *s) { return s ? s : ""; }

/* The status symbol alone ("✖"), for headings. */
static const char *status_symbol(int status)
{
    static const char *const symbols[] = {
        "\xc2\xb7", "\xe2\x97\x8f", "\xe2\x97\x90", "\xe2\x9c\x96",
    };
    return symbols[status >= 0 && status <= 3 ? status : 0];
}

const char *fp_minutes_status(int status)
{
    static char shown[4][64];
    int st = status >= 0 && status <= 3 ? status : 0;
    if (!shown[st][0]) /* once: a big company has thousands of rows */
        snprintf(shown[st], sizeof shown[st], "%s %s", status_symbol(st),
                 _(fp_status_word(st)));
    return shown[st];
}

static void section_title(writer *w, const fp_minutes_input *in)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, _("周会复盘 Weekly review %s (%s – %s)"), nz(in->week),
                  nz(in->first_day), nz(in->last_day));
    w_title(w, fp_buf_str(&b));
    buf_done(w, &b);

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
    w_meta(w, _("Meeting"), fp_buf_str(&b));
    buf_done(w, &b);
    w_meta(w, _("Attendees"),
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

static void legend(writer *w, unsigned marks)
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
        w_para(w, fp_buf_str(&b));
    buf_done(w, &b);
}

/* Adds one KPI row: with the node column (summary) or without (items). */
static void kpi_row(table *t, const writer *w, const fp_minutes_row *r,
                    bool with_node)
{
    fp_buf actual;
    fp_buf_init(&actual);
    marked(&actual, r->actual, r->marks);
    const char *summary[] = {
        nz(r->node), nz(r->currency), nz(r->kpi), fp_buf_str(&actual),
        nz(r->target), nz(r->attainment), fp_minutes_status(r->status),
        nz(r->wow),
    };
    const char *item[] = {
        fp_minutes_status(r->status), nz(r->kpi), fp_buf_str(&actual),
        nz(r->target), nz(r->attainment), nz(r->wow),
    };
    table_add(t, w, with_node ? summary : item);
    t->failed |= actual.failed;
    fp_buf_done(&actual);
}

static void section_summary(writer *w, const fp_minutes_input *in)
{
    static const char *const head[] = {
        N_("Node"), N_("Cur."), N_("KPI"), N_("Actual"), N_("Target"),
        N_("Att."), N_("Status"), N_("WoW"),
    };
    static const int maxw[] = {24, 4, 0, 14, 14, 6, 9, 8};
    w_heading(w, _("Summary"));
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, _("Money in each store's own currency; company totals "
                        "in %s."), nz(in->currency));
    w_para(w, fp_buf_str(&b));
    buf_done(w, &b);
    legend(w, all_marks(in->summary, in->nsummary));
    if (in->nsummary == 0) {
        w_para(w, _("No figures for this week."));
        return;
    }
    table t;
    table_init(&t, 8, head, "lllrrrlr", maxw);
    for (size_t i = 0; i < in->nsummary; i++)
        kpi_row(&t, w, &in->summary[i], true);
    w_table(w, &t, 0);
    table_done(&t);
}

static void note_bullet(writer *w, const fp_minutes_note *n)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_add(&b, nz(n->cause));
    if (*nz(n->kpi))
        fp_buf_printf(&b, " \xc2\xb7 %s", n->kpi);
    fp_buf_printf(&b, ": %s \xe2\x80\x94 %s", nz(n->text), nz(n->author));
    w_bullet(w, 1, fp_buf_str(&b));
    buf_done(w, &b);
}

static void item_block(writer *w, const fp_minutes_item *it)
{
    static const char *const head[] = {
        N_("Status"), N_("KPI"), N_("Actual"), N_("Target"), N_("Att."),
        N_("WoW"),
    };
    static const int maxw[] = {9, 0, 16, 16, 6, 8};
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s %s", status_symbol(it->status), nz(it->node));
    w_sub(w, fp_buf_str(&b));
    buf_done(w, &b);
    if (it->nkpis > 0) {
        table t;
        table_init(&t, 6, head, "llrrrr", maxw);
        t.rule = false; /* small tables, many of them: keep them short */
        for (size_t i = 0; i < it->nkpis; i++)
            kpi_row(&t, w, &it->kpis[i], false);
        w_table(w, &t, 2);
        table_done(&t);
    }
    for (size_t i = 0; i < it->nnotes; i++)
        note_bullet(w, &it->notes[i]);
    if (it->nnotes == 0)
        w_bullet(w, 1, _("no note yet"));
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
static void unexplained_bullet(writer *w, const fp_minutes_item *it)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s %s:", status_symbol(it->status), nz(it->node));
    const char *sep = " ";
    for (size_t i = 0; i < it->nkpis; i++) {
        const fp_minutes_row *r = &it->kpis[i];
        if (r->status != FP_ST_RED && r->status != FP_ST_AMBER)
            continue;
        fp_buf_printf(&b, "%s%s %s %s", sep, status_symbol(r->status),
                      nz(r->kpi), nz(r->attainment));
        sep = ", ";
    }
    w_bullet(w, 0, fp_buf_str(&b));
    buf_done(w, &b);
}

static void section_items(writer *w, const fp_minutes_input *in)
{
    w_heading(w, _("Red and amber items"));
    if (in->nitems == 0)
        w_para(w, _("Nothing is red or amber this week."));
    else
        legend(w, all_marks_items(in->items, in->nitems));
    size_t unexplained = 0;
    for (size_t i = 0; i < in->nitems; i++) {
        if (in->items[i].nnotes > 0)
            item_block(w, &in->items[i]);
        else
            unexplained++;
    }
    if (unexplained > 0)
        w_sub(w, _("Red or amber, no note yet"));
    for (size_t i = 0; i < in->nitems; i++)
        if (in->items[i].nnotes == 0)
            unexplained_bullet(w, &in->items[i]);

    w_heading(w, _("Other notes"));
    if (in->nothers == 0)
        w_para(w, count_notes(in->items, in->nitems) > 0
                      ? _("No other notes.")
                      : _("No notes were recorded for this week."));
    for (size_t i = 0; i < in->nothers; i++)
        item_block(w, &in->others[i]);
}

static void override_bullet(writer *w, const fp_minutes_override *o)
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
    w_bullet(w, 0, fp_buf_str(&b));
    buf_done(w, &b);
}

/* Stop-loss (止损), before the ordinary reds are discussed further;
 * nothing at all when no rule fired. */
static void section_stoploss(writer *w, const fp_minutes_input *in)
{
    if (in->nstoploss == 0)
        return;
    w_heading(w, _("止损 Stop-loss"));
    for (size_t i = 0; i < in->nstoploss; i++)
        w_bullet(w, 0, in->stoploss[i]);
}

static void section_overrides(writer *w, const fp_minutes_input *in)
{
    w_heading(w, _("Overrides"));
    if (in->noverrides == 0)
        w_para(w, _("No figures were corrected by hand this week."));
    for (size_t i = 0; i < in->noverrides; i++)
        override_bullet(w, &in->overrides[i]);
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

static void section_causes(writer *w, const fp_minutes_input *in)
{
    static const char *const head[] = {N_("Cause"), N_("Notes"), N_("Share")};
    static const int maxw[] = {60, 6, 6};
    w_heading(w, _("Cause summary"));
    int total = 0;
    for (size_t i = 0; i < in->ncauses; i++)
        total += in->causes[i].count;
    if (total == 0) {
        w_para(w, _("No notes, so no causes."));
        return;
    }
    size_t *order = causes_by_count(in);
    if (!order) {
        w->failed = true;
        return;
    }
    table t;
    table_init(&t, 3, head, "lrr", maxw);
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
        table_add(&t, w, row);
    }
    w_table(w, &t, 0);
    table_done(&t);
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

static void action_bullet(writer *w, const fp_minutes_action *a, bool carried)
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
    w_bullet(w, 0, fp_buf_str(&b));
    buf_done(w, &b);
}

static void action_group(writer *w, const char *title,
                         const fp_minutes_action *a, size_t n, bool carried)
{
    fp_buf b;
    fp_buf_init(&b);
    fp_buf_printf(&b, "%s (%zu)", title, n);
    w_sub(w, fp_buf_str(&b));
    buf_done(w, &b);
    if (n == 0)
        w_bullet(w, 0, _("none"));
    for (size_t i = 0; i < n; i++)
        action_bullet(w, &a[i], carried);
}

static void section_actions(writer *w, const fp_minutes_input *in)
{
    w_heading(w, _("Action items"));
    action_group(w, _("New this week"), in->actions_new, in->nnew, false);
    action_group(w, _("Carried over"), in->actions_carried, in->ncarried,
                 true);
    action_group(w, _("Done since last meeting"), in->actions_done,
                 in->ndone, false);
}

static void section_changes(writer *w, const fp_minutes_input *in)
{
    static const char *const head[] = {
        N_("Node"), N_("KPI"), N_("In the meeting"), N_("Now"),
    };
    static const int maxw[] = {30, 30, 16, 16};
    fp_buf b;
    fp_buf_init(&b);
    w_heading(w, _("Changed since last meeting"));
    if (!in->has_snapshot)
        fp_buf_printf(&b, _("No meeting recorded the figures of %s."),
                      nz(in->prev_week));
    else if (in->nchanges == 0)
        fp_buf_printf(&b, _("No changes: the figures of %s stand as shown "
                            "in the meeting."), nz(in->prev_week));
    else
        fp_buf_printf(&b, _("Figures of %s as shown in the meeting and as "
                            "they stand now (late data):"),
                      nz(in->prev_week));
    w_para(w, fp_buf_str(&b));
    buf_done(w, &b);
    if (!in->has_snapshot || in->nchanges == 0)
        return;
    table t;
    table_init(&t, 4, head, "llrr", maxw);
    for (size_t i = 0; i < in->nchanges; i++) {
        const fp_minutes_change *c = &in->changes[i];
        const char *row[] = {nz(c->node), nz(c->kpi), nz(c->then),
                             nz(c->now)};
        table_add(&t, w, row);
    }
    w_table(w, &t, 0);
    table_done(&t);
}

/* Safety net for the promise "no trailing spaces": drops blanks before
 * every newline (cells are padded, so a row can end in padding). */
static void strip_trailing_blanks(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '\n')
            while (o > s && o[-1] == ' ')
                o--;
        *o++ = *p;
    }
    while (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
}

char *fp_minutes_render(const fp_minutes_input *in, fp_minutes_format fmt)
{
    writer w = {.fmt = fmt, .last = K_NONE, .failed = false};
    fp_buf_init(&w.out);
    section_title(&w, in);
    section_summary(&w, in);
    section_stoploss(&w, in);
    section_items(&w, in);
    section_overrides(&w, in);
    section_causes(&w, in);
    section_actions(&w, in);
    section_changes(&w, in);
    char *s = fp_buf_take(&w.out);
    if (s && w.failed) {
        free(s);
        return NULL;
    }
    if (s)
        strip_trailing_blanks(s);
    return s;
}
