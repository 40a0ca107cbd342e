/* Import profiles from INI; see profile.h. */
#include "storage/profile.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_ini.h"
#include "model/i18n.h"
#include "model/vec.h"
#include "storage/ini_text.h"

#define BUILTIN_NAME "<built-in profiles.ini>"

static void map_done(fp_profile_map *m)
{
    free(m->kpi);
    free(m->headers);
    free(m->weight);
}

static void profile_done(fp_profile *p)
{
    char **texts[] = {&p->name, &p->label, &p->source, &p->detect, &p->date,
                      &p->person, &p->match, &p->store, &p->category,
                      &p->ignore};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        free(*texts[i]);
    for (int i = 0; i < p->nmaps; i++)
        map_done(&p->maps[i]);
    free(p->maps);
    memset(p, 0, sizeof *p);
}

void fp_profiles_free(fp_profile_set *set)
{
    if (set == NULL)
        return;
    for (int i = 0; i < set->n; i++)
        profile_done(&set->items[i]);
    free(set->items);
    free(set);
}

const fp_profile *fp_profiles_find(const fp_profile_set *set,
                                   const char *name)
{
    for (int i = 0; set != NULL && i < set->n; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return &set->items[i];
    return NULL;
}

bool fp_profile_word_in(const char *list, const char *id)
{
    size_t n = strlen(id);
    const char *s = list;
    while (s != NULL && *s) {
        while (*s == ' ' || *s == ',')
            s++;
        size_t len = strcspn(s, " ,");
        if (len == n && len > 0 && strncmp(s, id, n) == 0)
            return true;
        s += len;
    }
    return false;
}

/* ---- header names ---- */

/* Lower-case ASCII, no blanks (ASCII or the ideographic space). */
static void normalise(const char *in, size_t len, char *out, size_t outsz)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < outsz; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == ' ' || c == '\t')
            continue;
        if (c == 0xE3 && i + 2 < len && (unsigned char)in[i + 1] == 0x80 &&
            (unsigned char)in[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        out[o++] = (char)tolower(c);
    }
    out[o] = '\0';
}

/* name (normalised) against header (normalised); "(cur)" in name matches
 * three letters, copied upper-cased to cur. */
static bool name_matches(const char *name, const char *header, char *cur)
{
    const char *at = strstr(name, "(cur)");
    if (at == NULL)
        return strcmp(name, header) == 0;
    size_t pre = (size_t)(at - name);
    if (strncmp(name, header, pre) != 0 || strlen(header) != pre + 5 ||
        header[pre] != '(' || header[pre + 4] != ')' ||
        strcmp(at + 5, "") != 0)
        return false;
    for (int i = 1; i <= 3; i++)
        if (!isalpha((unsigned char)header[pre + (size_t)i]))
            return false;
    if (cur != NULL) {
        for (int i = 0; i < 3; i++)
            cur[i] = (char)toupper((unsigned char)header[pre + 1 + (size_t)i]);
        cur[3] = '\0';
    }
    return true;
}

bool fp_profile_header_is(const char *header, const char *names, char *cur)
{
    char h[256], n[256];
    if (cur != NULL)
        cur[0] = '\0';
    if (names == NULL)
        return false;
    normalise(header, strlen(header), h, sizeof h);
    if (h[0] == '\0')
        return false;
    for (const char *s = names; *s;) {
        size_t len = strcspn(s, "|");
        normalise(s, len, n, sizeof n);
        if (n[0] != '\0' && name_matches(n, h, cur))
            return true;
        s += len;
        if (*s == '|')
            s++;
    }
    return false;
}

int fp_profile_find_header(const char *const *headers, int nheaders,
                           const char *names, char *cur)
{
    for (int i = 0; i < nheaders; i++)
        if (fp_profile_header_is(headers[i], names, cur))
            return i;
    return -1;
}

bool fp_profile_detects(const fp_profile *p, const char *const *headers,
                        int nheaders)
{
    char group[512];
    if (p->detect == NULL || p->detect[0] == '\0')
        return false;
    for (const char *s = p->detect; *s;) {
        size_t len = strcspn(s, ",");
        if (len >= sizeof group)
            return false;
        memcpy(group, s, len);
        group[len] = '\0';
        if (fp_profile_find_header(headers, nheaders, group, NULL) < 0)
            return false;
        s += len;
        if (*s == ',')
            s++;
    }
    return true;
}

