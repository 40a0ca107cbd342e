/* fupan import actuals|targets|org|fx FILE... : CSV files into the
 * database, all in one transaction (see storage/csv_import.h). */
#include <getopt.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/i18n.h"
#include "model/text.h"
#include "storage/config.h"
#include "storage/csv_import.h"
#include "storage/profile.h"

static const char import_usage[] =
    N_("usage: fupan import actuals|targets|org|fx FILE... [--db FILE]\n"
    "                    [--config FILE] [--dry-run] [--encoding utf-8|gb18030]\n"
    "Imports CSV files in one go: any problem in any file rejects them all\n"
    "and nothing is written. Importing the same keys again replaces them.\n"
    "  actuals  week,store,category,person,kpi,value (long) or\n"
    "           week,store,category,person,<kpi>,<kpi>... (wide);\n"
    "           a date column (YYYY-MM-DD) instead of week: daily rows,\n"
    "           summed into their ISO week\n"
    "  targets  week,path,kpi,target (empty week: a standing target)\n"
    "  org      store,name,platform,market,currency (stores) or\n"
    "           person,name,role,store,category (people) or\n"
    "           category,name (categories) or week,currency,rate (FX)\n"
    "  fx       week,currency,rate\n"
    "Options:\n"
    "  --db FILE           the database (else $FUPAN_DB, else the default)\n"
    "  --config FILE       the config file (its KPI catalogue is used)\n"
    "  --dry-run           check and count, write nothing\n"
    "  --encoding ENC      utf-8 or gb18030 (default: detect)\n"
    "  --profile NAME      map the file with this import profile (default:\n"
    "                      the one whose headers the file has, if any)\n"
    "  --store ID          the store of a file without a store column\n"
    "  --list-profiles     list the import profiles and where each is from\n"
    "FILE - reads standard input (once).\n"
    "fupan import template actuals|targets|org prints a header line and a\n"
    "commented example to start a file from.\n"
    "Exit: 0 imported, 1 runtime error, 2 usage, 3 input rejected.\n");

/* After the usage (a message of its own, so that the usage's translation
 * stays as it is). */
static const char import_limits[] =
    N_("Ids are at most 128 bytes, names 512; formula KPIs (cvr, roas...)\n"
    "are computed, not imported; targets are not below zero. Exit 130:\n"
    "stopped with Ctrl-C (rolled back).\n");

/* Files as they come: workbooks, date orders, decimal commas (a
 * message of its own, after the limits). */
static const char import_files_help[] =
    N_("Files as they come: CSV separated by ',', TAB or ';' (told by the\n"
    "header), UTF-8, GB18030 or UTF-16 with a BOM; .xlsx workbooks.\n"
    "  --sheet NAME        the sheet of an .xlsx file (default: the first)\n"
    "  --date-format FMT   YYYY-MM-DD (default, also YYYY/MM/DD),\n"
    "                      DD/MM/YYYY or MM/DD/YYYY; a time of day is ignored\n"
    "  --decimal-comma     numbers written 1.250.000,50 (default: by the\n"
    "                      store's market: ID, VN comma; MY, TH, PH, SG point)\n"
    "  --decimal-point     numbers written 1,250,000.50\n");

/* Ctrl-C: the shell's convention, 128 + SIGINT */
#define EXIT_INTERRUPTED 130

typedef struct {
    const char *db, *config;
    fp_import_opts opts;
    fp_import_kind kind;
    char **files;
    int nfiles;
    bool list_profiles;      /* --list-profiles */
} import_args;

static int usage_error(const char *what, const char *value)
{
    if (what != NULL)
        fp_cli_error(_("import: %s%s%s"), what, value ? ": " : "",
                     value ? value : "");
    fputs(_(import_usage), stderr);
    fputs(_(import_limits), stderr);
    fputs(_(import_files_help), stderr);
    return FP_EXIT_USAGE;
}

/* FILE "-" is standard input, which can be read only once: the import
 * reads it as /dev/stdin. Returns -1, or the usage exit code. */
