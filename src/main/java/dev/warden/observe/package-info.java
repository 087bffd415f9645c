/** Observability: listens to request records; never sits inside business logic. */
@NullMarked
package dev.warden.observe;

import org.jspecify.annotations.NullMarked;
