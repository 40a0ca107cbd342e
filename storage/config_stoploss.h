/* The config's stop-loss rules, [stoploss] and [stoploss.STORE] (issue
 * 16): roas, weeks, days. Read by fp_config_load (storage/config.c)
 * section by section; the rules themselves are in model/stoploss.h. */
#ifndef FUPAN_STORAGE_CONFIG_STOPLOSS_H
#define FUPAN_STORAGE_CONFIG_STOPLOSS_H

#include <stdbool.h>
#include <stddef.h>

#include "storage/config.h"
#include "storage/ini_text.h"

/* "stoploss" or "stoploss.STORE" (a bare "stoploss." is refused by the
 * reader for want of a store). */
bool fp_config_is_stoploss_section(const char *name);
/* Reads one such section into cfg->stoploss (path names the file in
 * messages); false with "FILE:LINE: ..." in err for an unknown key or a
 * bad value. A store section's keys left out stay unset until
 * fp_config_stoploss_finish. */
bool fp_config_read_stoploss(fp_config *cfg, const fp_ini_section *sec,
                             const char *path, char *err, size_t errsz);
/* After every section: a store rule's unset keys take [stoploss]'s. */
void fp_config_stoploss_finish(fp_config *cfg);

#endif
