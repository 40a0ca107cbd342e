/* fupan review --quarter Q: the quarterly review of the KPI system
 * (每季度回顾一次整体KPI体系有效性), per KPI over the quarter's
 * person-weeks. Reads only. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/list_out.h"
#include "cli/meeting_cli.h"
#include "model/format.h"
#include "model/i18n.h"
#include "model/kpi_review.h"
#include "model/text.h"
#include "storage/quarter_data.h"

static const char review_usage[] =
    "usage: fupan review --quarter YYYY-Qn [--format text|md|csv]\n"
    "                    [--db FILE] [--config FILE]\n"
    "Per KPI on a card, over the quarter's person-weeks (a quarter is the\n"
    "weeks whose Thursday falls in its months): people and person-weeks\n"
    "carrying it, green/amber/red shares, always green (>= 90 %) and never\n"
    "green (<= 10 %) flags, overrides, note causes, and for a process KPI\n"
    "the correlation of its attainment with the card's result KPIs'\n"
    "(|r| < 0.2: moves no result); then the conflict pairs that fired.\n"
    "csv: kpi,kind,people,person_weeks,green,amber,red,flags,overrides,\n"
    "causes,correlation, a blank line, then conflict,kpi_a,kpi_b,fired.\n";

typedef enum { OUT_TEXT, OUT_MD, OUT_CSV } out_fmt;

typedef struct {
    const char *db, *config, *quarter;
    out_fmt fmt;
} rv_opts;

static int parse_format(const char *s, out_fmt *f)
{
    if (!strcmp(s, "text")) *f = OUT_TEXT;
    else if (!strcmp(s, "md")) *f = OUT_MD;
    else if (!strcmp(s, "csv")) *f = OUT_CSV;
    else {
        fp_cli_error("--format: '%s' is not text, md or csv", s);
        return FP_EXIT_USAGE;
    }
    return 0;
}

static int parse_args(int argc, char **argv, rv_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"quarter", required_argument, 0, 'q'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c, rc = 0;
    optind = 1;
    while (rc == 0 && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'q': o->quarter = optarg; break;
        case 'f': rc = parse_format(optarg, &o->fmt); break;
        case 'h': fputs(review_usage, stdout); return -1;
        default: fputs(review_usage, stderr); return FP_EXIT_USAGE;
        }
    }
    if (rc == 0 && (!o->quarter || optind < argc)) {
        fputs(review_usage, stderr);
        rc = FP_EXIT_USAGE;
    }
    return rc;
}

/* The quarter's weeks that hold data; 0 when none (or -1: read error). */
static int weeks_with_data(fp_review *rv, const fp_week *all, int n,
                           fp_week *out)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        int e = fp_review_week_exists(rv, all[i]);
        if (e < 0)
            return -1;
        if (e)
            out[m++] = all[i];
    }
    return m;
}

static bool feed_weeks(fp_review *rv, const fp_week *weeks, int n,
                       fp_kpi_review *kr)
{
    for (int i = 0; i < n; i++) {
        const fp_rollup *prev = fp_review_week(rv, fp_week_prev(weeks[i]));
        const fp_rollup *now = prev ? fp_review_week(rv, weeks[i]) : NULL;
        if (!now)
            return false;
        fp_kpi_review_add_week(kr, now, prev);
    }
    return true;
}

/* "stockout 3, pricing 1": causes by count, most first. */
static void causes_text(const fp_kpi_review *kr, int k, char *buf,
                        size_t bufsz)
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
        for (int c = 0; c < kr->cat->ncauses && o < bufsz; c++)
            if (r->causes[c] == next)
                o += (size_t)snprintf(buf + o, bufsz - o, "%s%s %d",
                                      o ? ", " : "", kr->cat->causes[c].id,
                                      next);
        best = next;
    }
}

