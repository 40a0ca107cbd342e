/* Loading the KPI catalogue and cause codes from INI (read by the one
 * INI reader, storage/ini_text.h). The shipped sample-data/kpis.ini and
 * causes.ini are built into the binary; a team's files replace or extend
 * them. */
#ifndef FUPAN_STORAGE_CATALOGUE_INI_H
#define FUPAN_STORAGE_CATALOGUE_INI_H

#include <stddef.h>
#include "model/catalogue.h"

/* Loads the built-in catalogue, then kpi_file and causes_file on top of
 * it when not NULL (a section there adds a KPI or replaces the built-in
 * one of the same id). Returns NULL with "FILE:LINE: what is wrong" in
 * err on any error: unknown formula component, formula cycle, bad
 * threshold, duplicate id, bad unit... Caller frees. */
fp_catalogue *fp_catalogue_load(const char *kpi_file, const char *causes_file,
                                char *err, size_t errsz);

/* One change to the catalogue's INI: key of [section] set to value
 * ("kpi.roas", "amber", "80"); the rest of the section stays. */
typedef struct { const char *section, *key, *value; } fp_catalogue_set;

/* What a catalogue is made of, bottom to top: the built-in files,
 * kpi_file and causes_file (the config's), text (a stored catalogue
 * version, named text_name in messages), file (a what-if's --catalogue),
 * then the changes in sets. Any of them may be NULL / 0. */
typedef struct {
    const char *kpi_file, *causes_file;
    const char *text, *text_name;
    const char *file;
    const fp_catalogue_set *sets;
    int nsets;
} fp_catalogue_layers;

fp_catalogue *fp_catalogue_load_layers(const fp_catalogue_layers *l,
                                       char *err, size_t errsz);

/* Splits "SECTION.KEY=VALUE" (the last dot before '=' ends the section:
 * "role.host.kpis=gmv:50 cvr:50") into set, pointing into buf (a copy
 * of text, bufsz bytes). False when it is not of that form. */
bool fp_catalogue_parse_set(const char *text, char *buf, size_t bufsz,
                            fp_catalogue_set *set);

#endif
