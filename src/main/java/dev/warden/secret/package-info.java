/**
 * The server secret and what is derived from it: the HMAC key virtual keys are hashed with, and the AES-256-GCM key
 * stored provider credentials are sealed with. JDK cryptography only.
 */
@NullMarked
package dev.warden.secret;

import org.jspecify.annotations.NullMarked;
