/* The interface language: Chinese or English. Plain C.
 * fp_ui_lang() is what every display helper asks (labels, status words,
 * compact numbers, name order). It is set once at start by whatever
 * chooses the language (a --lang option, the config, ...) through
 * fp_ui_lang_set(); until then it follows the environment
 * (fp_lang_from_env). Not thread-safe: set it before drawing starts. */
#ifndef FUPAN_MODEL_LANG_H
#define FUPAN_MODEL_LANG_H

#include <stdbool.h>

typedef enum { FP_LANG_EN = 0, FP_LANG_ZH = 1 } fp_lang;

/* The current language. */
fp_lang fp_ui_lang(void);
/* Sets the current language for the rest of the run. */
void fp_ui_lang_set(fp_lang lang);
/* Forgets a language set by fp_ui_lang_set: back to the environment. */
void fp_ui_lang_reset(void);
/* The first non-empty of LANGUAGE, LC_ALL, LC_MESSAGES, LANG decides:
 * Chinese when it names Chinese (fp_lang_parse), else English. */
fp_lang fp_lang_from_env(void);
/* "zh", "zh_CN", "zh-CN", "zh_CN.UTF-8", "zh_TW", "zh_CN:en" (a
 * LANGUAGE list: its first entry) -> FP_LANG_ZH; "en", "en_US.UTF-8",
 * "C", "C.UTF-8", "POSIX" -> FP_LANG_EN. False (out untouched) for
 * NULL, "" or anything else. Case does not matter. */
bool fp_lang_parse(const char *name, fp_lang *out);

#endif
