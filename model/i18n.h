/* gettext for the plain-C layers (model/, storage/, cli/): every
 * user-visible heading and label goes through _() so a Chinese catalogue
 * can follow. N_() marks a string in a static table; translate it with
 * _() where it is shown. (tui/ has its own identical tui/i18n.h.) */
#ifndef FUPAN_MODEL_I18N_H
#define FUPAN_MODEL_I18N_H

#include <libintl.h>

#ifndef _
#define _(s) gettext(s)
#endif
#ifndef N_
#define N_(s) (s)
#endif

#endif
