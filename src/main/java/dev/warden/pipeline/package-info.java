/**
 * The request path: one-method stages, the per-request {@link dev.warden.pipeline.Exchange}, and the order of
 * stages, written once in {@link dev.warden.pipeline.Slot}.
 */
@NullMarked
package dev.warden.pipeline;

import org.jspecify.annotations.NullMarked;