static int stdin_for_dash(char **files, int nfiles)
{
    int dashes = 0;
    for (int i = 0; i < nfiles; i++)
        if (strcmp(files[i], "-") == 0) {
            files[i] = (char *)"/dev/stdin";
            dashes++;
        }
    return dashes > 1 ? usage_error(_("- (standard input) given twice"), NULL)
                      : -1;
}

/* The options of files as they come: -1 when c was one of them and
 * good, else the exit code. */
static int file_option(int c, import_args *a)
{
    switch (c) {
    case 'W': a->opts.sheet = optarg; return -1;
    case 'D':
        if (!fp_date_order_parse(optarg, &a->opts.date_order))
            return usage_error(_("unknown --date-format (YYYY-MM-DD, "
                                 "DD/MM/YYYY, MM/DD/YYYY)"), optarg);
        return -1;
    case ',':
    case '.':
        if (a->opts.decimal != FP_DEC_UNKNOWN &&
            a->opts.decimal != (c == ',' ? FP_DEC_COMMA : FP_DEC_POINT))
            return usage_error(_("--decimal-comma and --decimal-point "
                                 "together"), NULL);
        a->opts.decimal = c == ',' ? FP_DEC_COMMA : FP_DEC_POINT;
        return -1;
    default: return usage_error(NULL, NULL);
    }
}

/* ---- import profiles and templates ---- */

/* fupan import template actuals|targets|org */
static int print_template(int argc, char **argv)
{
    static const struct { const char *kind, *text; } templates[] = {
        {"actuals", "week,store,category,person,gmv,orders,views\n"
                    "# 2026-W47,tts-my,apparel,zhangwei,12500.50,84,30100\n"
                    "# (or date instead of week: 2026-11-20; a header may\n"
                    "# be a KPI id, its label or its Chinese label)\n"},
        {"targets", "week,path,kpi,target\n"
                    "# 2026-W47,tts-my/apparel,gmv,100000\n"
                    "# ,tts-my,cvr,2.5%   (empty week: a standing target)\n"},
        {"org", "person,name,role,store,category,handle\n"
                "# zhangwei,张伟,host,tts-my,apparel,@zhangwei_live\n"
                "# (stores: store,name,platform,market,currency)\n"},
    };
    for (size_t i = 0; argc == 1 && i < 3; i++)
        if (strcmp(argv[0], templates[i].kind) == 0) {
            fputs(templates[i].text, stdout);
            return FP_EXIT_OK;
        }
    return usage_error(_("template: which one (actuals, targets or org)"),
                       argc > 0 ? argv[0] : NULL);
}

/* The built-in profiles and the config's [import] profiles file. */
static fp_profile_set *load_profiles(const char *config_path)
{
    char err[1024];
    fp_config *cfg = fp_config_load(config_path, err, sizeof err);
    if (cfg == NULL) {
        fp_cli_error("%s", err);
        return NULL;
    }
    fp_profile_set *set = fp_profiles_load(cfg->import_profiles, err,
                                           sizeof err);
    fp_config_free(cfg);
    if (set == NULL)
        fp_cli_error("%s", err);
    return set;
}

static int list_profiles(const fp_profile_set *set)
{
    for (int i = 0; i < set->n; i++) {
        const fp_profile *p = &set->items[i];
        printf("%-16s %s\n", p->name, p->label ? p->label : "");
        printf(_("                 from %s, detected by: %s\n"),
               p->source, p->detect);
    }
    return FP_EXIT_OK;
}

