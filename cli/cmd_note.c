/* fupan note: attribution notes (归因) from the command line. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/list_out.h"
#include "model/labels.h"
#include "model/text.h"
#include "cli/meeting_cli.h"
#include "storage/meeting.h"

static const char note_usage[] =
    N_("usage: fupan note add --week W --path P [--kpi K] --cause C --text T\n"
    "                      [--author A]\n"
    "       fupan note list --week W [--path P] [--format text|csv|json]\n"
    "       fupan note edit ID [--text T] [--cause C] [--author A]\n"
    "       fupan note delete ID [--author A]\n"
    "       fupan note history ID\n"
    "Every verb also takes --db FILE and --config FILE. A path is\n"
    "store[/category[/person]] (\"\" = the whole company). Causes come\n"
    "from the causes INI (data_delay, stockout, pricing ...). Edits and\n"
    "deletes keep every earlier version (see 'note history'). A note's\n"
    "text is at most 4,000 characters. list\n"
    "--format csv|json gives the columns id,week,path,kpi,cause,author,\n"
    "created,text (kpi empty for a note on the node as a whole).\n");

static bool check_cause(fp_review *rv, const char *cause)
{
    const fp_catalogue *cat = fp_review_catalogue(rv);
    if (fp_catalogue_cause(cat, cause) >= 0)
        return true;
    fp_cli_error(_("--cause: unknown cause '%s'; known causes:"), cause);
    for (int i = 0; i < cat->ncauses; i++) {
        fprintf(stderr, "  %-18s ", cat->causes[i].id);
        fp_text_fputs(cat->causes[i].label_zh ? cat->causes[i].label_zh
                                              : "", stderr);
        fputc('\n', stderr);
    }
    return false;
}

/* Blank or too long (FP_NOTE_MAX_CHARS) text is refused input. */
static bool check_text(const char *text)
{
    char why[256];
    if (fp_note_text_ok(text, why, sizeof why))
        return true;
    fp_cli_error(_("--text: %s"), why);
    return false;
}

static int note_add(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    if (!check_text(o->text))
        return FP_EXIT_INPUT;
    int node = fp_mcli_node(rv, o->path);
    if (node < 0 || (o->kpi && fp_mcli_kpi(rv, o->kpi) < 0) ||
        !check_cause(rv, o->cause))
        return FP_EXIT_INPUT;
    fp_db *db = fp_review_db(rv);
    const char *author = fp_mcli_author(rv, o);
    long long node_id = fp_review_tree(rv)->nodes[node].db_id, id = -1;
    /* The week's meeting record opens with its first note. */
    if (fp_meeting_ensure(db, week, author) < 0 ||
        (id = fp_note_add(db, week, node_id, o->kpi, o->cause, o->text,
                          author)) < 0) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    printf(_("added note %lld\n"), id);
    return FP_EXIT_OK;
}

static void print_note(const fp_catalogue *cat, const fp_note *n,
                       const char *when)
{
    char id[24], cause[160], time[32];
    fp_label_cause(cat, n->cause, FP_LABEL_BOTH, cause, sizeof cause);
    snprintf(id, sizeof id, "%lld", n->id);
    fp_mcli_time(when, time, sizeof time);
    fp_mcli_col(id, 5, true);
    fp_mcli_col(n->path[0] ? n->path : _("(company)"), 26, false);
    fp_mcli_col(n->kpi ? n->kpi : "-", 14, false);
    fp_mcli_col(cause, 26, false);
    fp_mcli_col(n->author, 10, false);
    fp_mcli_col(time, 16, false);
    fp_mcli_tail(n->text);
}

static void print_header(void)
{
    fp_mcli_col(_("ID"), 5, true);
    fp_mcli_col(_("PATH"), 26, false);
    fp_mcli_col(_("KPI"), 14, false);
    fp_mcli_col(_("CAUSE"), 26, false);
    fp_mcli_col(_("AUTHOR"), 10, false);
    fp_mcli_col(_("TIME"), 16, false);
    puts(_("TEXT"));
}

static void print_text_list(const fp_catalogue *cat, const fp_note_list *l)
{
    print_header();
    for (size_t i = 0; i < l->n; i++)
        print_note(cat, &l->items[i], l->items[i].updated_at);
}

/* csv/json: id,week,path,kpi,cause,author,created,text (kpi empty when
 * the note is on the node as a whole). */
static void print_data_list(fp_out_format fmt, const fp_note_list *l)
{
    static const char *const cols[] = {"id", "week", "path", "kpi", "cause",
                                       "author", "created", "text"};
    fp_list_out out;
    fp_list_out_init(&out, stdout, fmt, cols, 8);
    for (size_t i = 0; i < l->n; i++) {
        const fp_note *n = &l->items[i];
        char week[FP_WEEK_STR];
        fp_week_format(n->week, week);
        fp_list_out_int(&out, n->id);
        fp_list_out_str(&out, week);
        fp_list_out_str(&out, n->path);
        fp_list_out_str(&out, n->kpi ? n->kpi : "");
        fp_list_out_str(&out, n->cause);
        fp_list_out_str(&out, n->author);
        fp_list_out_str(&out, n->created_at);
        fp_list_out_str(&out, n->text);
    }
    fp_list_out_done(&out);
}

