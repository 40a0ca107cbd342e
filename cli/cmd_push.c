/* fupan push: the week's chat minutes to a group bot (Feishu, DingTalk,
 * WeCom) through its webhook. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "storage/config.h"
#include "storage/config_push.h"
#include "storage/minutes_data.h"
#include "storage/push.h"

static const char push_usage[] =
    "usage: fupan push --week YYYY-Www [--to NAME] [--dry-run]\n"
    "                  [--url URL --kind feishu|dingtalk|wecom [--secret S]]\n"
    "                  [--db FILE] [--config FILE]\n"
    "Sends the week's chat minutes (see fupan minutes --help) to a group\n"
    "bot: the config's [push NAME] (kind, url, secret; --to NAME when there\n"
    "are several), or --url and --kind for once. A signed bot's secret is\n"
    "secret = in the config, --secret, or $FUPAN_PUSH_SECRET; it is never\n"
    "printed. Long minutes go as numbered messages within the platform's\n"
    "size limit. --dry-run prints the JSON instead of sending it. Waits\n"
    "10 s for an answer ($FUPAN_PUSH_TIMEOUT); proxies as for curl.\n"
    "Exit: 0 sent, 1 not sent (the platform's message), 2 usage, 3 input.\n";

typedef struct {
    const char *db, *config, *week_text, *to, *url, *kind, *secret;
    bool dry_run;
} push_opts;

/* 0 to go on, -1 after --help, else an exit code. */
static int parse_args(int argc, char **argv, push_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"week", required_argument, 0, 'w'}, {"to", required_argument, 0, 't'},
        {"url", required_argument, 0, 'u'}, {"kind", required_argument, 0, 'k'},
        {"secret", required_argument, 0, 's'}, {"dry-run", no_argument, 0, 'n'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'w': o->week_text = optarg; break;
        case 't': o->to = optarg; break;
        case 'u': o->url = optarg; break;
        case 'k': o->kind = optarg; break;
        case 's': o->secret = optarg; break;
        case 'n': o->dry_run = true; break;
        case 'h': fputs(push_usage, stdout); return -1;
        default: fputs(push_usage, stderr); return FP_EXIT_USAGE;
        }
    }
    if (!o->week_text || optind < argc || (o->url && o->to) ||
        (o->url != NULL) != (o->kind != NULL)) {
        fputs(push_usage, stderr);
        return FP_EXIT_USAGE;
    }
    return 0;
}

static const char *env_secret(void)
{
    const char *s = getenv("FUPAN_PUSH_SECRET");
    return s && *s ? s : NULL;
}

/* The names of the config's targets, for a message. */
static void target_names(const fp_config *cfg, char *out, size_t outsz)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < cfg->npush && o < outsz; i++)
        o += (size_t)snprintf(out + o, outsz - o, "%s%s", i ? ", " : "",
                              cfg->push[i].name);
}

/* The destination from the command line or the config; *name for the
 * messages. An exit code, 0 when found. */
static int destination(const push_opts *o, const fp_config *cfg,
                       fp_push_dest *d, const char **name)
{
    const char *kind = o->kind;
    const fp_push_target *t = NULL;
    if (!o->url) {
        t = fp_config_push_find(cfg, o->to);
        if (!t) {
            char names[400];
            target_names(cfg, names, sizeof names);
            if (o->to)
                fp_cli_error(_("push: no [push %s] in the config%s%s"), o->to,
                             *names ? _("; there are: ") : "", names);
            else if (cfg->npush == 0)
                fp_cli_error(_("push: no [push NAME] in the config, and no "
                             "--url and --kind"));
            else
                fp_cli_error(_("push: several targets (%s): choose one with "
                             "--to NAME"), names);
            return FP_EXIT_INPUT;
        }
        kind = t->kind;
    }
    if (!fp_chat_platform_parse(kind, &d->kind)) {
        fp_cli_error(_("push: --kind: '%s' is not feishu, dingtalk or wecom"),
                     kind);
        return FP_EXIT_USAGE;
    }
    d->url = t ? t->url : o->url;
    d->secret = o->secret ? o->secret : t && t->secret ? t->secret
                                                       : env_secret();
    *name = t ? t->name : fp_chat_platform_name(d->kind);
    return 0;
}

static int send_all(const fp_push_dest *d, const char *name, char **msgs,
                    size_t n)
{
    char err[600];
    for (size_t i = 0; i < n; i++)
        if (fp_push_send(d, msgs[i], err, sizeof err) != 0) {
            if (n > 1)
                fp_cli_error(_("push: %s (message %zu of %zu, to %s)"), err,
                             i + 1, n, name);
            else
                fp_cli_error(_("push: %s (to %s)"), err, name);
            return FP_EXIT_RUNTIME;
        }
    printf(n == 1 ? _("sent the minutes to %s (%s)\n")
                  : _("sent the minutes to %s (%s) in %zu messages\n"),
           name, fp_chat_platform_name(d->kind), n);
    return FP_EXIT_OK;
}

static int run(fp_review *rv, fp_week week, const push_opts *o,
               const fp_push_dest *d, const char *name)
{
    char err[600];
    size_t n = 0;
    char **msgs = fp_minutes_build_platform(rv, week, d->kind, 0, &n, err,
                                            sizeof err);
    if (!msgs) {
        fp_cli_error("%s", err);
        return FP_EXIT_INPUT;
    }
    int rc = FP_EXIT_OK;
    if (o->dry_run) {
        for (size_t i = 0; i < n; i++)
            puts(msgs[i]);
        fprintf(stderr, P_("fupan: push: dry run, %zu message for %s (%s)%s\n",
                           "fupan: push: dry run, %zu messages for %s (%s)%s\n",
                           n),
                n, name, fp_chat_platform_name(d->kind),
                d->secret && d->kind != FP_CHAT_WECOM
                    ? _(", signed when sent") : "");
    } else {
        rc = send_all(d, name, msgs, n);
    }
    fp_chat_messages_free(msgs);
    return rc;
}

static fp_config *load_config(const char *path)
{
    char err[1024];
    fp_config *cfg = fp_config_load(path, err, sizeof err);
    if (!cfg) {
        fp_cli_error("%s", err);
        return NULL;
    }
    if (fp_config_secret_exposed(cfg))
        fp_cli_error(_("warning: %s holds a push secret and others may read "
                     "it: chmod 600 %s"), cfg->push_file, cfg->push_file);
    return cfg;
}

int fp_cmd_push(int argc, char **argv)
{
    push_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? FP_EXIT_OK : rc;
    fp_week week;
    if (!fp_cli_week(o.week_text, &week))
        return FP_EXIT_INPUT;
    fp_config *cfg = load_config(o.config);
    if (!cfg)
        return FP_EXIT_INPUT;
    fp_push_dest d = {0};
    const char *name = NULL;
    rc = destination(&o, cfg, &d, &name);
    fp_review *rv = rc ? NULL : fp_cli_open(o.db, o.config, true);
    if (!rc && !rv)
        rc = FP_EXIT_RUNTIME;
    if (rv)
        rc = run(rv, week, &o, &d, name);
    fp_review_close(rv);
    fp_config_free(cfg);
    return rc;
}