/* Returns -1 when the arguments are good, else the exit code. */
static int parse_args(int argc, char **argv, import_args *a)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'},
        {"config", required_argument, 0, 'c'},
        {"dry-run", no_argument, 0, 'n'},
        {"encoding", required_argument, 0, 'e'},
        {"help", no_argument, 0, 'h'},
        /* files as they come */
        {"sheet", required_argument, 0, 'W'},
        {"date-format", required_argument, 0, 'D'},
        {"decimal-comma", no_argument, 0, ','},
        {"decimal-point", no_argument, 0, '.'},
        /* import profiles (storage/profile.h) */
        {"profile", required_argument, 0, 'P'},
        {"store", required_argument, 0, 'S'},
        {"list-profiles", no_argument, 0, 'L'},
        {0, 0, 0, 0},
    };
    int c, rc;
    optind = 0; /* 0: a full re-start of GNU getopt */
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': a->db = optarg; break;
        case 'c': a->config = optarg; break;
        case 'n': a->opts.dry_run = true; break;
        case 'e':
            if (!fp_encoding_parse(optarg, &a->opts.encoding))
                return usage_error(_("unknown --encoding"), optarg);
            break;
        /* import profiles */
        case 'P': a->opts.profile = optarg; break;
        case 'S': a->opts.store = optarg; break;
        case 'L': a->list_profiles = true; break;
        case 'h':
            fputs(_(import_usage), stdout);
            fputs(_(import_limits), stdout);
            fputs(_(import_files_help), stdout);
            return FP_EXIT_OK;
        default:
            if ((rc = file_option(c, a)) != -1)
                return rc;
        }
    }
    if (a->list_profiles)
        return -1;
    if (optind < argc && strcmp(argv[optind], "template") == 0)
        return print_template(argc - optind - 1, argv + optind + 1);
    if (optind >= argc)
        return usage_error(_("what to import is missing"), NULL);
    if (!fp_import_kind_parse(argv[optind], &a->kind))
        return usage_error(_("unknown kind (actuals, targets, org, fx)"),
                           argv[optind]);
    a->files = argv + optind + 1;
    a->nfiles = argc - optind - 1;
    if (a->nfiles == 0)
        return usage_error(_("no FILE given"), NULL);
    return stdin_for_dash(a->files, a->nfiles);
}

/* What a file's values are, for the summary line. */
static const char *noun(const char *format, int n)
{
    static const struct { const char *format, *one, *many; } nouns[] = {
        {"targets", N_("target"), N_("targets")},
        {"fx", N_("rate"), N_("rates")},
        {"stores", N_("store"), N_("stores")},
        {"people", N_("person"), N_("people")},
        {"categories", N_("category"), N_("categories")},
    };
    for (size_t i = 0; format && i < sizeof nouns / sizeof nouns[0]; i++)
        if (strcmp(format, nouns[i].format) == 0)
            return _(n == 1 ? nouns[i].one : nouns[i].many);
    return n == 1 ? _("value") : _("values");
}

/* A profile's report: lines of text that names from the file are in. */
static void print_notes(const char *notes)
{
    char line[1024];
    for (const char *s = notes; s != NULL && *s;) {
        size_t len = strcspn(s, "\n");
        snprintf(line, sizeof line, "%.*s", (int)len, s);
        fp_text_fputs(line, stdout);
        putchar('\n');
        s += len + (s[len] == '\n');
    }
}

static void print_file(const fp_import_file *f, bool dry_run)
{
    printf("%s", f->file);
    if (f->sheet[0] != '\0')
        printf(_(" (sheet %s)"), f->sheet);
    printf(": %s, ", f->format ? f->format : "?");
    printf(P_("%d row", "%d rows", f->rows), f->rows);
    printf(", %d %s %s", f->written, noun(f->format, f->written),
           dry_run ? _("to write") : _("written"));
    if (f->summed > 0)
        printf(P_(", %d weekly value summed from days",
                  ", %d weekly values summed from days", f->summed),
               f->summed);
    if (f->max_day[0] != '\0')
        printf(_(", up to %s"), f->max_day);
    if (f->converted)
        printf(_(", converted from %s"), fp_encoding_name(f->encoding));
    putchar('\n');
    print_notes(f->notes);
}

static void print_summary(const fp_import_report *r, bool dry_run)
{
    for (int i = 0; i < r->nfiles; i++)
        print_file(&r->files[i], dry_run);
    const fp_org_counts *c = &r->created;
    if (c->stores + c->categories + c->people > 0)
        printf(_("%s %d %s, %d %s, %d %s\n"),
               dry_run ? _("would register") : _("registered"), c->stores,
               c->stores == 1 ? _("store") : _("stores"), c->categories,
               c->categories == 1 ? _("category") : _("categories"), c->people,
               c->people == 1 ? _("person") : _("people"));
    if (dry_run)
        puts(_("dry run: nothing written"));
}

