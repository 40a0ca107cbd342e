/* The interface language; see lang.h. */
#include "model/lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool lang_is_set;
static fp_lang lang_current = FP_LANG_EN;

/* True when name starts with prefix (ASCII, no case) and the next char
 * ends the language part: end, '_', '-', '.', '@' or ':' (zh_CN, zh-CN,
 * zh_CN.UTF-8, zh:en). */
static bool names(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)name[i]) != prefix[i])
            return false;
    return name[n] == '\0' || strchr("_-.@:", name[n]) != NULL;
}

fp_lang fp_lang_parse(const char *name)
{
    if (name == NULL || *name == '\0')
        return FP_LANG_UNSET;
    if (names(name, "zh"))
        return FP_LANG_ZH;
    if (names(name, "en") || names(name, "c") || names(name, "posix"))
        return FP_LANG_EN;
    return FP_LANG_UNSET;
}

fp_lang fp_lang_from_env(char *(*get)(const char *name))
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES",
                                       "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
        const char *v = get(vars[i]);
        if (v != NULL && *v != '\0')
            return fp_lang_parse(v) == FP_LANG_ZH ? FP_LANG_ZH : FP_LANG_EN;
    }
    return FP_LANG_EN;
}

const char *fp_lang_catalogue(fp_lang lang)
{
    return lang == FP_LANG_ZH ? "zh_CN" : "en";
}

fp_lang fp_ui_lang(void)
{
    return lang_is_set ? lang_current : fp_lang_from_env(getenv);
}

void fp_ui_lang_set(fp_lang lang)
{
    lang_current = lang == FP_LANG_ZH ? FP_LANG_ZH : FP_LANG_EN;
    lang_is_set = true;
}

void fp_ui_lang_reset(void)
{
    lang_is_set = false;
    lang_current = FP_LANG_EN;
}