bool fp_profile_duration(const char *text, double *seconds)
{
    double parts[3];
    int n = 0;
    const char *s = text;
    while (n < 3) {
        char *end;
        if (!isdigit((unsigned char)*s))
            return false;
        parts[n++] = strtod(s, &end);
        s = end;
        if (*s != ':')
            break;
        s++;
    }
    if (*s != '\0')
        return false;
    for (int i = 1; i < n; i++)
        if (parts[i] >= 60)
            return false; /* minutes and seconds stay below 60 */
    double total = 0;
    for (int i = 0; i < n; i++)
        total = total * 60 + parts[i];
    *seconds = total;
    return true;
}

/* ---- reading INI ---- */

typedef struct {
    fp_profile_set *set;
    const char *source;  /* "built-in" or the path */
    const char *file;    /* the name in messages */
    char *err;
    size_t errsz;
} loader;

static bool fail(loader *ld, int line, const char *msg, const char *what)
{
    snprintf(ld->err, ld->errsz, "%s:%d: %s%s%s", ld->file, line, msg,
             what ? ": " : "", what ? what : "");
    return false;
}

static fp_profile_map *map_of(fp_profile *p, const char *kpi)
{
    for (int i = 0; i < p->nmaps; i++)
        if (strcmp(p->maps[i].kpi, kpi) == 0)
            return &p->maps[i];
    fp_profile_map *grown = fp_grow_one(p->maps, sizeof *grown,
                                        (size_t)p->nmaps);
    if (grown == NULL)
        return NULL;
    p->maps = grown;
    fp_profile_map *m = &grown[p->nmaps];
    memset(m, 0, sizeof *m);
    if ((m->kpi = strdup(kpi)) == NULL)
        return NULL;
    p->nmaps++;
    return m;
}

/* duration / max / count: each word a KPI getting that flag. */
static bool flag_words(fp_profile *p, const char *key, const char *list)
{
    char word[128];
    for (const char *s = list; *s;) {
        s += strspn(s, " ,");
        size_t len = strcspn(s, " ,");
        if (len == 0)
            break;
        if (len >= sizeof word)
            return false;
        memcpy(word, s, len);
        word[len] = '\0';
        fp_profile_map *m = map_of(p, word);
        if (m == NULL)
            return false;
        m->duration |= strcmp(key, "duration") == 0;
        m->max |= strcmp(key, "max") == 0;
        m->count |= strcmp(key, "count") == 0;
        s += len;
    }
    return true;
}

static char **text_field(fp_profile *p, const char *key)
{
    static const char *const names[] = {"label", "detect", "date", "person",
                                        "match", "store", "category",
                                        "ignore"};
    char **fields[] = {&p->label, &p->detect, &p->date, &p->person,
                       &p->match, &p->store, &p->category, &p->ignore};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(key, names[i]) == 0)
            return fields[i];
    return NULL;
}

/* Replaces *field with a copy of value; false when out of memory. */
static bool set_copy(char **field, const char *value)
{
    char *copy = strdup(value);
    if (copy == NULL)
        return false;
    free(*field);
    *field = copy;
    return true;
}

/* The map of "kpi.ID" or "weight.ID" (prefix), or NULL. */
static fp_profile_map *map_of_key(fp_profile *p, const char *key,
                                  const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(key, prefix, n) == 0 && key[n] ? map_of(p, key + n)
                                                  : NULL;
}

