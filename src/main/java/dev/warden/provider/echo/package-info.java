/**
 * The built-in demo model: answers by repeating the caller's last message, streams it word by word, and needs no
 * network or key. It exists so the first request against a fresh gateway works; it is labelled as a demo
 * everywhere it appears and never pretends to be a real model.
 */
@NullMarked
package dev.warden.provider.echo;

import org.jspecify.annotations.NullMarked;
