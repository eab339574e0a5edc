/*
 * validate.c — typed field validators and the table-driven form check.
 *
 * Messages are static French strings shown next to the field; limits such
 * as the maximum length are shown by the form itself, so the messages stay
 * generic and need no allocation.
 */
#include "validate.h"

#include <limits.h>
#include <string.h>

#define MSG_REQUIRED  "Ce champ est obligatoire."
#define MSG_TOO_SHORT "Ce texte est trop court."
#define MSG_TOO_LONG  "Ce texte est trop long."
#define MSG_BAD_CHARS "Le texte contient des caractères non valides."
#define MSG_INT	      "Saisissez un nombre entier."
#define MSG_INT_SMALL "Ce nombre est trop petit."
#define MSG_INT_BIG   "Ce nombre est trop grand."
#define MSG_DATE      "Saisissez une date valide au format AAAA-MM-JJ."
#define MSG_EMAIL     "Saisissez une adresse électronique valide (par exemple nom@domaine.fr)."
#define MSG_POSTCODE  "Saisissez un code postal valide de 5 chiffres."
#define MSG_ENUM      "Choisissez une valeur dans la liste."
#define MSG_INTERNAL  "Une erreur interne est survenue, veuillez réessayer."

/*
 * Checks len bytes of text: valid UTF-8, no control character (C0 other
 * than tab — and CR/LF when allow_newlines —, DEL, C1), and a length in
 * code points within [min, max]; max <= 0 means no upper bound. Returns
 * NULL or a static message.
 */
const char *val_text(const char *s, size_t len, long long min, long long max, int allow_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n;

	if (s == NULL)
		return min > 0 ? MSG_REQUIRED : NULL;
	if (!utf8_valid(s, len))
		return MSG_BAD_CHARS;
	for (i = 0; i < len; i++) {
		if (p[i] < 0x20) {
			if (p[i] == '\t')
				continue;
			if (allow_newlines && (p[i] == '\r' || p[i] == '\n'))
				continue;
			return MSG_BAD_CHARS;
		}
		if (p[i] == 0x7F)
			return MSG_BAD_CHARS;
		/* U+0080..U+009F are encoded C2 80..C2 9F. */
		if (p[i] == 0xC2 && i + 1 < len && p[i + 1] <= 0x9F)
			return MSG_BAD_CHARS;
	}
	n = utf8_len(s, len);
	if (min > 0 && n < (unsigned long long)min)
		return MSG_TOO_SHORT;
	if (max > 0 && n > (unsigned long long)max)
		return MSG_TOO_LONG;
	return NULL;
}

/*
 * Parses a decimal integer (optional '-' or '+', then digits only, no
 * spaces) in [min, max] into *out (may be NULL). Returns NULL or a static
 * message; *out is left untouched on failure.
 */
const char *val_int(const char *s, long long min, long long max, long long *out)
{
	unsigned long long v = 0, lim;
	int neg = 0;

	if (s == NULL || *s == '\0')
		return MSG_INT;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s == '\0')
		return MSG_INT;
	/* Magnitude limit: LLONG_MAX, or its opposite minus one. */
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	for (; *s != '\0'; s++) {
		unsigned d;

		if (*s < '0' || *s > '9')
			return MSG_INT;
		d = (unsigned)(*s - '0');
		if (v > (lim - d) / 10) {
			/* Keep scanning so that "99…9x" is reported as not a number. */
			while (*s >= '0' && *s <= '9')
				s++;
			if (*s != '\0')
				return MSG_INT;
			return neg ? MSG_INT_SMALL : MSG_INT_BIG;
		}
		v = v * 10 + d;
	}
	{
		long long x;

		if (neg)
			x = v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v;
		else
			x = (long long)v;
		if (x < min)
			return MSG_INT_SMALL;
		if (x > max)
			return MSG_INT_BIG;
		if (out != NULL)
			*out = x;
	}
	return NULL;
}

/*
 * Looks s up in the NULL-terminated values[] (exact, case-sensitive
 * match) and stores its position in *index (may be NULL).
 */
