/* Files as they come (issue 12): numbers by market, dates in the
 * markets' orders, Excel serial dates and column names, UTF-16 and the
 * delimiter of a CSV file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/number.h"
#include "model/week.h"
#include "storage/csv_table.h"
#include "storage/encoding.h"
#include "storage/xlsx_read.h"

static double value_as(const char *text, fp_decimal dec)
{
    double v = -1;
    const char *why = NULL;
    fp_num_status st = fp_parse_value_as(text, false, dec, &v, &why);
    cr_assert_eq(st, FP_NUM_OK, "'%s' (%d): %s", text, dec, why ? why : "");
    return v;
}

static fp_num_status status_as(const char *text, fp_decimal dec)
{
    double v = -1;
    return fp_parse_value_as(text, false, dec, &v, NULL);
}

Test(files, decimal_comma_market)
{
    cr_assert_eq(value_as("1.250.000", FP_DEC_COMMA), 1250000);
    cr_assert_eq(value_as("12.500,50", FP_DEC_COMMA), 12500.5);
    cr_assert_eq(value_as("Rp1.250.000", FP_DEC_COMMA), 1250000);
    cr_assert_eq(value_as("12,5", FP_DEC_COMMA), 12.5);
    cr_assert_eq(value_as("VND 3.000", FP_DEC_COMMA), 3000);
    cr_assert_eq(status_as("12.50", FP_DEC_COMMA), FP_NUM_AMBIGUOUS);
    cr_assert_eq(status_as("1,250.50", FP_DEC_COMMA), FP_NUM_AMBIGUOUS);
}

Test(files, decimal_point_market)
{
    cr_assert_eq(value_as("1,250,000", FP_DEC_POINT), 1250000);
    cr_assert_eq(value_as("RM12.500", FP_DEC_POINT), 12.5);
    cr_assert_eq(value_as("12,500.50", FP_DEC_POINT), 12500.5);
    cr_assert_eq(status_as("1.250.000", FP_DEC_POINT), FP_NUM_AMBIGUOUS);
    cr_assert_eq(status_as("12,5", FP_DEC_POINT), FP_NUM_AMBIGUOUS);
    /* unknown market: as before */
    cr_assert_eq(status_as("1.250.000", FP_DEC_UNKNOWN), FP_NUM_AMBIGUOUS);
}

Test(files, market_codes)
{
    cr_assert_eq(fp_decimal_for_market("ID"), FP_DEC_COMMA);
    cr_assert_eq(fp_decimal_for_market("vn"), FP_DEC_COMMA);
    cr_assert_eq(fp_decimal_for_market("MY"), FP_DEC_POINT);
    cr_assert_eq(fp_decimal_for_market("SG"), FP_DEC_POINT);
    cr_assert_eq(fp_decimal_for_market("SA"), FP_DEC_UNKNOWN);
    cr_assert_eq(fp_decimal_for_market(NULL), FP_DEC_UNKNOWN);
}

static void assert_date(const char *text, fp_date_order o, int y, int m,
                        int d)
{
    int yy = 0, mm = 0, dd = 0;
    cr_assert(fp_date_parse_order(text, o, &yy, &mm, &dd), "%s", text);
    cr_assert(yy == y && mm == m && dd == d, "%s gave %d-%d-%d", text, yy,
              mm, dd);
}

Test(files, date_orders_and_times)
{
    int y, m, d;
    assert_date("2026-11-20", FP_DATE_AUTO, 2026, 11, 20);
    assert_date("2026/11/20 20:00", FP_DATE_AUTO, 2026, 11, 20);
    assert_date("2026-11-20T23:59:59.5", FP_DATE_YMD, 2026, 11, 20);
    assert_date("20/11/2026", FP_DATE_DMY, 2026, 11, 20);
    assert_date("1.2.2026 08:30", FP_DATE_DMY, 2026, 2, 1);
    assert_date("11/20/2026 8:05", FP_DATE_MDY, 2026, 11, 20);
    cr_assert_not(fp_date_parse_order("20/11/2026", FP_DATE_AUTO, &y, &m, &d));
    cr_assert_not(fp_date_parse_order("11/20/2026", FP_DATE_DMY, &y, &m, &d));
    cr_assert_not(fp_date_parse_order("2026-11-20 25:00", FP_DATE_YMD, &y,
                                      &m, &d));
    cr_assert_not(fp_date_parse_order("2026-11-20x", FP_DATE_YMD, &y, &m, &d));
    fp_date_order o;
    cr_assert(fp_date_order_parse("dd/mm/yyyy", &o) && o == FP_DATE_DMY);
    cr_assert_not(fp_date_order_parse("DD/YYYY", &o));
}

Test(files, excel_serials_and_columns)
{
    char buf[20], col[8];
    fp_xlsx_serial_text(46346, false, buf);   /* Excel: 2026-11-20 */
    cr_assert_str_eq(buf, "2026-11-20");
    fp_xlsx_serial_text(46346.8333333333, true, buf);
    cr_assert_str_eq(buf, "2026-11-20 20:00");
    fp_xlsx_serial_text(61, false, buf);
    cr_assert_str_eq(buf, "1900-03-01");
    cr_assert_str_eq(fp_xlsx_column_name(0, col), "A");
    cr_assert_str_eq(fp_xlsx_column_name(5, col), "F");
    cr_assert_str_eq(fp_xlsx_column_name(26, col), "AA");
    cr_assert_str_eq(fp_xlsx_column_name(16383, col), "XFD");
}