static int report_result(int status, const fp_import_report *r,
                         bool dry_run)
{
    if (status == FP_IMPORT_OK) {
        print_summary(r, dry_run);
        return FP_EXIT_OK;
    }
    if (status == FP_IMPORT_FAILED) {
        fp_cli_error(_("import: %s"), r->error);
        return FP_EXIT_RUNTIME;
    }
    if (status == FP_IMPORT_CANCELLED) {
        fp_cli_error(_("import interrupted: rolled back, nothing written"));
        return EXIT_INTERRUPTED;
    }
    /* Problems as FILE:LINE: column NAME: ..., one per line, unprefixed
     * so editors and scripts can jump to them. */
    for (int i = 0; i < r->nproblems; i++) {
        fp_text_fputs(r->problems[i], stderr);
        fputc('\n', stderr);
    }
    if (r->total_problems > r->nproblems)
        fp_cli_error(P_("import: %d more problem not shown",
                        "import: %d more problems not shown",
                        r->total_problems - r->nproblems),
                     r->total_problems - r->nproblems);
    fp_cli_error(P_("import rejected: %d problem, nothing written",
                    "import rejected: %d problems, nothing written",
                    r->total_problems), r->total_problems);
    return FP_EXIT_INPUT;
}

/* ---- Ctrl-C and the progress line ---- */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* Ctrl-C stops the import at the next row (a read waiting on a pipe is
 * interrupted too: no SA_RESTART); everything is rolled back. */
static void catch_interrupt(struct sigaction *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, old);
}

static bool progress_shown;

/* "big.csv: 1200000 rows, 910000 rows/s, 36 %, about 3 s left" on
 * stderr, rewritten in place; only when stderr is a terminal. */
static void show_progress(void *ctx, const fp_import_progress *p)
{
    (void)ctx;
    double rate = p->seconds > 0 ? (double)p->rows / p->seconds : 0;
    fputc('\r', stderr);
    fp_text_fputs(p->file, stderr);
    fprintf(stderr, _(": %lld rows, %.0f rows/s"), p->rows, rate);
    if (p->total_bytes > 0 && p->bytes > 0) {
        double left = p->seconds * (double)(p->total_bytes - p->bytes) /
                      (double)p->bytes;
        fprintf(stderr, _(", %d %%, about %.0f s left"),
                (int)(100.0 * (double)p->bytes / (double)p->total_bytes),
                left);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
    progress_shown = true;
}

static void end_progress(void)
{
    if (progress_shown)
        fputs("\r\033[K", stderr);
    progress_shown = false;
}

/* The import itself, once the profiles are loaded. */
static int import_with(import_args *args)
{
    import_args a = *args;
    int rc;
    fp_review *rv = fp_cli_open_new(a.db, a.config, false);
    struct sigaction old_int;
    if (rv == NULL)
        return FP_EXIT_RUNTIME;
    a.opts.cancel = &interrupted;
    if (isatty(STDERR_FILENO))
        a.opts.progress = show_progress;
    catch_interrupt(&old_int);
    fp_import_report report;
    int status = fp_import_files(fp_review_db(rv), fp_review_catalogue(rv),
                                 a.kind, (const char *const *)a.files,
                                 a.nfiles, &a.opts, &report);
    end_progress();
    rc = report_result(status, &report, a.opts.dry_run);
    fp_import_report_done(&report);
    sigaction(SIGINT, &old_int, NULL);
    fp_review_close(rv);
    return rc;
}

int fp_cmd_import(int argc, char **argv)
{
    import_args a;
    /* One thread: no mutex around every SQLite call and allocation of a
     * bulk load. Only possible before SQLite starts (else a no-op). */
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    memset(&a, 0, sizeof a);
    a.opts.encoding = FP_ENC_AUTO;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    fp_profile_set *profiles = load_profiles(a.config);
    if (profiles == NULL)
        return FP_EXIT_INPUT;
    if (a.list_profiles || (a.opts.profile != NULL &&
                            !fp_profiles_find(profiles, a.opts.profile))) {
        rc = a.list_profiles ? list_profiles(profiles)
                             : usage_error(_("unknown --profile"),
                                           a.opts.profile);
        fp_profiles_free(profiles);
        return rc;
    }
    a.opts.profiles = profiles;
    rc = import_with(&a);
    fp_profiles_free(profiles);
    return rc;
}
