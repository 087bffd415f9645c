package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GrantTest {

    @Test
    void adminIsGlobal() {
        assertThat(new Grant(Role.ADMIN, null, null)).isEqualTo(Grant.ADMIN);
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.ADMIN, "acme", null))
                .withMessage("admin is a global role: it takes no org or team");
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.ADMIN, null, "ml"))
                .withMessage("admin is a global role: it takes no org or team");
    }

    @Test
    void orgAdminIsScopedToExactlyOneOrg() {
        assertThat(Grant.orgAdmin("acme")).isEqualTo(new Grant(Role.ORG_ADMIN, "acme", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.ORG_ADMIN, null, null))
                .withMessage("org-admin is scoped to exactly one org");
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.ORG_ADMIN, "acme", "ml"))
                .withMessage("org-admin is scoped to exactly one org");
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.ORG_ADMIN, null, "ml"));
    }

    @Test
    void teamAdminNeedsATeamAndMayNameItsOrg() {
        assertThat(Grant.teamAdmin("acme", "ml")).isEqualTo(new Grant(Role.TEAM_ADMIN, "acme", "ml"));
        assertThat(new Grant(Role.TEAM_ADMIN, null, "ml").team()).isEqualTo("ml");
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.TEAM_ADMIN, "acme", null))
                .withMessage("team-admin is scoped to a team");
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(Role.TEAM_ADMIN, null, null));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MEMBER", "VIEWER"})
    void membersAndViewersAreScopedToAnOrgOrATeam(Role role) {
        assertThat(new Grant(role, "acme", null).org()).isEqualTo("acme");
        assertThat(new Grant(role, null, "ml").team()).isEqualTo("ml");
        assertThat(new Grant(role, "acme", "ml")).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new Grant(role, null, null))
                .withMessage(role.wire() + " is scoped to an org or a team");
    }

    @Test
    void aRoleIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Grant(null, "acme", null)).withMessage("role");
    }

    @Test
    void rolesHaveKebabCaseWireNamesAndParseLeniently() {
        assertThat(Role.ORG_ADMIN.wire()).isEqualTo("org-admin");
        assertThat(Role.TEAM_ADMIN.wire()).isEqualTo("team-admin");
        for (var role : Role.values()) {
            assertThat(Role.parse(role.wire())).contains(role);
            assertThat(Role.parse(role.name())).contains(role);
        }
        assertThat(Role.parse(" Org-Admin ")).contains(Role.ORG_ADMIN);
        assertThat(Role.parse("owner")).isEmpty();
        assertThat(Role.parse("")).isEmpty();
    }
}
