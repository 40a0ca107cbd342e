/* fupan minutes: the meeting minutes of a week (or the review of a month
 * or a quarter) as text or Markdown. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "model/buf.h"
#include "storage/minutes_data.h"

static const char minutes_usage[] =
    N_("usage: fupan minutes (--week YYYY-Www | --month YYYY-MM | --quarter YYYY-Qn)\n"
    "                     [--format text|md|chat|feishu|dingtalk|wecom]\n"
    "                     [-o FILE] [--db FILE] [--config FILE]\n"
    "Prints the minutes (会议纪要) of the week's review meeting: summary\n"
    "per store, red and amber items with their notes, other notes,\n"
    "overrides, cause summary, action items and what changed since the\n"
    "last meeting. text is plain UTF-8 at most 100 columns wide, for chat\n"
    "windows; md is Markdown. chat is the short minutes for a group chat\n"
    "(no tables, no wraps); feishu, dingtalk and wecom are the same as the\n"
    "JSON their group bots take, one message per line, split into numbered\n"
    "messages when one would pass the platform's size limit (`fupan push`\n"
    "sends them). Written to FILE with -o, else (or with -o -) to standard\n"
    "output; -o FILE.md writes Markdown unless --format says otherwise.\n"
    "With --month or --quarter (text, md or chat): the period's summary\n"
    "and red and amber items over its weeks (a month is the ISO weeks\n"
    "whose Thursday falls in it, a quarter its three months), with the\n"
    "notes and overrides of those weeks.\n");

typedef struct {
    const char *db, *config, *week_text, *out;
    const char *month_text, *quarter_text;
    int format;               /* 0 text, 1 md, 2 chat, 3 + fp_chat_platform */
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
    fp_chat_platform p;
    if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
        *out = 0;
    else if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        *out = 1;
    else if (strcmp(s, "chat") == 0)
        *out = 2;
    else if (fp_chat_platform_parse(s, &p))
        *out = 3 + (int)p;
    else {
        fp_cli_error(_("--format: '%s' is not text, md, chat, feishu, "
                       "dingtalk or wecom"), s);
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
        {"month", required_argument, 0, 'm'},
        {"quarter", required_argument, 0, 'q'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week_text = optarg; break;
        case 'm': o->month_text = optarg; break;
        case 'q': o->quarter_text = optarg; break;
        case 'o': o->out = strcmp(optarg, "-") == 0 ? NULL : optarg; break;
        case 'f': if (parse_format(optarg, &o->format)) return FP_EXIT_USAGE;
                  o->format_given = true;
                  break;
        case 'h': fputs(_(minutes_usage), stdout); return -1;
        default: fputs(_(minutes_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fputs(_(minutes_usage), stderr);
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

/* The platform's messages, one JSON body per line. */
static char *platform_text(fp_review *rv, fp_week week, fp_chat_platform p,
                           char *err, size_t errsz)
{
    size_t n;
    char **msgs = fp_minutes_build_platform(rv, week, p, 0, &n, err, errsz);
    if (!msgs)
        return NULL;
    fp_buf b;
    fp_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        fp_buf_add(&b, msgs[i]);
        fp_buf_addc(&b, '\n');
    }
    fp_chat_messages_free(msgs);
    char *text = fp_buf_take(&b);
    if (!text)
        snprintf(err, errsz, "out of memory");
    return text;
}

static int run(fp_review *rv, fp_period per, const minutes_opts *o)
{
    char err[600], ws[FP_PERIOD_STR];
    int exists = fp_review_period_exists(rv, per);
    if (exists < 0) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (exists == 0) {
        fp_period_format(per, ws);
        if (per.kind == FP_PERIOD_WEEK)
            fp_cli_error(_("no data for week %s"), ws);
        else
            fp_cli_error(_("no data for %s"), ws);
        return FP_EXIT_INPUT;
    }
    if (o->format >= 3 && per.kind != FP_PERIOD_WEEK) {
        fp_cli_error("%s", _("--format feishu, dingtalk and wecom are for "
                             "a week's minutes"));
        return FP_EXIT_USAGE;
    }
    char *text = o->format >= 3
        ? platform_text(rv, fp_period_first(per),
                        (fp_chat_platform)(o->format - 3), err, sizeof err)
        : fp_minutes_build_period(rv, per, o->format, err, sizeof err);
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
    fp_period per;
    rc = fp_cli_period(o.week_text, o.month_text, o.quarter_text, &per);
    if (rc == FP_EXIT_USAGE)
        fputs(_(minutes_usage), stderr);
    if (rc != FP_EXIT_OK)
        return rc;
    fp_review *rv = fp_cli_open(o.db, o.config, true);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = fp_cli_use_week(rv, fp_period_last(per)) ? run(rv, per, &o)
                                                  : FP_EXIT_RUNTIME;
    fp_review_close(rv);
    return rc;
}
