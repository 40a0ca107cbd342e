/* Loading the KPI catalogue from INI; see catalogue_ini.h and the format
 * described at the top of sample-data/kpis.ini.
 * All files are first merged section by section (a later section
 * replaces an earlier one of the same name as a whole), then the
 * catalogue is built from the merged sections; each section remembers
 * its file and every key its line, so every complaint names both. */
#include "storage/catalogue_ini.h"
#include "model/i18n.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin_ini.h"
#include "storage/ini_text.h"
#include "storage/ini_values.h"
#include "model/tree.h"
#include "model/vec.h"

/* Files, texts and --set changes a catalogue can be made of. */
#define MAX_LAYERS 64

typedef struct {
    fp_ini_section sec;  /* owned */
    const char *file;    /* display name, owned by the loader */
} spec;

typedef struct {
    spec *specs;
    int nspecs;
    char *files[MAX_LAYERS];
    int nfiles;
    char *err;
    size_t errsz;
    fp_catalogue *cat;
    int *kpi_spec, *role_spec, *cause_spec, *conflict_spec; /* index -> spec */
    int level_spec[3];
} loader;

/* What one section's keys are being applied to. */
typedef struct {
    loader *ld;
    const spec *s;
    int index;           /* KPI, role, level, conflict or cause index */
    const fp_ini_kv *kv; /* the key being read, for messages */
} build;

static bool fail_at(loader *ld, const spec *s, int line, const char *fmt,
                    ...)
{
    int n = snprintf(ld->err, ld->errsz, "%s:%d: ", s->file, line);
    if (n >= 0 && (size_t)n < ld->errsz) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ld->err + n, ld->errsz - (size_t)n, fmt, ap);
        va_end(ap);
    }
    fp_utf8_cut(ld->err);
    return false;
}

static bool oom(loader *ld)
{
    snprintf(ld->err, ld->errsz, _("out of memory while loading the KPI "
             "catalogue"));
    return false;
}

/* ---- merging files ---- */

static bool merge_section(loader *ld, fp_ini_section *sec, const char *file)
{
    for (int i = 0; i < ld->nspecs; i++)
        if (strcmp(ld->specs[i].sec.name, sec->name) == 0) {
            fp_ini_section_done(&ld->specs[i].sec);
            ld->specs[i] = (spec){ *sec, file };
            return true;
        }
    spec *s = fp_grow_one(ld->specs, sizeof *s, (size_t)ld->nspecs);
    if (!s)
        return false;
    ld->specs = s;
    s[ld->nspecs++] = (spec){ *sec, file };
    return true;
}

static bool add_text(loader *ld, const char *text, size_t len,
                     const char *name)
{
    if (ld->nfiles == MAX_LAYERS ||
        !(ld->files[ld->nfiles] = strdup(name)))
        return oom(ld);
    const char *file = ld->files[ld->nfiles++];
    fp_ini_doc doc;
    if (!fp_ini_parse_mem(text, len, file, FP_INI_STRICT, &doc, ld->err,
                          ld->errsz))
        return false;
    bool ok = true;
    for (int i = 0; i < doc.nsecs; i++) {
        if (ok && merge_section(ld, &doc.secs[i], file))
            continue;           /* the section now belongs to the loader */
        ok = false;
        fp_ini_section_done(&doc.secs[i]);
    }
    free(doc.secs);
    return ok || oom(ld);
}

static bool add_file(loader *ld, const char *path)
{
    size_t len;
    char *text = fp_ini_read_file(path, &len, ld->err, ld->errsz);
    if (!text)
        return false;
    bool ok = add_text(ld, text, len, path);
    free(text);
    return ok;
}

/* ---- one key changed (--set SECTION.KEY=VALUE) ---- */

static spec *find_spec(loader *ld, const char *name)
{
    for (int i = 0; i < ld->nspecs; i++)
        if (strcmp(ld->specs[i].sec.name, name) == 0)
            return &ld->specs[i];
    return NULL;
}

