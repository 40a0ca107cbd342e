/* Private to storage/db.c and storage/db_files.c: who holds the write
 * lock, and database files that cannot be written. */
#ifndef FUPAN_STORAGE_DB_PRIV_H
#define FUPAN_STORAGE_DB_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include "storage/db.h"

/* Writes this process's pid into PATH-importer and holds a lock on it
 * (db->importer_fd) until fp_db_importer_release. Best effort: an import
 * in a folder where the file cannot be made still runs. */
void fp_db_importer_announce(fp_db *db);
void fp_db_importer_release(fp_db *db);
/* db->err for a write that gave up waiting for another writer. */
void fp_db_busy_error(fp_db *db);

/* The folder holding path can be written (new -wal/-shm files). */
bool fp_db_folder_writable(const char *path);
/* PATH-wal exists and holds pages not yet in the database. */
bool fp_db_wal_has_data(const char *path);
/* A -shm or -wal made read-only (by a connection on a read-only file: it
 * copies the file's permissions) keeps every later connection read-only:
 * when the database file is writable and they are ours, give them the
 * database file's permissions. */
void fp_db_mend_side_files(const char *path);
/* "file:PATH?immutable=1" with PATH %-escaped; false when it won't fit. */
bool fp_db_immutable_uri(const char *path, char *buf, size_t bufsz);

#endif
