/* Roll-up benchmark on the big database (bench/gen_big.c).
 *
 * Usage: rollup FILE [SAMPLES]
 *
 * Opens FILE with fp_review_open (start-up timed on its own), then times
 * with CLOCK_MONOTONIC, over SAMPLES different weeks (default 20):
 *   week     fp_review_week of a week not computed before (roll-up only)
 *   step     the `]` key: the next week plus the 12-week GMV trend of the
 *            ~40 visible rows (the stores), earlier weeks already cached
 *   back     the `[` key: the previous week plus trends (one more week
 *            falls into the trend window)
 *   jump     the `g` key: a far week with every cache dropped, so the
 *            12 trend weeks are all computed
 *   sql      the same week's GROUP BY by store and KPI (facts joined with
 *            nodes) through SQLite in this process, for comparison
 *   load     just reading the week's facts (what the roll-up starts with)
 * and prints median, p99 (nearest rank) and max in milliseconds, and the
 * peak RSS. ROLLUP_RAW=1 also prints every sample in measuring order;
 * ROLLUP_CPU=1 measures this process's CPU time (user + system) instead
 * of wall time, which a machine shared with other work disturbs less.
 * Not a test: it asserts nothing about time. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "storage/review.h"

#define MAX_SAMPLES 200

static const char SQL_GROUP_BY[] =
    "SELECT n.store_id, f.kpi_id, sum(f.value) FROM facts f"
    " JOIN nodes n ON n.id = f.node_id WHERE f.week = ?1"
    " GROUP BY n.store_id, f.kpi_id";
static const char SQL_LOAD[] =
    "SELECT node_id, kpi_id, value FROM facts WHERE week = ?1";
#define MAX_VISIBLE 256

typedef struct { double ms[MAX_SAMPLES]; int n; } samples;

static double now_ms(void)
{
    static int clock_id = -1;
    if (clock_id < 0)
        clock_id = getenv("ROLLUP_CPU") ? CLOCK_PROCESS_CPUTIME_ID
                                        : CLOCK_MONOTONIC;
    struct timespec ts;
    clock_gettime((clockid_t)clock_id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *name, samples *s, const char *what)
{
    if (s->n == 0) {
        printf("%-6s  (no samples)\n", name);
        return;
    }
    if (getenv("ROLLUP_RAW")) {
        printf("%-6s  raw:", name);
        for (int i = 0; i < s->n; i++)
            printf(" %.2f", s->ms[i]);
        printf("\n");
    }
    qsort(s->ms, (size_t)s->n, sizeof s->ms[0], cmp_double);
    int p99 = (int)ceil(0.99 * s->n) - 1;
    printf("%-6s  median %8.2f ms   p99 %8.2f ms   max %8.2f ms   n=%d  %s\n",
           name, s->ms[s->n / 2], s->ms[p99], s->ms[s->n - 1], s->n, what);
}

/* The children of the company node: the rows on the first screen. */
static int visible_rows(const fp_tree *tree, int *rows)
{
    int n = 0;
    for (int c = tree->nodes[0].first_child; c >= 0 && n < MAX_VISIBLE;
         c = tree->nodes[c].next_sibling)
        rows[n++] = c;
    return n;
}

/* What the screen needs for one week: the roll-up and a sparkline per
 * visible row. Returns elapsed ms, or -1 on error. */
static double show_week(fp_review *rv, fp_week week, const int *rows,
                        int nrows, int kpi)
{
    double t0 = now_ms();
    if (!fp_review_week(rv, week))
        return -1;
    double trend[FP_TREND_WEEKS];
    for (int i = 0; i < nrows; i++)
        if (!fp_review_trend(rv, week, rows[i], kpi, trend))
            return -1;
    return now_ms() - t0;
}

static bool add(samples *s, double ms, fp_review *rv)
{
    if (ms < 0) {
        fprintf(stderr, "rollup: %s\n", fp_review_db(rv)->err);
        return false;
    }
    if (s->n < MAX_SAMPLES)
        s->ms[s->n++] = ms;
    return true;
}

/* Roll-up only, each week computed for the first time. The full cache
 * holds a few weeks: going back 13 weeks each time never hits it. */
static bool bench_week(fp_review *rv, fp_week latest, int n, samples *s)
{
    fp_review_refresh(rv, true);
    for (int i = 0; i < n; i++) {
        fp_week w = fp_week_add(latest, -13 * (i % 7) - i / 7);
        double t0 = now_ms();
        bool ok = fp_review_week(rv, w) != NULL;
        if (!add(s, ok ? now_ms() - t0 : -1, rv))
            return false;
    }
    return true;
}

