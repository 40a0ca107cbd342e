/* Who holds the write lock, and database files that cannot be written;
 * see db_priv.h.
 *
 * The importer's pid: a long import holds SQLite's write lock for its
 * whole transaction, and a writer that gives up should say who holds it.
 * The importer writes its pid into PATH-importer and keeps an flock(2)
 * on that file until it commits or rolls back. A reader asks for a shared
 * lock without waiting: refused means a live importer (read its pid);
 * granted means the file is left over. The kernel drops the lock when
 * the importer ends, however it ends (kill -9, power cut), so a stale pid
 * is never reported: unlike a row in the database or a bare pid file,
 * a crash leaves nothing to clean up and a reused pid cannot mislead.
 * A clean end removes the file while the write lock is still held, so
 * the next importer (who announces only once it has the lock) always
 * makes a fresh one. */
#include "storage/db_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/i18n.h"

static void side_file(const char *path, const char *suffix, char *buf,
                      size_t bufsz)
{
    snprintf(buf, bufsz, "%s%s", path, suffix);
}

void fp_db_importer_announce(fp_db *db)
{
    char file[4200], line[32];
    side_file(db->path, "-importer", file, sizeof file);
    int fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return;
    int n = snprintf(line, sizeof line, "%ld\n", (long)getpid());
    if (flock(fd, LOCK_EX | LOCK_NB) != 0 || ftruncate(fd, 0) != 0
        || pwrite(fd, line, (size_t)n, 0) != n) {
        close(fd);
        return;
    }
    db->importer_fd = fd;
}

void fp_db_importer_release(fp_db *db)
{
    if (db->importer_fd < 0)
        return;
    char file[4200];
    side_file(db->path, "-importer", file, sizeof file);
    unlink(file); /* called before COMMIT: no other importer has it open */
    flock(db->importer_fd, LOCK_UN);
    close(db->importer_fd);
    db->importer_fd = -1;
}

/* The pid of a live importer of path, else 0. */
static long importer_pid(const char *path)
{
    char file[4200], line[32];
    side_file(path, "-importer", file, sizeof file);
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    long pid = 0;
    if (flock(fd, LOCK_SH | LOCK_NB) == 0) {
        flock(fd, LOCK_UN); /* nobody holds it: left over */
    } else if (errno == EWOULDBLOCK) {
        ssize_t n = pread(fd, line, sizeof line - 1, 0);
        line[n > 0 ? n : 0] = '\0';
        pid = strtol(line, NULL, 10);
    }
    close(fd);
    return pid > 0 ? pid : 0;
}

void fp_db_busy_error(fp_db *db)
{
    long pid = importer_pid(db->path);
    int o;
    if (pid > 0)
        o = snprintf(db->err, sizeof db->err, _("busy: another fupan is "
                     "importing (pid %ld) into %s; nothing was written"),
                     pid, db->path);
    else
        o = snprintf(db->err, sizeof db->err, _("busy: another program is "
                     "writing to %s; nothing was written"), db->path);
    /* the TUI does not wait: it keeps the write and tries again */
    if (db->wait_ms > FP_DB_WAIT_TUI_MS && o > 0 && (size_t)o < sizeof db->err)
        snprintf(db->err + o, sizeof db->err - (size_t)o, _(" (waited %g s;"
                 " --wait SECONDS waits longer)"), db->wait_ms / 1000.0);
}

/* ---- files that cannot be written -------------------------------------- */

bool fp_db_folder_writable(const char *path)
{
    char copy[4096];
    snprintf(copy, sizeof copy, "%s", path);
    return access(dirname(copy), W_OK) == 0;
}

bool fp_db_wal_has_data(const char *path)
{
    char file[4200];
    struct stat st;
    side_file(path, "-wal", file, sizeof file);
    return stat(file, &st) == 0 && st.st_size > 0;
}

static void mend_side_file(const char *path, const struct stat *db_st,
                           const char *suffix)
{
    char file[4200];
    struct stat st;
    side_file(path, suffix, file, sizeof file);
    if (stat(file, &st) == 0 && access(file, W_OK) != 0
        && st.st_uid == geteuid())
        chmod(file, db_st->st_mode & 0666);
}

void fp_db_mend_side_files(const char *path)
{
    struct stat db_st;
    if (access(path, W_OK) != 0 || stat(path, &db_st) != 0)
        return;
    mend_side_file(path, &db_st, "-shm");
    mend_side_file(path, &db_st, "-wal");
}

bool fp_db_immutable_uri(const char *path, char *buf, size_t bufsz)
{
    static const char query[] = "?mode=ro&immutable=1";
    if (strlen(path) * 3 + sizeof "file://" + sizeof query > bufsz)
        return false;
    /* an absolute path gets an empty authority: file:///dir/fupan.db */
    size_t o = (size_t)sprintf(buf, "%s", path[0] == '/' ? "file://"
                                                        : "file:");
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            o += (size_t)sprintf(buf + o, "%%%02X", (unsigned char)*p);
        else
            buf[o++] = *p;
    }
    strcpy(buf + o, query);
    return true;
}
