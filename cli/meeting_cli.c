/* Shared option handling of the meeting subcommands; see meeting_cli.h. */
#include "cli/meeting_cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "model/text.h"

static const struct option all_options[] = {
    {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'C'},
    {"week", required_argument, 0, 'w'}, {"path", required_argument, 0, 'p'},
    {"kpi", required_argument, 0, 'k'}, {"cause", required_argument, 0, 'c'},
    {"text", required_argument, 0, 't'}, {"author", required_argument, 0, 'a'},
    {"value", required_argument, 0, 'v'}, {"reason", required_argument, 0, 'r'},
    {"owner", required_argument, 0, 'o'}, {"due", required_argument, 0, 'u'},
    {"format", required_argument, 0, 'f'},
    {"open", no_argument, 0, 'O'}, {"help", no_argument, 0, 'h'},
};
#define NOPTIONS (sizeof all_options / sizeof all_options[0])

static const char **slot(fp_mcli_opts *o, int c)
{
    switch (c) {
    case 'd': return &o->db;
    case 'C': return &o->config;
    case 'w': return &o->week;
    case 'p': return &o->path;
    case 'k': return &o->kpi;
    case 'c': return &o->cause;
    case 't': return &o->text;
    case 'a': return &o->author;
    case 'v': return &o->value;
    case 'r': return &o->reason;
    case 'o': return &o->owner;
    case 'u': return &o->due;
    case 'f': return &o->format;
    default: return NULL;
    }
}

static const char *long_name(int c)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (all_options[i].val == c)
            return all_options[i].name;
    return "?";
}

static bool parse_id(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return false;
    *out = v;
    return true;
}

static int positional(int argc, char **argv, bool want_id,
                      const char *usage, fp_mcli_opts *o)
{
    int left = argc - optind;
    if (left != (want_id ? 1 : 0)) {
        if (want_id && left == 0)
            fp_cli_error(_("'%s' needs the ID of the item"), argv[0]);
        else
            fp_cli_error(_("unexpected argument '%s'"),
                         argv[optind + (want_id ? 1 : 0)]);
        fputs(_(usage), stderr);
        return FP_EXIT_USAGE;
    }
    if (want_id && !parse_id(argv[optind], &o->id)) {
        fp_cli_error(_("'%s' is not an id (a positive number)"), argv[optind]);
        return FP_EXIT_USAGE;
    }
    return 0;
}

int fp_mcli_parse(int argc, char **argv, const char *allowed, bool want_id,
                  const char *usage, fp_mcli_opts *o)
{
    struct option opts[NOPTIONS + 1];
    size_t n = 0;
    for (size_t i = 0; i < NOPTIONS; i++)
        if (strchr("dCh", all_options[i].val) ||
            strchr(allowed, all_options[i].val))
            opts[n++] = all_options[i];
    opts[n] = (struct option){0, 0, 0, 0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        const char **s = slot(o, c);
        if (s)
            *s = optarg;
        else if (c == 'O')
            o->open_only = true;
        else if (c == 'h') {
            fputs(_(usage), stdout);
            return -1;
        } else {
            if (c == ':')
                fp_cli_error(_("%s needs a value"), argv[optind - 1]);
            else
                fp_cli_error(_("'%s' is not an option of '%s'"),
                             argv[optind - 1], argv[0]);
            fputs(_(usage), stderr);
            return FP_EXIT_USAGE;
        }
    }
    return positional(argc, argv, want_id, usage, o);
}

bool fp_mcli_require(const fp_mcli_opts *o, const char *required,
                     const char *usage)
{
    bool ok = true;
    for (const char *r = required; *r; r++) {
        const char **s = slot((fp_mcli_opts *)o, *r);
        if (s && !*s) {
            fp_cli_error(_("--%s is required"), long_name(*r));
            ok = false;
        }
    }
    if (!ok)
        fputs(_(usage), stderr);
    return ok;
}

int fp_mcli_node(fp_review *rv, const char *path)
{
    int n = fp_tree_find_path(fp_review_tree(rv), path ? path : "");
    if (n < 0)
        fp_cli_error(_("--path: no node '%s' (a path is store[/category"
                     "[/person]] made of ids)"), path ? path : "");
    return n;
}

int fp_mcli_kpi(fp_review *rv, const char *kpi)
{
    int k = fp_catalogue_kpi(fp_review_catalogue(rv), kpi ? kpi : "");
    if (k < 0)
        fp_cli_error(_("--kpi: unknown KPI '%s'"), kpi ? kpi : "");
    return k;
}

const char *fp_mcli_author(fp_review *rv, const fp_mcli_opts *o)
{
    if (o->author && *o->author)
        return o->author;
    const char *name = fp_review_config(rv)->user_name;
    return name && *name ? name : "lead";
}

bool fp_mcli_week(const char *text, const char *option, fp_week *out)
{
    if (text && fp_week_parse(text, out))
        return true;
    fp_cli_error(_("--%s: '%s' is not an ISO week that exists "
                 "(expected YYYY-Www, e.g. 2026-W47)"), option,
                 text ? text : "");
    return false;
}

void fp_mcli_col(const char *s, int cols, bool right)
{
    char buf[512];
    if (right)
        fp_text_fit_right(s ? s : "", cols, buf, sizeof buf);
    else
        fp_text_fit(s ? s : "", cols, true, buf, sizeof buf);
    fputs(buf, stdout);
    putchar(' ');
}

void fp_mcli_tail(const char *s)
{
    char *clean = fp_text_sanitize(s ? s : "");
    puts(clean ? clean : "");
    free(clean);
}

void fp_mcli_time(const char *iso, char *buf, size_t bufsz)
{
    snprintf(buf, bufsz, "%.16s", iso ? iso : "");
    char *t = strchr(buf, 'T');
    if (t)
        *t = ' ';
}
