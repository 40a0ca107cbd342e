/* The interface language; see lang.h. */
#include "model/lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool lang_is_set;
static fp_lang lang_current = FP_LANG_EN;

/* True when name starts with prefix (ASCII, no case) and the next char
 * ends the language part: end, '_', '-', '.', '@' or ':'. */
static bool names(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)name[i]) != prefix[i])
            return false;
    return name[n] == '\0' || strchr("_-.@:", name[n]) != NULL;
}

bool fp_lang_parse(const char *name, fp_lang *out)
{
    if (!name || !*name)
        return false;
    if (names(name, "zh")) {
        *out = FP_LANG_ZH;
        return true;
    }
    if (names(name, "en") || names(name, "c") || names(name, "posix")) {
        *out = FP_LANG_EN;
        return true;
    }
    return false;
}

fp_lang fp_lang_from_env(void)
{
    static const char *const vars[] = {
        "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG",
    };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            fp_lang l = FP_LANG_EN;
            fp_lang_parse(v, &l);
            return l;
        }
    }
    return FP_LANG_EN;
}

fp_lang fp_ui_lang(void)
{
    return lang_is_set ? lang_current : fp_lang_from_env();
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
