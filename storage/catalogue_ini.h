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

#endif
