/* The config's stop-loss rules: [stoploss] roas = break-even ROAS,
 * weeks = consecutive weeks, days = consecutive days (daily data);
 * [stoploss.STORE] overrides any of them for one store. Sections come
 * from the one INI reader (storage/ini_text.c), dispatched by
 * read_section in storage/config.c like [push NAME]. See config.h. */
#include "storage/config_stoploss.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/i18n.h"
#include "storage/ini_values.h"

#define SECTION "stoploss"
#define PREFIX SECTION "."

/* A store rule's field the section left out: taken from [stoploss] by
 * fp_config_stoploss_finish, whatever the order of the sections. */
#define UNSET_COUNT (-1)

typedef struct {
    const char *path, *section;
    char *err;
    size_t errsz;
} where;

__attribute__((format(printf, 3, 4)))
static bool fail_line(const where *w, int line, const char *fmt, ...)
{
    char body[400];
    va_list ap;
    va_start(ap, fmt);
    fp_ini_vformat(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(w->err, w->errsz, "%s:%d: %s", w->path, line, body);
    fp_utf8_cut(w->err);
    return false;
}

static bool bad(const where *w, const fp_ini_kv *kv, const char *what)
{
    return fail_line(w, kv->line, _("[%s] %s: '%s' is not %s"), w->section,
                     kv->key, kv->value, what);
}

static bool read_roas(const where *w, const fp_ini_kv *kv, double *out)
{
    if (!*kv->value)
        return true;
    char *end;
    errno = 0;
    double d = strtod(kv->value, &end);
    if (errno || *end || end == kv->value || !isfinite(d) || d <= 0)
        return bad(w, kv, _("a ROAS above zero (1.5)"));
    *out = d;
    return true;
}

static bool read_count(const where *w, const fp_ini_kv *kv, int max,
                       int *out)
{
    if (!*kv->value)
        return true;
    char *end;
    errno = 0;
    long n = strtol(kv->value, &end, 10);
    if (errno || *end || end == kv->value || n < 1 || n > max) {
        char what[64];
        snprintf(what, sizeof what, _("a whole number from 1 to %d"), max);
        return bad(w, kv, what);
    }
    *out = (int)n;
    return true;
}

static bool read_key(const where *w, const fp_ini_kv *kv,
                     fp_stoploss_rule *r)
{
    if (strcmp(kv->key, "roas") == 0)
        return read_roas(w, kv, &r->roas);
    if (strcmp(kv->key, "weeks") == 0)
        return read_count(w, kv, FP_STOPLOSS_MAX_WEEKS, &r->weeks);
    if (strcmp(kv->key, "days") == 0)
        return read_count(w, kv, 31, &r->days);
    return fail_line(w, kv->line, _("unknown key '%s' in [%s] (expected "
                     "roas, weeks, days)"), kv->key, w->section);
}

bool fp_config_is_stoploss_section(const char *name)
{
    return strcmp(name, SECTION) == 0 ||
           strncmp(name, PREFIX, strlen(PREFIX)) == 0;
}

/* The rule a section fills: the base one, or a new store rule whose
 * fields all start unset. */
static fp_stoploss_rule *rule_of_section(fp_config *cfg, const where *w,
                                         int line)
{
    if (strcmp(w->section, SECTION) == 0)
        return &cfg->stoploss.base;
    const char *store = w->section + strlen(PREFIX);
    if (!*store) {
        fail_line(w, line, _("[%s] names no store (expected "
                  "[stoploss.STORE])"), w->section);
        return NULL;
    }
    fp_stoploss_rule *r = fp_stoploss_add_store(&cfg->stoploss, store);
    if (!r) {
        fail_line(w, line, "%s", _("out of memory"));
        return NULL;
    }
    r->roas = NAN;
    r->weeks = r->days = UNSET_COUNT;
    return r;
}

bool fp_config_read_stoploss(fp_config *cfg, const fp_ini_section *sec,
                             const char *path, char *err, size_t errsz)
{
    where w = {path, sec->name, err, errsz};
    fp_stoploss_rule *r = rule_of_section(cfg, &w, sec->line);
    if (!r)
        return false;
    for (int i = 0; i < sec->nkv; i++)
        if (!read_key(&w, &sec->kvs[i], r))
            return false;
    return true;
}

void fp_config_stoploss_finish(fp_config *cfg)
{
    const fp_stoploss_rule *base = &cfg->stoploss.base;
    for (int i = 0; i < cfg->stoploss.nstores; i++) {
        fp_stoploss_rule *r = &cfg->stoploss.stores[i];
        if (isnan(r->roas))
            r->roas = base->roas;
        if (r->weeks == UNSET_COUNT)
            r->weeks = base->weeks;
        if (r->days == UNSET_COUNT)
            r->days = base->days;
    }
}