static void flags_text(const fp_kpi_review_row *r, char *buf, size_t bufsz)
{
    snprintf(buf, bufsz, "%s%s%s%s",
             r->always_green ? "always_green" : "",
             r->never_green ? "never_green" : "",
             r->moves_no_result && (r->always_green || r->never_green)
                 ? " " : "",
             r->moves_no_result ? "moves_no_result" : "");
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

static void fill_line(const fp_kpi_review *kr, int k, kpi_line *l)
{
    const fp_kpi_review_row *r = &kr->rows[k];
    snprintf(l->people, sizeof l->people, "%d", r->people);
    snprintf(l->pw, sizeof l->pw, "%d", r->person_weeks);
    share(r->green, r->judged, l->g, sizeof l->g);
    share(r->amber, r->judged, l->a, sizeof l->a);
    share(r->red, r->judged, l->r, sizeof l->r);
    flags_text(r, l->flags, sizeof l->flags);
    snprintf(l->ovr, sizeof l->ovr, "%d", r->overrides);
    causes_text(kr, k, l->causes, sizeof l->causes);
    if (fp_has(r->r))
        snprintf(l->corr, sizeof l->corr, "%.2f", r->r);
    else
        l->corr[0] = '\0';
}

static const char *kind_of(const fp_kpi_review *kr, int k)
{
    return kr->cat->kpis[k].is_result ? "result" : "process";
}

static void print_csv(const fp_kpi_review *kr)
{
    puts("kpi,kind,people,person_weeks,green,amber,red,flags,overrides,"
         "causes,correlation");
    for (int k = 0; k < kr->cat->nkpis; k++) {
        if (!fp_kpi_review_listed(kr, k))
            continue;
        kpi_line l;
        fill_line(kr, k, &l);
        const char *f[] = {kr->cat->kpis[k].id, kind_of(kr, k), l.people,
                           l.pw, l.g, l.a, l.r, l.flags, l.ovr, l.causes,
                           l.corr};
        for (int i = 0; i < 11; i++) {
            fp_csv_field(stdout, f[i]);
            putchar(i == 10 ? '\n' : ',');
        }
    }
    puts("");
    puts("conflict,kpi_a,kpi_b,fired");
    for (int i = 0; i < kr->cat->nconflicts; i++) {
        const fp_conflict *c = &kr->cat->conflicts[i];
        fp_csv_field(stdout, c->text);
        printf(",%s,%s,%d\n", kr->cat->kpis[c->a].id, kr->cat->kpis[c->b].id,
               kr->conflicts[i]);
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

static void text_line(const fp_kpi_review *kr, int k, bool md)
{
    kpi_line l;
    fill_line(kr, k, &l);
    char label[200], g[40], a[40], r[40];
    snprintf(label, sizeof label, "%s %s", kr->cat->kpis[k].label_zh,
             kr->cat->kpis[k].id);
    const fp_kpi_review_row *row = &kr->rows[k];
    pct(row->green, row->judged, g, sizeof g);
    pct(row->amber, row->judged, a, sizeof a);
    pct(row->red, row->judged, r, sizeof r);
    if (md) {
        printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
               label, kind_of(kr, k), l.people, l.pw, g, a, r, l.flags,
               l.ovr, l.corr, l.causes);
        return;
    }
    fp_mcli_col(label, 26, false);
    fp_mcli_col(kind_of(kr, k), 8, false);
    fp_mcli_col(l.people, 6, true);
    fp_mcli_col(l.pw, 6, true);
    fp_mcli_col(g, 7, true);
    fp_mcli_col(a, 7, true);
    fp_mcli_col(r, 7, true);
    fp_mcli_col(l.ovr, 5, true);
    fp_mcli_col(l.corr, 6, true);
    printf("%s%s%s\n", l.flags, *l.flags && *l.causes ? "  " : "", l.causes);
}

static void text_header(bool md)
{
    if (md) {
        puts("| KPI | kind | people | person-weeks | green | amber | red |"
             " flags | overrides | r | causes |");
        puts("|---|---|--:|--:|--:|--:|--:|---|--:|--:|---|");
        return;
    }
    fp_mcli_col("KPI", 26, false);
    fp_mcli_col("kind", 8, false);
    fp_mcli_col("people", 6, true);
    fp_mcli_col("p-wks", 6, true);
    fp_mcli_col("green", 7, true);
    fp_mcli_col("amber", 7, true);
    fp_mcli_col("red", 7, true);
    fp_mcli_col("ovr", 5, true);
    fp_mcli_col("r", 6, true);
    puts("flags  causes");
}

static void print_conflicts(const fp_kpi_review *kr, bool md)
{
    printf(md ? "\n## %s\n\n" : "\n%s\n", _("Conflict pairs that fired"));
    int any = 0;
    for (int i = 0; i < kr->cat->nconflicts; i++) {
        if (kr->conflicts[i] == 0)
            continue;
        const fp_conflict *c = &kr->cat->conflicts[i];
        printf("- %s / %s: %d  ", kr->cat->kpis[c->a].id,
               kr->cat->kpis[c->b].id, kr->conflicts[i]);
        fp_text_fputs(c->text, stdout);
        putchar('\n');
        any++;
    }
    if (!any)
        puts(_("None."));
}

static void print_text(const fp_kpi_review *kr, const char *title, bool md)
{
    printf(md ? "# %s\n\n" : "%s\n\n", title);
    text_header(md);
    for (int k = 0; k < kr->cat->nkpis; k++)
        if (fp_kpi_review_listed(kr, k))
            text_line(kr, k, md);
    print_conflicts(kr, md);
}

/* "2026-Q4 · W40–W53 · 8 of 14 weeks with data · 192 person-weeks" */
static void title_of(const rv_opts *o, const fp_week *all, int n, int m,
                     int pw, char *buf, size_t bufsz)
{
    char a[FP_WEEK_STR], b[FP_WEEK_STR];
    fp_week_format(all[0], a);
    fp_week_format(all[n - 1], b);
    snprintf(buf, bufsz, _("KPI system review %s · %s–%s · %d of %d weeks "
             "with data · %d person-weeks"), o->quarter, a, b, m, n, pw);
}

static int run_review(fp_review *rv, const rv_opts *o, const fp_week *all,
                      int n)
{
    fp_week weeks[FP_QUARTER_MAX_WEEKS];
    int m = weeks_with_data(rv, all, n, weeks);
    if (m <= 0) {
        if (m < 0)
            fp_cli_error("%s", fp_review_db(rv)->err);
        else
            fp_cli_error("--quarter: no data for %s", o->quarter);
        return m < 0 ? FP_EXIT_RUNTIME : FP_EXIT_INPUT;
    }
    if (!fp_cli_use_week(rv, weeks[m - 1]))
        return FP_EXIT_RUNTIME;
    fp_kpi_review *kr = fp_kpi_review_new(fp_review_catalogue(rv),
                                          fp_review_tree(rv)->npeople);
    bool ok = kr && feed_weeks(rv, weeks, m, kr) &&
              fp_kpi_review_load_marks(rv, all[0], all[n - 1], kr);
    if (ok) {
        char title[256];
        fp_kpi_review_finish(kr);
        title_of(o, all, n, m, kr->person_weeks, title, sizeof title);
        if (o->fmt == OUT_CSV)
            print_csv(kr);
        else
            print_text(kr, title, o->fmt == OUT_MD);
    } else {
        fp_cli_error("%s", kr ? fp_review_db(rv)->err : "out of memory");
    }
    fp_kpi_review_free(kr);
    return ok ? FP_EXIT_OK : FP_EXIT_RUNTIME;
}

int fp_cmd_review(int argc, char **argv)
{
    rv_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    int year, quarter;
    if (!fp_quarter_parse(o.quarter, &year, &quarter)) {
        fp_cli_error("--quarter: '%s' is not a quarter (2026-Q4)", o.quarter);
        return FP_EXIT_INPUT;
    }
    fp_week all[FP_QUARTER_MAX_WEEKS];
    int n = fp_quarter_weeks(year, quarter, all);
    fp_review *rv = fp_cli_open(o.db, o.config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = run_review(rv, &o, all, n);
    fp_review_close(rv);
    return rc;
}
