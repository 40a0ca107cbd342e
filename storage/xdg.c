/* XDG base directories; see xdg.h. */
#include "storage/xdg.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool absolute(const char *dir)
{
    return dir != NULL && dir[0] == '/';
}

void fp_xdg_dir(const char *var, const char *home_rel, char *buf,
                size_t bufsz)
{
    const char *dir = getenv(var);
    const char *home = getenv("HOME");
    if (absolute(dir))
        snprintf(buf, bufsz, "%s", dir);
    else
        snprintf(buf, bufsz, "%s/%s", home && *home ? home : ".", home_rel);
}

/* DIR/fupan/NAME when readable, else NULL. */
static char *readable_in(const char *dir, size_t dirlen, const char *name)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%.*s/fupan/%s", (int)dirlen, dir,
                     name);
    if (n < 0 || (size_t)n >= sizeof path || access(path, R_OK) != 0)
        return NULL;
    return strdup(path);
}

char *fp_xdg_config_find(const char *name)
{
    char home[4096];
    fp_xdg_dir("XDG_CONFIG_HOME", ".config", home, sizeof home);
    char *found = readable_in(home, strlen(home), name);
    const char *dirs = getenv("XDG_CONFIG_DIRS");
    if (dirs == NULL || *dirs == '\0')
        dirs = "/etc/xdg";
    while (found == NULL && *dirs != '\0') {
        size_t len = strcspn(dirs, ":");
        if (dirs[0] == '/')
            found = readable_in(dirs, len, name);
        dirs += len + (dirs[len] == ':');
    }
    return found;
}