const char *val_enum(const char *s, const char *const *values, long long *index)
{
	long long i;

	if (s == NULL || values == NULL)
		return MSG_ENUM;
	for (i = 0; values[i] != NULL; i++) {
		if (strcmp(values[i], s) == 0) {
			if (index != NULL)
				*index = i;
			return NULL;
		}
	}
	return MSG_ENUM;
}

/* Returns 1 for a leap year of the Gregorian calendar. */
static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Checks an ISO date "YYYY-MM-DD" (exactly 10 characters) that exists in
 * the calendar, with a year in 1900–2100. Stores the parts in *y, *m, *d
 * (each may be NULL).
 */
const char *val_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int yy = 0, mm, dd, i, dim;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return MSG_DATE;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return MSG_DATE;
	}
	for (i = 0; i < 4; i++)
		yy = yy * 10 + (s[i] - '0');
	mm = (s[5] - '0') * 10 + (s[6] - '0');
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (yy < 1900 || yy > 2100 || mm < 1 || mm > 12)
		return MSG_DATE;
	dim = mdays[mm - 1] + (mm == 2 && is_leap(yy));
	if (dd < 1 || dd > dim)
		return MSG_DATE;
	if (y != NULL)
		*y = yy;
	if (m != NULL)
		*m = mm;
	if (d != NULL)
		*d = dd;
	return NULL;
}

