/* The interface language: Chinese or English, for gettext (the
 * catalogue) and for every display helper (labels, status words,
 * compact numbers, name order). Plain C; the one place that names
 * languages.
 *
 * cli/main.c chooses it once at start: --lang, else [ui] language in
 * the config, else the environment (fp_lang_from_env); it binds the
 * catalogue (fp_lang_catalogue) and calls fp_ui_lang_set(). Until then
 * fp_ui_lang() follows the environment. Not thread-safe: set it before
 * drawing starts. */
#ifndef FUPAN_MODEL_LANG_H
#define FUPAN_MODEL_LANG_H

#include <stdbool.h>

typedef enum { FP_LANG_UNSET, FP_LANG_EN, FP_LANG_ZH } fp_lang;

/* "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "zh_TW", "zh_CN:en" (a
 * LANGUAGE list: its first entry) are Chinese; "en", "en_US.UTF-8",
 * "C", "C.UTF-8", "POSIX" English. Case does not matter. Anything else
 * (NULL, "", "zhx", "fr") is FP_LANG_UNSET. */
fp_lang fp_lang_parse(const char *name);
/* The language the environment names: the first non-empty of LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG (get is getenv, or a stub in tests);
 * Chinese when it names Chinese, else English (never UNSET). */
fp_lang fp_lang_from_env(char *(*get)(const char *name));
/* The catalogue's name for LANGUAGE: "zh_CN" or "en" (none: English). */
const char *fp_lang_catalogue(fp_lang lang);

/* The current language: FP_LANG_EN or FP_LANG_ZH (never UNSET). */
fp_lang fp_ui_lang(void);
/* Sets the current language for the rest of the run (UNSET: English). */
void fp_ui_lang_set(fp_lang lang);
/* Forgets a language set by fp_ui_lang_set: back to the environment. */
void fp_ui_lang_reset(void);

#endif
