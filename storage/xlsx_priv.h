/* Shared by xlsx_read.c, xlsx_style.c and xlsx_sheet.c; not a public
 * interface. */
#ifndef FUPAN_STORAGE_XLSX_PRIV_H
#define FUPAN_STORAGE_XLSX_PRIV_H

#include <expat.h>
#include <zip.h>
#include "model/buf.h"
#include "storage/xlsx_read.h"

/* What a cell style shows a number as. */
typedef enum {
    FP_XF_NUMBER,
    FP_XF_DATE,       /* a day: "YYYY-MM-DD" */
    FP_XF_DATETIME,   /* "YYYY-MM-DD HH:MM" */
    FP_XF_TIME,       /* a time of day or a duration: "H:MM:SS" */
    FP_XF_PERCENT     /* 0.125 shown as 12.5%: "12.5%" */
} fp_xf_kind;

typedef struct {
    zip_t *zip;
    char sheet_name[128];
    char sheet_rid[64];
    char sheet_path[256];
    fp_buf sst;              /* the shared strings, NUL-separated */
    size_t *sst_off;
    size_t nsst, cap_sst;
    unsigned char *xf_kind;  /* fp_xf_kind per cellXfs index */
    size_t nxf, cap_xf;
} fp_xlsx_book;

const char *fp_xml_local(const char *name);
const char *fp_xml_attr(const char **attrs, const char *name);
int fp_xml_parse_entry(zip_t *z, const char *name, XML_Parser p);

/* Shared string i, NULL when out of range. */
const char *fp_xlsx_shared(const fp_xlsx_book *b, long i);
/* xl/styles.xml: which cell styles are dates (absent: none are). */
bool fp_xlsx_load_styles(fp_xlsx_book *b, fp_xlsx_stream *s);
fp_xf_kind fp_xlsx_style_kind(const fp_xlsx_book *b, long xf);
/* Streams the sheet b->sheet_path to s->on_record. */
bool fp_xlsx_read_sheet(fp_xlsx_book *b, fp_xlsx_stream *s);

#endif
