/**
 * The HTTP binding: routes per dialect, body limits, error rendering per dialect, streaming plumbing and graceful
 * drain. The only package that knows the HTTP server library; nothing imports it but Wiring.
 */
@NullMarked
package dev.warden.server;

import org.jspecify.annotations.NullMarked;
