/* The SQLite schema, version by version. Migration N brings a database
 * from user_version N-1 to N. Append new migrations; never edit old ones. */
#ifndef FUPAN_STORAGE_SCHEMA_H
#define FUPAN_STORAGE_SCHEMA_H

static const char *const fp_migrations[] = {
    /* 1: the foundation */
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE stores(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
    "  name TEXT, platform TEXT, market TEXT, currency TEXT);"
    "CREATE TABLE categories(id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE, name TEXT);"
    "CREATE TABLE people(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,"
    "  name TEXT, role TEXT);"
    /* The tree: level 0 company (id 1), 1 store, 2 category, 3 person. */
    "CREATE TABLE nodes(id INTEGER PRIMARY KEY,"
    "  parent_id INTEGER REFERENCES nodes(id), level INTEGER NOT NULL,"
    "  store_id INTEGER REFERENCES stores(id),"
    "  category_id INTEGER REFERENCES categories(id),"
    "  person_id INTEGER REFERENCES people(id));"
    "CREATE UNIQUE INDEX nodes_key ON nodes(level, ifnull(store_id,0),"
    "  ifnull(category_id,0), ifnull(person_id,0));"
    "CREATE INDEX nodes_parent ON nodes(parent_id);"
    "INSERT INTO nodes(id, parent_id, level) VALUES (1, NULL, 0);"
    "CREATE TABLE kpis(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);"
    "CREATE TABLE imports(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
    "  file TEXT NOT NULL, sha256 TEXT NOT NULL, rows INTEGER NOT NULL,"
    "  encoding TEXT NOT NULL, max_day TEXT, imported_at TEXT NOT NULL);"
    /* Weekly facts: one week is one contiguous range of the primary key. */
    "CREATE TABLE facts(week INTEGER NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER NOT NULL REFERENCES kpis(id), value REAL NOT NULL,"
    "  import_id INTEGER REFERENCES imports(id),"
    "  PRIMARY KEY(week, node_id, kpi_id)) WITHOUT ROWID;"
    /* Daily rows as imported; their week's fact is their sum. */
    "CREATE TABLE daily_facts(day TEXT NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER NOT NULL REFERENCES kpis(id), value REAL NOT NULL,"
    "  import_id INTEGER REFERENCES imports(id),"
    "  PRIMARY KEY(node_id, kpi_id, day)) WITHOUT ROWID;"
    /* week 0 = a standing target */
    "CREATE TABLE targets(week INTEGER NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER NOT NULL REFERENCES kpis(id), value REAL NOT NULL,"
    "  import_id INTEGER REFERENCES imports(id),"
    "  PRIMARY KEY(week, node_id, kpi_id)) WITHOUT ROWID;"
    /* 1 unit of currency = rate units of the reporting currency */
    "CREATE TABLE fx_rates(week INTEGER NOT NULL, currency TEXT NOT NULL,"
    "  rate REAL NOT NULL, PRIMARY KEY(week, currency)) WITHOUT ROWID;"
    /* Overrides are reverted, never deleted. */
    "CREATE TABLE overrides(id INTEGER PRIMARY KEY, week INTEGER NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER NOT NULL REFERENCES kpis(id), value REAL NOT NULL,"
    "  original REAL, reason TEXT NOT NULL, author TEXT NOT NULL,"
    "  created_at TEXT NOT NULL, reverted_at TEXT, revert_reason TEXT,"
    "  reverted_by TEXT);"
    "CREATE UNIQUE INDEX overrides_active ON overrides(week, node_id, kpi_id)"
    "  WHERE reverted_at IS NULL;"
    "CREATE TABLE meetings(id INTEGER PRIMARY KEY, week INTEGER NOT NULL,"
    "  started_at TEXT NOT NULL, ended_at TEXT, attendees TEXT NOT NULL"
    "  DEFAULT '', author TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX meetings_week ON meetings(week);"
    /* Key figures as shown in a meeting, for "changed since last meeting". */
    "CREATE TABLE meeting_snapshots(meeting_id INTEGER NOT NULL"
    "  REFERENCES meetings(id), week INTEGER NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER NOT NULL REFERENCES kpis(id), value REAL,"
    "  PRIMARY KEY(meeting_id, week, node_id, kpi_id)) WITHOUT ROWID;"
    "CREATE TABLE notes(id INTEGER PRIMARY KEY, week INTEGER NOT NULL,"
    "  node_id INTEGER NOT NULL REFERENCES nodes(id),"
    "  kpi_id INTEGER REFERENCES kpis(id), cause TEXT NOT NULL,"
    "  text TEXT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL, deleted_at TEXT);"
    "CREATE INDEX notes_week ON notes(week, node_id);"
    /* Every version of a note, including the first and the deletion. */
    "CREATE TABLE note_history(id INTEGER PRIMARY KEY,"
    "  note_id INTEGER NOT NULL REFERENCES notes(id), change TEXT NOT NULL,"
    "  cause TEXT NOT NULL, text TEXT NOT NULL, author TEXT NOT NULL,"
    "  changed_at TEXT NOT NULL);"
    "CREATE TABLE actions(id INTEGER PRIMARY KEY, week INTEGER NOT NULL,"
    "  node_id INTEGER REFERENCES nodes(id),"
    "  owner_id INTEGER NOT NULL REFERENCES people(id),"
    "  due_week INTEGER NOT NULL, text TEXT NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'open'"
    "    CHECK(state IN ('open','done','dropped')),"
    "  author TEXT NOT NULL, created_at TEXT NOT NULL, closed_at TEXT,"
    "  closed_week INTEGER);"
    "CREATE INDEX actions_state ON actions(state, week);"
    /* Text being typed, saved while typing; offered back after a crash. */
    "CREATE TABLE drafts(id INTEGER PRIMARY KEY, owner TEXT NOT NULL,"
    "  kind TEXT NOT NULL, week INTEGER NOT NULL, node_id INTEGER,"
    "  kpi_id INTEGER, cause TEXT, text TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL);",
    /* 2: budget ceilings (targets of kind 'cap') and catalogue versions
       (issue 16): the catalogue text in force from a week on. */
    "ALTER TABLE targets ADD COLUMN kind TEXT NOT NULL DEFAULT 'target'"
    "  CHECK(kind IN ('target','cap'));"
    "CREATE TABLE catalogue_versions(id INTEGER PRIMARY KEY,"
    "  from_week INTEGER NOT NULL, kpis TEXT NOT NULL, file TEXT NOT NULL,"
    "  reason TEXT NOT NULL, author TEXT NOT NULL,"
    "  created_at TEXT NOT NULL);"
    "CREATE INDEX catalogue_versions_week ON catalogue_versions(from_week);",
    /* 3: a person's handle on the platforms ("@mybeauty_th"), matched by
     * import profiles (people.csv's optional handle column) */
    "ALTER TABLE people ADD COLUMN handle TEXT;",
    /* 4: per week, what a trend reads above person level (issue 11):
     * storage/trend_sums.h. Filled from the facts by the migration
     * (storage/db.c), then by every import that writes facts. */
    "CREATE TABLE trend_sums(week INTEGER PRIMARY KEY,"
    "  data BLOB NOT NULL);",
};
/* The migration after which trend_sums is filled from the facts. */
#define FP_SCHEMA_TREND_SUMS 4

#define FP_SCHEMA_VERSION \
    ((int)(sizeof fp_migrations / sizeof fp_migrations[0]))

#endif