/* `]` from an older week up to latest, and `[` back down again. */
static bool bench_step(fp_review *rv, fp_week latest, int n, const int *rows,
                       int nrows, int kpi, samples *fwd, samples *back)
{
    fp_review_refresh(rv, true);
    fp_week w = fp_week_add(latest, -n);
    if (show_week(rv, w, rows, nrows, kpi) < 0)
        return false;
    for (int i = 0; i < n; i++) {
        w = fp_week_next(w);
        if (!add(fwd, show_week(rv, w, rows, nrows, kpi), rv))
            return false;
    }
    fp_review_refresh(rv, true);
    w = latest;
    if (show_week(rv, w, rows, nrows, kpi) < 0)
        return false;
    for (int i = 0; i < n; i++) {
        w = fp_week_prev(w);
        if (!add(back, show_week(rv, w, rows, nrows, kpi), rv))
            return false;
    }
    return true;
}

/* `g` to a far week: nothing cached. */
static bool bench_jump(fp_review *rv, fp_week latest, int n, const int *rows,
                       int nrows, int kpi, samples *s)
{
    for (int i = 0; i < n; i++) {
        fp_review_refresh(rv, true);
        fp_week w = fp_week_add(latest, -(i * 37) % 80);
        if (!add(s, show_week(rv, w, rows, nrows, kpi), rv))
            return false;
    }
    return true;
}

/* A statement over one week's facts through SQLite in this process, for
 * comparison: the equivalent GROUP BY, or the plain read of the week's
 * rows that fp_review_week starts with. */
static bool bench_sql(fp_review *rv, fp_week latest, int n, const char *sql,
                      samples *s)
{
    sqlite3_stmt *st = fp_db_prepare(fp_review_db(rv), sql);
    if (!st)
        return add(s, -1, rv);
    for (int i = 0; i < n; i++) {
        double t0 = now_ms(), sum = 0;
        sqlite3_bind_int(st, 1, fp_week_add(latest, -13 * (i % 7) - i / 7));
        while (sqlite3_step(st) == SQLITE_ROW)
            sum += sqlite3_column_double(st, 2);
        sqlite3_reset(st);
        add(s, now_ms() - t0, rv);
        if (sum <= 0)
            fprintf(stderr, "rollup: empty week in sql bench\n");
    }
    sqlite3_finalize(st);
    return true;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static bool run(fp_review *rv, int n)
{
    const fp_tree *tree = fp_review_tree(rv);
    int kpi = fp_catalogue_kpi(fp_review_catalogue(rv), "gmv");
    fp_week latest = fp_review_latest_week(rv);
    int rows[MAX_VISIBLE];
    int nrows = visible_rows(tree, rows);
    if (kpi < 0 || latest == 0 || nrows == 0) {
        fprintf(stderr, "rollup: no gmv KPI, no facts or no stores\n");
        return false;
    }
    printf("tree: %d nodes, %d people; %d visible rows; latest week %d\n",
           tree->nnodes, tree->npeople, nrows, latest);
    static samples week, fwd, back, jump, sql, load;
    if (!bench_week(rv, latest, n, &week) ||
        !bench_step(rv, latest, n, rows, nrows, kpi, &fwd, &back) ||
        !bench_jump(rv, latest, n, rows, nrows, kpi, &jump) ||
        !bench_sql(rv, latest, n, SQL_GROUP_BY, &sql) ||
        !bench_sql(rv, latest, n, SQL_LOAD, &load))
        return false;
    report("week", &week, "fp_review_week, uncached week");
    report("step", &fwd, "] : next week + 12-week trends of visible rows");
    report("back", &back, "[ : previous week + trends");
    report("jump", &jump, "g : far week + trends, all caches dropped");
    report("sql", &sql, "GROUP BY store, kpi of one week (in process)");
    report("load", &load, "SELECT node_id, kpi_id, value of one week");
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: rollup FILE [SAMPLES]\n");
        return 2;
    }
    int n = argc == 3 ? atoi(argv[2]) : 20;
    if (n < 1 || n > MAX_SAMPLES)
        n = 20;
    char err[512];
    fp_review_opts opts = {.db_path = argv[1], .read_only = true};
    double t0 = now_ms();
    fp_review *rv = fp_review_open(&opts, err, sizeof err);
    if (!rv) {
        fprintf(stderr, "rollup: %s\n", err);
        return 1;
    }
    printf("start-up (fp_review_open): %.1f ms\n", now_ms() - t0);
    bool ok = run(rv, n);
    fp_review_close(rv);
    printf("peak RSS: %.1f MB\n", (double)peak_rss_kb() / 1024.0);
    return ok ? 0 : 1;
}