/* Moves kv into sec, replacing the key of that name. */
static bool put_key(fp_ini_section *sec, fp_ini_kv *kv)
{
    for (int i = 0; i < sec->nkv; i++)
        if (strcmp(sec->kvs[i].key, kv->key) == 0) {
            free(sec->kvs[i].key);
            free(sec->kvs[i].value);
            sec->kvs[i] = *kv;
            *kv = (fp_ini_kv){NULL, NULL, 0};
            return true;
        }
    /* kvs was grown by ini_text.c's push_kv, with the same rule */
    fp_ini_kv *kvs = fp_grow_one(sec->kvs, sizeof *kvs, (size_t)sec->nkv);
    if (!kvs)
        return false;
    sec->kvs = kvs;
    kvs[sec->nkv++] = *kv;
    *kv = (fp_ini_kv){NULL, NULL, 0};
    return true;
}

/* The text "[section]\nkey = "value"\n" of one change; NULL when the
 * value holds a quote or a line break (it could not be written so). */
static char *change_text(const fp_catalogue_set *set)
{
    if (strpbrk(set->value, "\"\n\r") || strpbrk(set->section, "]\n\r") ||
        strpbrk(set->key, "=\n\r"))
        return NULL;
    size_t n = strlen(set->section) + strlen(set->key) +
               strlen(set->value) + 16;
    char *text = malloc(n);
    if (text)
        snprintf(text, n, "[%s]\n%s = \"%s\"\n", set->section, set->key,
                 set->value);
    return text;
}

/* Applies one change on top of everything loaded: only that key of the
 * section changes; a section that does not exist yet is created. */
static bool add_set(loader *ld, const fp_catalogue_set *set)
{
    char name[300], *text = change_text(set);
    snprintf(name, sizeof name, "--set %s.%s", set->section, set->key);
    if (!text) {
        snprintf(ld->err, ld->errsz, "%s: a value cannot hold quotes or "
                 "line breaks", name);
        return false;
    }
    fp_ini_doc doc;
    bool ok = fp_ini_parse(text, name, &doc, ld->err, ld->errsz);
    spec *dst = ok && doc.nsecs == 1 && doc.secs[0].nkv == 1
                ? find_spec(ld, doc.secs[0].name) : NULL;
    if (ok && dst) {
        /* messages about the section now name the change */
        char *file = ld->nfiles < MAX_LAYERS ? strdup(name) : NULL;
        if (file)
            ld->files[ld->nfiles++] = file;
        ok = (file && put_key(&dst->sec, &doc.secs[0].kvs[0])) || oom(ld);
        if (ok)
            dst->file = file;
    } else if (ok)
        ok = add_text(ld, text, strlen(text), name);
    fp_ini_doc_done(&doc);
    free(text);
    return ok;
}

static void loader_done(loader *ld)
{
    for (int i = 0; i < ld->nspecs; i++)
        fp_ini_section_done(&ld->specs[i].sec);
    free(ld->specs);
    for (int i = 0; i < ld->nfiles; i++)
        free(ld->files[i]);
    free(ld->kpi_spec);
    free(ld->role_spec);
    free(ld->cause_spec);
    free(ld->conflict_spec);
}

/* ---- keys ---- */

typedef bool (*key_fn)(build *b, const char *value);
typedef struct { const char *key; key_fn fn; } key_rule;

static bool bad_value(build *b, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    fp_ini_vformat(msg, sizeof msg, fmt, ap); /* long values shortened */
    va_end(ap);
    return fail_at(b->ld, b->s, b->kv->line, "%s: %s", b->kv->key, msg);
}

/* Applies each key of the section through rules; unknown keys are
 * errors (a typo must not silently fall back to a default). */
static bool apply_keys(build *b, const key_rule *rules, const char *what)
{
    const fp_ini_section *sec = &b->s->sec;
    for (int i = 0; i < sec->nkv; i++) {
        b->kv = &sec->kvs[i];
        const key_rule *r = rules;
        while (r->key && strcmp(r->key, b->kv->key) != 0)
            r++;
        if (!r->key)
            return fail_at(b->ld, b->s, b->kv->line, "unknown key '%s' in "
                           "a %s section", b->kv->key, what);
        if (r->fn && !r->fn(b, b->kv->value))
            return false;
    }
    return true;
}

static fp_kpi *cur_kpi(build *b)
{
    return &b->ld->cat->kpis[b->index];
}

