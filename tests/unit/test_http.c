/*
 * test_http.c — unit tests of http.h: urlencoded bodies, cookies,
 * multipart bodies, path decoding and reason phrases.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../fcgi/http.h"

#define N_ELEMS(x) (sizeof(x) / sizeof((x)[0]))

/*
 * Renders a list as "k=v|k=v" (NUL bytes shown as "\0") so that a whole
 * expected result fits in one table cell.
 */
static char *render(arena *a, const kvlist *l)
{
	buf b;
	const kv *e;
	size_t i;

	buf_init(&b, a);
	for (e = l->head; e != NULL; e = e->next) {
		if (e != l->head)
			buf_putc(&b, '|');
		buf_puts(&b, e->key);
		buf_putc(&b, '=');
		for (i = 0; i < e->len; i++) {
			if (e->val[i] == '\0')
				buf_puts(&b, "\\0");
			else
				buf_putc(&b, e->val[i]);
		}
	}
	return (char *)buf_cstr(&b);
}

struct form_case {
	const char *in;
	int rc;
	const char *out; /* rendering when rc == SPP_OK */
};

static const struct form_case form_cases[] = {
	{ "", SPP_OK, "" },
	{ "a=1", SPP_OK, "a=1" },
	{ "a=1&b=2", SPP_OK, "a=1|b=2" },
	{ "a=1&a=2", SPP_OK, "a=1|a=2" },
	{ "nom=%C3%A9t%C3%A9", SPP_OK, "nom=été" },
	{ "q=un+deux%20trois", SPP_OK, "q=un deux trois" },
	{ "a%2Bb=c%2bd", SPP_OK, "a+b=c+d" },
	{ "a=1&&b=2", SPP_OK, "a=1|b=2" },
	{ "&&&", SPP_OK, "" },
	{ "a", SPP_OK, "a=" },
	{ "a=", SPP_OK, "a=" },
	{ "a&b=", SPP_OK, "a=|b=" },
	{ "=1&b=2", SPP_OK, "b=2" },
	{ "a==1", SPP_OK, "a==1" },
	{ "a=b=c", SPP_OK, "a=b=c" },
	{ "a=%26%3D", SPP_OK, "a=&=" },
	{ "ville=Saint-%C3%89tienne&cp=42000", SPP_OK, "ville=Saint-Étienne|cp=42000" },
	{ "a=1&", SPP_OK, "a=1" },
	{ "é=è", SPP_OK, "é=è" },
	{ "a=%", SPP_EBADREQ, NULL },
	{ "a=%4", SPP_EBADREQ, NULL },
	{ "a=%zz", SPP_EBADREQ, NULL },
	{ "a=%4g", SPP_EBADREQ, NULL },
	{ "%=1", SPP_EBADREQ, NULL },
	{ "a=%00", SPP_EBADREQ, NULL },
	{ "a%00=1", SPP_EBADREQ, NULL },
	{ "a=%C3", SPP_EBADREQ, NULL },
	{ "a=%C3%28", SPP_EBADREQ, NULL },
	{ "a=%ED%A0%80", SPP_EBADREQ, NULL },
	{ "a=%C0%AF", SPP_EBADREQ, NULL },
	{ "a=\xFF", SPP_EBADREQ, NULL },
	{ "\xC3=1", SPP_EBADREQ, NULL },
};

static void test_urlencoded(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(form_cases); i++) {
		const struct form_case *c = &form_cases[i];
		arena *a = arena_new(0);
		kvlist l = { 0 };
		int rc = http_parse_urlencoded(a, c->in, strlen(c->in), &l, NULL);

		if (rc != c->rc)
			fail_msg("urlencoded case %zu (%s): rc %d, want %d", i, c->in, rc, c->rc);
		if (rc == SPP_OK && strcmp(render(a, &l), c->out) != 0)
			fail_msg("urlencoded case %zu (%s): got %s", i, c->in, render(a, &l));
		arena_free(a);
	}
}

