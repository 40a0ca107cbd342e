/* The config's [push NAME] sections; see config_push.h. */
#include "storage/config_push.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define PREFIX "push "

/* Line of the "[push NAME]" header in the file (iniparser keeps none). */
static int line_of_section(const char *path, const char *section)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return 0;
    char line[1100];
    int n = 0, found = 0;
    size_t len = strlen(section);
    while (!found && fgets(line, sizeof line, f)) {
        n++;
        const char *p = line + strspn(line, " \t");
        if (*p == '[' && strncasecmp(p + 1, section, len) == 0 &&
            p[1 + len] == ']')
            found = n;
    }
    fclose(f);
    return found;
}

static char *get(dictionary *ini, const char *section, const char *key)
{
    char k[300];
    snprintf(k, sizeof k, "%s:%s", section, key);
    const char *v = iniparser_getstring(ini, k, NULL);
    return v && *v ? strdup(v) : NULL;
}

static bool valid_kind(const char *k)
{
    return k && (!strcmp(k, "feishu") || !strcmp(k, "dingtalk") ||
                 !strcmp(k, "wecom"));
}

/* Checks one target; false with the message. */
static bool check_target(const fp_push_target *t, const char *path,
                         const char *section, char *err, size_t errsz)
{
    int line = line_of_section(path, section);
    if (!*t->name)
        snprintf(err, errsz, "%s:%d: [push] needs a name: [push NAME]",
                 path, line);
    else if (!valid_kind(t->kind))
        snprintf(err, errsz, "%s:%d: [%s] kind: '%s' is not feishu, "
                 "dingtalk or wecom", path, line, section,
                 t->kind ? t->kind : "");
    else if (!t->url)
        snprintf(err, errsz, "%s:%d: [%s] has no url", path, line, section);
    else
        return true;
    return false;
}

static bool read_target(fp_config *cfg, dictionary *ini, const char *section,
                        const char *path, char *err, size_t errsz)
{
    fp_push_target *t = &cfg->push[cfg->npush++];
    t->name = strdup(section + strlen(PREFIX));
    t->kind = get(ini, section, "kind");
    t->url = get(ini, section, "url");
    t->secret = get(ini, section, "secret");
    if (!t->name) {
        snprintf(err, errsz, "out of memory");
        return false;
    }
    return check_target(t, path, section, err, errsz);
}

bool fp_config_read_push(fp_config *cfg, dictionary *ini, const char *path,
                         char *err, size_t errsz)
{
    int nsec = ini ? iniparser_getnsec(ini) : 0;
    if (nsec <= 0)
        return true;
    cfg->push = calloc((size_t)nsec, sizeof *cfg->push);
    cfg->push_file = path ? strdup(path) : NULL;
    if (!cfg->push) {
        snprintf(err, errsz, "out of memory");
        return false;
    }
    for (int i = 0; i < nsec; i++) {
        const char *sec = iniparser_getsecname(ini, i);
        bool is_push = sec && (strncmp(sec, PREFIX, strlen(PREFIX)) == 0 ||
                               strcmp(sec, "push") == 0);
        if (is_push && !read_target(cfg, ini, strcmp(sec, "push") ? sec
                                    : PREFIX, path, err, errsz))
            return false;
    }
    return true;
}

void fp_config_push_free(fp_config *cfg)
{
    for (size_t i = 0; i < cfg->npush; i++) {
        free(cfg->push[i].name);
        free(cfg->push[i].kind);
        free(cfg->push[i].url);
        free(cfg->push[i].secret);
    }
    free(cfg->push);
    free(cfg->push_file);
    cfg->push = NULL;
    cfg->npush = 0;
    cfg->push_file = NULL;
}

const fp_push_target *fp_config_push_find(const fp_config *cfg,
                                          const char *name)
{
    if (!name)
        return cfg->npush == 1 ? &cfg->push[0] : NULL;
    for (size_t i = 0; i < cfg->npush; i++)
        if (strcasecmp(cfg->push[i].name, name) == 0)
            return &cfg->push[i];
    return NULL;
}

bool fp_config_secret_exposed(const fp_config *cfg)
{
    bool secret = false;
    for (size_t i = 0; i < cfg->npush; i++)
        secret |= cfg->push[i].secret != NULL;
    struct stat st;
    return secret && cfg->push_file && stat(cfg->push_file, &st) == 0 &&
           (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
}
