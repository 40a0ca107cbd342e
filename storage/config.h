/* The user's config file (INI): who is typing, which catalogue, theme.
 * Ownership: fp_config_load/fp_config_free. */
#ifndef FUPAN_STORAGE_CONFIG_H
#define FUPAN_STORAGE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "model/stoploss.h"

typedef struct {
    char *user_name;        /* [user] name, else $USER, else "lead" */
    char *kpi_file;         /* [catalogue] kpis: NULL = built-in */
    char *causes_file;      /* [catalogue] causes: NULL = built-in */
    char *keymap_file;      /* [ui] keymap: NULL = default place */
    char *theme;            /* [ui] theme: default | high-contrast | mono */
    char *reporting_currency; /* [report] currency: NULL = catalogue's */
    char *red_order;        /* [ui] red_order: worst (NULL) | tree: the
                               order of the red walk (n/N) */
    bool ascii_glyphs;      /* [ui] glyphs = ascii (consoles without ● ▲) */
    fp_stoploss stoploss;   /* [stoploss], [stoploss.STORE] (issue 16) */
} fp_config;

/* path NULL: the first fupan/config.ini of $XDG_CONFIG_HOME, then of
 * $XDG_CONFIG_DIRS (see storage/xdg.h), else
 * defaults. A named file that is missing or broken is an error:
 * NULL with "FILE:LINE: ..." in err. */
fp_config *fp_config_load(const char *path, char *err, size_t errsz);
void fp_config_free(fp_config *cfg);

/* [stoploss] roas, weeks, days and [stoploss.STORE] sections into
 * cfg->stoploss (storage/config_stoploss.c); false with "FILE:LINE: ..." */
struct _dictionary_;
bool fp_config_read_stoploss(fp_config *cfg, struct _dictionary_ *ini,
                             const char *path, char *err, size_t errsz);

#endif