static bool set_text(build *b, char **field, const char *value)
{
    if (!*value)
        return bad_value(b, _("empty"));
    char *copy = strdup(value);
    if (!copy)
        return oom(b->ld);
    free(*field);
    *field = copy;
    return true;
}

static bool kpi_label(build *b, const char *v)
{
    return set_text(b, &cur_kpi(b)->label, v);
}

static bool kpi_label_zh(build *b, const char *v)
{
    return set_text(b, &cur_kpi(b)->label_zh, v);
}

static bool kpi_formula(build *b, const char *v)
{
    return set_text(b, &cur_kpi(b)->formula_src, v);
}

static bool word_key(build *b, const char *v, const char *const *words,
                     int *out)
{
    int w = fp_ini_word(v, words);
    if (w < 0) {
        char list[160] = "";
        for (int i = 0; words[i]; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list),
                     "%s%s", i ? (words[i + 1] ? ", " : " or ") : "",
                     words[i]);
        return bad_value(b, _("'%s' is not %s"), v, list);
    }
    *out = w;
    return true;
}

static bool kpi_unit(build *b, const char *v)
{
    static const char *const w[] = { "count", "money", "percent", "ratio",
                                     "seconds", NULL };
    int i;
    if (!word_key(b, v, w, &i))
        return false;
    cur_kpi(b)->unit = (fp_unit)i;
    return true;
}

static bool kpi_direction(build *b, const char *v)
{
    static const char *const w[] = { "higher", "lower", "none", NULL };
    int i;
    if (!word_key(b, v, w, &i))
        return false;
    cur_kpi(b)->dir = (fp_direction)i;
    return true;
}

static bool kpi_additivity(build *b, const char *v)
{
    static const char *const w[] = { "sum", "formula", "none", NULL };
    int i;
    if (!word_key(b, v, w, &i))
        return false;
    cur_kpi(b)->add = (fp_additivity)i;
    return true;
}

static bool kpi_kind(build *b, const char *v)
{
    static const char *const w[] = { "process", "result", NULL };
    int i;
    if (!word_key(b, v, w, &i))
        return false;
    cur_kpi(b)->is_result = i == 1;
    return true;
}

static bool kpi_decimals(build *b, const char *v)
{
    long n;
    if (!fp_ini_int(v, 0, 6, &n))
        return bad_value(b, _("'%s' is not a whole number from 0 to 6"), v);
    cur_kpi(b)->decimals = (int)n;
    return true;
}

static bool kpi_maturity(build *b, const char *v)
{
    long n;
    if (!fp_ini_int(v, 0, 366, &n))
        return bad_value(b, _("'%s' is not a number of days from 0 to 366"),
                         v);
    cur_kpi(b)->maturity_days = (int)n;
    return true;
}

/* A threshold is an attainment in percent: "90" or "90%". */
static bool threshold(build *b, const char *v, double *out)
{
    double x;
    bool pct;
    if (!fp_ini_number(v, &x, &pct) || x <= 0 || x > 1000)
        return bad_value(b, _("'%s' is not an attainment in percent above 0 "
                         "(like 90)"), v);
    *out = x / 100.0;
    return true;
}

static bool kpi_green(build *b, const char *v)
{
    return threshold(b, v, &cur_kpi(b)->green);
}

static bool kpi_amber(build *b, const char *v)
{
    return threshold(b, v, &cur_kpi(b)->amber);
}

static const key_rule kpi_rules[] = {
    { "label", kpi_label }, { "label_zh", kpi_label_zh },
    { "unit", kpi_unit }, { "direction", kpi_direction },
    { "additivity", kpi_additivity }, { "formula", kpi_formula },
    { "decimals", kpi_decimals }, { "green", kpi_green },
    { "amber", kpi_amber }, { "maturity_days", kpi_maturity },
    { "kind", kpi_kind }, { NULL, NULL }
};

static int key_line(const spec *s, const char *key)
{
    const fp_ini_kv *kv = fp_ini_find(&s->sec, key);
    return kv ? kv->line : s->sec.line;
}

