/* Helpers shared by the subcommands. */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/text.h"

/* The message may carry bytes from data (a header cell, a name): it is
 * written through the sanitiser, so no control byte reaches the
 * terminal. */
void fp_cli_error(const char *fmt, ...)
{
    char small[512], *msg = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    fputs("fupan: ", stderr);
    fp_text_fputs(msg ? msg : small, stderr);
    fputc('\n', stderr);
    if (msg != small)
        free(msg);
}

/* A command that only reads or adds to a database never creates one:
 * a missing file is one line naming it and how to make one. */
static bool database_exists(const char *db)
{
    char *path = db ? strdup(db) : fp_db_default_path();
    if (!path) {
        fp_cli_error(_("out of memory"));
        return false;
    }
    bool ok = access(path, F_OK) == 0;
    if (!ok && db)
        fp_cli_error(_("no database at %s: create one with 'fupan init --db "
                     "%s' (or 'fupan init --sample --db %s' for the sample "
                     "meeting)"), path, path, path);
    else if (!ok)
        fp_cli_error(_("no database at %s: create one with 'fupan init' (or "
                     "'fupan init --sample' for the sample meeting), or "
                     "name one with --db FILE"), path);
    free(path);
    return ok;
}

fp_review *fp_cli_open(const char *db, const char *config, bool read_only)
{
    return database_exists(db) ? fp_cli_open_new(db, config, read_only)
                               : NULL;
}

fp_review *fp_cli_open_new(const char *db, const char *config,
                           bool read_only)
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

void fp_cli_drop_args(int *argc, char **argv, int i, int n)
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
            fp_cli_error(_("--wait: '%s' is not a number of seconds "
                         "(0 to 86400)"), value);
            return FP_EXIT_USAGE;
        }
        setenv("FUPAN_WAIT", value, 1);
        fp_cli_drop_args(argc, argv, i--, joined ? 1 : 2);
    }
    return FP_EXIT_OK;
}

bool fp_cli_week(const char *text, fp_week *out)
{
    if (text && fp_week_parse(text, out))
        return true;
    fp_cli_error(_("--week: '%s' is not an ISO week that exists "
                 "(expected YYYY-Www, e.g. 2026-W47)"), text ? text : "");
    return false;
}

/* One of --week, --month, --quarter parsed as its kind of period. */
static bool parse_period_of(const char *text, fp_period_kind kind,
                            fp_period *out)
{
    fp_period p;
    if (kind == FP_PERIOD_WEEK) {
        fp_week w;
        if (!fp_cli_week(text, &w))
            return false;
        *out = fp_period_of_week(w);
        return true;
    }
    if (fp_period_parse(text, &p) && p.kind == kind) {
        *out = p;
        return true;
    }
    if (kind == FP_PERIOD_MONTH)
        fp_cli_error(_("--month: '%s' is not a month (expected YYYY-MM, "
                     "e.g. 2026-11)"), text);
    else
        fp_cli_error(_("--quarter: '%s' is not a quarter (expected YYYY-Qn, "
                     "e.g. 2026-Q4)"), text);
    return false;
}

int fp_cli_period(const char *week, const char *month, const char *quarter,
                  fp_period *out)
{
    int given = (week != NULL) + (month != NULL) + (quarter != NULL);
    if (given != 1) {
        fp_cli_error(_("give one of --week, --month or --quarter"));
        return FP_EXIT_USAGE;
    }
    bool ok = week ? parse_period_of(week, FP_PERIOD_WEEK, out)
            : month ? parse_period_of(month, FP_PERIOD_MONTH, out)
            : parse_period_of(quarter, FP_PERIOD_QUARTER, out);
    return ok ? FP_EXIT_OK : FP_EXIT_INPUT;
}

bool fp_out_format_parse(const char *s, fp_out_format *out)
{
    if (!s || !strcmp(s, "text"))
        *out = FP_FMT_TEXT;
    else if (!strcmp(s, "csv"))
        *out = FP_FMT_CSV;
    else if (!strcmp(s, "json"))
        *out = FP_FMT_JSON;
    else {
        fp_cli_error(_("--format: '%s' is not text, csv or json"), s);
        return false;
    }
    return true;
}
