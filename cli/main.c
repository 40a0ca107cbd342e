/* fupan: the entry point. A subcommand name dispatches to cli/;
 * anything else opens the TUI. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/i18n.h"
#include "model/text.h"
#include "tui/tui.h"

static const char usage_text[] =
    "usage: fupan [--db FILE] [--config FILE] [--keymap FILE] [--week YYYY-Www]\n"
    "             [--read-only] [--today YYYY-MM-DD]\n"
    "             [--headless COLSxROWS --keys 'KEY...'] [--dump-keys]\n"
    "       fupan init [--db FILE] [--sample]\n"
    "       fupan import actuals|targets|org|fx FILE... [--db FILE] [--dry-run]\n"
    "                    [--encoding utf-8|gb18030]\n"
    "       fupan scorecard --week W [--path P | --person ID]\n"
    "                       [--format text|csv|json] [--db FILE]\n"
    "       fupan override set|revert|list ...\n"
    "       fupan note add|list ...\n"
    "       fupan action add|list|done ...\n"
    "       fupan minutes --week W [--format text|md] [-o FILE]\n"
    "       fupan --help | --version\n"
    "\n"
    "Without a subcommand fupan opens the meeting-room browser (TUI).\n"
    "The database is --db, else $FUPAN_DB, else\n"
    "$XDG_DATA_HOME/fupan/fupan.db. Run 'fupan COMMAND --help' for more.\n"
    "Writes wait up to --wait SECONDS (default 10, $FUPAN_WAIT) while\n"
    "another fupan holds the database (an import), then exit 1.\n"
    "Exit codes: 0 done, 1 runtime failure, 2 usage error, 3 input rejected.\n";

typedef int (*command_fn)(int argc, char **argv);
static const struct { const char *name; command_fn fn; } commands[] = {
    {"init", fp_cmd_init},         {"import", fp_cmd_import},
    {"scorecard", fp_cmd_scorecard}, {"override", fp_cmd_override},
    {"note", fp_cmd_note},         {"action", fp_cmd_action},
    {"minutes", fp_cmd_minutes},
};

static bool parse_size(const char *s, int *cols, int *rows)
{
    char x;
    return sscanf(s, "%d%c%d", cols, &x, rows) == 3 && (x == 'x' || x == 'X')
           && *cols > 0 && *rows > 0 && *cols <= 1000 && *rows <= 1000;
}

static bool parse_today(const char *s, long *out)
{
    int y, m, d;
    if (!fp_date_parse(s, &y, &m, &d))
        return false;
    *out = fp_days_from_civil(y, m, d);
    return true;
}

static int tui_option(int c, const char *arg, fp_tui_opts *o, bool *dump)
{
    switch (c) {
    case 'd': o->db_path = arg; return 0;
    case 'c': o->config_path = arg; return 0;
    case 'k': o->keymap_path = arg; return 0;
    case 'r': o->read_only = true; return 0;
    case 'K': o->keys = arg; return 0;
    case 'D': *dump = true; return 0;
    case 'w': return fp_cli_week(arg, &o->week) ? 0 : FP_EXIT_INPUT;
    case 'H':
        if (parse_size(arg, &o->headless_cols, &o->headless_rows))
            return 0;
        fp_cli_error("--headless: '%s' is not COLSxROWS", arg);
        return FP_EXIT_USAGE;
    case 't':
        if (parse_today(arg, &o->today))
            return 0;
        fp_cli_error("--today: '%s' is not a date YYYY-MM-DD", arg);
        return FP_EXIT_USAGE;
    case 'h': fputs(usage_text, stdout); return -1;
    case 'V': printf("fupan %s\n", FUPAN_VERSION); return -1;
    default: fputs(usage_text, stderr); return FP_EXIT_USAGE;
    }
}

static int run_tui(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"keymap", required_argument, 0, 'k'}, {"week", required_argument, 0, 'w'},
        {"read-only", no_argument, 0, 'r'}, {"today", required_argument, 0, 't'},
        {"headless", required_argument, 0, 'H'}, {"keys", required_argument, 0, 'K'},
        {"dump-keys", no_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, 'V'}, {0, 0, 0, 0},
    };
    fp_tui_opts o = {0};
    bool dump = false;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        int rc = tui_option(c, optarg, &o, &dump);
        if (rc != 0)
            return rc < 0 ? FP_EXIT_OK : rc;
    }
    if (optind < argc) {
        fp_cli_error("unknown command '%s' (see fupan --help)", argv[optind]);
        return FP_EXIT_USAGE;
    }
    if (dump)
        return fp_tui_dump_keys(stdout, o.keymap_path);
    return fp_tui_run(&o);
}

/* Message catalogues: $FUPAN_LOCALEDIR, else the build's locale folder. */
static void init_i18n(void)
{
    const char *dir = getenv("FUPAN_LOCALEDIR");
    bindtextdomain(FP_TEXT_DOMAIN, dir && *dir ? dir : FUPAN_LOCALEDIR);
    bind_textdomain_codeset(FP_TEXT_DOMAIN, "UTF-8");
    textdomain(FP_TEXT_DOMAIN);
}

int main(int argc, char **argv)
{
    fp_locale_init();
    init_i18n();
    if (fp_cli_take_wait(&argc, argv) != FP_EXIT_OK)
        return FP_EXIT_USAGE;
    if (argc > 1)
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (strcmp(argv[1], commands[i].name) == 0)
                return commands[i].fn(argc - 1, argv + 1);
    return run_tui(argc, argv);
}