static bool build_kpi(loader *ld, int si)
{
    const spec *s = &ld->specs[si];
    const char *id = s->sec.name + strlen("kpi.");
    int k = fp_catalogue_add_kpi(ld->cat, id);
    if (k < 0)
        return oom(ld);
    ld->kpi_spec[k] = si;
    ld->cat->kpis[k].line = s->sec.line;
    build b = { ld, s, k, NULL };
    if (!apply_keys(&b, kpi_rules, "[kpi.*]"))
        return false;
    fp_kpi *kpi = cur_kpi(&b);
    if (!fp_ini_find(&s->sec, "label_zh") && fp_ini_find(&s->sec, "label"))
        fp_catalogue_set_labels(ld->cat, k, NULL, kpi->label);
    if (kpi->amber > kpi->green)
        return fail_at(ld, s, key_line(s, "amber"), "amber threshold "
                       "%g%% is above green %g%% (need amber <= green)",
                       kpi->amber * 100, kpi->green * 100);
    if (kpi->add == FP_ADD_FORMULA && !kpi->formula_src)
        return fail_at(ld, s, key_line(s, "additivity"), "additivity = "
                       "formula needs a formula key");
    if (kpi->add != FP_ADD_FORMULA && kpi->formula_src)
        return fail_at(ld, s, key_line(s, "formula"), "a formula needs "
                       "additivity = formula");
    return true;
}

/* ---- role and level cards ---- */

typedef struct {
    build *b;
    bool is_level;
    bool targets;        /* reading "targets", else "kpis" */
} card_ctx;

static fp_weighted_kpi *card_of(card_ctx *c, int *n)
{
    fp_catalogue *cat = c->b->ld->cat;
    if (c->is_level) {
        *n = cat->levels[c->b->index].nkpis;
        return cat->levels[c->b->index].kpis;
    }
    *n = cat->roles[c->b->index].nkpis;
    return cat->roles[c->b->index].kpis;
}

static fp_weighted_kpi *card_find(card_ctx *c, int kpi)
{
    int n;
    fp_weighted_kpi *card = card_of(c, &n);
    for (int i = 0; i < n; i++)
        if (card[i].kpi == kpi)
            return &card[i];
    return NULL;
}

static bool card_target(card_ctx *c, int k, const char *name,
                        const char *arg)
{
    const fp_kpi *kpi = &c->b->ld->cat->kpis[k];
    fp_weighted_kpi *w = card_find(c, k);
    if (!w)
        return bad_value(c->b, _("%s is not in kpis"), name);
    double v;
    bool pct;
    if (!fp_ini_number(arg, &v, &pct) || v <= 0)
        return bad_value(c->b, _("target of %s: '%s' is not a number above 0"),
                         name, arg);
    if (pct && kpi->unit != FP_UNIT_PERCENT)
        return bad_value(c->b, _("target of %s: %s is not a percent KPI"),
                         name, name);
    w->default_target = kpi->unit == FP_UNIT_PERCENT ? v / 100.0 : v;
    return true;
}

static bool card_item(void *ctx, const char *name, const char *arg)
{
    card_ctx *c = ctx;
    fp_catalogue *cat = c->b->ld->cat;
    int k = fp_catalogue_kpi(cat, name);
    if (k < 0)
        return bad_value(c->b, _("unknown KPI '%s'"), name);
    if (c->targets)
        return card_target(c, k, name, arg);
    double w;
    if (!fp_ini_number(arg, &w, NULL) || w < 0)
        return bad_value(c->b, _("weight of %s: '%s' is not a number of 0 "
                         "or more"), name, arg);
    if (card_find(c, k))
        return bad_value(c->b, _("%s listed twice"), name);
    int rc = c->is_level
             ? fp_catalogue_level_add(cat, c->b->index, k, w, NAN)
             : fp_catalogue_role_add(cat, c->b->index, k, w, NAN);
    return rc == 0 || oom(c->b->ld);
}

static bool card_list(build *b, bool is_level, const char *key)
{
    b->kv = fp_ini_find(&b->s->sec, key);
    if (!b->kv)
        return true;
    card_ctx c = { b, is_level, strcmp(key, "targets") == 0 };
    char bad[128] = "";
    if (fp_ini_items(b->kv->value, card_item, &c, bad, sizeof bad))
        return true;
    if (*bad)
        return bad_value(b, _("'%s' is not %s"), bad,
                         c.targets ? "kpi:target" : "kpi:weight");
    return false;
}

