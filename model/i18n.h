/* gettext for every layer: each user-visible string goes through _() so
 * that a Chinese catalogue can follow (English for now). N_() marks a
 * string in a static table (translate it with _() where it is shown);
 * P_() picks a plural form. cli/main.c binds the "fupan" text domain.
 * Which language: model/lang.h. */
#ifndef FUPAN_MODEL_I18N_H
#define FUPAN_MODEL_I18N_H

#include <libintl.h>
#include <stdbool.h>

#ifndef _
#define _(s) gettext(s)
#endif
#ifndef N_
#define N_(s) (s)
#endif
#ifndef P_
#define P_(one, many, n) ngettext(one, many, (unsigned long)(n))
#endif

#define FP_TEXT_DOMAIN "fupan"

#endif
