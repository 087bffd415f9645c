/**
 * Warden's own HTTP/1.1 client for upstream calls: blocking sockets on the calling (virtual) thread, a LIFO
 * keep-alive pool per origin, and nothing an LLM upstream does not need (no proxies, no redirects, no decoding).
 * Only {@link dev.warden.provider.UpstreamClient} uses it; the front types are {@link
 * dev.warden.provider.http.Http1Client}, its request and response, and {@link dev.warden.provider.http.HttpFailure}.
 */
@NullMarked
package dev.warden.provider.http;

import org.jspecify.annotations.NullMarked;
