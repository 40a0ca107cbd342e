/* fupan meeting: the week's meeting record from the command line, its
 * attendees above all. An attendee is a person id or name from the org
 * file, or any other name (the lead, a guest), kept as typed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/meeting_cli.h"
#include "model/buf.h"
#include "storage/meeting.h"

static const char meeting_usage[] =
    N_("usage: fupan meeting attendees --week W [--set] NAME...\n"
    "       fupan meeting show --week W\n"
    "Every verb also takes --db FILE and --config FILE. attendees adds\n"
    "the names to the week's meeting (opening one when the week has none);\n"
    "--set replaces the list. A NAME is a person id or name from the org\n"
    "file, or anyone else (the lead, a guest), kept as typed; commas\n"
    "separate names within one argument too.\n");

typedef struct {
    const char *db, *config, *week;
    bool set;
    char **names;
    int nnames;
} meeting_opts;

static int parse(int argc, char **argv, meeting_opts *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"config", required_argument, 0, 'C'},
        {"week", required_argument, 0, 'w'},
        {"set", no_argument, 0, 's'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'C': o->config = optarg; break;
        case 'w': o->week = optarg; break;
        case 's': o->set = true; break;
        case 'h': fputs(_(meeting_usage), stdout); return -1;
        default:
            fp_cli_error(c == ':' ? _("%s needs a value")
                         : _("'%s' is not an option here"), argv[optind - 1]);
            fputs(_(meeting_usage), stderr);
            return FP_EXIT_USAGE;
        }
    }
    o->names = argv + optind;
    o->nnames = argc - optind;
    return 0;
}

typedef struct { fp_buf b; const fp_tree *tree; } name_list;

/* One typed name as stored: a person id becomes the person's name. */
static void add_name(const char *name, void *ctx)
{
    name_list *l = ctx;
    int p = fp_tree_find_person(l->tree, name);
    fp_buf_printf(&l->b, "%s%s", l->b.len ? ", " : "",
                  p >= 0 ? l->tree->people[p].name : name);
}

/* The names of the command line as one list; NULL when out of memory. */
static char *typed_names(fp_review *rv, const meeting_opts *o)
{
    name_list l = { .tree = fp_review_tree(rv) };
    fp_buf_init(&l.b);
    for (int i = 0; i < o->nnames; i++)
        fp_attendees_each(o->names[i], add_name, &l);
    return fp_buf_take(&l.b);
}

static int set_attendees(fp_review *rv, const meeting_opts *o, fp_week week)
{
    fp_db *db = fp_review_db(rv);
    char *names = typed_names(rv, o);
    if (names && !*names) {
        fp_cli_error(_("attendees: no name given"));
        free(names);
        return FP_EXIT_INPUT;
    }
    fp_meeting m;
    fp_mcli_opts who = {0}; /* the config's user opens the meeting */
    long long id = fp_meeting_ensure(db, week, fp_mcli_author(rv, &who));
    bool found = id > 0 && fp_meeting_get(db, week, &m);
    char *all = found ? fp_attendees_merge(o->set ? NULL : m.attendees, names)
                      : NULL;
    bool ok = all && fp_meeting_set_attendees(db, m.id, all);
    if (ok)
        printf(_("attendees: %s\n"), all);
    else
        fp_cli_error("%s", db->err[0] ? db->err : _("out of memory"));
    if (found)
        fp_meeting_done(&m);
    free(all);
    free(names);
    return ok ? FP_EXIT_OK : FP_EXIT_RUNTIME;
}

static int show(fp_review *rv, fp_week week)
{
    fp_meeting m;
    char w[FP_WEEK_STR], from[32], to[32];
    fp_week_format(week, w);
    if (!fp_meeting_get(fp_review_db(rv), week, &m)) {
        printf(_("%s: no meeting\n"), w);
        return FP_EXIT_OK;
    }
    fp_mcli_time(m.started_at, from, sizeof from);
    fp_mcli_time(m.ended_at ? m.ended_at : "", to, sizeof to);
    printf(_("%s: meeting %s - %s\n"), w, from, m.ended_at ? to : _("(running)"));
    fputs(_("attendees: "), stdout);
    fp_mcli_tail(*m.attendees ? m.attendees : _("(none)"));
    fp_meeting_done(&m);
    return FP_EXIT_OK;
}

int fp_cmd_meeting(int argc, char **argv)
{
    bool attendees = argc > 1 && !strcmp(argv[1], "attendees");
    if (!attendees && !(argc > 1 && !strcmp(argv[1], "show"))) {
        bool help = argc > 1 && !strcmp(argv[1], "--help");
        fputs(_(meeting_usage), help ? stdout : stderr);
        return help ? FP_EXIT_OK : FP_EXIT_USAGE;
    }
    meeting_opts o = {0};
    int rc = parse(argc - 1, argv + 1, &o);
    if (rc != 0)
        return rc < 0 ? FP_EXIT_OK : rc;
    fp_week week;
    if (!o.week || (attendees && o.nnames == 0) || (!attendees && o.nnames)) {
        fp_cli_error(!o.week ? _("--week is required")
                     : attendees ? _("attendees: give at least one NAME")
                     : _("show takes no NAME"));
        fputs(_(meeting_usage), stderr);
        return FP_EXIT_USAGE;
    }
    if (!fp_mcli_week(o.week, "week", &week))
        return FP_EXIT_INPUT;
    fp_review *rv = fp_cli_open(o.db, o.config, !attendees);
    if (!rv)
        return FP_EXIT_RUNTIME;
    rc = attendees ? set_attendees(rv, &o, week) : show(rv, week);
    fp_review_close(rv);
    return rc;
}
