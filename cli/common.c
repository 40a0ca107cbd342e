/* Helpers shared by the subcommands. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void fp_cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("fupan: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

fp_review *fp_cli_open(const char *db, const char *config, bool read_only)
{
    char err[1024];
    fp_review_opts opts = {db, config, read_only, 0};
    const char *today = getenv("FUPAN_TODAY");
    int y, m, d;
    if (today && fp_date_parse(today, &y, &m, &d))
        opts.today = fp_days_from_civil(y, m, d);
    fp_review *rv = fp_review_open(&opts, err, sizeof err);
    if (!rv)
        fp_cli_error("%s", err);
    const char *wait = getenv("FUPAN_WAIT");
    double secs;
    if (rv && wait && fp_cli_wait_seconds(wait, &secs))
        fp_db_set_wait(fp_review_db(rv), (int)(secs * 1000));
    return rv;
}

bool fp_cli_wait_seconds(const char *text, double *secs)
{
    char *end;
    *secs = strtod(text, &end);
    return end != text && *end == '\0' && *secs >= 0 && *secs <= 86400;
}

/* Removes argv[i] and argv[i + 1 .. i + n - 1] (n words). */
static void drop_args(int *argc, char **argv, int i, int n)
{
    memmove(argv + i, argv + i + n, (size_t)(*argc - i - n + 1) * sizeof *argv);
    *argc -= n;
}

int fp_cli_take_wait(int *argc, char **argv)
{
    for (int i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
        bool joined = strncmp(argv[i], "--wait=", 7) == 0;
        if (!joined && strcmp(argv[i], "--wait") != 0)
            continue;
        const char *value = joined ? argv[i] + 7
                          : i + 1 < *argc ? argv[i + 1] : "";
        double secs;
        if (!fp_cli_wait_seconds(value, &secs)) {
            fp_cli_error("--wait: '%s' is not a number of seconds "
                         "(0 to 86400)", value);
            return FP_EXIT_USAGE;
        }
        setenv("FUPAN_WAIT", value, 1);
        drop_args(argc, argv, i--, joined ? 1 : 2);
    }
    return FP_EXIT_OK;
}

bool fp_cli_week(const char *text, fp_week *out)
{
    if (text && fp_week_parse(text, out))
        return true;
    fp_cli_error("--week: '%s' is not an ISO week that exists "
                 "(expected YYYY-Www, e.g. 2026-W47)", text ? text : "");
    return false;
}