static bool read_key(loader *ld, fp_profile *p, const fp_ini_kv *kv)
{
    char **field = text_field(p, kv->key);
    fp_profile_map *m;
    if (field != NULL)
        return set_copy(field, kv->value) ||
               fail(ld, kv->line, _("out of memory"), NULL);
    if ((m = map_of_key(p, kv->key, "kpi.")) != NULL)
        return set_copy(&m->headers, kv->value) ||
               fail(ld, kv->line, _("out of memory"), NULL);
    if ((m = map_of_key(p, kv->key, "weight.")) != NULL)
        return set_copy(&m->weight, kv->value) ||
               fail(ld, kv->line, _("out of memory"), NULL);
    if (strcmp(kv->key, "date_format") == 0)
        return fp_date_order_parse(kv->value, &p->date_order) ||
               fail(ld, kv->line, _("unknown date_format (YYYY-MM-DD, "
                    "DD/MM/YYYY, MM/DD/YYYY)"), kv->value);
    if (strcmp(kv->key, "duration") == 0 || strcmp(kv->key, "max") == 0 ||
        strcmp(kv->key, "count") == 0)
        return flag_words(p, kv->key, kv->value) ||
               fail(ld, kv->line, _("out of memory"), NULL);
    return fail(ld, kv->line, _("unknown key in a profile"), kv->key);
}

/* A column without headers is a mistake unless it counts rows. */
static bool check_profile(loader *ld, const fp_profile *p, int line)
{
    if (p->date == NULL || p->person == NULL || p->detect == NULL)
        return fail(ld, line, _("a profile needs detect, date and person"),
                    p->name);
    for (int i = 0; i < p->nmaps; i++)
        if (p->maps[i].headers == NULL && !p->maps[i].count)
            return fail(ld, line, _("no kpi.ID headers for this KPI"),
                        p->maps[i].kpi);
    return true;
}

/* Adds or replaces (same name) the profile of section sec. */
static bool add_profile(loader *ld, const fp_ini_section *sec)
{
    fp_profile p;
    memset(&p, 0, sizeof p);
    p.line = sec->line;
    p.name = strdup(sec->name + strlen("profile."));
    p.source = strdup(ld->source);
    bool ok = p.name != NULL && p.source != NULL;
    for (int i = 0; ok && i < sec->nkv; i++)
        ok = read_key(ld, &p, &sec->kvs[i]);
    ok = ok && check_profile(ld, &p, sec->line);
    fp_profile *old = (fp_profile *)fp_profiles_find(ld->set, p.name);
    fp_profile *grown = ok && old == NULL
        ? fp_grow_one(ld->set->items, sizeof *grown, (size_t)ld->set->n)
        : NULL;
    if (!ok || (old == NULL && grown == NULL)) {
        profile_done(&p);
        return ok ? fail(ld, sec->line, _("out of memory"), NULL) : false;
    }
    if (old != NULL) {
        profile_done(old);
        *old = p;
    } else {
        ld->set->items = grown;
        ld->set->items[ld->set->n++] = p;
    }
    return true;
}

static bool add_text(loader *ld, const char *text, size_t len)
{
    fp_ini_doc doc;
    if (!fp_ini_parse_mem(text, len, ld->file, FP_INI_STRICT, &doc, ld->err,
                          ld->errsz))
        return false;
    bool ok = true;
    for (int i = 0; ok && i < doc.nsecs; i++) {
        const fp_ini_section *sec = &doc.secs[i];
        if (strncmp(sec->name, "profile.", 8) != 0 || !sec->name[8])
            ok = fail(ld, sec->line, _("expected [profile.NAME]"),
                      sec->name);
        else
            ok = add_profile(ld, sec);
    }
    fp_ini_doc_done(&doc);
    return ok;
}

fp_profile_set *fp_profiles_load(const char *file, char *err, size_t errsz)
{
    loader ld = {calloc(1, sizeof(fp_profile_set)), "built-in",
                 BUILTIN_NAME, err, errsz};
    if (ld.set == NULL) {
        snprintf(err, errsz, "%s", _("out of memory"));
        return NULL;
    }
    bool ok = add_text(&ld, builtin_profiles_ini, strlen(builtin_profiles_ini));
    if (ok && file != NULL) {
        size_t len;
        char *text = fp_ini_read_file(file, &len, err, errsz);
        ld.source = ld.file = file;
        ok = text != NULL && add_text(&ld, text, len);
        free(text);
    }
    if (!ok) {
        fp_profiles_free(ld.set);
        return NULL;
    }
    return ld.set;
}
