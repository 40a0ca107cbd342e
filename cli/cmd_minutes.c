/* fupan minutes: the meeting minutes of a week as text or Markdown. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "storage/minutes_data.h"

static const char minutes_usage[] =
    "usage: fupan minutes --week YYYY-Www [--format text|md] [-o FILE]\n"
    "                     [--db FILE] [--config FILE]\n"
    "Prints the minutes (会议纪要) of the week's review meeting: summary\n"
    "per store, red and amber items with their notes, other notes,\n"
    "overrides, cause summary, action items and what changed since the\n"
    "last meeting. text is plain UTF-8 at most 100 columns wide, for chat\n"
    "windows; md is Markdown. Written to FILE with -o, else (or with -o -)\n"
    "to standard output; -o FILE.md writes Markdown unless --format says\n"
    "otherwise.\n";

typedef struct {
    const char *db, *config, *week_text, *out;
    int format;               /* 0 text, 1 md */
    bool format_given;        /* --format, else from -o FILE's extension */
} minutes_opts;

/* -o x.md (or .markdown) writes Markdown unless --format says otherwise. */
static void format_from_name(minutes_opts *o)
{
    const char *dot = o->out ? strrchr(o->out, '.') : NULL;
    if (o->format_given || !dot || strchr(dot, '/'))
        return;
    if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown"))
        o->format = 1;
}

static int parse_format(const char *s, int *out)
{
    if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
        *out = 0;
    else if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        *out = 1;
    else {
        fp_cli_error("--format: '%s' is not text or md", s);
        return FP_EXIT_USAGE;
    }
    return 0;
}

/* 0 to go on, -1 after --help, else an exit code. */
static int parse_args(int argc, char **argv, minutes_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"week", required_argument, 0, 'w'}, {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week_text = optarg; break;
        case 'o': o->out = strcmp(optarg, "-") == 0 ? NULL : optarg; break;
        case 'f': if (parse_format(optarg, &o->format)) return FP_EXIT_USAGE;
                  o->format_given = true;
                  break;
        case 'h': fputs(minutes_usage, stdout); return -1;
        default: fputs(minutes_usage, stderr); return FP_EXIT_USAGE;
        }
    }
    if (!o->week_text || optind < argc) {
        fputs(minutes_usage, stderr);
        return FP_EXIT_USAGE;
    }
    format_from_name(o);
    return 0;
}

static int write_out(const char *path, const char *text)
{
    FILE *f = path ? fopen(path, "w") : stdout;
    if (!f) {
        fp_cli_error("%s: %s", path, strerror(errno));
        return FP_EXIT_RUNTIME;
    }
    bool ok = fputs(text, f) >= 0;
    ok = (path ? fclose(f) == 0 : fflush(f) == 0) && ok;
    if (!ok) {
        fp_cli_error("%s: %s", path ? path : "stdout", strerror(errno));
        return FP_EXIT_RUNTIME;
    }
    return FP_EXIT_OK;
}

static int run(fp_review *rv, fp_week week, const minutes_opts *o)
{
    char err[600], ws[FP_WEEK_STR];
    int exists = fp_review_week_exists(rv, week);
    if (exists < 0) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (exists == 0) {
        fp_week_format(week, ws);
        fp_cli_error("no data for week %s", ws);
        return FP_EXIT_INPUT;
    }
    char *text = fp_minutes_build(rv, week, o->format, err, sizeof err);
    if (!text) {
        fp_cli_error("%s", err);
        return FP_EXIT_RUNTIME;
    }
    int rc = write_out(o->out, text);
    free(text);
    return rc;
}

int fp_cmd_minutes(int argc, char **argv)
{
    minutes_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? FP_EXIT_OK : rc;
    fp_week week;
    if (!fp_cli_week(o.week_text, &week))
        return FP_EXIT_INPUT;
    fp_review *rv = fp_cli_open(o.db, o.config, true);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = fp_cli_use_week(rv, week) ? run(rv, week, &o) : FP_EXIT_RUNTIME;
    fp_review_close(rv);
    return rc;
}
