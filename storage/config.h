/* The user's config file (INI): who is typing, which catalogue, theme,
 * reporting currency. Sections and keys: [user] name; [catalogue] kpis,
 * causes; [ui] theme, keymap; [report] currency.
 * Ownership: fp_config_load/fp_config_free. */
#ifndef FUPAN_STORAGE_CONFIG_H
#define FUPAN_STORAGE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "model/stoploss.h"
/* A group bot to push the minutes to: [push NAME] (config_push.h). */
typedef struct {
    char *name;             /* NAME of [push NAME] */
    char *kind;             /* feishu | dingtalk | wecom */
    char *url;              /* the webhook; it may hold a token */
    char *secret;           /* signing secret, NULL when unsigned */
} fp_push_target;

typedef struct {
    char *user_name;        /* [user] name, else $USER, else "lead" */
    char *kpi_file;         /* [catalogue] kpis: NULL = built-in */
    char *causes_file;      /* [catalogue] causes: NULL = built-in */
    char *keymap_file;      /* [ui] keymap: NULL = default place */
    char *theme;            /* [ui] theme: default | high-contrast | mono */
    char *reporting_currency; /* [report] currency: NULL = catalogue's */
    char *red_order;        /* [ui] red_order: worst (NULL) | tree: the
                               order of the red walk (n/N) */
    char *language;         /* [ui] language: zh_CN (zh, zh-CN...) | en,
                               NULL = from --lang or the environment */
    char *export_folder;    /* [export] folder: NULL = the current one */
    char *export_format;    /* [export] format: csv (NULL) | xlsx | json */
    char *import_profiles;  /* [import] profiles: a team's import profiles
                               (storage/profile.h), NULL = built-in only */
    bool ascii_glyphs;      /* [ui] glyphs = ascii (consoles without ● ▲) */
    fp_stoploss stoploss;   /* [stoploss], [stoploss.STORE] (issue 16) */
    fp_push_target *push;   /* [push NAME] sections, owned (config_push.h) */
    size_t npush;
    char *push_file;        /* the file they came from */
} fp_config;

/* path NULL: the first fupan/config.ini of $XDG_CONFIG_HOME, then of
 * $XDG_CONFIG_DIRS (see storage/xdg.h), else defaults. A named file that is missing or broken is an error: NULL
 * with "FILE:LINE: what is wrong" in err ("FILE: reason" when it cannot
 * be read at all). Read by the one INI reader (BOM and CRLF fine; NUL,
 * control characters, non-UTF-8 refused). Refused too: an unknown
 * section or key, a theme not in the list, a currency that is not three
 * letters, a catalogue or keymap file that cannot be read. An empty
 * value keeps the default. */
fp_config *fp_config_load(const char *path, char *err, size_t errsz);
void fp_config_free(fp_config *cfg);

#endif
