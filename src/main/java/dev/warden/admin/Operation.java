package dev.warden.admin;

/**
 * Everything the admin API can do, one constant per kind of call; {@link Permissions} says who may do each.
 * {@link #ME} is open to every authenticated caller.
 */
enum Operation {
    ME("reading your own identity"),

    ORG_CREATE("creating an organization"),
    ORG_LIST("listing organizations"),
    ORG_READ("reading an organization"),
    ORG_UPDATE("updating an organization"),
    ORG_DELETE("deleting an organization"),

    TEAM_CREATE("creating a team"),
    TEAM_LIST("listing teams"),
    TEAM_READ("reading a team"),
    TEAM_UPDATE("updating a team"),
    TEAM_DELETE("deleting a team"),
    TEAM_MEMBER_ADD("adding a team member"),
    TEAM_MEMBER_REMOVE("removing a team member"),

    USER_CREATE("creating a user"),
    USER_LIST("listing users"),
    USER_READ("reading a user"),
    USER_UPDATE("updating a user"),
    USER_DELETE("deleting a user"),
    USER_IMPORT("importing users"),
    /** Giving or taking away one role; checked for every role a user write adds or removes. */
    ROLE_GRANT("granting or removing a role"),

    TIER_CREATE("creating a tier"),
    TIER_LIST("listing tiers"),
    TIER_READ("reading a tier"),
    TIER_UPDATE("updating a tier"),
    TIER_DELETE("deleting a tier"),

    KEY_CREATE("creating a key"),
    KEY_LIST("listing keys"),
    KEY_READ("reading a key"),
    KEY_UPDATE("updating a key"),
    KEY_REVOKE("revoking a key"),
    KEY_ROTATE("rotating a key"),
    KEY_USAGE("reading a key's usage"),

    /** Spend reports; what each caller sees is narrowed to its reach (see {@link Permissions#spendReach}). */
    SPEND_READ("reading spend reports"),
    /** Zeroing a budget's spend in its current window. Reading a budget is reading its key, user, team or org. */
    BUDGET_RESET("resetting a budget"),

    // Stored deployments: the routes come with the deployments resource; who may call them is decided here.
    DEPLOYMENT_CREATE("creating a deployment"),
    DEPLOYMENT_LIST("listing deployments"),
    DEPLOYMENT_READ("reading a deployment"),
    DEPLOYMENT_UPDATE("updating a deployment"),
    DEPLOYMENT_DELETE("deleting a deployment"),

    // Price overrides, and the explanation of the price that applies (PRICE_READ).
    PRICE_CREATE("creating a price override"),
    PRICE_LIST("listing price overrides"),
    PRICE_READ("reading a price"),
    PRICE_UPDATE("updating a price override"),
    PRICE_DELETE("deleting a price override");

    final String description;

    Operation(String description) {
        this.description = description;
    }
}
