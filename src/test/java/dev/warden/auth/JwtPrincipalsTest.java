package dev.warden.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.auth.jwt.JwtIdentity;
import dev.warden.identity.Directory;
import dev.warden.identity.Grant;
import dev.warden.identity.Limits;
import dev.warden.identity.Org;
import dev.warden.identity.Role;
import dev.warden.identity.Team;
import dev.warden.identity.User;
import dev.warden.pipeline.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtPrincipalsTest {
    private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");
    private final Org acme = new Org("org_acme", "acme", null, List.of("llama-*", "gpt-4o"), Limits.NONE, Map.of(), T);
    private final Team ml = new Team("team_ml", "org_acme", "ml", null, List.of("llama-*"), Limits.NONE, Map.of(), T);
    private final Team web = new Team("team_web", "org_acme", "web", null, List.of("gpt-4o"), Limits.NONE, Map.of(), T);
    private final User carol = new User("usr_carol", "carol@acme.test", "Carol", "org_acme", List.of("team_web"),
            Set.of(new Grant(Role.VIEWER, "org_acme", null)), null, List.of(), Limits.NONE, Map.of(), T);
    private final Directory directory = Directory.of(List.of(acme), List.of(ml, web), List.of(carol), List.of());

    private static JwtIdentity token(String subject, List<String> teams, String org, Set<String> roles) {
        return new JwtIdentity(subject, null, teams, org, roles, T.plusSeconds(300));
    }

    @Test
    void tokenRolesAreScopedToTheOrgAndTeamsTheTokenNamesByNameOrId() {
        var principal = JwtPrincipals.of(token("dave", List.of("ml", "unknown-group"), "acme",
                Set.of("team-admin", "org-admin", "no-such-role")), directory);
        assertThat(principal.kind()).isEqualTo(Principal.Kind.JWT);
        assertThat(principal.id()).isEqualTo("dave");
        assertThat(principal.owner().teams()).containsExactly("team_ml");
        assertThat(principal.owner().org()).isEqualTo("org_acme");
        assertThat(principal.grants()).containsExactlyInAnyOrder(Grant.teamAdmin("org_acme", "team_ml"),
                Grant.orgAdmin("org_acme"));
        assertThat(principal.access().allowsModel("llama-3.1-8b")).isTrue();
        assertThat(principal.access().allowsModel("gpt-4o")).isFalse();
    }

    @Test
    void aKnownUserKeepsStoredRolesAndTeamsAndGetsTheUnionOfItsTeamsModels() {
        var principal = JwtPrincipals.of(token("carol@acme.test", List.of("ml"), null, Set.of()), directory);
        assertThat(principal.id()).isEqualTo("usr_carol");
        assertThat(principal.owner().user()).isEqualTo("usr_carol");
        assertThat(principal.owner().teams()).containsExactly("team_ml", "team_web");
        assertThat(principal.owner().org()).isEqualTo("org_acme");
        assertThat(principal.grants()).containsExactly(new Grant(Role.VIEWER, "org_acme", null));
        assertThat(principal.access().allowsModel("gpt-4o")).isTrue();
        assertThat(principal.access().allowsModel("llama-3.1-8b")).isTrue();
        assertThat(principal.access().allowsModel("claude-3")).isFalse();
    }

    @Test
    void scopedRolesWithNothingToScopeThemGrantNothingAndAdminIsGlobal() {
        var principal = JwtPrincipals.of(token("erin", List.of(), null, Set.of("org-admin", "team-admin", "member")),
                directory);
        assertThat(principal.grants()).isEmpty();
        assertThat(principal.access().allowsModel("anything")).isTrue();
        var admin = JwtPrincipals.of(token("root", List.of(), null, Set.of("ADMIN")), directory);
        assertThat(admin.grants()).containsExactly(Grant.ADMIN);
    }
}
