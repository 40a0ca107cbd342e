/* The user's config file; see config.h. */
#include "storage/config.h"

#include <iniparser/iniparser.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "storage/xdg.h"

static int quiet_ini_error(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

static char *dup_opt(dictionary *ini, const char *key)
{
    const char *v = ini ? iniparser_getstring(ini, key, NULL) : NULL;
    return v && *v ? strdup(v) : NULL;
}

static char *default_config_path(void)
{
    return fp_xdg_config_find("config.ini");
}

static bool valid_theme(const char *t)
{
    return !t || !strcmp(t, "default") || !strcmp(t, "high-contrast") ||
           !strcmp(t, "mono");
}

/* Line of "key =" in the file, for messages (iniparser keeps none). */
static int line_of_key(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[1100];
    int n = 0, found = 0;
    size_t klen = strlen(key);
    while (!found && fgets(line, sizeof line, f)) {
        n++;
        const char *p = line + strspn(line, " \t");
        if (strncmp(p, key, klen) == 0 && strchr(" \t=", p[klen]))
            found = n;
    }
    fclose(f);
    return found;
}

static void fill_from(fp_config *cfg, dictionary *ini)
{
    const char *user = getenv("USER");
    cfg->user_name = dup_opt(ini, "user:name");
    if (!cfg->user_name)
        cfg->user_name = strdup(user && *user ? user : "lead");
    cfg->kpi_file = dup_opt(ini, "catalogue:kpis");
    cfg->causes_file = dup_opt(ini, "catalogue:causes");
    cfg->keymap_file = dup_opt(ini, "ui:keymap");
    cfg->theme = dup_opt(ini, "ui:theme");
    cfg->reporting_currency = dup_opt(ini, "report:currency");
    cfg->red_order = dup_opt(ini, "ui:red_order");
}

static bool valid_red_order(const char *o)
{
    return !o || !strcmp(o, "worst") || !strcmp(o, "tree");
}

/* [ui] glyphs = unicode (default) | ascii; false with the message. */
static bool read_glyphs(fp_config *cfg, dictionary *ini, const char *path,
                        char *err, size_t errsz)
{
    const char *g = ini ? iniparser_getstring(ini, "ui:glyphs", NULL) : NULL;
    if (!g || !*g || !strcmp(g, "unicode"))
        return true;
    if (!strcmp(g, "ascii")) {
        cfg->ascii_glyphs = true;
        return true;
    }
    snprintf(err, errsz, "%s:%d: glyphs: '%s' is not unicode or ascii",
             path, line_of_key(path, "glyphs"), g);
    return false;
}

fp_config *fp_config_load(const char *path, char *err, size_t errsz)
{
    char *found = path ? strdup(path) : default_config_path();
    dictionary *ini = NULL;
    iniparser_set_error_callback(quiet_ini_error);
    if (found && !(ini = iniparser_load(found))) {
        snprintf(err, errsz, "%s: cannot read config (missing file, or a "
                 "line without '=')", found);
        free(found);
        return NULL;
    }
    fp_config *cfg = calloc(1, sizeof *cfg);
    if (cfg) {
        fill_from(cfg, ini);
        fp_stoploss_init(&cfg->stoploss);
    }
    if (cfg && (!read_glyphs(cfg, ini, found, err, errsz) ||
                !fp_config_read_stoploss(cfg, ini, found, err, errsz))) {
        fp_config_free(cfg);
        cfg = NULL;
    }
    iniparser_freedict(ini);
    if (cfg && !valid_theme(cfg->theme)) {
        snprintf(err, errsz, "%s:%d: theme: '%s' is not one of default, "
                 "high-contrast, mono", found, line_of_key(found, "theme"),
                 cfg->theme);
        fp_config_free(cfg);
        cfg = NULL;
    }
    if (cfg && !valid_red_order(cfg->red_order)) {
        snprintf(err, errsz, "%s:%d: red_order: '%s' is not one of worst, "
                 "tree", found, line_of_key(found, "red_order"),
                 cfg->red_order);
        fp_config_free(cfg);
        cfg = NULL;
    }
    free(found);
    return cfg;
}

void fp_config_free(fp_config *cfg)
{
    if (!cfg)
        return;
    free(cfg->user_name);
    free(cfg->kpi_file);
    free(cfg->causes_file);
    free(cfg->keymap_file);
    free(cfg->theme);
    free(cfg->reporting_currency);
    free(cfg->red_order);
    fp_stoploss_done(&cfg->stoploss);
    free(cfg);
}