/* len is authoritative: bytes after it are not read, embedded NUL refused. */
static void test_urlencoded_len(void **state)
{
	arena *a = arena_new(0);
	kvlist l = { 0 };

	(void)state;
	assert_int_equal(http_parse_urlencoded(a, "a=1&b=2", 3, &l, NULL), SPP_OK);
	assert_string_equal(render(a, &l), "a=1");
	assert_int_equal(http_parse_urlencoded(a, "a=1\0b", 5, &l, NULL), SPP_EBADREQ);
	assert_int_equal(http_parse_urlencoded(a, NULL, 0, &l, NULL), SPP_OK);
	arena_free(a);
}

static void test_urlencoded_limits(void **state)
{
	http_limits lim = http_default_limits;
	arena *a = arena_new(0);
	kvlist l = { 0 };
	char *s;

	(void)state;
	assert_int_equal(http_default_limits.max_fields, 200);
	assert_int_equal(http_default_limits.max_key, 128);
	assert_int_equal(http_default_limits.max_value, 1024 * 1024);
	assert_int_equal(http_default_limits.max_parts, 32);
	assert_int_equal(http_default_limits.max_cookies, 50);
	lim.max_fields = 3;
	lim.max_key = 4;
	lim.max_value = 5;
	s = "a=1&b=2&c=3";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_OK);
	s = "a=1&b=2&c=3&d=4";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_ETOOBIG);
	s = "a=1&&&&&b=2&c=3";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_OK);
	s = "abcd=12345";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_OK);
	s = "abcde=1";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_ETOOBIG);
	s = "a=123456";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_ETOOBIG);
	/* Limits apply to decoded sizes. */
	s = "a=%C3%A9%C3%A9%41";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_OK);
	s = "%41%41%41%41=1";
	assert_int_equal(http_parse_urlencoded(a, s, strlen(s), &l, &lim), SPP_OK);
	arena_free(a);
}

struct cookie_case {
	const char *in;
	int rc;
	const char *out;
};

static const struct cookie_case cookie_cases[] = {
	{ "", SPP_OK, "" },
	{ "a=1", SPP_OK, "a=1" },
	{ "a=1; b=2", SPP_OK, "a=1|b=2" },
	{ "a=1;b=2", SPP_OK, "a=1|b=2" },
	{ "  a = 1 ;  b=2  ", SPP_OK, "a=1|b=2" },
	{ "sid=\"abc def\"", SPP_OK, "sid=abc def" },
	{ "sid=\"\"", SPP_OK, "sid=" },
	{ "sid=\"", SPP_OK, "sid=\"" },
	{ "a=%41", SPP_OK, "a=%41" },
	{ "a=b=c", SPP_OK, "a=b=c" },
	{ "novalue; a=1", SPP_OK, "a=1" },
	{ "=1; a=2", SPP_OK, "a=2" },
	{ " =1", SPP_OK, "" },
	{ ";;; a=1 ;;", SPP_OK, "a=1" },
	{ "a=", SPP_OK, "a=" },
	{ "a=1; a=2", SPP_OK, "a=1|a=2" },
	{ "a=\t1\t", SPP_OK, "a=1" },
	{ "pref=é", SPP_OK, "pref=é" },
	{ "bad=\xFF; a=1", SPP_OK, "a=1" },
	{ "a=1\r\n", SPP_EBADREQ, NULL },
	{ "a=\x01", SPP_EBADREQ, NULL },
	{ "a=1; b=\x7F", SPP_EBADREQ, NULL },
	{ "x\ny=1", SPP_EBADREQ, NULL },
};

static void test_cookies(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cookie_cases); i++) {
		const struct cookie_case *c = &cookie_cases[i];
		arena *a = arena_new(0);
		kvlist l = { 0 };
		int rc = http_parse_cookies(a, c->in, &l, NULL);

		if (rc != c->rc)
			fail_msg("cookie case %zu (%s): rc %d, want %d", i, c->in, rc, c->rc);
		if (rc == SPP_OK && strcmp(render(a, &l), c->out) != 0)
			fail_msg("cookie case %zu (%s): got %s", i, c->in, render(a, &l));
		arena_free(a);
	}
}

