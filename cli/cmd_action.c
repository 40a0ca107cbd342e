/* fupan action: action items agreed in the meeting (owner, due week). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "model/list_out.h"
#include "cli/meeting_cli.h"
#include "storage/meeting.h"
#include "storage/meeting_util.h"

static const char action_usage[] =
    N_("usage: fupan action add --week W --owner PERSON --due W --text T\n"
    "                        [--path P] [--author A]\n"
    "       fupan action list [--open] [--week W] [--format text|csv|json]\n"
    "       fupan action done ID [--week W]\n"
    "       fupan action drop ID [--week W]\n"
    "       fupan action reopen ID\n"
    "Every verb also takes --db FILE and --config FILE. PERSON is a\n"
    "person id from the org file. list --week W shows the items agreed in\n"
    "W or earlier that are still open (carried over) or were closed in W.\n"
    "done/drop record the closing week: --week, else the newest week with\n"
    "data. list --format csv|json gives the columns id,week,path,owner,\n"
    "due,status,text.\n");

static int action_add(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    if (fp_blank(o->text)) {
        fp_cli_error(_("--text: an action item needs text (say what is to "
                     "be done)"));
        return FP_EXIT_INPUT;
    }
    fp_week due;
    if (!fp_mcli_week(o->due, "due", &due))
        return FP_EXIT_INPUT;
    if (fp_tree_find_person(fp_review_tree(rv), o->owner) < 0) {
        fp_cli_error(_("--owner: unknown person '%s'"), o->owner);
        return FP_EXIT_INPUT;
    }
    long long node_id = 0;
    if (o->path) {
        int node = fp_mcli_node(rv, o->path);
        if (node < 0)
            return FP_EXIT_INPUT;
        node_id = fp_review_tree(rv)->nodes[node].db_id;
    }
    fp_db *db = fp_review_db(rv);
    long long id = fp_action_add(db, week, node_id, o->owner, due, o->text,
                                 fp_mcli_author(rv, o));
    if (id < 0) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    printf(_("added action %lld\n"), id);
    return FP_EXIT_OK;
}

static void print_header(void)
{
    const char *const head[] = {N_("ID"), N_("WEEK"), N_("DUE"), N_("STATE"),
                                N_("OWNER"), N_("PATH")};
    const int width[] = {5, 8, 8, 8, 10, 26};
    for (int i = 0; i < 6; i++)
        fp_mcli_col(_(head[i]), width[i], i == 0);
    puts(_("TEXT"));
}

static void print_action(const fp_action_item *a, fp_week listed_week)
{
    char id[24], week[FP_WEEK_STR], due[FP_WEEK_STR], state[24];
    snprintf(id, sizeof id, "%lld", a->id);
    fp_week_format(a->week, week);
    fp_week_format(a->due, due);
    bool carried = listed_week && a->week < listed_week &&
                   !strcmp(a->state, "open");
    snprintf(state, sizeof state, "%s%s", a->state, carried ? "+" : "");
    fp_mcli_col(id, 5, true);
    fp_mcli_col(week, 8, false);
    fp_mcli_col(due, 8, false);
    fp_mcli_col(state, 8, false);
    fp_mcli_col(a->owner_name[0] ? a->owner_name : a->owner, 10, false);
    fp_mcli_col(a->node_id ? (a->path[0] ? a->path : _("(company)")) : "-", 26,
                false);
    fp_mcli_tail(a->text);
}

/* csv/json: id,week,path,owner,due,status,text (path empty when the
 * item is not linked to a node). */
static void print_data_list(fp_out_format fmt,
                            const fp_action_item_list *l)
{
    static const char *const cols[] = {"id", "week", "path", "owner", "due",
                                       "status", "text"};
    fp_list_out out;
    fp_list_out_init(&out, stdout, fmt, cols, 7);
    for (size_t i = 0; i < l->n; i++) {
        const fp_action_item *a = &l->items[i];
        char week[FP_WEEK_STR], due[FP_WEEK_STR];
        fp_week_format(a->week, week);
        fp_week_format(a->due, due);
        fp_list_out_int(&out, a->id);
        fp_list_out_str(&out, week);
        fp_list_out_str(&out, a->node_id ? a->path : "");
        fp_list_out_str(&out, a->owner);
        fp_list_out_str(&out, due);
        fp_list_out_str(&out, a->state);
        fp_list_out_str(&out, a->text);
    }
    fp_list_out_done(&out);
}

