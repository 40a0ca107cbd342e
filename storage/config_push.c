/* The config's [push NAME] sections; see config_push.h. */
#include "storage/config_push.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "model/i18n.h"
#include "model/vec.h"

#define PREFIX "push "

static bool valid_kind(const char *k)
{
    return k && (!strcmp(k, "feishu") || !strcmp(k, "dingtalk") ||
                 !strcmp(k, "wecom"));
}

/* Checks one target; false with the message. */
static bool check_target(const fp_push_target *t, const char *path,
                         const fp_ini_section *sec, char *err, size_t errsz)
{
    if (!*t->name)
        snprintf(err, errsz, _("%s:%d: [push] needs a name: [push NAME]"),
                 path, sec->line);
    else if (!valid_kind(t->kind))
        snprintf(err, errsz, _("%s:%d: [%s] kind: '%s' is not feishu, "
                 "dingtalk or wecom"), path, sec->line, sec->name,
                 t->kind ? t->kind : "");
    else if (!t->url)
        snprintf(err, errsz, _("%s:%d: [%s] has no url"), path, sec->line,
                 sec->name);
    else
        return true;
    return false;
}

/* Takes one key of a [push NAME] section; false for an unknown key. */
static bool take_key(fp_push_target *t, const fp_ini_kv *kv)
{
    char **field = !strcmp(kv->key, "kind") ? &t->kind
                 : !strcmp(kv->key, "url") ? &t->url
                 : !strcmp(kv->key, "secret") ? &t->secret : NULL;
    if (!field)
        return false;
    free(*field);
    *field = *kv->value ? strdup(kv->value) : NULL;
    return true;
}

bool fp_config_is_push_section(const char *name)
{
    return strncmp(name, PREFIX, strlen(PREFIX)) == 0 ||
           strcmp(name, "push") == 0;
}

bool fp_config_read_push(fp_config *cfg, const fp_ini_section *sec,
                         const char *path, char *err, size_t errsz)
{
    fp_push_target *grown = fp_grow_one(cfg->push, sizeof *grown,
                                        cfg->npush);
    if (!grown || (!cfg->push_file && !(cfg->push_file = strdup(path)))) {
        cfg->push = grown ? grown : cfg->push;
        snprintf(err, errsz, "%s", _("out of memory"));
        return false;
    }
    cfg->push = grown;
    fp_push_target *t = &cfg->push[cfg->npush++];
    *t = (fp_push_target){ 0 };
    bool named = strcmp(sec->name, "push") != 0;
    t->name = strdup(named ? sec->name + strlen(PREFIX) : "");
    if (!t->name) {
        snprintf(err, errsz, "%s", _("out of memory"));
        return false;
    }
    for (int i = 0; i < sec->nkv; i++)
        if (!take_key(t, &sec->kvs[i])) {
            snprintf(err, errsz, _("%s:%d: unknown key '%s' in [%s] "
                     "(expected kind, url, secret)"), path, sec->kvs[i].line,
                     sec->kvs[i].key, sec->name);
            return false;
        }
    return check_target(t, path, sec, err, errsz);
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
