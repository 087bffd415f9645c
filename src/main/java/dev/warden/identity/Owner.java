package dev.warden.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who a request is attributed to, for limits, budgets, spend and logs. Ids only, never secrets. */
public record Owner(@Nullable String user, List<String> teams, @Nullable String org, @Nullable String tier) {
    public static final Owner NONE = new Owner(null, List.of(), null, null);

    public Owner {
        teams = List.copyOf(teams);
    }
}
