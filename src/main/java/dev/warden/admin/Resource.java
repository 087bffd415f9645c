package dev.warden.admin;

import java.util.List;

/**
 * One kind of thing the admin API manages (keys, teams, ...): its routes. Adding a resource is one class that
 * implements this and one line in {@link AdminApi#create}; its operations get their row in {@link Permissions}.
 */
interface Resource {
    List<Route> routes();
}
