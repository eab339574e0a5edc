/*
 * validate.h — typed field validators. Each returns NULL when the value is
 * valid (and stores the typed result), or a French error message (static
 * string) to show next to the field.
 */
#ifndef SPP_VALIDATE_H
#define SPP_VALIDATE_H

#include "spp.h"

typedef enum field_type {
	F_TEXT,      /* UTF-8, code point length in [min, max], no control chars but \t\r\n */
	F_LINE,      /* like F_TEXT without \r or \n */
	F_INT,       /* decimal integer in [min, max] */
	F_ENUM,      /* one of values[] */
	F_DATE,      /* YYYY-MM-DD, a real calendar date */
	F_EMAIL,     /* a plausible address, at most 254 bytes */
	F_POSTCODE,  /* French postal code: 5 digits, 01000–98999 */
	F_BOOL,      /* checkbox: absent = 0, "1"/"on"/"oui" = 1 */
	F_PASSWORD,  /* UTF-8, [min, max] code points, any character */
} field_type;

typedef struct field {
	const char *name;           /* form/query parameter name */
	field_type type;
	int required;
	long long min, max;         /* length bounds for text, value bounds for ints */
	const char *const *values;  /* F_ENUM: NULL-terminated list */
} field;

/* The outcome of validating one field. */
typedef struct fieldval {
	const field *f;
	const char *raw;     /* as typed (NULL when absent) — echoed back in forms */
	const char *error;   /* NULL when valid */
	long long i;         /* F_INT, F_BOOL, F_ENUM (index); F_DATE as yyyymmdd */
	const char *s;       /* normalised text (trimmed for F_LINE/F_EMAIL) */
	int present;
} fieldval;

const char *val_text(const char *s, size_t len, long long min, long long max, int allow_newlines);
const char *val_int(const char *s, long long min, long long max, long long *out);
const char *val_enum(const char *s, const char *const *values, long long *index);
const char *val_date(const char *s, int *y, int *m, int *d);
const char *val_email(const char *s);
const char *val_postcode(const char *s);

/*
 * Validates every field of fields[] (terminated by name == NULL) against
 * src, filling out[] (same length). Returns the number of invalid fields.
 */
int validate_fields(arena *a, const field *fields, const kvlist *src, fieldval *out);

#endif
