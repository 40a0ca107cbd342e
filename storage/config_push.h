/* The config's group-bot targets: [push NAME] sections with kind (feishu,
 * dingtalk, wecom), url and, for signed bots, secret. Read by
 * fp_config_load (storage/config.c); sent to by storage/push.c. */
#ifndef FUPAN_STORAGE_CONFIG_PUSH_H
#define FUPAN_STORAGE_CONFIG_PUSH_H

#include <stdbool.h>
#include <stddef.h>

#include "storage/config.h"
#include "storage/ini_text.h"

/* "push NAME" (or a bare "push", refused for want of a name). */
bool fp_config_is_push_section(const char *name);
/* Adds the target of one [push NAME] section to cfg (path names the file
 * in messages); false with "FILE:LINE: ..." in err for a bad one. */
bool fp_config_read_push(fp_config *cfg, const fp_ini_section *sec,
                         const char *path, char *err, size_t errsz);
void fp_config_push_free(fp_config *cfg);

/* The target called name, or with name NULL the only one; NULL when
 * there is none such (or several and no name). */
const fp_push_target *fp_config_push_find(const fp_config *cfg,
                                          const char *name);

/* True when the config file holds a secret and others than its owner may
 * read it (group or world read permission). */
bool fp_config_secret_exposed(const fp_config *cfg);

#endif
