/* fupan catalogue apply|history: catalogue versions (issue 16). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/list_out.h"
#include "model/i18n.h"
#include "model/text.h"
#include "storage/catalogue_ini.h"
#include "storage/catalogue_versions.h"
#include "storage/ini_text.h"

static const char catalogue_usage[] =
    N_("usage: fupan catalogue apply FILE --from YYYY-Www --reason TEXT\n"
    "                       [--author NAME] [--db FILE] [--config FILE]\n"
    "       fupan catalogue history [--format text|csv] [--db FILE]\n"
    "apply records FILE (a team catalogue, read on top of the config's)\n"
    "as the catalogue in force from week --from on; earlier weeks keep\n"
    "the one in force then. history lists the versions. csv columns:\n"
    "id,from,file,author,created,reason.\n");

typedef struct {
    const char *db, *config, *from, *reason, *author, *format;
} cat_opts;

static int parse_args(int argc, char **argv, cat_opts *o)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"from", required_argument, 0, 'F'}, {"reason", required_argument, 0, 'r'},
        {"author", required_argument, 0, 'a'},
        {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'c': o->config = optarg; break;
        case 'F': o->from = optarg; break;
        case 'r': o->reason = optarg; break;
        case 'a': o->author = optarg; break;
        case 'f': o->format = optarg; break;
        case 'h': fputs(_(catalogue_usage), stdout); return -1;
        default: fputs(_(catalogue_usage), stderr); return FP_EXIT_USAGE;
        }
    }
    return 0;
}

/* The file must load on top of the config's catalogue. */
static bool file_loads(fp_review *rv, const char *file, const char *text)
{
    const fp_config *cfg = fp_review_config(rv);
    fp_catalogue_layers l = {.kpi_file = cfg->kpi_file,
                             .causes_file = cfg->causes_file,
                             .text = text, .text_name = file};
    char err[1024];
    fp_catalogue *cat = fp_catalogue_load_layers(&l, err, sizeof err);
    if (!cat)
        fp_cli_error("%s", err);
    fp_catalogue_free(cat);
    return cat != NULL;
}

static int apply(const cat_opts *o, const char *file)
{
    fp_week from;
    if (!o->from || !o->reason || !*o->reason) {
        fp_cli_error(_("catalogue apply needs --from WEEK and --reason TEXT"));
        return FP_EXIT_USAGE;
    }
    if (!fp_cli_week(o->from, &from))
        return FP_EXIT_INPUT;
    char err[1024];
    size_t len;
    char *text = fp_ini_read_file(file, &len, err, sizeof err);
    if (text && strlen(text) != len) {   /* stored as text: no NUL byte */
        snprintf(err, sizeof err, _("%s: holds a NUL byte"), file);
        free(text);
        text = NULL;
    }
    if (!text) {
        fp_cli_error("%s", err);
        return FP_EXIT_INPUT;
    }
    fp_review *rv = fp_cli_open(o->db, o->config, false);
    int rc = rv ? FP_EXIT_INPUT : FP_EXIT_RUNTIME;
    long long id;
    if (rv && file_loads(rv, file, text)) {
        const char *author = o->author ? o->author
                                       : fp_review_config(rv)->user_name;
        rc = fp_catalogue_version_add(fp_review_db(rv), from, file, text,
                                      o->reason, author, &id)
             ? FP_EXIT_OK : FP_EXIT_RUNTIME;
        if (rc == FP_EXIT_OK)
            printf(_("catalogue version %lld in force from %s\n"), id,
                   o->from);
        else
            fp_cli_error("%s", fp_review_db(rv)->err);
    }
    free(text);
    fp_review_close(rv);
    return rc;
}

bool fp_cli_use_week(fp_review *rv, fp_week week)
{
    char err[1024];
    if (fp_review_use_week(rv, week, err, sizeof err))
        return true;
    fp_cli_error("%s", err);
    return false;
}

static void print_version(const fp_catalogue_version *v, bool csv)
{
    char week[FP_WEEK_STR], id[32];
    fp_week_format(v->from, week);
    snprintf(id, sizeof id, "%lld", v->id);
    if (csv) {
        const char *f[] = {id, week, v->file, v->author, v->created_at,
                           v->reason};
        for (int i = 0; i < 6; i++) {
            fp_csv_field(stdout, f[i]);
            putchar(i == 5 ? '\n' : ',');
        }
        return;
    }
    printf("%4s  %s  %s  ", id, week, v->created_at);
    fp_text_fputs(v->author, stdout);
    fputs("  ", stdout);
    fp_text_fputs(v->file, stdout);
    fputs("\n      ", stdout);
    fp_text_fputs(v->reason, stdout);
    putchar('\n');
}

static int history(const cat_opts *o)
{
    bool csv = o->format && !strcmp(o->format, "csv");
    if (o->format && !csv && strcmp(o->format, "text")) {
        fp_cli_error(_("--format: '%s' is not text or csv"), o->format);
        return FP_EXIT_USAGE;
    }
    fp_review *rv = fp_cli_open(o->db, o->config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    fp_catalogue_version *v;
    size_t n;
    bool ok = fp_catalogue_version_list(fp_review_db(rv), &v, &n);
    if (!ok)
        fp_cli_error("%s", fp_review_db(rv)->err);
    if (ok && csv)
        puts("id,from,file,author,created,reason");
    else if (ok && n == 0)
        puts(_("No catalogue version: the config's catalogue is in force."));
    for (size_t i = 0; ok && i < n; i++)
        print_version(&v[i], csv);
    fp_catalogue_versions_free(v, n);
    fp_review_close(rv);
    return ok ? FP_EXIT_OK : FP_EXIT_RUNTIME;
}

int fp_cmd_catalogue(int argc, char **argv)
{
    cat_opts o = {0};
    const char *verb = argc > 1 ? argv[1] : "";
    if (!strcmp(verb, "--help") || !strcmp(verb, "-h")) {
        fputs(_(catalogue_usage), stdout);
        return FP_EXIT_OK;
    }
    int rc = parse_args(argc - 1, argv + 1, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    int rest = argc - 1 - optind;
    char **args = argv + 1 + optind;
    if (!strcmp(verb, "apply") && rest == 1)
        return apply(&o, args[0]);
    if (!strcmp(verb, "history") && rest == 0)
        return history(&o);
    fputs(_(catalogue_usage), stderr);
    return FP_EXIT_USAGE;
}