static void test_cookie_limits(void **state)
{
	http_limits lim = http_default_limits;
	arena *a = arena_new(0);
	kvlist l = { 0 };

	(void)state;
	assert_int_equal(http_parse_cookies(a, NULL, &l, NULL), SPP_OK);
	assert_int_equal(l.n, 0);
	lim.max_cookies = 2;
	lim.max_key = 3;
	lim.max_value = 4;
	assert_int_equal(http_parse_cookies(a, "a=1; b=2", &l, &lim), SPP_OK);
	assert_int_equal(http_parse_cookies(a, "a=1; b=2; c=3", &l, &lim), SPP_ETOOBIG);
	assert_int_equal(http_parse_cookies(a, "abcd=1", &l, &lim), SPP_ETOOBIG);
	assert_int_equal(http_parse_cookies(a, "abc=12345", &l, &lim), SPP_ETOOBIG);
	assert_int_equal(http_parse_cookies(a, "abc=\"1234\"", &l, &lim), SPP_OK);
	arena_free(a);
}

#define CT "multipart/form-data; boundary=XyZ"

struct mp_case {
	const char *ct;
	const char *body;
	int rc;
	const char *parts;  /* "name[filename](type)=data|..." when rc == SPP_OK */
	const char *fields; /* rendering of fields */
};

static const struct mp_case mp_cases[] = {
	/* A simple form with two fields. */
	{ CT,
	  "--XyZ\r\n"
	  "Content-Disposition: form-data; name=\"nom\"\r\n\r\n"
	  "Dupont\r\n"
	  "--XyZ\r\n"
	  "Content-Disposition: form-data; name=\"ville\"\r\n\r\n"
	  "Besançon\r\n"
	  "--XyZ--\r\n",
	  SPP_OK, "nom=Dupont|ville=Besançon", "nom=Dupont|ville=Besançon" },
	/* A file, with a content type and binary data. */
	{ CT,
	  "--XyZ\r\n"
	  "Content-Disposition: form-data; name=\"doc\"; filename=\"a.pdf\"\r\n"
	  "Content-Type: application/pdf\r\n\r\n"
	  "%PDF{NUL}\r\n--X\r\n"
	  "--XyZ--",
	  SPP_OK, "doc[a.pdf](application/pdf)=%PDF\\0\r\n--X", "" },
	/* Preamble and epilogue, quoted boundary, case-insensitive names. */
	{ "Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b'c\"",
	  "preamble\r\n--a b'c\r\n"
	  "content-disposition: FORM-DATA; NAME=x\r\n\r\n"
	  "1\r\n--a b'c--\r\nepilogue",
	  SPP_OK, "x=1", "x=1" },
	/* Transport padding after the delimiter. */
	{ CT, "--XyZ  \r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--", SPP_OK,
	  "a=v", "a=v" },
	/* Empty value and empty file field (no file chosen). */
	{ CT,
	  "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n"
	  "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
	  "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n",
	  SPP_OK, "a=|f[](application/octet-stream)=", "a=" },
	/* Part without data: the header CRLF also opens the delimiter. */
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n--XyZ--", SPP_OK,
	  "a=", "a=" },
	/* Escapes in quoted strings; unknown headers and parameters ignored. */
	{ CT,
	  "--XyZ\r\nX-Foo: bar\r\n"
	  "Content-Disposition: form-data; name=\"q\\\"uote\"; filename=\"C:\\\\x.txt\"; "
	  "filename*=UTF-8''x.txt\r\n\r\nabc\r\n--XyZ--",
	  SPP_OK, "q\"uote[C:\\x.txt]=abc", "" },
	/* Data containing something that looks like the boundary. */
	{ CT,
	  "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	  "x\r\n--XyZW\r\n--XyZ--",
	  SPP_OK, "a=x\r\n--XyZW", "a=x\r\n--XyZW" },
	/* A delimiter line without CRLF before it is data. */
	{ CT,
	  "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	  "x--XyZ\r\n\r\n--XyZ--",
	  SPP_OK, "a=x--XyZ\r\n", "a=x--XyZ\r\n" },
	/* UTF-8 field name and filename. */
	{ CT,
	  "--XyZ\r\nContent-Disposition: form-data; name=\"prénom\"\r\n\r\nÉloïse\r\n"
	  "--XyZ\r\nContent-Disposition: form-data; name=\"pj\"; filename=\"été.png\"\r\n"
	  "\r\n\x89PNG\r\n--XyZ--",
	  SPP_OK, "prénom=Éloïse|pj[été.png]=\x89PNG", "prénom=Éloïse" },
	/* Only a close delimiter: no part. */
	{ CT, "--XyZ--\r\n", SPP_OK, "", "" },
	/* Wrong media type, missing or bad boundary. */
	{ "application/x-www-form-urlencoded", "--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/mixed; boundary=XyZ", "--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data", "--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=", "----", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=\"\"", "----", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=\"abc", "--abc--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=a; boundary=a", "--a--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=\"a<b\"", "--a<b--", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary=\"ab \"", "--ab --", SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary="
	  "12345678901234567890123456789012345678901234567890123456789012345678901",
	  "--12345678901234567890123456789012345678901234567890123456789012345678901--",
	  SPP_EBADREQ, NULL, NULL },
	{ "multipart/form-data; boundary="
	  "1234567890123456789012345678901234567890123456789012345678901234567890",
	  "--1234567890123456789012345678901234567890123456789012345678901234567890--", SPP_OK, "",
	  "" },
	{ "multipart/form-data; boundary XyZ", "--XyZ--", SPP_EBADREQ, NULL, NULL },
	/* No delimiter at all, or no close delimiter. */
	{ CT, "", SPP_EBADREQ, NULL, NULL },
	{ CT, "just text", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ", SPP_EBADREQ,
	  NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ\r\n", SPP_EBADREQ,
	  NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ-", SPP_EBADREQ, NULL, NULL },
	/* Bare LF line endings are refused. */
	{ CT, "--XyZ\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--", SPP_EBADREQ, NULL,
	  NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\n\r\nv\r\n--XyZ--", SPP_EBADREQ,
	  NULL, NULL },
	/* Header faults. */
	{ CT, "--XyZ\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ,
	  NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ, NULL,
	  NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; filename=x\r\n\r\nv\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ,
	  NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nv\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT,
	  "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	  "Content-Disposition: form-data; name=b\r\n\r\nv\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nv\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nno colon here\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=\"\xFF\"\r\n\r\nv\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a; x\r\n\r\nv\r\n--XyZ--", SPP_EBADREQ,
	  NULL, NULL },
	/* A non-file field must be UTF-8 without NUL. */
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xC3\x28\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
	{ CT, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx{NUL}y\r\n--XyZ--",
	  SPP_EBADREQ, NULL, NULL },
};

