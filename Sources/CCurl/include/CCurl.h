// Non-variadic wrappers around libcurl, which Swift cannot call directly.
#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/* Receives a piece of the response head or body; returns the bytes it took. */
typedef size_t (*ccurl_data_fn)(char *data, size_t size, size_t count, void *context);

/* One finished transfer taken from a multi handle's message queue. */
typedef struct {
  CURL *easy;
  CURLcode result;
} ccurl_done;

CURLcode ccurl_global_init(void);
CURLcode ccurl_set_long(CURL *easy, CURLoption option, long value);
CURLcode ccurl_set_size(CURL *easy, CURLoption option, curl_off_t value);
CURLcode ccurl_set_pointer(CURL *easy, CURLoption option, void *value);
CURLcode ccurl_set_text(CURL *easy, CURLoption option, const char *value);
CURLcode ccurl_set_data_fn(CURL *easy, CURLoption option, ccurl_data_fn fn);
long ccurl_response_code(CURL *easy);
/* The next finished transfer; 0 when none is waiting. */
int ccurl_next_done(CURLM *multi, ccurl_done *done);

#endif
