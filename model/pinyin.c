/* Pinyin order and pinyin search over ICU; see pinyin.h. */
#include "model/pinyin.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "model/lang.h"
#include "model/wrap.h"

#define PINYIN_MAX 1024   /* UTF-16 units of a transliterated name */

static UCollator *collator;
static UTransliterator *translit;
static bool collator_failed, translit_failed;

static void icu_done(void)
{
    fp_pinyin_done();
    fp_wrap_done();
    u_cleanup();
}

void fp_icu_at_exit(void)
{
    static bool registered;
    if (!registered)
        registered = atexit(icu_done) == 0;
}

static UCollator *zh_collator(void)
{
    if (!collator && !collator_failed) {
        fp_icu_at_exit();
        UErrorCode st = U_ZERO_ERROR;
        collator = ucol_open("zh", &st);
        if (U_FAILURE(st)) {
            ucol_close(collator);
            collator = NULL;
            collator_failed = true;
        }
    }
    return collator;
}

static UTransliterator *han_latin(void)
{
    if (!translit && !translit_failed) {
        fp_icu_at_exit();
        UErrorCode st = U_ZERO_ERROR;
        UChar id[64];
        u_uastrncpy(id, "Han-Latin; Latin-ASCII", 64);
        translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
        if (U_FAILURE(st)) {
            utrans_close(translit);
            translit = NULL;
            translit_failed = true;
        }
    }
    return translit;
}

void fp_pinyin_done(void)
{
    ucol_close(collator);
    utrans_close(translit);
    collator = NULL;
    translit = NULL;
    collator_failed = translit_failed = false;
}

int fp_name_cmp(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    UCollator *c = fp_ui_lang() == FP_LANG_ZH ? zh_collator() : NULL;
    if (c) {
        UErrorCode st = U_ZERO_ERROR;
        UCollationResult r = ucol_strcollUTF8(c, a, -1, b, -1, &st);
        if (U_SUCCESS(st) && r != UCOL_EQUAL)
            return r == UCOL_LESS ? -1 : 1;
    }
    return strcmp(a, b);
}

/* Lower case, runs of blanks as one space, no leading/trailing space. */
static void squeeze_lower(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (isspace((unsigned char)*p)) {
            if (o > s && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = (char)tolower((unsigned char)*p);
        }
    }
    if (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
}

bool fp_pinyin(const char *name, char *out, size_t outsz)
{
    UTransliterator *t = han_latin();
    UChar buf[PINYIN_MAX];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    if (outsz)
        out[0] = '\0';
    if (!t || !name || !outsz)
        return false;
    u_strFromUTF8(buf, PINYIN_MAX, &len, name, -1, &st);
    if (U_FAILURE(st) || len >= PINYIN_MAX)
        return false;
    int32_t limit = len;
    utrans_transUChars(t, buf, &len, PINYIN_MAX, 0, &limit, &st);
    if (U_FAILURE(st) || len >= PINYIN_MAX)
        return false;
    u_strToUTF8(out, (int32_t)outsz, NULL, buf, len, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING) {
        out[0] = '\0';
        return false;
    }
    squeeze_lower(out);
    return true;
}

/* ASCII letters without case; other bytes as they are. */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t hn = strlen(hay), nn = strlen(needle);
    for (size_t i = 0; i + nn <= hn; i++) {
        size_t j = 0;
        while (j < nn && tolower((unsigned char)hay[i + j])
                             == tolower((unsigned char)needle[j]))
            j++;
        if (j == nn)
            return true;
    }
    return false;
}

/* "wang qiang" -> full "wangqiang", initials "wq". */
static void split_pinyin(const char *py, char *full, char *initials)
{
    size_t f = 0, i = 0;
    for (const char *p = py; *p; p++) {
        if (*p == ' ')
            continue;
        if (p == py || p[-1] == ' ')
            initials[i++] = *p;
        full[f++] = *p;
    }
    full[f] = initials[i] = '\0';
}

bool fp_name_matches(const char *name, const char *query)
{
    if (!query || !*query)
        return true;
    if (!name)
        return false;
    if (contains_ci(name, query))
        return true;
    char q[256], py[1024], full[1024], initials[1024];
    size_t n = 0;
    for (const char *p = query; *p && n + 1 < sizeof q; p++)
        if (!isspace((unsigned char)*p))
            q[n++] = (char)tolower((unsigned char)*p);
    q[n] = '\0';
    if (!*q || !fp_pinyin(name, py, sizeof py))
        return false;
    split_pinyin(py, full, initials);
    return strstr(full, q) != NULL || strstr(initials, q) != NULL;
}