/* Renders parts as "name[filename](type)=data|..." for comparison. */
static char *render_parts(arena *a, const http_part *p)
{
	buf b;
	size_t i;

	buf_init(&b, a);
	for (; p != NULL; p = p->next) {
		if (b.len > 0)
			buf_putc(&b, '|');
		buf_puts(&b, p->name);
		if (p->filename != NULL) {
			buf_putc(&b, '[');
			buf_puts(&b, p->filename);
			buf_putc(&b, ']');
		}
		if (p->content_type != NULL) {
			buf_putc(&b, '(');
			buf_puts(&b, p->content_type);
			buf_putc(&b, ')');
		}
		buf_putc(&b, '=');
		for (i = 0; i < p->len; i++) {
			if (p->data[i] == '\0')
				buf_puts(&b, "\\0");
			else
				buf_putc(&b, p->data[i]);
		}
	}
	return (char *)buf_cstr(&b);
}

/*
 * Copies a case body into an exact-size heap block (so that ASan catches
 * any read past the end), turning each "{NUL}" into a NUL byte.
 */
static char *body_copy(const char *s, size_t *len)
{
	char *d = malloc(strlen(s) + 1);
	size_t n = 0;

	assert_non_null(d);
	while (*s != '\0') {
		if (strncmp(s, "{NUL}", 5) == 0) {
			d[n++] = '\0';
			s += 5;
		} else {
			d[n++] = *s++;
		}
	}
	*len = n;
	return realloc(d, n ? n : 1);
}

static void test_multipart(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(mp_cases); i++) {
		const struct mp_case *c = &mp_cases[i];
		arena *a = arena_new(0);
		kvlist fields = { 0 };
		http_part *parts = NULL;
		size_t len;
		char *copy = body_copy(c->body, &len);
		int rc;

		assert_non_null(copy);
		rc = http_parse_multipart(a, c->ct, copy, len, &parts, &fields, NULL);
		if (rc != c->rc)
			fail_msg("multipart case %zu: rc %d, want %d", i, rc, c->rc);
		if (rc == SPP_OK && strcmp(render_parts(a, parts), c->parts) != 0)
			fail_msg("multipart case %zu: parts %s", i, render_parts(a, parts));
		if (rc == SPP_OK && strcmp(render(a, &fields), c->fields) != 0)
			fail_msg("multipart case %zu: fields %s", i, render(a, &fields));
		free(copy);
		arena_free(a);
	}
}

