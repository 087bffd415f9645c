/**
 * Upstream providers: the {@link dev.warden.provider.Provider} contract, the one outbound HTTP client, and one
 * sub-package per upstream family. Translation inside a provider is pure; all I/O goes through
 * {@link dev.warden.provider.UpstreamClient}.
 */
@NullMarked
package dev.warden.provider;

import org.jspecify.annotations.NullMarked;
