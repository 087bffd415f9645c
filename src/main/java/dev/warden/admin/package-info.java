/**
 * The admin API ({@code /admin/v1}): organizations, teams, users, tiers and virtual keys, with role-based access
 * control ({@link dev.warden.admin.Permissions}). Transport-free: the server binding turns an HTTP request into an
 * {@link dev.warden.admin.AdminRequest} and writes the {@link dev.warden.admin.AdminResponse} back. Not on the
 * LLM request path: it reads and writes the database directly.
 */
@NullMarked
package dev.warden.admin;

import org.jspecify.annotations.NullMarked;
