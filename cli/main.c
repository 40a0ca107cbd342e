/* fupan: the entry point. A subcommand name dispatches to cli/;
 * anything else opens the TUI. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/runtime.h"
#include "model/i18n.h"
#include "model/lang.h"
#include "model/text.h"
#include "storage/config.h"
#include "tui/tui.h"

static const char usage_text[] =
    N_("usage: fupan [--db FILE] [--config FILE] [--keymap FILE] [--week YYYY-Www]\n"
    "             [--read-only] [--today YYYY-MM-DD] [--no-color]\n"
    "             [--headless COLSxROWS --keys 'KEY...'] [--dump-keys]\n"
    "             [--dump-catalogue] [--lang zh_CN|en]\n"
    "       fupan init [--db FILE] [--sample]\n"
    "       fupan import actuals|targets|org|fx FILE... [--db FILE] [--dry-run]\n"
    "                    [--encoding utf-8|gb18030] [--profile NAME] [--store ID]\n"
    "       fupan import --list-profiles | import template actuals|targets|org\n"
    "       fupan scorecard --week W|--month M|--quarter Q [--path P | --person ID]\n"
    "                       [--format text|csv|json] [--db FILE]\n"
    "       fupan override set|revert|list ...\n"
    "       fupan note add|list|edit|delete|history ...\n"
    "       fupan action add|list|done|drop|reopen ...\n"
    "       fupan minutes --week W|--month M|--quarter Q [--format text|md] [-o FILE]\n"
    "       fupan push --week W [--to NAME | --url URL --kind K] [--dry-run]\n"
    "       fupan meeting attendees|show --week W [NAME...]\n"
    "       fupan export scorecards|facts|notes|overrides|actions [--week W] ...\n"
    "       fupan check [--db FILE] [--quick]\n"
    "       fupan config check [--config FILE] [--keymap FILE]\n"
    "       fupan whatif --week W [--catalogue FILE] [--set SECTION.KEY=VALUE]...\n"
    "                    [--format text|csv]\n"
    "       fupan catalogue apply FILE --from W --reason TEXT | catalogue history\n"
    "       fupan review --quarter Q [--format text|md|csv]\n"
    "       fupan --help | --version | -V\n"
    "\n"
    "Without a subcommand fupan opens the meeting-room browser (TUI).\n"
    "--db, --config, --week and --lang go before or after the subcommand.\n"
    "The language is --lang, else [ui] language in the config, else\n"
    "LANGUAGE, LC_ALL, LC_MESSAGES or LANG (zh, zh_CN: Chinese). The\n"
    "database is --db, else $FUPAN_DB, else $XDG_DATA_HOME/fupan/fupan.db;\n"
    "only init, import and the TUI create it. Lists (note, action,\n"
    "override list) take --format text|csv|json. A FILE of - is standard\n"
    "input (import) or output (minutes -o).\n"
    "Weeks are ISO weeks (2026-W47). A month (2026-11) is the weeks whose\n"
    "Thursday falls in it (2026-11 is W45-W48), a quarter (2026-Q4) its\n"
    "three months' weeks (W40-W53); a period adds up its weeks.\n"
    "Run 'fupan COMMAND --help' for more.\n"
    "Writes wait up to --wait SECONDS (default 10, $FUPAN_WAIT) while\n"
    "another fupan holds the database (an import), then exit 1.\n"
    "Exit codes: 0 done, 1 runtime failure, 2 usage error, 3 input rejected.\n");

typedef int (*command_fn)(int argc, char **argv);
static const struct { const char *name; command_fn fn; } commands[] = {
    {"init", fp_cmd_init},         {"import", fp_cmd_import},
    {"scorecard", fp_cmd_scorecard}, {"override", fp_cmd_override},
    {"note", fp_cmd_note},         {"action", fp_cmd_action},
    {"minutes", fp_cmd_minutes},   {"check", fp_cmd_check},
    {"meeting", fp_cmd_meeting},   {"config", fp_cmd_config},
    {"whatif", fp_cmd_whatif},     {"catalogue", fp_cmd_catalogue},
    {"review", fp_cmd_review},
    {"push", fp_cmd_push},
    {"export", fp_cmd_export},
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

/* *dump: 1 --dump-keys, 2 --dump-catalogue */
static int tui_option(int c, const char *arg, fp_tui_opts *o, int *dump)
{
    switch (c) {
    case 'd': o->db_path = arg; return 0;
    case 'c': o->config_path = arg; return 0;
    case 'k': o->keymap_path = arg; return 0;
    case 'r': o->read_only = true; return 0;
    case 'K': o->keys = arg; return 0;
    case 'D': *dump = 1; return 0;
    case 'w': return fp_cli_week(arg, &o->week) ? 0 : FP_EXIT_INPUT;
    case 'H':
        if (parse_size(arg, &o->headless_cols, &o->headless_rows))
            return 0;
        fp_cli_error(_("--headless: '%s' is not COLSxROWS"), arg);
        return FP_EXIT_USAGE;
    case 't':
        if (parse_today(arg, &o->today))
            return 0;
        fp_cli_error(_("--today: '%s' is not a date YYYY-MM-DD"), arg);
        return FP_EXIT_USAGE;
    case 'C': setenv("NO_COLOR", "1", 1); return 0; /* the same switch */
    case 'Q': *dump = 2; return 0;
    case 'h': fputs(_(usage_text), stdout); return -1;
    case 'V': fp_version_print(stdout); return -1;
    default: fputs(_(usage_text), stderr); return FP_EXIT_USAGE;
    }
}

