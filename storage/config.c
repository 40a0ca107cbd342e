/* The user's config file; see config.h. Read by the one INI reader
 * (storage/ini_text.c); every section, key and value is checked here. */
#include "storage/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/i18n.h"
#include "model/lang.h"
#include "storage/config_push.h"
#include "storage/config_stoploss.h"
#include "storage/xdg.h"
#include "storage/ini_text.h"
#include "storage/ini_values.h"

typedef struct {
    fp_config *cfg;
    const char *path;
    const fp_ini_kv *kv;  /* the key being read, for messages */
    char *err;
    size_t errsz;
} reader;

typedef bool (*value_fn)(reader *r, const char *value);
typedef struct { const char *section, *key; value_fn fn; } rule;

__attribute__((format(printf, 3, 4)))
static bool fail_at(reader *r, int line, const char *fmt, ...)
{
    char body[512];
    va_list ap;
    va_start(ap, fmt);
    fp_ini_vformat(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(r->err, r->errsz, "%s:%d: %s", r->path, line, body);
    fp_utf8_cut(r->err);
    return false;
}

/* Sets *field to a copy of value; an empty value leaves the default. */
static bool set_text(reader *r, char **field, const char *value)
{
    if (!*value)
        return true;
    char *copy = strdup(value);
    if (!copy)
        return fail_at(r, r->kv->line, "%s", _("out of memory"));
    free(*field);
    *field = copy;
    return true;
}

/* A file named in the config must be there: say so at this line. */
static bool set_file(reader *r, char **field, const char *value)
{
    if (*value && access(value, R_OK) != 0)
        return fail_at(r, r->kv->line, _("%s: cannot read '%s': %s"),
                       r->kv->key, value, strerror(errno));
    return set_text(r, field, value);
}

static bool user_name(reader *r, const char *v)
{
    return set_text(r, &r->cfg->user_name, v);
}

static bool catalogue_kpis(reader *r, const char *v)
{
    return set_file(r, &r->cfg->kpi_file, v);
}

static bool import_profiles(reader *r, const char *v)
{
    return set_file(r, &r->cfg->import_profiles, v);
}

static bool catalogue_causes(reader *r, const char *v)
{
    return set_file(r, &r->cfg->causes_file, v);
}

static bool ui_keymap(reader *r, const char *v)
{
    return set_file(r, &r->cfg->keymap_file, v);
}

static bool ui_theme(reader *r, const char *v)
{
    static const char *const themes[] = { "default", "high-contrast", "mono",
                                          NULL };
    if (*v && fp_ini_word(v, themes) < 0)
        return fail_at(r, r->kv->line, _("theme: '%s' is not one of "
                       "default, high-contrast, mono"), v);
    return set_text(r, &r->cfg->theme, v);
}

static bool report_currency(reader *r, const char *v)
{
    char code[4];
    if (!*v)
        return true;
    if (!fp_ini_currency(v, code))
        return fail_at(r, r->kv->line, _("currency: '%s' is not a 3-letter "
                       "currency code like USD"), v);
    return set_text(r, &r->cfg->reporting_currency, code);
}

static bool ui_red_order(reader *r, const char *v)
{
    static const char *const orders[] = { "worst", "tree", NULL };
    if (*v && fp_ini_word(v, orders) < 0)
        return fail_at(r, r->kv->line, _("red_order: '%s' is not one of "
                       "worst, tree"), v);
    return set_text(r, &r->cfg->red_order, v);
}

/* [ui] glyphs = unicode (default) | ascii (consoles without ● ▲). */
static bool ui_glyphs(reader *r, const char *v)
{
    static const char *const glyphs[] = { "unicode", "ascii", NULL };
    int which = *v ? fp_ini_word(v, glyphs) : 0;
    if (which < 0)
        return fail_at(r, r->kv->line, _("glyphs: '%s' is not unicode or "
                       "ascii"), v);
    r->cfg->ascii_glyphs = which == 1;
    return true;
}

static bool ui_language(reader *r, const char *v)
{
    if (*v && fp_lang_parse(v) == FP_LANG_UNSET)
        return fail_at(r, r->kv->line, _("language: '%s' is not zh_CN or "
                       "en"), v);
    return set_text(r, &r->cfg->language, v);
}

static bool export_folder(reader *r, const char *v)
{
    return set_text(r, &r->cfg->export_folder, v);
}

static bool export_format(reader *r, const char *v)
{
    static const char *const formats[] = { "csv", "xlsx", "json", NULL };
    if (*v && fp_ini_word(v, formats) < 0)
        return fail_at(r, r->kv->line, _("format: '%s' is not one of csv, "
                       "xlsx, json"), v);
    return set_text(r, &r->cfg->export_format, v);
}

static const rule rules[] = {
    { "user", "name", user_name },
    { "catalogue", "kpis", catalogue_kpis },
    { "catalogue", "causes", catalogue_causes },
    { "ui", "keymap", ui_keymap },
    { "ui", "theme", ui_theme },
    { "ui", "red_order", ui_red_order },
    { "ui", "glyphs", ui_glyphs },
    { "ui", "language", ui_language },
    { "export", "folder", export_folder },
    { "export", "format", export_format },
    { "import", "profiles", import_profiles },
    { "report", "currency", report_currency },
    { NULL, NULL, NULL }
};

/* "name" or "keymap, theme": the keys a section may hold. */
static void keys_of(const char *section, char *out, size_t outsz)
{
    out[0] = '\0';
    for (const rule *ru = rules; ru->section; ru++)
        if (strcmp(ru->section, section) == 0)
            snprintf(out + strlen(out), outsz - strlen(out), "%s%s",
                     *out ? ", " : "", ru->key);
}

static bool known_section(const char *name)
{
    for (const rule *ru = rules; ru->section; ru++)
        if (strcmp(ru->section, name) == 0)
            return true;
    return false;
}

static bool read_section(reader *r, const fp_ini_section *sec)
{
    if (fp_config_is_push_section(sec->name))
        return fp_config_read_push(r->cfg, sec, r->path, r->err, r->errsz);
    if (fp_config_is_stoploss_section(sec->name))
        return fp_config_read_stoploss(r->cfg, sec, r->path, r->err,
                                       r->errsz);
    if (!known_section(sec->name))
        return fail_at(r, sec->line, _("unknown section [%s] (expected "
                       "[user], [catalogue], [ui], [report], [export], "
                       "[import], [push NAME], [stoploss] or [stoploss.STORE])"),
                       sec->name);
    for (int i = 0; i < sec->nkv; i++) {
        r->kv = &sec->kvs[i];
        const rule *ru = rules;
        while (ru->section && (strcmp(ru->section, sec->name) != 0 ||
                               strcmp(ru->key, r->kv->key) != 0))
            ru++;
        if (!ru->section) {
            char keys[128];
            keys_of(sec->name, keys, sizeof keys);
            return fail_at(r, r->kv->line, _("unknown key '%s' in [%s] "
                           "(expected %s)"), r->kv->key, sec->name, keys);
        }
        if (!ru->fn(r, r->kv->value))
            return false;
    }
    return true;
}

static bool read_file(reader *r)
{
    fp_ini_doc doc;
    if (!fp_ini_load_file(r->path, FP_INI_STRICT, &doc, r->err, r->errsz))
        return false;
    bool ok = true;
    for (int i = 0; ok && i < doc.nsecs; i++)
        ok = read_section(r, &doc.secs[i]);
    if (ok)
        fp_config_stoploss_finish(r->cfg);
    fp_ini_doc_done(&doc);
    return ok;
}

static char *default_config_path(void)
{
    return fp_xdg_config_find("config.ini");
}

static bool fill_user_default(fp_config *cfg)
{
    const char *user = getenv("USER");
    if (!cfg->user_name)
        cfg->user_name = strdup(user && *user ? user : "lead");
    return cfg->user_name != NULL;
}

fp_config *fp_config_load(const char *path, char *err, size_t errsz)
{
    char *found = path ? strdup(path) : default_config_path();
    fp_config *cfg = calloc(1, sizeof *cfg);
    reader r = { cfg, found, NULL, err, errsz };
    bool ok;
    if (cfg)
        fp_stoploss_init(&cfg->stoploss);
    if (!cfg || (path && !found) || !fill_user_default(cfg))
        ok = (snprintf(err, errsz, "%s", _("out of memory")), false);
    else
        ok = !found || read_file(&r);
    free(found);
    if (!ok) {
        fp_config_free(cfg);
        return NULL;
    }
    return cfg;
}

void fp_config_free(fp_config *cfg)
{
    if (!cfg)
        return;
    free(cfg->user_name);
    free(cfg->kpi_file);
    free(cfg->import_profiles);
    free(cfg->causes_file);
    free(cfg->keymap_file);
    free(cfg->theme);
    free(cfg->reporting_currency);
    free(cfg->red_order);
    free(cfg->language);
    fp_config_push_free(cfg);
    free(cfg->export_folder);
    free(cfg->export_format);
    fp_stoploss_done(&cfg->stoploss);
    free(cfg);
}
