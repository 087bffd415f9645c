/**
 * Connections to the Redis that limits and budgets share across instances: one place that reads
 * {@code redis.url} (credentials, database, TLS) and bounds every wait by the configured timeout.
 */
@NullMarked
package dev.warden.redis;

import org.jspecify.annotations.NullMarked;