/* One line on stderr when the browser cannot start here, and what to
 * run instead. */
static bool tui_can_start(void)
{
    const char *why = fp_tui_refusal();
    if (why != NULL)
        fp_cli_error(_("cannot open the browser: %s; for text output run "
                       "'fupan scorecard' or 'fupan minutes'"), why);
    return why == NULL;
}

static int run_tui(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'd'}, {"config", required_argument, 0, 'c'},
        {"keymap", required_argument, 0, 'k'}, {"week", required_argument, 0, 'w'},
        {"read-only", no_argument, 0, 'r'}, {"today", required_argument, 0, 't'},
        {"headless", required_argument, 0, 'H'}, {"keys", required_argument, 0, 'K'},
        {"dump-keys", no_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
        {"no-color", no_argument, 0, 'C'},
        {"dump-catalogue", no_argument, 0, 'Q'},
        {"version", no_argument, 0, 'V'}, {0, 0, 0, 0},
    };
    fp_tui_opts o = {0};
    int dump = 0;
    int c;
    while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
        int rc = tui_option(c, optarg, &o, &dump);
        if (rc != 0)
            return rc < 0 ? FP_EXIT_OK : rc;
    }
    if (optind < argc) {
        fp_cli_error(_("unknown command '%s' (see fupan --help)"), argv[optind]);
        return FP_EXIT_USAGE;
    }
    if (dump)
        return dump == 1 ? fp_tui_dump_keys(stdout, o.keymap_path)
                         : fp_cli_dump_catalogue(stdout, o.config_path);
    if (o.headless_cols == 0 && !tui_can_start())
        return FP_EXIT_USAGE;
    return fp_tui_run(&o);
}

/* Message catalogues: see fp_locale_dir. */
static void init_i18n(void)
{
    bindtextdomain(FP_TEXT_DOMAIN, fp_locale_dir());
    bind_textdomain_codeset(FP_TEXT_DOMAIN, "UTF-8");
    textdomain(FP_TEXT_DOMAIN);
}

/* The value of option NAME ("--lang F" or "--lang=F") in argv before
 * "--", or NULL; *at is its word's index. */
static const char *find_option(int argc, char **argv, const char *name,
                               int *at)
{
    size_t n = strlen(name);
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strncmp(argv[i], name, n) != 0)
            continue;
        *at = i;
        if (argv[i][n] == '=')
            return argv[i] + n + 1;
        if (argv[i][n] == '\0')
            return i + 1 < argc ? argv[i + 1] : "";
    }
    return NULL;
}

