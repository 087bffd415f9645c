/**
 * JDBC implementations of the ports that the domain packages declare, on SQLite (embedded default) or PostgreSQL,
 * with one set of Flyway migrations ({@code db/migration}) for both. Nothing here is called on the request path:
 * the gateway serves from in-memory copies refreshed in the background.
 */
@NullMarked
package dev.warden.store;

import org.jspecify.annotations.NullMarked;
