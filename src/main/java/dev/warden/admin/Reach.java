package dev.warden.admin;

/** How far one role's permission for an operation extends, relative to the scope of the grant that holds it. */
enum Reach {
    /** Not permitted. */
    NONE,
    /** Anything (the admin role, and things that belong to no organization, such as tiers). */
    ANY,
    /** Targets in the grant's organization (for organization-scoped grants). */
    ORG,
    /** Targets in the grant's team: the team itself, its members, its keys. */
    TEAM,
    /** {@link #TEAM} for a team-scoped grant, {@link #ORG} for an organization-scoped one. */
    SCOPE,
    /** The caller's own user and the keys it owns. */
    OWN,
    /** As {@link #OWN}, and a team named must be one of the caller's teams (a member's new key). */
    OWN_IN_MY_TEAMS,
    /** Teams the caller belongs to. */
    MY_TEAMS
}