/* [ui] language of the config in use; a broken config is reported by
 * the command that reads it, not here. */
static fp_lang config_language(int argc, char **argv)
{
    int at;
    char err[512];
    fp_config *cfg = fp_config_load(find_option(argc, argv, "--config", &at),
                                    err, sizeof err);
    fp_lang lang = cfg ? fp_lang_parse(cfg->language) : FP_LANG_UNSET;
    fp_config_free(cfg);
    return lang;
}

/* Takes --lang out of argv (it goes before or after the subcommand, and
 * works for the TUI) and picks the language: --lang, else [ui] language,
 * else the environment; then binds the catalogue and sets the display
 * language (fp_ui_lang_set: label order, 万/亿, pinyin order).
 * FP_EXIT_USAGE on a bad --lang. */
static int choose_language(int *argc, char **argv)
{
    int at = 0;
    const char *arg = find_option(*argc, argv, "--lang", &at);
    fp_lang lang = arg ? fp_lang_parse(arg) : config_language(*argc, argv);
    if (lang == FP_LANG_UNSET)
        lang = fp_lang_from_env(getenv);
    /* LANGUAGE picks the catalogue even under C.UTF-8 (no zh_CN locale). */
    setenv("LANGUAGE", fp_lang_catalogue(lang), 1);
    init_i18n();
    fp_ui_lang_set(lang);
    if (arg == NULL)
        return FP_EXIT_OK;
    bool joined = argv[at][strlen("--lang")] == '=';
    fp_cli_drop_args(argc, argv, at, joined || at + 1 >= *argc ? 1 : 2);
    if (fp_lang_parse(arg) != FP_LANG_UNSET)
        return FP_EXIT_OK;
    fp_cli_error(_("--lang: '%s' is not zh_CN or en"), arg);
    return FP_EXIT_USAGE;
}

/* Options every command takes, before or after its name:
 * `fupan --db F scorecard ...` is `fupan scorecard ... --db F`.
 * (--lang and --wait are taken out of argv before: see choose_language
 * and fp_cli_take_wait.) */
static const char *const global_options[] = {"--db", "--config", "--week"};

/* How many words argv[i] takes as a global option ("--db F": 2,
 * "--db=F": 1), 0 when it is none. */
static int global_option_words(int argc, char **argv, int i)
{
    for (size_t g = 0; g < sizeof global_options / sizeof *global_options;
         g++) {
        size_t n = strlen(global_options[g]);
        if (strncmp(argv[i], global_options[g], n) != 0)
            continue;
        if (argv[i][n] == '=')
            return 1;
        if (argv[i][n] == '\0')
            return i + 1 < argc ? 2 : 0;
    }
    return 0;
}

static command_fn find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].fn;
    return NULL;
}

/* Runs the subcommand at argv[at], moving the global options before it
 * (argv[1..at-1]) to the end of its own arguments. */
static int run_command(command_fn fn, int argc, char **argv, int at)
{
    char **args = malloc(((size_t)argc + 1) * sizeof *args);
    if (!args) {
        fp_cli_error(_("out of memory"));
        return FP_EXIT_RUNTIME;
    }
    int n = 0;
    for (int i = at; i < argc; i++)
        args[n++] = argv[i];
    for (int i = 1; i < at; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    int rc = fn(n, args);
    free(args);
    return rc;
}

int main(int argc, char **argv)
{
    /* A file size limit (ulimit -f, a quota) must not kill fupan: the
       write fails with EFBIG and is reported like a full disk. */
    signal(SIGXFSZ, SIG_IGN);
    fp_locale_init();
    if (choose_language(&argc, argv) != FP_EXIT_OK)
        return FP_EXIT_USAGE;
    if (fp_cli_take_wait(&argc, argv) != FP_EXIT_OK)
        return FP_EXIT_USAGE;
    int at = 1, words;
    while (at < argc && (words = global_option_words(argc, argv, at)) > 0)
        at += words;
    command_fn fn = at < argc ? find_command(argv[at]) : NULL;
    if (fn)
        return run_command(fn, argc, argv, at);
    return run_tui(argc, argv);
}
