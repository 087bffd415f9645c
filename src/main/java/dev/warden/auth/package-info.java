/** Authentication: who is calling. Contributes the AUTHENTICATE stage. */
@NullMarked
package dev.warden.auth;

import org.jspecify.annotations.NullMarked;
