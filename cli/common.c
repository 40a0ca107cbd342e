/* Helpers shared by the subcommands. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>

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
    bool bad_config = false;
    fp_review_opts opts = {db, config, read_only, 0};
    const char *today = getenv("FUPAN_TODAY");
    int y, m, d;
    if (today && fp_date_parse(today, &y, &m, &d))
        opts.today = fp_days_from_civil(y, m, d);
    fp_review *rv = fp_review_open_checked(&opts, &bad_config, err,
                                           sizeof err);
    if (!rv)
        fp_cli_error("%s", err);
    if (!rv && bad_config)
        exit(FP_EXIT_INPUT); /* every subcommand: a refused config is input */
    return rv;
}

bool fp_cli_week(const char *text, fp_week *out)
{
    if (text && fp_week_parse(text, out))
        return true;
    fp_cli_error("--week: '%s' is not an ISO week that exists "
                 "(expected YYYY-Www, e.g. 2026-W47)", text ? text : "");
    return false;
}
