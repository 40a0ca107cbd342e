/* Every user-visible string of the TUI goes through _() (gettext), so a
 * Chinese catalogue can follow without touching the views. N_() marks a
 * string in a static table; translate it with _() where it is shown. */
#ifndef FUPAN_TUI_I18N_H
#define FUPAN_TUI_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext(one, many, (unsigned long)(n))

#endif
