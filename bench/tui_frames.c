/* Per-key frame times of the real TUI code path, headless, in process.
 *
 * Usage: tui_frames FILE COLSxROWS 'KEY KEY ...' [REPEAT]
 *
 * Runs fp_tui_run on FILE with the key script repeated REPEAT times
 * (default 1) and prints the time to the first frame and, per
 * key name, median / p99 / max of the time from reading the key to the
 * end of the frame drawn after it.
 *
 * How: the main loop draws a frame, then asks fp_keysrc_next for the next
 * event. Linked with -Wl,--wrap=fp_keysrc_next (bench/run.sh does), each
 * call is time-stamped: the gap between two calls is one key's handling
 * plus its frame. Built without the wrap (as `make bench` builds every
 * bench program) it only reports the whole run and says so.
 * Use single-event keys only (no prompts, no text: tokens). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/resource.h>

#include "tui/keysrc.h"
#include "tui/tui.h"

#define MAX_EVENTS 4096
#define MAX_SCRIPT 65536

void __real_fp_keysrc_next(fp_keysrc *src, fp_event *ev, int timeout_ms)
    __attribute__((weak));
void __wrap_fp_keysrc_next(fp_keysrc *src, fp_event *ev, int timeout_ms);

static double stamps[MAX_EVENTS + 1];
static int nstamps;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void __wrap_fp_keysrc_next(fp_keysrc *src, fp_event *ev, int timeout_ms)
{
    if (nstamps <= MAX_EVENTS)
        stamps[nstamps++] = now_ms();
    __real_fp_keysrc_next(src, ev, timeout_ms);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Times of the events whose token is name; sorted; returns the count. */
static int times_of(const char *name, char **tokens, int ntokens, double *out)
{
    int n = 0;
    for (int i = 0; i < ntokens && i + 1 < nstamps; i++)
        if (strcmp(tokens[i], name) == 0)
            out[n++] = stamps[i + 1] - stamps[i];
    qsort(out, (size_t)n, sizeof *out, cmp_double);
    return n;
}

static void report(char **tokens, int ntokens)
{
    static double t[MAX_EVENTS];
    for (int i = 0; i < ntokens; i++) {
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(tokens[i], tokens[j]) == 0;
        int n = seen ? 0 : times_of(tokens[i], tokens, ntokens, t);
        if (n == 0)
            continue;
        int p99 = (int)ceil(0.99 * n) - 1;
        printf("key %-8s median %7.2f ms   p99 %7.2f ms   max %7.2f ms   n=%d\n",
               tokens[i], t[n / 2], t[p99], t[n - 1], n);
    }
}

/* The script repeated, and its tokens (pointers into a copy). */
static char *build_script(const char *keys, int repeat, char **tokens,
                          int *ntokens)
{
    size_t len = strlen(keys);
    if ((len + 1) * (size_t)repeat >= MAX_SCRIPT)
        return NULL;
    static char script[MAX_SCRIPT], copy[MAX_SCRIPT];
    script[0] = '\0';
    for (int i = 0; i < repeat; i++) {
        strcat(script, keys);
        strcat(script, " ");
    }
    memcpy(copy, script, strlen(script) + 1);
    *ntokens = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " ", &save); tok && *ntokens < MAX_EVENTS;
         tok = strtok_r(NULL, " ", &save))
        tokens[(*ntokens)++] = tok;
    return script;
}

int main(int argc, char **argv)
{
    int cols, rows;
    char x;
    if (argc < 4 || argc > 5 ||
        sscanf(argv[2], "%d%c%d", &cols, &x, &rows) != 3) {
        fprintf(stderr, "usage: tui_frames FILE COLSxROWS 'KEYS' [REPEAT]\n");
        return 2;
    }
    int repeat = argc == 5 ? atoi(argv[4]) : 1;
    static char *tokens[MAX_EVENTS];
    int ntokens = 0;
    char *script = build_script(argv[3], repeat < 1 ? 1 : repeat, tokens,
                                &ntokens);
    if (!script) {
        fprintf(stderr, "tui_frames: key script too long\n");
        return 2;
    }
    fp_tui_opts opts = {.db_path = argv[1], .read_only = true,
                        .headless_cols = cols, .headless_rows = rows,
                        .keys = script};
    fflush(stdout);
    int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO); /* the final screen dump */
    double t0 = now_ms();
    int rc = fp_tui_run(&opts);
    double total = now_ms() - t0;
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("run: exit %d, %d keys, %.1f ms in all, peak RSS %.1f MB\n", rc,
           ntokens, total, (double)ru.ru_maxrss / 1024.0);
    if (!__real_fp_keysrc_next || nstamps == 0) {
        printf("per-key times: not measured (link with "
               "-Wl,--wrap=fp_keysrc_next)\n");
        return rc;
    }
    printf("first frame: %.1f ms (start-up, open, first frame with every number; sparklines of weeks not yet computed follow when no key waits)\n",
           stamps[0] - t0);
    report(tokens, ntokens);
    return rc;
}
