/* The config's stop-loss rules: [stoploss] roas = break-even ROAS,
 * weeks = consecutive weeks, days = consecutive days (daily data);
 * [stoploss.STORE] overrides any of them for one store. See config.h. */
#include "storage/config.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser/iniparser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SECTION "stoploss"

/* Line of "key =" inside [section] of the file (0 when not found). */
static int line_in_section(const char *path, const char *section,
                           const char *key)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return 0;
    char line[1100];
    int n = 0, found = 0;
    bool inside = false;
    size_t klen = strlen(key), slen = strlen(section);
    while (!found && fgets(line, sizeof line, f)) {
        n++;
        const char *p = line + strspn(line, " \t");
        if (*p == '[')
            inside = strncasecmp(p + 1, section, slen) == 0 &&
                     p[1 + slen] == ']';
        else if (inside && strncasecmp(p, key, klen) == 0 &&
                 strchr(" \t=", p[klen]))
            found = n;
    }
    fclose(f);
    return found;
}

typedef struct {
    const char *path, *section;
    char *err;
    size_t errsz;
} where;

static bool bad(const where *w, const char *key, const char *v,
                const char *what)
{
    snprintf(w->err, w->errsz, "%s:%d: [%s] %s: '%s' is not %s", w->path,
             line_in_section(w->path, w->section, key), w->section, key, v,
             what);
    return false;
}

static bool read_roas(dictionary *ini, const where *w, double *out)
{
    char key[300];
    snprintf(key, sizeof key, "%s:roas", w->section);
    const char *v = iniparser_getstring(ini, key, NULL);
    if (!v || !*v)
        return true;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || *end || end == v || !isfinite(d) || d <= 0)
        return bad(w, "roas", v, "a ROAS above zero (1.5)");
    *out = d;
    return true;
}

static bool read_count(dictionary *ini, const where *w, const char *name,
                       int max, int *out)
{
    char key[300];
    snprintf(key, sizeof key, "%s:%s", w->section, name);
    const char *v = iniparser_getstring(ini, key, NULL);
    if (!v || !*v)
        return true;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || end == v || n < 1 || n > max) {
        char what[64];
        snprintf(what, sizeof what, "a whole number from 1 to %d", max);
        return bad(w, name, v, what);
    }
    *out = (int)n;
    return true;
}

static bool read_rule(dictionary *ini, const where *w, fp_stoploss_rule *r)
{
    return read_roas(ini, w, &r->roas) &&
           read_count(ini, w, "weeks", FP_STOPLOSS_MAX_WEEKS, &r->weeks) &&
           read_count(ini, w, "days", 31, &r->days);
}

bool fp_config_read_stoploss(fp_config *cfg, dictionary *ini,
                             const char *path, char *err, size_t errsz)
{
    if (!ini)
        return true;
    where w = {path, SECTION, err, errsz};
    if (!read_rule(ini, &w, &cfg->stoploss.base))
        return false;
    size_t plen = strlen(SECTION ".");
    for (int i = 0; i < iniparser_getnsec(ini); i++) {
        const char *sec = iniparser_getsecname(ini, i);
        if (!sec || strncmp(sec, SECTION ".", plen) != 0 || !sec[plen])
            continue;
        fp_stoploss_rule *r = fp_stoploss_add_store(&cfg->stoploss,
                                                    sec + plen);
        if (!r) {
            snprintf(err, errsz, "out of memory");
            return false;
        }
        w.section = sec;
        if (!read_rule(ini, &w, r))
            return false;
    }
    return true;
}