/* Returns 1 for a character allowed unquoted in a local part (atext). */
static int is_atext(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+/=?^_`{|}~-", c) != NULL;
}

/*
 * Checks a plausible e-mail address: local@domain, at most 254 bytes, a
 * local part of 1–64 dot-separated atext runs (no quoted forms), a domain
 * of at least two labels of letters, digits, hyphens (not at the ends of
 * a label) or UTF-8 letters (internationalised names), no IP literal.
 */
const char *val_email(const char *s)
{
	const char *at, *p;
	size_t len, label = 0, labels = 0;
	int prev_hyphen = 0;

	if (s == NULL)
		return MSG_EMAIL;
	len = strlen(s);
	if (len == 0 || len > 254 || !utf8_valid(s, len))
		return MSG_EMAIL;
	at = strchr(s, '@');
	if (at == NULL || at == s || at - s > 64 || strchr(at + 1, '@') != NULL)
		return MSG_EMAIL;
	for (p = s; p < at; p++) {
		if (*p == '.') {
			if (p == s || p[-1] == '.' || p + 1 == at)
				return MSG_EMAIL;
		} else if (!is_atext((unsigned char)*p)) {
			return MSG_EMAIL;
		}
	}
	for (p = at + 1;; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '.' || c == '\0') {
			if (label == 0 || label > 63 || prev_hyphen)
				return MSG_EMAIL;
			labels++;
			if (c == '\0')
				break;
			label = 0;
			continue;
		}
		if (c == '-') {
			if (label == 0)
				return MSG_EMAIL;
			prev_hyphen = 1;
		} else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			   (c >= 'A' && c <= 'Z') || c >= 0x80) {
			prev_hyphen = 0;
		} else {
			return MSG_EMAIL;
		}
		label++;
	}
	/* The last label (top-level domain) has at least two characters. */
	if (labels < 2 || label < 2)
		return MSG_EMAIL;
	return NULL;
}

/*
 * Checks a French postal code: exactly 5 digits, in 01000–95999
 * (metropolitan France, Corsica's 20xxx included) or 97100–98999
 * (overseas departments and collectivities, Monaco).
 */
const char *val_postcode(const char *s)
{
	long v = 0;
	int i;

	if (s == NULL)
		return MSG_POSTCODE;
	for (i = 0; i < 5; i++) {
		if (s[i] < '0' || s[i] > '9')
			return MSG_POSTCODE;
		v = v * 10 + (s[i] - '0');
	}
	if (s[5] != '\0')
		return MSG_POSTCODE;
	if ((v >= 1000 && v <= 95999) || (v >= 97100 && v <= 98999))
		return NULL;
	return MSG_POSTCODE;
}

/* Returns 1 when field values of type t are trimmed of spaces. */
static int trims(field_type t)
{
	return t == F_LINE || t == F_EMAIL || t == F_POSTCODE || t == F_INT || t == F_DATE;
}

/* Returns 1 for the whitespace trimmed from single-line fields. */
static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Returns 1 for the values a checkbox sends when checked. */
static int bool_true(const char *s)
{
	return strcmp(s, "1") == 0 || strcmp(s, "on") == 0 || strcmp(s, "oui") == 0 ||
	       strcmp(s, "true") == 0;
}

/*
 * Validates every field of fields[] (terminated by name == NULL) against
 * src, filling out[i] for fields[i]: raw is the first value received
 * (NULL if absent), s the normalised copy (trimmed for the single-line
 * types F_LINE, F_EMAIL, F_POSTCODE, F_INT, F_DATE; as received for
 * F_TEXT and F_PASSWORD), i the typed value, error NULL or a static
 * message. An absent or empty value is an error only for a required
 * field; otherwise present is 0. F_BOOL never fails. Strings are arena
 * copies. Returns the number of invalid fields (allocation failures count
 * as invalid fields with a generic message, and are logged).
 */
int validate_fields(arena *a, const field *fields, const kvlist *src, fieldval *out)
{
	int nerr = 0;
	size_t k;

	for (k = 0; fields[k].name != NULL; k++) {
		const field *f = &fields[k];
		fieldval *v = &out[k];
		const kv *e = NULL;
		const char *b, *t;
		size_t blen;
		int y, m, d;

		memset(v, 0, sizeof(*v));
		v->f = f;
		if (src != NULL)
			for (e = src->head; e != NULL; e = e->next)
				if (strcmp(e->key, f->name) == 0)
					break;
		if (e != NULL)
			v->raw = e->val;
		if (f->type == F_BOOL) {
			v->present = e != NULL;
			v->i = e != NULL && bool_true(e->val);
			v->s = v->i ? "1" : "0";
			continue;
		}
		b = e != NULL ? e->val : "";
		blen = e != NULL ? e->len : 0;
		if (trims(f->type)) {
			while (blen > 0 && is_space(*b)) {
				b++;
				blen--;
			}
			while (blen > 0 && is_space(b[blen - 1]))
				blen--;
		}
		if (blen == 0) {
			if (f->required) {
				v->error = MSG_REQUIRED;
				nerr++;
			}
			continue;
		}
		v->present = 1;
		/* A value with a NUL byte (only possible from multipart) is refused. */
		if (memchr(b, '\0', blen) != NULL) {
			v->error = MSG_BAD_CHARS;
			nerr++;
			continue;
		}
		v->s = arena_strndup(a, b, blen);
		if (v->s == NULL) {
			spp_log("validate: out of memory for field %s", f->name);
			v->error = MSG_INTERNAL;
			nerr++;
			continue;
		}
		t = v->s;
		switch (f->type) {
		case F_TEXT:
			v->error = val_text(t, blen, f->min, f->max, 1);
			break;
		case F_LINE:
			v->error = val_text(t, blen, f->min, f->max, 0);
			break;
		case F_PASSWORD:
			if (!utf8_valid(t, blen))
				v->error = MSG_BAD_CHARS;
			else if (f->min > 0 && utf8_len(t, blen) < (unsigned long long)f->min)
				v->error = MSG_TOO_SHORT;
			else if (f->max > 0 && utf8_len(t, blen) > (unsigned long long)f->max)
				v->error = MSG_TOO_LONG;
			break;
		case F_INT:
			/* min == max == 0 means "any integer". */
			if (f->min == 0 && f->max == 0)
				v->error = val_int(t, LLONG_MIN, LLONG_MAX, &v->i);
			else
				v->error = val_int(t, f->min, f->max, &v->i);
			break;
		case F_ENUM:
			v->error = val_enum(t, f->values, &v->i);
			break;
		case F_DATE:
			v->error = val_date(t, &y, &m, &d);
			if (v->error == NULL)
				v->i = (long long)y * 10000 + m * 100 + d;
			break;
		case F_EMAIL:
			v->error = val_email(t);
			break;
		case F_POSTCODE:
			v->error = val_postcode(t);
			if (v->error == NULL)
				v->i = (t[0] - '0') * 10000 + (t[1] - '0') * 1000 +
				       (t[2] - '0') * 100 + (t[3] - '0') * 10 + (t[4] - '0');
			break;
		case F_BOOL:
			break;
		}
		if (v->error != NULL)
			nerr++;
	}
	return nerr;
}
