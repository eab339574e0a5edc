/*
 * response.h — the transport side of a request, implemented by worker.c
 * over FastCGI. route.c decides what to answer; these functions send it.
 */
#ifndef SPP_RESPONSE_H
#define SPP_RESPONSE_H

#include "request.h"

/*
 * Reads the request body (CONTENT_LENGTH bytes) into r->body. Returns
 * SPP_OK, SPP_ETOOBIG when it is larger than the pool's max_body (the body
 * is then discarded), or SPP_EIO.
 */
int response_read_body(request *r);

/*
 * Sends the complete response: status line, security headers, cache
 * headers, r->out_headers, then body (omitted for HEAD). media_type NULL
 * means no body (redirects).
 */
void response_send(request *r, const char *media_type, const char *body, size_t len);

#endif
