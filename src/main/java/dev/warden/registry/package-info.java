/**
 * Deployments added through the admin API: stored as documents (the same fields as a deployment in the
 * configuration file, as JSON) with their credentials sealed, validated by the configuration reader, and picked
 * up by every instance without a restart; and price overrides, kept in step the same way ({@link
 * dev.warden.registry.RevisionSync}).
 */
@NullMarked
package dev.warden.registry;

import org.jspecify.annotations.NullMarked;
