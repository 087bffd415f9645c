/**
 * The request-reading and stream-writing plumbing every client dialect needs: a request body split into modelled
 * and pass-through fields, typed reads of a JSON object that fail with a 400 naming the exact path, and a channel
 * that hands events to the client one whole event at a time.
 *
 * <p>The dialects differ only in how they word a bad request (and in the path style they build for array items,
 * which the dialect does itself); that difference is the {@link dev.warden.api.wire.ErrorWording} each dialect
 * implements. This package imports only {@code dev.warden.llm}, Jackson, JSpecify and the JDK, never a dialect.
 */
@NullMarked
package dev.warden.api.wire;

import org.jspecify.annotations.NullMarked;
