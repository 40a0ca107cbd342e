/* Where fupan's installed files are. The Makefile compiles this file
 * twice: for the binary in the build folder (the source tree's
 * sample-data/ and build/locale/) and, for `make install`, with the
 * installed folders and their paths relative to the installed binary. */
#include "cli/runtime.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUPAN_DATADIR
#define FUPAN_DATADIR "/usr/local/share/fupan"
#endif
#ifndef FUPAN_LOCALEDIR
#define FUPAN_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef FUPAN_DATADIR_REL      /* from the binary's folder, "" for none */
#define FUPAN_DATADIR_REL ""
#endif
#ifndef FUPAN_LOCALEDIR_REL
#define FUPAN_LOCALEDIR_REL ""
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding the running binary, or false. */
static bool binary_dir(char *buf, size_t size)
{
    ssize_t len = readlink("/proc/self/exe", buf, size - 1);
    if (len <= 0 || (size_t)len >= size - 1)
        return false;
    buf[len] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash == NULL || slash == buf)
        return false;
    *slash = '\0';
    return true;
}

/* BINARY_DIR/REL with each leading "../" taken off the folder. */
static bool beside_binary(const char *rel, char *buf, size_t size)
{
    char dir[PATH_MAX];
    if (rel[0] == '\0' || !binary_dir(dir, sizeof dir))
        return false;
    while (strncmp(rel, "../", 3) == 0) {
        char *slash = strrchr(dir, '/');
        if (slash == NULL || slash == dir)
            return false;
        *slash = '\0';
        rel += 3;
    }
    if ((size_t)snprintf(buf, size, "%s/%s", dir, rel) >= size)
        return false;
    return is_dir(buf);
}

static const char *pick(const char *env_name, const char *rel,
                        const char *fixed, char *buf, size_t size)
{
    const char *env = getenv(env_name);
    if (env != NULL && *env != '\0')
        return env;
    return beside_binary(rel, buf, size) ? buf : fixed;
}

const char *fp_data_dir(void)
{
    static char buf[PATH_MAX];
    return pick("FUPAN_DATADIR", FUPAN_DATADIR_REL, FUPAN_DATADIR, buf,
                sizeof buf);
}

const char *fp_locale_dir(void)
{
    static char buf[PATH_MAX];
    return pick("FUPAN_LOCALEDIR", FUPAN_LOCALEDIR_REL, FUPAN_LOCALEDIR, buf,
                sizeof buf);
}