static bool build_card(build *b, bool is_level)
{
    if (!fp_ini_find(&b->s->sec, "kpis"))
        return fail_at(b->ld, b->s, b->s->sec.line, "[%s] needs a kpis "
                       "list (\"gmv:40 cvr:20 ...\")", b->s->sec.name);
    return card_list(b, is_level, "kpis") &&
           card_list(b, is_level, "targets");
}

static bool role_scope(build *b, const char *v)
{
    static const char *const w[] = { "self", "store", "category", NULL };
    static const int level[] = { 0, FP_LVL_STORE, FP_LVL_CATEGORY };
    int i;
    if (!word_key(b, v, w, &i))
        return false;
    b->ld->cat->roles[b->index].scope = level[i];
    return true;
}

/* pilot = "张伟 李娜": the people this role is tried on (试点) */
static bool role_pilot(build *b, const char *v)
{
    return set_text(b, &b->ld->cat->roles[b->index].pilot, v);
}

static const key_rule role_rules[] = {
    { "label", NULL }, { "label_zh", NULL }, { "kpis", NULL },
    { "targets", NULL }, { "scope", role_scope }, { "pilot", role_pilot },
    { NULL, NULL }
};
static const key_rule level_rules[] = {
    { "kpis", NULL }, { "targets", NULL }, { NULL, NULL }
};

static const char *value_or(const spec *s, const char *key, const char *def)
{
    const fp_ini_kv *kv = fp_ini_find(&s->sec, key);
    return kv && *kv->value ? kv->value : def;
}

static bool build_role(loader *ld, int si)
{
    const spec *s = &ld->specs[si];
    const char *id = s->sec.name + strlen("role.");
    const char *label = value_or(s, "label", id);
    int r = fp_catalogue_add_role(ld->cat, id, label,
                                  value_or(s, "label_zh", label));
    if (r < 0)
        return oom(ld);
    ld->role_spec[r] = si;
    build b = { ld, s, r, NULL };
    return apply_keys(&b, role_rules, "[role.*]") && build_card(&b, false);
}

static int level_index(const char *name)
{
    static const char *const levels[] = { "company", "store", "category",
                                          NULL };
    return fp_ini_word(name, levels);
}

static bool build_level(loader *ld, int si)
{
    const spec *s = &ld->specs[si];
    int l = level_index(s->sec.name + strlen("level."));
    ld->level_spec[l] = si;
    build b = { ld, s, l, NULL };
    return apply_keys(&b, level_rules, "[level.*]") && build_card(&b, true);
}

/* ---- conflicts, causes, report ---- */

/* "aov:down" -> KPI index and +1/-1. */
static bool conflict_side(build *b, const char *key, int *kpi, int *dir)
{
    b->kv = fp_ini_find(&b->s->sec, key);
    if (!b->kv)
        return fail_at(b->ld, b->s, b->s->sec.line, "a conflict needs %s "
                       "= \"kpi:up\" or \"kpi:down\"", key);
    char id[64];
    const char *colon = strchr(b->kv->value, ':');
    size_t len = colon ? (size_t)(colon - b->kv->value) : 0;
    if (!colon || len == 0 || len >= sizeof id)
        return bad_value(b, _("'%s' is not kpi:up or kpi:down"), b->kv->value);
    memcpy(id, b->kv->value, len);
    id[len] = '\0';
    if ((*kpi = fp_catalogue_kpi(b->ld->cat, id)) < 0)
        return bad_value(b, _("unknown KPI '%s'"), id);
    static const char *const moves[] = { "down", "up", NULL };
    int m = fp_ini_word(colon + 1, moves);
    if (m < 0)
        return bad_value(b, _("move '%s' is not up or down"), colon + 1);
    *dir = m ? 1 : -1;
    return true;
}

static const key_rule conflict_rules[] = {
    { "a", NULL }, { "b", NULL }, { "text", NULL }, { NULL, NULL }
};

