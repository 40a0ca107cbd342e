/* The quarterly review as text, Markdown or CSV; see kpi_review.h. */
#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "model/i18n.h"
#include "model/kpi_review.h"
#include "model/labels.h"
#include "model/text.h"

/* One cause: its id (CSV) or its label in the interface language. */
static void cause_name(const fp_kpi_review *kr, int c, bool labels,
                       char *buf, size_t bufsz)
{
    if (labels)
        fp_label_cause(kr->cat, kr->cat->causes[c].id, FP_LABEL_FIRST, buf,
                       bufsz);
    else
        snprintf(buf, bufsz, "%s", kr->cat->causes[c].id);
}

/* "stockout 3, pricing 1": causes by count, most first. */
static void causes_text(const fp_kpi_review *kr, int k, bool labels,
                        char *buf, size_t bufsz)
{
    const fp_kpi_review_row *r = &kr->rows[k];
    size_t o = 0;
    buf[0] = '\0';
    for (int best = 1 << 30; o < bufsz;) {
        int next = 0;
        for (int c = 0; c < kr->cat->ncauses; c++)
            if (r->causes[c] < best && r->causes[c] > next)
                next = r->causes[c];
        if (next == 0)
            break;
        for (int c = 0; c < kr->cat->ncauses && o < bufsz; c++) {
            char name[128];
            if (r->causes[c] != next)
                continue;
            cause_name(kr, c, labels, name, sizeof name);
            o += (size_t)snprintf(buf + o, bufsz - o, "%s%s %d",
                                  o ? ", " : "", name, next);
        }
        best = next;
    }
}

/* The flags as ids (CSV) or words in the interface language. */
static void flags_text(const fp_kpi_review_row *r, bool labels, char *buf,
                       size_t bufsz)
{
    const char *always = labels ? _("always green") : "always_green";
    const char *never = labels ? _("never green") : "never_green";
    const char *moves = labels ? _("moves no result") : "moves_no_result";
    snprintf(buf, bufsz, "%s%s%s%s",
             r->always_green ? always : "", r->never_green ? never : "",
             r->moves_no_result && (r->always_green || r->never_green)
                 ? " " : "",
             r->moves_no_result ? moves : "");
}

static void share(int part, int whole, char *buf, size_t bufsz)
{
    fp_format_decimal(whole ? 100.0 * part / whole : FP_NOVAL, buf, bufsz);
}

/* The fields of one KPI's line, as plain text. */
typedef struct {
    char people[16], pw[16], g[32], a[32], r[32], flags[64], ovr[16],
         causes[400], corr[32];
} kpi_line;

/* labels: words for people (text, Markdown), else ids (CSV). */
static void fill_line(const fp_kpi_review *kr, int k, bool labels,
                      kpi_line *l)
{
    const fp_kpi_review_row *r = &kr->rows[k];
    snprintf(l->people, sizeof l->people, "%d", r->people);
    snprintf(l->pw, sizeof l->pw, "%d", r->person_weeks);
    share(r->green, r->judged, l->g, sizeof l->g);
    share(r->amber, r->judged, l->a, sizeof l->a);
    share(r->red, r->judged, l->r, sizeof l->r);
    flags_text(r, labels, l->flags, sizeof l->flags);
    snprintf(l->ovr, sizeof l->ovr, "%d", r->overrides);
    causes_text(kr, k, labels, l->causes, sizeof l->causes);
    if (fp_has(r->r))
        snprintf(l->corr, sizeof l->corr, "%.2f", r->r);
    else
        l->corr[0] = '\0';
}

static const char *kind_of(const fp_kpi_review *kr, int k, bool labels)
{
    bool result = kr->cat->kpis[k].is_result;
    if (labels)
        return result ? _("result") : _("process");
    return result ? "result" : "process";
}

static void print_csv(const fp_kpi_review *kr, FILE *f)
{
    fputs("kpi,kind,people,person_weeks,green,amber,red,flags,overrides,"
          "causes,correlation\n", f);
    for (int k = 0; k < kr->cat->nkpis; k++) {
        if (!fp_kpi_review_listed(kr, k))
            continue;
        kpi_line l;
        fill_line(kr, k, false, &l);
        const char *fields[] = {kr->cat->kpis[k].id, kind_of(kr, k, false),
                                l.people, l.pw, l.g, l.a, l.r, l.flags,
                                l.ovr, l.causes, l.corr};
        for (int i = 0; i < 11; i++)
            fp_text_csv_field(f, fields[i], i == 10);
    }
    fputs("\nconflict,kpi_a,kpi_b,fired\n", f);
    for (int i = 0; i < kr->cat->nconflicts; i++) {
        const fp_conflict *c = &kr->cat->conflicts[i];
        fp_text_csv_field(f, c->text, false);
        fprintf(f, "%s,%s,%d\n", kr->cat->kpis[c->a].id,
                kr->cat->kpis[c->b].id, kr->conflicts[i]);
    }
}