/* Bodies with NUL bytes, given with an explicit length. */
static void test_multipart_binary(void **state)
{
	static const char body[] =
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"doc\"; filename=\"a.bin\"\r\n"
		"\r\n"
		"\0\1\2\r\n\0"
		"\r\n--XyZ--";
	static const char bad[] = "--XyZ\r\n"
				  "Content-Disposition: form-data; name=a\r\n"
				  "\r\n"
				  "x\0y"
				  "\r\n--XyZ--";
	arena *a = arena_new(0);
	http_part *parts;
	kvlist fields = { 0 };

	(void)state;
	assert_int_equal(http_parse_multipart(a, CT, body, sizeof(body) - 1, &parts, &fields, NULL),
			 SPP_OK);
	assert_non_null(parts);
	assert_null(parts->next);
	assert_int_equal(parts->len, 6);
	assert_memory_equal(parts->data, "\0\1\2\r\n\0", 6);
	assert_ptr_equal(parts->data, strstr(body, "\r\n\r\n") + 4);
	assert_int_equal(fields.n, 0);
	assert_int_equal(http_parse_multipart(a, CT, bad, sizeof(bad) - 1, &parts, &fields, NULL),
			 SPP_EBADREQ);
	/* Without a field list, the same body is accepted as raw parts. */
	assert_int_equal(http_parse_multipart(a, CT, bad, sizeof(bad) - 1, &parts, NULL, NULL),
			 SPP_OK);
	assert_int_equal(parts->len, 3);
	/* The length bounds the parse: the close delimiter is past it. */
	assert_int_equal(http_parse_multipart(a, CT, body, sizeof(body) - 3, &parts, NULL, NULL),
			 SPP_EBADREQ);
	assert_int_equal(http_parse_multipart(a, NULL, body, sizeof(body) - 1, &parts, NULL, NULL),
			 SPP_EBADREQ);
	arena_free(a);
}

static void test_multipart_limits(void **state)
{
	http_limits lim = http_default_limits;
	arena *a = arena_new(0);
	http_part *parts;
	kvlist fields = { 0 };
	buf b;
	int i;

	(void)state;
	buf_init(&b, a);
	for (i = 0; i < 4; i++)
		buf_puts(&b, "--XyZ\r\nContent-Disposition: form-data; name=abc\r\n\r\nvalue\r\n");
	buf_puts(&b, "--XyZ--\r\n");
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, &lim), SPP_OK);
	assert_int_equal(fields.n, 4);
	lim.max_parts = 3;
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, &lim),
			 SPP_ETOOBIG);
	lim = http_default_limits;
	lim.max_fields = 3;
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, &lim),
			 SPP_ETOOBIG);
	lim = http_default_limits;
	lim.max_key = 2;
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, &lim),
			 SPP_ETOOBIG);
	lim = http_default_limits;
	lim.max_value = 4;
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, &lim),
			 SPP_ETOOBIG);
	/* Too many header lines in one part. */
	buf_init(&b, a);
	buf_puts(&b, "--XyZ\r\n");
	for (i = 0; i < 20; i++)
		buf_puts(&b, "X-A: b\r\n");
	buf_puts(&b, "Content-Disposition: form-data; name=a\r\n\r\nv\r\n--XyZ--");
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, NULL),
			 SPP_ETOOBIG);
	/* A header block that never ends. */
	buf_init(&b, a);
	buf_puts(&b, "--XyZ\r\nX-A: ");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\r\n\r\nv\r\n--XyZ--");
	assert_int_equal(http_parse_multipart(a, CT, b.data, b.len, &parts, &fields, NULL),
			 SPP_ETOOBIG);
	arena_free(a);
}

struct path_case {
	const char *in;
	int rc;
	const char *out;
};