static bool build_conflict(loader *ld, int si)
{
    const spec *s = &ld->specs[si];
    build b = { ld, s, ld->cat->nconflicts, NULL };
    int a, da, k2, db;
    if (!apply_keys(&b, conflict_rules, "[conflict.*]") ||
        !conflict_side(&b, "a", &a, &da) || !conflict_side(&b, "b", &k2, &db))
        return false;
    if (a == k2)
        return fail_at(ld, s, s->sec.line, "a conflict needs two different "
                       "KPIs");
    int c = fp_catalogue_add_conflict(ld->cat, a, da, k2, db,
                                      value_or(s, "text", s->sec.name +
                                               strlen("conflict.")));
    if (c < 0)
        return oom(ld);
    ld->conflict_spec[c] = si;
    return true;
}

static const key_rule cause_rules[] = {
    { "label", NULL }, { "label_zh", NULL }, { NULL, NULL }
};

static bool build_cause(loader *ld, int si)
{
    const spec *s = &ld->specs[si];
    const char *id = s->sec.name + strlen("cause.");
    build b = { ld, s, -1, NULL };
    if (!apply_keys(&b, cause_rules, "[cause.*]"))
        return false;
    const char *label = value_or(s, "label", id);
    int c = fp_catalogue_add_cause(ld->cat, id, label,
                                   value_or(s, "label_zh", label));
    if (c < 0)
        return oom(ld);
    ld->cause_spec[c] = si;
    return true;
}

static bool report_currency(build *b, const char *v)
{
    char code[4];
    if (!fp_ini_currency(v, code))
        return bad_value(b, _("'%s' is not a 3-letter currency code like USD"),
                         v);
    return fp_catalogue_set_currency(b->ld->cat, code) == 0 || oom(b->ld);
}

static const key_rule report_rules[] = {
    { "currency", report_currency }, { NULL, NULL }
};

static bool build_report(loader *ld, int si)
{
    build b = { ld, &ld->specs[si], 0, NULL };
    return apply_keys(&b, report_rules, "[report]");
}

/* ---- building the catalogue ---- */

typedef enum {
    SEC_REPORT, SEC_KPI, SEC_ROLE, SEC_LEVEL, SEC_CONFLICT, SEC_CAUSE,
    SEC_UNKNOWN
} sec_kind;

static const char *const sec_prefix[] = {
    "report", "kpi.", "role.", "level.", "conflict.", "cause.", NULL
};

static sec_kind kind_of(const char *name)
{
    if (strcmp(name, "report") == 0)
        return SEC_REPORT;
    for (int k = SEC_KPI; k < SEC_UNKNOWN; k++)
        if (strncmp(name, sec_prefix[k], strlen(sec_prefix[k])) == 0)
            return (sec_kind)k;
    return SEC_UNKNOWN;
}

static bool check_section_names(loader *ld)
{
    for (int i = 0; i < ld->nspecs; i++) {
        const spec *s = &ld->specs[i];
        sec_kind k = kind_of(s->sec.name);
        if (k == SEC_UNKNOWN)
            return fail_at(ld, s, s->sec.line, "unknown section [%s] "
                           "(expected [report], [kpi.ID], [role.ID], "
                           "[level.ID], [conflict.ID] or [cause.ID])",
                           s->sec.name);
        const char *id = s->sec.name + strlen(sec_prefix[k]);
        if (k != SEC_REPORT && !*id)
            return fail_at(ld, s, s->sec.line, "section [%s] needs an id "
                           "after the '.'", s->sec.name);
        if (k == SEC_LEVEL && level_index(id) < 0)
            return fail_at(ld, s, s->sec.line, "unknown level '%s' (company, "
                           "store or category)", id);
    }
    return true;
}

static bool build_kind(loader *ld, sec_kind kind,
                       bool (*fn)(loader *ld, int si))
{
    for (int i = 0; i < ld->nspecs; i++)
        if (kind_of(ld->specs[i].sec.name) == kind && !fn(ld, i))
            return false;
    return true;
}

/* Turns a complaint of fp_catalogue_validate into FILE:LINE. */
static bool where_error(loader *ld, fp_cat_where w, const char *msg)
{
    int si = -1;
    const char *key = NULL;
    switch (w.kind) {
    case FP_WHERE_KPI: si = ld->kpi_spec[w.index]; break;
    case FP_WHERE_FORMULA: si = ld->kpi_spec[w.index]; key = "formula";
        break;
    case FP_WHERE_ROLE: si = ld->role_spec[w.index]; key = "kpis"; break;
    case FP_WHERE_LEVEL: si = ld->level_spec[w.index]; key = "kpis"; break;
    case FP_WHERE_CAUSE: si = ld->cause_spec[w.index]; break;
    case FP_WHERE_CONFLICT: si = ld->conflict_spec[w.index]; break;
    case FP_WHERE_NONE: break;
    }
    if (si < 0) {
        snprintf(ld->err, ld->errsz, _("KPI catalogue: %s"), msg);
        return false;
    }
    const spec *s = &ld->specs[si];
    return fail_at(ld, s, key ? key_line(s, key) : s->sec.line, "%s", msg);
}

