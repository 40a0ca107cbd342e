/* May the full-screen browser start here? Not when its output goes to a
 * file or pipe (it would fill it with escape codes) nor on a terminal
 * curses cannot drive (TERM unset, dumb or unknown): it would draw
 * garbage. The scripted front ends (scorecard, minutes) work anywhere. */
#include "cli/runtime.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "model/i18n.h"

/* Whether terminfo knows TERM; loads it only to ask. */
static bool terminfo_knows(const char *term)
{
    int err = 0;
    if (setupterm(term, STDOUT_FILENO, &err) != OK)
        return false;
    del_curterm(cur_term);
    return true;
}

const char *fp_tui_refusal(void)
{
    if (!isatty(STDOUT_FILENO))
        return _("standard output is not a terminal");
    const char *term = getenv("TERM");
    if (term == NULL || *term == '\0')
        return _("TERM is not set");
    if (strcmp(term, "dumb") == 0)
        return _("TERM=dumb cannot move the cursor");
    if (!terminfo_knows(term)) {
        static char why[160];
        snprintf(why, sizeof why, _("TERM=%.60s is unknown to terminfo"),
                 term);
        return why;
    }
    return NULL;
}

