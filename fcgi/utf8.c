/*
 * utf8.c — strict UTF-8 validation, code point counting and the accent
 * folding used to build search keys and slugs.
 */
#include "spp.h"

#include <string.h>

/*
 * Returns 1 when the len bytes at s are well-formed UTF-8 (RFC 3629: no
 * overlong form, no surrogate, nothing above U+10FFFF) and contain no NUL
 * byte; 0 otherwise. s may be NULL only when len is 0.
 */
int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		unsigned lo = 0x80, hi = 0xBF;
		size_t n, k;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90; /* overlong */
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else {
			return 0;
		}
		if (len - i - 1 < n)
			return 0;
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (k = 2; k <= n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
		i += n + 1;
	}
	return 1;
}

/*
 * Returns the number of code points in the len bytes at s, which must be
 * valid UTF-8: every byte that is not a continuation byte starts one.
 */
size_t utf8_len(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Folding of U+00C0..U+00FF (second byte 0x80..0xBF after 0xC3); NULL
 * means "copy unchanged" (Ð × Ø Ý Þ ß ð ÷ ø ý þ are not folded).
 */
/* clang-format off */
static const char *const fold_c3[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", /* À Á Â Ã Ä Å Æ Ç */
	"e", "e", "e", "e", "i", "i", "i", "i",  /* È É Ê Ë Ì Í Î Ï */
	NULL, "n", "o", "o", "o", "o", "o", NULL, /* Ð Ñ Ò Ó Ô Õ Ö × */
	NULL, "u", "u", "u", "u", NULL, NULL, NULL, /* Ø Ù Ú Û Ü Ý Þ ß */
	"a", "a", "a", "a", "a", "a", "ae", "c", /* à á â ã ä å æ ç */
	"e", "e", "e", "e", "i", "i", "i", "i",  /* è é ê ë ì í î ï */
	NULL, "n", "o", "o", "o", "o", "o", NULL, /* ð ñ ò ó ô õ ö ÷ */
	NULL, "u", "u", "u", "u", NULL, NULL, "y", /* ø ù ú û ü ý þ ÿ */
};
/* clang-format on */

/*
 * Returns an arena copy of the C string s with ASCII letters lower-cased
 * and the accented letters of French (and a few other Latin ones) reduced
 * to plain lowercase ASCII: é → e, Ç → c, œ/Œ → oe, æ/Æ → ae, ÿ/Ÿ → y.
 * Every other byte is copied unchanged, so invalid UTF-8 passes through.
 * The result is never longer than s. NULL when s is NULL or on ENOMEM.
 */
char *utf8_fold(arena *a, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	char *out, *o;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	out = arena_alloc(a, len + 1);
	if (out == NULL)
		return NULL;
	o = out;
	while (*p != '\0') {
		const char *rep = NULL;

		if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
			rep = fold_c3[p[1] - 0x80];
		else if (p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93))
			rep = "oe";
		else if (p[0] == 0xC5 && p[1] == 0xB8)
			rep = "y";
		if (rep != NULL) {
			/* Every replacement is at most as long as the 2 bytes. */
			while (*rep != '\0')
				*o++ = *rep++;
			p += 2;
		} else if (*p >= 'A' && *p <= 'Z') {
			*o++ = (char)(*p++ - 'A' + 'a');
		} else {
			*o++ = (char)*p++;
		}
	}
	*o = '\0';
	return out;
}