static bool validate(loader *ld)
{
    char msg[400];
    fp_cat_where w;
    if (fp_catalogue_validate(ld->cat, &w, msg, sizeof msg))
        return true;
    return where_error(ld, w, msg);
}

static bool alloc_maps(loader *ld)
{
    size_t n = (size_t)ld->nspecs + 1;
    ld->kpi_spec = malloc(n * sizeof(int));
    ld->role_spec = malloc(n * sizeof(int));
    ld->cause_spec = malloc(n * sizeof(int));
    ld->conflict_spec = malloc(n * sizeof(int));
    for (int l = 0; l < 3; l++)
        ld->level_spec[l] = -1;
    return (ld->kpi_spec && ld->role_spec && ld->cause_spec &&
            ld->conflict_spec) || oom(ld);
}

static bool build_all(loader *ld)
{
    return alloc_maps(ld) && check_section_names(ld) &&
           build_kind(ld, SEC_REPORT, build_report) &&
           build_kind(ld, SEC_KPI, build_kpi) && validate(ld) &&
           build_kind(ld, SEC_ROLE, build_role) &&
           build_kind(ld, SEC_LEVEL, build_level) &&
           build_kind(ld, SEC_CONFLICT, build_conflict) &&
           build_kind(ld, SEC_CAUSE, build_cause) && validate(ld);
}

fp_catalogue *fp_catalogue_load(const char *kpi_file, const char *causes_file,
                                char *err, size_t errsz)
{
    fp_catalogue_layers l = {.kpi_file = kpi_file, .causes_file = causes_file};
    return fp_catalogue_load_layers(&l, err, errsz);
}

static bool add_layers(loader *ld, const fp_catalogue_layers *l)
{
    bool ok = add_text(ld, builtin_kpis_ini, strlen(builtin_kpis_ini),
                       "<built-in kpis.ini>") &&
              add_text(ld, builtin_causes_ini, strlen(builtin_causes_ini),
                       "<built-in causes.ini>") &&
              (!l->kpi_file || add_file(ld, l->kpi_file)) &&
              (!l->causes_file || add_file(ld, l->causes_file)) &&
              (!l->text ||
               add_text(ld, l->text, strlen(l->text), l->text_name)) &&
              (!l->file || add_file(ld, l->file));
    for (int i = 0; ok && i < l->nsets; i++)
        ok = add_set(ld, &l->sets[i]);
    return ok;
}

fp_catalogue *fp_catalogue_load_layers(const fp_catalogue_layers *l,
                                       char *err, size_t errsz)
{
    char dummy[8];
    loader ld = { .err = err && errsz ? err : dummy,
                  .errsz = err && errsz ? errsz : sizeof dummy };
    ld.err[0] = '\0';
    bool ok = add_layers(&ld, l);
    if (ok && !(ld.cat = fp_catalogue_new()))
        ok = oom(&ld);
    if (ok)
        ok = build_all(&ld);
    fp_catalogue *cat = ld.cat;
    if (!ok) {
        fp_catalogue_free(cat);
        cat = NULL;
    }
    loader_done(&ld);
    return cat;
}

bool fp_catalogue_parse_set(const char *text, char *buf, size_t bufsz,
                            fp_catalogue_set *set)
{
    if (snprintf(buf, bufsz, "%s", text) >= (int)bufsz)
        return false;
    char *eq = strchr(buf, '=');
    if (!eq)
        return false;
    *eq = '\0';
    char *dot = strrchr(buf, '.');
    if (!dot || dot == buf || !dot[1])
        return false;
    *dot = '\0';
    set->section = buf;
    set->key = dot + 1;
    set->value = eq + 1;
    return true;
}
