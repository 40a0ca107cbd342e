/* fupan config check: loads the config, catalogue, cause codes and
 * keymap the way the TUI and the subcommands do, and says what it would
 * use and from where, with every problem as FILE:LINE: message.
 * fupan --dump-catalogue: the catalogue in use, as INI (cli/catalogue_dump.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/runtime.h"
#include "model/i18n.h"
#include "storage/catalogue_ini.h"
#include "storage/config.h"
#include "storage/config_push.h"
#include "storage/db.h"
#include "storage/xdg.h"
#include "tui/keymap.h"

static const char config_usage[] =
    N_("usage: fupan config check [--config FILE] [--keymap FILE] [--db FILE]\n"
    "Loads the config, the KPI catalogue, the cause codes and the keymap\n"
    "as fupan would, prints what it would use and from where, and every\n"
    "problem as FILE:LINE: message. The config is --config, else the\n"
    "first fupan/config.ini in $XDG_CONFIG_HOME (~/.config), then in\n"
    "$XDG_CONFIG_DIRS (/etc/xdg). Exit: 0 all good, 2 usage, 3 problems.\n");

typedef struct {
    const char *config, *keymap, *db;
} check_args;

static void line(const char *what, const char *value)
{
    printf("%-13s %s\n", what, value);
}

/* "built-in", or "built-in + FILE" when a file is read on top. */
static void builtin_line(const char *what, const char *file)
{
    printf("%-13s %s%s%s\n", what, _("built-in"), file ? " + " : "",
           file ? file : "");
}

/* The config: 0 problems, or 1 (printed); *out NULL when none loaded. */
/* The config's group bots: name, kind, host, whether signed; never the
 * secret, nor the address's path and query (they hold tokens). */
static int check_push(const fp_config *cfg)
{
    for (size_t i = 0; i < cfg->npush; i++) {
        const fp_push_target *t = &cfg->push[i];
        const char *host = strstr(t->url, "://");
        host = host ? host + 3 : t->url;
        printf("%-13s %s: %s, %.*s, %s\n", "push", t->name, t->kind,
               (int)strcspn(host, "/?#"), host,
               t->secret ? _("signed") : _("unsigned"));
    }
    if (!fp_config_secret_exposed(cfg))
        return 0;
    printf("  %s: %s\n", cfg->push_file,
           _("holds a push secret and others may read it (chmod 600)"));
    return 1;
}

static int check_config(const check_args *a, fp_config **out)
{
    char err[1024];
    char *found = a->config ? strdup(a->config) : fp_xdg_config_find("config.ini");
    if (found == NULL)
        line("config", _("none found: built-in defaults"));
    else
        line("config", found);
    *out = fp_config_load(a->config, err, sizeof err);
    free(found);
    if (*out == NULL) {
        printf("  %s\n", err);
        return 1;
    }
    return check_push(*out);
}

static int check_catalogue(const fp_config *cfg)
{
    char err[1024], counts[160];
    const char *kpis = cfg ? cfg->kpi_file : NULL;
    const char *causes = cfg ? cfg->causes_file : NULL;
    builtin_line("catalogue", kpis);
    builtin_line("causes", causes);
    fp_catalogue *cat = fp_catalogue_load(kpis, causes, err, sizeof err);
    if (cat == NULL) {
        printf("  %s\n", err);
        return 1;
    }
    snprintf(counts, sizeof counts, _("%d KPIs, %d roles, %d conflicts, "
             "%d cause codes"), cat->nkpis, cat->nroles, cat->nconflicts,
             cat->ncauses);
    line("", counts);
    fp_catalogue_free(cat);
    return 0;
}

static int check_keymap(const check_args *a, const fp_config *cfg)
{
    char *path = fp_keymap_user_path(a->keymap, cfg ? cfg->keymap_file : NULL);
    builtin_line("keymap", path);
    fp_keymap *km = fp_keymap_new();
    if (km == NULL) {
        free(path);
        return 1;
    }
    if (path)
        fp_keymap_apply_file(km, path);
    int n = fp_keymap_nmessages(km);
    for (int i = 0; i < n; i++)
        printf("  %s\n", fp_keymap_message(km, i));
    fp_keymap_free(km);
    free(path);
    return n;
}

static void print_places(const check_args *a)
{
    char *db = a->db ? strdup(a->db) : fp_db_default_path();
    line("database", db ? db : "?");
    line("sample data", fp_data_dir());
    line("translations", fp_locale_dir());
    free(db);
}

static int check(const check_args *a)
{
    fp_config *cfg = NULL;
    int problems = check_config(a, &cfg);
    problems += check_catalogue(cfg);
    problems += check_keymap(a, cfg);
    print_places(a);
    fp_config_free(cfg);
    if (problems == 0) {
        puts(_("ok"));
        return FP_EXIT_OK;
    }
    printf(ngettext("%d problem\n", "%d problems\n", problems), problems);
    return FP_EXIT_INPUT;
}

int fp_cmd_config(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"config", required_argument, 0, 'c'}, {"keymap", required_argument, 0, 'k'},
        {"db", required_argument, 0, 'd'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    check_args a = {0};
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': a.config = optarg; break;
        case 'k': a.keymap = optarg; break;
        case 'd': a.db = optarg; break;
        case 'h': fputs(_(config_usage), stdout); return FP_EXIT_OK;
        default: fputs(_(config_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    if (optind + 1 != argc || strcmp(argv[optind], "check") != 0) {
        fputs(_(config_usage), stderr);
        return FP_EXIT_USAGE;
    }
    return check(&a);
}