static void print_text_list(const fp_action_item_list *l, fp_week week)
{
    print_header();
    for (size_t i = 0; i < l->n; i++)
        print_action(&l->items[i], week);
    if (week && l->n)
        puts(_("open+ = carried over from an earlier week"));
}

static int action_list(fp_review *rv, const fp_mcli_opts *o, fp_week week)
{
    fp_out_format fmt;
    if (!fp_out_format_parse(o->format, &fmt))
        return FP_EXIT_USAGE;
    fp_action_item_list list;
    if (!fp_action_list_get(fp_review_db(rv), week, o->open_only, &list)) {
        fp_cli_error("%s", fp_review_db(rv)->err);
        return FP_EXIT_RUNTIME;
    }
    if (fmt == FP_FMT_TEXT)
        print_text_list(&list, week);
    else
        print_data_list(fmt, &list);
    fp_action_list_done(&list);
    return FP_EXIT_OK;
}

/* The week a closed item counts in: the newest week with data (the
 * meeting reviews it), else the current calendar week. */
static fp_week default_close_week(fp_review *rv)
{
    fp_week w = fp_review_latest_week(rv);
    if (w)
        return w;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return fp_week_of_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int action_state(fp_review *rv, const fp_mcli_opts *o, fp_week week,
                        const char *state)
{
    fp_db *db = fp_review_db(rv);
    fp_action_item a;
    if (!fp_action_item_get(db, o->id, &a)) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_INPUT;
    }
    fp_action_item_done(&a);
    if (!week)
        week = default_close_week(rv);
    if (!fp_action_set_state(db, o->id, state, week)) {
        fp_cli_error("%s", db->err);
        return FP_EXIT_RUNTIME;
    }
    char w[FP_WEEK_STR];
    fp_week_format(week, w);
    if (strcmp(state, "open"))
        printf(_("action %lld %s (%s)\n"), o->id, state, w);
    else
        printf(_("action %lld open again\n"), o->id);
    return FP_EXIT_OK;
}

typedef struct {
    const char *verb, *allowed, *required, *state;
    bool want_id;
} action_verb;

static const action_verb action_verbs[] = {
    {"add", "woutpa", "wout", NULL, false},
    {"list", "wOf", "", NULL, false},
    {"done", "w", "", "done", true},
    {"drop", "w", "", "dropped", true},
    {"reopen", "", "", "open", true},
};

static int run_verb(const action_verb *v, const fp_mcli_opts *o,
                    fp_week week)
{
    fp_review *rv = fp_cli_open(o->db, o->config, false);
    if (!rv)
        return FP_EXIT_RUNTIME;
    int rc;
    if (!strcmp(v->verb, "add"))
        rc = action_add(rv, o, week);
    else if (!strcmp(v->verb, "list"))
        rc = action_list(rv, o, week);
    else
        rc = action_state(rv, o, week, v->state);
    fp_review_close(rv);
    return rc;
}

int fp_cmd_action(int argc, char **argv)
{
    const action_verb *v = NULL;
    size_t nverbs = sizeof action_verbs / sizeof *action_verbs;
    for (size_t i = 0; argc > 1 && i < nverbs; i++)
        if (!strcmp(argv[1], action_verbs[i].verb))
            v = &action_verbs[i];
    if (!v) {
        bool help = argc > 1 && !strcmp(argv[1], "--help");
        fputs(_(action_usage), help ? stdout : stderr);
        return help ? FP_EXIT_OK : FP_EXIT_USAGE;
    }
    fp_mcli_opts o = {0};
    int rc = fp_mcli_parse(argc - 1, argv + 1, v->allowed, v->want_id,
                           action_usage, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    if (!fp_mcli_require(&o, v->required, action_usage))
        return FP_EXIT_USAGE;
    fp_week week = 0;
    if (o.week && !fp_mcli_week(o.week, "week", &week))
        return FP_EXIT_INPUT;
    return run_verb(v, &o, week);
}
