/* gettext for every layer: each user-visible string goes through _() so
 * that a Chinese catalogue can follow (English for now). N_() marks a
 * string in a static table (translate it with _() where it is shown);
 * P_() picks a plural form. cli/main.c binds the "fupan" text domain. */
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

/* The interface languages. Chosen by --lang, else [ui] language in the
 * config, else the environment (cli/main.c); English by default. */
typedef enum { FP_LANG_UNSET, FP_LANG_EN, FP_LANG_ZH } fp_lang;

/* "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8" (any zh...) are Chinese, "en",
 * "en_US"... English; anything else (NULL, "", "fr", "C") UNSET. */
fp_lang fp_lang_parse(const char *name);
/* The language the environment names: the first non-empty of LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG (get is getenv, or a stub in tests);
 * Chinese when it names Chinese, else English. */
fp_lang fp_lang_from_env(char *(*get)(const char *name));
/* The catalogue's name for LANGUAGE: "zh_CN" or "en" (none: English). */
const char *fp_lang_catalogue(fp_lang lang);

#endif