static const struct path_case path_cases[] = {
	{ "", SPP_OK, "" },
	{ "/", SPP_OK, "/" },
	{ "/experiences/12", SPP_OK, "/experiences/12" },
	{ "/a%20b", SPP_OK, "/a b" },
	{ "/a+b", SPP_OK, "/a+b" },
	{ "/%C3%A9t%C3%A9", SPP_OK, "/été" },
	{ "/été", SPP_OK, "/été" },
	{ "/a/./b", SPP_OK, "/a/./b" },
	{ "/a..b/", SPP_OK, "/a..b/" },
	{ "/...", SPP_OK, "/..." },
	{ "/.a", SPP_OK, "/.a" },
	{ "/a%2Fb", SPP_OK, "/a/b" },
	{ "/%7e", SPP_OK, "/~" },
	{ "/..", SPP_EBADREQ, NULL },
	{ "/../etc/passwd", SPP_EBADREQ, NULL },
	{ "/a/../b", SPP_EBADREQ, NULL },
	{ "..", SPP_EBADREQ, NULL },
	{ "../a", SPP_EBADREQ, NULL },
	{ "/a/..", SPP_EBADREQ, NULL },
	{ "/%2e%2e/x", SPP_EBADREQ, NULL },
	{ "/%2E./x", SPP_EBADREQ, NULL },
	{ "/a%2f..%2fb", SPP_EBADREQ, NULL },
	{ "/a%00", SPP_EBADREQ, NULL },
	{ "/a%", SPP_EBADREQ, NULL },
	{ "/a%2", SPP_EBADREQ, NULL },
	{ "/a%G0", SPP_EBADREQ, NULL },
	{ "/%C3", SPP_EBADREQ, NULL },
	{ "/%C0%AE%C0%AE/", SPP_EBADREQ, NULL },
	{ "/\xFF", SPP_EBADREQ, NULL },
	{ "/%ED%A0%80", SPP_EBADREQ, NULL },
};

static void test_path(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(path_cases); i++) {
		const struct path_case *c = &path_cases[i];
		arena *a = arena_new(0);
		char *out = (char *)"unset";
		int rc = http_decode_path(a, c->in, strlen(c->in), &out);

		if (rc != c->rc)
			fail_msg("path case %zu (%s): rc %d, want %d", i, c->in, rc, c->rc);
		if (rc == SPP_OK && strcmp(out, c->out) != 0)
			fail_msg("path case %zu (%s): got %s", i, c->in, out);
		if (rc != SPP_OK && out != NULL)
			fail_msg("path case %zu: out not cleared", i);
		arena_free(a);
	}
}

static void test_path_len(void **state)
{
	arena *a = arena_new(0);
	char *out;

	(void)state;
	assert_int_equal(http_decode_path(a, "/ab/..", 3, &out), SPP_OK);
	assert_string_equal(out, "/ab");
	assert_int_equal(http_decode_path(a, "/a\0b", 4, &out), SPP_EBADREQ);
	arena_free(a);
}

static void test_reason(void **state)
{
	static const struct {
		int status;
		const char *reason;
	} cases[] = {
		{ 200, "OK" },
		{ 201, "Created" },
		{ 204, "No Content" },
		{ 301, "Moved Permanently" },
		{ 302, "Found" },
		{ 303, "See Other" },
		{ 304, "Not Modified" },
		{ 400, "Bad Request" },
		{ 401, "Unauthorized" },
		{ 403, "Forbidden" },
		{ 404, "Not Found" },
		{ 405, "Method Not Allowed" },
		{ 408, "Request Timeout" },
		{ 409, "Conflict" },
		{ 413, "Content Too Large" },
		{ 415, "Unsupported Media Type" },
		{ 422, "Unprocessable Content" },
		{ 429, "Too Many Requests" },
		{ 500, "Internal Server Error" },
		{ 502, "Bad Gateway" },
		{ 503, "Service Unavailable" },
		{ 0, "Unknown" },
		{ 299, "Unknown" },
		{ -1, "Unknown" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++)
		assert_string_equal(http_reason(cases[i].status), cases[i].reason);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded),
		cmocka_unit_test(test_urlencoded_len),
		cmocka_unit_test(test_urlencoded_limits),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_cookie_limits),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_multipart_binary),
		cmocka_unit_test(test_multipart_limits),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_path_len),
		cmocka_unit_test(test_reason),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
