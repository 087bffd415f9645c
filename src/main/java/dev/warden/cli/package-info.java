/** The command line: {@code warden serve}, {@code warden check-config}, {@code warden version}. */
@NullMarked
package dev.warden.cli;

import org.jspecify.annotations.NullMarked;
