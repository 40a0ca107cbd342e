/* Which language the interface speaks; see model/i18n.h. */
#include "model/i18n.h"

#include <stdlib.h>
#include <string.h>

/* True when name starts with prefix followed by its end or by one of
 * the separators of a locale name (zh_CN, zh-CN, zh_CN.UTF-8, zh:en). */
static bool names(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 && strchr("_-.@:", name[n]) != NULL;
}

fp_lang fp_lang_parse(const char *name)
{
    if (name == NULL)
        return FP_LANG_UNSET;
    if (names(name, "zh"))
        return FP_LANG_ZH;
    if (names(name, "en"))
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