Test(files, magic)
{
    cr_assert_eq(fp_file_magic_of("PK\x03\x04xx", 6), FP_FILE_ZIP);
    cr_assert_eq(fp_file_magic_of("\xd0\xcf\x11\xe0", 4), FP_FILE_OLE);
    cr_assert_eq(fp_file_magic_of("week,", 5), FP_FILE_TEXT);
    cr_assert_eq(fp_file_magic_of("PK", 2), FP_FILE_TEXT);
}

Test(files, utf16_with_bom, .description = "cut between chunks too")
{
    /* "a,é\n" in UTF-16LE with a BOM, fed one byte at a time */
    const char in[] = "\xff\xfe" "a\0,\0\xe9\0\n\0";
    fp_decoder *d = fp_decoder_new(FP_ENC_AUTO);
    char out[32] = "";
    for (size_t i = 0; i < sizeof in - 1; i++) {
        const char *t;
        size_t n;
        cr_assert(fp_decoder_feed(d, in + i, 1, i + 2 == sizeof in, &t, &n),
                  "byte %zu: %s", i, fp_decoder_why(d));
        strncat(out, t, n);
    }
    cr_assert_str_eq(out, "a,\xc3\xa9\n");
    cr_assert_eq(fp_decoder_encoding(d), FP_ENC_UTF16LE);
    fp_decoder_free(d);
    fp_decoded big;
    cr_assert(fp_decode_text("\xfe\xff\0a\0\n", 6, FP_ENC_AUTO, &big));
    cr_assert_str_eq(big.text, "a\n");
    cr_assert_eq(big.encoding, FP_ENC_UTF16BE);
    fp_decoded_done(&big);
}

typedef struct { char got[256]; } rows;

static bool keep_row(void *ctx, fp_csv_row *row)
{
    rows *r = ctx;
    for (int i = 0; i < row->nfields; i++) {
        strcat(r->got, row->fields[i]);
        strcat(r->got, i + 1 < row->nfields ? "|" : "\n");
    }
    return true;
}

static const char *split(const char *text)
{
    static rows r;
    memset(&r, 0, sizeof r);
    fp_csv_reader *rd = fp_csv_reader_new(keep_row, &r);
    cr_assert(fp_csv_reader_feed(rd, text, strlen(text)));
    cr_assert(fp_csv_reader_finish(rd));
    fp_csv_reader_free(rd);
    return r.got;
}

Test(files, delimiters)
{
    cr_assert_str_eq(split("a\tb\tc\n1\t\t3\n"), "a|b|c\n1||3\n");
    cr_assert_str_eq(split("a;b;c\n\"1;5\";2,5;3\n"), "a|b|c\n1;5|2,5|3\n");
    cr_assert_str_eq(split("a,b;c\n1,2;3\n"), "a|b;c\n1|2;3\n");
    cr_assert_str_eq(split("\n\"x;y\",b\n1,2\n"), "x;y|b\n1|2\n");
}

/* ---- a workbook streamed as rows (made by tests/e2e/make_xlsx.py) ---- */

typedef struct { char got[1024]; } sheet_rows;

static bool keep_sheet_row(void *ctx, fp_csv_row *row)
{
    sheet_rows *r = ctx;
    char line[16];
    snprintf(line, sizeof line, "%d:", row->line);
    strcat(r->got, line);
    for (int i = 0; i < row->nfields; i++) {
        strcat(r->got, row->fields[i]);
        if (row->numeric != NULL && row->numeric[i])
            strcat(r->got, "#");
        strcat(r->got, i + 1 < row->nfields ? "|" : "\n");
    }
    return true;
}

static void make_workbook(const char *path, const char *spec)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "printf '%s' | python3 tests/e2e/make_xlsx.py "
             "%s Sheet1 Other", spec, path);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
}

Test(files, xlsx_cells)
{
    char path[] = "/tmp/fupan-xlsx-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    make_workbook(path, "#title Weekly\\n"
        "date\\tname\\t\\tgmv\\tshare\\tduration\\n"
        "t:46346.8333333333\\ti:Ann\\t\\tn:1250.5\\tp:0.125\\th:0.0576388888889\\n"
        "d:46342\\tBo\\t\\ts:007\\n");
    sheet_rows r = {{0}};
    fp_xlsx_stream s = {.on_record = keep_sheet_row, .ctx = &r};
    cr_assert(fp_xlsx_stream_file(path, &s), "%d %s", s.status, s.why);
    cr_assert_str_eq(s.sheet_name, "Sheet1");
    cr_assert_str_eq(r.got,
        "1:Weekly\n"
        "2:date|name||gmv|share|duration\n"
        "3:2026-11-20 20:00#|Ann||1250.5#|12.5%#|1:23:00#\n"
        "4:2026-11-16#|Bo||007\n");
    fp_xlsx_stream bad = {.sheet = "Nope", .on_record = keep_sheet_row,
                          .ctx = &r};
    cr_assert_not(fp_xlsx_stream_file(path, &bad));
    cr_assert_eq(bad.status, FP_XLSX_NO_SHEET);
    unlink(path);
}
