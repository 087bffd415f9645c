package dev.warden.identity;

import static dev.warden.testkit.KeyBuilder.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How a principal's chain of owners folds into one {@link Access}, and the directory's lookups. */
class DirectoryTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static Tier tier(String id, String... models) {
        return new Tier(id, id + "-name", List.of(models), Limits.NONE, Map.of(), T);
    }

    private static Org org(String id, @Nullable String tier, String... models) {
        return new Org(id, id + "-name", tier, List.of(models), Limits.NONE, Map.of(), T);
    }

    private static Team team(String id, String org, @Nullable String tier, String... models) {
        return new Team(id, org, id + "-name", tier, List.of(models), Limits.NONE, Map.of(), T);
    }

    private static User user(String id, @Nullable String org, List<String> teams, @Nullable String tier,
            String... models) {
        return new User(id, id + "@Example.com", id.toUpperCase(), org, teams, Set.of(Grant.orgAdmin("acme")), tier,
                List.of(models), Limits.NONE, Map.of(), T);
    }

    /*
     * acme (tier gold: gpt-4o*, llama-*)
     *   team ml: llama-*, gpt-4o-mini       team web: tier bronze (llama-*)      team open: no list
     *   ann: in ml and web, no list         bob: llama-3*, no team
     * beta: own list claude-*, tier gold (the own list wins)
     */
    private final Directory directory = Directory.of(
            List.of(org("acme", "gold"), org("beta", "gold", "claude-*")),
            List.of(team("ml", "acme", null, "llama-*", "gpt-4o-mini"), team("web", "acme", "bronze"),
                    team("open", "acme", null), team("beta-team", "beta", null)),
            List.of(user("ann", "acme", List.of("ml", "web"), null), user("bob", "acme", List.of(), null, "llama-3*"),
                    user("cy", null, List.of(), "bronze")),
            List.of(tier("gold", "gpt-4o*", "llama-*"), tier("bronze", "llama-*"), tier("empty")));

    @Test
    void aTeamKeyIsBoundedByItsTeamAndItsTeamsOrg() {
        var access = directory.accessOf(key("k").team("ml").build());
        assertThat(access.allowsModel("llama-3.1-8b")).isTrue();
        assertThat(access.allowsModel("gpt-4o-mini")).isTrue();
        // The org's tier allows gpt-4o, the team does not.
        assertThat(access.allowsModel("gpt-4o")).isFalse();
        assertThat(access.allowsModel("mistral-large")).isFalse();
        assertThat(access.restrictsModels()).isTrue();
    }

    @Test
    void aKeyCannotWidenItsTeamsList() {
        var access = directory.accessOf(key("k").team("ml").models("gpt-4o", "mistral-*", "llama-*").build());
        assertThat(access.allowsModel("gpt-4o")).isFalse();
        assertThat(access.allowsModel("mistral-large")).isFalse();
        assertThat(access.allowsModel("llama-3")).isTrue();
    }

    @Test
    void aKeyCanNarrowItsTeamsList() {
        var access = directory.accessOf(key("k").team("ml").models("llama-3*").build());
        assertThat(access.allowsModel("llama-3.1")).isTrue();
        assertThat(access.allowsModel("llama-2")).isFalse();
        assertThat(access.allowsModel("gpt-4o-mini")).isFalse();
    }

    @Test
    void theOrgBoundsTeamsThatAllowMore() {
        // Team "open" has no list, so the org's tier is what bounds its keys.
        var access = directory.accessOf(key("k").team("open").build());
        assertThat(access.allowsModel("gpt-4o")).isTrue();
        assertThat(access.allowsModel("llama-3")).isTrue();
        assertThat(access.allowsModel("claude-3-opus")).isFalse();
    }

    @Test
    void keyUserTeamAndOrgMustAllAgree() {
        // bob allows llama-3*, team ml allows llama-* and gpt-4o-mini, acme's tier allows gpt-4o* and llama-*.
        var access = directory.accessOf(key("k").user("bob").team("ml").models("llama-3.1*", "gpt-4o-mini").build());
        assertThat(access.allowsModel("llama-3.1-70b")).isTrue();
        assertThat(access.allowsModel("llama-3.2")).isFalse();
        assertThat(access.allowsModel("gpt-4o-mini")).isFalse();
        assertThat(access.models()).hasSize(4);
    }

    @Test
    void aUsersKeyIsBoundedByTheUserAndTheUsersOrg() {
        var access = directory.accessOf(key("k").user("bob").build());
        assertThat(access.allowsModel("llama-3")).isTrue();
        assertThat(access.allowsModel("llama-2")).isFalse();
        assertThat(directory.ownerOf(key("k").user("bob").build()).org()).isEqualTo("acme");
    }

    @Test
    void aLevelWithoutItsOwnListUsesItsTiers() {
        // The key names tier bronze and has no list of its own.
        var keyTier = directory.accessOf(key("k").tier("bronze").build());
        assertThat(keyTier.allowsModel("llama-3")).isTrue();
        assertThat(keyTier.allowsModel("gpt-4o")).isFalse();
        // Team web has no list and names tier bronze.
        var teamTier = directory.accessOf(key("k").team("web").build());
        assertThat(teamTier.allowsModel("llama-3")).isTrue();
        assertThat(teamTier.allowsModel("gpt-4o")).isFalse();
        // User cy has no list and names tier bronze.
        var userTier = directory.accessOf(key("k").user("cy").build());
        assertThat(userTier.allowsModel("gpt-4o")).isFalse();
    }

    @Test
    void aLevelsOwnListWinsOverItsTier() {
        // Org beta lists claude-* itself, so its tier gold (gpt-4o*, llama-*) does not apply.
        var access = directory.accessOf(key("k").team("beta-team").build());
        assertThat(access.allowsModel("claude-3-opus")).isTrue();
        assertThat(access.allowsModel("gpt-4o")).isFalse();
        // Likewise a key's own list beats the key's tier.
        var key = directory.accessOf(key("k").tier("bronze").models("gpt-4o").build());
        assertThat(key.allowsModel("gpt-4o")).isTrue();
        assertThat(key.allowsModel("llama-3")).isFalse();
    }

    @Test
    void anUnknownOrEmptyTierRestrictsNothing() {
        assertThat(directory.accessOf(key("k").tier("no-such-tier").build())).isEqualTo(Access.UNRESTRICTED);
        assertThat(directory.accessOf(key("k").tier("empty").build()).restrictsModels()).isFalse();
    }

    @Test
    void anUnownedKeyWithoutAListIsUnrestricted() {
        var access = directory.accessOf(key("k").build());
        assertThat(access.restrictsModels()).isFalse();
        assertThat(access.allowsModel("anything")).isTrue();
        assertThat(access).isEqualTo(Access.UNRESTRICTED);
    }

    @Test
    void theKeysEndpointAndDeploymentRestrictionsAreCarried() {
        var access = directory.accessOf(key("k").endpoints(ApiEndpoint.CHAT).deployments("azure", "openai")
                .pinned("azure").build());
        assertThat(access.allowsEndpoint(ApiEndpoint.CHAT)).isTrue();
        assertThat(access.allowsEndpoint(ApiEndpoint.EMBEDDINGS)).isFalse();
        assertThat(access.allowsDeployment("azure")).isTrue();
        assertThat(access.allowsDeployment("openai")).as("pinned elsewhere").isFalse();
        assertThat(access.allowsDeployment("bedrock")).isFalse();
        assertThat(access.pinnedDeployment()).isEqualTo("azure");
    }

    @Test
    void ownersAreFilledInFromTheTeamAndTheUser() {
        assertThat(directory.ownerOf(key("k").team("ml").build()))
                .isEqualTo(new Owner(null, List.of("ml"), "acme", null));
        assertThat(directory.ownerOf(key("k").user("ann").build()))
                .isEqualTo(new Owner("ann", List.of("ml", "web"), "acme", null));
        assertThat(directory.ownerOf(key("k").user("ann").team("web").tier("gold").build()))
                .isEqualTo(new Owner("ann", List.of("web"), "acme", "gold"));
        // An org named on the key itself wins.
        assertThat(directory.ownerOf(key("k").team("ml").org("beta").build()).org()).isEqualTo("beta");
        assertThat(directory.ownerOf(key("k").build())).isEqualTo(Owner.NONE);
        // Ids that are not (or no longer) in the directory are kept as given but add nothing.
        assertThat(directory.ownerOf(key("k").user("ghost").team("gone").build()))
                .isEqualTo(new Owner("ghost", List.of(), null, null));
    }

    @Test
    void aSignedInUserInSeveralTeamsMayUseWhatAnyOfThemMayUse() {
        var ann = directory.users().get("ann");
        var teams = List.of(directory.teams().get("ml"), directory.teams().get("web"));
        var access = directory.accessOf(ann, teams, directory.orgs().get("acme"));
        // ml allows gpt-4o-mini, web (tier bronze) allows only llama-*: the union allows both.
        assertThat(access.allowsModel("gpt-4o-mini")).isTrue();
        assertThat(access.allowsModel("llama-3")).isTrue();
        // Neither team allows gpt-4o, though the org does.
        assertThat(access.allowsModel("gpt-4o")).isFalse();
        assertThat(access.endpoints()).isEmpty();
        assertThat(access.pinnedDeployment()).isNull();
    }

    @Test
    void aTeamWithoutAnyListLiftsTheTeamLevelForASignedInUser() {
        var teams = List.of(directory.teams().get("ml"), directory.teams().get("open"));
        var access = directory.accessOf(directory.users().get("ann"), teams, directory.orgs().get("acme"));
        // Still bounded by the org's tier.
        assertThat(access.allowsModel("gpt-4o")).isTrue();
        assertThat(access.allowsModel("claude-3")).isFalse();
    }

    @Test
    void aSignedInUserIsBoundedByTheirOwnListAndTheOrg() {
        var bob = directory.users().get("bob");
        var access = directory.accessOf(bob, List.of(), directory.orgs().get("acme"));
        assertThat(access.allowsModel("llama-3")).isTrue();
        assertThat(access.allowsModel("gpt-4o")).isFalse();
        assertThat(directory.accessOf(null, List.of(), null)).isEqualTo(Access.UNRESTRICTED);
        var orgOnly = directory.accessOf(null, List.of(), directory.orgs().get("beta"));
        assertThat(orgOnly.allowsModel("claude-3")).isTrue();
        assertThat(orgOnly.allowsModel("llama-3")).isFalse();
    }

    @Test
    void usersAreFoundByIdOrCaseInsensitiveEmail() {
        assertThat(directory.userByIdOrEmail("ann")).map(User::id).contains("ann");
        assertThat(directory.userByIdOrEmail("ann@example.com")).map(User::id).contains("ann");
        assertThat(directory.userByIdOrEmail("ANN@EXAMPLE.COM")).map(User::id).contains("ann");
        assertThat(directory.userByIdOrEmail("ANN")).as("ids are exact").isEmpty();
        assertThat(directory.userByIdOrEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void teamsAndOrgsAreFoundByIdOrName() {
        assertThat(directory.teamByIdOrName("ml")).map(Team::id).contains("ml");
        assertThat(directory.teamByIdOrName("ml-name")).map(Team::id).contains("ml");
        assertThat(directory.teamByIdOrName("ML-name")).isEmpty();
        assertThat(directory.orgByIdOrName("beta")).map(Org::id).contains("beta");
        assertThat(directory.orgByIdOrName("beta-name")).map(Org::id).contains("beta");
        assertThat(directory.orgByIdOrName("gamma")).isEmpty();
    }

    @Test
    void grantsAreThoseStored() {
        assertThat(directory.grantsOf("ann")).containsExactly(Grant.orgAdmin("acme"));
        assertThat(directory.grantsOf("nobody")).isEmpty();
        assertThat(Directory.EMPTY.users()).isEmpty();
    }

    @Test
    void aPersonalKeyIsBoundedByWhatAnyOneOfItsUsersTeamsMayUse() {
        // ann is in ml (llama-*, gpt-4o-mini) and web (tier bronze: llama-*); acme's tier allows gpt-4o* too.
        var key = key("k").user("ann").models("gpt-4o*", "llama-*").build();
        var access = directory.accessOf(key);
        assertThat(access.allowsModel("gpt-4o-mini")).isTrue();
        assertThat(access.allowsModel("llama-3.1-8b")).isTrue();
        assertThat(access.allowsModel("gpt-4o")).as("no team of ann's allows it").isFalse();
    }

    @Test
    void limitsAlongTheChainAreNamedByScopeAndFilledFromEachLevelsTier() {
        var limited = new Tier("t-limits", "limited", List.of(), new Limits(100L, 50_000L, 4, null, null), Map.of(), T);
        var team = new Team("lim-team", "lim-org", "lim", "t-limits", List.of(), new Limits(10L, null, null,
                new java.math.BigDecimal("25"), "monthly"), Map.of(), T);
        var org = new Org("lim-org", "lim-org", null, List.of(), Limits.NONE, Map.of(), T);
        var ray = new User("ray", "ray@example.com", null, "lim-org", List.of("lim-team"), Set.of(), null, List.of(),
                Limits.NONE, Map.of(), T);
        var dir = Directory.of(List.of(org), List.of(team), List.of(ray), List.of(limited));
        var key = key("k9").user("ray").limits(new Limits(5L, null, null, null, null)).build();
        assertThat(dir.limitsOf(key)).containsExactly(
                new LimitLine("key:k9", new Limits(5L, null, null, null, null)),
                new LimitLine("team:lim-team", new Limits(10L, 50_000L, 4, new java.math.BigDecimal("25"), "monthly")));
        assertThat(dir.limitsOf(ray, List.of(team), org)).extracting(LimitLine::scope).containsExactly("team:lim-team");
    }
}
