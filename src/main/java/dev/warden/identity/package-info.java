/**
 * Who exists and what they may do: organizations, teams, users, tiers, virtual keys, roles and access lists, as
 * records, plus the ports the store implements. Pure data and rules: no I/O, no JDBC, no HTTP.
 */
@NullMarked
package dev.warden.identity;

import org.jspecify.annotations.NullMarked;
