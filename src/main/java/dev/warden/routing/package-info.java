/** Routing: logical model names to deployments. Contributes the ROUTE stage. */
@NullMarked
package dev.warden.routing;

import org.jspecify.annotations.NullMarked;