/* "53%", "—" when nothing was judged */
static void pct(int part, int whole, char *buf, size_t bufsz)
{
    if (whole)
        snprintf(buf, bufsz, "%.0f%%", 100.0 * part / whole);
    else
        snprintf(buf, bufsz, "—");
}

static void text_line(const fp_kpi_review *kr, int k, bool md, FILE *f)
{
    kpi_line l;
    fill_line(kr, k, true, &l);
    char label[200], g[40], a[40], r[40];
    fp_label_kpi_fit(&kr->cat->kpis[k], FP_LABEL_BOTH, 26, label,
                     sizeof label);
    const fp_kpi_review_row *row = &kr->rows[k];
    pct(row->green, row->judged, g, sizeof g);
    pct(row->amber, row->judged, a, sizeof a);
    pct(row->red, row->judged, r, sizeof r);
    if (md) {
        fprintf(f, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                "\n", label, kind_of(kr, k, true), l.people, l.pw, g, a, r,
                l.flags,
                l.ovr, l.corr, l.causes);
        return;
    }
    fp_text_column(f, label, 26, false);
    fp_text_column(f, kind_of(kr, k, true), 8, false);
    fp_text_column(f, l.people, 6, true);
    fp_text_column(f, l.pw, 6, true);
    fp_text_column(f, g, 7, true);
    fp_text_column(f, a, 7, true);
    fp_text_column(f, r, 7, true);
    fp_text_column(f, l.ovr, 5, true);
    fp_text_column(f, l.corr, 6, true);
    fprintf(f, "%s%s%s\n", l.flags, *l.flags && *l.causes ? "  " : "",
            l.causes);
}

static void text_header(bool md, FILE *f)
{
    const char *const head[] = {"KPI", _("kind"), _("people"), _("p-wks"),
        fp_status_label(FP_ST_GREEN), fp_status_label(FP_ST_AMBER),
        fp_status_label(FP_ST_RED), _("ovr"), "r", _("flags"), _("causes")};
    static const int width[] = {26, 8, 6, 6, 7, 7, 7, 5, 6};
    if (md) { /* the columns of a Markdown row (text_line) */
        const char *const cols[] = {head[0], head[1], head[2],
            _("person-weeks"), head[4], head[5], head[6], head[9],
            _("overrides"), head[8], head[10]};
        fputs("|", f);
        for (int i = 0; i < 11; i++)
            fprintf(f, " %s |", cols[i]);
        fputs("\n|---|---|--:|--:|--:|--:|--:|---|--:|--:|---|\n", f);
        return;
    }
    for (int i = 0; i < 9; i++)
        fp_text_column(f, head[i], width[i], i >= 2);
    fprintf(f, "%s  %s\n", head[9], head[10]);
}

static void print_conflicts(const fp_kpi_review *kr, bool md, FILE *f)
{
    fprintf(f, md ? "\n## %s\n\n" : "\n%s\n", _("Conflict pairs that fired"));
    int any = 0;
    for (int i = 0; i < kr->cat->nconflicts; i++) {
        if (kr->conflicts[i] == 0)
            continue;
        const fp_conflict *c = &kr->cat->conflicts[i];
        char a[128], b[128];
        fp_label_kpi(&kr->cat->kpis[c->a], FP_LABEL_FIRST, a, sizeof a);
        fp_label_kpi(&kr->cat->kpis[c->b], FP_LABEL_FIRST, b, sizeof b);
        fprintf(f, "- %s / %s: %d  ", a, b, kr->conflicts[i]);
        fp_text_fputs(c->text, f);
        fputc('\n', f);
        any++;
    }
    if (!any)
        fprintf(f, "%s\n", _("None."));
}

static void print_text(const fp_kpi_review *kr, const char *title, bool md,
                       FILE *f)
{
    fprintf(f, md ? "# %s\n\n" : "%s\n\n", title);
    text_header(md, f);
    for (int k = 0; k < kr->cat->nkpis; k++)
        if (fp_kpi_review_listed(kr, k))
            text_line(kr, k, md, f);
    print_conflicts(kr, md, f);
}

void fp_kpi_review_write(const fp_kpi_review *kr, const char *title,
                         fp_kpi_review_format fmt, FILE *out)
{
    if (fmt == FP_KPI_REVIEW_CSV)
        print_csv(kr, out);
    else
        print_text(kr, title, fmt == FP_KPI_REVIEW_MD, out);
}