static int note_list(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    fp_out_format fmt;
    if (!fp_out_format_parse(o->format, &fmt))
        return FP_EXIT_USAGE;
    long long node_id = 0;
    if (o->path) {
        int node = fp_mcli_node(rv, o->path);
        if (node < 0)
            return FP_EXIT_INPUT;
        node_id = fp_review_tree(rv)->nodes[node].db_id;
    }
    fp_note_list list;
    if (!fp_note_list_week(fp_review_db(rv), week, node_id, &list)) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (fmt == FP_FMT_TEXT)
        print_text_list(fp_review_catalogue(rv), &list);
    else
        print_data_list(fmt, &list);
    fp_note_list_done(&list);
    return FP_EXIT_OK;
}

static int note_history(fp_review *rv, const fp_mcli_opts *o)
{
    fp_note_list list;
    if (!fp_note_history(fp_review_db(rv), o->id, &list)) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (list.n == 0) {
        fp_cli_error(_("no note %lld"), o->id);
        fp_note_list_done(&list);
        return FP_EXIT_INPUT;
    }
    print_header();
    for (size_t i = 0; i < list.n; i++) {
        printf("%-7s ", list.items[i].change);
        print_note(fp_review_catalogue(rv), &list.items[i],
                   list.items[i].updated_at);
    }
    fp_note_list_done(&list);
    return FP_EXIT_OK;
}

/* edit and delete: an unknown or deleted note is rejected input. */
static int note_change(fp_review *rv, const fp_mcli_opts *o, bool del)
{
    fp_db *db = fp_review_db(rv);
    fp_note note;
    if (!fp_note_get(db, o->id, &note)) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_INPUT;
    }
    fp_note_done(&note);
    if (!del && ((o->cause && !check_cause(rv, o->cause)) ||
                 (o->text && !check_text(o->text))))
        return FP_EXIT_INPUT;
    const char *author = fp_mcli_author(rv, o);
    bool ok = del ? fp_note_delete(db, o->id, author)
                  : fp_note_edit(db, o->id, o->cause, o->text, author);
    if (!ok) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    printf(del ? _("deleted note %lld\n") : _("edited note %lld\n"), o->id);
    return FP_EXIT_OK;
}

typedef struct {
    const char *verb, *allowed, *required;
    bool want_id, needs_week;
} note_verb;

static const note_verb note_verbs[] = {
    {"add", "wpkcta", "wpct", false, true},
    {"list", "wpf", "w", false, true},
    {"edit", "cta", "", true, false},
    {"delete", "a", "", true, false},
    {"history", "", "", true, false},
};

static int run_verb(const note_verb *v, const fp_mcli_opts *o, fp_week week)
{
    fp_review *rv = fp_cli_open(o->db, o->config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    int rc;
    if (!strcmp(v->verb, "add"))
        rc = note_add(rv, o, week);
    else if (!strcmp(v->verb, "list"))
        rc = note_list(rv, o, week);
    else if (!strcmp(v->verb, "history"))
        rc = note_history(rv, o);
    else
        rc = note_change(rv, o, !strcmp(v->verb, "delete"));
    fp_review_close(rv);
    return rc;
}

int fp_cmd_note(int argc, char **argv)
{
    const note_verb *v = NULL;
    size_t nverbs = sizeof note_verbs / sizeof *note_verbs;
    for (size_t i = 0; argc > 1 && i < nverbs; i++)
        if (!strcmp(argv[1], note_verbs[i].verb))
            v = &note_verbs[i];
    if (!v) {
        bool help = argc > 1 && !strcmp(argv[1], "--help");
        fputs(_(note_usage), help ? stdout : stderr);
        return help ? FP_EXIT_OK : FP_EXIT_USAGE;
    }
    fp_mcli_opts o = {0};
    int rc = fp_mcli_parse(argc - 1, argv + 1, v->allowed, v->want_id,
                           note_usage, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    if (!fp_mcli_require(&o, v->required, note_usage))
        return FP_EXIT_USAGE;
    if (!strcmp(v->verb, "edit") && !o.text && !o.cause) {
        fp_cli_error(_("note edit: give --text and/or --cause"));
        return FP_EXIT_USAGE;
    }
    fp_week week = 0;
    if (v->needs_week && !fp_mcli_week(o.week, "week", &week))
        return FP_EXIT_INPUT;
    return run_verb(v, &o, week);
}
